from pathlib import Path

import pytest

from ingest.loaders import IngestError, load_file
from tests.conftest import CORPUS_REPORT, SMALL_REPORT

MAX = 10 * 2**20


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_detects_chinese_encodings(tmp_path: Path, encoding: str):
    path = tmp_path / "report.txt"
    text = CORPUS_REPORT.read_text(encoding="utf-8")
    path.write_bytes(text.encode(encoding))
    assert load_file(path, MAX).text == text


def test_short_gbk_text_is_detected_not_assumed(tmp_path: Path):
    path = tmp_path / "short.txt"
    path.write_bytes(SMALL_REPORT.encode("gbk"))
    assert "执行率为 99.64%" in load_file(path, MAX).text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "文件为空"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "二进制"),
        ("blank.txt", b"   \n\n  ", "没有可用的文字"),
        ("report.doc", b"whatever", "不支持的文件类型"),
        ("broken.pdf", b"%PDF-1.4 not really a pdf", "PDF"),
    ],
)
def test_bad_files_get_a_specific_error_naming_the_file(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        load_file(path, MAX)
    assert reason in str(caught.value) and name in str(caught.value)


def test_too_large_file_is_refused(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes("报告".encode() * 1000)
    with pytest.raises(IngestError, match="文件过大"):
        load_file(path, 100)


def _pdf(path: Path, pages: list[list[str]]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 12)
        for row, line in enumerate(lines):
            pdf.drawString(60, 780 - row * 20, line)
        pdf.drawString(290, 40, f"- {number} -")
        pdf.showPage()
    pdf.save()


def test_pdf_text_layer_keeps_pages(tmp_path: Path):
    path = tmp_path / "report.pdf"
    _pdf(path, [["一、基本情况", "部门整体总收入合计1,234.50万元。"], ["二、存在的主要问题", "一是指标设置不够细化。"]])
    loaded = load_file(path, MAX)
    assert loaded.pages == 2 and "\f" in loaded.text and "1,234.50" in loaded.text


def test_pdf_without_text_layer_is_reported(tmp_path: Path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(IngestError, match="没有文字层"):
        load_file(path, MAX)


def test_docx_heading_styles_become_sections_and_tables_become_rows(tmp_path: Path):
    from docx import Document

    from ingest.pipeline import parse_document
    from ingest.settings import Settings

    document = Document()
    document.add_paragraph("广州市示例区测试局2023年部门整体支出绩效自评报告")
    document.add_heading("基本情况", level=1)
    document.add_heading("部门整体收支情况", level=2)
    document.add_paragraph("本年支出 1,480.00 万元，执行率为 98.67%。")
    document.add_paragraph("表1 项目支出执行情况")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [
            ["项目名称", "预算数（万元）", "执行率"],
            ["学生资助资金", "1,234.56", "97.22%"],
            ["校舍维修", "300.00", "95.00%"],
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "report.docx"
    document.save(str(path))

    parsed = parse_document(path, None, Settings())
    row = next(s for c in parsed.chunks for s in c.sentences if "学生资助资金" in s.text)
    assert row.text == "表1项目支出执行情况｜项目名称：学生资助资金，预算数：1,234.56万元，执行率：97.22%。"
    chunk = next(c for c in parsed.chunks if "1,480.00万元" in c.text)
    assert chunk.section_path == ("基本情况", "部门整体收支情况")
    assert parsed.info.department == "广州市示例区测试局" and parsed.info.year == 2023


def test_pdf_ruled_table_rows_keep_their_column_headers(tmp_path: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12, leading=18)
    rows = [
        ["项目名称", "预算数（万元）", "执行数（万元）", "执行率"],
        ["学生资助资金", "1,234.56", "1,200.00", "97.20%"],
    ]
    table = Table(rows)
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    )
    path = tmp_path / "table.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph("一、项目支出情况", style),
            Paragraph("表1 项目支出执行情况", style),
            table,
            Paragraph("以上为全部项目。", style),
        ]
    )
    text = load_file(path, MAX).text
    assert (
        "表1项目支出执行情况｜项目名称：学生资助资金，预算数：1,234.56万元，执行数：1,200.00万元，执行率：97.20%。"
        in text
    )
    assert text.index("一、项目支出情况") < text.index("学生资助资金") < text.index("以上为全部项目")


def test_broken_docx_is_reported(tmp_path: Path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not a real docx")
    with pytest.raises(IngestError, match="Word 文件已损坏"):
        load_file(path, MAX)
