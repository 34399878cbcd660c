"""The assistant as one object: open the index, build it from the corpus when empty, answer."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.answer import Answer, ExtractiveAnswerer
from assistant.audit import AuditCheck, audit_document
from assistant.audit_answer import answer_from_audit, is_audit_question
from assistant.conversation import standalone_question
from assistant.figure_table import StatedFigure, extract_figures
from assistant.generative import GenerativeAnswerer, build_llm
from assistant.locate import Locator
from assistant.sanitize import sanitize_question
from ingest.archive import uploads_dir
from ingest.models import IngestError, ParsedDocument
from ingest.pipeline import IngestReport, ReportIndex, parse_document
from ingest.settings import Settings
from ingest.uploads import discard_upload, keep_upload

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingModelAnswer:
    """A model-mode question whose extractive answer is already shown; the model's answer is still to come."""

    question: str  # as asked (sanitized); a follow-up is rewritten again, with the model's help
    history: list[str]
    doc_ids: list[str] | None
    extractive: Answer  # shown meanwhile; the fallback when the model fails
    started: float = field(default_factory=time.perf_counter)  # the question's model budget runs from here


class Assistant:
    def __init__(self, settings: Settings | None = None, index: ReportIndex | None = None) -> None:
        self.settings = settings or (index.settings if index is not None else Settings())
        self.index = index or ReportIndex(self.settings)
        self._answerer = ExtractiveAnswerer(self.index)
        self.llm = build_llm(self.settings.llm) if self.settings.llm.enabled else None
        self._generative = (
            GenerativeAnswerer(self._answerer, self.llm, self.settings.llm) if self.llm is not None else None
        )
        self._parsed: dict[str, ParsedDocument] = {}
        # Pages and boxes of cited figures in PDF sources; each PDF's layout is read once and kept.
        self.locator = Locator(self.parsed, Path(self.settings.index.data_dir) / "layouts")

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

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for: stored vectors, the encoder, the BM25 index."""
        self.index.store.warm()
        self.ask("预热", use_model=False)

    def ask(
        self,
        question: str,
        doc_ids: list[str] | None = None,
        history: list[str] | None = None,
        use_model: bool = True,
    ) -> Answer:
        *_, answer = self.stream(question, doc_ids, history, use_model)
        assert isinstance(answer, Answer)
        return answer

    @property
    def has_model(self) -> bool:
        return self._generative is not None

    def stream(
        self,
        question: str,
        doc_ids: list[str] | None = None,
        history: list[str] | None = None,
        use_model: bool = True,
    ) -> Iterator[str | Answer]:
        """Text as a model writes it (model mode only), then the final Answer, always last.

        `history` holds the earlier questions of the conversation (as answered, i.e. standalone);
        the Answer's `question` is this turn's standalone form, to append to it. `use_model=False`
        answers extractively even when a model is configured.
        """
        first, pending = self.first_answer(question, doc_ids, history, use_model)
        if pending is None:
            yield first
        else:
            yield from self.model_answer(pending)

    def first_answer(
        self,
        question: str,
        doc_ids: list[str] | None = None,
        history: list[str] | None = None,
        use_model: bool = True,
    ) -> tuple[Answer, PendingModelAnswer | None]:
        """The answer that never waits for a model: extractive (or audit), and, in model mode, what the
        model is still to answer (None when it is not asked: extractive mode, an audit, a refusal).

        A chat shows the first at once and the model's answer when it comes, so a slow or hung model
        keeps no one from an answer, not even the one who asked it.
        """
        # Lone surrogates, control characters and overlong input never reach the encoder or the logs.
        asked = sanitize_question(question)
        standalone = standalone_question(asked, history or [])  # the plain rewrite: no model call here
        if is_audit_question(standalone):
            return self.locator.locate(self._audit_answer(standalone, doc_ids)), None
        answer = self.locator.locate(self._answerer.ask(standalone, doc_ids=doc_ids))
        if not use_model or self._generative is None or answer.refused:
            return answer, None  # what the frame refuses the model is not asked
        return answer, PendingModelAnswer(asked, list(history or []), doc_ids, answer)

    def model_answer(self, pending: PendingModelAnswer) -> Iterator[str | Answer]:
        """The model's words as they come, then its verified Answer (or the extractive one with a notice)."""
        assert self._generative is not None
        standalone = standalone_question(pending.question, pending.history, self.llm)
        if is_audit_question(standalone):
            yield self.locator.locate(self._audit_answer(standalone, pending.doc_ids))
            return
        # The extractive answer already shown is reused unless the model's rewrite asks something else.
        known = pending.extractive if standalone == pending.extractive.question else None
        for part in self._generative.stream(standalone, pending.doc_ids, known, pending.started):
            # The final answer: each verified figure gets its page and box in a PDF source.
            yield self.locator.locate(part) if isinstance(part, Answer) else part

    def _audit_answer(self, question: str, doc_ids: list[str] | None) -> Answer:
        """Audit the documents the question is about: those given, else those its passages come from."""
        if doc_ids is None:
            retrieved = self._answerer.retriever.search(question).passages
            doc_ids = list(dict.fromkeys(p.chunk.doc_id for p in retrieved))[:3]
        audited = []
        for doc_id in doc_ids:
            try:
                audited.append((self.parsed(doc_id), self.audit(doc_id)))
            except (KeyError, IngestError) as error:
                logger.warning("cannot audit %s: %s", doc_id, error)
        return answer_from_audit(question, audited)

    def parsed(self, doc_id: str) -> ParsedDocument:
        """The indexed document parsed again from its file (figures and audit need its full text)."""
        if doc_id not in self._parsed:
            document = self.index.documents().get(doc_id)
            if document is None:
                raise KeyError(f"索引中没有文档 {doc_id}")
            path = Path(document.source)
            if not path.exists():
                raise IngestError(path, "源文件已不在原位置，无法核对", "请重新导入该文件")
            parsed = parse_document(path, None, self.settings)
            if parsed.info.doc_id != doc_id:
                raise IngestError(path, "源文件在导入后被修改过", "请重新导入该文件再核对")
            self._parsed[doc_id] = parsed
        return self._parsed[doc_id]

    def figures(self, doc_id: str) -> list[StatedFigure]:
        return extract_figures(self.parsed(doc_id))

    def audit(self, doc_id: str) -> list[AuditCheck]:
        return audit_document(self.parsed(doc_id))

    # ---- the archive: uploads, selection, deletion ------------------------------------------
    @property
    def uploads_dir(self) -> Path:
        return uploads_dir(self.settings)

    def upload(self, files: list[Path], progress: bool = True) -> IngestReport:
        """Keep a copy of each uploaded file by its content (citations and audits need the original) and index it.

        A same-named different report becomes a second report, never a replacement.
        """
        kept = [keep_upload(file, self.uploads_dir) for file in files]
        report = self.index.ingest(kept, progress=progress)
        # A file that failed is not kept, nor a second copy of a report already indexed.
        for path in [Path(e.path) for e in report.failed] + [Path(d.path) for d in report.duplicates]:
            discard_upload(path, self.uploads_dir)
        return report

    def select(
        self, departments: list[str] = (), years: list[int] = (), report_types: list[str] = ()
    ) -> list[str] | None:
        """doc_ids matching every given filter; None when no filter is set (search everything)."""
        if not (departments or years or report_types):
            return None
        return [
            d.doc_id
            for d in self.index.documents().values()
            if (not departments or d.department in departments)
            and (not years or d.year in years)
            and (not report_types or d.report_type in report_types)
        ]

    def delete(self, doc_id: str) -> None:
        document = self.index.documents().get(doc_id)
        self.index.delete(doc_id)
        self._parsed.pop(doc_id, None)
        if document:
            discard_upload(Path(document.source), self.uploads_dir)

    def reindex(self, doc_id: str) -> IngestReport:
        """Index a document again from its file (after the file or the chunking settings changed).

        A file that no longer reads changes nothing (IngestError); see ReportIndex.reindex.
        """
        report = self.index.reindex(doc_id)
        self._parsed.pop(doc_id, None)
        return report

    def replace(self, doc_id: str, file: Path) -> IngestReport:
        """Replace report `doc_id` by a new file (an explicit action): the new version appears and the old
        one disappears in one step. Raises KeyError when `doc_id` is not indexed."""
        old = self.index.documents()[doc_id]
        kept = keep_upload(file, self.uploads_dir)
        report = self.index.replace(doc_id, kept)
        if report.replaced:
            self._parsed.pop(doc_id, None)
            if Path(old.source).resolve() != kept.resolve():
                discard_upload(Path(old.source), self.uploads_dir)  # only ever removes a kept upload
        elif all(Path(d.source) != kept.resolve() for d in self.index.documents().values()):
            discard_upload(kept, self.uploads_dir)  # failed or a duplicate: not kept
        return report
