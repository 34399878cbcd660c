"""Follow-up questions ("那执行率呢？", "去年呢？") made standalone from the conversation so far.

With a model configured the question is condensed by the model (prompts/condense.txt); without one,
or when the model fails, the subject of the previous question is carried over.
"""

from __future__ import annotations

import logging
import re

from llama_index.core.llms import LLM

from assistant.prompts import load_prompt
from assistant.question import read_question

logger = logging.getLogger(__name__)

_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|再|它|其|该|这个)|呢[？?。]?$")
_ASKING = re.compile(r"(是多少|有多少|多少|几|是什么|有哪些|怎么样|如何|吗|呢)?[？?。！!\s]*$")
_LEADING = re.compile(r"^(那么|那|还有|另外|再问一下|再)")
_YEAR = re.compile(r"20\d{2}\s*年|去年|今年|前年")
_EXPLICIT_YEAR = re.compile(r"(20\d{2})\s*年")
_RELATIVE_YEARS = {"前年": -2, "去年": -1, "上一年": -1, "上年": -1, "今年": 0, "当年": 0, "明年": 1}
_RELATIVE_YEAR_WORD = re.compile("|".join(_RELATIVE_YEARS))


def is_follow_up(question: str) -> bool:
    return bool(_FOLLOW_UP.search(question.strip())) or len(question.strip()) <= 6


def _shift_relative_year(core: str, previous: str) -> str:
    """'去年呢？' after a question about 2023 asks about 2022: a relative year moves from the year last named."""
    named = [int(y) for y in _EXPLICIT_YEAR.findall(previous)]
    if not named:
        return core
    return _RELATIVE_YEAR_WORD.sub(lambda m: f"{named[-1] + _RELATIVE_YEARS[m.group(0)]}年", core)


def carry_subject(question: str, previous: str) -> str:
    """'那执行率呢？' after '市就业补助资金预算安排多少？' -> '市就业补助资金预算安排 执行率'."""
    subject = _ASKING.sub("", previous.strip())
    core = _shift_relative_year(_ASKING.sub("", _LEADING.sub("", question.strip())), previous)
    if _YEAR.search(core):
        subject = _YEAR.sub("", subject)  # "去年呢？" replaces the year, keeps the rest
    return f"{subject} {core}".strip()


def keeps_the_report(condensed: str, expected: str) -> bool:
    """A model's rewrite must ask about the same year and department as the plain rewrite does."""
    wanted, got = read_question(expected), read_question(condensed)
    if set(wanted.years) != set(got.years):
        return False
    return not wanted.departments or bool(set(wanted.departments) & set(got.departments))


def standalone_question(question: str, history: list[str], llm: LLM | None = None) -> str:
    """The question to answer, given the earlier (standalone) questions of this conversation."""
    if not history or not is_follow_up(question):
        return question
    if llm is not None:
        prompt = load_prompt("condense.txt").format(
            history="\n".join(f"问：{q}" for q in history[-3:]), question=question
        )
        expected = carry_subject(question, history[-1])
        try:
            condensed = llm.complete(prompt).text.strip().splitlines()[0].strip()
            if condensed and keeps_the_report(condensed, expected):
                return condensed
            logger.info("the model's rewrite changed the report asked about; using the plain rewrite")
        except Exception as error:  # the model is optional here: fall back to carrying the subject
            logger.warning("condensing the question failed: %s", type(error).__name__)
        return expected
    return carry_subject(question, history[-1])
