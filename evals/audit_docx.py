"""Score the arithmetic audit on an audit set rewritten as Word documents.

    python -m evals.audit_docx --dir evals/audit_blind2 [--verbose] [--keep DIR]

Users bring .docx reports, whose tables reach the audit as keyed rows ("表1 …｜项目：X，预算数：1.00万元。"),
not as the aligned text lines of a TXT report. Each report of the set is written to a real .docx (title and
headings as paragraphs, each text table as a Word table after its caption paragraph, prose as paragraphs),
its answer key is copied to point at the .docx, and the folder is scored by evals.audit_score.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from evals.audit_score import format_score, score_folder

_BAR_SPLIT = re.compile(r"[｜|\t]")
_SPACED = re.compile(r"\S(?:\S| (?! ))*")  # a cell of a space-aligned line: words with single spaces inside
_CAPTION = re.compile(r"^表\s*\d")
_NUMBER_CELL = re.compile(r"^[-—≥≤<>约]*\d[\d,]*(?:\.\d+)?\S{0,4}$")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


@dataclass
class TextTable:
    caption: str
    rows: list[list[str]]


def display_width(text: str) -> int:
    """Columns a text takes in a monospaced layout: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    """(display column where it starts, text) of each cell of a space-aligned line."""
    return [(display_width(line[: m.start()]), m.group(0)) for m in _SPACED.finditer(line)]


def _bar_cells(line: str) -> list[str]:
    """Cells of a ｜-, | - or tab-separated line; empty cells keep their place, a framing bar adds none."""
    body = line.strip()
    if body[:1] in "｜|" and body[-1:] in "｜|":
        body = body[1:-1]
    return [c.strip() for c in _BAR_SPLIT.split(body)]


def _is_bar_line(line: str) -> bool:
    return bool(_BAR_SPLIT.search(line)) and sum(1 for c in _bar_cells(line) if c) >= 1


def _is_short_line(line: str) -> bool:
    """A line that may sit inside a space-aligned table: a group heading or a cell's wrapped words."""
    stripped = line.strip()
    return 0 < len(stripped) <= 16 and "。" not in stripped and not _CAPTION.match(stripped)


def _is_spaced_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.endswith("。") or _CAPTION.match(stripped):
        return False
    return len(_spaced_cells(line)) >= 2 and bool(re.search(r"\S {2,}\S|\u3000", line))


def _place(cells: list[tuple[int, str]], starts: list[int]) -> list[str]:
    """Cells put under the header column whose start is nearest; the first cell stays in the first column."""
    if len(cells) == len(starts):
        return [c for _, c in cells]
    row = [""] * len(starts)
    for index, (at, text) in enumerate(cells):
        column = 0 if index == 0 else min(range(len(starts)), key=lambda c: abs(starts[c] - at))
        row[column] = f"{row[column]}{text}" if row[column] else text
    return row


def _header_words(cells: list[tuple[int, str]], starts: list[int]) -> list[tuple[int, str]]:
    """(column, words) of a header's second line: under the columns they stand under when every word is
    aligned with a column's start, else continuing the last columns (a line whose spaces do not align)."""
    columns = [next((c for c, start in enumerate(starts) if abs(start - at) <= 1), -1) for at, _ in cells]
    if -1 not in columns and len(set(columns)) == len(columns):
        return [(column, text) for column, (_, text) in zip(columns, cells, strict=True)]
    first = max(len(starts) - len(cells), 0)
    return [(first + index, text) for index, (_, text) in enumerate(cells[: len(starts)])]


def _spaced_table(lines: list[str]) -> list[list[str]]:
    """Rows of a space-aligned table: a header split over two lines is joined, a wrapped cell goes back up."""
    header = _spaced_cells(lines[0])
    starts = [at for at, _ in header]
    rows = [[c for _, c in header]]
    for line in lines[1:]:
        cells = _spaced_cells(line)
        wordy = all(not _NUMBER_CELL.match(c) for _, c in cells)
        if len(rows) == 1 and wordy and line[:1].isspace() and len(cells) >= 2:
            for column, text in _header_words(cells, starts):  # "      预算  支出": the header goes on
                rows[0][column] += text
            continue
        if len(cells) == 1 and len(rows) > 1 and line[:1].isspace():
            at, text = cells[0]  # a cell's words wrapped onto a line of their own
            column = min(range(len(starts)), key=lambda c: abs(starts[c] - at))
            rows[-1][column] += text
            continue
        if len(cells) == 1:  # a group heading row ("一、基本支出")
            rows.append([cells[0][1]] + [""] * (len(starts) - 1))
            continue
        rows.append(_place(cells, starts))
    return rows


def text_tables(lines: list[str]) -> dict[int, tuple[int, TextTable]]:
    """Tables of a text report by their first line: (index past their last line, table). A run is two or more
    bar-separated lines, or space-aligned lines (short wrapped lines inside them included)."""
    found: dict[int, tuple[int, TextTable]] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        end = index
        if _is_bar_line(line):
            while end < len(lines) and _is_bar_line(lines[end]):
                end += 1
            rows = [_bar_cells(row) for row in lines[index:end]]
        elif _is_spaced_line(line):
            end += 1
            while end < len(lines) and (_is_spaced_line(lines[end]) or _is_short_line(lines[end])):
                end += 1
            while end > index and not _is_spaced_line(lines[end - 1]):
                end -= 1  # a short line after the last row is the next paragraph or heading
            rows = _spaced_table(lines[index:end])
            if sum(1 for row in rows[1:] if any(_NUMBER_CELL.match(c) for c in row)) < 2:
                end = index  # aligned lines without figures (a cover's 委托单位 and 日期) are no table
        if end - index >= 2:
            before = lines[index - 1].strip() if index else ""
            caption = before if _CAPTION.match(before) else ""
            found[index] = (end, TextTable(caption, rows))
            index = end
        else:
            index += 1
    return found


def write_docx(text: str, path: Path) -> None:
    """The report as a Word document: a table's caption line stays a paragraph just before the table."""
    document = Document()
    lines = text.splitlines()
    tables = text_tables(lines)
    index = 0
    first = True
    while index < len(lines):
        if index in tables:
            end, table = tables[index]
            width = max(len(r) for r in table.rows)
            grid = document.add_table(rows=len(table.rows), cols=width)
            for r, row in enumerate(table.rows):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
            index = end
            continue
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        if first:
            document.add_heading(line, level=0)
            first = False
        elif _HEADING.match(line) and len(line) <= 30 and "。" not in line:
            document.add_heading(line, level=1 if line[0] not in "（(" else 2)
        else:
            document.add_paragraph(line)
    document.save(path)


def convert_set(folder: Path, target: Path) -> None:
    """Every report of an audit set as .docx in `target`, with its answer key pointing at it."""
    for key_path in sorted(folder.glob("*_audit.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        report = folder / key["document"]
        docx_name = report.with_suffix(".docx").name
        write_docx(report.read_text(encoding="utf-8"), target / docx_name)
        key["document"] = docx_name
        (target / key_path.name).write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.audit_docx", description="把评测集改写成 Word 报告后评测核对"
    )
    parser.add_argument("--dir", type=Path, required=True, help="报告与 *_audit.json 答案所在的文件夹")
    parser.add_argument("--verbose", action="store_true", help="列出每条误报、待核和未被核对的一致关系")
    parser.add_argument("--keep", type=Path, help="把生成的 .docx 和答案留在这个文件夹")
    args = parser.parse_args(argv)
    if not sorted(args.dir.glob("*_audit.json")):
        print(f"{args.dir} 中没有 *_audit.json 答案文件，请检查 --dir", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="audit_docx_") as temp:
        target = args.keep or Path(temp)
        target.mkdir(parents=True, exist_ok=True)
        convert_set(args.dir, target)
        print(format_score(score_folder(target), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
