"""Data classes shared by ingest/, assistant/ and evals/.

Provenance is data: every chunk and sentence knows its document, section path, page and the
character span of the document's original (extracted) text it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ingest.normalize import NormalizedText


@dataclass(frozen=True)
class DocumentInfo:
    """One ingested report; `doc_id` is the SHA-256 of the file's bytes (identity by content)."""

    doc_id: str
    source: str
    title: str
    department: str = ""
    district: str = ""
    year: int | None = None
    report_type: str = ""
    pages: int | None = None
    chunk_count: int = 0


@dataclass(frozen=True)
class Sentence:
    """A sentence of a chunk; offsets are into the normalized document text."""

    sentence_id: str
    chunk_id: str
    text: str
    start: int
    end: int
    raw_start: int = 0
    raw_end: int = 0


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage.

    `start`/`end` index the normalized document text; `raw_start`/`raw_end` index the original
    extracted text (what a citation shows as "the document as it has it").
    """

    chunk_id: str
    doc_id: str
    text: str
    section_path: tuple[str, ...]
    start: int
    end: int
    raw_start: int
    raw_end: int
    page_start: int | None = None
    page_end: int | None = None
    raw_text: str = ""
    sentences: tuple[Sentence, ...] = field(default=())

    @property
    def section(self) -> str:
        return " > ".join(self.section_path)


@dataclass(frozen=True)
class ParsedDocument:
    """Everything ingest derives from one file before anything is written to the index."""

    info: DocumentInfo
    normalized: NormalizedText
    chunks: tuple[Chunk, ...]


class IngestError(Exception):
    """A file could not be ingested; the message is for the user (Chinese, says what to do)."""

    def __init__(self, path: Path, reason: str, hint: str = "") -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        super().__init__(f"{path}：{reason}" + (f"（{hint}）" if hint else ""))


@dataclass(frozen=True)
class LoadedText:
    """A file read as text, before normalization."""

    text: str
    encoding: str
    pages: int | None
    headings: dict[int, int] = field(default_factory=dict)  # line start offset -> level (DOCX styles)
    hard_wrapped: bool | None = None  # None: detect; False: every line is a paragraph (DOCX)
