"""Names of the archive's places and bodies as an English question spells them: "Qinglan" -> "青岚".

An English question names a city, district or county in pinyin. The names it may mean are those the
archive's reports are titled with, so each is looked up there, never guessed: a pinyin word that no
report's title, department or district spells stays as it was asked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from pypinyin import lazy_pinyin

from ingest.models import DocumentInfo
from ingest.vocabulary import vocabulary

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Where a name may start in a run of characters: after a province, city, district, county or township.
_ADMIN_END = re.compile(r"[省市区县州盟旗镇乡]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_POSSESSIVE = re.compile(r"['’]s?$")
MIN_PINYIN_LETTERS = 4  # "Li", "Xi" spell too many names to be read as one


def _name_starts(run: str) -> list[int]:
    return [0, *(m.end() for m in _ADMIN_END.finditer(run) if m.end() < len(run))]


def names_by_pinyin(documents: Iterable[DocumentInfo]) -> dict[str, str]:
    """Pinyin (lower case, no tones or spaces) of each 2–4 character name a report's title, department or
    district begins with, or that follows an administrative level ("广东省广州市" -> guangdong, guangzhou)."""
    candidates: dict[str, None] = {}  # in the order first met; an archive repeats its names in every report
    for document in documents:
        for field in (document.district, document.department, document.title):
            for run in _HAN_RUN.findall(field or ""):
                for start in _name_starts(run):
                    for length in (2, 3, 4):
                        name = run[start : start + length]
                        if len(name) == length:
                            candidates[name] = None
    names: dict[str, str] = {}
    for name in candidates:
        names.setdefault(_spelled(name), name)
    return names


@functools.lru_cache(maxsize=65536)
def _spelled(name: str) -> str:
    return "".join(lazy_pinyin(name)).lower()


def leading_places(documents: Iterable[DocumentInfo]) -> frozenset[str]:
    """The place each report's district, department or title opens with, with and without its level
    ("云溪县退役军人事务局" -> 云溪县, 云溪): a question naming it is about that place's reports."""
    places: set[str] = set()
    for document in documents:
        for field in (document.district, document.department, document.title):
            opening = _HAN_RUN.match((field or "").strip())  # "2025年度区教育局…" opens with no place
            run = opening.group(0) if opening else ""
            level = _ADMIN_END.search(run[:5])
            if level is not None and level.start() >= 2:
                places |= {run[: level.end()], run[: level.start()]}
    return frozenset(places)


@functools.cache
def _known_english() -> frozenset[str]:
    vocab = vocabulary()
    words = set(vocab.english)
    for entries in (vocab.metrics, vocab.roles, vocab.qualifiers, vocab.computations):
        for entry in entries.values():
            words.update(e.lower() for e in entry.english)
    return frozenset(w for phrase in words for w in phrase.split())


def in_chinese(question: str, names: dict[str, str]) -> str:
    """The question with each pinyin word that spells one of `names` written in characters; English words
    the vocabulary knows ("Fund", "Bureau") are never read as names."""
    if not names:
        return question

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        bare = _POSSESSIVE.sub("", word)
        key = re.sub(r"[^a-z]", "", bare.lower())
        if len(key) < MIN_PINYIN_LETTERS or bare.lower() in _known_english() or key not in names:
            return word
        return names[key]

    return _LATIN_WORD.sub(replace, question)
