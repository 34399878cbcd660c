"""Computed answers: difference, gap to target, year-over-year change, growth and share, from cited facts.

A report states operands, not always the result a user asks for ("还差多少人", "比上年多花了多少",
"占总预算多大比例"). The result is computed in Decimal from two stated facts, shown as a formula whose
operands are quoted as the report writes them, and marked as computed; the figure check recomputes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.frame import QuestionFrame
from assistant.matching import Candidate, FactMatch, item_words
from ingest.facts import FigureFact
from ingest.numbers import MONEY_SCALE, format_number, parse_quantity
from ingest.tokenize import tokenize

_TOTAL_WORDS = re.compile(r"总|合计|全部|整体|全年|本年|全区|全市|全县")
# "追加预算80.00万元" is a change to the budget, not the budget.
_INCREMENT = re.compile(r"(?:追加|调增|调减|增加|减少|压减|新增)(?:预算|资金|经费)?$")
_CHANGE_WORD = re.compile(r"(增加|减少|增长|下降|提高|降低|多|少|节约|超出|超额)$")
STATED_CHANGE_WINDOW = 3  # a change stated among the best matches is quoted, not recomputed
ADJUSTED_BUDGET_MARGIN = 0.1  # an adjusted budget about as relevant as the best one replaces it
# Metric pairs that are operands only where one sentence or table row states both.
_STATED_TOGETHER_ONLY = frozenset({("分值", "得分")})
OPERATORS = {"difference": "−", "gap": "−", "remaining": "−", "share": "÷", "growth": "÷", "sum": "+"}
# Words every label of funds may hold: they pair no due figure with its arrived one.
_FUNDS_WORDS = frozenset({"资金", "到位", "实际", "项目", "到位资金", "实际到位", "资金到位", "万元"})


@dataclass(frozen=True)
class Computation:
    kind: str  # difference | gap | remaining | share | growth | sum
    left: FigureFact
    right: FigureFact
    left_candidate: Candidate
    right_candidate: Candidate
    result: str  # as the answer writes it: "1,386人次", "4.31%"

    def formula(self, left_marker: int, right_marker: int) -> str:
        # A result in percent says "× 100%" itself; writing it would show a figure no passage states.
        left, right = f"{self.left.text}[{left_marker}]", f"{self.right.text}[{right_marker}]"
        if self.kind == "growth":
            return f"({left} − {right}) ÷ {right} = {self.result}"
        return f"{left} {OPERATORS[self.kind]} {right} = {self.result}"


def _scale(fact: FigureFact, unit: str) -> Decimal:
    """The fact's value in `unit` (money converts between 元, 万元, 亿元)."""
    own = fact.quantity.unit
    if own == unit:
        return fact.quantity.value
    return fact.quantity.value * Decimal(MONEY_SCALE[own]) / Decimal(MONEY_SCALE[unit])


def _compatible(a: FigureFact, b: FigureFact) -> bool:
    ua, ub = a.quantity.unit, b.quantity.unit
    return ua == ub or (ua in MONEY_SCALE and ub in MONEY_SCALE)


def _result(kind: str, left: FigureFact, right: FigureFact) -> str:
    unit = left.quantity.unit
    if kind == "share":
        value = _scale(left, unit) / _scale(right, unit) * 100
        return format_number(value, 2) + "%"
    if kind == "growth":
        value = (_scale(left, unit) - _scale(right, unit)) / _scale(right, unit) * 100
        return format_number(value, 2) + "%"
    decimals = max(left.quantity.decimals, right.quantity.decimals)
    if kind == "sum":
        return format_number(_scale(left, unit) + _scale(right, unit), decimals) + unit
    value = _scale(left, unit) - _scale(right, unit)
    if kind == "difference":
        value = abs(value)
    if unit == "%":
        return format_number(value, decimals) + "个百分点"  # rates differ by percentage points, not percent
    return format_number(value, decimals) + unit


def recompute(kind: str, left: str, right: str) -> str | None:
    """The result string a formula of two stated figures must show (None if they cannot be read)."""
    a, b = parse_quantity(left), parse_quantity(right)
    if a is None or b is None:
        return None
    facts = [FigureFact(q.text, q, None, "", frozenset(), None, 0, 0) for q in (a, b)]
    if not _compatible(*facts) or (kind in ("share", "growth") and b.value == 0):
        return None
    return _result(kind, *facts)


def _make(kind: str, left: FactMatch | tuple[Candidate, FigureFact], right: FactMatch | tuple) -> Computation | None:
    lc, lf = (left.candidate, left.fact) if isinstance(left, FactMatch) else left
    rc, rf = (right.candidate, right.fact) if isinstance(right, FactMatch) else right
    if lf is rf or not _compatible(lf, rf) or (kind in ("share", "growth") and rf.quantity.value == 0):
        return None
    return Computation(kind, lf, rf, lc, rc, _result(kind, lf, rf))


def _gap_in(candidate: Candidate) -> Computation | None:
    """Actual minus target, both stated in one sentence ("完成18.5公里，未达到20公里的年度目标")."""
    facts = candidate.facts
    target = next((f for f in facts if "目标" in f.qualifiers), None)
    if target is None:
        return None
    sentence = candidate.sentence.text
    actual = next(
        (
            f
            for f in facts
            if f is not target
            and "目标" not in f.qualifiers
            and _comparable(f, target)
            and not _part_of(target, f, sentence)
        ),
        None,
    )
    if actual is None:
        return None
    return _shortfall((candidate, actual), (candidate, target))


def _part_of(whole: FigureFact, fact: FigureFact, sentence: str) -> bool:
    """ "计划建12个，其中乡镇4个": a figure listed after 其中 is a part of the one before it, not its actual."""
    return fact.start > whole.end and "其中" in sentence[whole.end : fact.start]


def _listed_part(match: FactMatch) -> bool:
    """The figure is listed after 其中 behind another figure of its sentence."""
    sentence = match.candidate.sentence.text
    return any(_part_of(f, match.fact, sentence) for f in match.candidate.facts if f is not match.fact)


def _comparable(a: FigureFact, b: FigureFact) -> bool:
    """Two figures of one measure: compatible units and no two different named metrics."""
    return _compatible(a, b) and (a.metric == b.metric or a.metric is None or b.metric is None)


def _shortfall(actual: tuple[Candidate, FigureFact], target: tuple[Candidate, FigureFact]) -> Computation | None:
    """How far the actual is from the target, as a positive figure: target − actual when short of it."""
    short = _scale(actual[1], target[1].quantity.unit) < target[1].quantity.value
    return _make("gap", target, actual) if short else _make("gap", actual, target)


def _gap(matches: list[FactMatch]) -> Computation | None:
    """The best sentence stating both the target and the actual of the subject; else the best target and
    the best actual of equally covered sentences ("承诺投入300.00万元" … "实际到位240.00万元")."""
    best = matches[0]
    covered = [m for m in matches if m.coverage >= best.coverage]
    for match in covered:
        found = _gap_in(match.candidate)
        if found is not None:
            return found
    target = next((m for m in covered if "目标" in m.fact.qualifiers), None)
    actual = next(
        (
            m
            for m in covered
            if target
            and "目标" not in m.fact.qualifiers
            and _comparable(m.fact, target.fact)
            and not is_prior_year(m.fact, m.candidate)  # "由2024年的68.2%提高到73.5%": this year's meets it
            # "实际完成11个，其中乡镇3个": a whole target is met by a whole, not by one of its listed parts
            and _listed_part(m) == _listed_part(target)
        ),
        None,
    )
    if target is None or actual is None:
        return None
    return _shortfall((actual.candidate, actual.fact), (target.candidate, target.fact))


def states_change(fact: FigureFact) -> bool:
    """ "比上年增加18,214.25万元": the change is stated, nothing to compute."""
    return _CHANGE_WORD.search(fact.label) is not None


def _year_over_year(best: FactMatch) -> Computation | None:
    """This year's value minus last year's, both stated in the best fact's sentence."""
    facts = best.candidate.facts
    if any(states_change(f) for f in facts):
        return None
    prior = next((f for f in facts if "上年" in f.qualifiers), None)
    current = next(
        (f for f in facts if f is not prior and "上年" not in f.qualifiers and prior and _compatible(f, prior)), None
    )
    if prior is None or current is None:
        return None
    return _make("difference", (best.candidate, current), (best.candidate, prior))


def is_prior_year(fact: FigureFact, candidate: Candidate) -> bool:
    """The fact is last year's: qualified 上年, or stated of a year before the report's."""
    year = candidate.document.year
    return "上年" in fact.qualifiers or (fact.year is not None and year is not None and fact.year < year)


def _year_pair(kind: str, matches: list[FactMatch]) -> Computation | None:
    """This year's best-matched figure against last year's figure of the same metric, stated anywhere."""
    stated = [m for m in matches if not states_change(m.fact)]
    priors = [m for m in stated if is_prior_year(m.fact, m.candidate)]
    pairs = [
        (current, prior)
        for current in stated
        if not is_prior_year(current.fact, current.candidate)
        for prior in priors
        if _same_measure(current, prior) and _same_standing(current.fact, prior.fact)
    ]
    # "调整后预算收入较上年的…": last year's 调整后 figure pairs with this year's 调整后 one, not with another income
    alike = [(c, p) for c, p in pairs if c.fact.qualifiers - {"上年"} == p.fact.qualifiers - {"上年"}]
    return _make(kind, *(alike or pairs)[0]) if pairs else None


def _same_standing(a: FigureFact, b: FigureFact) -> bool:
    """Both figures are targets, or neither is: a target this year is no change from last year's actual."""
    return ("目标" in a.qualifiers) == ("目标" in b.qualifiers)


def _same_measure(a: FactMatch, b: FactMatch) -> bool:
    """One metric, unit and item in both ("“三公”经费支出" is not the bureau's whole 支出)."""
    title = a.candidate.document.title
    return (
        a.sub_item == b.sub_item
        and a.fact.metric == b.fact.metric
        and a.fact.quantity.unit == b.fact.quantity.unit
        and item_words(a.fact.label, title) == item_words(b.fact.label, title)
    )


def _states_the_share(matches: list[FactMatch]) -> bool:
    """A share the report states ("占…的x%") among the best matches, about as well covered as the best one."""
    best = matches[0].coverage
    return any(m.fact.metric == "占比" and m.coverage >= best for m in matches[:STATED_CHANGE_WINDOW])


def _share(matches: list[FactMatch]) -> Computation | None:
    """The best-matching part over a stated total of the same unit (a larger figure named as a whole)."""
    part = matches[0]
    for other in matches[1:]:
        if (
            _compatible(part.fact, other.fact)
            and _TOTAL_WORDS.search(other.fact.label + other.candidate.sentence.text[: other.fact.start])
            and _scale(other.fact, part.fact.quantity.unit) > part.fact.quantity.value
        ):
            return _make("share", part, other)
    return None


def _difference(matches: list[FactMatch]) -> Computation | None:
    """The two best facts of different subjects and the same unit: larger minus smaller."""
    first = matches[0]
    for other in matches[1:]:
        if other.fact.text != first.fact.text and _compatible(first.fact, other.fact) and other.coverage > 0:
            larger, smaller = sorted((first, other), key=lambda m: _scale(m.fact, first.fact.quantity.unit))[::-1]
            return _make("difference", larger, smaller)
    return None


def _by_metrics(kind: str, matches: list[FactMatch], left: str, right: str) -> Computation | None:
    """Two named metrics of one subject ("预算和实际执行差了多少"): the best fact of each. What an indicator
    is worth and what it scored pair only as stated together ("得6分（满分7分）", a table row)."""
    first = next((m for m in matches if m.fact.metric == left), None)
    if first is None:
        return None
    # Of one sentence when it states both (a table row's 分值 and 得分), else the best of each.
    seconds = [m for m in matches if m.fact.metric == right]
    second = next((m for m in seconds if m.candidate.sentence is first.candidate.sentence), None)
    if (left, right) not in _STATED_TOGETHER_ONLY:
        second = second or next(iter(seconds), None)
    if second is None:
        return None
    return _make(kind, first, second)


def _remaining(matches: list[FactMatch], by_quarter_end: bool = False) -> Computation | None:
    """The latest budget (调整后 when the report states one) minus this year's spending, or the spending
    accumulated by the asked quarter's end ("到三季度末还剩多少": 累计, not that quarter's own)."""
    budgets = [
        m
        for m in matches
        if m.fact.metric == "预算" and not is_prior_year(m.fact, m.candidate) and not _INCREMENT.search(m.fact.label)
    ]
    wholes = [m for m in budgets if not m.sub_item] or budgets  # the whole's budget, not one item's
    if not wholes:
        return None
    near = [m for m in wholes if m.score >= wholes[0].score - ADJUSTED_BUDGET_MARGIN]
    budget = next((m for m in near if "调整后" in m.fact.qualifiers), wholes[0])
    spending = [m for m in matches if m.fact.metric == "支出" and not is_prior_year(m.fact, m.candidate)]
    # The year's spending, not one quarter's or one item's, when the report states it; the spending stated
    # with the budget (a table's 合计 row) instead when it is no smaller: both are of the same whole.
    spent = next((m for m in spending if not (m.part_of_year or m.sub_item)), spending[0] if spending else None)
    beside = [m for m in spending if m.candidate.sentence is budget.candidate.sentence and _covers(budget, m)]
    if beside and spent is not None and _compatible(beside[0].fact, spent.fact):
        if _scale(beside[0].fact, spent.fact.quantity.unit) >= spent.fact.quantity.value:
            spent = beside[0]
    if by_quarter_end:
        spent = next((m for m in spending if "累计" in m.fact.label), spent)
    if spent is None:
        return None
    if _scale(spent.fact, budget.fact.quantity.unit) > budget.fact.quantity.value:
        # More spent than this budget: not the one the spending was made from (年初 vs 调整后). The adjusted
        # budget may sit in a sentence that opens with another sum ("将自筹资金550万元纳入…，调整后预算为…").
        budget = next((m for m in budgets if "调整后" in m.fact.qualifiers and _covers(m, spent)), None)
        if budget is None:
            return None
    return _make("remaining", budget, spent)


def _not_arrived(matches: list[FactMatch]) -> Computation | None:
    """What was due (the budget, or what a source was to provide: 应配套, 承诺, 计划) less what arrived, both of
    this year: the pair whose labels share the most words ("县级配套资金" with "县级配套资金到位"), then one stated
    beside the other (one sentence, one row), then a due figure worded as planned."""
    arrived = [m for m in matches if m.fact.metric == "到位资金" and not is_prior_year(m.fact, m.candidate)]
    due = [m for m in matches if m.fact.metric in ("预算", "资金来源") and not is_prior_year(m.fact, m.candidate)]
    pairs = [(d, a) for a in arrived for d in due if d.fact is not a.fact and _covers(d, a)]
    if not pairs:
        return None

    def closeness(pair: tuple[FactMatch, FactMatch]) -> tuple[int, bool, bool]:
        d, a = pair
        shared = (_label_words(d.fact.label) & _label_words(a.fact.label)) - _FUNDS_WORDS
        return len(shared), d.candidate.sentence is a.candidate.sentence, "目标" in d.fact.qualifiers

    return _make("remaining", *max(pairs, key=closeness))


def _label_words(label: str) -> frozenset[str]:
    return frozenset(tokenize(label))


def _covers(budget: FactMatch, spent: FactMatch) -> bool:
    """The budget is at least what was spent from it."""
    return _compatible(budget.fact, spent.fact) and _scale(spent.fact, budget.fact.quantity.unit) <= (
        budget.fact.quantity.value
    )


def _states_the_change(matches: list[FactMatch]) -> bool:
    """The report states the change itself among the best matches: it is quoted, not recomputed."""
    return any(m.fact.metric == "增长率" or states_change(m.fact) for m in matches[:STATED_CHANGE_WINDOW])


def growth_alongside(frame: QuestionFrame, matches: list[FactMatch], computation: Computation) -> Computation | None:
    """ "比上年多花了多少？涨了百分之几？": the change of the same two years in percent, unless the report states it."""
    if computation.kind != "difference" or "增长率" not in frame.metrics or "上年" not in frame.qualifiers:
        return None
    if _states_the_change(matches):
        return None
    return _make(
        "growth", (computation.left_candidate, computation.left), (computation.right_candidate, computation.right)
    )


def _not_yet_done(best: FactMatch) -> Computation | None:
    """ "还有几个没整改": the whole counted less the part done, both stated in the best sentence."""
    unit = best.fact.quantity.unit
    counts = sorted((f for f in best.candidate.facts if f.quantity.unit == unit), key=lambda f: f.quantity.value)
    if len(counts) < 2 or counts[-1].quantity.value == counts[-2].quantity.value:
        return None
    return _make("remaining", (best.candidate, counts[-1]), (best.candidate, counts[-2]))


def compute(frame: QuestionFrame, matches: list[FactMatch]) -> Computation | None:
    """The computation the question asks for, from the matched facts; None when the operands are not there."""
    if not matches or frame.computation is None:
        return None
    best = matches[0]
    if frame.computation == "sum":
        return _sum_of_parts(frame, matches)
    if frame.computation == "gap":
        return _gap(matches)
    if frame.computation == "share":
        if _states_the_share(matches):
            return None  # "占全年支出的43.67%": the report states the share; it is quoted, not recomputed
        return _share(matches)
    if frame.computation == "remaining":
        if "到位资金" in frame.metrics:
            return _not_arrived(matches)
        if "预算" not in frame.metrics:
            return _not_yet_done(best)
        return _remaining(matches, by_quarter_end=frame.quarter is not None)
    if frame.computation == "growth":
        if _states_the_change(matches):
            return None  # the report states the change: quote it
        return _year_pair("growth", matches)
    if frame.computation == "difference":
        named = [m for m in frame.metrics if any(x.fact.metric == m for x in matches)]
        if len(named) >= 2:
            return _by_metrics("difference", matches, *named[:2])
        if "上年" in frame.qualifiers or "上年" in best.fact.qualifiers:
            # Never two figures of this year: without last year's figure there is nothing to compare.
            return _year_over_year(best) or _year_pair("difference", matches)
        # "比例涨了多少" of "由上年的31%提高到46%": the sentence's own two years, before any other pair
        over_year = _year_over_year(best)
        if over_year is not None:
            return over_year
        return _difference(matches) if len({m.candidate.sentence.sentence_id for m in matches}) > 1 else None
    return None


def _sum_of_parts(frame: QuestionFrame, matches: list[FactMatch]) -> Computation | None:
    """Two parts the question names side by side ("A和B一共…"), each from the best fact whose sentence
    names all of that part's words; None when the question names one thing (its stated total is quoted)."""
    if not frame.parts:
        return None
    chosen = []
    for terms in frame.parts:
        found = next(
            (m for m in matches if all(t in m.candidate.sentence.text for t in terms) and m not in chosen), None
        )
        if found is None:
            return None
        chosen.append(found)
    left, right = chosen
    if left.fact is right.fact or not _comparable(left.fact, right.fact):
        return None
    return _make("sum", left, right)


# The quarters whose figures make up a half year.
HALF_YEARS = {"H1": ("1", "2"), "H2": ("3", "4")}


def half_year(first: FactMatch | None, second: FactMatch | None) -> Computation | None:
    """ "上半年支出了多少" of a report stating each quarter's spending but no half-year figure: the two quarters'
    figures added, each the best match of its own quarter."""
    if first is None or second is None or first.fact is second.fact:
        return None
    return _make("sum", first, second)
