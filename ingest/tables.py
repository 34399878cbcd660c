"""Tables as text rows that keep their meaning: caption, then each cell with its column header.

"表1 项目支出执行情况｜项目名称：学生资助资金，预算数（万元）：1,234.56，执行率：97.22%。" is one
sentence, so a row is retrieved, quoted and cited whole, and none of its figures loses its label.
"""

from __future__ import annotations

import re

TABLE_CAPTION = re.compile(r"^表\s*\d+[^\n]{0,40}$")


def _cell(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def table_rows_as_text(rows: list[list[object]], caption: str = "") -> list[str]:
    """One line per body row; the first non-empty row is taken as the column headers."""
    cleaned = [[_cell(c) for c in row] for row in rows if any(_cell(c) for c in row)]
    if len(cleaned) < 2:
        return ["，".join(c for c in row if c) + "。" for row in cleaned]
    header, body = cleaned[0], realigned(cleaned[1:])
    prefix = f"{caption.strip()}｜" if caption.strip() else "表格｜"
    lines = []
    for row in body:
        cells = [cell_text(name, value) for name, value in zip(header, row, strict=False) if value]
        lines.append(prefix + "，".join(cells) + "。")
    return lines


_FIGURE = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")


def realigned(body: list[list[str]]) -> list[list[str]]:
    """Rows whose first cell spans two columns ("合计" over 序号 and 项目名称) come out of a PDF with their
    figures shifted left and empty cells at the end; each figure goes back under its column."""
    width = max((len(row) for row in body), default=0)
    text_columns = {
        column
        for column in range(1, width)
        if sum(1 for row in body if column < len(row) and row[column] and not _FIGURE.match(row[column]))
        > sum(1 for row in body if column < len(row) and _FIGURE.match(row[column]))
    }
    fixed = []
    for row in body:
        trailing = 0
        while trailing < len(row) and not row[len(row) - 1 - trailing]:
            trailing += 1
        kept = row[: len(row) - trailing]
        if kept and trailing and any(_FIGURE.match(v) for c, v in enumerate(kept) if c in text_columns):
            row = [kept[0], *[""] * trailing, *kept[1:]]
        fixed.append(row)
    return fixed


_HEADER_UNIT = re.compile(r"[（(]([^（()）]{1,4})[）)]$")
_NUMBER = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


def cell_text(header: str, value: str) -> str:
    """'预算数（万元）' + '1,234.56' -> '预算数：1,234.56万元': the number carries its unit, as in prose."""
    unit = _HEADER_UNIT.search(header)
    if unit and _NUMBER.match(value):
        return f"{header[: unit.start()]}：{value}{unit.group(1)}"
    return f"{header}：{value}" if header else value
