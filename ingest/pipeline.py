"""From files to an index: parse, chunk, embed, write; report what happened to each file."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest.chunker import chunk_document
from ingest.embeddings import ReportEmbedding, load_encoder
from ingest.lexical import LexicalIndex
from ingest.loaders import SUPPORTED_SUFFIXES, load_file
from ingest.metadata import extract_metadata
from ingest.models import DocumentInfo, IngestError, ParsedDocument
from ingest.normalize import normalize_document
from ingest.settings import Settings
from ingest.store import DocumentVectors, ReportStore, open_client
from ingest.structure import parse_blocks
from ingest.tokenize import tokenize

logger = logging.getLogger(__name__)


def parse_document(path: Path, data: bytes | None, settings: Settings) -> ParsedDocument:
    """Load, normalize, structure and chunk one file; nothing is written anywhere."""
    max_bytes = int(settings.index.max_file_mb * 2**20)
    loaded = load_file(path, max_bytes)
    doc_id = hashlib.sha256(data if data is not None else path.read_bytes()).hexdigest()
    normalized = normalize_document(loaded.text, loaded.hard_wrapped)
    chunks = chunk_document(doc_id, normalized, parse_blocks(normalized, loaded.headings), settings.chunking)
    if not chunks:
        raise IngestError(path, "没有切分出任何段落", "请确认文件内容是报告正文")
    meta = extract_metadata(normalized, path.stem)
    info = DocumentInfo(
        doc_id=doc_id,
        source=str(path.resolve()),
        title=meta.title,
        department=meta.department,
        district=meta.district,
        year=meta.year,
        report_type=meta.report_type,
        pages=loaded.pages or (len(normalized.page_starts) or None),
        chunk_count=len(chunks),
    )
    return ParsedDocument(info=info, normalized=normalized, chunks=tuple(chunks))


def chunk_embedding_text(section_path: tuple[str, ...], text: str) -> str:
    """What is embedded for a chunk: its section path gives a bare passage its subject."""
    return f"{' > '.join(section_path)}\n{text}" if section_path else text


def sentence_embedding_text(section_path: tuple[str, ...], text: str) -> str:
    return f"{section_path[-1]}：{text}" if section_path else text


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    chunks: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        removed = f"，移除 {len(self.removed)} 份" if self.removed else ""
        return (
            f"新增 {len(self.added)} 份，未变 {len(self.unchanged)} 份，替换 {len(self.replaced)} 份，"
            f"失败 {len(self.failed)} 份{removed}；新写入 {self.chunks} 个段落，用时 {self.seconds:.1f} 秒"
        )


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and supported files found under given folders (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(path)
    return files


class ReportIndex:
    """The store, the BM25 index and the embedding model of one configuration."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.embedding = ReportEmbedding(load_encoder(settings.embedding), settings.embedding.batch_size)
        self.store = ReportStore(open_client(settings.index), self.embedding.model_name)
        self._lexical: LexicalIndex | None = None
        self._documents: dict[str, DocumentInfo] | None = None

    def documents(self) -> dict[str, DocumentInfo]:
        """Registered documents by id (cached; refreshed after this process changes the store)."""
        if self._documents is None:
            self._documents = {doc.doc_id: doc for doc in self.store.documents()}
        return self._documents

    @property
    def _lexical_dir(self) -> Path:
        return Path(self.settings.index.data_dir) / f"bm25-{self.embedding.model_name}"

    def fingerprint(self) -> str:
        ids = sorted(self.documents())
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()

    def lexical(self) -> LexicalIndex:
        """The BM25 index matching the store's current documents (loaded, or rebuilt)."""
        fingerprint = self.fingerprint()
        if self._lexical is not None and self._lexical.fingerprint == fingerprint:
            return self._lexical
        loaded = LexicalIndex.load(self._lexical_dir)
        if loaded is None or loaded.fingerprint != fingerprint:
            chunk_ids, doc_ids, tokens = self.store.chunk_tokens()
            loaded = LexicalIndex.build(chunk_ids, doc_ids, tokens, fingerprint)
            loaded.save(self._lexical_dir)
        self._lexical = loaded
        return loaded

    def ingest(self, paths: Iterable[Path], progress: bool = True) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        self._documents = None
        files = expand_paths(paths)
        for path in tqdm(files, desc="索引报告", unit="份", disable=not progress):
            try:
                self._ingest_file(path, report, progress)
            except IngestError as error:
                logger.warning("%s", error)
                report.failed.append(error)
        self._documents = None
        if report.added or report.replaced:
            self.lexical()
        report.seconds = time.perf_counter() - started
        return report

    def _ingest_file(self, path: Path, report: IngestReport, progress: bool) -> None:
        if not path.exists():
            raise IngestError(path, "文件不存在", "请检查路径")
        data = path.read_bytes()
        doc_id = hashlib.sha256(data).hexdigest()
        if self.store.document(doc_id) is not None:
            report.unchanged.append(str(path))
            return
        parsed = parse_document(path, data, self.settings)
        vectors = self.embed(parsed, progress)
        previous = self.store.find_by_source(parsed.info.source)
        self.store.write_document(parsed, vectors)
        for old in previous:
            self.store.delete_document(old.doc_id)
        (report.replaced if previous else report.added).append(str(path))
        report.chunks += len(parsed.chunks)

    def embed(self, parsed: ParsedDocument, progress: bool = False) -> DocumentVectors:
        chunk_texts = [chunk_embedding_text(c.section_path, c.text) for c in parsed.chunks]
        sentence_texts = [sentence_embedding_text(c.section_path, s.text) for c in parsed.chunks for s in c.sentences]
        vectors = np.asarray(
            self.embedding.get_text_embedding_batch(
                [parsed.info.title, *chunk_texts, *sentence_texts], show_progress=progress
            ),
            dtype=np.float32,
        )
        return DocumentVectors(
            title=vectors[0],
            chunks=vectors[1 : 1 + len(chunk_texts)],
            sentences=vectors[1 + len(chunk_texts) :],
            chunk_tokens=[tokenize(chunk_embedding_text(c.section_path, c.text)) for c in parsed.chunks],
        )

    def update_metadata(self, doc_id: str, **fields: str | int | None) -> DocumentInfo:
        """Correct a document's title, department, district, year or report type; returns the new record."""
        allowed = {"title", "department", "district", "year", "report_type"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"不能修改这些字段：{sorted(unknown)}")
        updated = replace(self.documents()[doc_id], **fields)
        self.store.update_document(updated)
        self._documents = None
        return updated

    def delete(self, doc_id: str) -> None:
        self.store.delete_document(doc_id)
        self._documents = None
        self.lexical()
