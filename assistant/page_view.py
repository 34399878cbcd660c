"""The cited place in the original document: a PDF page as an image with its marks, or for DOCX
and text sources the passage within its section, marked the same way in HTML.

Marks: a box around each cited figure and a lighter band over each quoted sentence (over the
passage when nothing is quoted), as kotaemon and RAGFlow mark the cited region on the page.
Pages are rendered with pypdfium2 at twice their size in points and cached; only the marks are
drawn per view.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from assistant.answer import Citation
from assistant.audit import AuditCheck
from assistant.locate import CitedRegion, Locator
from assistant.ui_format import section_html
from ingest.models import ParsedDocument
from ingest.pdf_layout import Box

SCALE = 2.0  # pixels per PDF point
FIGURE_COLOR = (220, 38, 38)  # red box
BAND_COLOR = (250, 204, 21, 70)  # light yellow band
_PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe; Gradio runs handlers in threads


@dataclass(frozen=True)
class PageView:
    """What a view shows: a caption, and either a page image (PDF) or the passage in its section (HTML)."""

    caption: str
    image: Image.Image | None = None
    html: str = ""
    page: int | None = None
    region: CitedRegion | None = None


def page_count(source: str) -> int:
    with _PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(source)
        try:
            return len(pdf)
        finally:
            pdf.close()


@functools.lru_cache(maxsize=16)  # about 6 MB a page at 2x
def _rendered(path: str, size: int, mtime_ns: int, page: int, scale: float) -> tuple[Image.Image, Box]:
    """Page `page` (1-based) as an RGB image, and its crop box in PDF points from the top-left."""
    with _PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            pdf_page = pdf[page - 1]
            left, bottom, right, top = pdf_page.get_cropbox()
            _, _, _, media_top = pdf_page.get_mediabox()
            image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        finally:
            pdf.close()
    # pdfplumber measures `top` down from the media box's top edge; the render shows the crop box.
    return image, (left, media_top - top, right, media_top - bottom)


def render_page(source: str, page: int, figure_boxes: list[Box] = (), bands: list[Box] = ()) -> Image.Image:
    """The page with a box around each figure and a band over each sentence line (cached render)."""
    path = Path(source).resolve()
    stat = path.stat()
    base, crop = _rendered(str(path), stat.st_size, stat.st_mtime_ns, page, SCALE)

    def pixels(box: Box, pad: float) -> tuple[float, float, float, float]:
        x0, top, x1, bottom = box
        return (
            (x0 - crop[0] - pad) * SCALE,
            (top - crop[1] - pad) * SCALE,
            (x1 - crop[0] + pad) * SCALE,
            (bottom - crop[1] + pad) * SCALE,
        )

    image = base.convert("RGBA")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for band in bands:
        draw.rectangle(pixels(band, 1.0), fill=BAND_COLOR)
    for box in figure_boxes:
        draw.rectangle(pixels(box, 1.5), outline=(*FIGURE_COLOR, 255), width=3)
    return Image.alpha_composite(image, overlay).convert("RGB")


def _caption(title: str, section: str, page: int | None, figures: list[str]) -> str:
    where = f"第{page}页" if page else "原文"
    marked = f" · 方框：{'、'.join(figures)}" if figures else ""
    return f"《{title}》 · {section} · {where}{marked}" if section else f"《{title}》 · {where}{marked}"


def view_region(
    locator: Locator, region: CitedRegion | None, title: str, section: str, page: int | None = None
) -> PageView:
    """The region's page (PDF: the given page or the first marked one) or its section (other sources)."""
    if region is None:
        return PageView(f"《{title}》：无法在原文中定位（文件可能已移动或修改，请重新导入）。")
    figures = [f.figure for f in region.figures]
    if not region.is_pdf:
        parsed = locator.parsed(region.doc_id)
        body = section_html(parsed, region) if parsed is not None else ""
        return PageView(_caption(title, section, None, figures), html=body, region=region)
    page = page or region.page or 1
    boxes = [line for f in region.figures if f.page == page for line in f.lines]
    image = render_page(region.source, page, boxes, region.sentence_boxes.get(page, []))
    located = [f.figure for f in region.figures if f.page == page]
    return PageView(_caption(title, section, page, located), image=image, page=page, region=region)


def citation_view(locator: Locator, citation: Citation, figures: list[str] | tuple[str, ...] = ()) -> PageView:
    """The page a citation cites, its quoted sentences banded and `figures` boxed."""
    region = locator.region(citation, figures)
    return view_region(locator, region, citation.title, citation.section, None)


def finding_view(locator: Locator, parsed: ParsedDocument, check: AuditCheck) -> PageView:
    """An audit finding on its page: the stated figure and the figures it was recomputed from."""
    text = parsed.normalized.text
    figures = [check.stated, *check.sources]
    sentences = []
    for figure in figures:
        position = text.rfind(figure.sentence, 0, figure.start + len(figure.sentence))
        if 0 <= position <= figure.start:
            sentences.append((position, position + len(figure.sentence)))
    marks = [(f.text, (f.start, f.end)) for f in dict.fromkeys(figures)]
    region = locator.span_region(parsed.info.doc_id, parsed.info.source, list(dict.fromkeys(sentences)), marks)
    return view_region(locator, region, parsed.info.title, check.stated.section, check.stated.page)
