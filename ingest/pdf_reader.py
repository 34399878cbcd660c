"""PDF text layer with pdfplumber: pages joined by form feeds, ruled tables rendered as rows (pdf_layout)."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from ingest.models import LoadedText
from ingest.pdf_errors import check_pdf_text, unreadable_pdf
from ingest.pdf_layout import read_page


def load_pdf(path: Path, data: bytes) -> LoadedText:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            # The same reading that later locates a cited figure on its page (ingest/pdf_layout.py).
            pages = [read_page(page, number).text for number, page in enumerate(pdf.pages, 1)]
    except Exception as exc:  # pdfminer raises many types for encrypted or broken files
        raise unreadable_pdf(path, data, exc) from exc
    check_pdf_text(path, pages)
    # A PDF's text layer breaks at every visual line: always re-join wrapped lines.
    return LoadedText("\f".join(pages), "pdf", len(pages), hard_wrapped=True)
