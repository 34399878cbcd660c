"""PDF text layer with pdfplumber: pages joined by form feeds, ruled tables rendered as rows."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError

from ingest.models import IngestError, LoadedText
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
    except PDFSyntaxError as exc:
        raise IngestError(path, "PDF 文件已损坏或不是 PDF", "请重新导出该文件") from exc
    except Exception as exc:  # pdfminer raises many types for encrypted or broken files
        raise IngestError(path, f"无法读取 PDF（{type(exc).__name__}）", "如文件加密，请先解除密码") from exc
    if not any(page.strip() for page in pages):
        raise IngestError(path, "PDF 没有文字层（可能是扫描件）", "请提供带文字层的 PDF，或先做 OCR")
    # A PDF's text layer breaks at every visual line: always re-join wrapped lines.
    return LoadedText("\f".join(pages), "pdf", len(pages), hard_wrapped=True)
