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

from assistant.frame import BUDGET_STAGES, QuestionFrame
from assistant.question import is_abbreviation
from assistant.retrieval import Passage, RetrievalResult, is_title_sentence
from ingest.facts import FigureFact, heading_name, section_subject, sentence_facts, sentence_head
from ingest.lexical import LexicalIndex
from ingest.models import DocumentInfo, Sentence
from ingest.structure import TABLE_ROW
from ingest.tables import TABLE_CAPTION
from ingest.tokenize import tokenize
from ingest.vocabulary import vocabulary

COVERAGE_WEIGHT = 0.6
QUALIFIER_BONUS = 0.05  # "目标定了多少，实际多少": prefer the sentence stating both
PART_PENALTY = 0.1  # "一共花了多少" is the year's and the whole's figure, not one quarter's or one item's
ITEM_NAME_MIN_CHARS = 3
NAMED_METRIC_BONUS = 0.05  # a figure labelled with the asked metric beats one that names none
UNNAMED_AMOUNT_CAP = 0.3  # below any evidence threshold: the amount's own object is not named
_TITLED = re.compile(r"《[^《》]*》")
_PUNCTUATION = re.compile(r"[“”‘’\"'《》「」]")  # "“三公”经费" names 三公经费
_YEAR = re.compile(r"(20\d{2})\s*年")
_OVER_YEARS = re.compile(r"以来|至今|到现在|到目前|历年|多年|这些年")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_FUNCTION_CHARS = re.compile(r"[为的了在是和与及将把对从向按由经比较]")
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


# "县（区）", "乡（镇）": a level written with its alternative in brackets is asked as one word ("各县区")
_BRACKETED_ALTERNATIVE = re.compile(r"([\u4e00-\u9fff])[（(]([\u4e00-\u9fff])[）)]")


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> frozenset[str]:
    joined = (a + b for a, b in _BRACKETED_ALTERNATIVE.findall(text))
    return frozenset((*tokenize(text), *joined))


_HEADING_JOINS = re.compile(r"以及|及|和|与|、")


# "How many supervisors were employed": a count. "How many points / percentage points" asks a score or a rate.
_COUNT_ASKED_EN = re.compile(r"\bhow many\b(?!\s+(?:percentage\s+)?points?\b|\s+percent)", re.I)


@functools.lru_cache(maxsize=8192)
def heading_roles(section_path: tuple[str, ...]) -> frozenset[str]:
    """The roles the headings name; "存在的问题及原因分析" names two (problems, causes)."""
    parts = (part for h in section_path for part in _HEADING_JOINS.split(heading_name(h)))
    roles = (vocabulary().role_of_heading(part) for part in parts)
    return frozenset(r for r in roles if r)


def coverage(terms: tuple[str, ...] | list[str], text_tokens: frozenset[str], lexical: LexicalIndex) -> float:
    """IDF-weighted share of the question's terms that the text contains (1.0 when there are none)."""
    unique = list(dict.fromkeys(terms))
    if not unique:
        return 1.0
    weights = [lexical.idf(t) for t in unique]
    vocab = vocabulary()
    covered = sum(
        w
        for t, w in zip(unique, weights, strict=True)
        if not vocab.forms(t).isdisjoint(text_tokens)
        # "财政拨款" inside the report's one word "财政拨款收入" (search mode cuts no 4-character parts)
        or (len(t) >= 3 and any(t in token for token in text_tokens if len(token) > len(t)))
    )
    return covered / sum(weights)


def _terms_by_part(frame: QuestionFrame, terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The terms a sentence about one named part must hold: "人员经费、公用经费各多少" is answered part by
    part, and a sentence of 公用经费 need not name 人员. Parts of one word each ("基本支出和项目支出") share
    the rest of their name: the sentence stating both is the answer."""
    sets = [terms]
    if any(len(part) < 2 for part in frame.parts):
        return tuple(sets)
    for part in frame.parts:
        others = {t for other in frame.parts if other is not part for t in other} - set(part)
        sets.append(tuple(t for t in terms if t not in others))
    return tuple(sets)


def _best_coverage(term_sets: tuple[tuple[str, ...], ...], tokens: frozenset[str], lexical: LexicalIndex) -> float:
    return max(coverage(terms, tokens, lexical) for terms in term_sets)


def names_document(token: str, document: DocumentInfo) -> bool:
    """A question word naming the report's own department, district or title is met by every passage of it."""
    if len(token) < 2:
        return False
    # "rural" asked as 农村 of a report titled 乡村…: a word of the token's synonym group names it too
    for form in vocabulary().forms(token):
        if form in document.title or (document.district and form in document.district):
            return True
    return bool(document.department) and is_abbreviation(token, document.department)


def build_candidates(
    retrieval: RetrievalResult, frame: QuestionFrame, vectors: dict[str, np.ndarray], lexical: LexicalIndex
) -> list[Candidate]:
    candidates = []
    known = lexical.document_frequency
    terms = frame.subject_terms + tuple(t for t in frame.soft_terms if known.get(t, 0) > 0)
    # A name no report of the archive contains ("城关…所" where no report has 城关) is not about them.
    unknown_names = [t for t in frame.names if known.get(t, 0) == 0]
    term_sets = _terms_by_part(frame, terms)
    for rank, passage in enumerate(retrieval.passages):
        chunk = passage.chunk
        section_tokens = _tokens(" ".join(chunk.section_path))
        document_terms = {t for t in terms if names_document(t, passage.document)}
        cap = UNNAMED_AMOUNT_CAP if any(not names_document(t, passage.document) for t in unknown_names) else 1.0
        roles = heading_roles(chunk.section_path)
        previous: frozenset[str] = frozenset()
        for sentence in chunk.sentences:
            if (
                sentence.text.rstrip("。") in chunk.section_path
                or TABLE_CAPTION.match(sentence.text)
                or (not chunk.section_path and is_title_sentence(sentence.text, passage.document))
            ):
                continue  # a bare heading, a table caption or the title answers nothing
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
                    min(cap, _best_coverage(term_sets, own | section_tokens | previous | document_terms, lexical)),
                    min(cap, _best_coverage(term_sets, own | section_tokens | document_terms, lexical)),
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
        # "2025年比上年多花了多少": last year's figure is an operand too.
        return fact.year in years or ("上年" in frame.qualifiers and fact.year + 1 in years)
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


# A period-of-progress metric is stated as the execution rate reached by then ("累计执行率32.91%").
_MET_BY = {"支出进度": ("执行率",)}


def measures(asked: str, fact: FigureFact) -> bool:
    """The fact measures the asked metric, or names none of its own and is of the asked kind.

    Reports name a figure in many ways the vocabulary cannot list ("为辖区发放…万元", "实际招聘486人");
    a figure whose label names no metric may answer, while one that names another metric
    (预算 for 支出, 就业率 for 失业率) never does.
    """
    if same_metric(asked, fact.metric) or fact.metric in _MET_BY.get(asked, ()):
        return True
    if asked == "收入" and fact.metric == "预算" and "收入" in fact.label:
        return True  # a department's 预算收入 is its budget, and also what its report states as its income
    if fact.metric is not None:
        return False
    entry = vocabulary().metrics.get(asked)
    kind = entry.kind if entry is not None else "rate"
    return kind == fact.kind or (kind == "grade" and fact.kind == "score")


def _unit_fits(frame: QuestionFrame, fact: FigureFact) -> bool:
    if frame.computation in ("share", "growth"):
        return True  # a percentage computed from amounts: the asked unit is the result's, not the operands'
    kinds = frame.metric_kinds
    if not kinds and not frame.scope.units and _COUNT_ASKED_EN.search(frame.question):
        return fact.kind == "count"  # "How many supervisors…": people or things, never a sum of money or a rate
    if kinds and fact.kind not in kinds and not ("count" in kinds and fact.kind == "count"):
        return "grade" in kinds and fact.kind == "score"
    units = frame.scope.units
    if len(kinds) > 1 or (fact.kind in kinds and fact.kind != "count"):
        # "满意度多少，得分呢": each part has its own unit; "spending progress" names a rate, not an amount.
        # A count asked in its own measure word ("多少人次") is still counted in it.
        counted = [u for u in units if u not in ("元", "%", "分")]
        return fact.kind != "count" or not counted or any(fact.quantity.unit.endswith(u) for u in counted)
    return not units or any(fact.quantity.unit.endswith(u) for u in units)


def asks_whole(frame: QuestionFrame, candidate: Candidate) -> bool:
    """The question names no part of the report's subject: no subject, or only words naming the report
    ("服务项目" is "服务" and "项目", each in the title "退役军人服务保障项目")."""
    terms = frame.subject_terms
    return all(names_document(t, candidate.document) or _joins(t, terms) for t in terms)


def _joins(term: str, terms: tuple[str, ...]) -> bool:
    return any(term[:i] in terms and term[i:] in terms for i in range(1, len(term)))


def names_item(candidate: Candidate) -> bool:
    """The sentence is about one listed item: it opens with its name ("道路养护工程：调整后预算…"), or its first
    figure's label names it ("设备购置及安装调试预算120.00万元") or one part of a department's spending
    ("项目支出…", "“三公”经费…"), rather than a metric, a role or a kind of indicator ("数量指标：…",
    "2024年项目实际支出…")."""
    sentence = candidate.sentence.text
    if TABLE_CAPTION.match(sentence):
        return False
    if TABLE_ROW.match(sentence):
        # A table's row is one of its items ("子项目：光荣院运行保障，…"), unless it is the row of the total.
        row = candidate.facts[0].label.split(" · ")[0] if candidate.facts and " · " in candidate.facts[0].label else ""
        return row != "" and not row.startswith(_TOTAL_ROWS)
    head = sentence_head(sentence)
    if head:
        vocab = vocabulary()
        if vocab.metric_of(head) or vocab.role_of_heading(head) or vocab.qualifiers_of(head):
            return False
        return not head.endswith(_GENERAL_HEADS)
    if not candidate.facts:
        return False
    document = candidate.document
    before = candidate.sentence.text[: candidate.facts[0].start]  # the label may stop at a quote mark
    if _SPENDING_PART.search(before) and "部门整体" in document.report_type:
        return True
    return item_words(candidate.facts[0].label, document.title + (document.department or "")) != ""


@functools.cache
def _label_terms() -> tuple[str, ...]:
    """Metric and qualifier terms, then the words for the whole, longest first: removed from a label."""
    vocab = vocabulary()
    terms = [t for e in (*vocab.metrics.values(), *vocab.qualifiers.values()) for t in e.terms]
    return (*sorted(terms, key=len, reverse=True), *_WHOLE_WORDS)


@functools.lru_cache(maxsize=65536)
def item_words(label: str, title: str = "") -> str:
    """What a figure's label says beyond its metric, qualifiers, dates, the words for the whole and the
    report's own title ("农村饮水安全工程绩效自评得分" names the project the report is about)."""
    rest = _FUNCTION_CHARS.sub("", re.sub(r"20\d{2}\s*年度?", "", _DATE.sub("", label)))
    for word in _label_terms():
        rest = rest.replace(word, "")
    rest = "".join(_HAN.findall(rest))
    in_title: set[int] = set()
    for start in range(len(rest) - 1):
        if rest[start : start + 2] in title:
            in_title.update((start, start + 1))
    rest = "".join(c for i, c in enumerate(rest) if i not in in_title)
    # An item has a name of some length ("过程指标", "设备购置及安装调试"); a word or two left over
    # ("新建", "为") says what was done to the whole.
    return rest if len(rest) >= ITEM_NAME_MIN_CHARS else ""


# Words that name the whole a report is about, not a part of it.
_WHOLE_WORDS = tuple(
    "项目 专项 资金 本年 全年 年度 当年 本局 我局 本单位 单位 部门 整体 全部 总额 总 合计 共计 其中 "
    "全市 全区 全县 财政 该 本 此 共 已 完成 全 年".split()
)


# The parts a department's spending or budget is split into ("项目支出3,154.13万元", "“三公”经费预算" are not
# the year's total).
_SPENDING_PART = re.compile(r"(?:基本|项目|人员|公用|对个人和家庭的补助|三公)[”\"]?(?:支出|经费)")

_TOTAL_ROWS = ("合计", "总计", "小计", "总体", "全部", "部门整体", "本部门", "全年")

# Heads that say what kind of figure follows rather than which item ("产出指标：", "总体情况：").
_GENERAL_HEADS = ("指标", "情况", "方面", "目标", "结果", "成效", "总体", "整体", "合计", "总计")


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
    part_of_year: bool = False  # a quarter's figure for a question that names no quarter
    sub_item: bool = False  # one listed item's figure ("道路养护工程：…") for a question naming none
    named: bool = False  # the fact's own label names the asked metric
    also_stated: int = 0  # other asked metrics the sentence names ("得分91.50分，评价等级为“优”")

    @property
    def score(self) -> float:
        return (
            self.candidate.similarity
            + COVERAGE_WEIGHT * self.coverage
            + QUALIFIER_BONUS * self.qualified
            - PART_PENALTY * (self.part_of_year + self.sub_item)
            + NAMED_METRIC_BONUS * self.named
            + QUALIFIER_BONUS * self.also_stated
            - 0.01 * self.candidate.rank
        )


def _fact_coverage(frame: QuestionFrame, candidate: Candidate) -> float:
    """How much of the subject the fact's own sentence and headings hold.

    An amount asked of a named fund, fee or subsidy ("公务接待费", "助学金") is not answered by a sentence
    that never names it, however many of its other words the sentence shares.
    """
    chunk = candidate.passage.chunk
    if "rate" in frame.metric_kinds and frame.rate_names:
        # "验收通过率" is not answered by a passage whose rate is of a 中期检查 and never names 验收; the
        # words may stand in a sentence before the rate's ("完成食品抽检4,860批次。合格率97.86%").
        passage = _PUNCTUATION.sub("", " ".join(chunk.section_path) + chunk.text)
        if any(not _named_within(t, passage, candidate) for t in frame.rate_names):
            return min(candidate.own_coverage, UNNAMED_AMOUNT_CAP)
    if "amount" not in frame.metric_kinds and "元" not in frame.scope.units:
        return candidate.own_coverage
    where = _PUNCTUATION.sub("", " ".join(chunk.section_path) + candidate.sentence.text)
    suffixes = vocabulary().amount_nouns
    named = [t for t in frame.subject_terms if len(t) >= 3 and t.endswith(suffixes)]
    unnamed = [name for name in frame.named_sums if not _sum_named(name, where, candidate.document)]
    # "人员经费、公用经费各多少": a sentence naming one of the parts asked answers that part
    if unnamed and (not frame.parts or len(unnamed) == len(frame.named_sums)):
        return min(candidate.own_coverage, UNNAMED_AMOUNT_CAP)
    if any(not _named_within(t, where, candidate) for t in named):
        return min(candidate.own_coverage, UNNAMED_AMOUNT_CAP)
    return candidate.own_coverage


def _named_within(word: str, where: str, candidate: Candidate) -> bool:
    """The word, or a word of its synonym group, stands in the text, or it names the report itself."""
    return any(form in where for form in vocabulary().forms(word)) or names_document(word, candidate.document)


def _own_clause(candidate: Candidate, fact: FigureFact) -> str:
    """The sentence from the figure before this one to this figure's end: the words that are its own."""
    previous_end = max((f.end for f in candidate.facts if f.end <= fact.start), default=0)
    return candidate.sentence.text[previous_end : fact.end].lower()


def _quarter_of(candidate: Candidate, fact: FigureFact) -> str | None:
    clause = _own_clause(candidate, fact)
    return next((q for q, forms in vocabulary().quarters.items() if any(f in clause for f in forms)), None)


def _other_metrics_named(frame: QuestionFrame, candidate: Candidate, fact: FigureFact) -> int:
    """How many of the question's other metrics the sentence names: a two-part question ("多少分？什么档次？",
    "预算多少、实际花了多少") is best answered by the sentence that states both."""
    if len(frame.metrics) < 2:
        return 0
    entries = vocabulary().metrics
    text = candidate.sentence.text
    return sum(
        1
        for m in frame.metrics
        if not same_metric(m, fact.metric) and m in entries and any(t in text for t in entries[m].terms)
    )


def _part_of_year(candidate: Candidate, fact: FigureFact) -> bool:
    """A quarter's figure, or a running total stated with a quarter before the last ("第三季度…累计支出…")."""
    if _quarter_of(candidate, fact) is not None:
        return True
    return "累计" in fact.qualifiers and _quarter_before(candidate, fact, ("1", "2", "3", "H1"))


def _quarter_before(candidate: Candidate, fact: FigureFact, quarters: tuple[str, ...]) -> bool:
    """The sentence names one of these quarters before the figure."""
    before = candidate.sentence.text[: fact.start].lower()
    return any(form in before for q in quarters for form in vocabulary().quarters[q])


def _sum_named(name: str, where: str, document: DocumentInfo) -> bool:
    """The sum's name is written in the sentence or names the report; a lead naming the report ("苇河文化项目"
    of "苇河文化项目人员经费") need not be: the sentence must write what follows it."""
    if _written_within(name, where) or names_document(name, document):
        return True
    own = document.title + document.department
    lead = next((i for i in range(len(name)) if not _in_order(name[: i + 1], own)), len(name))
    return 2 <= lead <= len(name) - 2 and _written_within(name[lead:], where)


def _in_order(chars: str, text: str) -> bool:
    position = 0
    for c in chars:
        position = text.find(c, position) + 1
        if position == 0:
            return False
    return True


def _written_within(name: str, text: str) -> bool:
    """The name's characters in order within a short span of the text: "农机补贴" is written
    "农机购置补贴", "培训补助" is "培训费用补助"; "灵活就业社会保险补贴" is not "就业补助资金"."""
    pattern = ".{0,4}?".join(re.escape(c) for c in name)
    return re.search(pattern, text) is not None


def _in_quarter(frame: QuestionFrame, candidate: Candidate, fact: FigureFact) -> bool:
    """A quarter the question names must be named in the figure's own clause ("第三季度支出…").

    The first half is also a cumulative figure stated with the second quarter ("第二季度支出…，累计支出…").
    """
    if frame.quarter is None:
        return True
    if frame.computation == "remaining" and fact.metric == "预算":
        return True  # "到三季度末还剩多少": the year's budget less the spending by then
    if _quarter_of(candidate, fact) == frame.quarter:
        return True
    cumulative = "累计" in fact.qualifiers | vocabulary().qualifiers_of(_own_clause(candidate, fact))
    return frame.quarter == "H1" and cumulative and _quarter_before(candidate, fact, ("2",))


def _per_unit(candidate: Candidate, fact: FigureFact) -> bool:
    """The figure is stated per unit: "每亩2,500元", "人均3.2万元", "800元/人/月", or as a standard
    ("补助标准为：城区600元，农村450元")."""
    after = candidate.sentence.text[fact.end : fact.end + 1]
    if after in ("/", "／") or "标准" in candidate.sentence.text[: fact.start]:
        return True
    return any(w in _own_clause(candidate, fact) for w in ("每", "单价", "均", "/", "／"))


def _cumulative_fits(frame: QuestionFrame, candidate: Candidate, fact: FigureFact) -> bool:
    """A running total over years ("历年累计建成多少") is not answered by a figure of one year."""
    if "累计" not in frame.qualifiers or not _OVER_YEARS.search(frame.question):
        return True
    return "累计" in vocabulary().qualifiers_of(candidate.sentence.text[: fact.end])


def _other_stage(frame: QuestionFrame, fact: FigureFact) -> bool:
    """ "年初预算多少" is not answered by an adjusted budget, nor "调整后预算" by the initial one."""
    asked = frame.qualifiers & BUDGET_STAGES
    return bool(asked) and bool(fact.qualifiers & BUDGET_STAGES) and not (fact.qualifiers & asked)


def _fact_fits(frame: QuestionFrame, candidate: Candidate, fact: FigureFact) -> bool:
    """The fact is of the asked metric or unit, period, scope, quarter, running total and per-unit form."""
    if frame.metrics and not any(measures(m, fact) for m in frame.metrics):
        return False
    if _other_stage(frame, fact):
        return False
    return (
        _unit_fits(frame, fact)
        and meets_period(frame, candidate, fact)
        and fact_in_scope(frame, candidate, fact)
        and _in_quarter(frame, candidate, fact)
        and _cumulative_fits(frame, candidate, fact)
        and (not frame.per_unit or _per_unit(candidate, fact))
    )


def matching_facts(frame: QuestionFrame, candidates: list[Candidate]) -> list[FactMatch]:
    """Facts of the asked metric (or unit), period and scope, with the share of the subject their sentence
    (with its section headings and the sentence before it) holds."""
    matches = []
    for candidate in candidates:
        if not meets_department(frame, candidate):
            continue
        facts = [f for f in candidate.facts if _fact_fits(frame, candidate, f)]
        if not facts:
            continue
        # What holds for the whole sentence is worked out once for all its facts.
        stated = frozenset().union(*(f.qualifiers for f in candidate.facts))
        fact_coverage = _fact_coverage(frame, candidate)
        sub_item = asks_whole(frame, candidate) and names_item(candidate) and not _names_asked_item(frame, candidate)
        for fact in facts:
            matches.append(
                FactMatch(
                    candidate,
                    fact,
                    fact_coverage,
                    len(frame.qualifiers & stated)
                    + len(frame.qualifiers & fact.qualifiers)
                    # an actual figure is the default; a budget's stage counts only where the question names one
                    - len(fact.qualifiers - frame.qualifiers - {"实际", "年初"}),
                    frame.quarter is None and _part_of_year(candidate, fact),
                    sub_item,
                    any(same_metric(m, fact.metric) for m in frame.metrics),
                    _other_metrics_named(frame, candidate, fact),
                )
            )
    return sorted(matches, key=lambda m: m.score, reverse=True)


def _names_asked_item(frame: QuestionFrame, candidate: Candidate) -> bool:
    """The sentence's first figure is labelled with a word the question names but reads as no subject
    ("产出那一块拿了几分": 产出 is tagged a verb; "产出指标得分27.30分"), so the question asks for that item."""
    label = candidate.facts[0].label if candidate.facts else ""
    return any(label.startswith(t) for t in frame.soft_terms)


def states_date(candidate: Candidate) -> bool:
    return _DATE.search(candidate.sentence.text) is not None
