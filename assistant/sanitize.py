"""Questions as users (or scripts) type them, made safe for the encoder, BM25 and the logs."""

from __future__ import annotations

import re
import unicodedata

from ingest.normalize import normalize_chars

QUESTION_MAX_CHARS = 500
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


def sanitize_question(question: str, max_chars: int = QUESTION_MAX_CHARS) -> str:
    """The question without lone surrogates, control and invisible characters, in one line, at most `max_chars`.

    Full-width digits and letters become ASCII, as they are in the index. An empty result means
    there was nothing to ask.
    """
    text = _SURROGATE.sub("", question or "")
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc":
            kept.append(" ")  # tabs, newlines, NUL, escape sequences: at most a word break
        elif category not in ("Cf", "Co", "Cn"):
            kept.append(ch)
    text = _SPACES.sub(" ", normalize_chars("".join(kept))).strip()
    return text[:max_chars].rstrip()
