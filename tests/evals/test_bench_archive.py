"""The archive benchmark's generator: N different fictional reports that ingest reads as intended."""

from pathlib import Path

from evals.bench.archive import bench_questions, load_archive, write_archive
from ingest.pipeline import parse_document
from ingest.settings import Settings


def test_reports_differ_in_department_year_district_and_figures_and_parse_as_such(tmp_path: Path):
    reports = write_archive(tmp_path, 12)
    assert load_archive(tmp_path) == reports
    assert {r.format for r in reports} == {"pdf", "docx", "txt"}
    assert len({(r.region, r.department, r.year, r.kind) for r in reports}) == 12
    assert len({r.execution_rate for r in reports}) >= 10  # every figure drawn anew
    for report in reports[:6]:
        info = parse_document(tmp_path / report.path, None, Settings()).info
        assert info.year == report.year and info.department == report.region + report.department
        assert info.district == report.region.removeprefix("广州市")


def test_a_bigger_archive_starts_with_the_smaller_one_and_questions_are_fixed(tmp_path: Path):
    small = write_archive(tmp_path / "small", 3)
    big = write_archive(tmp_path / "big", 5)
    assert big[:3] == small
    assert [(tmp_path / "small" / r.path).read_bytes() for r in small] == [
        (tmp_path / "big" / r.path).read_bytes() for r in big[:3]
    ]
    questions = bench_questions(big)
    assert questions == bench_questions(big) and len(questions) >= 10
    assert any(q.expected == big[0].execution_rate for q in questions)
