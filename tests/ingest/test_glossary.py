"""The English glossary stays one table of distinct keys, each translated to the Chinese a report writes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[2] / "ingest" / "english_glossary.toml"
VOCABULARY = GLOSSARY.with_name("vocabulary.toml")
_AS_WRITTEN = re.compile(r"^[\u4e00-\u9fff“”A-Z0-9]+$")  # Chinese, or an acronym a report writes ("PPP")


def test_every_key_is_lower_case_and_maps_to_what_reports_write():
    tables = tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))
    for table in ("english", "english_general"):
        for key, value in tables[table].items():
            assert key == key.lower(), key
            assert _AS_WRITTEN.match(value), (key, value)


def test_no_key_is_translated_twice():
    tables = tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))
    vocab = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))
    listed = {
        w.lower()
        for section in vocab.values()
        if isinstance(section, dict)
        for entry in section.values()
        if isinstance(entry, dict)
        for w in entry.get("english", [])
    }
    assert not set(tables["english"]) & set(tables["english_general"])
    assert not set(tables["english"]) & set(vocab["english"])
    assert not set(tables["english"]) & listed
