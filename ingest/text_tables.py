"""Tables typed as text ("项目｜预算｜支出｜执行率" lines, Markdown pipes, tabs) as the row sentences Word and
PDF tables become (ingest/tables.py): each cell with its column header, so a figure keeps what it measures.

A text report's table row "乡镇文化站设备更新｜320.00｜262.40｜82.00%" says nothing of which column a figure
is in; "表1 …｜子项目：乡镇文化站设备更新，年度预算：320.00，实际支出：262.40，执行率：82.00%。" does. Every
character of a row sentence keeps the raw offset it stands for (a cell's own characters their own, added
words the offset of the cell they label), so a citation still shows the row as the file has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tables import FIGURE_CELL, TABLE_CAPTION, cell_text

_BAR = re.compile(r"\s*[｜|]\s*")
_TAB = re.compile(r"\s*\t\s*")
_RULE_CELL = re.compile(r"^:?-{2,}:?$")  # a Markdown rule row "---|---"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class TextRow:
    """A row sentence and, for each of its characters, the raw offset it stands for."""

    text: str
    origins: tuple[int, ...]


def _cells(line: str, start: int, separator: re.Pattern[str]) -> list[tuple[str, int]]:
    """The cells of a separated line with the raw offset of each, edge separators dropped."""
    cells, position = [], 0
    for match in [*separator.finditer(line), None]:
        end = match.start() if match else len(line)
        piece = line[position:end]
        cells.append((piece.strip(), start + position + len(piece) - len(piece.lstrip())))
        position = match.end() if match else len(line)
    if cells and not cells[0][0]:
        cells = cells[1:]
    if cells and not cells[-1][0]:
        cells = cells[:-1]
    return cells


def table_cells(line: str, start: int) -> tuple[str, list[tuple[str, int]]] | None:
    """How a table line separates its cells ("bar" or "tab") and its cells (three or more), or None for a line
    of prose. Columns aligned with spaces are left as they are: read as rows, they outranked the prose that
    answers a question about the whole (measured on the development sets)."""
    for kind, separator in (("bar", _BAR), ("tab", _TAB)):
        if separator.search(line.strip()):
            cells = _cells(line, start, separator)
            return (kind, cells) if len(cells) >= 3 else None
    return None


def row_sentence(
    caption: str, header: list[str], cells: list[tuple[str, int]], row_start: int, unit_caption: str = ""
) -> TextRow | None:
    """One body row as a row sentence; None for a Markdown rule row or an empty one. Bare amounts take the unit
    of `unit_caption` (tables.caption_for_units)."""
    if all(not value or _RULE_CELL.match(value) for value, _ in cells):
        return None
    prefix = _SPACES.sub("", caption) + "｜" if caption else "表格｜"
    chars: list[str] = list(prefix)
    origins: list[int] = [row_start] * len(prefix)
    for name, (value, at) in zip(header, cells, strict=False):
        if not value:
            continue
        if len(chars) > len(prefix):
            chars.append("，")
            origins.append(at)
        text = cell_text(name, value, unit_caption)
        lead = text.find(value)
        tail = len(text) - lead - len(value)
        chars.extend(text)
        origins.extend([at] * lead + list(range(at, at + len(value))) + [at + len(value) - 1] * tail)
    chars.append("。")
    origins.append(origins[-1])
    return TextRow("".join(chars), tuple(origins))


def is_header(cells: list[tuple[str, int]]) -> bool:
    """A header row names its columns: no cell is a bare number and none is empty."""
    return all(value and not FIGURE_CELL.match(value) for value, _ in cells)


def is_caption(line: str) -> bool:
    return bool(TABLE_CAPTION.match(_SPACES.sub("", line)))
