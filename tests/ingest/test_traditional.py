"""A report in traditional characters (Big5) answers questions asked in simplified characters."""

from __future__ import annotations

from pathlib import Path

import opencc

from ingest.chinese import to_simplified
from ingest.pipeline import ReportIndex
from ingest.settings import IndexSettings, Settings
from ingest.tokenize import tokenize
from tests.ingest.samples import RATE_REPORT


def test_to_simplified():
    assert to_simplified("預算執行率為97.25%，總收入萬元") == "预算执行率为97.25%，总收入万元"
    assert to_simplified("预算执行率") == "预算执行率" and to_simplified("2021 abc") == "2021 abc"


def test_traditional_report_is_found_by_simplified_questions_and_cited_as_written(tmp_path: Path):
    traditional = opencc.OpenCC("s2tw").convert(RATE_REPORT)
    assert "預算執行率" in traditional
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    index = ReportIndex(Settings(index=IndexSettings(data_dir=tmp_path / "data")))
    assert len(index.ingest([path], progress=False).added) == 1

    [document] = index.documents().values()
    assert document.department == "广州市样板区示范局" and document.year == 2021
    assert document.title.startswith("廣州市樣板區示範局")  # shown as the report writes it
    question = "2021年预算执行率是多少"
    lexical = [hit.chunk_id for hit in index.lexical().search(tokenize(question), 3)]
    dense = [cid for cid, _ in index.store.query_chunks(index.embedding.query_vector(question), 1)]
    for found in (lexical[:1], dense):
        [chunk] = index.store.get_chunks(found)
        assert "預算執行率為97.25%" in chunk.text  # the passage keeps its own characters
