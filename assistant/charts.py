"""A bar chart for comparison and ranking answers, built from the answer's verified, cited figures.

Each bar is one figure the answer states and the check verified, with the citation it was found
in (shown on hover): the chart can hold nothing the text does not. Bars are grouped by what the
answer compares: the reports' years or departments when it cites several reports, the projects
(table rows) when it cites one. The figures charted are those of the kind the question asks for
(its unit: 分, %, 万元 …), all in one unit; dates ("2023年度") are never charted.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import pandas as pd

from assistant.answer import Answer, Citation
from assistant.figures import FigureCheck, find_figures
from assistant.question import read_question
from ingest.models import DocumentInfo

_NUMBER = re.compile(r"^[\d,]+(?:\.\d+)?")
_NOT_MEASURES = ("年", "年度", "月", "日")
_ROW_NAME = re.compile(r"(?:项目名称|项目|名称|单位名称)：(?P<name>[^，。｜]+)")
_CLAUSE = re.compile(r"[，。；：:、（(）)]")
_FILLER = re.compile(r"^(?:其中|全年|共|累计|已)+|(?:为|达到|达|是|共计)+$")
COLUMNS = ("对象", "数值", "指标", "数字", "出处")


@dataclass(frozen=True)
class ChartBar:
    category: str  # what is compared: a year, a department, a project
    series: str  # which figure of it (when a sentence states several of the same unit)
    value: float
    unit: str
    figure: str  # as the answer states it
    citation: str  # "[1]《…》 · 章节 · 第3页"


@dataclass(frozen=True)
class AnswerChart:
    title: str
    unit: str
    bars: tuple[ChartBar, ...]

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(b.category, b.value, b.series, b.figure, b.citation) for b in self.bars], columns=list(COLUMNS)
        )


def _unit(figure: str) -> str:
    number = _NUMBER.match(figure)
    return figure[number.end() :] if number else ""


def _where(citation: Citation, check: FigureCheck) -> str:
    page = check.page or citation.page_start
    parts = [f"[{citation.marker}]《{citation.title}》", citation.section, f"第{page}页" if page else ""]
    return " · ".join(p for p in parts if p)


def _label(sentence: str, figure: str) -> str:
    """The words just before the figure in its clause ("预算执行率为89.91%" -> "预算执行率")."""
    for match in find_figures(sentence):
        if re.sub(r"\s+", "", match.group(0)).startswith(figure) or figure.startswith(match.group(0)):
            head = sentence[: match.start()]
            cut = max((m.end() for m in _CLAUSE.finditer(head)), default=0)
            return _FILLER.sub("", head[cut:].strip()) or "数值"
    return "数值"


def _document_labels(citations: list[Citation], documents: dict[str, DocumentInfo]) -> dict[str, str]:
    """One label per cited report: its year, its department, or both, whichever tells them apart."""
    infos = {c.doc_id: documents.get(c.doc_id) for c in citations}
    years = {d.year for d in infos.values() if d}
    departments = {d.department for d in infos.values() if d}
    # "广州市示例区教育局", "广州市示例区民政局" -> "教育局", "民政局": the shared prefix says nothing.
    shared = os.path.commonprefix(sorted(departments)) if len(departments) > 1 else ""
    labels = {}
    for doc_id, info in infos.items():
        title = next(c.title for c in citations if c.doc_id == doc_id)
        if info is None:
            labels[doc_id] = title
        elif len(departments) > 1 and len(years) > 1:
            labels[doc_id] = f"{info.department.removeprefix(shared)} {info.year}年"
        elif len(departments) > 1:
            labels[doc_id] = info.department.removeprefix(shared) or title
        else:
            labels[doc_id] = f"{info.year}年" if info.year else title
    return labels


def chart_for(answer: Answer, documents: dict[str, DocumentInfo] | None = None) -> AnswerChart | None:
    """The chart of a comparison or ranking answer; None for other answers or too few figures."""
    if answer.refused or not answer.citations:
        return None
    intent = read_question(answer.question)
    cited_documents = {c.doc_id for c in answer.citations}
    if not intent.compares and len(cited_documents) < 2:
        return None
    by_marker = {c.marker: c for c in answer.citations}
    found: list[tuple[FigureCheck, Citation, str]] = []
    for check in answer.figure_checks:
        citation = by_marker.get(check.found_in) if check.verified else None
        unit = _unit(check.figure)
        if citation is None or not unit or unit in _NOT_MEASURES:
            continue
        if intent.units and not any(unit.endswith(wanted) for wanted in intent.units):
            continue
        found.append((check, citation, unit))
    if not found:
        return None
    units = [unit for _, _, unit in found]
    unit = max(set(units), key=units.count)
    found = [f for f in found if f[2] == unit]
    labels = _document_labels([c for _, c, _ in found], documents or {})
    several_documents = len({c.doc_id for _, c, _ in found}) > 1
    bars = []
    for check, citation, _ in found:
        quote = next((q for q in citation.quotes if check.figure in re.sub(r"\s+", "", q)), citation.passage)
        row = _ROW_NAME.search(quote)
        if several_documents:
            category = labels[citation.doc_id]
        elif row is not None:
            category = row.group("name")
        else:
            category = _label(quote, check.figure)
        series = _label(quote, check.figure) if several_documents or row is not None else unit
        number = _NUMBER.match(check.figure).group(0)
        bars.append(
            ChartBar(category, series, float(number.replace(",", "")), unit, check.figure, _where(citation, check))
        )
    if len({b.category for b in bars}) < 2:
        return None
    return AnswerChart(f"{answer.question}（单位：{unit}）", unit, tuple(dict.fromkeys(bars)))
