"""From files to an index: parse, chunk, embed, write; report what happened to each file."""

from __future__ import annotations

import errno
import hashlib
import logging
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest.archive import archive_path
from ingest.chinese import to_simplified
from ingest.chunker import chunk_document
from ingest.coordination import IndexUnavailableError
from ingest.discovery import find_files
from ingest.embeddings import ReportEmbedding, load_encoder
from ingest.lexical import LexicalIndex
from ingest.loaders import load_file
from ingest.metadata import DocumentMetadata, extract_metadata
from ingest.models import DocumentInfo, IngestError, ParsedDocument
from ingest.normalize import NormalizedText, normalize_document
from ingest.settings import Settings
from ingest.store import DocumentVectors, ReportStore, WriteSession
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
    meta = _metadata(normalized, path.stem)
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


def _metadata(normalized: NormalizedText, fallback_title: str) -> DocumentMetadata:
    """Department, district, year and type read in simplified characters (what questions and filters use);
    the title as the document writes it (citations show it)."""
    meta = extract_metadata(normalized, fallback_title)
    simplified = to_simplified(normalized.text)
    if simplified == normalized.text or len(simplified) != len(normalized.text):
        return meta
    labels = extract_metadata(replace(normalized, text=simplified), to_simplified(fallback_title))
    return replace(labels, title=meta.title)


def chunk_embedding_text(section_path: tuple[str, ...], text: str) -> str:
    """What is embedded for a chunk: its section path gives a bare passage its subject."""
    return f"{' > '.join(section_path)}\n{text}" if section_path else text


def sentence_embedding_text(section_path: tuple[str, ...], text: str) -> str:
    return f"{section_path[-1]}：{text}" if section_path else text


@dataclass(frozen=True)
class Duplicate:
    """A file whose content is already indexed under another file."""

    path: str
    original: DocumentInfo
    original_path: str  # relative to the archive

    def __str__(self) -> str:
        return f"{self.path}：与已索引的《{self.original.title}》（{self.original_path}）内容相同，未重复导入"


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)  # not read at all (type, links)
    repairs: list[str] = field(default_factory=list)  # interrupted writes finished or rolled back
    chunks: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        removed = f"，移除 {len(self.removed)} 份" if self.removed else ""
        duplicates = f"，重复 {len(self.duplicates)} 份" if self.duplicates else ""
        skipped = f"，跳过 {len(self.skipped)} 个文件" if self.skipped else ""
        return (
            f"新增 {len(self.added)} 份，未变 {len(self.unchanged)} 份，替换 {len(self.replaced)} 份，"
            f"失败 {len(self.failed)} 份{duplicates}{skipped}{removed}；"
            f"新写入 {self.chunks} 个段落，用时 {self.seconds:.1f} 秒"
        )

    def details(self) -> list[str]:
        """One line per file that was not simply added or kept: what happened and why."""
        return (
            [f"失败：{e}" for e in self.failed]
            + [f"重复：{d}" for d in self.duplicates]
            + [f"跳过：{e}" for e in self.skipped]
            + [f"修复：{r}" for r in self.repairs]
        )


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and supported files found under given folders (sorted)."""
    return find_files(paths).files


class ReportIndex:
    """The store, the BM25 index and the embedding model of one configuration.

    Any number of processes may read one data dir while one of them writes; see ingest/store.py.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.embedding = ReportEmbedding(load_encoder(settings.embedding), settings.embedding.batch_size)
        self.store = ReportStore(settings.index, self.embedding.model_name)
        self._lexical: LexicalIndex | None = None

    def documents(self) -> dict[str, DocumentInfo]:
        """Visible documents by id; reloaded whenever any process has changed the index."""
        return self.store.visible_documents()

    @property
    def lexical_dir(self) -> Path:
        return Path(self.settings.index.data_dir) / f"lexical-{self.embedding.model_name}"

    def fingerprint(self) -> str:
        ids = sorted(self.documents())
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()

    def lexical(self) -> LexicalIndex:
        """The BM25 index matching the store's current documents (loaded, or built in memory).

        Only writers save it (under the writer lock); a reader never changes the data dir.
        """
        fingerprint = self.fingerprint()
        current = self._lexical
        if current is not None and current.fingerprint == fingerprint:
            return current
        loaded = LexicalIndex.load(self.lexical_dir)
        if loaded is None or loaded.fingerprint != fingerprint:
            chunk_ids, doc_ids, tokens = self.store.chunk_tokens()
            loaded = LexicalIndex.build(chunk_ids, doc_ids, tokens, fingerprint)
        self._lexical = loaded
        return loaded

    def _save_lexical(self) -> None:
        """Write the BM25 index for the current documents; call with the writer lock held."""
        index = self.lexical()
        try:
            index.save(self.lexical_dir)
        except OSError as exc:  # derived data: readers rebuild it in memory
            logger.warning("could not save the BM25 index: %s", exc)

    def ingest(self, paths: Iterable[Path], progress: bool = True) -> IngestReport:
        """Index files and folders. Raises IndexUnavailableError when the index cannot be written at all."""
        started = time.perf_counter()
        report = IngestReport()
        found = find_files(paths)
        report.skipped.extend(found.skipped)
        for error in found.skipped:
            logger.info("%s", error)
        with self._session() as session:  # fail early on a read-only dir; finish interrupted writes
            report.repairs.extend(session.repairs)
        bar = tqdm(found.files, desc="索引报告", unit="份", disable=not progress)
        for path in bar:
            try:
                self._ingest_file(path, report, progress)
            except IngestError as error:
                logger.warning("%s", error)
                report.failed.append(error)
            bar.set_postfix_str(f"{report.chunks:,} 段", refresh=False)
        if report.added or report.replaced or report.repairs:
            with self._session():
                self._save_lexical()
        report.seconds = time.perf_counter() - started
        return report

    def _session(self) -> AbstractContextManager[WriteSession]:
        return self.store.writing(self.settings.index.writer_timeout_s)

    def replace(self, doc_id: str, path: Path, progress: bool = False) -> IngestReport:
        """Index `path` as the new version of document `doc_id`: the new one appears and the old one
        disappears in one step (an explicit replacement; a same-named upload is never one)."""
        if doc_id not in self.documents():
            raise KeyError(f"索引中没有文档 {doc_id}")
        started = time.perf_counter()
        report = IngestReport()
        try:
            self._ingest_file(path, report, progress, replacing=doc_id)
        except IngestError as error:
            report.failed.append(error)
        if report.replaced:
            with self._session():
                self._save_lexical()
        report.seconds = time.perf_counter() - started
        return report

    def _ingest_file(self, path: Path, report: IngestReport, progress: bool, replacing: str | None = None) -> None:
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise IngestError(path, "文件不存在", "请检查路径") from exc
        except OSError as exc:
            raise IngestError(path, f"无法读取文件：{exc.strerror}", "请检查路径和权限") from exc
        doc_id = hashlib.sha256(data).hexdigest()
        source = str(path.resolve())
        if self._known(source, path, report, self.store.document(doc_id)):
            return
        parsed = parse_document(path, data, self.settings)
        vectors = self.embed(parsed, progress)
        try:
            with self._session() as session:
                # Checked again under the lock: another process may have written it meanwhile.
                if self._known(source, path, report, session.document(doc_id)):
                    return
                previous = [old.doc_id for old in session.find_by_source(source)]
                if replacing is not None and replacing not in previous and session.document(replacing):
                    previous.append(replacing)
                session.write_document(parsed, vectors, replaces=previous)
        except OSError as exc:
            raise _write_error(path, exc) from exc
        except IndexUnavailableError:
            raise
        except Exception as exc:
            if _is_disk_full(exc):
                raise _write_error(path, OSError(errno.ENOSPC, str(exc))) from exc
            raise
        (report.replaced if previous else report.added).append(str(path))
        report.chunks += len(parsed.chunks)

    def _known(self, source: str, path: Path, report: IngestReport, existing: DocumentInfo | None) -> bool:
        if existing is None:
            return False
        if existing.source == source:
            report.unchanged.append(str(path))
        else:
            report.duplicates.append(Duplicate(str(path), existing, archive_path(existing.source, self.settings)))
        return True

    def embed(self, parsed: ParsedDocument, progress: bool = False) -> DocumentVectors:
        """Vectors and BM25 tokens of simplified text: a traditional report answers simplified questions.

        Only what is searched is converted; the stored passages keep the document's own characters.
        Every chunk and every sentence is embedded: scoring sentences by their chunk's vector, or chunks by
        their sentences' mean, halves the work but fell below the eval floors (README, 档案规模).
        """
        chunk_texts = [to_simplified(chunk_embedding_text(c.section_path, c.text)) for c in parsed.chunks]
        sentence_texts = [
            to_simplified(sentence_embedding_text(c.section_path, s.text)) for c in parsed.chunks for s in c.sentences
        ]
        texts = [to_simplified(parsed.info.title), *chunk_texts, *sentence_texts]
        _check_embedding_work(parsed, texts, self.settings.index.max_embedded_chars)
        vectors = self._passage_vectors(texts, progress)
        return DocumentVectors(
            title=vectors[0],
            chunks=vectors[1 : 1 + len(chunk_texts)],
            sentences=vectors[1 + len(chunk_texts) :],
            chunk_tokens=[tokenize(text) for text in chunk_texts],
        )

    def _passage_vectors(self, texts: list[str], progress: bool) -> np.ndarray:
        """Embed in batches; a long file shows its own bar of passages with the time left."""
        batch = self.settings.embedding.batch_size
        rows: list[list[float]] = []
        shown = progress and len(texts) > 4 * batch  # a report of usual size finishes before a bar helps
        with tqdm(total=len(texts), desc="嵌入段落", unit="段", leave=False, disable=not shown) as bar:
            for start in range(0, len(texts), batch):
                part = texts[start : start + batch]
                rows.extend(self.embedding.get_text_embedding_batch(part))
                bar.update(len(part))
        return np.asarray(rows, dtype=np.float32)

    def update_metadata(self, doc_id: str, **fields: str | int | None) -> DocumentInfo:
        """Correct a document's title, department, district, year or report type; returns the new record."""
        allowed = {"title", "department", "district", "year", "report_type"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"不能修改这些字段：{sorted(unknown)}")
        with self._session() as session:
            document = session.document(doc_id)
            if document is None:
                raise KeyError(f"索引中没有文档 {doc_id}")
            updated = replace(document, **fields)
            session.update_document(updated)
        return updated

    def delete(self, doc_id: str) -> None:
        with self._session() as session:
            session.delete_document(doc_id)
            self._lexical = None
        with self._session():
            self._save_lexical()

    def reindex(self, doc_id: str, progress: bool = False) -> IngestReport:
        """Index a document again from its file (after the chunking settings changed).

        Parsed and embedded first, so a file that no longer reads changes nothing; then removed and
        written again under one hold of the writer lock. A file changed since is a replacement.
        """
        document = self.documents().get(doc_id)
        if document is None:
            raise KeyError(f"索引中没有文档 {doc_id}")
        path = Path(document.source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(path, "源文件已不在原位置或无法读取", "请重新上传或导入该报告") from exc
        if hashlib.sha256(data).hexdigest() != doc_id:
            return self.replace(doc_id, path, progress)
        started = time.perf_counter()
        parsed = parse_document(path, data, self.settings)
        vectors = self.embed(parsed, progress)
        with self._session() as session:
            session.delete_document(doc_id)
            session.write_document(parsed, vectors)
            self._lexical = None
        with self._session():
            self._save_lexical()
        return IngestReport(replaced=[str(path)], chunks=len(parsed.chunks), seconds=time.perf_counter() - started)


def _check_embedding_work(parsed: ParsedDocument, texts: list[str], limit: int) -> None:
    """Refuse a file whose embedding would take far longer than any report's, before any of it is done.

    Embedding time grows with the characters embedded (every chunk and every sentence: about twice the
    text), whatever the file's shape: one line of a megabyte or thousands of lines of numbers.
    """
    chars = sum(map(len, texts))
    if chars > limit:
        raise IngestError(
            Path(parsed.info.source),
            f"需要嵌入的文字约 {chars / 10_000:,.0f} 万字，超过每个文件 {limit / 10_000:,.0f} 万字的上限"
            f"（7,755 字的样例报告需嵌入约 1.8 万字），未导入",
            "请确认这是报告正文；过长的文件请拆分后再导入，或调高 PERFQA_INDEX__MAX_EMBEDDED_CHARS",
        )


def _is_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "disk is full" in text or "no space left" in text


def _write_error(path: Path, exc: OSError) -> IngestError:
    if exc.errno == errno.ENOSPC:
        return IngestError(path, "磁盘空间不足，这份报告没有写入，索引保持原样", "请清理磁盘空间后重新导入")
    return IngestError(path, f"写入索引失败（{exc.strerror or exc}），索引保持原样", "请检查数据目录的权限和磁盘")
