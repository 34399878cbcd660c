"""Word (.docx) with python-docx: paragraphs in body order, heading styles as structure, tables as rows."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.models import IngestError, LoadedText
from ingest.tables import TABLE_CAPTION, table_rows_as_text

_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.I)


def load_docx(path: Path, data: bytes) -> LoadedText:
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        if zipfile.is_zipfile(io.BytesIO(data)):
            reason = "是 ZIP 压缩包，但不是 Word 文档（里面没有 word/document.xml）"
            raise IngestError(path, reason, "请确认这是 Word 报告；压缩包请先解压") from exc
        raise IngestError(path, "Word 文件已损坏或不是 .docx", "请用 Word/WPS 另存为 .docx 后再导入") from exc
    lines: list[str] = []
    headings: dict[int, int] = {}
    offset = 0
    previous = ""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if not text:
                continue
            style = _HEADING_STYLE.match(block.style.name if block.style is not None else "")
            if style:
                headings[offset] = int(style.group(1))
            new_lines = [text]
        elif isinstance(block, Table):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            caption = previous if TABLE_CAPTION.match(previous.replace(" ", "")) else ""
            new_lines = table_rows_as_text(rows, caption.replace(" ", ""))
        else:
            continue
        for line in new_lines:
            lines.append(line)
            offset += len(line) + 1
        previous = new_lines[-1] if new_lines else previous
    return LoadedText("\n".join(lines), "docx", None, headings, hard_wrapped=False)
