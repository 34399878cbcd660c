"""Tables as text rows that keep their meaning: caption, then each cell with its column header.

"表1 项目支出执行情况｜项目名称：学生资助资金，预算数（万元）：1,234.56，执行率：97.22%。" is one
sentence, so a row is retrieved, quoted and cited whole, and none of its figures loses its label.
"""

from __future__ import annotations

import re

from ingest.vocabulary import vocabulary

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
    unit_caption = caption_for_units(caption, header, body)
    lines = []
    for row in body:
        cells = [cell_text(name, value, unit_caption) for name, value in zip(header, row, strict=False) if value]
        lines.append(prefix + "，".join(cells) + "。")
    return lines


FIGURE_CELL = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")  # a cell that is one figure ("1,234.56", "95.5%")


def realigned(body: list[list[str]]) -> list[list[str]]:
    """Rows whose first cell spans two columns ("合计" over 序号 and 项目名称) come out of a PDF with their
    figures shifted left and empty cells at the end; each figure goes back under its column."""
    width = max((len(row) for row in body), default=0)
    text_columns = {
        column
        for column in range(1, width)
        if sum(1 for row in body if column < len(row) and row[column] and not FIGURE_CELL.match(row[column]))
        > sum(1 for row in body if column < len(row) and FIGURE_CELL.match(row[column]))
    }
    fixed = []
    for row in body:
        trailing = 0
        while trailing < len(row) and not row[len(row) - 1 - trailing]:
            trailing += 1
        kept = row[: len(row) - trailing]
        if kept and trailing and any(FIGURE_CELL.match(v) for c, v in enumerate(kept) if c in text_columns):
            row = [kept[0], *[""] * trailing, *kept[1:]]
        fixed.append(row)
    return fixed


_HEADER_UNIT = re.compile(r"[（(]([^（()）]{1,4})[）)]$")
_NUMBER = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


def cell_text(header: str, value: str, caption: str = "") -> str:
    """'预算数（万元）' + '1,234.56' -> '预算数：1,234.56万元': the number carries its unit, as in prose; a bare
    amount or score takes the unit the table's caption or the column's kind states ('实际支出' in a table
    captioned "（单位：万元）" -> '实际支出：1,234.56万元', '得分' -> '得分：3.6分')."""
    unit = _HEADER_UNIT.search(header)
    if unit and _NUMBER.match(value):
        return f"{header[: unit.start()]}：{value}{unit.group(1)}"
    stated = caption_unit(caption, header) if _NUMBER.match(value) else ""
    return f"{header}：{value}{stated}" if header else value


# A table's unit in its caption or a column header: "（单位：万元）", "预算数（万元）", "金额(元)".
TABLE_UNIT = re.compile(r"[（(](?:单位[：:]\s*)?(亿元|万元|元|万人|人|个|%)[）)]")


_ORDINAL = re.compile(r"序号|编号|排序|排名")


def caption_for_units(caption: str, header: list[str], body: list[list[str]]) -> str:
    """The caption whose "单位：万元" the table's bare amounts take, or "" when some other column of bare numbers
    is of no known kind ("1—9月累计", "户数"): a table reads in one unit or leaves its numbers as written."""
    for column, name in enumerate(header):
        values = [row[column] for row in body if column < len(row) and row[column]]
        bare = values and all(_NUMBER.match(v) for v in values)
        if not bare or _HEADER_UNIT.search(name) or _ORDINAL.search(name):
            continue
        if not caption_unit(caption, name):
            return ""
    return caption


def caption_unit(caption: str, header: str) -> str:
    """A caption's "单位：万元" measures the table's amounts, not its row numbers or counts; a column of
    scores ("得分", "分值") counts in points."""
    named = vocabulary().metric_of(header)
    kind = vocabulary().metrics[named].kind if named is not None else None
    if kind == "score":
        return "分"
    stated = TABLE_UNIT.search(caption)
    return stated.group(1) if stated is not None and kind == "amount" else ""
