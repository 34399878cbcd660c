"""Bad days: a read-only data dir, a full disk in the middle of a write, files saved oddly."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ingest.__main__ import main
from ingest.coordination import TEST_HOOK_ENV, IndexUnavailableError
from ingest.pipeline import ReportIndex
from ingest.settings import IndexSettings, Settings
from ingest.tokenize import tokenize
from tests.ingest.samples import RATE_REPORT, write_report


def _index(data_dir: Path) -> ReportIndex:
    return ReportIndex(Settings(index=IndexSettings(data_dir=data_dir)))


def _passages(index: ReportIndex, question: str) -> list[str]:
    dense = [cid for cid, _ in index.store.query_chunks(index.embedding.query_vector(question), 5)]
    lexical = [hit.chunk_id for hit in index.lexical().search(tokenize(question), 5)]
    return [c.text for c in index.store.get_chunks(list(dict.fromkeys(dense + lexical))) if c.section_path]


def _state(index: ReportIndex) -> tuple:
    return index.store.chunk_counts(), index.store.sentence_counts(), index.store.registry_records()


@pytest.fixture
def read_only_view(tmp_path: Path):
    """The data dir seen through a read-only bind mount (as a read-only volume would be)."""
    source, view = tmp_path / "data", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    yield source, view
    subprocess.run(["umount", str(view)], capture_output=True)


def _mount_read_only(source: Path, view: Path) -> None:
    steps = (["mount", "--bind", str(source), str(view)], ["mount", "-o", "remount,bind,ro", str(view)])
    for step in steps:
        if subprocess.run(step, capture_output=True).returncode != 0:
            pytest.skip("this machine does not allow a read-only bind mount")


def test_read_only_data_dir_answers_questions_and_refuses_ingest_clearly(
    tmp_path: Path, read_only_view, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    source, view = read_only_view
    report = write_report(tmp_path / "a.txt")
    _index(source).ingest([report], progress=False)
    _mount_read_only(source, view)

    index = _index(view)
    assert any("97.25%" in text for text in _passages(index, "2021年预算执行率是多少"))
    with pytest.raises(IndexUnavailableError, match="不可写.*可以继续提问"):
        index.ingest([write_report(tmp_path / "b.txt", "样例局")], progress=False)
    monkeypatch.setenv("PERFQA_INDEX__DATA_DIR", str(view))
    assert main(["--quiet", str(tmp_path / "b.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("无法导入：数据目录") and "不可写" in err and "Traceback" not in err


@pytest.mark.parametrize("stage", ["sentences-written", "chunks-written"])
def test_a_full_disk_during_a_replacement_leaves_the_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
):
    index = _index(tmp_path / "data")
    report = write_report(tmp_path / "a.txt")
    index.ingest([report], progress=False)
    before = _state(index)

    write_report(report, rate="93.50%")
    monkeypatch.setenv(TEST_HOOK_ENV, f"{stage}:enospc")
    result = index.ingest([report], progress=False)
    [error] = result.failed
    assert "磁盘空间不足" in str(error) and "索引保持原样" in str(error) and "a.txt" in str(error)
    assert _state(index) == before and _state(_index(tmp_path / "data")) == before

    monkeypatch.delenv(TEST_HOOK_ENV)
    texts = _passages(index, "2021年预算执行率是多少")
    assert any("97.25%" in t for t in texts) and not any("93.50%" in t for t in texts)
    assert len(index.ingest([report], progress=False).replaced) == 1


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("cr-only.txt", lambda text: text.replace("\n", "\r").encode("utf-8")),
        ("one-line.txt", lambda text: text.replace("\n", "").encode("utf-8")),
        ("full-width.txt", lambda text: text.replace("97.25%", "９７.２５％").encode("utf-8")),
        ("zero-width.txt", lambda text: text.replace("执行率", "执\u200b行\ufeff率").encode("utf-8")),
    ],
)
def test_oddly_saved_text_can_be_asked_about(tmp_path: Path, name: str, encode):
    path = tmp_path / name
    path.write_bytes(encode(RATE_REPORT))
    index = _index(tmp_path / "data")
    assert len(index.ingest([path], progress=False).added) == 1
    texts = _passages(index, "2021年预算执行率是多少")
    assert any("预算执行率为97.25%" in t for t in texts)
    assert not any(ch in "".join(texts) for ch in "\r\u200b\ufeff９％")
