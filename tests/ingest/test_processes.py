"""Several real processes on one data dir: a writer killed with SIGKILL at each stage, readers meanwhile.

The writer is `python -m ingest` in its own process, paused at a stage by the test hook
(PERFQA_TEST_WRITER_HOOK) and killed there with `kill -9`; this test process is the reader.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.coordination import TEST_HOOK_ENV, IndexUnavailableError
from ingest.pipeline import ReportIndex
from ingest.settings import IndexSettings, Settings
from ingest.tokenize import tokenize
from tests.ingest.samples import ROOT, write_report

pytestmark = pytest.mark.slow

OLD_RATE, NEW_RATE = "97.25%", "93.50%"
QUESTION = "2021年预算执行率是多少"


def _settings(data_dir: Path, writer_timeout_s: float = 300) -> Settings:
    return Settings(index=IndexSettings(data_dir=data_dir, writer_timeout_s=writer_timeout_s))


def _start_writer(data_dir: Path, paths: list[Path], stage: str, marker: Path) -> subprocess.Popen:
    env = os.environ | {
        "PERFQA_INDEX__DATA_DIR": str(data_dir),
        TEST_HOOK_ENV: f"{stage}:pause:{marker}",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", "--quiet", *map(str, paths)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(marker: Path, writer: subprocess.Popen) -> None:
    deadline = time.time() + 120
    while not marker.exists():
        if writer.poll() is not None:
            pytest.fail(f"writer ended before pausing: {writer.stderr.read().decode()}")
        if time.time() > deadline:
            writer.kill()
            pytest.fail("writer never reached its pause")
        time.sleep(0.1)


def _kill(writer: subprocess.Popen) -> None:
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)


def _versions(index: ReportIndex, source: Path) -> list[str]:
    return [d.doc_id for d in index.documents().values() if d.source == str(source.resolve())]


def _rates_found(index: ReportIndex, question: str = QUESTION) -> set[str]:
    """Rates in the passages both retrievers return for the question (what an answer could quote)."""
    dense = [cid for cid, _ in index.store.query_chunks(index.embedding.query_vector(question), 10)]
    lexical = [hit.chunk_id for hit in index.lexical().search(tokenize(question), 10)]
    texts = [chunk.text for chunk in index.store.get_chunks(list(dict.fromkeys(dense + lexical)))]
    return {rate for rate in (OLD_RATE, NEW_RATE) if any(rate in text for text in texts)}


def _assert_consistent(index: ReportIndex) -> None:
    """Every stored chunk belongs to a visible document and every document has all its chunks."""
    documents = index.documents()
    counts = index.store.chunk_counts()
    assert counts == {doc_id: d.chunk_count for doc_id, d in documents.items()}
    assert all(not meta.get("replaces") for meta in index.store.registry_records())


# Before "registered" the old version is the visible one; from "registered" on, the new one.
STAGES = [("sentences-written", False), ("chunks-written", False), ("registered", True), ("retired", True)]


@pytest.mark.parametrize(("stage", "new_visible"), STAGES)
def test_a_replacement_killed_at_any_stage_shows_one_version_and_the_next_writer_completes_it(
    tmp_path: Path, stage: str, new_visible: bool
):
    data_dir = tmp_path / "data"
    report = write_report(tmp_path / "report.txt", rate=OLD_RATE)
    reader = ReportIndex(_settings(data_dir, writer_timeout_s=1))
    reader.ingest([report], progress=False)
    old_id = _versions(reader, report)[0]
    assert _rates_found(reader) == {OLD_RATE}

    write_report(report, rate=NEW_RATE)
    marker = tmp_path / "paused"
    writer = _start_writer(data_dir, [report], stage, marker)
    try:
        _wait_for(marker, writer)
        # While the writer holds the lock: a second writer waits and then says why, readers read.
        with pytest.raises(IndexUnavailableError, match="另一个进程正在写入"):
            reader.delete(old_id)
        fresh_reader = ReportIndex(_settings(data_dir))
        for index in (reader, fresh_reader):
            versions = _versions(index, report)
            assert len(versions) == 1 and (versions[0] != old_id) == new_visible
            assert _rates_found(index) == {NEW_RATE if new_visible else OLD_RATE}
        written_so_far = fresh_reader.store.chunk_counts()
    finally:
        _kill(writer)

    # Opening readers removed nothing the writer had written.
    assert ReportIndex(_settings(data_dir)).store.chunk_counts() == written_so_far
    assert len(_versions(reader, report)) == 1

    # The next writer finishes or rolls back, then indexes the file: one version, the new one.
    again = ReportIndex(_settings(data_dir)).ingest([report], progress=False)
    assert again.repairs and not again.failed
    for index in (reader, ReportIndex(_settings(data_dir))):
        versions = _versions(index, report)
        assert len(versions) == 1 and versions[0] != old_id
        assert _rates_found(index) == {NEW_RATE}
        _assert_consistent(index)


def test_two_writers_at_once_each_add_their_report_and_a_running_reader_sees_both(tmp_path: Path):
    data_dir = tmp_path / "data"
    reader = ReportIndex(_settings(data_dir))
    assert reader.documents() == {}
    files = [write_report(tmp_path / "a.txt", "示范局"), write_report(tmp_path / "b.txt", "样例局", NEW_RATE)]
    env = os.environ | {"PERFQA_INDEX__DATA_DIR": str(data_dir)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "ingest", "--quiet", str(path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in files
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()
        assert "新增 1 份" in out.decode()
    # The reader opened before both writes: it sees them on its next question.
    assert sorted(d.department for d in reader.documents().values()) == ["广州市样板区样例局", "广州市样板区示范局"]
    _assert_consistent(reader)
    assert _rates_found(reader) == {OLD_RATE, NEW_RATE}
    assert not list(data_dir.glob("**/*.tmp"))


def test_a_removal_killed_midway_hides_the_report_and_the_next_writer_clears_its_records(tmp_path: Path):
    data_dir = tmp_path / "data"
    reader = ReportIndex(_settings(data_dir))
    reader.ingest([write_report(tmp_path / "a.txt"), write_report(tmp_path / "b.txt", "样例局", NEW_RATE)], False)
    [removed] = [d.doc_id for d in reader.documents().values() if d.department.endswith("样例局")]
    marker = tmp_path / "paused"
    env = os.environ | {"PERFQA_INDEX__DATA_DIR": str(data_dir), TEST_HOOK_ENV: f"unregistered:pause:{marker}"}
    writer = subprocess.Popen(
        [sys.executable, "-m", "ingest", "remove", removed[:12]], cwd=ROOT, env=env, stderr=subprocess.PIPE
    )
    try:
        _wait_for(marker, writer)
        assert removed not in reader.documents() and _rates_found(reader) == {OLD_RATE}
    finally:
        _kill(writer)
    assert reader.store.chunk_counts().get(removed)  # its records are still there, invisible
    repaired = ReportIndex(_settings(data_dir)).ingest([tmp_path / "a.txt"], progress=False)
    assert repaired.repairs and repaired.unchanged
    _assert_consistent(reader)
    assert removed not in reader.store.chunk_counts() and _rates_found(reader) == {OLD_RATE}
