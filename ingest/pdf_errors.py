"""Why a PDF cannot be read, in words a user can act on: one message per kind of broken file."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.models import IngestError

_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body)\b", re.I)
_CID = re.compile(r"\(cid:\d+\)")


def _causes(exc: BaseException) -> list[str]:
    """Names of the exception types behind `exc` (pdfplumber wraps pdfminer's in its own)."""
    names: list[str] = []
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        names.append(type(current).__name__)
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return names


def unreadable_pdf(path: Path, data: bytes, exc: BaseException) -> IngestError:
    """The message for a file the PDF parser rejected."""
    head = data[:1024]
    if b"%PDF-" not in head:
        if _HTML.search(head):
            return IngestError(path, "这是网页（HTML）文件，不是 PDF", "请下载报告的 PDF 原文件，而不是保存网页")
        return IngestError(
            path, "不是 PDF 文件（文件开头没有 %PDF 标记）", "请确认这是报告的 PDF 原文件，而不是改了扩展名的其他文件"
        )
    causes = _causes(exc)
    if any(name in causes for name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning")):
        return IngestError(path, "PDF 已加密，需要密码才能打开", "请在 PDF 阅读器中输入密码、解除加密后另存，再导入")
    if "PSEOF" in causes or b"%%EOF" not in data[-2048:]:
        return IngestError(path, "PDF 文件不完整（在结尾之前被截断）", "请重新下载或重新导出该文件")
    detail = causes[-1] if causes else type(exc).__name__
    return IngestError(path, f"PDF 文件已损坏，无法解析（{detail}）", "请重新导出该文件")


def check_pdf_text(path: Path, pages: list[str]) -> None:
    """Refuse a PDF that opened but has nothing to index."""
    if not pages:
        raise IngestError(path, "PDF 中没有任何页面", "请确认导出的 PDF 包含报告内容")
    text = "".join(pages)
    if not text.strip():
        raise IngestError(path, "PDF 没有文字层（可能是扫描件）", "请提供带文字层的 PDF，或先做 OCR")
    if len("".join(_CID.findall(text))) > 0.5 * len(re.sub(r"\s", "", text)):
        raise IngestError(
            path, "PDF 的文字层无法识别（字体没有文字编码，抽出的是字形编号）", "请用其他软件重新导出 PDF，或先做 OCR"
        )
