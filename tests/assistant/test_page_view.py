"""The cited place in the original: PDF page images with the figure boxed, DOCX passages in their section,
audit findings on their page, and comparison charts built from the answer's cited figures."""

from __future__ import annotations

import time
from dataclasses import replace

from assistant.audit import audit_document
from assistant.charts import chart_for
from assistant.page_view import SCALE, citation_view, finding_view

COMPARISON = "2022年和2023年教育局部门整体自评得分分别是多少？"


def _red(pixel: tuple[int, int, int]) -> bool:
    r, g, b = pixel[:3]
    return r > 170 and g < 110 and b < 110


def test_cited_page_shows_the_figure_boxed_in_under_a_second(pdf_archive):
    assistant = pdf_archive.assistant
    answer = assistant.ask("2023年教育局部门整体预算执行率是多少？")
    check = next(c for c in answer.figure_checks if c.bbox is not None and c.figure.endswith("%"))
    citation = next(c for c in answer.citations if c.marker == check.found_in)

    started = time.perf_counter()
    view = citation_view(assistant.locator, citation, [check.figure])
    first = time.perf_counter() - started
    started = time.perf_counter()
    citation_view(assistant.locator, citation, [check.figure])
    again = time.perf_counter() - started
    assert first < 1.0 and again < 1.0, (first, again)

    assert view.page == check.page and view.image is not None and check.figure in view.caption
    x0, top, x1, bottom = check.bbox
    middle = int((top + bottom) / 2 * SCALE)
    # The red box's left and right edges stand just outside the figure's characters.
    assert any(_red(view.image.getpixel((x, middle))) for x in range(int((x0 - 3) * SCALE), int(x0 * SCALE)))
    assert any(_red(view.image.getpixel((x, middle))) for x in range(int(x1 * SCALE), int((x1 + 3) * SCALE)))
    assert not _red(view.image.getpixel((int((x0 + x1) / 2 * SCALE), middle)))  # the figure itself stays legible


def test_docx_passage_is_shown_in_its_section_with_the_same_marks(pdf_archive):
    assistant = pdf_archive.assistant
    answer = assistant.ask("2023年民政局部门整体预算执行率是多少？")
    citation = next(c for c in answer.retrieved if c.source.endswith(".docx") and "%" in c.passage)
    sentence = next(s for s in citation.passage.split("。") if "%" in s) + "。"
    figure = sentence[sentence.rindex("为") + 1 : sentence.rindex("%") + 1]
    view = citation_view(assistant.locator, replace(citation, quotes=(sentence,)), [figure])
    assert view.image is None and citation.section.split(" > ")[-1] in view.html
    assert f"<mark class='figure'>{figure}</mark>" in view.html and "<span class='band'>" in view.html


def test_audit_finding_opens_on_its_page_with_its_figures_boxed(pdf_archive):
    assistant = pdf_archive.assistant
    document = next(d for d in assistant.index.documents().values() if d.source.endswith("edu_2023_dept.pdf"))
    parsed = assistant.parsed(document.doc_id)
    check = audit_document(parsed)[0]
    view = finding_view(assistant.locator, parsed, check)
    assert view.image is not None and view.page == check.stated.page
    marks = {f.figure: f for f in view.region.figures}
    assert check.stated.text in marks and marks[check.stated.text].page == check.stated.page


def test_comparison_answer_charts_each_cited_figure_with_its_citation(pdf_archive):
    assistant = pdf_archive.assistant
    answer = assistant.ask(COMPARISON)
    chart = chart_for(answer, assistant.index.documents())
    assert chart is not None and chart.unit == "分"
    assert [b.category for b in chart.bars] == ["2022年", "2023年"]
    figures = {c.figure: c for c in answer.figure_checks if c.verified}
    for bar in chart.bars:
        check = figures[bar.figure]
        citation = next(c for c in answer.citations if c.marker == check.found_in)
        assert bar.citation.startswith(f"[{citation.marker}]《{citation.title}》")
        assert bar.value == float(bar.figure.rstrip("分"))
    frame = chart.frame()
    assert list(frame.columns) == ["对象", "数值", "指标", "数字", "出处"] and len(frame) == 2


def test_a_plain_answer_has_no_chart(pdf_archive):
    answer = pdf_archive.assistant.ask("2023年教育局部门整体预算执行率是多少？")
    assert chart_for(answer, pdf_archive.assistant.index.documents()) is None
