"""What a file really is, by its first bytes, so a wrong extension gets a message that says so."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.models import IngestError

_PDF, _ZIP, _OLE = b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<\s*(?:!doctype\s+html|html|head|body)\b", re.I)

# Hints for files a report archive often holds but we do not read.
_UNSUPPORTED_HINTS = {
    ".doc": "旧版 Word 文件：请用 Word/WPS 另存为 .docx",
    ".wps": "WPS 文字文件：请用 WPS 另存为 .docx",
    ".xls": "表格文件：请把报告导出为 PDF 或 .docx",
    ".xlsx": "表格文件：请把报告导出为 PDF 或 .docx",
    ".jpg": "图片：请先做 OCR，或提供带文字层的 PDF",
    ".jpeg": "图片：请先做 OCR，或提供带文字层的 PDF",
    ".png": "图片：请先做 OCR，或提供带文字层的 PDF",
    ".zip": "压缩包：请先解压，再导入其中的报告",
    ".rar": "压缩包：请先解压，再导入其中的报告",
    ".ofd": "OFD 版式文件：请导出为 PDF",
}


def unsupported_type(path: Path) -> IngestError:
    suffix = path.suffix.lower()
    hint = _UNSUPPORTED_HINTS.get(suffix, "目前支持 TXT、MD、PDF、DOCX")
    return IngestError(path, f"不支持的文件类型“{suffix or '无扩展名'}”，已跳过", hint)


def mislabelled(path: Path, data: bytes) -> IngestError | None:
    """An error when the bytes are plainly another kind of file than the extension says, else None."""
    suffix = path.suffix.lower()
    head = data[:1024]
    if head.startswith(_PDF) and suffix != ".pdf":
        return IngestError(path, f"这是 PDF 文件，扩展名却是“{suffix}”", "请把扩展名改为 .pdf 后再导入")
    if head.startswith(_OLE):
        return IngestError(
            path, "这是旧版 Office 文件（.doc/.xls/.wps）或加密的 Word 文件", "请用 Word/WPS 去掉密码并另存为 .docx"
        )
    if head.startswith(_ZIP) and suffix in (".txt", ".md"):
        return IngestError(path, "这是 ZIP 压缩包或 Word 文件，不是文本", "若是 Word 文件，请把扩展名改为 .docx")
    if _HTML.match(head) and suffix in (".txt", ".md", ".docx"):
        return IngestError(path, "这是网页（HTML）源代码，不是报告原文", "请下载报告的 PDF/Word 原文件，或另存为纯文本")
    return None
