"""Computed answers: difference, gap to target, year-over-year change and share, from cited facts.

A report states operands, not always the result a user asks for ("还差多少人", "比上年多花了多少",
"占总预算多大比例"). The result is computed in Decimal from two stated facts, shown as a formula whose
operands are quoted as the report writes them, and marked as computed; the figure check recomputes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.frame import QuestionFrame
from assistant.matching import Candidate, FactMatch
from ingest.facts import FigureFact
from ingest.numbers import MONEY_SCALE, format_number, parse_quantity

_TOTAL_WORDS = re.compile(r"总|合计|全部|整体|全年|本年|全区|全市|全县")
_CHANGE_WORD = re.compile(r"(增加|减少|增长|下降|提高|降低|多|少|节约|超出|超额)$")
OPERATORS = {"difference": "−", "gap": "−", "remaining": "−", "share": "÷"}


@dataclass(frozen=True)
class Computation:
    kind: str  # difference | gap | share
    left: FigureFact
    right: FigureFact
    left_candidate: Candidate
    right_candidate: Candidate
    result: str  # as the answer writes it: "1,386人次", "4.31%"

    def formula(self, left_marker: int, right_marker: int) -> str:
        operator = OPERATORS[self.kind]
        suffix = " × 100%" if self.kind == "share" else ""
        return f"{self.left.text}[{left_marker}] {operator} {self.right.text}[{right_marker}]{suffix} = {self.result}"


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
    decimals = max(left.quantity.decimals, right.quantity.decimals)
    value = _scale(left, unit) - _scale(right, unit)
    if kind == "difference":
        value = abs(value)
    return format_number(value, decimals) + unit


def recompute(kind: str, left: str, right: str) -> str | None:
    """The result string a formula of two stated figures must show (None if they cannot be read)."""
    a, b = parse_quantity(left), parse_quantity(right)
    if a is None or b is None:
        return None
    facts = [FigureFact(q.text, q, None, "", frozenset(), None, 0, 0) for q in (a, b)]
    if not _compatible(*facts) or (kind == "share" and b.value == 0):
        return None
    return _result(kind, *facts)


def _make(kind: str, left: FactMatch | tuple[Candidate, FigureFact], right: FactMatch | tuple) -> Computation | None:
    lc, lf = (left.candidate, left.fact) if isinstance(left, FactMatch) else left
    rc, rf = (right.candidate, right.fact) if isinstance(right, FactMatch) else right
    if lf is rf or not _compatible(lf, rf) or (kind == "share" and rf.quantity.value == 0):
        return None
    return Computation(kind, lf, rf, lc, rc, _result(kind, lf, rf))


def _gap(best: FactMatch) -> Computation | None:
    """Actual minus target, both stated for the best fact's indicator (same sentence)."""
    facts = best.candidate.facts
    target = next((f for f in facts if "目标" in f.qualifiers), None)
    if target is None:
        return None
    actual = next(
        (f for f in facts if f is not target and "目标" not in f.qualifiers and _compatible(f, target)),
        None,
    )
    if actual is None:
        return None
    return _make("gap", (best.candidate, actual), (best.candidate, target))


def states_change(fact: FigureFact) -> bool:
    """"比上年增加18,214.25万元": the change is stated, nothing to compute."""
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
    """Two named metrics of one subject ("预算和实际执行差了多少"): the best fact of each."""
    first = next((m for m in matches if m.fact.metric == left), None)
    second = next((m for m in matches if m.fact.metric == right), None)
    if first is None or second is None:
        return None
    return _make(kind, first, second)


def compute(frame: QuestionFrame, matches: list[FactMatch]) -> Computation | None:
    """The computation the question asks for, from the matched facts; None when the operands are not there."""
    if not matches or frame.computation is None:
        return None
    best = matches[0]
    if frame.computation == "gap":
        return _gap(best)
    if frame.computation == "share":
        return _share(matches)
    if frame.computation == "remaining":
        return _by_metrics("remaining", matches, "预算", "支出")
    if frame.computation == "difference":
        named = [m for m in frame.metrics if any(x.fact.metric == m for x in matches)]
        if len(named) >= 2:
            return _by_metrics("difference", matches, *named[:2])
        if "上年" in frame.qualifiers or "上年" in best.fact.qualifiers:
            return _year_over_year(best) or _difference(matches)
        return _difference(matches) if len({m.candidate.sentence.sentence_id for m in matches}) > 1 else None
    return None
