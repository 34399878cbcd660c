"""The assistant as one object: open the index, build it from the corpus when empty, answer."""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.answer import Answer, ExtractiveAnswerer
from ingest.pipeline import IngestReport, ReportIndex
from ingest.settings import Settings

logger = logging.getLogger(__name__)


class Assistant:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.index = ReportIndex(self.settings)
        self._answerer = ExtractiveAnswerer(self.index)

    def sync_corpus(self, corpus_dir: Path | None = None, progress: bool = True) -> IngestReport:
        """Index the corpus folder: new and changed files only, so a later start is quick."""
        corpus_dir = (corpus_dir or self.settings.ui.corpus_dir).resolve()
        if not corpus_dir.exists():
            logger.warning("corpus folder %s does not exist", corpus_dir)
            return IngestReport()
        report = self.index.ingest([corpus_dir], progress=progress)
        # A report deleted from the folder leaves the index too.
        for document in self.index.documents().values():
            source = Path(document.source)
            if source.is_relative_to(corpus_dir) and not source.exists():
                logger.info("removing %s: its file is gone", document.source)
                self.index.delete(document.doc_id)
                report.removed.append(document.source)
        return report

    def ask(self, question: str, doc_ids: list[str] | None = None) -> Answer:
        return self._answerer.ask(question, doc_ids=doc_ids)
