"""Each kind of bad input gets its own message, and an ingest of them leaves the index as it was."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ingest.discovery import find_files
from ingest.loaders import load_file
from ingest.models import IngestError
from ingest.pipeline import ReportIndex
from ingest.settings import IndexSettings, Settings
from tests.ingest.samples import write_report

MAX_BYTES = 10 * 2**20


def _pdf(text: str | None = "2021年预算执行率为97.25%。", password: str | None = None) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    encrypt = StandardEncryption(password, ownerPassword="owner") if password is not None else None
    page = canvas.Canvas(out, encrypt=encrypt)
    if text is None:
        page.rect(100, 100, 200, 200)  # a drawing, no text: what a scan looks like to a parser
    else:
        page.setFont("STSong-Light", 12)
        page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return out.getvalue()


ZERO_PAGES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

BROKEN_PDFS = {
    "random-bytes": (bytes(range(256)) * 8, "不是 PDF 文件"),
    "html-page": (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "网页（HTML）"),
    "header-only": (b"%PDF-1.7\n", "PDF 文件不完整"),
    "truncated": (_pdf()[:900], "PDF 文件不完整"),
    "password": (_pdf(password="secret"), "需要密码"),
    "zero-pages": (ZERO_PAGES, "没有任何页面"),
    "scan-no-text": (_pdf(text=None), "没有文字层"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_PDFS))
def test_each_broken_pdf_case_has_its_own_message(tmp_path: Path, kind: str):
    data, expected = BROKEN_PDFS[kind]
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        load_file(path, MAX_BYTES)
    message = str(caught.value)
    assert expected in message and str(path) in message and caught.value.hint
    others = {text for other, (_, text) in BROKEN_PDFS.items() if text != expected}
    assert not any(text in message for text in others)


def test_a_good_pdf_still_reads(tmp_path: Path):
    path = tmp_path / "good.pdf"
    path.write_bytes(_pdf())
    assert "97.25%" in load_file(path, MAX_BYTES).text


def test_folder_lists_every_skipped_file_and_refuses_links_leaving_it(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    write_report(folder / "a.txt")
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "README").write_text("说明", encoding="utf-8")
    os.symlink(secret, folder / "passwd.txt")
    os.symlink(outside, folder / "linked-dir")
    os.symlink(folder / "a.txt", folder / "sub" / "again.txt")

    found = find_files([folder])
    assert found.files == [folder / "a.txt"]
    reasons = {Path(e.path).name: e.reason for e in found.skipped}
    assert set(reasons) == {"notes.xlsx", "README", "passwd.txt", "linked-dir", "again.txt"}
    assert "文件夹之外" in reasons["passwd.txt"] and str(secret) in reasons["passwd.txt"]
    assert "文件夹之外" in reasons["linked-dir"]
    assert "“.xlsx”" in reasons["notes.xlsx"] and "无扩展名" in reasons["README"]
    assert "本文件夹内" in reasons["again.txt"]


def test_duplicates_name_the_original_and_bad_files_leave_the_index_unchanged(tmp_path: Path):
    settings = Settings(index=IndexSettings(data_dir=tmp_path / "data"), ui={"corpus_dir": tmp_path / "corpus"})
    index = ReportIndex(settings)
    original = write_report(tmp_path / "corpus" / "dept" / "report.txt")
    assert len(index.ingest([original], progress=False).added) == 1
    before = index.store.chunk_counts(), index.store.registry_records()

    copy = tmp_path / "incoming" / "附件2.txt"
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())
    for kind, (data, _) in BROKEN_PDFS.items():
        (tmp_path / "incoming" / f"{kind}.pdf").write_bytes(data)
    report = index.ingest([tmp_path / "incoming"], progress=False)

    assert not report.added and len(report.failed) == len(BROKEN_PDFS)
    [duplicate] = report.duplicates
    assert duplicate.original.doc_id == index.store.documents()[0].doc_id
    assert "corpus/dept/report.txt" in str(duplicate) and str(tmp_path / "corpus") not in str(duplicate)
    assert any(line.startswith("重复：") for line in report.details())
    assert (index.store.chunk_counts(), index.store.registry_records()) == before


def test_a_file_too_long_to_embed_is_refused_before_any_embedding(tmp_path: Path, monkeypatch):
    long_line = tmp_path / "one-line.txt"
    long_line.write_text("2023年部门整体支出绩效自评报告" + "项目支出执行率为97.25%" * 500, encoding="utf-8")
    index = ReportIndex(Settings(index=IndexSettings(data_dir=tmp_path / "data", max_embedded_chars=5_000)))
    monkeypatch.setattr(index, "_passage_vectors", lambda *_: pytest.fail("embedded it"))
    report = index.ingest([long_line], progress=False)
    [error] = report.failed
    assert error.path == long_line and "万字的上限" in error.reason and "未导入" in error.reason
    assert "PERFQA_INDEX__MAX_EMBEDDED_CHARS" in error.hint
    assert index.documents() == {}
