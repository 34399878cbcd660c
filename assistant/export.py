"""Working papers: a conversation or an audit as an Excel workbook (openpyxl) and a Word document (python-docx).

A conversation paper holds each question and answer, every figure with its verification result
(and, for a PDF source, its page and box), and every citation: document, section path, page,
character span of the original text, the quoted sentences and the passage. An audit paper holds
each recomputation with its formula, verdict and the citations of the stated figure and of the
figures it was recomputed from. Sheet and column names are Chinese; the files open in Excel/WPS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck
from assistant.figure_table import StatedFigure
from assistant.render import page_label

Cell = str | int | float | None


@dataclass(frozen=True)
class Turn:
    """One exchange: the question as the user asked it, and the answer it got."""

    asked: str
    answer: Answer


@dataclass(frozen=True)
class AuditedReport:
    """One report's audit: which report, and its checks."""

    title: str
    source: str
    checks: list[AuditCheck]


TURN_COLUMNS = ("序号", "问题", "理解为", "回答", "拒答", "数字全部核实", "方式", "提示")
FIGURE_COLUMNS = (
    "问答序号",
    "数字",
    "核对结果",
    "所在引文",
    "本句引用",
    "页码",
    "位置 x0",
    "位置 top",
    "位置 x1",
    "位置 bottom",
)
CITATION_COLUMNS = ("问答序号", "引文", "文档", "章节", "页码", "原文起", "原文止", "引用句", "段落", "文件", "doc_id")
CHECK_COLUMNS = (
    "序号",
    "结论",
    "类型",
    "公式",
    "报告数",
    "复算值",
    "差额",
    "依据",
    "章节",
    "页码",
    "原文起",
    "原文止",
    "句子",
    "文档",
)
SOURCE_COLUMNS = ("核对序号", "角色", "指标", "数字", "数值", "单位", "章节", "页码", "原文起", "原文止", "句子")
KIND_LABELS = {
    "completion_rate": "完成率",
    "execution_rate": "执行率",
    "closure_rate": "结案率",
    "total": "合计",
    "table_rate": "表内比率",
    "table_total": "表内合计",
}


def _verification(verified: bool) -> str:
    return "已核实" if verified else "未在引文中找到"


def turn_rows(turns: Sequence[Turn]) -> list[list[Cell]]:
    return [
        [
            n,
            t.asked,
            t.answer.question,
            t.answer.text,
            "是" if t.answer.refused else "否",
            "是" if t.answer.all_figures_verified else "否",
            "模型生成" if t.answer.mode == "llm" else "摘录",
            t.answer.notice,
        ]
        for n, t in enumerate(turns, 1)
    ]


def figure_rows(turns: Sequence[Turn]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for n, turn in enumerate(turns, 1):
        for check in turn.answer.figure_checks:
            box = list(check.bbox) if check.bbox else [None] * 4
            found = f"[{check.found_in}]" if check.found_in is not None else ""
            cited = "".join(f"[{m}]" for m in check.cited)
            rows.append([n, check.figure, _verification(check.verified), found, cited, check.page, *box])
    return rows


def citation_rows(turns: Sequence[Turn]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for n, turn in enumerate(turns, 1):
        for c in turn.answer.citations:
            rows.append(
                [
                    n,
                    f"[{c.marker}]",
                    c.title,
                    c.section,
                    page_label(c),
                    c.raw_start,
                    c.raw_end,
                    "\n".join(c.quotes),
                    c.passage,
                    Path(c.source).name,
                    c.doc_id,
                ]
            )
    return rows


def check_rows(reports: Sequence[AuditedReport]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for report in reports:
        for check in report.checks:
            stated = check.stated
            rows.append(
                [
                    len(rows) + 1,
                    VERDICT_LABELS[check.verdict],
                    KIND_LABELS.get(check.kind, check.kind),
                    check.formula,
                    stated.text,
                    round(check.recomputed, 6),
                    round(check.difference, 6),
                    check.tied_by,
                    stated.section,
                    stated.page,
                    stated.raw_start,
                    stated.raw_end,
                    stated.sentence,
                    report.title,
                ]
            )
    return rows


def _figure_row(number: int, role: str, figure: StatedFigure) -> list[Cell]:
    return [
        number,
        role,
        figure.label,
        figure.text,
        figure.value,
        figure.unit,
        figure.section,
        figure.page,
        figure.raw_start,
        figure.raw_end,
        figure.sentence,
    ]


def source_rows(reports: Sequence[AuditedReport]) -> list[list[Cell]]:
    """Both citations of every check: the stated figure, then each figure it was recomputed from."""
    rows: list[list[Cell]] = []
    number = 0
    for report in reports:
        for check in report.checks:
            number += 1
            rows.append(_figure_row(number, "报告数", check.stated))
            rows += [_figure_row(number, "组成项", f) for f in check.sources if f != check.stated]
    return rows


# ---- Excel ------------------------------------------------------------------------------------------------


def _sheet(book: Workbook, title: str, columns: Sequence[str], rows: list[list[Cell]], wide: Sequence[str]) -> None:
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(columns, 1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 60 if name in wide else max(10, len(name) * 2 + 2)
        if name in wide:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _workbook() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def conversation_xlsx(turns: Sequence[Turn], path: Path) -> Path:
    book = _workbook()
    _sheet(book, "问答", TURN_COLUMNS, turn_rows(turns), ("问题", "回答"))
    _sheet(book, "数字核对", FIGURE_COLUMNS, figure_rows(turns), ())
    _sheet(book, "引文", CITATION_COLUMNS, citation_rows(turns), ("引用句", "段落"))
    book.save(path)
    return path


def audit_xlsx(reports: Sequence[AuditedReport], path: Path) -> Path:
    book = _workbook()
    _sheet(book, "核对", CHECK_COLUMNS, check_rows(reports), ("公式", "句子"))
    _sheet(book, "依据数字", SOURCE_COLUMNS, source_rows(reports), ("句子",))
    book.save(path)
    return path


# ---- Word -------------------------------------------------------------------------------------------------


def _document(title: str) -> Document:
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    document.add_heading(title, level=0)
    return document


def _table(document: Document, columns: Sequence[str], rows: list[list[Cell]]) -> None:
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _citation_paragraphs(document: Document, citation: Citation) -> None:
    where = " · ".join(
        p
        for p in (
            f"《{citation.title}》",
            citation.section,
            page_label(citation),
            f"原文字符 {citation.raw_start}-{citation.raw_end}",
        )
        if p
    )
    document.add_paragraph(f"[{citation.marker}] {where}", style="List Bullet")
    for quote in citation.quotes:
        document.add_paragraph(f"引用：{quote}").runs[0].italic = True
    document.add_paragraph(f"段落：{citation.passage}")


def conversation_docx(turns: Sequence[Turn], path: Path) -> Path:
    document = _document("问答工作底稿")
    for n, row in enumerate(turns, 1):
        answer = row.answer
        document.add_heading(f"问题 {n}：{row.asked}", level=1)
        if answer.question != row.asked:
            document.add_paragraph(f"理解为：{answer.question}")
        if answer.notice:
            document.add_paragraph(f"提示：{answer.notice}")
        document.add_paragraph(answer.text)
        figures = [r[1:] for r in figure_rows([row])]
        if figures:
            document.add_paragraph("数字核对：")
            _table(document, FIGURE_COLUMNS[1:], figures)
        if answer.citations:
            document.add_paragraph("出处：")
            for citation in answer.citations:
                _citation_paragraphs(document, citation)
    document.save(path)
    return path


def _figure_line(role: str, figure: StatedFigure) -> str:
    page = f"第{figure.page}页 · " if figure.page else ""
    return (
        f"{role}：{figure.label} {figure.text} · {figure.section} · {page}"
        f"原文字符 {figure.raw_start}-{figure.raw_end} · “{figure.sentence}”"
    )


def audit_docx(reports: Sequence[AuditedReport], path: Path) -> Path:
    document = _document("核对工作底稿")
    number = 0
    for report in reports:
        document.add_heading(f"《{report.title}》", level=1)
        document.add_paragraph(f"文件：{Path(report.source).name}；核对 {len(report.checks)} 项。")
        if not report.checks:
            document.add_paragraph("报告中没有可以复算的比率或合计（原文没有把相关数字联系起来的表述）。")
        for check in report.checks:
            number += 1
            stated = check.stated
            document.add_heading(f"{number}. [{VERDICT_LABELS[check.verdict]}] {check.formula}", level=2)
            document.add_paragraph(
                f"报告数 {stated.text}，复算 {check.recomputed:.4f}{stated.unit}，差额 {check.difference:+.4f}；"
                f"依据：{check.tied_by}"
            )
            document.add_paragraph(_figure_line("报告数出处", stated), style="List Bullet")
            for figure in check.sources:
                if figure != stated:
                    document.add_paragraph(_figure_line("组成项出处", figure), style="List Bullet")
    document.save(path)
    return path
