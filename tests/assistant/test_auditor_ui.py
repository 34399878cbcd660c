"""The auditor's desk in a real headless Chromium: a citation opens its page with the figure boxed where
the figure is, working papers download and open, a comparison draws a chart, a finding opens its page."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image

from assistant.page_view import SCALE
from assistant.ui import IndexState, build_app
from tests.assistant.test_ui import _free_port

CHROMIUM = shutil.which("chromium")
COMPARISON = "2022年和2023年教育局部门整体自评得分分别是多少？"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def desk_url(pdf_archive):
    state = IndexState()
    state.set(True, "索引就绪")
    app = build_app(pdf_archive.assistant, state)
    port = _free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture(scope="module")
def page(desk_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
        page.goto(desk_url)
        yield page
        browser.close()


def _image(page, selector: str) -> Image.Image:
    source = page.locator(f"{selector} img").get_attribute("src")
    return Image.open(io.BytesIO(page.request.get(source).body())).convert("RGB")


def _red(pixel: tuple[int, int, int]) -> bool:
    return pixel[0] > 170 and pixel[1] < 110 and pixel[2] < 110


def _download(page, selector: str, target: Path) -> Path:
    with page.expect_download(timeout=20000) as download:
        page.locator(selector).click()
    download.value.save_as(target)
    return target


def test_citation_opens_the_page_with_the_figure_boxed_and_a_chart(page, pdf_archive, tmp_path: Path):
    expected = pdf_archive.assistant.ask(COMPARISON)
    check = next(c for c in expected.figure_checks if c.bbox is not None and c.figure.endswith("分"))
    citation = next(c for c in expected.citations if c.marker == check.found_in)

    page.locator("#question textarea").fill(COMPARISON)
    page.locator("#question textarea").press("Enter")
    page.locator("#chat a.perfqa-cite").first.wait_for(timeout=60000)
    page.locator("#answer-chart canvas, #answer-chart svg").first.wait_for(timeout=20000)

    started = time.perf_counter()
    page.locator("#chat a.perfqa-cite", has_text=check.figure).first.click()
    page.locator("#chat-page-image img").wait_for(timeout=10000)
    page.wait_for_function("() => document.querySelector('#chat-page-image img').complete")
    shown_after = time.perf_counter() - started
    caption = page.locator("#chat-view-caption").inner_text()
    assert f"第{check.page}页" in caption and check.figure in caption and citation.title in caption
    assert shown_after < 3.0  # click to image on screen, browser round trip included (server side < 1 s)

    # The box is drawn where pdfplumber has the figure's characters on that page.
    number = check.figure.rstrip("分")
    with pdfplumber.open(citation.source) as pdf:
        chars = pdf.pages[check.page - 1].search(number.replace(".", r"\."))[0]["chars"]
    x0, top, x1, bottom = check.bbox
    assert all(x0 - 0.05 <= c["x0"] and c["x1"] <= x1 + 0.05 and top - 0.05 <= c["top"] for c in chars)
    image = _image(page, "#chat-page-image")
    middle = int((top + bottom) / 2 * SCALE)
    assert any(_red(image.getpixel((x, middle))) for x in range(int((x0 - 3) * SCALE), int(x0 * SCALE) + 1))
    assert any(_red(image.getpixel((x, middle))) for x in range(int(x1 * SCALE), int((x1 + 3) * SCALE) + 1))
    shot_dir = Path(os.environ.get("PERFQA_SCREENSHOT_DIR", tmp_path))
    page.screenshot(path=str(shot_dir / "page_view.png"), full_page=True)

    xlsx = load_workbook(_download(page, "#export-chat-xlsx", tmp_path / "chat.xlsx"))
    rows = list(xlsx["引文"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[5], r[6]) for r in rows] == [
        (f"[{c.marker}]", c.title, c.raw_start, c.raw_end) for c in expected.citations
    ]
    text = "\n".join(
        p.text for p in Document(str(_download(page, "#export-chat-docx", tmp_path / "c.docx"))).paragraphs
    )
    assert COMPARISON in text and all(c.passage in text for c in expected.citations)


def test_audit_finding_opens_its_page_and_the_audit_downloads(page, tmp_path: Path):
    page.get_by_role("tab", name="核对").click()
    page.locator("#audit-doc input").click()
    page.get_by_role("option", name="教育局2023年", exact=False).first.click()
    page.locator("#audit-run").click()
    page.locator("#audit-checks details").first.wait_for(timeout=30000)
    page.locator("#audit-checks details summary").first.click()
    page.locator("#audit-checks a.perfqa-finding").first.click()
    page.locator("#audit-page-image img").wait_for(timeout=10000)
    assert "第" in page.locator("#audit-view-caption").inner_text()
    document = Document(str(_download(page, "#export-audit-docx", tmp_path / "audit.docx")))
    assert "核对工作底稿" in document.paragraphs[0].text
    shot_dir = Path(os.environ.get("PERFQA_SCREENSHOT_DIR", tmp_path))
    page.screenshot(path=str(shot_dir / "audit_page_view.png"), full_page=True)


def test_document_page_shows_a_page_of_the_report(page):
    page.get_by_role("tab", name="文档").click()
    page.locator("#managed-doc input").click()
    page.get_by_role("option", name="卫生健康局2023年", exact=False).first.click()
    page.locator("#document-page-image img").wait_for(timeout=10000)
    page.locator("#document-page input").fill("2")
    page.locator("#document-show").click()
    page.locator("#document-view-caption", has_text="第2页").wait_for(timeout=10000)
    assert page.locator("#document-page-image img").is_visible()
