"""Where a cited passage, its quoted sentences and its figures stand in the source document.

A citation carries the raw span of its passage (offsets into the text ingest extracted). The
document's text is rebuilt exactly as ingest built it (for a PDF from `ingest.pdf_layout`, which
also knows every character's box), normalized again to recover the map from normalized to raw
characters, and the figure found in the passage (in the quoted sentence first) is followed to its
raw characters and from there, for a PDF, to its page and box.

    locator = Locator(assistant.parsed)
    answer = locator.locate(answer)        # FigureCheck.page / .bbox filled for PDF sources
    region = locator.region(citation, ["99.99%"])   # marks for the page view
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.answer import Answer, Citation
from assistant.figures import FigureCheck, find_figures
from ingest.models import ParsedDocument
from ingest.normalize import NormalizedText, compact, normalize_document
from ingest.pdf_layout import Box, PdfLayout, line_boxes, read_layout, union

logger = logging.getLogger(__name__)

Span = tuple[int, int]
_NUMBER = re.compile(r"[\d,.]+")


@dataclass(frozen=True)
class FigureMark:
    """A cited figure: its normalized and raw span, and for a PDF its page and box."""

    figure: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    page: int | None = None
    bbox: Box | None = None  # encloses every character of the figure on its page
    lines: tuple[Box, ...] = ()  # one box per text line (a figure can wrap), for drawing


@dataclass(frozen=True)
class CitedRegion:
    """A citation's marks in its document: the passage, the quoted sentences, the figures.

    Spans index the document's normalized text; for a PDF, `sentence_boxes` holds one band per
    text line of the quoted sentences (of the passage when nothing is quoted), by 1-based page.
    """

    doc_id: str
    source: str
    is_pdf: bool
    passage: Span
    sentences: tuple[Span, ...]
    figures: tuple[FigureMark, ...]
    sentence_boxes: dict[int, list[Box]] = field(default_factory=dict)

    @property
    def pages(self) -> list[int]:
        """Pages with marks, the first figure's page first."""
        pages = [f.page for f in self.figures if f.page is not None] + sorted(self.sentence_boxes)
        return list(dict.fromkeys(pages))

    @property
    def page(self) -> int | None:
        return self.pages[0] if self.pages else None


def is_pdf(source: str) -> bool:
    return Path(source).suffix.lower() == ".pdf"


@functools.lru_cache(maxsize=8)
def _pdf_text(path: str, size: int, mtime_ns: int, cache_dir: str) -> tuple[PdfLayout, NormalizedText]:
    layout = read_layout(path, Path(cache_dir) if cache_dir else None)
    # The same normalization ingest applies to PDF text (pdf_reader: hard_wrapped=True).
    return layout, normalize_document(layout.raw, hard_wrapped=True)


def pdf_text(source: str, cache_dir: Path | None = None) -> tuple[PdfLayout, NormalizedText]:
    """The PDF's layout and its normalized text, cached while the file stays the same."""
    path = Path(source).resolve()
    stat = path.stat()
    return _pdf_text(str(path), stat.st_size, stat.st_mtime_ns, str(cache_dir) if cache_dir else "")


def figure_span(text: str, figure: str, within: list[Span] | tuple[Span, ...] = ()) -> Span | None:
    """Span in `text` of `figure` as a whole figure; inside one of `within` when it occurs there.

    A bare number ("99.99") matches a figure with a unit in the text ("99.99%") and spans the
    number only; comparison is on the compact form, as the figure check compares.
    """
    wanted = compact(figure)
    if not wanted:
        return None
    found: list[Span] = []
    for match in find_figures(text):
        got = compact(match.group(0))
        if got == wanted:
            found.append((match.start(), match.start() + len(match.group(0).rstrip())))
        elif wanted[-1].isdigit() and got.startswith(wanted) and not got[len(wanted)].isdigit():
            if got[len(wanted)] == "." and got[len(wanted) + 1 : len(wanted) + 2].isdigit():
                continue  # "99" is not "99.99"
            found.append((match.start(), match.start() + _NUMBER.match(match.group(0)).end()))
    inside = [s for s in found if any(a <= s[0] and s[1] <= b for a, b in within)]
    return (inside or found or [None])[0]


def _passage_start(normalized: NormalizedText, citation: Citation) -> int | None:
    """Normalized offset of the cited passage: the character whose origin is the citation's raw start."""
    index = bisect.bisect_left(normalized.origin, citation.raw_start)
    if index < len(normalized.origin) and normalized.text.startswith(citation.passage, index):
        return index
    position = normalized.text.find(citation.passage)
    return position if position >= 0 else None


def _rounded(box: Box) -> Box:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


class Locator:
    """Locates citations and figures; `parse(doc_id)` gives a non-PDF document's parsed text.

    PDF layouts are kept in `cache_dir` (by content hash) so a report is read once, not on every start.
    """

    def __init__(self, parse: Callable[[str], ParsedDocument] | None = None, cache_dir: Path | None = None) -> None:
        self._parse = parse
        self._cache_dir = cache_dir

    def parsed(self, doc_id: str) -> ParsedDocument | None:
        """The parsed document (non-PDF views show the passage within its section)."""
        try:
            return self._parse(doc_id) if self._parse is not None else None
        except Exception as error:  # as in normalized(): no view rather than a failure
            logger.warning("cannot parse %s: %s", doc_id, error)
            return None

    def normalized(self, doc_id: str, source: str) -> tuple[PdfLayout | None, NormalizedText] | None:
        """The document's normalized text (and its layout, for a PDF); None when it cannot be read."""
        try:
            if is_pdf(source):
                return pdf_text(source, self._cache_dir)
            if self._parse is None:
                return None
            return None, self._parse(doc_id).normalized
        except Exception as error:  # a moved, changed or unreadable file: no marks, never a failed answer
            logger.warning("cannot locate in %s: %s", source, error)
            return None

    def region(self, citation: Citation, figures: list[str] | tuple[str, ...] = ()) -> CitedRegion | None:
        """The citation's passage, quoted sentences and `figures` in its document."""
        texts = self.normalized(citation.doc_id, citation.source)
        if texts is None:
            return None
        layout, normalized = texts
        if normalized.raw[citation.raw_start : citation.raw_end] != citation.raw_passage:
            logger.warning("%s changed since it was indexed: no marks", citation.source)
            return None
        start = _passage_start(normalized, citation)
        if start is None:
            return None
        passage = citation.passage
        sentences = []
        for quote in citation.quotes:
            position = passage.find(quote)
            if position >= 0:
                sentences.append((start + position, start + position + len(quote)))
        marks = []
        for figure in dict.fromkeys(figures):
            span = figure_span(passage, figure, [(a - start, b - start) for a, b in sentences])
            if span is not None:
                marks.append(self._mark(figure, (start + span[0], start + span[1]), normalized, layout))
        bands: dict[int, list[Box]] = {}
        if layout is not None:
            for a, b in sentences or [(start, start + len(passage))]:
                for page, boxes in layout.char_boxes(*normalized.raw_span(a, b)).items():
                    bands.setdefault(page, []).extend(line_boxes(boxes))
        passage_span = (start, start + len(passage))
        return CitedRegion(
            citation.doc_id, citation.source, layout is not None, passage_span, tuple(sentences), tuple(marks), bands
        )

    def span_region(
        self, doc_id: str, source: str, sentences: list[Span], figures: list[tuple[str, Span]]
    ) -> CitedRegion | None:
        """Marks for spans already known in the normalized text (an audit finding's figures and sentences)."""
        texts = self.normalized(doc_id, source)
        if texts is None:
            return None
        layout, normalized = texts
        marks = tuple(self._mark(figure, span, normalized, layout) for figure, span in figures)
        bands: dict[int, list[Box]] = {}
        if layout is not None:
            for a, b in sentences:
                for page, boxes in layout.char_boxes(*normalized.raw_span(a, b)).items():
                    bands.setdefault(page, []).extend(line_boxes(boxes))
        every = [*sentences, *(f[1] for f in figures)]
        passage = (min(s[0] for s in every), max(s[1] for s in every)) if every else (0, 0)
        return CitedRegion(doc_id, source, layout is not None, passage, tuple(sentences), marks, bands)

    @staticmethod
    def _mark(figure: str, span: Span, normalized: NormalizedText, layout: PdfLayout | None) -> FigureMark:
        raw_start, raw_end = normalized.raw_span(*span)
        boxes = layout.char_boxes(raw_start, raw_end) if layout is not None else {}
        if not boxes:
            return FigureMark(figure, span[0], span[1], raw_start, raw_end)
        page = min(boxes)
        lines = tuple(_rounded(b) for b in line_boxes(boxes[page]))
        return FigureMark(figure, span[0], span[1], raw_start, raw_end, page, _rounded(union(boxes[page])), lines)

    def locate(self, answer: Answer) -> Answer:
        """The answer with page and bbox on each verified figure found in a PDF source."""
        by_marker = {c.marker: c for c in answer.citations}
        wanted: dict[int, list[str]] = {}
        for check in answer.figure_checks:
            if check.verified and check.found_in in by_marker and is_pdf(by_marker[check.found_in].source):
                wanted.setdefault(check.found_in, []).append(check.figure)
        marks: dict[tuple[int, str], FigureMark] = {}
        for marker, figures in wanted.items():
            region = self.region(by_marker[marker], figures)
            for mark in region.figures if region is not None else ():
                marks[(marker, mark.figure)] = mark
        checks: list[FigureCheck] = []
        for check in answer.figure_checks:
            mark = marks.get((check.found_in, check.figure)) if check.found_in is not None else None
            checks.append(replace(check, page=mark.page, bbox=mark.bbox) if mark and mark.bbox else check)
        alternative = self.locate(answer.alternative) if answer.alternative is not None else None
        return replace(answer, figure_checks=checks, alternative=alternative)
