"""PDF text layer with pdfplumber: pages joined by form feeds, ruled tables rendered as rows."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from ingest.models import LoadedText
from ingest.pdf_errors import check_pdf_text, unreadable_pdf
from ingest.tables import TABLE_CAPTION, table_rows_as_text


def _page_text(page: pdfplumber.page.Page) -> str:
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return page.extract_text() or ""
    pieces: list[str] = []
    top = 0.0
    for table in tables:
        table_top, table_bottom = max(table.bbox[1], top), min(table.bbox[3], page.height)
        above = page.crop((0, top, page.width, table_top)).extract_text() if table_top > top else ""
        pieces.append(above or "")
        last_line = (above or "").strip().splitlines()[-1:] or [""]
        caption = last_line[0] if TABLE_CAPTION.match(last_line[0].replace(" ", "")) else ""
        pieces.append("\n".join(table_rows_as_text(table.extract(), caption.replace(" ", ""))))
        top = table_bottom
    if top < page.height:
        pieces.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return "\n".join(p for p in pieces if p)


def load_pdf(path: Path, data: bytes) -> LoadedText:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_text(page) for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many types for encrypted or broken files
        raise unreadable_pdf(path, data, exc) from exc
    check_pdf_text(path, pages)
    # A PDF's text layer breaks at every visual line: always re-join wrapped lines.
    return LoadedText("\f".join(pages), "pdf", len(pages), hard_wrapped=True)
