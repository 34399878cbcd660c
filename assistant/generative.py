"""Answers written by an OpenAI-compatible model, verified against the passages it was given.

The model sees numbered passages and must cite them as [n]. After generation every [n] must point
to a given passage and every figure must appear in a passage its claim cites (the same check as
the extractive answer). An answer with no valid citation is not shown as an answer; a figure that
fails is marked and the extractive answer is shown beside it. An endpoint that is slow, down or
returns garbage gives a notice and the extractive answer, never a hang or a stack trace.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import replace

from llama_index.core.llms import LLM, ChatMessage
from llama_index.llms.openai_like import OpenAILike

from assistant.answer import Answer, ExtractiveAnswerer, citation_for
from assistant.figures import MARKER, check_figures
from assistant.prompts import REFUSAL, load_prompt
from assistant.retrieval import Passage
from ingest.settings import LLMSettings

logger = logging.getLogger(__name__)

NOTICE_UNAVAILABLE = "模型服务暂时不可用（{reason}），以下为摘录式回答。"
NOTICE_NO_CITATION = "模型的回答没有有效引用，未予采用；以下为摘录式回答。"
NOTICE_EMPTY = "模型没有返回可用的回答（空回答或无法解析的内容）；以下为摘录式回答。"
NOTICE_FIGURES = "模型回答中有数字未在所引段落中找到（已标出），请以旁边的摘录式回答为准。"
NOTICE_MARKERS = "模型引用了不存在的段落编号 {markers}，这些引用已忽略。"
NOTICE_OFF_FRAME = (
    "模型回答中的数字虽见于所引段落，但不是所问的指标（口径、对象或年份不符），未标为已核实；请以旁边的摘录式回答为准。"
)


def build_llm(settings: LLMSettings) -> LLM:
    """llama-index's OpenAI-compatible client; the key comes from the environment, never from config files."""
    return OpenAILike(
        model=settings.model,
        api_base=settings.base_url,
        api_key=settings.api_key(),
        is_chat_model=True,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
        timeout=settings.timeout_s,
        max_retries=0,  # retried here, only after a failed connection, within the question's budget
        context_window=settings.context_window,
    )


def build_messages(question: str, passages: list[Passage]) -> list[ChatMessage]:
    """System rules, then the passages as delimited, numbered data, then the question."""
    numbered = "\n\n".join(
        f"[{n}]《{p.document.title}》{p.chunk.section}\n{p.chunk.text}" for n, p in enumerate(passages, start=1)
    )
    system = load_prompt("answer_system.txt").format(refusal=REFUSAL)
    user = load_prompt("answer_user.txt").format(passages=numbered, question=question)
    return [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]


def _failure_reason(error: Exception) -> str:
    name = type(error).__name__
    if "Timeout" in name or isinstance(error, TimeoutError):
        return "请求超时"
    if "Connection" in name:
        return "无法连接"
    status = getattr(error, "status_code", None)
    return f"服务返回错误 {status}" if status else "返回内容无法解析"


class GenerativeAnswerer:
    def __init__(self, extractive: ExtractiveAnswerer, llm: LLM, settings: LLMSettings | None = None) -> None:
        self._extractive = extractive
        self._llm = llm
        self._settings = settings or LLMSettings()

    def stream(
        self,
        question: str,
        doc_ids: list[str] | None = None,
        extractive: Answer | None = None,
        started: float | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the model's text as it arrives, then the verified Answer (always last).

        `extractive` is this question's extractive answer when the caller has it already (it was shown
        while the model writes); `started` (perf_counter) is when the question's model budget began.
        """
        started = time.perf_counter() if started is None else started
        # The frame decides answerability in both modes: what the extractive answerer refuses (a near
        # miss, another year, a project for the department) the model is not asked.
        extractive = extractive or self._extractive.ask(question, doc_ids)
        frame = self._extractive.read(question)
        scope = self._extractive.scope(frame.scope, doc_ids)
        passages = self._extractive.retriever.search(frame.search_text, doc_ids=scope).passages
        if extractive.refused or not passages:
            yield extractive  # the model is not asked what the frame refuses
            return
        text = ""
        budget, retries = self._settings.budget_s, self._settings.max_retries
        for attempt in range(retries + 1):
            try:
                for response in self._llm.stream_chat(build_messages(question, passages)):
                    delta = response.delta or ""
                    text += delta
                    if delta:
                        yield delta
                    if time.perf_counter() - started > budget:
                        raise TimeoutError("the question's model budget is spent")
                break
            except Exception as error:  # any endpoint failure ends in the extractive answer with a notice
                connection_only = "Connection" in type(error).__name__ and "Timeout" not in type(error).__name__
                time_left = budget - (time.perf_counter() - started) > self._settings.timeout_s
                if connection_only and not text and attempt < retries and time_left:
                    logger.info("LLM connection failed; retrying once")
                    continue
                logger.warning("LLM request failed: %s", type(error).__name__)
                yield replace(extractive, notice=NOTICE_UNAVAILABLE.format(reason=_failure_reason(error)))
                return
        yield self._within_frame(self.verify(question, text, passages, extractive, started), extractive)

    def ask(self, question: str, doc_ids: list[str] | None = None) -> Answer:
        *_, answer = self.stream(question, doc_ids)
        assert isinstance(answer, Answer)
        return answer

    def verify(self, question: str, text: str, passages: list[Passage], extractive: Answer, started: float) -> Answer:
        """The model's text as an Answer, or the extractive answer (`extractive`) with a notice why not."""
        text = text.strip()
        if not text:
            return replace(extractive, notice=NOTICE_EMPTY)
        retrieved = [citation_for(0, p) for p in passages]
        if REFUSAL in text and not MARKER.search(text):
            return Answer(question, REFUSAL, True, [], [], retrieved, 0.0, time.perf_counter() - started, mode="llm")
        cited = sorted({int(n) for n in MARKER.findall(text)})
        valid = [n for n in cited if 1 <= n <= len(passages)]
        invalid = [n for n in cited if n not in valid]
        if not valid:
            return replace(extractive, notice=NOTICE_NO_CITATION)
        citations = [citation_for(n, passages[n - 1]) for n in valid]
        checks = check_figures(text, {c.marker: c.passage for c in citations})
        notices = []
        if invalid:
            notices.append(NOTICE_MARKERS.format(markers="".join(f"[{n}]" for n in invalid)))
        alternative = None
        if not all(check.verified for check in checks):
            notices.append(NOTICE_FIGURES)
            alternative = extractive
        return Answer(
            question,
            text,
            False,
            citations,
            checks,
            retrieved,
            1.0,
            time.perf_counter() - started,
            mode="llm",
            notice=" ".join(notices),
            alternative=alternative,
        )

    @staticmethod
    def _within_frame(answer: Answer, extractive: Answer) -> Answer:
        """A model's figures count as verified only if one of them is a figure the frame matched."""
        if answer.refused or answer.mode != "llm" or not extractive.figure_checks or not answer.figure_checks:
            return answer
        wanted = {check.figure for check in extractive.figure_checks if check.verified}
        if any(check.verified and check.figure in wanted for check in answer.figure_checks):
            return answer
        unverified = [replace(check, verified=False) for check in answer.figure_checks]
        notice = " ".join(n for n in (answer.notice, NOTICE_OFF_FRAME) if n)
        return replace(answer, figure_checks=unverified, notice=notice, alternative=extractive)
