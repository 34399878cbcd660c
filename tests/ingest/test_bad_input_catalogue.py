"""A catalogue of bad inputs in one folder: each gets its own message naming the file, nothing else is indexed."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document

from ingest.pipeline import IngestReport, ReportIndex
from ingest.settings import IndexSettings, Settings
from tests.ingest.samples import RATE_REPORT
from tests.ingest.test_bad_inputs import BROKEN_PDFS, _pdf

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
HTML = b"<!DOCTYPE html><html><head><title>404</title></head><body>Not Found</body></html>"


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not a report")
    return out.getvalue()


# file name -> (content, words its message must contain)
FAILING: dict[str, tuple[bytes, str]] = {f"{kind}.pdf": case for kind, case in BROKEN_PDFS.items()} | {
    "glyph-codes.pdf": (_pdf(password=""), "字形编号"),
    "word-renamed.pdf": (_docx("预算执行率"), "不是 PDF 文件"),
    "empty.pdf": (b"", "文件为空"),
    "random.docx": (bytes(range(256)) * 8, "Word 文件已损坏"),
    "zip.docx": (_zip(), "ZIP 压缩包，但不是 Word 文档"),
    "pdf-renamed.docx": (_pdf(), "这是 PDF 文件，扩展名却是“.docx”"),
    "old-word.docx": (OLE, "旧版 Office 文件"),
    "no-text.docx": (_docx("  ", ""), "没有可用的文字"),
    "web-page.docx": (HTML, "网页（HTML）源代码"),
    "empty.docx": (b"", "文件为空"),
    "~$lock-file.docx": (b"\x05li" + b"\x00" * 160, "Word 文件已损坏"),
    "empty.txt": (b"", "文件为空"),
    "spaces.txt": (b"  \n\t\n \xe3\x80\x80 ", "没有可用的文字"),
    "nul-bytes.txt": (b"abc\x00def" * 100, "二进制文件"),
    "unknown-encoding.txt": (bytes(range(128, 256)) * 20, "无法识别文本编码"),
    "pdf-renamed.txt": (_pdf(), "这是 PDF 文件，扩展名却是“.txt”"),
    "word-renamed.txt": (_docx("预算执行率"), "ZIP 压缩包或 Word 文件"),
    "web-page.txt": (HTML, "网页（HTML）源代码"),
    "punctuation-only.txt": ("。。。，，，！！！".encode(), "没有可用的文字"),
    "too-large.txt": ("预算执行率为97.25%。\n".encode() * 5000, "文件过大"),
    "old-word.md": (OLE, "旧版 Office 文件"),
    "empty.md": (b"", "文件为空"),
}
SKIPPED: dict[str, str] = {
    "notes.xlsx": "表格文件",
    "old.doc": "旧版 Word",
    "scan.jpg": "图片",
    "README": "无扩展名",
    "reports.zip": "压缩包",
    "report.ofd": "OFD",
    "passwd.txt": "文件夹之外",
    "linked-dir": "文件夹之外",
    "dangling.txt": "文件夹之外",
    "again.txt": "本文件夹内",
    "pipe.txt": "不是普通文件",
}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportIndex, IngestReport, Path]:
    root = tmp_path_factory.mktemp("catalogue")
    folder = root / "reports"
    folder.mkdir()
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密", encoding="utf-8")
    (folder / "good.txt").write_text(RATE_REPORT, encoding="utf-8")
    (folder / "z-copy-of-good.txt").write_text(RATE_REPORT, encoding="utf-8")
    for name, (content, _) in FAILING.items():
        (folder / name).write_bytes(content)
    for name in ("notes.xlsx", "old.doc", "scan.jpg", "README", "reports.zip", "report.ofd"):
        (folder / name).write_bytes(b"x")
    os.symlink(outside / "secret.txt", folder / "passwd.txt")
    os.symlink(outside, folder / "linked-dir")
    os.symlink(outside / "missing.txt", folder / "dangling.txt")
    os.symlink(folder / "good.txt", folder / "again.txt")
    os.mkfifo(folder / "pipe.txt")
    settings = Settings(index=IndexSettings(data_dir=root / "data", max_file_mb=0.1))
    index = ReportIndex(settings)
    report = index.ingest([folder, root / "no-such-report.pdf"], progress=False)
    return index, report, folder


def test_only_the_good_report_is_indexed(ingested):
    index, report, folder = ingested
    assert report.added == [str(folder / "good.txt")]
    assert [d.source for d in index.documents().values()] == [str((folder / "good.txt").resolve())]
    assert len(FAILING) + len(SKIPPED) + 2 >= 40  # the catalogue: failures, skips, a duplicate, a missing file


@pytest.mark.parametrize("name", sorted(FAILING))
def test_each_failing_file_says_what_is_wrong(ingested, name: str):
    _, report, _ = ingested
    [error] = [e for e in report.failed if Path(e.path).name == name]
    assert FAILING[name][1] in str(error) and name in str(error) and error.hint


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_each_skipped_file_is_listed_with_its_reason(ingested, name: str):
    _, report, _ = ingested
    [error] = [e for e in report.skipped if Path(e.path).name == name]
    assert SKIPPED[name] in str(error)
    assert any(line.startswith("跳过：") and name in line for line in report.details())


def test_a_duplicate_names_its_original_and_a_missing_file_is_named(ingested):
    _, report, _ = ingested
    [duplicate] = report.duplicates
    assert "z-copy-of-good.txt" in str(duplicate) and "good.txt）内容相同" in str(duplicate)
    [missing] = [e for e in report.failed if Path(e.path).name == "no-such-report.pdf"]
    assert "文件不存在" in str(missing)
    assert len(report.failed) == len(FAILING) + 1 and len(report.skipped) == len(SKIPPED)
