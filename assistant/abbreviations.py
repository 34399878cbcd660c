"""Short forms a question uses for the reports' own words: "法援经费" for 法律援助经费, "农险" for 农业保险.

People abbreviate a long term by some of its characters, in order, starting with its first. A short
form is read as the archive's word only when no report contains the short form itself, and the word is
the one the archive uses most of those it could stand for; the archive, not a list, says what it means.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from assistant.frame import QuestionFrame
from assistant.question import is_abbreviation
from ingest.lexical import LexicalIndex

_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
MAX_EXPANSION = 3  # characters a full word may have beyond twice its short form ("法援" -> at most 7)


@functools.lru_cache(maxsize=2)
def _words_by_first_character(lexical: LexicalIndex) -> dict[str, list[str]]:
    """Built once per lexical index (it is replaced, not changed, when the archive changes)."""
    by_first: dict[str, list[str]] = {}
    for word in lexical.document_frequency:
        if len(word) >= 3 and _HAN_WORD.fullmatch(word):
            by_first.setdefault(word[0], []).append(word)
    return by_first


def full_form(short: str, lexical: LexicalIndex) -> str | None:
    """The archive's most used word that `short` abbreviates, if the archive never writes `short` itself."""
    frequency = lexical.document_frequency
    if len(short) not in (2, 3) or not _HAN_WORD.fullmatch(short) or frequency.get(short, 0) > 0:
        return None
    found = [
        w
        for w in _words_by_first_character(lexical).get(short[0], [])
        if len(short) < len(w) <= 2 * len(short) + MAX_EXPANSION and is_abbreviation(short, w)
    ]
    return max(found, key=lambda w: (frequency[w], -len(w), w), default=None)


def with_full_forms(frame: QuestionFrame, lexical: LexicalIndex) -> QuestionFrame:
    """The frame with each short form of its subject read as the archive's word for it ("养老金" of an English
    question may be the report's 养老保险金). Retrieval keeps the question's own words: adding the
    full word to the search was measured to push other questions' passages down."""
    expanded = {t: f for t in frame.subject_terms if (f := full_form(t, lexical)) is not None}
    if not expanded:
        return frame

    def written_out(text: str) -> str:
        for short, full in expanded.items():
            text = text.replace(short, full)
        return text

    return replace(
        frame,
        subject_terms=tuple(dict.fromkeys(expanded.get(t, t) for t in frame.subject_terms)),
        named_sums=tuple(written_out(n) for n in frame.named_sums),
        names=tuple(expanded.get(t, t) for t in frame.names),
    )
