"""What a check is and how it is judged: verdicts by the stated precision, in exact decimals."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from assistant.audit_relations.text import Fig, ReportView
from assistant.figure_table import StatedFigure, figure_kind
from ingest.numbers import Quantity, within_last_digit


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    ROUNDING = "rounding"
    UNCERTAIN = "uncertain"  # 待核: the text does not say the list is complete, and its parts fall short
    INCONSISTENT = "inconsistent"


VERDICT_LABELS = {
    Verdict.CONSISTENT: "一致",
    Verdict.ROUNDING: "尾差",
    Verdict.UNCERTAIN: "待核",
    Verdict.INCONSISTENT: "不一致",
}
VERDICT_ORDER = {Verdict.INCONSISTENT: 0, Verdict.UNCERTAIN: 1, Verdict.ROUNDING: 2, Verdict.CONSISTENT: 3}


@dataclass(frozen=True)
class AuditCheck:
    """One recomputation: which formula, what the report says, what the parts give, and why they were paired."""

    kind: str
    formula: str
    stated: StatedFigure
    recomputed: float
    difference: float
    verdict: Verdict
    tied_by: str
    sources: tuple[StatedFigure, ...]

    @property
    def sentence(self) -> str:
        return self.stated.sentence


def judge_exact(stated: Fig, exact: Decimal, slack: Decimal = Decimal(0)) -> Verdict:
    """`exact` is in the stated figure's own unit. Half-up rounding to the stated decimals is consistent.
    A value exact at the stated precision (63 ÷ 60 = 105%, a sum of whole numbers) must match exactly,
    unless the operands are themselves rounded (`slack`); otherwise a difference within one unit of the
    last stated digit (truncation) is a rounding difference."""
    quantum = Decimal(1).scaleb(-stated.decimals)
    if exact.quantize(quantum, rounding=ROUND_HALF_UP) == stated.number:
        return Verdict.CONSISTENT
    quantity = Quantity(stated.number, stated.unit, stated.decimals, stated.text)
    difference = abs(stated.number - exact)
    if exact == exact.quantize(quantum) and not slack:
        return Verdict.INCONSISTENT
    # The operands' own rounding widens the margin by at most half a stated unit: a planted or real slip
    # of two units or more stays visible.
    if within_last_digit(quantity, exact) or difference <= quantum + min(slack, quantum / 2):
        return Verdict.ROUNDING
    return Verdict.INCONSISTENT


def judge(stated: float, recomputed: float, decimals: int) -> Verdict:
    """Float form kept for callers that hold plain numbers."""
    unit = 10.0**-decimals
    if abs(round(recomputed, decimals) - stated) < unit / 2:
        return Verdict.CONSISTENT
    if abs(recomputed - stated) <= unit + 1e-9:
        return Verdict.ROUNDING
    return Verdict.INCONSISTENT


class Citer:
    """Turns the audit's figures into the figure rows the rest of the product shows and cites."""

    def __init__(self, view: ReportView) -> None:
        self.view = view
        parsed = view.parsed
        self._sentences: list[tuple[int, int, str, str]] = []
        for chunk in parsed.chunks:
            for sentence in chunk.sentences:
                self._sentences.append((sentence.start, sentence.end, sentence.text, chunk.section))
        self._sentences.sort()
        self._starts = [s[0] for s in self._sentences]

    def stated(self, fig: Fig) -> StatedFigure:
        doc = self.view.parsed.normalized
        at = bisect.bisect_right(self._starts, fig.start) - 1
        sentence, section = "", ""
        if at >= 0:
            start, end, sentence, section = self._sentences[at]
        table_line = _table_line(self.view, fig)
        if table_line:
            sentence = table_line
        label = fig.label.rstrip("为是达共计约").strip() or fig.label
        return StatedFigure(
            doc_id=self.view.parsed.info.doc_id,
            section=section,
            page=doc.page_at(fig.start),
            label=label,
            text=fig.text,
            value=float(fig.number),
            unit=fig.unit,
            kind=figure_kind(label, fig.unit),
            sentence=sentence,
            start=fig.start,
            end=fig.end,
            raw_start=fig.raw_start,
            raw_end=fig.raw_end,
        )


def _table_line(view: ReportView, fig: Fig) -> str:
    for table in view.tables:
        for row in table.rows:
            if any(cell is fig for cell in row.cells.values()):
                return row.line
    return ""


def check(
    citer: Citer,
    kind: str,
    formula: str,
    stated: Fig,
    exact: Decimal,
    tied_by: str,
    sources: list[Fig],
    slack: Decimal = Decimal(0),
    verdict: Verdict | None = None,
) -> AuditCheck:
    """A check of `stated` against `exact` (in the stated figure's unit)."""
    verdict = verdict or judge_exact(stated, exact, slack)
    return AuditCheck(
        kind=kind,
        formula=formula,
        stated=citer.stated(stated),
        recomputed=float(round(exact, 6)),
        difference=float(round(stated.number - exact, 6)),
        verdict=verdict,
        tied_by=tied_by,
        sources=tuple(citer.stated(f) for f in sources),
    )


def _rounded_magnitude(fig: Fig) -> bool:
    """ "1.2亿元", "4.6万人次", "12.6万人": figures stated in 亿 or 万 of a count are rounded statistics;
    amounts in 万元 or 元 and plain counts are taken as exact, as reports state them."""
    return fig.unit.startswith("亿") or (fig.unit.startswith("万") and fig.family != "元")


def ratio_slack(numerator: Fig, denominator: Fig, percent: Decimal) -> Decimal:
    """How far a ratio may move when its operands are themselves rounded to their last digit."""
    if not numerator.value or not denominator.value:
        return Decimal(0)
    relative = Decimal(0)
    for fig in (numerator, denominator):
        if _rounded_magnitude(fig):
            relative += fig.last_digit / 2 / abs(fig.value)
    return abs(percent) * relative


def sum_slack(total: Fig, parts: list[Fig]) -> Decimal:
    """Money parts stated with decimals are rounded (元 to 万元): their sum may be a cent off the total."""
    rounded = [p for p in parts if (p.family == "元" and p.decimals > 0) or _rounded_magnitude(p)]
    return sum((p.last_digit / 2 for p in rounded), Decimal(0)) / total.scale
