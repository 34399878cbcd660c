"""Many chats at once through the real server (`python -m assistant serve`), and hung model requests beside them.

Timing is the benchmark's business (python -m evals.bench.chats prints p50/p95 beside the target); these
tests assert what must hold under any load: every chat gets its own correct, cited answer, and extractive
chats finish while model requests hang. The model is a local server speaking the real OpenAI protocol.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.ui_format import format_answer
from evals.bench.chats import AppConfig, Question, Server, Session, _client, burst, dataset_questions
from ingest.settings import LLMSettings
from tests.conftest import CORPUS
from tests.fake_openai import FakeOpenAI, Reply

CHATS = 50
MODEL_QUESTION = "2023年部门整体总收入是多少？"
MODEL_REPLY = "2023年区人社局部门整体总收入合计32,007.01万元[1]。"


@pytest.fixture(scope="module")
def expected(corpus_assistant: Assistant) -> list[tuple[str, str]]:
    """50 questions (cycling through the eval set's answerable ones) and each one's chat message, asked alone."""
    alone = []
    for question in dataset_questions():
        answer = corpus_assistant.ask(question.text)
        stated = {c.figure for c in answer.figure_checks if c.verified}
        if answer.citations and not answer.refused and question.figure in stated:
            alone.append((question.text, format_answer(answer, turn=0)))
    assert len(alone) >= 20, "the eval set should give many cited answers"
    return [alone[n % len(alone)] for n in range(CHATS)]


def _data_copy(corpus_assistant: Assistant, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(corpus_assistant.settings.index.data_dir, data)
    return data


def _model_env(fake: FakeOpenAI, timeout_s: float, budget_s: float) -> dict[str, str]:
    """The server's settings for a model at `fake`."""
    return {
        "PERFQA_LLM__BASE_URL": fake.base_url,
        "PERFQA_LLM__MODEL": "fake-model",
        "PERFQA_LLM__TIMEOUT_S": str(timeout_s),
        "PERFQA_LLM__BUDGET_S": str(budget_s),
    }


async def _ready(server: Server) -> AppConfig:
    async with _client() as client:
        return await server.ready(client)


def test_the_first_answer_never_waits_for_the_model(corpus_assistant: Assistant):
    with FakeOpenAI() as fake:
        fake.default = Reply(MODEL_REPLY)
        llm = LLMSettings(base_url=fake.base_url, model="fake-model", timeout_s=5, max_retries=0)
        assistant = Assistant(corpus_assistant.settings.model_copy(update={"llm": llm}), index=corpus_assistant.index)
        first, pending = assistant.first_answer(MODEL_QUESTION)
        assert first.mode == "extractive" and first.citations and pending is not None
        follow_up, _ = assistant.first_answer("那2022年呢？", history=[MODEL_QUESTION])
        assert "2022" in follow_up.question and fake.requests == []  # the plain rewrite, no model call
        *_, final = assistant.model_answer(pending)
        assert final.mode == "llm" and final.all_figures_verified and len(fake.requests) == 1
        assert assistant.first_answer(MODEL_QUESTION, use_model=False)[1] is None  # the chat chose extractive
        refused, nothing = assistant.first_answer("2019年的部门整体总收入是多少？")
        assert refused.refused and nothing is None  # what the frame refuses the model is not asked


@pytest.mark.slow
def test_fifty_concurrent_chats_each_get_their_own_cited_answer(corpus_assistant, expected, tmp_path: Path):
    server = Server(_data_copy(corpus_assistant, tmp_path), CORPUS)
    try:

        async def chats() -> list:
            app = await _ready(server)
            return (await burst(server, app, [Question(q, "") for q, _ in expected])).results

        results = asyncio.run(chats())
    finally:
        server.stop()
    assert [r.error for r in results if r.error] == []
    for (question, message), result in zip(expected, results, strict=True):
        assert result.reply == message, question  # the same cited answer as when asked alone


@pytest.mark.slow
def test_extractive_chats_finish_while_model_requests_hang(corpus_assistant, expected, tmp_path: Path):
    """More hung model requests than the extractive queue has slots: extractive chats still all finish,
    before any hung request ends; the users who asked the model got the extractive answer at once."""
    hold = threading.Event()
    with FakeOpenAI() as fake:
        fake.default = Reply(MODEL_REPLY, hold=hold)
        env = _model_env(fake, timeout_s=110, budget_s=120)  # hung until released, not timed out
        env |= {"PERFQA_UI__CONCURRENCY": "2", "PERFQA_UI__MODEL_CONCURRENCY": "3"}
        server = Server(_data_copy(corpus_assistant, tmp_path), CORPUS, env)
        try:

            async def chats() -> tuple[list[str], list, list[bool], list[str]]:
                app = await _ready(server)
                async with _client() as client:
                    waiting = []
                    for _ in range(3):
                        session = await Session(client, server.url, app).open()
                        waiting.append(await session.chat(MODEL_QUESTION, "model"))
                    while len(fake.requests) < 3:  # all three model requests hang at the endpoint
                        await asyncio.sleep(0.05)
                    extractive = await burst(server, app, [Question(q, "") for q, _ in expected], "extractive")
                    still_hung = [not follow.done() for _, _, follow in waiting]
                    hold.set()
                    finals = await asyncio.gather(*(follow for _, _, follow in waiting))
                return [first for first, _, _ in waiting], extractive.results, still_hung, finals

            firsts, results, still_hung, finals = asyncio.run(chats())
        finally:
            hold.set()
            server.stop()
    assert [r.error for r in results if r.error] == []
    for (question, message), result in zip(expected, results, strict=True):
        assert result.reply == message, question
    assert still_hung == [True, True, True]  # every extractive chat finished before any hung request ended
    for first, final in zip(firsts, finals, strict=True):
        assert "模型正在作答" in first and "32,007.01万元" in first  # the extractive answer, shown meanwhile
        assert "模型生成，已逐项核对引用" in final and "模型正在作答" not in final  # then replaced by the model's


@pytest.mark.slow
def test_a_hung_model_gives_up_at_the_question_budget_not_the_request_timeout(corpus_assistant, tmp_path: Path):
    hold = threading.Event()
    with FakeOpenAI() as fake:
        fake.default = Reply(MODEL_REPLY, hold=hold)
        env = _model_env(fake, timeout_s=100, budget_s=3)  # the request alone would wait 100 s
        server = Server(_data_copy(corpus_assistant, tmp_path), CORPUS, env)
        try:

            async def chat() -> tuple[str, str, dict, dict]:
                app = await _ready(server)
                async with _client() as client:
                    session = await Session(client, server.url, app).open()
                    first, _, follow = await session.chat(MODEL_QUESTION, "model")
                    waiting_box = session.outputs["respond"][0]
                    final = await follow
                    return first, final, waiting_box, session.outputs["model_reply"][-1]

            first, final, waiting_box, box = asyncio.run(chat())
        finally:
            hold.set()
            server.stop()
    assert "模型正在作答（最多约 3 秒）" in first
    assert "模型未能在每题 3 秒的时间内答完" in final and "32,007.01万元" in final and "模型正在作答" not in final
    # The chat took no new question while the model wrote (its answer replaces this turn's message).
    assert waiting_box["interactive"] is False and box["interactive"] is True
