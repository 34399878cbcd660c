"""A question that asks several things one after another ("预算多少、实际花了多少？", "目标是多少？最后做到了多少？",
"How many …, and what was …?"): its parts, each readable alone, to be answered one by one.

A piece between punctuation (or, in Chinese, a space) is a part when it asks something itself; a piece that asks
nothing ("关于某项目，") belongs to the part after it. A part without a subject of its own ("拨了多少", "为什么")
is about what the first part is about, and gets its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.frame import ASKS_SOMETHING, read_frame, subject_phrase
from ingest.vocabulary import vocabulary

_ASKS_EN = re.compile(r"\b(?:how|what|which|who|whom|when|where|why)\b", re.I)
# Between the parts: sentence ends, commas and enumeration commas; a space between Chinese characters
# ("钱花了多少 执行率咋样"); in English ", and what …" before another question word.
_BETWEEN_ZH = re.compile(r"[？?；;！!。]+\s*|[，,、]\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_BETWEEN_EN = re.compile(
    r"[?;]+\s*|,?\s+and\s+(?=(?:how|what|which|who|whom|when|where|why|did|does|do|is|are|was|were)\b)", re.I
)
_ENGLISH = re.compile(r"[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}")
_POINTING = re.compile(r"^(?:那么|那|这一?项|这个|该项|它的?|其)")  # words pointing back at the subject
MAX_PARTS = 4


@dataclass(frozen=True)
class QuestionPart:
    written: str  # the part as the question has it
    readings: tuple[str, ...]  # what to ask, in turn until one is answered: with the first part's subject first
    borrowed: bool = False  # the first reading has the first part's subject: the part names none before it asks


def question_parts(question: str) -> list[QuestionPart]:
    """The questions `question` asks one after another; [] when it asks one thing."""
    english = _ENGLISH.search(question) is not None
    between, asks = (_BETWEEN_EN, _ASKS_EN) if english else (_BETWEEN_ZH, ASKS_SOMETHING)
    pieces, start = [], 0
    for match in between.finditer(question):
        pieces.append(question[start : match.start()])
        start = match.end()
    pieces.append(question[start:])
    parts: list[str] = []
    context = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if asks.search(piece):
            parts.append(f"{context}{piece}")
            context = ""
        else:
            context += f"{piece}，" if not english else f"{piece}, "
    if context and parts:
        parts[-1] = f"{parts[-1]}，{context.rstrip('，, ')}"
    if not 2 <= len(parts) <= MAX_PARTS:
        return []
    subject = subject_phrase(parts[0])
    return [QuestionPart(parts[0], (parts[0],)), *(_readings(part, subject) for part in parts[1:])]


def _readings(part: str, subject: str) -> QuestionPart:
    """A later part with the first part's subject when it names none before it asks ("这项得了几分", "实际花了多少").
    One whose own words name a thing after the asking starts ("群众满意度是多少" after a question about something
    else) may mean it alone: asked as written too. One naming nothing is never asked alone: it would be answered
    with the whole report's figure."""
    own = _POINTING.sub("", part)
    if not subject:
        return QuestionPart(part, (part,))
    # "实际", "目标" say which figure, not of what.
    if not [t for t in read_frame(own).subject_terms if not vocabulary().qualifiers_of(t)]:
        return QuestionPart(part, (subject + own,), borrowed=True)
    if subject_phrase(own):
        return QuestionPart(part, (part,))
    return QuestionPart(part, (subject + own, own), borrowed=True)
