"""The auditor's desk in the UI: the cited page beside the chat (click a source or a checked figure),
the chart of a comparison answer, working papers to download, and the same page view for an
audit finding (核对) and for any page of a report (文档).

The chat's working papers are written when their button is clicked, not after every answer: writing an
Excel and a Word file costs more CPU than answering, and with many chats at once that CPU is the answers'.

A click on a citation link in the chat or the audit list (ui_format.cite_link, "#perfqa-finding-N")
reaches the server through one small gr.HTML component whose script listens for those links and
triggers its own "cite" / "finding" events; the links carry only indices into the session's state.
"""

from __future__ import annotations

import html
import logging
import tempfile
import time
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


@dataclass(frozen=True)
class ChatDesk:
    view: ViewPanel
    chart: gr.BarPlot
    xlsx: gr.Button  # writes the paper into xlsx_file, whose download the page then starts
    docx: gr.Button
    xlsx_file: gr.DownloadButton  # in the page but never seen
    docx_file: gr.DownloadButton

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
        xlsx = gr.Button("导出对话（Excel）", visible=False, elem_id="export-chat-xlsx", size="sm")
        docx = gr.Button("导出对话（Word）", visible=False, elem_id="export-chat-docx", size="sm")
        # "hidden": kept in the page (a script clicks them), unlike visible=False
        xlsx_file = gr.DownloadButton(visible="hidden", elem_id="export-chat-xlsx-file")
        docx_file = gr.DownloadButton(visible="hidden", elem_id="export-chat-docx-file")
    return ChatDesk(view, chart, xlsx, docx, xlsx_file, docx_file)


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


def conversation_paper(turns: list[Turn], kind: str) -> str | None:
    """The conversation so far as one working paper, `kind` "xlsx" (Excel) or "docx" (Word); its path."""
    if not turns:
        return None
    write = conversation_xlsx if kind == "xlsx" else conversation_docx
    return str(write(turns, _papers_dir() / f"问答底稿-{_stamp()}.{kind}"))


def desk_outputs(assistant: Assistant, turns: list[Turn]) -> tuple[Any, Any, Any]:
    """The chat desk after an answer: its chart, and the export buttons shown once there is a turn.

    Cheap (no file is written here), so an answer returns it with the chat message, in one event."""
    exportable = gr.update(visible=bool(turns))
    return answer_chart(assistant, turns), exportable, exportable


def answer_chart(assistant: Assistant, turns: list[Turn]) -> Any:
    """The last answer's chart, or the chart hidden when that answer compares nothing."""
    chart = chart_for(turns[-1].answer, assistant.index.documents()) if turns else None
    if chart is None:
        return gr.update(visible=False)
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
    turns: gr.State,
    chat: ChatDesk,
    audit: AuditDesk,
    audit_view: ViewPanel,
    audited: gr.Dropdown,
    audit_run: gr.Button,
    documents: DocumentDesk,
    managed: gr.Dropdown,
) -> None:
    """Connect the desks: the export buttons to the conversation's papers, link clicks to page views,
    audit runs to papers, a chosen document to its pages. (An answer fills the chart itself: desk_outputs.)"""
    private = {"api_visibility": "private"}

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

    # A paper is written on its button's click, then the page clicks the hidden download button that holds it.
    for button, file, kind in ((chat.xlsx, chat.xlsx_file, "xlsx"), (chat.docx, chat.docx_file, "docx")):
        button.click(lambda t, kind=kind: conversation_paper(t, kind), turns, file, **private).success(
            None, js=f"() => document.querySelector('#{file.elem_id}').click()", **private
        )
    bridge.cite(on_cite, turns, chat.view.outputs, **private)
    bridge.finding(on_finding, audited, audit_view.outputs, **private)
    audit_run.click(audit_papers, audited, [audit.xlsx, audit.docx], **private)
    documents.show.click(on_document, [managed, documents.page], documents.view.outputs, **private)
    managed.change(lambda doc_id: on_document(doc_id, 1), managed, documents.view.outputs, **private)
