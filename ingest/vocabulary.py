"""The field's general vocabulary (vocabulary.toml): metrics, section roles, qualifiers, question words.

Both sides use it: ingest names what a stated figure measures from the words before it, and the
assistant reads what a question asks for. One file, so a report and a question meet on the same terms.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

_FILE = Path(__file__).with_name("vocabulary.toml")
_GLOSSARY = Path(__file__).with_name("english_glossary.toml")
# Any "X率" a report states or a question asks is a metric of its own ("本科上线率", "整改率").
RATE_WORD = re.compile(r"[\u4e00-\u9fff]{1,7}率")


@dataclass(frozen=True)
class Entry:
    """One metric, role, qualifier or compute kind with the ways it is written and asked."""

    name: str
    terms: tuple[str, ...]  # as reports write it (metric terms, role headings, qualifier terms)
    asked: tuple[str, ...]  # as people ask in Chinese
    english: tuple[str, ...]
    kind: str = ""  # metrics: amount | rate | score | grade | count
    rate: str = ""  # metrics: the rate that an amount asked as a percentage means (支出 -> 执行率)


@dataclass(frozen=True)
class Vocabulary:
    metrics: dict[str, Entry]
    roles: dict[str, Entry]
    qualifiers: dict[str, Entry]
    computations: dict[str, Entry]
    question_words: frozenset[str]
    compound_words: tuple[str, ...]
    report_names: tuple[str, ...]
    amount_nouns: tuple[str, ...]
    synonyms: dict[str, frozenset[str]]
    money_endings: tuple[str, ...]
    quarters: dict[str, tuple[str, ...]]
    english: dict[str, str]
    english_general: frozenset[str]  # general English words of questions: their Chinese is never a subject

    def forms(self, word: str) -> frozenset[str]:
        """The word and the words that mean the same: its synonym group, and for a sum of money named
        with a money ending ("补偿款") the same name with each other ending ("补偿资金")."""
        forms = {word} | self.synonyms.get(word, frozenset())
        ending = next((e for e in self.money_endings if word.endswith(e) and len(word) - len(e) >= 2), None)
        if ending is not None:
            forms |= {word[: -len(ending)] + other for other in self.money_endings}
        return frozenset(forms)

    def metric_of(self, label: str) -> str | None:
        """The metric a figure's label names: the listed term ending last (then longest) in it."""
        return _last_term(label, self.metrics)

    def qualifiers_of(self, text: str) -> frozenset[str]:
        return frozenset(name for name, entry in self.qualifiers.items() if any(t in text for t in entry.terms))

    def role_of_heading(self, heading: str) -> str | None:
        """The role of a section by its heading ("存在的主要问题" -> problems), else None."""
        return _last_term(heading, self.roles)


def _last_term(text: str, entries: dict[str, Entry]) -> str | None:
    best: tuple[int, int, str] | None = None
    for name, entry in entries.items():
        for term in entry.terms:
            position = text.rfind(term)
            if position >= 0:
                key = (position + len(term), len(term), name)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def _entries(table: dict, terms_key: str) -> dict[str, Entry]:
    return {
        name: Entry(
            name=name,
            terms=tuple(data.get(terms_key, ())),
            asked=tuple(data.get("asked", ())),
            english=tuple(data.get("english", ())),
            kind=data.get("kind", ""),
            rate=data.get("rate", ""),
        )
        for name, data in table.items()
    }


@functools.cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    # The wider English glossary of departments' work; the core vocabulary's own entries win.
    glossary_file = tomllib.loads(_GLOSSARY.read_text(encoding="utf-8"))
    glossary, general = glossary_file["english"], glossary_file["english_general"]
    return Vocabulary(
        metrics=_entries(data["metric"], "terms"),
        roles=_entries(data["role"], "headings"),
        qualifiers=_entries(data["qualifier"], "terms"),
        computations=_entries(data["compute"], "asked"),
        question_words=frozenset(data["question_words"]),
        compound_words=tuple(data["compound_words"]),
        report_names=tuple(data["report_names"]),
        amount_nouns=tuple(data["amount_nouns"]),
        synonyms={word: frozenset(group) for group in data["synonyms"] for word in group},
        money_endings=tuple(data["money_endings"]),
        quarters={name: tuple(forms) for name, forms in data["quarter"].items()},
        english={k.lower(): v for k, v in (general | glossary | data["english"]).items()},
        english_general=frozenset(k.lower() for k in general if k not in glossary and k not in data["english"]),
    )
