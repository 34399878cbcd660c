"""The extractive answerer: quote the sentences that answer the question, cite them, or refuse.

It needs no language model and cannot invent a figure: every sentence of an answer is copied from
a retrieved passage. Sentences are scored by their stored embedding against the question plus how
much of the question's weighted vocabulary they (with their section heading) cover. When even the
best sentence is weak evidence, the answer is the one refusal phrase and the closest passages.
"""

from __future__ import annotations

import functools
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
from ingest.tables import TABLE_CAPTION
from ingest.tokenize import tokenize

_ASKS_LIST = re.compile(r"哪些|什么问题|什么措施|有何|举措|措施|问题|职能|职责|what (are|were) the", re.I)
_ENGLISH = re.compile(r"[a-zA-Z]{3,}")
COVERAGE_WEIGHT = 0.6
MAX_COMPARED_DOCUMENTS = 8
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
    mode: str = "extractive"  # or "llm"
    notice: str = ""  # what the user must know about how this answer came about
    alternative: Answer | None = None  # the extractive answer, shown beside a model answer that failed a check

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


@functools.lru_cache(maxsize=4096)
def _title_tokens(title: str) -> frozenset[str]:
    """Tokens of a report title, computed once per title rather than once per passage and question."""
    return frozenset(tokenize(title))


def _unit_of(figure: str) -> str:
    return re.sub(r"^[\d,.\s]+", "", figure)


def _unit_match(candidate: _Candidate, intent: QuestionIntent) -> bool:
    return any(unit.endswith(wanted) for unit in candidate.units for wanted in intent.units if unit)


def _names_document(token: str, document: DocumentInfo) -> bool:
    """A question token that names the report's own department ("人社局") is answered by the document itself."""
    return len(token) >= 2 and bool(document.department) and is_abbreviation(token, document.department)


def _names_department(name: str, document: DocumentInfo) -> bool:
    return is_abbreviation(name, document.department or document.title)


def _names_constraint(token: str, intent: QuestionIntent) -> bool:
    if re.fullmatch(r"[\d.]+%?", token):
        return True  # a year, or a threshold ("低于90分"): a condition on the answer, not its content
    return len(token) >= 2 and any(token in name or is_abbreviation(token, name) for name in intent.departments)


def _meets(intent: QuestionIntent, candidate: _Candidate) -> bool:
    """A year and a department the question names must be the passage's or its document's.

    A question naming several (a comparison) is met by any one of them.
    """
    chunk, document = candidate.passage.chunk, candidate.passage.document
    where = chunk.section + chunk.text
    if intent.years and not any(document.year == y or str(y) in where for y in intent.years):
        return False
    if intent.departments and not any(d in where or _names_department(d, document) for d in intent.departments):
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
        intent = read_question(question)
        scope = self.scope(intent, doc_ids)
        if intent.compares and scope is not None and len(scope) >= 2:
            return self._compare(question, intent, scope, started)
        retrieval = self.retriever.search(question, doc_ids=scope)
        found = self._best(question, intent, retrieval)
        if isinstance(found, float):
            return self._refusal(question, retrieval, found, started)
        best, candidates, evidence = found
        chosen = self._expand(question, best, candidates)
        return self._compose(question, chosen, [retrieval], evidence, started)

    def scope(self, intent: QuestionIntent, doc_ids: list[str] | None) -> list[str] | None:
        """Documents the question is about: those of the year and department it names, when indexed."""
        documents = self._index.documents()
        if not intent.years and not intent.departments:
            return self._ranking_scope(intent, doc_ids, documents) if intent.compares else doc_ids
        pool = [documents[d] for d in doc_ids if d in documents] if doc_ids is not None else list(documents.values())
        matching = [
            d.doc_id
            for d in pool
            if (not intent.years or d.year in intent.years)
            and (not intent.departments or any(_names_department(name, d) for name in intent.departments))
        ]
        # "部门整体…" narrows to the department-wide report when the archive has one.
        typed = [d for d in matching if documents[d].report_type in intent.report_types]
        matching = typed or matching
        # No such report indexed: search everything and let the evidence gates refuse.
        return matching or doc_ids

    def _ranking_scope(
        self, intent: QuestionIntent, doc_ids: list[str] | None, documents: dict[str, DocumentInfo]
    ) -> list[str] | None:
        """'哪些部门自评得分低于90分': one report per department, of the latest year the archive holds."""
        pool = [documents[d] for d in doc_ids if d in documents] if doc_ids is not None else list(documents.values())
        typed = [d for d in pool if d.report_type in (intent.report_types or ("部门整体支出绩效自评",))] or pool
        latest = max((d.year or 0 for d in typed), default=0)
        one_per_department: dict[str, DocumentInfo] = {}
        for document in sorted(typed, key=lambda d: d.source):
            if (document.year or 0) == latest:
                one_per_department.setdefault(document.department or document.doc_id, document)
        chosen = [d.doc_id for d in one_per_department.values()]
        return chosen if len(chosen) >= 2 else doc_ids

    def _best(
        self, question: str, intent: QuestionIntent, retrieval: RetrievalResult
    ) -> tuple[_Candidate, list[_Candidate], float] | float:
        """The best supported sentence with its competitors and evidence, or the (weak) evidence."""
        candidates = [c for c in self._candidates(retrieval, intent) if _meets(intent, c)]
        if intent.units:
            # A question for an amount, a rate, a score… is answered only by a sentence stating one.
            candidates = [c for c in candidates if _unit_match(c, intent)]
        if not candidates:
            return 0.0
        best = max(candidates, key=lambda c: c.score)
        evidence = self._evidence(question, best)
        if evidence < self._settings.min_evidence:
            return evidence
        return best, candidates, evidence

    def _compare(self, question: str, intent: QuestionIntent, scope: list[str], started: float) -> Answer:
        """One cited answer per document, side by side (years, then departments, in order)."""
        documents = self._index.documents()
        ordered = sorted(scope, key=lambda d: (documents[d].year or 0, documents[d].department, documents[d].source))
        chosen: list[_Candidate] = []
        retrievals: list[RetrievalResult] = []
        evidence = 1.0
        for doc_id in ordered[:MAX_COMPARED_DOCUMENTS]:
            retrieval = self.retriever.search(question, doc_ids=[doc_id])
            found = self._best(question, intent, retrieval)
            retrievals.append(retrieval)
            if not isinstance(found, float) and found[0].sentence.text not in {c.sentence.text for c in chosen}:
                chosen.append(found[0])  # a second copy of a report (PDF and DOCX) adds nothing
                evidence = min(evidence, found[2])
        if not chosen:
            merged = RetrievalResult([p for r in retrievals for p in r.passages], retrievals[0].query_vector, [])
            return self._refusal(question, merged, 0.0, started)
        return self._compose(question, chosen, retrievals, evidence, started, per_document=True)

    def _candidates(self, retrieval: RetrievalResult, intent: QuestionIntent) -> list[_Candidate]:
        passages = [p for p in retrieval.passages if p.chunk.section_path]  # the title block answers nothing
        vectors = self._index.store.sentence_vectors([p.chunk.chunk_id for p in passages])
        # Years, departments and numbers the question names are enforced by scope and gates, not by
        # coverage (in "卫健局和民政局…哪个更高" each report holds only one of the two names).
        content_tokens = [t for t in retrieval.query_tokens if not _names_constraint(t, intent)]
        lexical = self._index.lexical()
        candidates = []
        for rank, passage in enumerate(passages):
            context = set(tokenize(passage.chunk.section_path[-1]))
            # Words that name the report itself (its title, its department) are met by every passage of it.
            context |= _title_tokens(passage.document.title) & set(retrieval.query_tokens)
            context |= {t for t in retrieval.query_tokens if _names_document(t, passage.document)}
            previous: set[str] = set()
            for sentence in passage.chunk.sentences:
                if sentence.text.rstrip("。") in passage.chunk.section_path or TABLE_CAPTION.match(sentence.text):
                    continue  # a bare heading or a table caption answers nothing
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
                        coverage(content_tokens, own | context | previous, lexical),
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
            if candidate.sentence.text in {c.sentence.text for c in chosen}:
                continue  # the same sentence in another chunk or another copy of the report
            if candidate.score >= best.score - 0.03 and candidate.coverage > best.coverage * 0.9:
                chosen.append(candidate)
        return chosen

    def _compose(
        self,
        question: str,
        chosen: list[_Candidate],
        retrievals: list[RetrievalResult],
        evidence: float,
        started: float,
        per_document: bool = False,
    ) -> Answer:
        markers: dict[str, int] = {}
        quotes: dict[str, list[str]] = {}
        parts = []
        ordered = chosen if per_document else sorted(chosen, key=lambda c: (c.passage.chunk.doc_id, c.sentence.start))
        for candidate in ordered:
            chunk_id = candidate.passage.chunk.chunk_id
            marker = markers.setdefault(chunk_id, len(markers) + 1)
            quotes.setdefault(chunk_id, []).append(candidate.sentence.text)
            if per_document:
                parts.append(f"《{candidate.passage.document.title}》：{candidate.sentence.text}[{marker}]\n")
            else:
                parts.append(f"{candidate.sentence.text}[{marker}]")
        passages = [p for r in retrievals for p in r.passages]
        by_id = {p.chunk.chunk_id: p for p in passages}
        citations = [citation_for(m, by_id[cid], tuple(quotes[cid])) for cid, m in markers.items()]
        text = "".join(parts).strip()
        checks = check_figures(text, {c.marker: c.passage for c in citations})
        retrieved = [citation_for(markers.get(p.chunk.chunk_id, 0), p) for p in passages]
        return Answer(question, text, False, citations, checks, retrieved, evidence, time.perf_counter() - started)

    def _refusal(self, question: str, retrieval: RetrievalResult, evidence: float, started: float) -> Answer:
        retrieved = [citation_for(0, p) for p in retrieval.passages]
        return Answer(question, REFUSAL, True, [], [], retrieved, evidence, time.perf_counter() - started)
