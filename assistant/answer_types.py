"""What an answer is: its text, numbered citations with provenance, and the check of every figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.figures import FigureCheck
from assistant.retrieval import Passage


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer: where it is, and the passage as indexed and as the document has it."""

    marker: int
    doc_id: str
    title: str
    source: str
    section: str
    page_start: int | None
    page_end: int | None
    raw_start: int
    raw_end: int
    passage: str
    raw_passage: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    refused: bool
    citations: list[Citation]
    figure_checks: list[FigureCheck]
    retrieved: list[Citation] = field(default_factory=list)  # every retrieved passage, best first
    evidence: float = 0.0
    seconds: float = 0.0
    mode: str = "extractive"  # or "llm"
    notice: str = ""  # what the user must know about how this answer came about
    alternative: Answer | None = None  # the extractive answer, shown beside a model answer that failed a check
    closest: Citation | None = None  # with a refusal: the nearest passage, shown as not being the answer
    frame: str = ""  # what the question was read as (intent · metric · role), for evals and debugging

    @property
    def related(self) -> list[Citation]:
        """Retrieved passages the answer does not cite (the closest ones, when it refuses)."""
        cited = {(c.doc_id, c.raw_start) for c in self.citations}
        return [c for c in self.retrieved if (c.doc_id, c.raw_start) not in cited]

    @property
    def all_figures_verified(self) -> bool:
        return all(check.verified for check in self.figure_checks)


def citation_for(marker: int, passage: Passage, quotes: tuple[str, ...] = ()) -> Citation:
    chunk, doc = passage.chunk, passage.document
    return Citation(
        marker=marker,
        doc_id=doc.doc_id,
        title=doc.title,
        source=doc.source,
        section=chunk.section,
        page_start=chunk.page_start,
        page_end=chunk.page_end,
        raw_start=chunk.raw_start,
        raw_end=chunk.raw_end,
        passage=chunk.text,
        raw_passage=chunk.raw_text,
        quotes=quotes,
    )
