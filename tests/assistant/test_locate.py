"""Cited figures located on the original PDF page: page and bbox, checked against pdfplumber's chars."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pdfplumber

from assistant.figures import FigureCheck
from assistant.locate import figure_span
from assistant.render import answer_to_json
from ingest.pdf_layout import read_layout
from ingest.pdf_reader import load_pdf

TOLERANCE = 0.05  # points


def figure_questions(archive) -> list[str]:
    questions = []
    for name, fact in archive.facts.items():
        if not name.endswith(".pdf") or fact["report_type"] != "dept":
            continue
        department, year = fact["department"], fact["year"]
        questions.append(f"{year}年{department}部门整体预算执行率是多少？")
        questions.append(f"{year}年{department}部门整体自评得分多少分？")
        questions += [f"{year}年{department}{outcome['ask']}？" for outcome in fact["outcomes"]]
    return questions


def figure_chars(source: str, page: int, figure: str) -> list[list[dict]]:
    """Occurrences of the figure on the page, found by pdfplumber's own search: the chars of each.

    The unit is part of an occurrence where it follows the number (prose); a table cell's unit is in
    its column header, so there the number stands alone.
    """
    number = re.match(r"[\d,.]+", figure).group(0)
    unit = figure[len(number) :]
    spaced = r"\s*".join(re.escape(ch) for ch in number)
    unit_chars = r"\s*".join(re.escape(ch) for ch in unit)
    unit_part = rf"(?:\s*{unit_chars})?" if unit else ""
    pattern = rf"(?<![\d.]){spaced}(?![\d]|\.\d){unit_part}"
    with pdfplumber.open(source) as pdf:
        return [match["chars"] for match in pdf.pages[page - 1].search(pattern)]


def encloses(bbox: tuple[float, float, float, float], chars: list[dict]) -> bool:
    x0, top, x1, bottom = bbox
    return all(
        c["x0"] >= x0 - TOLERANCE
        and c["x1"] <= x1 + TOLERANCE
        and c["top"] >= top - TOLERANCE
        and c["bottom"] <= bottom + TOLERANCE
        for c in chars
    )


def test_layout_text_is_the_text_ingest_indexed(pdf_archive):
    for name in pdf_archive.facts:
        if name.endswith(".pdf"):
            path = pdf_archive.folder / name
            layout = read_layout(path)
            assert layout.raw == load_pdf(path, path.read_bytes()).text
            assert all(len(page.text) == len(page.boxes) for page in layout.pages)


def test_layout_kept_on_disk_reads_back_the_same(pdf_archive, tmp_path):
    original = pdf_archive.folder / "edu_2023_dept.pdf"
    first = read_layout(original, tmp_path / "layouts")
    assert len(list((tmp_path / "layouts").glob("*.npz"))) == 1
    copy = tmp_path / "copy.pdf"  # same content, another file: read back from the disk cache
    shutil.copyfile(original, copy)
    again = read_layout(copy, tmp_path / "layouts")
    assert again.raw == first.raw and len(again.pages) == len(first.pages)
    for a, b in zip(first.pages, again.pages, strict=True):
        assert np.array_equal(a.boxes, b.boxes, equal_nan=True) and a.bbox == b.bbox and a.cropbox == b.cropbox


def test_figure_span_respects_number_boundaries():
    text = "执行率为99.99%，得分99分，支出9,896.45 万元。"
    assert figure_span(text, "99") == (text.index("99分"), text.index("99分") + 2)
    assert figure_span(text, "9896.45万元") == (text.index("9,896"), text.index("万元") + 2)
    assert figure_span(text, "99.99") == (4, 9)
    assert figure_span(text, "98") is None
    sentence = (text.index("得分"), len(text))
    assert figure_span("99分。" + text, "99分", [(a + 4, b + 4) for a, b in [sentence]])[0] > 4


def test_bboxes_of_20_figure_answers_lie_on_the_cited_page_and_enclose_the_figure(pdf_archive):
    assistant = pdf_archive.assistant
    answered = 0
    for question in figure_questions(pdf_archive):
        answer = assistant.ask(question)
        citations = {c.marker: c for c in answer.citations}
        located = 0
        for check in answer.figure_checks:
            citation = citations.get(check.found_in)
            if not check.verified or citation is None or not citation.source.endswith(".pdf"):
                assert check.bbox is None
                continue
            assert check.page is not None and check.bbox is not None, (question, check)
            assert citation.page_start <= check.page <= citation.page_end, (question, check, citation.page_start)
            occurrences = figure_chars(citation.source, check.page, check.figure)
            inside = [chars for chars in occurrences if encloses(check.bbox, chars)]
            assert inside, (question, check, occurrences)
            # Tight: the box is the figure's own characters, not its line.
            x0 = min(c["x0"] for c in inside[0])
            x1 = max(c["x1"] for c in inside[0])
            assert abs(check.bbox[0] - x0) <= TOLERANCE and abs(check.bbox[2] - x1) <= TOLERANCE, (question, check)
            located += 1
        answered += located > 0
    assert answered >= 20


def test_json_answer_carries_page_and_bbox_of_pdf_figures(pdf_archive):
    answer = pdf_archive.assistant.ask("2023年教育局部门整体预算执行率是多少？")
    data = answer_to_json(answer)
    pdf_checks = [c for c in data["figure_checks"] if c["bbox"] is not None]
    assert pdf_checks and all(isinstance(c["page"], int) and len(c["bbox"]) == 4 for c in pdf_checks)
    assert set(data["figure_checks"][0]) >= {"figure", "cited", "verified", "found_in", "page", "bbox"}


def test_figure_check_fields_default_to_no_place():
    check = FigureCheck("99.99%", (1,), True, 1)
    assert check.page is None and check.bbox is None
