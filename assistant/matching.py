"""Sentences of retrieved passages as answer candidates, and how well each meets a question's frame.

A candidate is one sentence with its passage, its figure facts and the roles of its sections. The
frame decides what meets it: a figure question needs a fact of the asked metric in the asked period
and scope, in a sentence whose context (section headings, the sentence before) holds the subject; a
qualitative question needs a sentence of a section with the asked role; a named year must be the
fact's or the report's, never a year quoted in a title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from assistant.frame import QuestionFrame
from assistant.question import is_abbreviation
from assistant.retrieval import Passage, RetrievalResult
from ingest.facts import FigureFact, heading_name, section_subject, sentence_facts, sentence_head
from ingest.lexical import LexicalIndex
from ingest.models import DocumentInfo, Sentence
from ingest.tables import TABLE_CAPTION
from ingest.tokenize import tokenize
from ingest.vocabulary import vocabulary

COVERAGE_WEIGHT = 0.6
QUALIFIER_BONUS = 0.05  # "目标定了多少，实际多少": prefer the sentence stating both
UNNAMED_AMOUNT_CAP = 0.3  # below any evidence threshold: the amount's own object is not named
_TITLED = re.compile(r"《[^《》]*》")
_PUNCTUATION = re.compile(r"[“”‘’\"'《》「」]")  # "“三公”经费" names 三公经费
_YEAR = re.compile(r"(20\d{2})\s*年")
_DATE = re.compile(
    r"\d{1,4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月(?:底|末|份|\d{1,2}\s*日)|\d{4}\s*年(?:底|末|上半年|下半年)"
)


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    passage: Passage
    rank: int
    similarity: float
    coverage: float  # of the question's subject by the sentence, its headings and the sentence before
    own_coverage: float  # the same without the sentence before: what the sentence's own figures are about
    facts: tuple[FigureFact, ...]
    roles: frozenset[str]  # of the section headings above the sentence
    inline_role: str | None = None  # of the sentence's own head ("存在的主要问题：…")

    @property
    def score(self) -> float:
        return self.similarity + COVERAGE_WEIGHT * self.coverage - 0.01 * self.rank

    @property
    def document(self) -> DocumentInfo:
        return self.passage.document


@functools.lru_cache(maxsize=65536)
def cached_facts(sentence: str) -> tuple[FigureFact, ...]:
    return tuple(sentence_facts(sentence))


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(tokenize(text))


@functools.lru_cache(maxsize=8192)
def heading_roles(section_path: tuple[str, ...]) -> frozenset[str]:
    roles = (vocabulary().role_of_heading(heading_name(h)) for h in section_path)
    return frozenset(r for r in roles if r)


def coverage(terms: tuple[str, ...] | list[str], text_tokens: frozenset[str], lexical: LexicalIndex) -> float:
    """IDF-weighted share of the question's terms that the text contains (1.0 when there are none)."""
    unique = list(dict.fromkeys(terms))
    if not unique:
        return 1.0
    weights = [lexical.idf(t) for t in unique]
    synonyms = vocabulary().synonyms
    covered = sum(
        w
        for t, w in zip(unique, weights, strict=True)
        if t in text_tokens
        or not synonyms.get(t, frozenset()).isdisjoint(text_tokens)
        # "财政拨款" inside the report's one word "财政拨款收入" (search mode cuts no 4-character parts)
        or (len(t) >= 3 and any(t in token for token in text_tokens if len(token) > len(t)))
    )
    return covered / sum(weights)


def names_document(token: str, document: DocumentInfo) -> bool:
    """A question word naming the report's own department, district or title is met by every passage of it."""
    if len(token) < 2:
        return False
    if token in document.title or (document.district and token in document.district):
        return True
    return bool(document.department) and is_abbreviation(token, document.department)


def build_candidates(
    retrieval: RetrievalResult, frame: QuestionFrame, vectors: dict[str, np.ndarray], lexical: LexicalIndex
) -> list[Candidate]:
    candidates = []
    known = lexical.document_frequency
    terms = frame.subject_terms + tuple(t for t in frame.soft_terms if known.get(t, 0) > 0)
    for rank, passage in enumerate(retrieval.passages):
        chunk = passage.chunk
        section_tokens = _tokens(" ".join(chunk.section_path))
        document_terms = {t for t in terms if names_document(t, passage.document)}
        roles = heading_roles(chunk.section_path)
        previous: frozenset[str] = frozenset()
        for sentence in chunk.sentences:
            if sentence.text.rstrip("。") in chunk.section_path or TABLE_CAPTION.match(sentence.text):
                continue  # a bare heading or a table caption answers nothing
            vector = vectors.get(sentence.sentence_id)
            similarity = float(np.dot(vector, retrieval.query_vector)) if vector is not None else 0.0
            own = _tokens(sentence.text)
            head_role = vocabulary().role_of_heading(sentence_head(sentence.text))
            candidates.append(
                Candidate(
                    sentence,
                    passage,
                    rank,
                    similarity,
                    coverage(terms, own | section_tokens | previous | document_terms, lexical),
                    coverage(terms, own | section_tokens | document_terms, lexical),
                    cached_facts(sentence.text),
                    roles,
                    head_role,
                )
            )
            previous = own
    return candidates


def meets_period(frame: QuestionFrame, candidate: Candidate, fact: FigureFact | None = None) -> bool:
    """A year the question names must be the fact's, or the report's when the fact states none."""
    years = frame.scope.years
    if not years:
        return True
    if fact is not None and fact.year is not None:
        return fact.year in years
    if candidate.document.year in years:
        return True
    stated = {int(y) for y in _YEAR.findall(_TITLED.sub("", candidate.sentence.text))}
    return bool(stated & set(years))


def meets_department(frame: QuestionFrame, candidate: Candidate) -> bool:
    departments = frame.scope.departments
    if not departments:
        return True
    document = candidate.document
    where = candidate.passage.chunk.section + candidate.sentence.text
    return any(d in where or is_abbreviation(d, document.department or document.title) for d in departments)


def same_metric(asked: str, stated: str | None) -> bool:
    if stated is None:
        return False
    return asked == stated or stated.endswith(asked) or asked.endswith(stated)


def _measures(asked: str, fact: FigureFact) -> bool:
    """The fact measures the asked metric, or names none of its own and is of the asked kind.

    Reports name a figure in many ways the vocabulary cannot list ("为辖区发放…万元", "实际招聘486人");
    a figure whose label names no metric may answer, while one that names another metric
    (预算 for 支出, 就业率 for 失业率) never does.
    """
    if same_metric(asked, fact.metric):
        return True
    if fact.metric is not None:
        return False
    entry = vocabulary().metrics.get(asked)
    kind = entry.kind if entry is not None else "rate"
    return kind == fact.kind or (kind == "grade" and fact.kind == "score")


def _unit_fits(frame: QuestionFrame, fact: FigureFact) -> bool:
    kinds = frame.metric_kinds
    if kinds and fact.kind not in kinds and not ("count" in kinds and fact.kind == "count"):
        return "grade" in kinds and fact.kind == "score"
    units = frame.scope.units
    return not units or any(fact.quantity.unit.endswith(u) for u in units)


def plays_role(candidate: Candidate, role: str) -> bool:
    return role in candidate.roles or candidate.inline_role == role


def is_department_level(candidate: Candidate) -> bool:
    """The sentence is about the department as a whole, not one of its projects."""
    return section_subject(candidate.passage.chunk.section_path) == ""


def is_department_wide(frame: QuestionFrame) -> bool:
    """A figure question with no subject of its own asks about the report's department as a whole."""
    return not frame.subject_terms


def fact_in_scope(frame: QuestionFrame, candidate: Candidate, fact: FigureFact) -> bool:
    """Department-wide questions are not answered by a project's figure in a department-wide report."""
    if not is_department_wide(frame) or "部门整体" not in candidate.document.report_type:
        return True
    return is_department_level(candidate)


@dataclass(frozen=True)
class FactMatch:
    candidate: Candidate
    fact: FigureFact
    coverage: float

    # Qualifiers asked (目标, 上年…) that the fact's sentence states, less those the fact has unasked
    # ("累计执行率" is not the answer to "执行率多少").
    qualified: int = 0

    @property
    def score(self) -> float:
        return (
            self.candidate.similarity
            + COVERAGE_WEIGHT * self.coverage
            + QUALIFIER_BONUS * self.qualified
            - 0.01 * self.candidate.rank
        )


def _fact_coverage(frame: QuestionFrame, candidate: Candidate) -> float:
    """How much of the subject the fact's own sentence and headings hold.

    An amount asked of a named fund, fee or subsidy ("公务接待费", "助学金") is not answered by a sentence
    that never names it, however many of its other words the sentence shares.
    """
    if "amount" not in frame.metric_kinds and "元" not in frame.scope.units:
        return candidate.own_coverage
    where = _PUNCTUATION.sub("", " ".join(candidate.passage.chunk.section_path) + candidate.sentence.text)
    suffixes = vocabulary().amount_nouns
    named = [t for t in frame.subject_terms if len(t) >= 3 and t.endswith(suffixes)]
    if any(t not in where and not names_document(t, candidate.document) for t in named):
        return min(candidate.own_coverage, UNNAMED_AMOUNT_CAP)
    return candidate.own_coverage


def _in_quarter(frame: QuestionFrame, candidate: Candidate, fact: FigureFact) -> bool:
    """A quarter the question names must be named in the figure's own clause ("第三季度支出…")."""
    if frame.quarter is None:
        return True
    sentence = candidate.sentence.text
    previous_end = max((f.end for f in candidate.facts if f.end <= fact.start), default=0)
    clause = sentence[previous_end : fact.end].lower()
    return any(form in clause for form in vocabulary().quarters[frame.quarter])


def matching_facts(frame: QuestionFrame, candidates: list[Candidate]) -> list[FactMatch]:
    """Facts of the asked metric (or unit), period and scope, with the share of the subject their sentence
    (with its section headings and the sentence before it) holds."""
    matches = []
    for candidate in candidates:
        if not meets_department(frame, candidate):
            continue
        for fact in candidate.facts:
            if frame.metrics and not any(_measures(m, fact) for m in frame.metrics):
                continue
            if not _unit_fits(frame, fact) or not meets_period(frame, candidate, fact):
                continue
            if not fact_in_scope(frame, candidate, fact) or not _in_quarter(frame, candidate, fact):
                continue
            stated = frozenset().union(*(f.qualifiers for f in candidate.facts))
            matches.append(
                FactMatch(
                    candidate,
                    fact,
                    _fact_coverage(frame, candidate),
                    len(frame.qualifiers & stated) - len(fact.qualifiers - frame.qualifiers),
                )
            )
    return sorted(matches, key=lambda m: m.score, reverse=True)


def states_date(candidate: Candidate) -> bool:
    return _DATE.search(candidate.sentence.text) is not None
