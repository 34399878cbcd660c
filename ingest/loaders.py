"""Read a report file into text, detecting its encoding; each failure says which file and why.

PDF pages are joined with form feeds so page numbers survive normalization. A new format is one
function in `_LOADERS`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

from ingest.docx_reader import load_docx
from ingest.file_kinds import mislabelled, unsupported_type
from ingest.models import IngestError, LoadedText
from ingest.pdf_reader import load_pdf

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
# Chinese encodings that GB18030 decodes correctly (it is their superset).
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
_WORD = re.compile(r"\w")


def load_file(path: Path, max_bytes: int) -> LoadedText:
    """Read `path` as text. Raises IngestError for anything that is not a usable report."""
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise unsupported_type(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(path, f"无法读取文件：{exc.strerror}", "请检查路径和权限") from exc
    if size == 0:
        raise IngestError(path, "文件为空", "请确认导出的报告有内容")
    if size > max_bytes:
        raise IngestError(
            path,
            f"文件过大（{size / 2**20:.2g} MB，上限 {max_bytes / 2**20:.2g} MB）",
            "可调整 PERFQA_INDEX__MAX_FILE_MB",
        )
    data = path.read_bytes()
    wrong = mislabelled(path, data)
    if wrong is not None:
        raise wrong
    loaded = loader(path, data)
    if not _WORD.search(loaded.text):  # empty, blank or punctuation only
        raise IngestError(path, "文件中没有可用的文字", "请确认导出的报告有内容")
    return loaded


def decode_text(path: Path, data: bytes) -> LoadedText:
    """Decode UTF-8 (with or without BOM) or a detected encoding such as GBK/GB18030."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(path, "看起来是二进制文件而不是文本", "请提供 TXT、MD、PDF 或 DOCX 格式的报告")
    try:
        return LoadedText(data.decode("utf-8-sig"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(path, "无法识别文本编码", "请另存为 UTF-8 或 GBK 编码")
    encoding = "gb18030" if best.encoding.lower() in _GB_FAMILY else best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(path, f"按检测到的编码 {encoding} 解码失败", "请另存为 UTF-8 编码") from exc
    logger.info("%s: detected encoding %s", path, encoding)
    return LoadedText(text, encoding, None)


_LOADERS: dict[str, Callable[[Path, bytes], LoadedText]] = {
    ".txt": decode_text,
    ".md": decode_text,
    ".pdf": load_pdf,
    ".docx": load_docx,
}
