"""Gradio chat UI: answers with numbered sources, the cited figures highlighted in each passage.

The index is built from the corpus folder in a background thread on start; until it is ready the
status line says so and questions get a clear notice. The same answer is served to programs at
the API endpoint "/ask" (gradio_client).
"""

from __future__ import annotations

import html
import logging
import threading
from typing import Any

import gradio as gr

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck, audit_document
from assistant.figure_table import extract_figures
from assistant.figures import contains_figure, find_figures
from assistant.render import FIGURE_COLUMNS, answer_to_json, citation_heading, figure_rows
from assistant.service import Assistant
from ingest.models import IngestError
from ingest.settings import Settings

logger = logging.getLogger(__name__)

EXAMPLES = [
    "去年就业补助资金执行率多少？",
    "2023年部门整体总收入是多少？",
    "城镇新增就业完成了多少人，完成率多少？",
    "人社局有哪些主要问题？",
]


class IndexState:
    """What the UI says about the index while it is being built."""

    def __init__(self) -> None:
        self.ready = False
        self.message = "正在加载模型和索引…"
        self.lock = threading.Lock()

    def set(self, ready: bool, message: str) -> None:
        with self.lock:
            self.ready, self.message = ready, message


def highlight_figures(passage: str, figures: list[str], quotes: tuple[str, ...] = ()) -> str:
    """Escape the passage; underline the quoted sentences and mark the cited figures inside them.

    Without quotes (a passage shown for reference) no figure is marked.
    """
    spans = []
    for quote in quotes:
        start = passage.find(quote)
        if start >= 0:
            spans.append((start, start + len(quote)))
    events: list[tuple[int, int, str]] = []
    for start, end in spans:
        events += [(start, 1, "<u>"), (end, 0, "</u>")]
        for match in find_figures(passage[start:end]):
            if any(contains_figure(match.group(0), f) and contains_figure(f, match.group(0)) for f in figures):
                events += [(start + match.start(), 2, "<mark>"), (start + match.end(), -1, "</mark>")]
    out, position = [], 0
    for index, _, tag in sorted(events):
        out.append(html.escape(passage[position:index]))
        out.append(tag)
        position = index
    out.append(html.escape(passage[position:]))
    return "".join(out).replace("\n", "<br>")


def _source_block(citation: Citation, figures: list[str], label: str) -> str:
    body = highlight_figures(citation.passage, figures, citation.quotes)
    return (
        f"<details><summary>{html.escape(label)} {html.escape(citation_heading(citation))}</summary>"
        f"<blockquote>{body}</blockquote></details>"
    )


def format_answer(answer: Answer) -> str:
    """The chat message: answer, figure check, then each source with its figures highlighted."""
    parts = [html.escape(answer.text)]
    if answer.figure_checks:
        checks = "，".join(
            f"{html.escape(c.figure)} {'✓' if c.verified else '✗ 未在引文中找到'}" for c in answer.figure_checks
        )
        parts.append(f"<br><small>数字核对：{checks}</small>")
    figures_by_marker: dict[int, list[str]] = {}
    for check in answer.figure_checks:
        if check.found_in is not None:
            figures_by_marker.setdefault(check.found_in, []).append(check.figure)
    for citation in answer.citations:
        parts.append(_source_block(citation, figures_by_marker.get(citation.marker, []), f"[{citation.marker}]"))
    if answer.refused and answer.related:
        parts.append("<br><small>最接近的段落（仅供参考，未作为答案）：</small>")
        parts.extend(_source_block(c, [], "·") for c in answer.related[:3])
    return "\n".join(parts)


def build_app(assistant: Assistant, state: IndexState) -> gr.Blocks:
    def respond(question: str, history: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
        question = (question or "").strip()
        if not question:
            return "", history
        if not state.ready:
            reply = f"索引尚未就绪：{state.message}。请稍候再问。"
        elif not assistant.index.documents():
            reply = "索引为空：请把报告放入 corpus/ 文件夹，或运行 python -m ingest 文件路径。"
        else:
            reply = format_answer(assistant.ask(question))
        return "", [*history, {"role": "user", "content": question}, {"role": "assistant", "content": reply}]

    def ask_api(question: str) -> dict[str, Any]:
        if not state.ready:
            return {"error": f"索引尚未就绪：{state.message}"}
        return answer_to_json(assistant.ask(question))

    def document_choices() -> gr.Dropdown:
        documents = assistant.index.documents().values() if state.ready else []
        choices = [(f"{d.title}（{d.doc_id[:8]}）", d.doc_id) for d in documents]
        return gr.Dropdown(choices=choices, value=choices[0][1] if choices else None)

    def run_audit(doc_id: str | None) -> tuple[str, list[list[Any]]]:
        if not doc_id:
            return "请先选择一份报告（索引就绪后点“刷新文档列表”）。", []
        try:
            parsed = assistant.parsed(doc_id)
        except (KeyError, IngestError) as error:
            return f"无法核对：{html.escape(str(error))}", []
        checks = audit_document(parsed)
        return format_audit(checks), figure_rows(extract_figures(parsed), parsed.info.title)

    with gr.Blocks(title="绩效问答") as app:
        gr.Markdown("## 绩效问答 · 预算绩效报告助手\n每个回答都附出处；答案中的数字逐一与引文核对。")
        status = gr.Markdown(state.message, elem_id="index-status")
        with gr.Tab("问答"):
            chatbot = gr.Chatbot(height=520, label="对话", elem_id="chat")
            question = gr.Textbox(placeholder="例如：去年就业补助资金执行率多少？", label="问题", elem_id="question")
            gr.Examples(EXAMPLES, inputs=question, label="示例问题")
        with gr.Tab("核对", elem_id="audit-tab"):
            with gr.Row():
                document = gr.Dropdown(label="报告", choices=[], elem_id="audit-doc", scale=4)
                refresh = gr.Button("刷新文档列表", scale=1)
                audit_button = gr.Button("核对", variant="primary", scale=1, elem_id="audit-run")
            checks_view = gr.HTML(elem_id="audit-checks")
            table = gr.Dataframe(headers=list(FIGURE_COLUMNS), label="报告中的全部数字", wrap=True)
        question.submit(respond, [question, chatbot], [question, chatbot], api_visibility="private")
        gr.Timer(1.0).tick(lambda: state.message, outputs=status, api_visibility="private")
        refresh.click(document_choices, outputs=document, api_visibility="private")
        app.load(document_choices, outputs=document, api_visibility="private")
        audit_button.click(run_audit, document, [checks_view, table], api_visibility="private")
        gr.api(ask_api, api_name="ask")
    return app


def format_audit(checks: list[AuditCheck]) -> str:
    """Checks as expandable rows, inconsistent first, each with its source sentence highlighted."""
    if not checks:
        return "<p>报告中没有可以复算的比率或合计（原文没有把相关数字联系起来的表述）。</p>"
    rows = []
    for check in checks:
        stated = check.stated
        figures = [f.text for f in (*check.sources, stated)]
        sentences = tuple(dict.fromkeys(f.sentence for f in (*check.sources, stated)))
        source = "<br>".join(highlight_figures(s, figures, (s,)) for s in sentences)
        page = f" · 第{stated.page}页" if stated.page else ""
        rows.append(
            f"<details class='audit-{check.verdict.value}'><summary><b>[{VERDICT_LABELS[check.verdict]}]</b> "
            f"{html.escape(check.formula)}：报告 {html.escape(stated.text)}，复算 {check.recomputed:.4f}{stated.unit}，"
            f"差 {check.difference:+.4f}</summary>"
            f"<p>依据：{html.escape(check.tied_by)} · {html.escape(stated.section)}{page} · "
            f"原文字符 {stated.raw_start}-{stated.raw_end}</p><blockquote>{source}</blockquote></details>"
        )
    return "\n".join(rows)


def _build_index(assistant: Assistant, state: IndexState) -> None:
    try:
        state.set(False, "正在根据 corpus/ 建立索引（首次启动需要几十秒，进度见终端）…")
        report = assistant.sync_corpus()
        documents = assistant.index.documents()
        assistant.ask("预热")  # load the BM25 index and warm the model before the first user
        failed = f"；{len(report.failed)} 份失败：" + "；".join(str(e) for e in report.failed) if report.failed else ""
        state.set(True, f"索引就绪：{len(documents)} 份报告{failed}")
    except Exception as exc:  # shown to the user instead of a silent dead UI
        logger.exception("building the index failed")
        state.set(False, f"建立索引失败：{exc}")


def serve(host: str | None = None, port: int | None = None, settings: Settings | None = None) -> None:
    settings = settings or Settings()
    assistant = Assistant(settings)
    state = IndexState()
    threading.Thread(target=_build_index, args=(assistant, state), daemon=True).start()
    app = build_app(assistant, state)
    app.queue().launch(server_name=host or settings.ui.host, server_port=port or settings.ui.port, show_error=False)
