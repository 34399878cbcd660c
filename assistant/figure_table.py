"""Every figure a report states, as rows: label, value, unit, kind, and where it stands.

A figure is a number with a unit (bare numbers such as "12345热线" or list numbers are names, not
measurements; dates are left out too). Its label is the words just before it in the same clause,
and for a figure inside parentheses ("13,581人（任务数10,500人，完成率129%）") the subject in front
of the parentheses is kept: "城镇新增就业 · 任务数".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.figures import find_figures
from ingest.facts import figure_label, metric_of, section_subject
from ingest.models import ParsedDocument
from ingest.structure import TABLE_ROW
from ingest.vocabulary import vocabulary

_NOT_MEASURES = ("年", "年度", "月", "日", "分钟")  # dates, and "15分钟服务圈" (a name, not a score)
_NUMBER = re.compile(r"^[\d,]+(?:\.\d+)?")
_CELL = re.compile(r"(?:^|[｜，])(?P<header>[^｜，：]{1,20})：(?P<value>[^，。｜]+)")
_CELL_FIGURE = re.compile(r"([\d,]+(?:\.\d+)?)(\S{0,4})")


@dataclass(frozen=True)
class StatedFigure:
    """One figure as the report states it, with its place in the normalized and original text."""

    doc_id: str
    section: str
    page: int | None
    label: str
    text: str  # as written, spaces removed: "9,896.45万元"
    value: float
    unit: str
    kind: str  # amount | rate | score | target | count
    sentence: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    # The figure as a fact (ingest/facts.py): what it measures, how qualified, of which year and subject.
    metric: str = ""
    qualifiers: tuple[str, ...] = ()
    year: int | None = None
    subject: str = ""

    @property
    def decimals(self) -> int:
        number = _NUMBER.match(self.text).group(0)
        return len(number.split(".")[1]) if "." in number else 0


def figure_kind(label: str, unit: str) -> str:
    if unit == "%":
        return "rate"
    if unit == "分":
        return "score"
    if unit.endswith("元"):
        return "amount"
    if re.search(r"任务数|目标|计划", label):
        return "target"
    return "count"


def _prose_figures(sentence: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, label, number, unit) of each figure with a unit in a sentence of prose."""
    for match in find_figures(sentence):
        text = re.sub(r"\s+", "", match.group(0))
        number = _NUMBER.match(text).group(0)
        unit = text[len(number) :]
        if unit and unit not in _NOT_MEASURES:
            yield match.start(), match.end(), figure_label(sentence, match.start()), number, unit


def _table_figures(sentence: str) -> Iterator[tuple[int, int, str, str, str]]:
    """Cells of a table row ("项目名称：X，预算数：5,336.44万元，执行率：89.07%"), labelled row · column."""
    cells = list(_CELL.finditer(sentence))
    row_name = next((c["value"] for c in cells if not _CELL_FIGURE.fullmatch(c["value"])), "")
    for cell in cells:
        figure = _CELL_FIGURE.fullmatch(cell["value"])
        if figure:
            label = f"{row_name} · {cell['header']}" if row_name else cell["header"]
            yield cell.start("value"), cell.end("value"), label, figure.group(1), figure.group(2)


def extract_figures(parsed: ParsedDocument) -> list[StatedFigure]:
    """All stated figures of a parsed document, in reading order."""
    doc = parsed.normalized
    figures: list[StatedFigure] = []
    for chunk in parsed.chunks:
        for sentence in chunk.sentences:
            is_row = TABLE_ROW.match(sentence.text) is not None
            occurrences = _table_figures(sentence.text) if is_row else _prose_figures(sentence.text)
            for match_start, match_end, label, number, unit in occurrences:
                offset = doc.text.find(sentence.text, sentence.start)
                start = (offset if offset >= 0 else sentence.start) + match_start
                end = start + match_end - match_start
                raw_start, raw_end = doc.raw_span(start, end)
                text = number + unit
                figures.append(
                    StatedFigure(
                        doc_id=parsed.info.doc_id,
                        section=chunk.section,
                        page=doc.page_at(start),
                        label=label,
                        text=text,
                        value=float(number.replace(",", "")),
                        unit=unit,
                        kind=figure_kind(label, unit),
                        sentence=sentence.text,
                        start=start,
                        end=end,
                        raw_start=raw_start,
                        raw_end=raw_end,
                        metric=metric_of(label, unit) or "",
                        qualifiers=tuple(sorted(vocabulary().qualifiers_of(label))),
                        year=parsed.info.year,
                        subject=section_subject(chunk.section_path),
                    )
                )
    return figures
