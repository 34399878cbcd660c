from pathlib import Path

from assistant.service import Assistant
from tests.conftest import SMALL_REPORT, settings_for


def test_corpus_sync_indexes_new_files_once_and_forgets_deleted_ones(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SMALL_REPORT, encoding="utf-8")
    (corpus / "b.txt").write_text(SMALL_REPORT.replace("测试局", "样例局"), encoding="utf-8")
    assistant = Assistant(settings_for(tmp_path / "data"))
    assert len(assistant.sync_corpus(corpus, progress=False).added) == 2

    restarted = Assistant(settings_for(tmp_path / "data"))
    again = restarted.sync_corpus(corpus, progress=False)
    assert len(again.unchanged) == 2 and not again.added

    (corpus / "b.txt").unlink()
    after = restarted.sync_corpus(corpus, progress=False)
    assert [Path(p).name for p in after.removed] == ["b.txt"]
    assert [d.department for d in restarted.index.documents().values()] == ["广州市示例区测试局"]
    assert not restarted.ask("广州市示例区样例局的执行率是多少？").citations


def test_upload_select_reindex_and_delete(tmp_path: Path):
    assistant = Assistant(settings_for(tmp_path / "data"))
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "a.txt").write_text(SMALL_REPORT, encoding="utf-8")
    (incoming / "empty.txt").write_bytes(b"")
    report = assistant.upload([incoming / "a.txt", incoming / "empty.txt"], progress=False)
    assert len(report.added) == 1 and len(report.failed) == 1
    assert [p.name for p in assistant.uploads_dir.rglob("*.txt")] == ["a.txt"]  # a failed file is not kept

    doc_id = next(iter(assistant.index.documents()))
    assert assistant.select(departments=["广州市示例区测试局"]) == [doc_id]
    assert assistant.select(years=[2021]) == [] and assistant.select() is None

    assert len(assistant.reindex(doc_id).replaced) == 1 and list(assistant.index.documents()) == [doc_id]
    assistant.delete(doc_id)
    assert not assistant.index.documents() and not list(assistant.uploads_dir.iterdir())


def test_metadata_can_be_corrected_and_scopes_questions(tmp_path: Path):
    assistant = Assistant(settings_for(tmp_path / "data"))
    path = tmp_path / "a.txt"
    path.write_text(SMALL_REPORT, encoding="utf-8")
    assistant.index.ingest([path], progress=False)
    doc_id = next(iter(assistant.index.documents()))
    assistant.index.update_metadata(doc_id, department="广州市示例区审计局", year=2021)
    reopened = Assistant(settings_for(tmp_path / "data"))
    document = reopened.index.documents()[doc_id]
    assert (document.department, document.year) == ("广州市示例区审计局", 2021)
    assert reopened.select(departments=["广州市示例区审计局"]) == [doc_id]


def test_uploads_are_kept_by_content_so_a_same_named_report_is_a_new_one(tmp_path: Path):
    assistant = Assistant(settings_for(tmp_path / "data"))
    for department in ("测试局", "样例局"):
        folder = tmp_path / department
        folder.mkdir()
        (folder / "附件2.txt").write_text(SMALL_REPORT.replace("测试局", department), encoding="utf-8")
        assert len(assistant.upload([folder / "附件2.txt"], progress=False).added) == 1
    assert sorted(d.department for d in assistant.index.documents().values()) == [
        "广州市示例区样例局",
        "广州市示例区测试局",
    ]
    renamed = tmp_path / "copy.txt"
    renamed.write_bytes((tmp_path / "测试局" / "附件2.txt").read_bytes())
    again = assistant.upload([renamed], progress=False)
    assert not again.added and "附件2.txt" in str(again.duplicates[0])
    assert sorted(p.name for p in assistant.uploads_dir.rglob("*.txt")) == ["附件2.txt", "附件2.txt"]


def test_replacing_a_report_is_explicit_and_happens_in_one_step(tmp_path: Path):
    assistant = Assistant(settings_for(tmp_path / "data"))
    first = tmp_path / "附件2.txt"
    first.write_text(SMALL_REPORT, encoding="utf-8")
    assistant.upload([first], progress=False)
    [old_id] = assistant.index.documents()

    corrected = tmp_path / "附件2（更正）.txt"
    corrected.write_text(SMALL_REPORT.replace("99.64%", "98.00%"), encoding="utf-8")
    report = assistant.replace(old_id, corrected)
    assert report.replaced and not report.failed
    [new] = assistant.index.documents().values()
    assert new.doc_id != old_id and new.source.endswith("附件2（更正）.txt")
    assert [p.name for p in assistant.uploads_dir.rglob("*.txt")] == ["附件2（更正）.txt"]
    assert "98.00%" in assistant.ask("2022年执行率是多少？").text

    broken = tmp_path / "empty.txt"
    broken.write_bytes(b"")
    assert assistant.replace(new.doc_id, broken).failed
    assert list(assistant.index.documents()) == [new.doc_id]


def test_a_question_several_reports_answer_is_answered_per_report(tmp_path: Path):
    # Two departments' reports state the same metric; a question naming neither gets both, side by side.
    assistant = Assistant(settings_for(tmp_path / "data"))
    for name, department, figure in (("a.txt", "测试局", "1,234.50"), ("b.txt", "样例局", "2,345.60")):
        path = tmp_path / name
        path.write_text(SMALL_REPORT.replace("测试局", department).replace("1,234.50", figure), encoding="utf-8")
        assistant.index.ingest([path], progress=False)
    answer = assistant.ask("部门整体总收入合计多少？")
    assert not answer.refused and "1,234.50万元" in answer.text and "2,345.60万元" in answer.text
    assert answer.notice and len({c.doc_id for c in answer.citations}) == 2
    named = assistant.ask("样例局部门整体总收入合计多少？")
    assert "2,345.60万元" in named.text and "1,234.50万元" not in named.text and not named.notice
