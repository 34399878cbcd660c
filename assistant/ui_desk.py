"""The auditor's desk in the UI: the cited page beside the chat (click a source or a checked figure),
the chart of a comparison answer, working papers to download, and the same page view for an
audit finding (核对) and for any page of a report (文档).

A click on a citation link in the chat or the audit list (ui_format.cite_link, "#perfqa-finding-N")
reaches the server through one small gr.HTML component whose script listens for those links and
triggers its own "cite" / "finding" events; the links carry only indices into the session's state.
"""

from __future__ import annotations

import html
import logging
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import gradio as gr
from PIL import Image

from assistant.audit import audit_document
from assistant.charts import COLUMNS, chart_for
from assistant.export import AuditedReport, Turn, audit_docx, audit_xlsx, conversation_docx, conversation_xlsx
from assistant.locate import is_pdf
from assistant.page_view import PageView, citation_view, finding_view, page_count, render_page
from assistant.service import Assistant
from ingest.models import IngestError

logger = logging.getLogger(__name__)

# Capture phase: the link never navigates and a <summary> around it does not toggle.
LINK_SCRIPT = """
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="#perfqa-cite-"], a[href^="#perfqa-finding-"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const key = link.getAttribute('href');
  if (key.startsWith('#perfqa-cite-')) trigger('cite', {key: key.slice('#perfqa-cite-'.length)});
  else trigger('finding', {key: key.slice('#perfqa-finding-'.length)});
}, true);
"""
NO_VIEW = "<p><small>点击回答中的出处或已核实的数字，在这里查看原文页面。</small></p>"


@dataclass(frozen=True)
class ViewPanel:
    """A caption, the page image (PDF) and the passage in its section (DOCX/TXT)."""

    caption: gr.HTML
    image: gr.Image
    passage: gr.HTML

    @property
    def outputs(self) -> list[Any]:
        return [self.caption, self.image, self.passage]


def view_panel(name: str) -> ViewPanel:
    caption = gr.HTML(NO_VIEW if name == "chat" else "", elem_id=f"{name}-view-caption")
    image = gr.Image(
        label="原文页面", type="pil", interactive=False, visible=False, elem_id=f"{name}-page-image", height=760
    )
    passage = gr.HTML(elem_id=f"{name}-passage-view")
    return ViewPanel(caption, image, passage)


def shown(view: PageView, seconds: float) -> tuple[Any, Any, str]:
    """Panel updates for a view; the caption says how long the view took (the page view aims at < 1 s)."""
    caption = f"<p>{html.escape(view.caption)} <small>（{seconds:.2f} 秒）</small></p>"
    if view.image is not None:
        return caption, gr.Image(value=view.image, visible=True), ""
    return caption, gr.Image(value=None, visible=False), view.html


class AnswerTraffic:
    """Answers being worked out right now. The desk's chart and papers wait for a quiet moment (at most
    `patience_s`), so with many chats at once the CPU goes to answers first and papers follow."""

    def __init__(self, patience_s: float = 2.0) -> None:
        self.patience_s = patience_s
        self._answering = 0
        self._quiet = threading.Condition()

    @contextmanager
    def answering(self) -> Iterator[None]:
        with self._quiet:
            self._answering += 1
        try:
            yield
        finally:
            with self._quiet:
                self._answering -= 1
                self._quiet.notify_all()

    def wait_quiet(self) -> None:
        with self._quiet:
            self._quiet.wait_for(lambda: self._answering == 0, timeout=self.patience_s)


@dataclass(frozen=True)
class ChatDesk:
    view: ViewPanel
    chart: gr.BarPlot
    xlsx: gr.DownloadButton
    docx: gr.DownloadButton

    @property
    def outputs(self) -> list[Any]:
        """What desk_outputs fills."""
        return [self.chart, self.xlsx, self.docx]


def chat_desk() -> ChatDesk:
    """Beside the chat: the cited page, the comparison chart, the conversation's working papers."""
    view = view_panel("chat")
    chart = gr.BarPlot(
        x=COLUMNS[0], y=COLUMNS[1], tooltip=list(COLUMNS[2:]), visible=False, elem_id="answer-chart", label="对比"
    )
    with gr.Row():
        xlsx = gr.DownloadButton("导出对话（Excel）", visible=False, elem_id="export-chat-xlsx", size="sm")
        docx = gr.DownloadButton("导出对话（Word）", visible=False, elem_id="export-chat-docx", size="sm")
    return ChatDesk(view, chart, xlsx, docx)


@dataclass(frozen=True)
class AuditDesk:
    xlsx: gr.DownloadButton
    docx: gr.DownloadButton


def audit_desk() -> AuditDesk:
    """The audit's working papers (the finding's page view is a separate panel beside the list)."""
    with gr.Row():
        xlsx = gr.DownloadButton("导出核对（Excel）", visible=False, elem_id="export-audit-xlsx", size="sm")
        docx = gr.DownloadButton("导出核对（Word）", visible=False, elem_id="export-audit-docx", size="sm")
    return AuditDesk(xlsx, docx)


@dataclass(frozen=True)
class DocumentDesk:
    page: gr.Number
    show: gr.Button
    view: ViewPanel


def document_desk() -> DocumentDesk:
    with gr.Row():
        page = gr.Number(label="页码", value=1, precision=0, minimum=1, scale=1, elem_id="document-page")
        show = gr.Button("查看原文", scale=1, elem_id="document-show")
    return DocumentDesk(page, show, view_panel("document"))


def _papers_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="perfqa-papers-"))


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def conversation_papers(turns: list[Turn]) -> tuple[Any, Any]:
    """Download buttons holding the conversation so far as Excel and Word working papers."""
    if not turns:
        return gr.DownloadButton(visible=False), gr.DownloadButton(visible=False)
    folder = _papers_dir()
    xlsx = conversation_xlsx(turns, folder / f"问答底稿-{_stamp()}.xlsx")
    docx = conversation_docx(turns, folder / f"问答底稿-{_stamp()}.docx")
    return gr.DownloadButton(value=str(xlsx), visible=True), gr.DownloadButton(value=str(docx), visible=True)


def desk_outputs(assistant: Assistant, turns: list[Turn]) -> tuple[Any, Any, Any]:
    """The chat desk after an answer: its chart, then the conversation's papers (Excel, Word)."""
    return (answer_chart(assistant, turns), *conversation_papers(turns))


def answer_chart(assistant: Assistant, turns: list[Turn]) -> Any:
    """The last answer's chart, or the chart hidden when that answer compares nothing."""
    chart = chart_for(turns[-1].answer, assistant.index.documents()) if turns else None
    if chart is None:
        return gr.BarPlot(visible=False)
    several = len({b.series for b in chart.bars}) > 1
    return gr.BarPlot(
        value=chart.frame(),
        color=COLUMNS[2] if several else None,
        y_title=f"数值（{chart.unit}）",
        y_lim=[0, max(b.value for b in chart.bars) * 1.1],  # bars start at zero: no exaggerated differences
        title=chart.title,
        visible=True,
    )


def cited_view(assistant: Assistant, turns: list[Turn], key: str) -> PageView | None:
    """The view for a chat link "turn-marker[-figure]": the citation's page, the figure (or all its figures) boxed."""
    parts = key.split("-", 2)
    try:
        turn, marker = int(parts[0]), int(parts[1])
        answer = turns[turn].answer
    except (ValueError, IndexError):
        return None
    citation = next((c for c in answer.citations if c.marker == marker), None)
    if citation is None:
        return None
    if len(parts) == 3:
        figures = [unquote(parts[2])]
    else:
        figures = [c.figure for c in answer.figure_checks if c.verified and c.found_in == marker]
    return citation_view(assistant.locator, citation, figures)


def document_view(assistant: Assistant, doc_id: str | None, page: float | None) -> PageView:
    """Any page of a report as filed (PDF), or the report's text (DOCX/TXT), unmarked."""
    document = assistant.index.documents().get(doc_id or "")
    if document is None:
        return PageView("请先选择文档。")
    if not Path(document.source).exists():
        return PageView(f"《{document.title}》：源文件已不在原位置，请重新导入。")
    if is_pdf(document.source):
        pages = page_count(document.source)
        number = min(max(int(page or 1), 1), pages)
        image: Image.Image = render_page(document.source, number)
        return PageView(f"《{document.title}》 · 第{number}页 / 共{pages}页", image=image, page=number)
    try:
        text = assistant.parsed(document.doc_id).normalized.text
    except (KeyError, IngestError) as error:
        return PageView(f"无法读取：{error}")
    body = html.escape(text).replace("\n", "<br>")
    return PageView(f"《{document.title}》 · 全文", html=f"<div style='max-height:760px;overflow:auto'>{body}</div>")


def wire(
    assistant: Assistant,
    bridge: gr.HTML,
    answered: Any,
    turns: gr.State,
    chat: ChatDesk,
    audit: AuditDesk,
    audit_view: ViewPanel,
    audited: gr.Dropdown,
    audit_run: gr.Button,
    documents: DocumentDesk,
    managed: gr.Dropdown,
    traffic: AnswerTraffic | None = None,
) -> None:
    """Connect the desks: each answer to its chart and papers, link clicks to page views, audit runs to
    papers, a chosen document to its pages. `answered` is the chat's submit event; `traffic` counts the
    answers in progress, which the papers let go first."""
    private = {"api_visibility": "private"}
    traffic = traffic or AnswerTraffic(patience_s=0)

    def after_answer(turns_so_far: list[Turn]) -> tuple[Any, Any, Any]:
        traffic.wait_quiet()
        return desk_outputs(assistant, turns_so_far)

    def on_cite(turns_so_far: list[Turn], event: gr.EventData) -> tuple[Any, Any, str]:
        started = time.perf_counter()
        view = cited_view(assistant, turns_so_far, str(event.key))
        if view is None:
            return "<p>这条出处已不在本次对话中。</p>", gr.Image(visible=False), ""
        return shown(view, time.perf_counter() - started)

    def on_finding(doc_id: str | None, event: gr.EventData) -> tuple[Any, Any, str]:
        started = time.perf_counter()
        try:
            parsed = assistant.parsed(doc_id or "")
            check = audit_document(parsed)[int(event.key)]
        except (KeyError, IngestError, ValueError, IndexError) as error:
            return f"<p>无法显示：{html.escape(str(error))}</p>", gr.Image(visible=False), ""
        return shown(finding_view(assistant.locator, parsed, check), time.perf_counter() - started)

    def audit_papers(doc_id: str | None) -> tuple[Any, Any]:
        hidden = gr.DownloadButton(visible=False), gr.DownloadButton(visible=False)
        try:
            parsed = assistant.parsed(doc_id or "")
        except (KeyError, IngestError):
            return hidden
        reports = [AuditedReport(parsed.info.title, parsed.info.source, audit_document(parsed))]
        folder = _papers_dir()
        xlsx = audit_xlsx(reports, folder / f"核对底稿-{_stamp()}.xlsx")
        docx = audit_docx(reports, folder / f"核对底稿-{_stamp()}.docx")
        return gr.DownloadButton(value=str(xlsx), visible=True), gr.DownloadButton(value=str(docx), visible=True)

    def on_document(doc_id: str | None, page: float | None) -> tuple[Any, Any, str]:
        started = time.perf_counter()
        return shown(document_view(assistant, doc_id, page), time.perf_counter() - started)

    # Chart and papers after the answer is shown, one at a time in their own queue: many chats at once
    # get their answers first, not a share of the CPU writing Excel and Word files.
    answered.then(after_answer, turns, chat.outputs, concurrency_id="desk", concurrency_limit=1, **private)
    bridge.cite(on_cite, turns, chat.view.outputs, **private)
    bridge.finding(on_finding, audited, audit_view.outputs, **private)
    audit_run.click(audit_papers, audited, [audit.xlsx, audit.docx], **private)
    documents.show.click(on_document, [managed, documents.page], documents.view.outputs, **private)
    managed.change(lambda doc_id: on_document(doc_id, 1), managed, documents.view.outputs, **private)
