"""The extractive answerer: quote the sentences that answer the question, cite them, or refuse.

It needs no language model and cannot invent a figure: every sentence of an answer is copied from
a retrieved passage. Sentences are scored by their stored embedding against the question plus how
much of the question's weighted vocabulary they (with their section heading) cover. When even the
best sentence is weak evidence, the answer is the one refusal phrase and the closest passages.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import numpy as np

from assistant.figures import FigureCheck, check_figures, find_figures
from assistant.prompts import REFUSAL
from assistant.question import QuestionIntent, is_abbreviation, read_question
from assistant.retrieval import HybridRetriever, Passage, RetrievalResult
from ingest.lexical import LexicalIndex
from ingest.models import DocumentInfo, Sentence
from ingest.pipeline import ReportIndex
from ingest.tokenize import tokenize

_ASKS_LIST = re.compile(r"哪些|什么问题|什么措施|有何|举措|措施|问题|职能|职责|what (are|were) the", re.I)
_ENGLISH = re.compile(r"[a-zA-Z]{3,}")
COVERAGE_WEIGHT = 0.6
# multilingual-e5 similarity of an English question to the Chinese sentence that answers it.
ENGLISH_SIMILARITY_FLOOR = 0.78


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

    @property
    def related(self) -> list[Citation]:
        """Retrieved passages the answer does not cite (the closest ones, when it refuses)."""
        cited = {(c.doc_id, c.raw_start) for c in self.citations}
        return [c for c in self.retrieved if (c.doc_id, c.raw_start) not in cited]

    @property
    def all_figures_verified(self) -> bool:
        return all(check.verified for check in self.figure_checks)


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    passage: Passage
    rank: int
    similarity: float
    coverage: float
    units: frozenset[str]

    @property
    def score(self) -> float:
        return self.similarity + COVERAGE_WEIGHT * self.coverage - 0.01 * self.rank


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


def _unit_of(figure: str) -> str:
    return re.sub(r"^[\d,.\s]+", "", figure)


def _unit_match(candidate: _Candidate, intent: QuestionIntent) -> bool:
    return any(unit.endswith(wanted) for unit in candidate.units for wanted in intent.units if unit)


def _names_document(token: str, document: DocumentInfo) -> bool:
    """A question token that names the report's own department ("人社局") is answered by the document itself."""
    return len(token) >= 2 and bool(document.department) and is_abbreviation(token, document.department)


def _meets(intent: QuestionIntent, candidate: _Candidate) -> bool:
    """Years and departments the question names must be those of the passage or its document."""
    chunk, document = candidate.passage.chunk, candidate.passage.document
    where = chunk.section + chunk.text
    for year in intent.years:
        if document.year != year and str(year) not in where:
            return False
    for department in intent.departments:
        if department not in where and not is_abbreviation(department, document.department or document.title):
            return False
    return True


def coverage(query_tokens: list[str], text_tokens: set[str], lexical: LexicalIndex) -> float:
    """IDF-weighted share of the question's tokens that the text contains."""
    unique = list(dict.fromkeys(query_tokens))
    if not unique:
        return 0.0
    weights = [lexical.idf(t) for t in unique]
    covered = sum(w for t, w in zip(unique, weights, strict=True) if t in text_tokens)
    return covered / sum(weights)


class ExtractiveAnswerer:
    def __init__(self, index: ReportIndex, retriever: HybridRetriever | None = None) -> None:
        self._index = index
        self.retriever = retriever or HybridRetriever(index)
        self._settings = index.settings.answer

    def ask(self, question: str, doc_ids: list[str] | None = None) -> Answer:
        started = time.perf_counter()
        question = question.strip()
        retrieval = self.retriever.search(question, doc_ids=doc_ids)
        intent = read_question(question)
        candidates = [c for c in self._candidates(retrieval) if _meets(intent, c)]
        if intent.units:
            # A question for an amount, a rate, a score… is answered only by a sentence stating one.
            candidates = [c for c in candidates if _unit_match(c, intent)]
        if not candidates:
            return self._refusal(question, retrieval, 0.0, started)
        best = max(candidates, key=lambda c: c.score)
        evidence = self._evidence(question, best)
        if evidence < self._settings.min_evidence:
            return self._refusal(question, retrieval, evidence, started)
        chosen = self._expand(question, best, candidates)
        return self._compose(question, chosen, retrieval, evidence, started)

    def _candidates(self, retrieval: RetrievalResult) -> list[_Candidate]:
        passages = [p for p in retrieval.passages if p.chunk.section_path]  # the title block answers nothing
        vectors = self._index.store.sentence_vectors([p.chunk.chunk_id for p in passages])
        lexical = self._index.lexical()
        candidates = []
        for rank, passage in enumerate(passages):
            context = set(tokenize(passage.chunk.section_path[-1]))
            context |= {t for t in retrieval.query_tokens if _names_document(t, passage.document)}
            previous: set[str] = set()
            for sentence in passage.chunk.sentences:
                vector = vectors.get(sentence.sentence_id)
                similarity = float(np.dot(vector, retrieval.query_vector)) if vector is not None else 0.0
                own = set(tokenize(sentence.text))
                figures = [m.group(0) for m in find_figures(sentence.text)]
                candidates.append(
                    _Candidate(
                        sentence,
                        passage,
                        rank,
                        similarity,
                        coverage(retrieval.query_tokens, own | context | previous, lexical),
                        frozenset(_unit_of(f) for f in figures),
                    )
                )
                previous = own
        return candidates

    def _evidence(self, question: str, best: _Candidate) -> float:
        """How well the best sentence supports an answer, in [0, 1]."""
        if _ENGLISH.search(question) and not re.search(r"[\u4e00-\u9fff]", question):
            # No shared vocabulary across languages: judge by the embedding alone.
            return min(1.0, max(0.0, (best.similarity - ENGLISH_SIMILARITY_FLOOR) / 0.04 + 0.5))
        return best.coverage

    def _expand(self, question: str, best: _Candidate, candidates: list[_Candidate]) -> list[_Candidate]:
        """Add sentences for list questions (the rest of the same section) and uncovered parts."""
        chosen = [best]
        limit = self._settings.max_sentences
        if _ASKS_LIST.search(question):
            limit = max(limit, 4)
            same_chunk = [c for c in candidates if c.passage is best.passage and c.sentence.start > best.sentence.start]
            for candidate in sorted(same_chunk, key=lambda c: c.sentence.start):
                if len(chosen) >= limit:
                    break
                chosen.append(candidate)
            return chosen
        for candidate in sorted(candidates, key=lambda c: c.score, reverse=True):
            if len(chosen) >= limit:
                break
            if candidate.sentence.sentence_id in {c.sentence.sentence_id for c in chosen}:
                continue
            if candidate.score >= best.score - 0.03 and candidate.coverage > best.coverage * 0.9:
                chosen.append(candidate)
        return chosen

    def _compose(
        self, question: str, chosen: list[_Candidate], retrieval: RetrievalResult, evidence: float, started: float
    ) -> Answer:
        markers: dict[str, int] = {}
        quotes: dict[str, list[str]] = {}
        parts = []
        for candidate in sorted(chosen, key=lambda c: (c.passage.chunk.doc_id, c.sentence.start)):
            chunk_id = candidate.passage.chunk.chunk_id
            marker = markers.setdefault(chunk_id, len(markers) + 1)
            quotes.setdefault(chunk_id, []).append(candidate.sentence.text)
            parts.append(f"{candidate.sentence.text}[{marker}]")
        by_id = {p.chunk.chunk_id: p for p in retrieval.passages}
        citations = [citation_for(m, by_id[cid], tuple(quotes[cid])) for cid, m in markers.items()]
        text = "".join(parts)
        checks = check_figures(text, {c.marker: c.passage for c in citations})
        retrieved = [citation_for(markers.get(p.chunk.chunk_id, 0), p) for p in retrieval.passages]
        return Answer(question, text, False, citations, checks, retrieved, evidence, time.perf_counter() - started)

    def _refusal(self, question: str, retrieval: RetrievalResult, evidence: float, started: float) -> Answer:
        retrieved = [citation_for(0, p) for p in retrieval.passages]
        return Answer(question, REFUSAL, True, [], [], retrieved, evidence, time.perf_counter() - started)
