"""A PDF page's text layer together with the box of every character, as pdfplumber measures it.

`read_page` builds the very text that ingest indexes for a page (pdf_reader calls it), so an
offset into the document's raw text is also an offset into the concatenated page texts here:
raw = "\f".join(page texts). Each character knows its box (x0, top, x1, bottom in PDF points,
from the top-left of the page), or None for characters that pdfplumber inserted (spaces, line
breaks) or that ingest wrote itself (a table row's caption, column names and punctuation).

Boxes are not stored in the index: a document is read again when a citation is located, and the
result is cached per file (`read_layout`).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pdfplumber
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils import cluster_objects, extract_words

from ingest import tables
from ingest.tables import TABLE_CAPTION, table_rows_as_text

logger = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points

_WHITESPACE = re.compile(r"\s")
# pdfplumber's default line tolerance for text extraction (utils.text.DEFAULT_Y_TOLERANCE).
_Y_TOLERANCE = 3


@dataclass
class _Mapped:
    """Text with one box (or None) per character."""

    text: str = ""
    boxes: list[Box | None] = field(default_factory=list)

    def __add__(self, other: _Mapped) -> _Mapped:
        return _Mapped(self.text + other.text, self.boxes + other.boxes)

    @classmethod
    def plain(cls, text: str) -> _Mapped:
        return cls(text, [None] * len(text))


def _box(char: dict) -> Box:
    return (float(char["x0"]), float(char["top"]), float(char["x1"]), float(char["bottom"]))


@dataclass(frozen=True, eq=False)
class PageLayout:
    """One page: its indexed text, a box per character, and the page's boxes in PDF points.

    `boxes` has one row (x0, top, x1, bottom) per character of `text`; NaN where it has none. An
    array rather than tuples: a long report's layout stays a few MB while it is cached.
    """

    number: int  # 1-based
    text: str
    boxes: np.ndarray
    bbox: Box  # the page (mediabox), in the same top-left coordinates as the characters
    cropbox: Box  # what a renderer draws

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]


def _textmap(page: Page) -> _Mapped:
    """pdfplumber's own extract_text(), with the char object behind each character."""
    textmap = page.get_textmap()
    return _Mapped(textmap.as_string, [_box(c) if c is not None else None for _, c in textmap.tuples])


def _in_bbox(char: dict, bbox: Box) -> bool:
    # The rule pdfplumber's Table.extract() uses to give a char to a cell.
    v_mid = (char["top"] + char["bottom"]) / 2
    h_mid = (char["x0"] + char["x1"]) / 2
    x0, top, x1, bottom = bbox
    return h_mid >= x0 and h_mid < x1 and v_mid >= top and v_mid < bottom


def _cell_boxes(chars: list[dict]) -> tuple[str, list[Box]]:
    """A cell's text without whitespace, and the box of each of its characters (extract_text's order)."""
    words = extract_words(chars, return_chars=True)
    lines = cluster_objects(words, lambda w: w["top"], _Y_TOLERANCE)
    text, boxes = "", []
    for line in lines:
        for word in line:
            if len(word["text"]) != len(word["chars"]):
                return "", []  # ligatures expanded: no one-to-one map
            text += word["text"]
            boxes += [_box(c) for c in word["chars"]]
    return text, boxes


def _table(table: Table, caption: str) -> _Mapped:
    """The table as ingest writes it (tables.table_rows_as_text), each cell value mapped to its chars.

    The text is exactly ingest's; mapping is best effort (a cell it cannot place keeps no boxes).
    """
    values = table.extract()
    lines = table_rows_as_text(values, caption)
    out = _Mapped.plain("\n".join(lines))
    chars = table.page.chars
    kept = []
    for value_row, row in zip(values, table.rows, strict=False):
        if not any(_WHITESPACE.sub("", str(v)) for v in value_row if v is not None):
            continue  # table_rows_as_text drops empty rows too
        row_chars = [c for c in chars if _in_bbox(c, row.bbox)]
        cells = [[c for c in row_chars if _in_bbox(c, cell)] if cell is not None else [] for cell in row.cells]
        kept.append((value_row, cells))
    headers = [_WHITESPACE.sub("", str(v)) if v is not None else "" for v in kept[0][0]] if len(kept) >= 2 else []
    body = kept[1:] if len(kept) >= 2 else kept
    line_start = 0
    for line, (value_row, cells) in zip(lines, body, strict=False):
        cursor = line.find("｜") + 1 if headers else 0
        for column, (value, cell_chars) in enumerate(zip(value_row, cells, strict=False)):
            cleaned = _WHITESPACE.sub("", str(value)) if value is not None else ""
            cell_text, boxes = _cell_boxes(cell_chars) if cell_chars else ("", [])
            if not cleaned or cleaned != cell_text:
                continue
            # A cell reads "header：value" (tables.cell_text): find both, so a digit in a header never matches.
            header = headers[column] if column < len(headers) else ""
            lead = f"{header}：" if header else ""
            position = line.find(lead + cleaned, cursor)
            if position >= 0:
                position += len(lead)
            elif headers and (position := line.find(f"：{cleaned}", cursor)) >= 0:
                position += 1  # a figure moved back under its column (tables.realigned)
            else:
                continue
            out.boxes[line_start + position : line_start + position + len(cleaned)] = boxes
            cursor = position + len(cleaned)
        line_start += len(line) + 1
    return out


def _join(pieces: list[_Mapped], separator: str) -> _Mapped:
    out = _Mapped()
    for index, piece in enumerate(pieces):
        out = out + (_Mapped.plain(separator) if index else _Mapped()) + piece
    return out


def read_page(page: Page, number: int) -> PageLayout:
    """The page's text as ingest indexes it: text outside ruled tables as extracted, tables as rows."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        mapped = _textmap(page)
    else:
        pieces: list[_Mapped] = []
        top = 0.0
        for table in tables:
            table_top, table_bottom = max(table.bbox[1], top), min(table.bbox[3], page.height)
            above = _textmap(page.crop((0, top, page.width, table_top))) if table_top > top else _Mapped()
            pieces.append(above)
            last_line = above.text.strip().splitlines()[-1:] or [""]
            caption = last_line[0] if TABLE_CAPTION.match(last_line[0].replace(" ", "")) else ""
            pieces.append(_table(table, caption.replace(" ", "")))
            top = table_bottom
        if top < page.height:
            pieces.append(_textmap(page.crop((0, top, page.width, page.height))))
        mapped = _join([p for p in pieces if p.text], "\n")
    boxes = np.full((len(mapped.text), 4), np.nan)
    drawn = [i for i, box in enumerate(mapped.boxes) if box is not None]
    if drawn:
        boxes[drawn] = [mapped.boxes[i] for i in drawn]
    return PageLayout(number, mapped.text, boxes, tuple(page.bbox), tuple(page.cropbox))


@dataclass(frozen=True, eq=False)  # identity: hashing every box would be slow
class PdfLayout:
    """Every page of one PDF; offsets are into raw = "\\f".join(page texts), the text ingest indexed."""

    path: str
    pages: tuple[PageLayout, ...]

    @functools.cached_property
    def raw(self) -> str:
        return "\f".join(page.text for page in self.pages)

    @functools.cached_property
    def page_starts(self) -> tuple[int, ...]:
        starts, position = [], 0
        for page in self.pages:
            starts.append(position)
            position += len(page.text) + 1
        return tuple(starts)

    def page_of(self, raw_offset: int) -> int:
        """1-based page holding raw character `raw_offset`."""
        page = 0
        for index, start in enumerate(self.page_starts):
            if raw_offset >= start:
                page = index
        return page + 1

    def char_boxes(self, raw_start: int, raw_end: int) -> dict[int, list[Box]]:
        """Boxes of the drawn characters in raw[raw_start:raw_end], by 1-based page."""
        found: dict[int, list[Box]] = {}
        for number in range(self.page_of(raw_start), self.page_of(max(raw_start, raw_end - 1)) + 1):
            page = self.pages[number - 1]
            offset = self.page_starts[number - 1]
            lo, hi = max(raw_start - offset, 0), min(raw_end - offset, len(page.text))
            rows = page.boxes[lo:hi]
            boxes = [
                (float(x0), float(top), float(x1), float(bottom)) for x0, top, x1, bottom in rows[~np.isnan(rows[:, 0])]
            ]
            if boxes:
                found[number] = boxes
        return found


def union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def line_boxes(boxes: list[Box]) -> list[Box]:
    """Character boxes merged into one box per text line (a band over a sentence)."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b[1], b[0])):
        if lines and abs(lines[-1][-1][1] - box[1]) <= _Y_TOLERANCE:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [union(line) for line in lines]


# What writes a page's text (this module, the table rows of ingest/tables.py and the vocabulary that gives bare
# cells their units): a cached layout written by other code is ignored, so no change leaves old text in a data dir.
_TABLES = Path(tables.__file__ or "")
LAYOUT_VERSION = hashlib.sha256(
    b"".join(path.read_bytes() for path in (Path(__file__), _TABLES, _TABLES.with_name("vocabulary.toml")))
).hexdigest()[:12]


def read_layout(path: str | Path, cache_dir: Path | None = None) -> PdfLayout:
    """The layout of the PDF at `path`: kept in memory while the file stays the same (size and mtime),
    and in `cache_dir` by the file's content hash, so each report is read once, not once per process."""
    resolved = Path(path).resolve()
    stat = resolved.stat()
    return _read_layout(str(resolved), stat.st_size, stat.st_mtime_ns, str(cache_dir) if cache_dir else "")


@functools.lru_cache(maxsize=8)
def _read_layout(path: str, size: int, mtime_ns: int, cache_dir: str) -> PdfLayout:
    if not cache_dir:
        return _read_pdf(path)
    data = Path(path).read_bytes()
    cached = Path(cache_dir) / f"{hashlib.sha256(data).hexdigest()}-v{LAYOUT_VERSION}.npz"
    if cached.exists():
        try:
            return _load(path, cached)
        except (OSError, ValueError, KeyError) as error:
            logger.warning("layout cache %s unreadable (%s): reading the PDF again", cached, error)
    layout = _read_pdf(path)
    try:
        _save(layout, cached)
    except OSError as error:  # a read-only data dir: the layout is still used, only not kept
        logger.warning("cannot keep the layout of %s: %s", path, error)
    return layout


def _read_pdf(path: str) -> PdfLayout:
    with pdfplumber.open(path) as pdf:
        pages = tuple(read_page(page, index + 1) for index, page in enumerate(pdf.pages))
    return PdfLayout(path, pages)


def _save(layout: PdfLayout, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial.npz")
    np.savez_compressed(
        partial,
        text=np.array(layout.raw),
        lengths=np.array([len(p.text) for p in layout.pages], dtype=np.int64),
        boxes=np.concatenate([p.boxes for p in layout.pages]) if layout.pages else np.zeros((0, 4)),
        numbers=np.array([p.number for p in layout.pages], dtype=np.int64),
        bbox=np.array([p.bbox for p in layout.pages], dtype=np.float64).reshape(-1, 4),
        cropbox=np.array([p.cropbox for p in layout.pages], dtype=np.float64).reshape(-1, 4),
    )
    os.replace(partial, target)  # whole or absent, even with two processes writing


def _load(path: str, cached: Path) -> PdfLayout:
    with np.load(cached, allow_pickle=False) as saved:
        raw, lengths, boxes = str(saved["text"]), saved["lengths"], saved["boxes"]
        numbers, bboxes, cropboxes = saved["numbers"], saved["bbox"], saved["cropbox"]
    pages, start, row = [], 0, 0
    for number, length, bbox, cropbox in zip(numbers, lengths, bboxes, cropboxes, strict=True):
        size = int(length)
        page_boxes = boxes[row : row + size]
        bounds = tuple(float(v) for v in bbox)
        crop = tuple(float(v) for v in cropbox)
        pages.append(PageLayout(int(number), raw[start : start + size], page_boxes, bounds, crop))
        start += size + 1  # the form feed between pages
        row += size
    return PdfLayout(path, tuple(pages))
