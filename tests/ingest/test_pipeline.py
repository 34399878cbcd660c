"""Ingest against a real Chroma store on disk with the real embedding model."""

from pathlib import Path

from ingest.pipeline import ReportIndex
from ingest.store import ReportStore
from tests.conftest import SMALL_REPORT, settings_for


def _snapshot(index: ReportIndex) -> tuple:
    docs = index.store.documents()
    ids, doc_ids, _ = index.store.chunk_tokens()
    return tuple(docs), tuple(sorted(ids)), tuple(sorted(doc_ids))


def test_reingest_changes_nothing_and_a_changed_file_replaces_its_chunks(tmp_path: Path):
    index = ReportIndex(settings_for(tmp_path / "data"))
    report_path = tmp_path / "report.txt"
    report_path.write_text(SMALL_REPORT, encoding="utf-8")

    first = index.ingest([report_path], progress=False)
    assert len(first.added) == 1 and first.chunks > 0
    before = _snapshot(index)
    again = index.ingest([report_path, tmp_path], progress=False)
    assert len(again.unchanged) == 2 and not again.added
    assert _snapshot(index) == before

    report_path.write_text(SMALL_REPORT.replace("99.64%", "98.00%"), encoding="utf-8")
    changed = index.ingest([report_path], progress=False)
    assert len(changed.replaced) == 1
    docs = index.store.documents()
    assert len(docs) == 1 and docs[0].doc_id != before[0][0].doc_id
    _, chunk_docs, _ = index.store.chunk_tokens()
    assert set(chunk_docs) == {docs[0].doc_id}


def test_failed_files_leave_the_index_exactly_as_it_was(tmp_path: Path):
    index = ReportIndex(settings_for(tmp_path / "data"))
    good = tmp_path / "good.txt"
    good.write_text(SMALL_REPORT, encoding="utf-8")
    index.ingest([good], progress=False)
    before = _snapshot(index)

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 500)
    report = index.ingest([tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "missing.txt"], progress=False)
    assert [Path(e.path).name for e in report.failed] == ["empty.txt", "binary.txt", "missing.txt"]
    assert _snapshot(index) == before


def test_readers_leave_records_of_an_unfinished_write_alone_and_the_next_writer_removes_them(tmp_path: Path):
    settings = settings_for(tmp_path / "data")
    index = ReportIndex(settings)
    path = tmp_path / "report.txt"
    path.write_text(SMALL_REPORT, encoding="utf-8")
    index.ingest([path], progress=False)
    doc_id = index.store.documents()[0].doc_id
    chunk_count = index.store.chunk_counts()[doc_id]
    # As if a writer had written the chunks but not yet the registry record.
    index.store._current().documents.delete(ids=[doc_id])
    reader = ReportStore(settings.index, index.embedding.model_name)
    assert reader.documents() == [] and reader.chunk_tokens() == ([], [], [])
    assert reader.chunk_counts() == {doc_id: chunk_count}  # opening deleted nothing

    other = tmp_path / "other.txt"
    other.write_text(SMALL_REPORT.replace("测试局", "样例局"), encoding="utf-8")
    report = index.ingest([other], progress=False)
    assert report.repairs and len(report.added) == 1
    assert doc_id not in reader.chunk_counts()


def test_metadata_from_title(tmp_path: Path):
    index = ReportIndex(settings_for(tmp_path / "data"))
    path = tmp_path / "report.txt"
    path.write_bytes(SMALL_REPORT.encode("gbk"))
    index.ingest([path], progress=False)
    doc = index.store.documents()[0]
    assert doc.department == "广州市示例区测试局"
    assert doc.year == 2022 and doc.district == "示例区" and doc.report_type == "部门整体支出绩效自评"
