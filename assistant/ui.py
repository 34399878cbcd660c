"""Gradio chat UI: answers with numbered sources, the cited figures highlighted in each passage.

The index is built from the corpus folder in a background thread on start; until it is ready the
status line says so and questions get a clear notice. The same answer is served to programs at
the API endpoint "/ask" (gradio_client).
"""

from __future__ import annotations

import html
import itertools
import logging
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import gradio as gr

from assistant import ui_desk
from assistant.audit import audit_document
from assistant.auth import AuthError, ChangeLog, PermissionDenied, Role, UserDirectory, check_binding
from assistant.export import Turn
from assistant.figure_table import extract_figures
from assistant.render import FIGURE_COLUMNS, answer_to_json, figure_rows
from assistant.service import Assistant, PendingModelAnswer
from assistant.ui_format import format_answer, format_audit
from ingest.archive import archive_path, with_archive_paths
from ingest.coordination import IndexUnavailableError
from ingest.models import IngestError
from ingest.settings import Settings, SettingsError, load_settings

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


EXTRACTIVE_MODE, MODEL_MODE = "extractive", "model"
ANSWER_MODES = [
    ("摘录式（即时，直接引用原文）", EXTRACTIVE_MODE),
    ("模型作答（先给摘录式回答，模型写完后替换）", MODEL_MODE),
]
NOTICE_MODEL_FAILED = "模型作答时出错，以下为摘录式回答。"
NOTICE_OVER_BUDGET = "模型未能在每题 {seconds} 秒的时间内答完，以下为摘录式回答。"
MODEL_WAITING = "<p><small>⏳ 模型正在作答（最多约 {seconds} 秒），先给出摘录式回答；模型写完后会替换这里。</small></p>"


@dataclass(frozen=True)
class PendingTurn:
    """A chat turn whose model answer is still to come: the job, and where its answer goes."""

    job: PendingModelAnswer
    turn: int  # index in turns (and in asked)
    message: int  # index of the assistant message in the chat


DOCUMENT_COLUMNS = ("doc_id", "标题", "部门", "地区", "年份", "类型", "页数", "段落数", "文件")


def document_rows(assistant: Assistant) -> list[list[Any]]:
    return [
        [
            d.doc_id[:12],
            d.title,
            d.department,
            d.district,
            d.year,
            d.report_type,
            d.pages,
            d.chunk_count,
            archive_path(d.source, assistant.settings),
        ]
        for d in assistant.index.documents().values()
    ]


def build_app(assistant: Assistant, state: IndexState, users: UserDirectory | None = None) -> gr.Blocks:
    # Every changing handler checks the caller's role here, on the server; hiding buttons is not enough.
    users = users or UserDirectory([])
    settings = assistant.settings
    changes = ChangeLog(assistant.settings.index.data_dir)

    def maintainer(request: gr.Request | None) -> str:
        return users.require(getattr(request, "username", None), Role.MAINTAINER)

    def respond(
        question: str,
        history: list[dict[str, Any]],
        asked: list[str],
        turns: list[Turn],
        departments: list[str],
        years: list[int],
        kinds: list[str],
        mode: str | None,
    ) -> tuple[Any, ...]:
        """The answer that never waits for a model (in model mode it says the model's answer is coming),
        with its chart and the export buttons: one event per question, nothing chained to it."""
        question = (question or "").strip()
        if not question:
            return "", history, asked, turns, None, gr.skip(), *[gr.skip()] * 3
        turn = [*history, {"role": "user", "content": question}]
        pending = None
        if not state.ready:
            reply = f"索引尚未就绪：{state.message}。请稍候再问。"
        elif not assistant.index.documents():
            reply = "索引为空：请在“文档”页上传报告，或把报告放入 corpus/ 文件夹。"
        elif (scope := assistant.select(departments or [], [int(y) for y in years or []], kinds or [])) == []:
            reply = "没有符合筛选条件的报告，请调整部门、年份或类型筛选。"
        else:
            use_model = (mode or MODEL_MODE) == MODEL_MODE
            answer, waiting = assistant.first_answer(question, scope, asked, use_model)
            asked = [*asked, answer.question]
            reply = format_answer(answer, turn=len(turns))  # its links open the cited page
            turns = [*turns, Turn(question, answer)]
            if waiting is not None:
                pending = PendingTurn(waiting, len(turns) - 1, len(turn))
                reply = MODEL_WAITING.format(seconds=f"{settings.llm.budget_s:g}") + reply
        # While the model writes, this chat takes no new question: its answer replaces this turn's message.
        box = gr.Textbox(value="", interactive=False) if pending is not None else ""
        # A new number starts the model's answer (model_due.change); an extractive chat fires no second event.
        due = next(model_jobs) if pending is not None else gr.skip()
        desk = ui_desk.desk_outputs(assistant, turns)
        return box, [*turn, {"role": "assistant", "content": reply}], asked, turns, pending, due, *desk

    model_calls: list[anyio.CapacityLimiter] = []  # made on first use, inside Gradio's event loop
    model_jobs = itertools.count(1)  # never repeats: a State change event fires only on a new value

    async def model_reply(
        history: list[dict[str, Any]], asked: list[str], turns: list[Turn], pending: PendingTurn | None
    ) -> AsyncIterator[tuple[Any, ...]]:
        """The model's words as they come, then its verified answer in place of the extractive one.

        Runs only when a model answer is due (model_due changes), queued nowhere (concurrency_id "model",
        no limit): a slow or hung model holds none of the slots or threads extractive answers use. The model calls
        themselves run in threads of their own, at most PERFQA_UI__MODEL_CONCURRENCY at a time; the rest
        wait without holding a thread. Each gives up within the question's budget.
        """
        if pending is None or pending.message >= len(history) or pending.turn >= len(turns):
            yield *[gr.skip()] * 3, None, *[gr.skip()] * 4
            return
        if not model_calls:
            model_calls.append(anyio.CapacityLimiter(settings.ui.model_concurrency))
        budget_s = f"{settings.llm.budget_s:g}"
        history = list(history)
        shown = history[pending.message]["content"]
        written = ""
        parts = assistant.model_answer(pending.job)
        # The budget holds in all, whatever the endpoint does (a stream that trickles, a wait for a free
        # model slot): at its end the chat keeps the extractive answer, with the reason.
        deadline = pending.job.started + settings.llm.budget_s
        while True:
            with anyio.move_on_after(deadline - time.perf_counter()) as budget:
                try:
                    part = await anyio.to_thread.run_sync(
                        next, parts, None, limiter=model_calls[0], abandon_on_cancel=True
                    )
                except Exception:  # never leave the chat waiting: the extractive answer stays, with a notice
                    logger.exception("the model answer failed")
                    part = replace(pending.job.extractive, notice=NOTICE_MODEL_FAILED)
            if budget.cancelled_caught:
                part = replace(pending.job.extractive, notice=NOTICE_OVER_BUDGET.format(seconds=budget_s))
            if part is None:
                break
            if isinstance(part, str):
                written += part
                history[pending.message] = {"role": "assistant", "content": html.escape(written) + " …"}
                yield history, *[gr.skip()] * 7
            else:
                # asked and turns grow together (respond), so one index finds the turn in both.
                turns = [*turns[: pending.turn], Turn(turns[pending.turn].asked, part), *turns[pending.turn + 1 :]]
                asked = [*asked[: pending.turn], part.question, *asked[pending.turn + 1 :]]
                shown = format_answer(part, turn=pending.turn)
                break  # the answer is always last
        history[pending.message] = {"role": "assistant", "content": shown}
        yield history, asked, turns, None, *ui_desk.desk_outputs(assistant, turns), gr.Textbox(interactive=True)

    def ask_api(question: str) -> dict[str, Any]:
        if not state.ready:
            return {"error": f"索引尚未就绪：{state.message}"}
        return with_archive_paths(answer_to_json(assistant.ask(question)), assistant.settings)  # no server paths

    def refresh() -> tuple[Any, ...]:
        documents = list(assistant.index.documents().values()) if state.ready else []
        if state.ready:
            state.set(True, f"索引就绪：{len(documents)} 份报告")
        choices = [(f"{d.title}（{d.doc_id[:8]}）", d.doc_id) for d in documents]
        first = choices[0][1] if choices else None
        return (
            gr.Dropdown(choices=choices, value=first),
            gr.Dropdown(choices=choices, value=first),
            document_rows(assistant) if state.ready else [],
            gr.Dropdown(choices=sorted({d.department for d in documents if d.department})),
            gr.Dropdown(choices=sorted({d.year for d in documents if d.year})),
            gr.Dropdown(choices=sorted({d.report_type for d in documents if d.report_type})),
            state.message,
        )

    def index_status() -> tuple[str, Any]:
        """The status line while the index is being built; then the page stops asking (刷新 updates it)."""
        return state.message, gr.Timer(active=not state.ready)

    # Gradio injects progress through this default (its documented pattern); tqdm bars of ingest show in the UI.
    def upload(
        files: list[str] | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(track_tqdm=True),  # noqa: B008
    ) -> str:
        try:
            user = maintainer(request)
        except PermissionDenied as denied:
            return html.escape(str(denied))
        if not state.ready:
            return f"索引尚未就绪：{state.message}"
        if not files:
            return "请先选择或拖入文件。"
        try:
            report = assistant.upload([Path(f) for f in files])
        except IndexUnavailableError as error:
            return f"无法导入：{html.escape(str(error))}"
        changes.record(user, "upload", "、".join(Path(f).name for f in files), report.summary())
        lines = [report.summary()] + [f"失败：{html.escape(str(e))}" for e in report.failed]
        return "<br>".join(lines)

    def delete(doc_id: str | None, request: gr.Request) -> str:
        try:
            user = maintainer(request)
        except PermissionDenied as denied:
            return html.escape(str(denied))
        if not doc_id:
            return "请先选择文档。"
        try:
            assistant.delete(doc_id)
        except IndexUnavailableError as error:
            return f"无法删除：{html.escape(str(error))}"
        changes.record(user, "delete", doc_id)
        return f"已删除 {doc_id[:12]}。"

    def reindex(doc_id: str | None, request: gr.Request) -> str:
        try:
            user = maintainer(request)
        except PermissionDenied as denied:
            return html.escape(str(denied))
        if not doc_id:
            return "请先选择文档。"
        try:
            summary = assistant.reindex(doc_id).summary()
        except (KeyError, IngestError, IndexUnavailableError) as error:
            return f"重新索引失败，原索引保持不变：{html.escape(str(error))}"
        changes.record(user, "reindex", doc_id, summary)
        return summary

    def replace_report(doc_id: str | None, file: str | None, request: gr.Request) -> str:
        try:
            user = maintainer(request)
        except PermissionDenied as denied:
            return html.escape(str(denied))
        if not doc_id or not file:
            return "请先选择要替换的文档，并选择新文件。"
        try:
            report = assistant.replace(doc_id, Path(file))
        except (KeyError, IndexUnavailableError) as error:
            return f"替换失败，原报告保持不变：{html.escape(str(error))}"
        changes.record(user, "replace", doc_id, f"{Path(file).name}：{report.summary()}")
        return "<br>".join(html.escape(line) for line in [report.summary(), *report.details()])

    def load_metadata(doc_id: str | None) -> tuple[str, int | None, str]:
        document = assistant.index.documents().get(doc_id or "")
        return (document.department, document.year, document.report_type) if document else ("", None, "")

    def save_metadata(doc_id: str | None, department: str, year: float | None, kind: str, request: gr.Request) -> str:
        try:
            user = maintainer(request)
        except PermissionDenied as denied:
            return html.escape(str(denied))
        if not doc_id:
            return "请先选择文档。"
        fields = {"department": department.strip(), "year": int(year) if year else None, "report_type": kind.strip()}
        try:
            assistant.index.update_metadata(doc_id, **fields)
        except (KeyError, IndexUnavailableError) as error:
            return f"元数据未保存：{html.escape(str(error))}"
        changes.record(user, "edit-metadata", doc_id, str(fields))
        return "元数据已保存。"

    def run_audit(doc_id: str | None) -> tuple[str, list[list[Any]]]:
        if not doc_id:
            return "请先选择一份报告（索引就绪后点“刷新”）。", []
        try:
            parsed = assistant.parsed(doc_id)
        except (KeyError, IngestError) as error:
            return f"无法核对：{html.escape(str(error))}", []
        checks = audit_document(parsed)
        return format_audit(checks), figure_rows(extract_figures(parsed), parsed.info.title)

    with gr.Blocks(title="绩效问答") as app:
        gr.Markdown("## 绩效问答 · 预算绩效报告助手\n每个回答都附出处；答案中的数字逐一与引文核对。")
        status = gr.Markdown(state.message, elem_id="index-status")
        refresh_button = gr.Button("刷新", size="sm", elem_id="refresh")
        links = gr.HTML("", js_on_load=ui_desk.LINK_SCRIPT, elem_id="perfqa-links")  # citation clicks -> page view
        with gr.Tab("问答"):
            with gr.Row():
                department_filter = gr.Dropdown(label="部门", multiselect=True, choices=[], elem_id="filter-dept")
                year_filter = gr.Dropdown(label="年份", multiselect=True, choices=[], elem_id="filter-year")
                kind_filter = gr.Dropdown(label="报告类型", multiselect=True, choices=[], elem_id="filter-kind")
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(height=520, label="对话", elem_id="chat")
                    asked = gr.State([])  # standalone questions so far, for follow-ups
                    turns = gr.State([])  # (question, Answer) so far: page views, chart, working papers
                    question = gr.Textbox(
                        placeholder="例如：去年就业补助资金执行率多少？", label="问题", elem_id="question"
                    )
                    # Only with a model configured; each chat chooses (the extractive answer never waits).
                    mode = gr.Radio(
                        ANSWER_MODES,
                        value=MODEL_MODE,
                        label="回答方式",
                        visible=assistant.has_model,
                        elem_id="answer-mode",
                    )
                    pending = gr.State(None)  # a model answer still to come (PendingTurn)
                    model_due = gr.State(0)  # changes when a model answer is due: only then model_reply runs
                    gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                with gr.Column(scale=2):
                    chat_desk = ui_desk.chat_desk()
        with gr.Tab("文档", elem_id="documents-tab"):
            files = gr.File(label="上传报告（PDF、DOCX、TXT，可拖放多个）", file_count="multiple", elem_id="upload")
            upload_button = gr.Button("导入", variant="primary", elem_id="upload-run")
            upload_result = gr.HTML(elem_id="upload-result")
            documents_table = gr.Dataframe(headers=list(DOCUMENT_COLUMNS), label="已索引的报告", elem_id="documents")
            with gr.Row():
                managed = gr.Dropdown(label="选择文档", choices=[], scale=4, elem_id="managed-doc")
                reindex_button = gr.Button("重新索引", scale=1)
                delete_button = gr.Button("删除", variant="stop", scale=1, elem_id="delete-doc")
            with gr.Row():  # replacing is explicit: a same-named upload is always a new report
                replacement = gr.File(label="用新文件替换所选文档（新版本出现时旧版本同时消失）", scale=4)
                replace_button = gr.Button("替换", scale=1, elem_id="replace-doc")
            with gr.Row():
                edit_department = gr.Textbox(label="部门", scale=3)
                edit_year = gr.Number(label="年份", precision=0, scale=1)
                edit_kind = gr.Textbox(label="报告类型", scale=2)
                save_button = gr.Button("保存元数据", scale=1)
            manage_result = gr.HTML()
            document_desk = ui_desk.document_desk()
        with gr.Tab("核对", elem_id="audit-tab"):
            with gr.Row():
                document = gr.Dropdown(label="报告", choices=[], elem_id="audit-doc", scale=4)
                audit_button = gr.Button("核对", variant="primary", scale=1, elem_id="audit-run")
            audit_desk = ui_desk.audit_desk()
            with gr.Row():
                checks_view = gr.HTML(elem_id="audit-checks")
                with gr.Column():
                    audit_view = ui_desk.view_panel("audit")
            table = gr.Dataframe(headers=list(FIGURE_COLUMNS), label="报告中的全部数字", wrap=True)

        refreshed = [document, managed, documents_table, department_filter, year_filter, kind_filter, status]
        private = {"api_visibility": "private"}
        # Extractive answers in one queue, model answers in another (own concurrency_id and limit), so
        # model calls never hold the slots extractive answers need.
        question.submit(
            respond,
            [question, chatbot, asked, turns, department_filter, year_filter, kind_filter, mode],
            [question, chatbot, asked, turns, pending, model_due, *chat_desk.outputs],
            concurrency_id="answer",
            concurrency_limit=settings.ui.concurrency,
            **private,
        )
        if assistant.has_model:
            model_due.change(
                model_reply,
                [chatbot, asked, turns, pending],
                [chatbot, asked, turns, pending, *chat_desk.outputs, question],
                concurrency_id="model",
                concurrency_limit=None,  # bounded inside (model_calls), where waiting holds no thread
                show_progress="hidden",  # the chat says the model is writing; nothing else waits on it
                **private,
            )
        cleared = [asked, turns, *chat_desk.outputs]  # a cleared chat has no chart and nothing to export
        chatbot.clear(lambda: ([], [], *ui_desk.desk_outputs(assistant, [])), outputs=cleared, **private)
        ui_desk.wire(
            assistant,
            links,
            turns,
            chat_desk,
            audit_desk,
            audit_view,
            document,
            audit_button,
            document_desk,
            managed,
        )
        # Polls only until the index is ready: fifty open pages would otherwise send fifty calls a second.
        status_timer = gr.Timer(1.0)
        status_timer.tick(index_status, outputs=[status, status_timer], **private)
        refresh_button.click(refresh, outputs=refreshed, **private)
        app.load(refresh, outputs=refreshed, **private)
        upload_button.click(upload, files, upload_result, **private).then(refresh, outputs=refreshed, **private)
        delete_button.click(delete, managed, manage_result, **private).then(refresh, outputs=refreshed, **private)
        reindex_button.click(reindex, managed, manage_result, **private).then(refresh, outputs=refreshed, **private)
        replace_button.click(replace_report, [managed, replacement], manage_result, **private).then(
            refresh, outputs=refreshed, **private
        )
        managed.change(load_metadata, managed, [edit_department, edit_year, edit_kind], **private)
        save_button.click(
            save_metadata, [managed, edit_department, edit_year, edit_kind], manage_result, **private
        ).then(refresh, outputs=refreshed, **private)
        audit_button.click(run_audit, document, [checks_view, table], **private)
        gr.api(ask_api, api_name="ask")
    return app


def _build_index(assistant: Assistant, state: IndexState) -> None:
    try:
        state.set(False, "正在根据 corpus/ 建立索引（首次启动需要几十秒，进度见终端）…")
        try:
            report = assistant.sync_corpus()
            errors = [str(e) for e in report.failed]
            failed = f"；{len(errors)} 份失败：" + "；".join(errors) if errors else ""
        except IndexUnavailableError as error:  # e.g. a read-only data dir: answer from what is indexed
            failed = f"；{error}"
        documents = assistant.index.documents()
        assistant.warm_up()
        state.set(True, f"索引就绪：{len(documents)} 份报告{failed}")
    except Exception as exc:  # shown to the user instead of a silent dead UI
        logger.exception("building the index failed")
        state.set(False, f"建立索引失败：{exc}")


def serve(host: str | None = None, port: int | None = None, settings: Settings | None = None) -> None:
    try:
        settings = settings or load_settings()
        host = host or settings.ui.host
        users = UserDirectory.load(settings.ui.users_file)
        check_binding(host, users)
    except (SettingsError, AuthError) as error:
        raise SystemExit(str(error)) from None  # one clear message, no traceback
    assistant = Assistant(settings)
    state = IndexState()
    threading.Thread(target=_build_index, args=(assistant, state), daemon=True).start()
    app = build_app(assistant, state, users)
    # Several questions at once: one slow (model) answer must not hold everyone else's behind it.
    app.queue(default_concurrency_limit=settings.ui.concurrency).launch(
        server_name=host,
        server_port=port or settings.ui.port,
        show_error=False,
        auth=users.authenticate if users.enabled else None,
        auth_message="绩效问答：请用分配给您的账号登录（只读用户可提问和核对，维护人员还可管理文档）",
    )
