"""Chinese word tokens for BM25: jieba with the field's general dictionary and vocabulary."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import jieba

from ingest.vocabulary import vocabulary

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
    # The field's vocabulary (metric terms, section headings) are words too, so reports and questions
    # are cut the same way ("执行率", "存在的问题"). A word jieba already knows keeps its own frequency:
    # a lower one would cut "得分" or "人数" into lone characters.
    vocab = vocabulary()
    for entry in (*vocab.metrics.values(), *vocab.roles.values()):
        for term in entry.terms:
            if len(term) >= 2:
                tokenizer.add_word(term, freq=max(20, tokenizer.FREQ.get(term, 0)))
    return tokenizer


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset((_HERE / "stopwords.txt").read_text(encoding="utf-8").split())


def jieba_tokenizer() -> jieba.Tokenizer:
    """The one jieba tokenizer of the code base (dictionary and vocabulary loaded)."""
    return _tokenizer()


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
