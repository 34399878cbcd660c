"""Repair text extracted from a PDF while keeping a map back to the original characters.

Extracted report text wraps lines mid-sentence (also mid-number), splits paragraphs at page
breaks, carries page numbers and running headers, and puts stray spaces around numbers
("2023 年"). `normalize_document` rebuilds paragraphs and removes those spaces without touching
any digit, and records for every output character the index of the input character it came from,
so a citation can always show the passage as the document has it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ingest.tables import caption_for_units
from ingest.text_tables import is_caption, is_header, row_sentence, table_cells

# Full-width digits, letters and % become ASCII; every mapping is one character to one
# character, so offsets stay aligned. Chinese punctuation is kept: it carries sentence structure.
_FULLWIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FULLWIDTH.update({0xFF41 + i: ord("a") + i for i in range(26)})
_FULLWIDTH.update({ord("％"): ord("%"), ord("\u3000"): ord(" "), ord("\u00a0"): ord(" ")})

_SPACE = " \t"
_PAGE_NUMBER = re.compile(r"^[-－—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?(\s*共\s*\d{1,4}\s*页)?[-－—–\s]*$")
# Headings that open a new paragraph even when the previous line is full width.
HEADING_START = re.compile(
    r"^(附件\s*\d*|[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[）)]"
    r"|\d{1,2}\s*[.．、](?!\d)|[（(]\s*\d{1,2}\s*[）)]|表\s*\d|表格)"
)
_SECTION_HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[）)])")
_SENTENCE_END = tuple("。！？!?")
_CLOSERS = "”’」』）)"


def normalize_chars(text: str) -> str:
    """Character normalization shared by ingest, retrieval and evals (length-preserving)."""
    return text.translate(_FULLWIDTH)


def compact(text: str) -> str:
    """Comparison form: normalized characters, no whitespace, no thousands separators."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", re.sub(r"\s+", "", normalize_chars(text)))


@dataclass
class NormalizedText:
    """Normalized text with `origin[i]` = index in the raw text of `text[i]`."""

    raw: str
    text: str
    origin: list[int]
    paragraphs: list[tuple[int, int]]
    page_starts: list[int] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span covering normalized characters [start, end)."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else len(self.raw)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def page_at(self, start: int) -> int | None:
        """1-based page of normalized character `start`, or None when pages are unknown."""
        if not self.page_starts or start >= len(self.origin):
            return None
        raw_pos = self.origin[start]
        page = 0
        for index, page_start in enumerate(self.page_starts):
            if raw_pos >= page_start:
                page = index
        return page + 1


@dataclass
class _Line:
    start: int  # raw offset of the first non-space character
    text: str  # stripped content
    page: int
    origins: tuple[int, ...] = ()  # raw offset of each character, where the text is not a copy of the raw line


# A line this long is no line of a report but text saved without line breaks; it is cut into
# sentences, and before headings, so that sections and passages exist.
_RUN_ON_LINE = 2000
_RUN_ON_BREAK = re.compile(
    r"(?<=[。！？；!?])[”’」』）)]*|(?=(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^，。；]{2,30}?)"
)


def _split_run_on(start: int, content: str, page: int) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for match in _RUN_ON_BREAK.finditer(content):
        cut = match.end()
        if cut > position:
            piece = content[position:cut].strip(" \t\u3000\u00a0")
            if piece:
                lines.append(_Line(start + content.index(piece, position), piece, page))
            position = cut
    rest = content[position:].strip(" \t\u3000\u00a0")
    if rest:
        lines.append(_Line(start + content.index(rest, position), rest, page))
    return lines


def _split_lines(raw: str) -> tuple[list[_Line], list[int], bool]:
    """Lines with raw offsets and page index; page starts come from form feeds or wide gaps.

    A line ends at LF, CRLF or a lone CR (old Mac exports).
    """
    lines: list[_Line] = []
    page_starts = [0]
    page = 0
    blank_run = 0
    by_form_feed = "\f" in raw
    run_on = "\n" not in raw and "\r" not in raw
    pos = 0
    for piece in re.split(r"(\r\n|\r|\n|\f)", raw):
        if piece == "\f":
            page += 1
            page_starts.append(pos + 1)
            blank_run = 0
        elif piece in ("\n", "\r", "\r\n"):
            pass
        else:
            content = piece.strip(" \t\r\u3000\u00a0")
            if content:
                # In text extracted without form feeds, page breaks show as 3+ blank lines.
                if not by_form_feed and blank_run >= 3 and lines:
                    page += 1
                    page_starts.append(pos + piece.index(content[0]))
                start = pos + piece.index(content[0])
                if run_on or len(content) > _RUN_ON_LINE:
                    lines.extend(_split_run_on(start, content, page))
                else:
                    lines.append(_Line(start, content, page))
                blank_run = 0
            else:
                blank_run += 1
        pos += len(piece)
    return lines, page_starts, by_form_feed or len(page_starts) > 1


def _display_width(text: str) -> float:
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def _drop_page_furniture(lines: list[_Line], paged: bool) -> list[_Line]:
    """Remove page numbers and running headers/footers (lines repeated at page edges)."""
    if not paged:
        # Without page boundaries only unmistakable page marks go ("- 3 -", "第3页"); a bare number may be data.
        return [line for line in lines if not (_PAGE_NUMBER.match(line.text) and not line.text.isdigit())]
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    edge = set()
    for indices in by_page.values():
        edge.update(indices[:2] + indices[-2:])
    edge_texts = Counter(re.sub(r"\d+", "#", lines[i].text) for i in edge)
    pages = len(by_page)
    # A running header/footer repeats at page edges, is short, and is no sentence of the body.
    running = {
        t
        for t, n in edge_texts.items()
        if pages >= 3 and n >= max(3, pages // 2) and len(t) <= 40 and not t.endswith(("。", "；", "，"))
    }
    kept = []
    for index, line in enumerate(lines):
        if index in edge and (_PAGE_NUMBER.match(line.text) or re.sub(r"\d+", "#", line.text) in running):
            continue
        kept.append(line)
    return kept


_TABLE_CELLS = re.compile(r"[｜|]")


def _is_hard_wrapped(lines: list[_Line]) -> tuple[bool, float]:
    """Wrapped text has many lines of about the page width, and they mostly end mid-sentence. Table rows ("｜" or
    "|" between cells, one row a line however wide) say nothing of the page's width."""
    prose = [line.text for line in lines if not _TABLE_CELLS.search(line.text)]
    widths = sorted(_display_width(text) for text in prose)
    if len(widths) < 8:
        return False, 0.0
    full = widths[int(len(widths) * 0.9)]
    near_full = [text for text in prose if _display_width(text) >= 0.85 * full]
    mid_sentence = sum(1 for text in near_full if not text.rstrip(_CLOSERS).endswith((*_SENTENCE_END, "；", "：")))
    return len(near_full) >= 0.3 * len(widths) and mid_sentence >= 0.5 * len(near_full), full


def _group_paragraphs(lines: list[_Line], hard_wrapped: bool | None) -> list[list[_Line]]:
    wrapped, full_width = _is_hard_wrapped(lines)
    if hard_wrapped is not None:
        wrapped = hard_wrapped and full_width > 0
    if not wrapped:
        return [[line] for line in lines]
    paragraphs: list[list[_Line]] = []
    for line in lines:
        if paragraphs and not _starts_paragraph(paragraphs[-1][-1].text, line.text, full_width):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _starts_paragraph(previous: str, current: str, full_width: float) -> bool:
    if HEADING_START.match(current):
        return True
    # A heading line ends its paragraph; "（四）目标未完成。示范区仅完成目标的" is a heading run into its text.
    heading_only = not any(mark in previous[:-1] for mark in _SENTENCE_END)
    if (
        heading_only
        and _SECTION_HEADING.match(previous)
        and len(previous) <= 30
        and not previous.endswith(("，", "、"))
    ):
        return True
    # A line clearly shorter than the page width ends its paragraph: PDF text only breaks early there.
    if _display_width(previous) < 0.6 * full_width:
        return True
    return previous.rstrip(_CLOSERS).endswith(_SENTENCE_END) and _display_width(previous) < 0.85 * full_width


def _with_table_rows(lines: list[_Line]) -> list[_Line]:
    """Tables typed as separated text ("项目｜预算｜执行率" and its rows) as row sentences that name each cell's
    column (ingest/text_tables.py); the header line is read into them, other lines stay as they are."""
    result: list[_Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = table_cells(line.text, line.start)
        body: list[tuple[_Line, list[tuple[str, int]]]] = []
        if header is not None and is_header(header[1]):
            kind, names = header[0], [value for value, _ in header[1]]
            for following in lines[index + 1 :]:
                row = table_cells(following.text, following.start)
                if row is None or row[0] != kind or len(row[1]) != len(names):
                    break
                body.append((following, row[1]))
        if not body:
            result.append(line)
            index += 1
            continue
        caption = result[-1].text if result and is_caption(result[-1].text) else ""
        unit_caption = caption_for_units(caption, names, [[value for value, _ in cells] for _, cells in body])
        for row_line, cells in body:
            row = row_sentence(caption, names, cells, row_line.start, unit_caption)
            if row is not None:
                result.append(_Line(row.origins[0], row.text, row_line.page, row.origins))
        index += 1 + len(body)
    return result


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def normalize_document(raw: str, hard_wrapped: bool | None = None) -> NormalizedText:
    """Rebuild paragraphs of extracted text; drop page furniture and spaces around numbers.

    `hard_wrapped` says whether lines wrap mid-paragraph (PDF text); None detects it.
    """
    lines, page_starts, paged = _split_lines(raw)
    lines = _with_table_rows(_drop_page_furniture(lines, paged))
    chars: list[str] = []
    origin: list[int] = []
    paragraphs: list[tuple[int, int]] = []
    for paragraph in _group_paragraphs(lines, hard_wrapped):
        para_chars: list[str] = []
        para_origin: list[int] = []
        for line in paragraph:
            if para_chars and _is_word_char(para_chars[-1]) and _is_word_char(line.text[0]):
                # English words wrapped across lines keep one space between them.
                para_chars.append(" ")
                para_origin.append(line.start - 1)
            para_chars.extend(line.text)
            para_origin.extend(line.origins or range(line.start, line.start + len(line.text)))
        kept_chars, kept_origin = _drop_inner_spaces(para_chars, para_origin)
        if not kept_chars:
            continue
        if chars:
            chars.append("\n")
            origin.append(origin[-1] + 1)
        start = len(chars)
        chars.extend(kept_chars)
        origin.extend(kept_origin)
        paragraphs.append((start, len(chars)))
    text = normalize_chars("".join(chars))
    return NormalizedText(raw, text, origin, paragraphs, page_starts if paged else [])


def _drop_inner_spaces(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """Keep a single space only between two ASCII word characters ("Section 3"), drop the rest.

    Invisible format characters (zero-width space, BOM, soft hyphen…) go too: they split words.
    """
    out_chars: list[str] = []
    out_origin: list[int] = []
    i = 0
    while i < len(chars):
        ch = normalize_chars(chars[i])
        if unicodedata.category(ch) == "Cf":
            i += 1
            continue
        if ch in _SPACE:
            j = i
            while j < len(chars) and normalize_chars(chars[j]) in _SPACE:
                j += 1
            if out_chars and j < len(chars) and _is_word_char(out_chars[-1]) and _is_word_char(chars[j]):
                out_chars.append(" ")
                out_origin.append(origin[i])
            i = j
            continue
        out_chars.append(chars[i])
        out_origin.append(origin[i])
        i += 1
    return out_chars, out_origin
