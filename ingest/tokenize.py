"""Chinese word tokens for BM25: jieba with the field's general dictionary and vocabulary."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import jieba

from ingest.vocabulary import vocabulary

_HERE = Path(__file__).parent
_WORD = re.compile(r"[\w%]")
_SINGLE_HAN = re.compile(r"^[\u4e00-\u9fff]$")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# Words that begin with 率 but are not the suffix of a rate ("率先完成", "率领").
_NOT_RATE_SUFFIX = frozenset({"率先", "率领"})
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
    return [t for t in _search_tokens(text) if _WORD.search(t) and t not in stop and not _SINGLE_HAN.match(t)]


def _search_tokens(text: str) -> Iterator[str]:
    """jieba's search-mode tokens (each word's known 2- and 3-character parts, then the word), with each
    rate named as one word. jieba knows few of the field's many rates and cuts "办结率为" into 办结/率为
    and "到户率到了" into 到户/率到, so "办结率" never met itself and "率为" met every rate: the word before
    a word that starts with 率 is joined to it ("办结率"); the rest stays a word only when it is one
    ("率控制" → 控制)."""
    tokenizer = _tokenizer()
    previous = ""
    for word in tokenizer.cut(text):
        if word[0] == "率" and word not in _NOT_RATE_SUFFIX:
            if _HAN_WORD.match(previous):
                yield previous + "率"
            word = word[1:] if len(word) > 2 else ""
        if not word:
            previous = ""
            continue
        # What jieba.Tokenizer.cut_for_search does for one word.
        for size in (2, 3):
            if len(word) > size:
                parts = (word[i : i + size] for i in range(len(word) - size + 1))
                yield from (part for part in parts if tokenizer.FREQ.get(part))
        yield word
        previous = word


def words(text: str) -> list[str]:
    """Plain jieba words (no search-mode sub-words), for spotting names in a question."""
    return _tokenizer().lcut(text)
