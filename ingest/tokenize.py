"""Chinese word tokens for BM25: jieba with the domain's own dictionary."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import jieba

_HERE = Path(__file__).parent
_WORD = re.compile(r"[\w%]")
_SINGLE_HAN = re.compile(r"^[\u4e00-\u9fff]$")
# "13,581" and "13581" must meet in the index: drop thousands separators before cutting.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")

jieba.setLogLevel(logging.WARNING)


@functools.cache
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(_HERE / "domain_dict.txt"))
    return tokenizer


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset((_HERE / "stopwords.txt").read_text(encoding="utf-8").split())


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens, lower-cased, without punctuation, stopwords and lone characters.

    A lone Chinese character ("上", "数") matches almost every passage and says little.
    """
    text = _THOUSANDS.sub("", text.lower())
    stop = _stopwords()
    return [
        t for t in _tokenizer().cut_for_search(text) if _WORD.search(t) and t not in stop and not _SINGLE_HAN.match(t)
    ]


def words(text: str) -> list[str]:
    """Plain jieba words (no search-mode sub-words), for spotting names in a question."""
    return _tokenizer().lcut(text)
