"""Which of an English question's unknown words the archive speaks of, read through an English-Chinese dictionary.

A word our glossary lacks ("lighthouse", "memorial") may name just what a report lacks (a near miss, refused), or
something the report writes in Chinese (纪念馆). The dictionary of the `cedict` package (about 104,000 English words
with their Chinese senses, inside the wheel, so nothing is downloaded) says which Chinese words it may stand for;
the archive's lexical index says whether any of them is written there. Common English words ("three", "worst",
"didn't": Zipf frequency 5 or more, about the 3,000 most used, from the `wordfreq` package) name no subject of their
own; their Chinese senses are single characters found everywhere. A word with no sense in the archive, or one the
dictionary does not know (a typo, gibberish), may name just what the reports lack. We parse the package's CSV
ourselves: its own look-up builds SQL from the word and returns only the first row.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import re
from dataclasses import replace

from assistant.frame import QuestionFrame, word_forms
from ingest.lexical import LexicalIndex
from ingest.tokenize import tokenize

_PART_OF_SPEECH = re.compile(r"\b(?:n|v|vt|vi|adj|adv|prep|conj|pron|num|art|int|abbr|aux|vbl|pl)\.")
_BRACKETED = re.compile(r"\([^)]*\)|（[^）]*）|\[[^\]]*\]|【[^】]*】|<[^>]*>")
_SENSE_SEPARATORS = re.compile(r"[,，;；/、]")
_HAN_SENSE = re.compile(r"[\u4e00-\u9fff]{2,}")
# "vbl.go的过去式", "n.orders的复数": an inflected form points to its base word.
_INFLECTION_OF = re.compile(r"([a-z]+)的(?:过去式|过去分词|现在分词|复数|第三人称单数|比较级|最高级)")
_FUNCTION_AFFIXES = re.compile(r"^[被使]|[的地]$")  # "被鉴定的" -> 鉴定, "永久的" -> 永久
_NOUN = re.compile(r"(?<![a-z])n\.")
COMMON_WORD_ZIPF = 5.0  # once in 100,000 words of English or more often


@functools.lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    source = importlib.resources.files("cedict") / "csv" / "EnWords.csv"
    with source.open(encoding="utf-8") as rows:
        return {row["word"].lower(): row["translation"] for row in csv.DictReader(rows)}


@functools.lru_cache(maxsize=4096)
def chinese_senses(word: str) -> tuple[str, ...]:
    """The Chinese words an English word (any of its inflected forms) may stand for, two characters or more."""
    dictionary = _dictionary()
    senses: list[str] = []
    for form in word_forms(word.lower()):
        entry = dictionary.get(form)
        if entry is None:
            continue
        bases = [b for b in _INFLECTION_OF.findall(entry) if b != form]
        entry = _BRACKETED.sub("", _PART_OF_SPEECH.sub(",", entry))
        for sense in _SENSE_SEPARATORS.split(entry):
            sense = _FUNCTION_AFFIXES.sub("", sense.strip())
            if _HAN_SENSE.fullmatch(sense):
                senses.append(sense)
        for base in bases:
            senses += chinese_senses(base)
    return tuple(dict.fromkeys(senses))


def written_in_archive(word: str, lexical: LexicalIndex) -> bool:
    """Every part of the word ("public-welfare": public and welfare) is a common English word, does not name a
    thing, or has a Chinese sense in the archive."""
    parts = [p for p in word.split("-") if len(p) > 1]
    return bool(parts) and all(_is_common(p) or not names_a_thing(p) or _some_sense_written(p, lexical) for p in parts)


def _is_common(word: str) -> bool:
    import wordfreq  # 0.1 s to import: paid by the first English question, not by every start-up

    return wordfreq.zipf_frequency(word, "en") >= COMMON_WORD_ZIPF


def names_a_thing(word: str) -> bool:
    """The word as asked is a noun (a plural one too), or a word the dictionary does not know: what a report could
    lack. "refurbish" and "monitored" tell what was done, not to what."""
    dictionary = _dictionary()
    word = word.lower()
    singular = [word[:-3] + "y"] if word.endswith("ies") else []
    singular += [word[:-2], word[:-1]] if word.endswith("es") else [word[:-1]] if word.endswith("s") else []
    entry = next((dictionary[w] for w in [word, *singular] if w in dictionary), None)
    if entry is not None:
        return _NOUN.search(entry) is not None
    return not any(form in dictionary for form in word_forms(word))


def _some_sense_written(word: str, lexical: LexicalIndex) -> bool:
    known = lexical.document_frequency
    for sense in chinese_senses(word):
        tokens = tokenize(sense)
        if tokens and all(known.get(t, 0) > 0 for t in tokens):
            return True
    return False


def with_archive_english(frame: QuestionFrame, lexical: LexicalIndex) -> QuestionFrame:
    """The frame knowing which of its unknown English words the archive writes in Chinese, or are common."""
    written = tuple(w for w in frame.unknown_words if written_in_archive(w, lexical))
    return replace(frame, unknown_but_written=written) if written else frame
