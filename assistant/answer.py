"""The extractive answerer: quote the sentences that answer the question, cite them, or refuse.

It needs no language model and cannot invent a figure: every sentence of an answer is copied from a
retrieved passage, and a computed result is shown as a formula of quoted, cited operands. The question
is read as a frame (assistant/frame.py); a passage answers only when it meets the frame: a fact of the
asked metric whose context holds the question's subject, in the asked period and scope, or a section
of the asked role. Otherwise the answer is the one refusal phrase, with the closest passage shown as
what it is: not the answer.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.abbreviations import with_full_forms
from assistant.answer_types import Answer, Citation, citation_for
from assistant.compute import HALF_YEARS, Computation, compute, growth_alongside, half_year, recompute
from assistant.english_words import with_archive_english
from assistant.figures import FigureCheck, check_figures
from assistant.frame import EXTREME_WORDS, QuestionFrame, read_frame
from assistant.matching import (
    Candidate,
    FactMatch,
    asks_whole,
    build_candidates,
    cached_facts,
    is_department_level,
    is_department_wide,
    matching_facts,
    measures,
    meets_department,
    meets_period,
    names_document,
    names_item,
    plays_role,
    states_date,
)
from assistant.pinyin_names import in_chinese, leading_places, names_by_pinyin
from assistant.prompts import REFUSAL
from assistant.question import QuestionIntent, is_abbreviation
from assistant.question_parts import QuestionPart, question_parts
from assistant.retrieval import HybridRetriever, Passage, RetrievalResult, is_title_only
from assistant.role_sections import asks_whole_section, role_heading_depth, section_items
from ingest.chunker import chunk_id_of
from ingest.facts import FigureFact
from ingest.models import DocumentInfo
from ingest.pipeline import ReportIndex
from ingest.structure import TABLE_ROW
from ingest.tokenize import tokenize
from ingest.vocabulary import vocabulary

__all__ = ["Answer", "Citation", "ExtractiveAnswerer", "citation_for"]

MAX_COMPARED_DOCUMENTS = 8
MAX_LIST_SENTENCES = 5
MAX_PART_SENTENCES = 2  # sentences added for the other parts of a question in parts
PART_MIN_COVERAGE = 0.5  # share of the subject another part of a question in parts must cover
MEANING_PASSAGES = 4  # passages added that hold the report's words for what is asked
# A question with no metric, unit and role is answered only when its subject is mostly there.
GENERIC_MIN_COVERAGE = 0.6
PROSE_OVER_ROW_MARGIN = 0.1  # how much less well a sentence may match than a table row stating its figure
# An English question shares no words with a Chinese report beyond its translated terms; it is
# answered on those only when the embedding agrees (multilingual-e5 similarity).
ENGLISH_SIMILARITY_FLOOR = 0.78
_HAN_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
NOTICE_PARTS_UNANSWERED = "问题中{parts}在文档中没有找到相关信息，以下只回答其余部分。"
NOTICE_SEVERAL_REPORTS = "问题没有指明部门或年份，以下按报告分别作答；可在问题中写明部门或年份，或在左侧筛选。"
# Words reports use for the whole a question asks about, when only one item's figure was found.
_WHOLE_HINTS = ("本项目", "本部门", "合计", "全年", "总")
# Words that find the operand a computation of each kind most often lacks.
_OPERAND_HINTS = {
    "difference": ("上年", "上年度"),
    "growth": ("上年", "上年度"),
    "remaining": ("调整后预算", "预算收入", "全年支出"),
    "gap": ("年度目标", "目标值"),
    "share": ("合计", "总额"),
}
# Verbs that tie a body to a task ("由乡镇人民政府负责发放", "委托某公司开展评价").
_ACTOR_VERBS = ("负责", "承担", "实施", "组织", "开展", "委托", "牵头", "主管", "审核", "发放", "拨付")
# A question asking who did something without naming how ("谁做的", "who carried out").
_ANY_DOING = re.compile(
    r"谁(?:来)?(?:做|干|搞|弄|办)|(?:做|干|搞|弄|办)的?是谁|\bwho (?:did|does|do|carried|conducted|performed|made)\b",
    re.I,
)
_FOLLOWING_ITEM = re.compile(r"^[一二三四五六七八九十]是|^[（(]?\d{1,2}[）).．、]")


@dataclass(frozen=True)
class Selection:
    """What answers a question from one retrieval: sentences to quote, or a computation with its operands."""

    chosen: list[Candidate]
    evidence: float
    computation: Computation | None = None
    also: Computation | None = None  # a second result of the same operands ("多花了多少？涨了百分之几？")
    ranked: bool = False  # quoted as chosen, not in reading order: the item asked for first ("哪个…最高")

    @property
    def computations(self) -> list[Computation]:
        return [c for c in (self.computation, self.also) if c is not None]


@dataclass(frozen=True)
class NoAnswer:
    evidence: float
    closest: Candidate | None


def _names_report_terms(frame: QuestionFrame, asked: str) -> bool:
    """An English question holds a metric, a section role, or the report's own Chinese words as the user wrote
    them ("How many summer day-care (暑期托管) sites…"; a place spelled in pinyin is not one): its unknown English
    words are then judged by how close the passages come (ENGLISH_SIMILARITY_FLOOR), not by being unknown.
    Without any of them, an unknown word naming a thing that no report writes in Chinese may name just what the
    reports lack, and is refused (assistant/english_words.py)."""
    return bool(frame.metrics or frame.role or _HAN_CHARACTER.search(asked))


def _names_department(name: str, document: DocumentInfo) -> bool:
    return is_abbreviation(name, document.department or document.title)


def _of_place(place: str, document: DocumentInfo) -> bool:
    return any(place in field for field in (document.district, document.department, document.title) if field)


def _computed_check(check: FigureCheck, computation: Computation, formula: str) -> FigureCheck:
    """The computed result is verified by recomputing it from its operands, not by finding it quoted."""
    if check.verified or check.figure != computation.result:
        return check
    # Each operand with its unit: a table cell states "3,765.50" under a caption of "单位：万元".
    again = recompute(computation.kind, computation.left.quantity.text, computation.right.quantity.text)
    return FigureCheck(check.figure, check.cited, again == computation.result, None, True, formula)


def _reading_order(candidate: Candidate) -> tuple[str, int]:
    return candidate.passage.chunk.doc_id, candidate.sentence.start


def _states_only_bounds(sentence: str) -> bool:
    """Every figure of the sentence is a target or a bound ("不少于600人次", "90分（含）以上为“优”")."""
    facts = cached_facts(sentence)
    return bool(facts) and all(is_target(f) for f in facts)


def _distinct_passages(retrievals: list[RetrievalResult]) -> list[Passage]:
    """The passages of the retrievals in order, each once: the parts of a question often find the same ones."""
    seen: set[str] = set()
    passages = []
    for passage in (p for r in retrievals for p in r.passages):
        if passage.chunk.chunk_id not in seen:
            seen.add(passage.chunk.chunk_id)
            passages.append(passage)
    return passages


def _formula(computation: Computation, markers: dict[str, int]) -> str:
    left = markers[computation.left_candidate.passage.chunk.chunk_id]
    return computation.formula(left, markers[computation.right_candidate.passage.chunk.chunk_id])


def _places_named(question: str, places: frozenset[str]) -> tuple[str, ...]:
    """The places the question names, each in its longest form ("云溪县", not also "云溪")."""
    found = [p for p in places if p in question]
    return tuple(sorted(p for p in found if not any(p != q and p in q for q in found)))


def _one_item_for_the_whole(frame: QuestionFrame, selection: Selection) -> bool:
    """The question names no part of the report's subject, yet its best sentence is one listed item's."""
    best = selection.chosen[0]
    return asks_whole(frame, best) and names_item(best)


def describe(frame: QuestionFrame) -> str:
    parts = [frame.intent, "/".join(frame.metrics), frame.role or "", frame.computation or ""]
    return " · ".join(p for p in parts if p)


def _other_parts(
    frame: QuestionFrame, chosen: list[Candidate], good: list[FactMatch], coverage: float
) -> list[Candidate]:
    """A question in parts ("预算多少、实际花了多少", "做了多少批？目标是多少？") gets a sentence for each asked
    metric and each asked target or actual the chosen sentences do not state."""
    quoted = {c.sentence.text for c in chosen}
    stated = [m.fact for m in good if m.candidate.sentence.text in quoted]  # the chosen facts that meet the frame
    parts: list[Callable[[FigureFact], bool]] = [
        functools.partial(measures, metric) for metric in frame.metrics if not _states_metric(metric, stated, quoted)
    ]
    if "目标" in frame.qualifiers and not any(is_target(f) for f in stated):
        parts.append(is_target)
    if "实际" in frame.qualifiers and all(is_target(f) for f in stated):
        parts.append(lambda fact: not is_target(fact))
    extra: list[Candidate] = []
    # Another part may name its own object ("满意度多少，知晓率呢"): half the subject is enough.
    floor = min(coverage, PART_MIN_COVERAGE)
    for states_part in parts:
        match = next((m for m in good if states_part(m.fact) and m.coverage >= floor), None)
        known = {c.sentence.text for c in chosen + extra}
        if match is not None and match.candidate.sentence.text not in known:
            extra.append(match.candidate)
    return extra[:MAX_PART_SENTENCES]


def meaning_terms(frame: QuestionFrame) -> list[str]:
    """The report's words for the asked metric or section role and its qualifiers, with the question's subject."""
    if not (frame.metrics or frame.role):
        return []
    vocab = vocabulary()
    terms = [t for m in frame.metrics for t in (vocab.metrics[m].terms[:2] if m in vocab.metrics else (m,))]
    if frame.role is not None:
        terms += vocab.roles[frame.role].terms[:2]
    terms += [t for q in sorted(frame.qualifiers) for t in vocab.qualifiers[q].terms[:2]]
    return terms + list(frame.subject_terms)


def _names_actor(frame: QuestionFrame, candidate: Candidate) -> bool:
    """ "谁负责发放": a body that does what the question asks is stated with the same verb; a person's name
    ("局长是谁") never is."""
    text = candidate.sentence.text
    if _ANY_DOING.search(frame.question):
        return any(verb in text for verb in _ACTOR_VERBS)  # "谁做的", "Who did …": any body doing it
    return any(verb in frame.question and verb in text for verb in _ACTOR_VERBS)


# a table's row of all items, not one item ("合计｜…", "小计", "全部项目")
_ALL_ITEMS_ROW = re.compile(r"合计|小计|总计|共计|全部|整体|平均")


def _states_extreme(frame: QuestionFrame, candidate: Candidate) -> bool:
    """The sentence says which item is the extreme of the asked metric ("…执行率最低，为86.92%")."""
    entry = vocabulary().metrics.get(frame.metrics[0])
    terms = entry.terms if entry is not None else frame.metrics
    extreme = EXTREME_WORDS[frame.extreme or "max"]
    return any(re.search(re.escape(t) + "[^，。；]{0,4}?" + extreme, candidate.sentence.text) for t in terms)


def _ranked_items(matches: list[FactMatch], extreme: str) -> list[FactMatch]:
    """ "哪个项目执行率最低": the rows of one table column stating the asked metric, the row of the extreme value
    first, then the others it was compared with; empty when no column states it for two rows or more. Rows of
    all items (合计), targets and last year's figures are not items."""
    columns: dict[tuple, dict[str, FactMatch]] = {}
    for match in matches:
        fact, chunk = match.fact, match.candidate.passage.chunk
        item, _, column = fact.label.rpartition(" · ")
        if not item or not match.named or fact.qualifiers & {"目标", "上年"} or _ALL_ITEMS_ROW.search(item):
            continue
        key = (chunk.doc_id, chunk.section_path, column, fact.quantity.unit)
        columns.setdefault(key, {}).setdefault(item, match)
    rows = max((list(c.values()) for c in columns.values() if len(c) >= 2), key=len, default=[])
    return sorted(rows, key=lambda m: m.fact.quantity.value, reverse=extreme == "max")


def _share_part(frame: QuestionFrame, good: list[FactMatch]) -> FactMatch:
    """The part a share is asked of: the best figure whose own words name what the question names before 占
    ("管网延伸工程支出占…": its row, not the whole's sentence that mentions it in a reason clause)."""
    head = frame.question.split("占")[0] if "占" in frame.question else ""
    words = [t for t in (*frame.subject_terms, *frame.soft_terms) if t in head]
    named = [m for m in good if words and all(t in m.fact.label for t in words)]
    return named[0] if named else good[0]


def _prose_before_row(good: list[FactMatch]) -> FactMatch:
    """The best match, or the report's own sentence stating the same figure of the same metric nearly as well when
    the best is a table row: the sentence says what the figure is of and what goes with it."""
    best = good[0]
    if not TABLE_ROW.match(best.candidate.sentence.text):
        return best
    same = (best.fact.metric, best.fact.quantity.value)
    twins = [
        m
        for m in good[1:]
        if not TABLE_ROW.match(m.candidate.sentence.text)
        and (m.fact.metric, m.fact.quantity.value) == same
        and m.score >= best.score - PROSE_OVER_ROW_MARGIN
    ]
    return twins[0] if twins else best


def is_target(fact: FigureFact) -> bool:
    return "目标" in fact.qualifiers


def _states_metric(metric: str, facts: list[FigureFact], sentences: set[str]) -> bool:
    """The facts measure the metric, or the sentences name it (a grade is stated in words: 评价等级为“优”)."""
    entry = vocabulary().metrics.get(metric)
    named = entry is not None and any(term in s for term in entry.terms for s in sentences)
    return named or any(measures(metric, f) for f in facts)


class ExtractiveAnswerer:
    def __init__(self, index: ReportIndex, retriever: HybridRetriever | None = None) -> None:
        self._index = index
        self.retriever = retriever or HybridRetriever(index)
        self._settings = index.settings.answer
        self._names: tuple[frozenset[str], dict[str, str], frozenset[str]] = (frozenset(), {}, frozenset())

    def read(self, question: str) -> QuestionFrame:
        """The question's frame, read with the archive's names: place names spelled in pinyin, short forms
        of the reports' words ("法援" for 法律援助), and the places its reports are of."""
        documents = self._index.documents()
        if self._names[0] != documents.keys():
            values = documents.values()
            self._names = (frozenset(documents), names_by_pinyin(values), leading_places(values))
        _, names, places = self._names
        lexical = self._index.lexical()
        frame = with_archive_english(with_full_forms(read_frame(in_chinese(question, names)), lexical), lexical)
        # "云溪退役军人项目…": a place the archive's reports are of narrows the question to them, as a department does;
        # beside a department ("样本区民政局") it says which district's bureau.
        named = _places_named(frame.question, places)
        if not named:
            return frame
        if frame.scope.departments:
            return replace(frame, scope=replace(frame.scope, places=named))
        return replace(frame, scope=replace(frame.scope, departments=named))

    def ask(self, question: str, doc_ids: list[str] | None = None) -> Answer:
        started = time.perf_counter()
        question = question.strip()
        frame = self.read(question)
        unknown_only = frame.english and frame.absent_words and not _names_report_terms(frame, question)
        if frame.empty or frame.requests_edit or unknown_only:
            # Nothing a report could answer ("<script>", SQL, "ignore previous instructions", small talk), or a
            # request to change what a report says ("把执行率改成100%"): the archive is read, never rewritten.
            return self._refusal(question, None, NoAnswer(0.0, None), started, frame)
        scope = self.scope(frame.scope, doc_ids)
        if frame.scope.compares and scope is not None and len(scope) >= 2:
            return self._compare(question, frame, scope, started)
        searched, retrieval, found = self._find(frame, scope)
        several = self._reports_answering(frame, scope, searched) if isinstance(found, Selection) else {}
        if several:
            # Several reports answer a question that names no department or year: never silently one.
            answer = self._compare(question, frame, list(several), started, several)
            return replace(answer, notice=NOTICE_SEVERAL_REPORTS)
        parts = question_parts(question)
        if parts:
            return self._in_parts(question, frame, parts, (retrieval, found), scope, doc_ids, started)
        if isinstance(found, NoAnswer):
            return self._refusal(question, retrieval, found, started, frame)
        return self._compose(question, frame, found, [retrieval], started)

    def _find(
        self, frame: QuestionFrame, scope: list[str] | None
    ) -> tuple[RetrievalResult, RetrievalResult, Selection | NoAnswer]:
        """The passages the question's words find, those the answer was chosen from, and the answer."""
        searched = self.retriever.search(frame.search_text, doc_ids=scope)
        retrieval = self._with_meaning(frame, searched, scope)
        if frame.asks_who:
            retrieval = self._with_opening(retrieval)
        found = self.select(frame, retrieval)
        if frame.computation is not None and not (isinstance(found, Selection) and found.computation):
            retrieval, found = self._with_operands(frame, retrieval, found, scope)
        elif isinstance(found, Selection) and frame.asks_figure and _one_item_for_the_whole(frame, found):
            retrieval, found = self._with_whole(frame, retrieval, found, scope)
        return searched, retrieval, found

    def _in_parts(
        self,
        question: str,
        frame: QuestionFrame,
        parts: list[QuestionPart],
        whole: tuple[RetrievalResult, Selection | NoAnswer],
        scope: list[str] | None,
        doc_ids: list[str] | None,
        started: float,
    ) -> Answer:
        """A question asking several things: what the whole question found, and what each part asked alone
        finds besides (within the reports the whole question is about, unless a part names its own)."""
        retrieval, found = whole
        # The whole question's sentences in reading order, then each part's: an answer in the question's order.
        chosen = list(found.chosen) if isinstance(found, Selection) else []
        if isinstance(found, Selection) and not found.ranked:
            chosen.sort(key=_reading_order)
        computations = list(found.computations) if isinstance(found, Selection) else []
        evidence = [found.evidence] if isinstance(found, Selection) else []
        retrievals, unanswered = [retrieval], []
        for part in parts:
            answered = self._part(part, scope, doc_ids, {c.sentence.text for c in chosen})
            if answered is None:
                unanswered.append(part.written)
                continue
            part_frame, part_retrieval, part_found = answered
            if part_found.computation is not None and len(computations) < 2:
                computations += [c for c in part_found.computations if c not in computations][: 2 - len(computations)]
                cited = {(c.passage.chunk.chunk_id, c.sentence.text) for c in chosen}
                # Each operand is cited where the computation took it from: its formula refers to that passage.
                chosen += [c for c in part_found.chosen if (c.passage.chunk.chunk_id, c.sentence.text) not in cited]
            else:
                # A part asking what was done or obtained is not answered by a sentence of targets or a grading scale.
                quoted = {c.sentence.text for c in chosen}
                asks_bound = "目标" in part_frame.qualifiers
                chosen += [
                    c
                    for c in part_found.chosen
                    if c.sentence.text not in quoted and (asks_bound or not _states_only_bounds(c.sentence.text))
                ][:MAX_PART_SENTENCES]
            evidence.append(part_found.evidence)
            retrievals.append(part_retrieval)
        if isinstance(found, NoAnswer) and not chosen:
            return self._refusal(question, retrieval, found, started, frame)
        computation, also = (computations + [None, None])[:2]
        selection = Selection(chosen, min(evidence), computation, also)
        answer = self._compose(question, frame, selection, retrievals, started, in_order=True)
        if isinstance(found, NoAnswer) and unanswered:
            # The whole question found nothing: say which of its parts have no answer, not only what was found.
            missing = "；".join(f"“{p}”" for p in unanswered)
            return replace(answer, notice=NOTICE_PARTS_UNANSWERED.format(parts=missing))
        return answer

    def _part(
        self, part: QuestionPart, scope: list[str] | None, doc_ids: list[str] | None, quoted: set[str]
    ) -> tuple[QuestionFrame, RetrievalResult, Selection] | None:
        """What a part of a question finds, read one way after another until a reading finds more than the
        `quoted` sentences; None when no reading is answered. The subject of the parts before is borrowed ("为什么",
        "最后做到了多少") only when something was found for them: a subject they found nothing of is not made an
        answer by asking again."""
        readings = part.readings[1:] if part.borrowed and not quoted else part.readings
        answered = None
        for reading in readings:
            frame = self.read(reading)
            if frame.empty or frame.requests_edit or (frame.english and frame.absent_words):
                continue
            named = frame.scope.years or frame.scope.departments
            _, retrieval, found = self._find(frame, self.scope(frame.scope, doc_ids) if named else scope)
            if not isinstance(found, Selection):
                continue
            if found.computation is not None or any(c.sentence.text not in quoted for c in found.chosen):
                return frame, retrieval, found
            answered = answered or (frame, retrieval, found)  # what is already quoted answers it
        return answered

    def _with_meaning(
        self, frame: QuestionFrame, retrieval: RetrievalResult, scope: list[str] | None
    ) -> RetrievalResult:
        """The passages found, and those holding the report's own words for what the frame asks: a colloquial
        or English question shares few words with the report it is about."""
        terms = meaning_terms(frame)
        document = self._index.documents().get(scope[0]) if scope is not None and len(scope) == 1 else None
        naming: frozenset[str] = frozenset()
        if document is not None:
            # Within one report, the words naming it ("云溪", "退役军人服务项目") are in every passage, and so
            # are those parts of the subject's words that do ("补偿" of "补偿款" in a report on 补偿资金).
            terms = [t for t in terms if t not in frame.subject_terms or not names_document(t, document)]
            asked = {t for term in terms if term not in frame.subject_terms for t in tokenize(term)}
            subject = {t for term in terms if term in frame.subject_terms for t in tokenize(term)}
            naming = frozenset(t for t in subject - asked if names_document(t, document))
        if not terms:
            return retrieval
        known = {p.chunk.chunk_id for p in retrieval.passages}
        found = self.retriever.by_terms(terms, MEANING_PASSAGES, scope, without=naming)
        extra = [p for p in found if p.chunk.chunk_id not in known]
        return RetrievalResult(retrieval.passages + extra, retrieval.query_vector, retrieval.query_tokens)

    def _with_opening(self, retrieval: RetrievalResult) -> RetrievalResult:
        """The opening block of each retrieved report: a preamble before the first heading says who was
        commissioned to evaluate it, by whom and when ("受市财政局委托，某公司于…开展评价")."""
        known = {p.chunk.chunk_id for p in retrieval.passages}
        documents = {p.chunk.doc_id: p.document for p in retrieval.passages}
        openings = self._index.store.get_chunks([chunk_id_of(doc_id, 0) for doc_id in documents])
        extra = [
            Passage(c, documents[c.doc_id], 0.0, None, None)
            for c in openings
            if c.chunk_id not in known and not c.section_path and not is_title_only(c, documents[c.doc_id])
        ]
        return RetrievalResult(retrieval.passages + extra, retrieval.query_vector, retrieval.query_tokens)

    def _with_operands(
        self, frame: QuestionFrame, retrieval: RetrievalResult, found: Selection | NoAnswer, scope: list[str] | None
    ) -> tuple[RetrievalResult, Selection | NoAnswer]:
        """A computation whose operands are not all in the passages found: search once more for the one a
        computation of its kind lacks (last year's figure, the adjusted budget, the target, the total)."""
        hints = list(_OPERAND_HINTS.get(frame.computation, ()))
        if frame.computation in ("difference", "growth"):
            if "上年" not in frame.qualifiers:
                return retrieval, found
            hints += [f"{p.document.year - 1}年" for p in retrieval.passages[:1] if p.document.year]
        if not hints:
            return retrieval, found
        extra = self.retriever.search(" ".join([frame.search_text, *hints]), doc_ids=scope)
        known = {p.chunk.chunk_id for p in retrieval.passages}
        passages = retrieval.passages + [p for p in extra.passages if p.chunk.chunk_id not in known]
        wider = RetrievalResult(passages, retrieval.query_vector, retrieval.query_tokens)
        again = self.select(frame, wider)
        if isinstance(again, Selection) and again.computation is not None:
            return wider, again
        return retrieval, found

    def _with_whole(
        self, frame: QuestionFrame, retrieval: RetrievalResult, found: Selection, scope: list[str] | None
    ) -> tuple[RetrievalResult, Selection | NoAnswer]:
        """A question about the whole answered only by one item's figure (a table row of a sub-project):
        search once more in the words reports use for the whole ("本项目", "合计", "全年")."""
        # The subject is the report itself: its words are everywhere in it and find the items again.
        asked = [t for t in meaning_terms(frame) if t not in frame.subject_terms]
        report = scope or [found.chosen[0].passage.chunk.doc_id]
        extra = self.retriever.by_terms([*asked, *_WHOLE_HINTS], MEANING_PASSAGES, report)
        known = {p.chunk.chunk_id for p in retrieval.passages}
        passages = retrieval.passages + [p for p in extra if p.chunk.chunk_id not in known]
        wider = RetrievalResult(passages, retrieval.query_vector, retrieval.query_tokens)
        again = self.select(frame, wider)
        if isinstance(again, Selection) and not _one_item_for_the_whole(frame, again):
            return wider, again
        return retrieval, found

    def _reports_answering(
        self, frame: QuestionFrame, scope: list[str] | None, retrieval: RetrievalResult
    ) -> dict[str, tuple[RetrievalResult, Selection | NoAnswer]]:
        """The retrieved reports that each answer a figure question naming no department or year, with
        what each answered (the comparison that follows shows it without searching again)."""
        documents = list(dict.fromkeys(p.chunk.doc_id for p in retrieval.passages))
        if scope is not None or frame.scope.years or frame.scope.departments or not frame.asks_figure:
            return {}
        if len(documents) < 2:
            return {}
        answering, quoted = {}, set()
        for doc_id in documents[:MAX_COMPARED_DOCUMENTS]:
            own = self.retriever.search(frame.search_text, doc_ids=[doc_id])
            found = self.select(frame, own)
            if isinstance(found, Selection) and found.chosen[0].sentence.text not in quoted:
                answering[doc_id] = (own, found)  # a second copy of the same report (PDF and DOCX) adds nothing
                quoted.add(found.chosen[0].sentence.text)
        return answering if len(answering) >= 2 else {}

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
            and (not intent.places or any(_of_place(place, d) for place in intent.places))
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

    # ---- selecting what answers --------------------------------------------------------------
    def candidates(self, frame: QuestionFrame, retrieval: RetrievalResult) -> list[Candidate]:
        passages = [p for p in retrieval.passages if not is_title_only(p.chunk, p.document)]
        vectors = self._index.store.sentence_vectors([p.chunk.chunk_id for p in passages])
        kept = RetrievalResult(passages, retrieval.query_vector, retrieval.query_tokens)
        return [c for c in build_candidates(kept, frame, vectors, self._index.lexical()) if meets_department(frame, c)]

    def select(self, frame: QuestionFrame, retrieval: RetrievalResult) -> Selection | NoAnswer:
        """The sentences (or computation) that answer the frame from this retrieval, or why none does."""
        candidates = self.candidates(frame, retrieval)
        threshold = self._settings.min_evidence
        if frame.role is not None and not frame.asks_figure:
            found = self._by_role(frame, candidates, threshold)
            if found is not None:
                return found
        if frame.asks_figure:
            generic = not (frame.metrics or frame.scope.units or frame.computation)  # "多少法律援助案件"
            return self._by_fact(frame, candidates, max(threshold, GENERIC_MIN_COVERAGE) if generic else threshold)
        return self._by_words(frame, candidates, max(threshold, GENERIC_MIN_COVERAGE))

    def _by_role(self, frame: QuestionFrame, candidates: list[Candidate], threshold: float) -> Selection | None:
        """A qualitative question: the sentences of a section with the asked role that holds the subject."""
        role = frame.role
        pool = [c for c in candidates if plays_role(c, role) and meets_period(frame, c) and c.coverage >= threshold]
        if not pool:
            return None
        wide = is_department_wide(frame)
        # A section titled for the role beats a sentence that only opens with it; with no subject of its
        # own the question is about the department as a whole, not one project.
        best = max(
            pool,
            key=lambda c: (round(c.coverage, 1), role in c.roles, wide and is_department_level(c), c.score),
        )
        place = (best.passage.chunk.doc_id, best.passage.chunk.section_path)
        # "有哪些问题" of a section split into numbered items: every item, not the one retrieved first.
        depth = role_heading_depth(place[1], role)
        if depth is not None and asks_whole_section(frame, best, depth, self._index.lexical()):
            items = section_items(self._index.store, best, depth)
            if len(items) > 1:
                return Selection(items, best.coverage)
        # The section from its first retrieved sentence (it may span several passages), in reading order.
        same_section = {
            c.sentence.text: c for c in pool if (c.passage.chunk.doc_id, c.passage.chunk.section_path) == place
        }
        chosen = sorted(same_section.values(), key=lambda c: c.sentence.start)
        if role not in best.roles:
            chosen = [c for c in chosen if c.sentence.start >= best.sentence.start]  # an inline "存在的问题：…"
        return Selection(chosen[:MAX_LIST_SENTENCES], best.coverage)

    def _by_fact(self, frame: QuestionFrame, candidates: list[Candidate], threshold: float) -> Selection | NoAnswer:
        """A figure question: sentences stating a fact of the asked metric, subject, period and scope."""
        matches = matching_facts(frame, candidates)
        good = [m for m in matches if m.coverage >= threshold and self._english_ok(frame, m.candidate)]
        if "目标" not in frame.qualifiers and frame.computation is None:
            # "培训了多少人次": what was done, not what was planned ("不少于600人次"), when the report states it.
            # A figure in a section of targets ("三、绩效目标 > 年度绩效指标：…率100%") is one too.
            good = [m for m in good if not is_target(m.fact) and "targets" not in m.candidate.roles] or good
        if frame.extreme is not None and frame.computation is None and len(frame.metrics) == 1:
            # the report's own words for the extreme ("从上表看，甲项目执行率最低，为…") first, then the ranked rows
            said = [c for c in candidates if c.facts and c.coverage >= threshold and _states_extreme(frame, c)]
            ranked = [m.candidate for m in _ranked_items(good, frame.extreme)]
            chosen = list(dict.fromkeys(said[:1] + ranked))[:MAX_LIST_SENTENCES]
            if chosen:
                return Selection(chosen, max(c.coverage for c in chosen), ranked=True)
        if not good and frame.quarter in HALF_YEARS and frame.computation is None:
            return self._half_year(frame, candidates, threshold) or NoAnswer(0.0, self._closest(candidates))
        if frame.computation is not None:
            # Each part of a sum covers only its own share of the subject ("A和B一共…"); the whole a share is of
            # names the whole, not the part the question is about ("甲占项目支出总额的比例": the 合计 row)
            operands = matches if frame.computation == "sum" else good
            if frame.computation == "share" and good:
                part = _share_part(frame, good)
                operands = [part, *(m for m in matches if m is not part)]
            computation = compute(frame, operands)
            if computation is not None:
                chosen = list(dict.fromkeys([computation.left_candidate, computation.right_candidate]))
                also = growth_alongside(frame, good, computation)
                return Selection(chosen, min(m.coverage for m in good[:2]), computation, also)
        if not good:
            closest = matches[0].candidate if matches else self._closest(candidates)
            return NoAnswer(matches[0].coverage if matches else 0.0, closest)
        best = _prose_before_row(good)
        chosen = [best.candidate]
        for match in good[1:]:
            if len(chosen) >= self._settings.max_sentences:
                break
            if match.candidate.sentence.text in {c.sentence.text for c in chosen}:
                continue  # the same sentence in another chunk or another copy of the report
            if match.score >= best.score - 0.03 and match.coverage >= best.coverage * 0.9:
                chosen.append(match.candidate)
        return Selection(chosen + _other_parts(frame, chosen, good, best.coverage), best.coverage)

    @staticmethod
    def _half_year(frame: QuestionFrame, candidates: list[Candidate], threshold: float) -> Selection | None:
        """A half year's figure the report does not state: its two quarters' figures added."""
        best = []
        for quarter in HALF_YEARS[frame.quarter or ""]:
            matches = matching_facts(replace(frame, quarter=quarter), candidates)
            best.append(next((m for m in matches if m.coverage >= threshold), None))
        computation = half_year(*best)
        if computation is None:
            return None
        chosen = list(dict.fromkeys([computation.left_candidate, computation.right_candidate]))
        return Selection(chosen, min(m.coverage for m in best if m is not None), computation)

    def _by_words(self, frame: QuestionFrame, candidates: list[Candidate], threshold: float) -> Selection | NoAnswer:
        """Any other question: the sentence that best covers its subject, with the rest of a listed section."""
        pool = [c for c in candidates if meets_period(frame, c)]
        if frame.asks_when:
            pool = [c for c in pool if states_date(c)]
        if frame.asks_who:
            pool = [c for c in pool if _names_actor(frame, c)]
        if not pool:
            return NoAnswer(0.0, self._closest(candidates))
        best = max(pool, key=lambda c: c.score)
        if best.coverage < threshold or not self._english_ok(frame, best):
            return NoAnswer(best.coverage, best)
        return Selection(self._expand(frame, best, pool), best.coverage)

    def _english_ok(self, frame: QuestionFrame, candidate: Candidate) -> bool:
        return not frame.english or not frame.unknown_words or candidate.similarity >= ENGLISH_SIMILARITY_FLOOR

    @staticmethod
    def _closest(candidates: list[Candidate]) -> Candidate | None:
        return max(candidates, key=lambda c: c.score) if candidates else None

    def _expand(self, frame: QuestionFrame, best: Candidate, candidates: list[Candidate]) -> list[Candidate]:
        """List questions take the following items of the same passage; others add equally good sentences."""
        chosen = [best]
        if frame.intent == "list":
            following = sorted(
                (c for c in candidates if c.passage is best.passage and c.sentence.start > best.sentence.start),
                key=lambda c: c.sentence.start,
            )
            chosen.extend(c for c in following[: MAX_LIST_SENTENCES - 1] if _FOLLOWING_ITEM.match(c.sentence.text))
            return chosen
        for candidate in sorted(candidates, key=lambda c: c.score, reverse=True):
            if len(chosen) >= self._settings.max_sentences:
                break
            if candidate.sentence.text in {c.sentence.text for c in chosen}:
                continue
            if candidate.score >= best.score - 0.03 and candidate.coverage > best.coverage * 0.9:
                chosen.append(candidate)
        return chosen

    def _compare(
        self,
        question: str,
        frame: QuestionFrame,
        scope: list[str],
        started: float,
        known: dict[str, tuple[RetrievalResult, Selection | NoAnswer]] | None = None,
    ) -> Answer:
        """One cited answer per document, side by side (years, then departments, in order); `known` holds
        documents already searched and selected from."""
        documents = self._index.documents()
        ordered = sorted(scope, key=lambda d: (documents[d].year or 0, documents[d].department, documents[d].source))
        chosen: list[Candidate] = []
        retrievals: list[RetrievalResult] = []
        evidence = 1.0
        for doc_id in ordered[:MAX_COMPARED_DOCUMENTS]:
            if known and doc_id in known:
                retrieval, found = known[doc_id]
            else:
                retrieval = self.retriever.search(frame.search_text, doc_ids=[doc_id])
                found = self.select(frame, retrieval)
            retrievals.append(retrieval)
            if isinstance(found, Selection) and found.chosen[0].sentence.text not in {c.sentence.text for c in chosen}:
                chosen.append(found.chosen[0])  # a second copy of a report (PDF and DOCX) adds nothing
                evidence = min(evidence, found.evidence)
        if not chosen:
            merged = RetrievalResult([p for r in retrievals for p in r.passages], retrievals[0].query_vector, [])
            return self._refusal(question, merged, NoAnswer(0.0, None), started, frame)
        return self._compose(question, frame, Selection(chosen, evidence), retrievals, started, per_document=True)

    # ---- writing the answer -----------------------------------------------------------------
    def _compose(
        self,
        question: str,
        frame: QuestionFrame,
        selection: Selection,
        retrievals: list[RetrievalResult],
        started: float,
        per_document: bool = False,
        in_order: bool = False,
    ) -> Answer:
        """The answer text quoting the chosen sentences (in reading order unless `in_order`: as chosen), with
        citations, figure checks and the retrieved passages, cited ones first."""
        markers: dict[str, int] = {}
        quotes: dict[str, list[str]] = {}
        parts = []
        chosen = selection.chosen
        ordered = chosen if per_document or in_order or selection.ranked else sorted(chosen, key=_reading_order)
        for candidate in ordered:
            chunk_id = candidate.passage.chunk.chunk_id
            marker = markers.setdefault(chunk_id, len(markers) + 1)
            quotes.setdefault(chunk_id, []).append(candidate.sentence.text)
            if per_document:
                parts.append(f"《{candidate.document.title}》：{candidate.sentence.text}[{marker}]\n")
            else:
                parts.append(f"{candidate.sentence.text}[{marker}]")
        # Two parts of a question may ask the same computation ("结余多少 咋处理的"): its formula is shown once.
        shown = {_formula(c, markers): c for c in selection.computations}
        formulas = [(c, formula) for formula, c in shown.items()]
        if formulas:
            parts.insert(0, f"计算得出：{'；'.join(f for _, f in formulas)}（计算值，原文未直接写明）\n依据：")
        passages = _distinct_passages(retrievals)
        by_id = {p.chunk.chunk_id: p for p in passages} | {c.passage.chunk.chunk_id: c.passage for c in chosen}
        citations = [citation_for(m, by_id[cid], tuple(quotes[cid])) for cid, m in markers.items()]
        text = "".join(parts).strip()
        checks = check_figures(text, {c.marker: c.passage for c in citations})
        for computation, formula in formulas:
            checks = [_computed_check(check, computation, formula) for check in checks]
        # The passages the answer quotes come first, in the order it cites them: the reranked retrieval.
        cited_first = sorted(passages, key=lambda p: markers.get(p.chunk.chunk_id, len(markers) + 1))
        retrieved = [citation_for(markers.get(p.chunk.chunk_id, 0), p) for p in cited_first]
        return Answer(
            question,
            text,
            False,
            citations,
            checks,
            retrieved,
            selection.evidence,
            time.perf_counter() - started,
            frame=describe(frame),
        )

    def _refusal(
        self,
        question: str,
        retrieval: RetrievalResult | None,
        found: NoAnswer,
        started: float,
        frame: QuestionFrame,
    ) -> Answer:
        retrieved = [citation_for(0, p) for p in retrieval.passages] if retrieval is not None else []
        closest = None
        if found.closest is not None:
            closest = citation_for(0, found.closest.passage, (found.closest.sentence.text,))
        return Answer(
            question,
            REFUSAL,
            True,
            [],
            [],
            retrieved,
            found.evidence,
            time.perf_counter() - started,
            closest=closest,
            frame=describe(frame),
        )
