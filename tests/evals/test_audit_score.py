"""The audit scorer on a folder it has never seen: planted items found only as 不一致 on the stated figure,
other 不一致 checks counted as false alarms, keys located through whitespace and thousands separators."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.audit_score import format_score, main, planted_span, score_folder

REPORT = """某县某局2025年度项目支出绩效自评报告（虚构示例，仅供测试）
一、项目概况
项目年度预算为1,200.00万元，全年实际支出1,150.00万元，预算执行率为95.83%。
该项目计划培训基层人员800人次，实际培训 820人次，完成率为105.50%。
项目资金1,200.00万元由三部分组成：中央资金600.00万元、省级资金400.00万元、县级资金150.00万元。
"""


def _folder(tmp_path: Path, planted: list[dict]) -> Path:
    (tmp_path / "county.txt").write_text(REPORT, encoding="utf-8")
    key = {"document": "county.txt", "planted_inconsistencies": planted, "consistent_checks": []}
    (tmp_path / "county_audit.json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_planted_rate_found_and_unplanted_inconsistency_is_a_false_alarm(tmp_path: Path) -> None:
    # 820 ÷ 800 = 102.50%, planted; the funding sum (1,150 ≠ 1,200) is not listed, so it is a false alarm
    folder = _folder(tmp_path, [{"id": "a", "stated": "105.50%", "snippet": "实际培训 820人次，完成率为105.50%"}])
    score = score_folder(folder)
    (report,) = score.reports
    assert [(p.id, p.found, p.located) for p in report.planted] == [("a", True, True)]
    assert len(report.false_alarms) == 1 and "1,200.00万元" in report.false_alarms[0]
    assert report.audit_seconds < 2
    assert score.totals()["found"] == 1 and score.totals()["planted"] == 1
    assert "1/1" in format_score(score)


def test_a_planted_figure_not_flagged_is_a_miss(tmp_path: Path) -> None:
    folder = _folder(tmp_path, [{"id": "x", "stated": "95.83%", "snippet": "预算执行率为95.83%"}])
    (report,) = score_folder(folder).reports
    assert not report.planted[0].found and report.planted[0].verdicts == ["一致"]


def test_snippet_located_across_spaces_and_separators() -> None:
    raw = "全年实际支出 1,150.00 万元，执行率95.83%"
    start, end = planted_span(raw, "实际支出1150.00万元", "1150.00万元")
    assert raw[start:end] == "1,150.00 万元"
    assert planted_span(raw, "没有这句话", "1") is None


def test_command_prints_json(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    folder = _folder(tmp_path, [{"id": "a", "stated": "105.50%", "snippet": "完成率为105.50%"}])
    assert main(["--dir", str(folder), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["totals"]["found"] == 1 and payload["reports"][0]["planted"][0]["found"] is True
    assert main(["--dir", str(tmp_path / "none")]) == 2


def test_consistent_relations_read_by_the_audit_are_counted(tmp_path: Path) -> None:
    folder = _folder(tmp_path, [])
    key = json.loads((folder / "county_audit.json").read_text(encoding="utf-8"))
    key["consistent_checks"] = [
        {"snippet": "预算执行率为95.83%", "expected": "95.83"},
        {"stated": "实际支出1,150.00万元"},  # a phrase only: its last number is the figure
    ]
    (folder / "county_audit.json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    (report,) = score_folder(folder).reports
    assert (report.consistent_covered, report.consistent_total) == (2, 2)


DEVELOPMENT_SETS = ["audit_blind2", "audit_own", "edu_2024"]


@pytest.mark.parametrize("folder", DEVELOPMENT_SETS)
def test_development_sets_every_planted_found_at_most_one_false_alarm(folder: str) -> None:
    score = score_folder(Path(__file__).resolve().parents[2] / "evals" / folder)
    for report in score.reports:
        assert all(p.found for p in report.planted), (report.document, report.planted)
        assert len(report.false_alarms) <= 1, (report.document, report.false_alarms)
        assert report.audit_seconds < 2.0


# Blind audit sets gated at their measurement (not yet at the done-when target): found may only rise and false
# alarms only fall.
# - Set 3, first measurement before any change made after reading it: 7/12 found, 18 false alarms. Since then,
#   after development on audit_blind4 (none of it written for this set's wording): 11/12, 0 false alarms.
# - Set 4, gated after development on it (it is no longer blind): first measurement, before any change made after
#   reading it, 8/12 found and 26 false alarms (9 in one report).
# - Set 5, gated after development on it: first measurement 10/12 found, 8 false alarms (4 in one report).
# - Set 6, gated after development on it: first measurement (after set 5's work) 7/12 found, 5 false alarms.
# - Set 7, gated after development on it: first measurement (after set 6's work) 7/12 found, 2 false alarms.
# - Sets 8 and 9, gated after development on them: first measurements 8/12 with 6 false alarms and 9/12 with 7.
# - Set 10: first measurement (after the work on sets 5-9) 9/12, 4 false alarms; 2 after one family was fixed.
BLIND_FLOORS = {
    "audit_blind3": {"found_min": 11, "false_alarms_max": 0},
    "audit_blind4": {"found_min": 12, "false_alarms_max": 0},
    "audit_blind5": {"found_min": 12, "false_alarms_max": 0},
    "audit_blind6": {"found_min": 12, "false_alarms_max": 0},
    "audit_blind7": {"found_min": 12, "false_alarms_max": 0},
    "audit_blind8": {"found_min": 12, "false_alarms_max": 0},
    "audit_blind9": {"found_min": 12, "false_alarms_max": 0},
    "audit_blind10": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-10 work, before any development on it: 10/12, 4 false alarms (at most 2 a report);
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind11": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-11 work, before any development on it: 9/12, 2 false alarms (at most 1 a report);
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind12": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-12 work, before any development on it: 4/12, 13 false alarms (10 in one report);
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind13": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-13 work, before any development on it: 5/12, 5 false alarms (at most 3 a report);
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind14": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-14 work, before any development on it: 7/12, 7 false alarms (at most 4 a report);
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind15": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-15 work, before any development on it: 9/12, 1 false alarm (at most 1 a report);
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind16": {"found_min": 12, "false_alarms_max": 0},
    # first measured on the code before the set-16 work, before any development on it: 2/12, 5 false alarms (at
    # most 2 a report); every planted kind is one no earlier set used. 12/12 with 0 false alarms after the phrasing
    # families it exposed were fixed (measured after development)
    "audit_blind17": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-17 work, before any development on it: 8/12, 7 false alarms (at most 5 a report);
    # its errors are common relations (execution and completion rates, shares, sums, score totals) in new phrasings;
    # 12/12 with 0 false alarms after the phrasing families it exposed were fixed (measured after development)
    "audit_blind18": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-18 work, before any development on it: 8/12, 10 false alarms (at most 5 a report)
    "audit_blind19": {"found_min": 11, "false_alarms_max": 0},
    # first measured after the set-19 work, before any development on it: 8/12, 13 false alarms (at most 10 a
    # report), the same in Word form; 12/12 with 0 false alarms after the phrasing families it exposed were fixed
    # (measured after development, the same in Word form)
    "audit_blind20": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-20 work, before any development on it: 8/12, 2 false alarms (at most 2 a
    # report), the same in Word form; 12/12 with 0 false alarms after the phrasing families it exposed were fixed
    # (measured after development, the same in Word form)
    "audit_blind21": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-21 work, before any development on it: 8/12, 3 false alarms (all in one report:
    # a per-unit 元/吨 column's 小计/合计 rows read as sums); in Word form 8/12 with 0 false alarms; 12/12 with 0 false
    # alarms after the phrasing families it exposed were fixed (measured after development, the same in Word form)
    "audit_blind22": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-22 work, before any development on it: 7/12, 4 false alarms (at most 2 a
    # report), 3 pending; the same found and false alarms in Word form; 12/12 with 0 false alarms (3 pending) after
    # the phrasing families it exposed were fixed (measured after development, the same in Word form)
    "audit_blind23": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-23 work, before any development on it: 10/12, 5 false alarms (at most 3 a
    # report), 2 pending; the same in Word form; 12/12 with 0 false alarms (2 pending) after the phrasing families
    # it exposed were fixed (measured after development, the same in Word form)
    "audit_blind24": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-24 work, before any development on it: 6/12, 7 false alarms (at most 5 a
    # report), 2 pending; the same in Word form; 12/12 with 0 false alarms (2 pending) after the phrasing families
    # it exposed were fixed (measured after development, the same in Word form)
    "audit_blind25": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-25 work, before any development on it: 10/12, 2 false alarms (at most 1 a
    # report); the same in Word form; 12/12 with 0 false alarms after the phrasing families it exposed were fixed
    # (measured after development, the same in Word form)
    "audit_blind26": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-26 work, before any development on it: 8/12, 3 false alarms (at most 2 a
    # report); the same in Word form. 12/12 with 0 false alarms after the phrasing families it exposed were fixed
    # (measured after development, the same in Word form)
    "audit_blind27": {"found_min": 12, "false_alarms_max": 0},
    # first measured after the set-27 work, before any development on it: 5/12, 4 false alarms (at most 3 a
    # report); the same in Word form. 10/12 with 0 false alarms after the phrasing families it exposed were fixed
    # (measured after development, the same in Word form); still missed: a drop in points from a start rate to a
    # target stated in the sentence before, and a payback period over the figure its own words name (年节约额)
    "audit_blind28": {"found_min": 10, "false_alarms_max": 0},
    # first measured after the set-28 work, before any development on it: 6/12, 3 false alarms (at most 1 a
    # report); the same in Word form. 6/12 with 0 false alarms after its three false alarms' families were fixed
    # (measured after development, the same in Word form); its six misses not yet worked on
    "audit_blind29": {"found_min": 6, "false_alarms_max": 0},
}


@pytest.mark.parametrize("folder", sorted(BLIND_FLOORS))
def test_blind_audit_sets_hold_their_floors(folder: str) -> None:
    floors = BLIND_FLOORS[folder]
    score = score_folder(Path(__file__).resolve().parents[2] / "evals" / folder)
    found = sum(p.found for r in score.reports for p in r.planted)
    false_alarms = sum(len(r.false_alarms) for r in score.reports)
    assert found >= floors["found_min"], format_score(score)
    assert false_alarms <= floors["false_alarms_max"], format_score(score)
    assert all(r.audit_seconds < 2.0 for r in score.reports)
