"""Check a report's own arithmetic: stated rates against their parts, stated totals against their items.

A check is made only where the text ties the figures together, and each check records the words
that did (precision over recall: an auditor who sees false alarms stops reading):

- completion rate  "13,581人（任务数10,500人，完成率129%）"       完成率 = 实际 ÷ 任务数
- execution rate   "预算安排9,897万元，支出9,896.45万元，执行率为99.99%"  执行率 = 支出 ÷ 预算
- closure rate     "受理4,443宗，结案4,575宗（含2022年未结案件162件），结案率99.35%"
                   结案率 = 结案 ÷ (受理 + 上年未结), or 结案 ÷ 受理 when no carried-over cases are named
- total            "…本年收入32,003.05万元。具体情况如下：A万元，B万元…"  total = Σ items

Verdicts: consistent (the recomputed value rounds to the stated one), rounding difference (off by
at most one unit of the stated last digit: truncation or summed rounding), inconsistent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from assistant.figure_table import StatedFigure, extract_figures
from ingest.models import ParsedDocument
from ingest.structure import TABLE_ROW

NUM = r"\d[\d,]*(?:\.\d+)?"
_GAP = r"[^。；]{0,%d}?"

_COMPLETION = re.compile(
    rf"(?P<actual>{NUM})(?P<unit>万人次|万人|人次|人|家次|家|个|件|宗|场|名|户|项)[（(]任务数为?(?P<target>{NUM})(?P=unit)?"
    rf"[，,](?P<word>完成率为?|已完成)(?P<rate>{NUM})%[）)]"
)
_EXECUTION = re.compile(
    rf"(?P<bword>预算安排|预算数|预算金额|预算)为?(?P<budget>{NUM})(?P<unit>万元|亿元|元){_GAP % 30}"
    rf"(?P<sword>支出|执行数为?|实际支出|执行金额为?)(?P<spend>{NUM})(?P=unit){_GAP % 15}"
    rf"(?P<rword>执行率)为?(?P<rate>{NUM})%"
)
_CLOSURE = re.compile(
    rf"受理{_GAP % 20}(?P<accepted>{NUM})(?:宗|件)[，,、]?结案(?P<closed>{NUM})(?:宗|件)"
    rf"(?:[（(]含(?P<cword>{_GAP % 12}未结案件?)(?P<carried>{NUM})(?:宗|件)[）)])?"
    rf"[，,]?(?P<rword>结案率)为?(?P<rate>{NUM})%"
)
_BREAKDOWN = re.compile(r"具体情况如下[:：]|分别为[:：]?|包括[:：]")


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    ROUNDING = "rounding"
    INCONSISTENT = "inconsistent"


VERDICT_LABELS = {Verdict.CONSISTENT: "一致", Verdict.ROUNDING: "尾差", Verdict.INCONSISTENT: "不一致"}


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


def judge(stated: float, recomputed: float, decimals: int) -> Verdict:
    unit = 10.0**-decimals
    if abs(round(recomputed, decimals) - stated) < unit / 2:
        return Verdict.CONSISTENT
    if abs(recomputed - stated) <= unit + 1e-9:
        return Verdict.ROUNDING
    return Verdict.INCONSISTENT


def _number(text: str) -> float:
    return float(text.replace(",", ""))


class _FigureIndex:
    """Stated figures by their start offset in the normalized text."""

    def __init__(self, figures: list[StatedFigure]) -> None:
        self._by_start = {f.start: f for f in figures}
        self.figures = figures

    def at(self, start: int) -> StatedFigure | None:
        return self._by_start.get(start)


def audit_document(parsed: ParsedDocument, figures: list[StatedFigure] | None = None) -> list[AuditCheck]:
    """All arithmetic checks the text supports, inconsistent ones first."""
    index = _FigureIndex(figures if figures is not None else extract_figures(parsed))
    text = parsed.normalized.text
    checks: list[AuditCheck] = []
    for start, end in parsed.normalized.paragraphs:
        paragraph = text[start:end]
        checks += _rate_checks(paragraph, start, index)
        checks += _total_checks(paragraph, start, end, index)
    checks += _table_checks(index.figures)
    order = {Verdict.INCONSISTENT: 0, Verdict.ROUNDING: 1, Verdict.CONSISTENT: 2}
    return sorted(checks, key=lambda c: (order[c.verdict], c.stated.start))


def _rate(
    kind: str, formula: str, rate: StatedFigure | None, value: float, tied_by: str, sources: list[StatedFigure | None]
) -> AuditCheck | None:
    if rate is None or any(s is None for s in sources):
        return None
    verdict = judge(rate.value, value, rate.decimals)
    return AuditCheck(kind, formula, rate, value, round(rate.value - value, 6), verdict, tied_by, tuple(sources))


def _rate_checks(paragraph: str, offset: int, index: _FigureIndex) -> list[AuditCheck]:
    checks: list[AuditCheck | None] = []

    def fig(match: re.Match[str], group: str) -> StatedFigure | None:
        return index.at(offset + match.start(group))

    for m in _COMPLETION.finditer(paragraph):
        actual, target = _number(m["actual"]), _number(m["target"])
        if target > 0:
            formula = f"完成率 = {m['actual']}{m['unit']} ÷ {m['target']}{m['unit']}"
            tied = f"“任务数”与“{m['word']}”"
            checks.append(
                _rate(
                    "completion_rate",
                    formula,
                    fig(m, "rate"),
                    100 * actual / target,
                    tied,
                    [fig(m, "actual"), fig(m, "target")],
                )
            )
    for m in _EXECUTION.finditer(paragraph):
        budget, spend = _number(m["budget"]), _number(m["spend"])
        if budget > 0:
            formula = f"执行率 = {m['spend']}{m['unit']} ÷ {m['budget']}{m['unit']}"
            tied = f"“{m['bword']}”“{m['sword']}”“{m['rword']}”"
            checks.append(
                _rate(
                    "execution_rate",
                    formula,
                    fig(m, "rate"),
                    100 * spend / budget,
                    tied,
                    [fig(m, "budget"), fig(m, "spend")],
                )
            )
    for m in _CLOSURE.finditer(paragraph):
        accepted, closed = _number(m["accepted"]), _number(m["closed"])
        carried = _number(m["carried"]) if m["carried"] else 0.0
        denominator = accepted + carried
        if denominator > 0:
            if m["carried"]:
                formula = f"结案率 = {m['closed']} ÷ ({m['accepted']} + {m['carried']})"
                tied = f"“受理”“结案”“含{m['cword']}”“结案率”"
                sources = [fig(m, "accepted"), fig(m, "closed"), fig(m, "carried")]
            else:
                formula = f"结案率 = {m['closed']} ÷ {m['accepted']}"
                tied = "“受理”“结案”“结案率”"
                sources = [fig(m, "accepted"), fig(m, "closed")]
            checks.append(_rate("closure_rate", formula, fig(m, "rate"), 100 * closed / denominator, tied, sources))
    return [c for c in checks if c is not None]


def _total_checks(paragraph: str, offset: int, end: int, index: _FigureIndex) -> list[AuditCheck]:
    checks = []
    in_paragraph = [f for f in index.figures if offset <= f.start < end and f.kind == "amount"]
    for marker in _BREAKDOWN.finditer(paragraph):
        marker_at = offset + marker.end()
        stop = paragraph.find("。", marker.end())
        stop_at = offset + (stop if stop >= 0 else len(paragraph))
        before = [f for f in in_paragraph if f.end <= offset + marker.start()]
        if not before:
            continue
        total = before[-1]
        parts = [f for f in in_paragraph if marker_at <= f.start < stop_at and f.unit == total.unit]
        if len(parts) < 2:
            continue
        decimals = max([total.decimals] + [p.decimals for p in parts])
        value = round(sum(p.value for p in parts), decimals + 2)
        formula = f"{total.label} = " + " + ".join(f"{p.label} {p.text}" for p in parts)
        tied = f"“{total.label}”后“{marker.group(0).rstrip(':：')}”列出的各项"
        verdict = judge(total.value, value, total.decimals)
        checks.append(
            AuditCheck("total", formula, total, value, round(total.value - value, 6), verdict, tied, (total, *parts))
        )
    return checks


_TOTAL_ROW = ("合计", "总计")
_RATE_PARTS = (
    ("执行率", ("预算",), ("执行数", "支出", "执行金额")),
    ("完成率", ("目标", "计划", "任务"), ("实际", "完成值")),
)


def _table_checks(figures: list[StatedFigure]) -> list[AuditCheck]:
    """In tables: each row's rate from its own columns, and a 合计 row against the rows above it."""
    rows: dict[tuple[str, str], list[StatedFigure]] = {}
    for figure in figures:
        if TABLE_ROW.match(figure.sentence):
            rows.setdefault((figure.section, figure.sentence), []).append(figure)
    tables: dict[str, list[dict[str, StatedFigure]]] = {}
    for (section, _), cells in rows.items():
        tables.setdefault(section, []).append({f.label.split(" · ")[-1]: f for f in cells})
    checks: list[AuditCheck | None] = []
    for table in tables.values():
        for row in table:
            for rate_header, denominators, numerators in _RATE_PARTS:
                rate = next((f for h, f in row.items() if rate_header in h), None)
                base = next((f for h, f in row.items() if any(w in h for w in denominators)), None)
                part = next((f for h, f in row.items() if any(w in h for w in numerators)), None)
                if rate and base and part and base.value > 0:
                    base_column, part_column = base.label.split(" · ")[-1], part.label.split(" · ")[-1]
                    formula = f"{rate.label} = {part_column} {part.text} ÷ {base_column} {base.text}"
                    tied = f"同一表行的列“{base_column}”“{part_column}”“{rate_header}”"
                    checks.append(_rate("table_rate", formula, rate, 100 * part.value / base.value, tied, [base, part]))
        totals = [r for r in table if any(f.label.split(" · ")[0] in _TOTAL_ROW for f in r.values())]
        items = [r for r in table if r not in totals]
        for total_row in totals:
            for header, total in total_row.items():
                parts = [r[header] for r in items if header in r]
                if total.unit == "%" or len(parts) < 2:
                    continue
                decimals = max([total.decimals] + [p.decimals for p in parts])
                value = round(sum(p.value for p in parts), decimals + 2)
                formula = f"{total.label} = " + " + ".join(f"{p.label} {p.text}" for p in parts)
                verdict = judge(total.value, value, total.decimals)
                checks.append(
                    AuditCheck(
                        "table_total",
                        formula,
                        total,
                        value,
                        round(total.value - value, 6),
                        verdict,
                        f"表中“{total.label.split(' · ')[0]}”行与其上各行的“{header}”列",
                        (total, *parts),
                    )
                )
    return [c for c in checks if c is not None]
