"""The chat UI: the Gradio API through gradio_client, and the page in a real headless Chromium."""

import os
import shutil
import socket
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.ui import IndexState, build_app
from assistant.ui_format import format_answer, highlight_figures
from tests.conftest import SMALL_REPORT

CHROMIUM = shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def ui_url(corpus_assistant):
    state = IndexState()
    state.set(True, "索引就绪：1 份报告")
    app = build_app(corpus_assistant, state)
    port = _free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_highlight_marks_the_cited_figure_inside_the_quoted_sentence_only():
    passage = "执行率为99.99%，得分100分。<b>\n另一句执行率为99.99%。"
    marked = highlight_figures(passage, ["99.99%"], ("执行率为99.99%，得分100分。",))
    assert marked == "<u>执行率为<mark>99.99%</mark>，得分100分。</u>&lt;b&gt;<br>另一句执行率为99.99%。"


def test_answer_message_shows_sources_and_checks(corpus_assistant):
    message = format_answer(corpus_assistant.ask("市就业补助资金执行率多少？"))
    assert "数字核对" in message and "<mark>99.99%</mark>" in message and "1.市就业补助资金" in message


def test_gradio_api_answers_with_citations(ui_url):
    result = Client(ui_url, verbose=False).predict("城镇新增就业完成了多少人？", api_name="/ask")
    assert "13,581人" in result["text"] and result["all_figures_verified"]
    assert result["citations"][0]["title"].startswith("广州市花都区人力资源和社会保障局")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)")
def test_chat_audit_and_upload_in_a_real_browser(ui_url, corpus_assistant, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],  # Playwright gives every launch a fresh, temporary user-data-dir itself.
        )
        page = browser.new_page(viewport={"width": 1200, "height": 1000})
        page.goto(ui_url)
        page.locator("#question textarea").fill("去年就业补助资金执行率多少？")
        page.locator("#question textarea").press("Enter")
        page.locator("#chat details summary").first.wait_for(timeout=30000)
        assert "99.99%" in page.locator("#chat").inner_text()
        page.locator("#chat details summary").first.click()
        assert "99.99%" in page.locator("#chat mark").all_inner_texts()
        shot_dir = Path(os.environ.get("PERFQA_SCREENSHOT_DIR", tmp_path))
        page.screenshot(path=str(shot_dir / "chat.png"), full_page=True)

        page.get_by_role("tab", name="核对").click()
        page.locator("#audit-run").click()
        page.locator("#audit-checks details").first.wait_for(timeout=30000)
        assert "[尾差]" in page.locator("#audit-checks").inner_text()
        page.locator("#audit-checks details summary").first.click()
        page.screenshot(path=str(shot_dir / "audit.png"), full_page=True)

        page.get_by_role("tab", name="文档").click()
        upload = tmp_path / "uploaded_report.txt"
        upload.write_bytes(SMALL_REPORT.encode("gbk"))
        page.locator("#upload input[type=file]").set_input_files(str(upload))
        page.locator("#upload-run").click()
        page.get_by_text("新增 1 份").wait_for(timeout=60000)
        page.get_by_text("广州市示例区测试局", exact=True).first.wait_for(timeout=10000)
        page.screenshot(path=str(shot_dir / "documents.png"), full_page=True)
        uploaded = [d for d in corpus_assistant.index.documents().values() if d.department == "广州市示例区测试局"]
        assert len(uploaded) == 1
        corpus_assistant.delete(uploaded[0].doc_id)  # the session index is shared: leave it as found
        browser.close()
    assert (shot_dir / "chat.png").stat().st_size > 10000 and (shot_dir / "audit.png").stat().st_size > 10000


def test_a_failed_model_figure_is_struck_through_and_the_extractive_answer_shown(corpus_assistant):
    from dataclasses import replace

    from assistant.figures import check_figures

    extractive = corpus_assistant.ask("市就业补助资金执行率多少？")
    text = "执行率为99.98%[1]。"
    checks = check_figures(text, {1: extractive.citations[0].passage})
    model = replace(extractive, text=text, figure_checks=checks, mode="llm", notice="注意", alternative=extractive)
    message = format_answer(model)
    assert "<del title='未在引文中找到'>99.98%</del>" in message and "摘录式回答" in message and "⚠ 注意" in message


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)")
def test_model_answer_replaces_the_extractive_one_in_a_real_browser(corpus_assistant):
    """The page starts the model's answer when the chat says one is due, and shows it in place of the first."""
    from playwright.sync_api import sync_playwright

    from assistant.service import Assistant
    from ingest.settings import LLMSettings
    from tests.fake_openai import FakeOpenAI, Reply

    with FakeOpenAI() as fake:
        fake.default = Reply("2023年区人社局部门整体总收入合计32,007.01万元[1]。")
        llm = LLMSettings(base_url=fake.base_url, model="fake-model", timeout_s=5, max_retries=0)
        assistant = Assistant(corpus_assistant.settings.model_copy(update={"llm": llm}), index=corpus_assistant.index)
        state = IndexState()
        state.set(True, "索引就绪")
        app = build_app(assistant, state)
        port = _free_port()
        app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/")
                page.locator("#question textarea").fill("2023年部门整体总收入是多少？")
                page.locator("#question textarea").press("Enter")
                page.locator("#chat", has_text="模型生成，已逐项核对引用").wait_for(timeout=30000)
                assert "模型正在作答" not in page.locator("#chat").inner_text() and len(fake.requests) == 1
                browser.close()
        finally:
            app.close()


def test_an_answer_shows_the_export_buttons_and_a_paper_is_written_only_on_click(corpus_assistant):
    from openpyxl import load_workbook

    from assistant.export import Turn
    from assistant.ui_desk import conversation_paper, desk_outputs

    question = "市就业补助资金执行率多少？"
    turns = [Turn(question, corpus_assistant.ask(question))]
    chart, xlsx, docx = desk_outputs(corpus_assistant, turns)
    assert chart["visible"] is False and xlsx == docx == {"__type__": "update", "visible": True}  # no file yet
    assert desk_outputs(corpus_assistant, [])[1]["visible"] is False  # a cleared chat has nothing to export
    paper = load_workbook(conversation_paper(turns, "xlsx"))
    assert any(question in str(row) for row in paper.worksheets[0].iter_rows(values_only=True))
    assert conversation_paper(turns, "docx").endswith(".docx") and conversation_paper([], "xlsx") is None
