"""Working papers: every citation of a conversation and every check of an audit, in Excel and Word."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from assistant.__main__ import main
from assistant.audit import VERDICT_LABELS, audit_document
from assistant.export import AuditedReport, Turn, audit_docx, audit_xlsx, conversation_docx, conversation_xlsx
from assistant.render import page_label

QUESTIONS = ("2023年教育局部门整体预算执行率是多少？", "2022年和2023年教育局部门整体自评得分分别是多少？")


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _conversation(assistant) -> list[Turn]:
    turns: list[Turn] = []
    for question in QUESTIONS:
        answer = assistant.ask(question, history=[t.answer.question for t in turns])
        turns.append(Turn(question, answer))
    return turns


def test_conversation_paper_holds_every_citation_and_figure(pdf_archive, tmp_path: Path):
    turns = _conversation(pdf_archive.assistant)
    citations = [(n, c) for n, t in enumerate(turns, 1) for c in t.answer.citations]
    checks = [(n, c) for n, t in enumerate(turns, 1) for c in t.answer.figure_checks]
    assert len(citations) >= 3 and checks

    book = load_workbook(conversation_xlsx(turns, tmp_path / "对话.xlsx"))
    assert book.sheetnames == ["问答", "数字核对", "引文"]
    asked = [row[1] for row in book["问答"].iter_rows(min_row=2, values_only=True)]
    assert asked == list(QUESTIONS)
    rows = list(book["引文"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(citations)
    for row, (n, citation) in zip(rows, citations, strict=True):
        assert row[:7] == (
            n,
            f"[{citation.marker}]",
            citation.title,
            citation.section,
            page_label(citation),
            citation.raw_start,
            citation.raw_end,
        )
        assert row[8] == citation.passage and all(q in row[7] for q in citation.quotes)
    figures = list(book["数字核对"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in figures] == [(n, c.figure) for n, c in checks]
    located = [(r, c) for r, (_, c) in zip(figures, checks, strict=True) if c.bbox]
    assert located and all(r[5] == c.page and tuple(r[6:10]) == c.bbox for r, c in located)

    text = _docx_text(conversation_docx(turns, tmp_path / "对话.docx"))
    for question in QUESTIONS:
        assert question in text
    for _, citation in citations:
        assert citation.passage in text and f"原文字符 {citation.raw_start}-{citation.raw_end}" in text


def test_audit_paper_holds_formulas_verdicts_and_both_citations(pdf_archive, tmp_path: Path):
    document = next(
        d for d in pdf_archive.assistant.index.documents().values() if d.source.endswith("edu_2023_dept.pdf")
    )
    parsed = pdf_archive.assistant.parsed(document.doc_id)
    checks = audit_document(parsed)
    assert checks
    reports = [AuditedReport(parsed.info.title, parsed.info.source, checks)]

    book = load_workbook(audit_xlsx(reports, tmp_path / "核对.xlsx"))
    rows = list(book["核对"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[3], r[4]) for r in rows] == [(VERDICT_LABELS[c.verdict], c.formula, c.stated.text) for c in checks]
    sources = list(book["依据数字"].iter_rows(min_row=2, values_only=True))
    for number, check in enumerate(checks, 1):
        cited = [(r[1], r[3], r[8], r[9]) for r in sources if r[0] == number]
        assert ("报告数", check.stated.text, check.stated.raw_start, check.stated.raw_end) in cited
        for figure in check.sources:
            if figure != check.stated:
                assert ("组成项", figure.text, figure.raw_start, figure.raw_end) in cited

    text = _docx_text(audit_docx(reports, tmp_path / "核对.docx"))
    for check in checks:
        assert check.formula in text and f"原文字符 {check.stated.raw_start}-{check.stated.raw_end}" in text


def test_export_command_writes_both_papers(pdf_archive, tmp_path: Path, monkeypatch):
    report = pdf_archive.folder / "health_2023_dept.pdf"
    assert (
        main(["export", "audit", str(report), "--xlsx", str(tmp_path / "a.xlsx"), "--docx", str(tmp_path / "a.docx")])
        == 0
    )
    assert load_workbook(tmp_path / "a.xlsx")["核对"].max_row >= 2
    assert "核对工作底稿" in _docx_text(tmp_path / "a.docx")

    questions = tmp_path / "问题.txt"
    questions.write_text("# 工作底稿\n2023年卫健局部门整体自评得分多少分？\n", encoding="utf-8")
    monkeypatch.setenv("PERFQA_INDEX__DATA_DIR", str(pdf_archive.assistant.settings.index.data_dir))
    assert main(["export", "chat", str(questions), "--xlsx", str(tmp_path / "c.xlsx")]) == 0
    rows = list(load_workbook(tmp_path / "c.xlsx")["引文"].iter_rows(min_row=2, values_only=True))
    assert rows and rows[0][2].startswith("广州市示例区卫生健康局2023年")
    assert main(["export", "chat", str(questions)]) == 2  # no output named
