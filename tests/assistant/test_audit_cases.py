"""The audit over blind cases written without reading the code (evals/audit_cases/): every planted
inconsistency found as 不一致, no 不一致 on a consistent case; and the three short blind reports."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from assistant.audit import AuditCheck, Verdict, audit_document
from ingest.pipeline import parse_document
from ingest.settings import Settings

CASES_DIR = Path(__file__).resolve().parents[2] / "evals" / "audit_cases"
CASES = [json.loads(line) for line in (CASES_DIR / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line]
REPORTS = sorted((CASES_DIR / "reports").glob("*.txt"))


def _audit_text(tmp_path: Path, name: str, text: str) -> tuple[str, list[AuditCheck]]:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_document(path, None, Settings())
    return parsed.normalized.raw, audit_document(parsed)


def _touches(check: AuditCheck, start: int, end: int) -> bool:
    """The check's stated figure or one of its operands lies in the raw span [start, end)."""
    return any(start <= f.raw_start < end or f.raw_start <= start < f.raw_end for f in (check.stated, *check.sources))


def _flagged(raw: str, checks: list[AuditCheck], snippet: str) -> bool:
    start = raw.find(snippet)
    assert start >= 0, snippet
    return any(c.verdict is Verdict.INCONSISTENT and _touches(c, start, start + len(snippet)) for c in checks)


# ac-155: two bare mentions ("改造农村危房326户" / "完成农村危房改造362户") whose wording shares too little for the
# repeat rule to pair them without also pairing a breakdown with its total: a known miss, kept visible.
KNOWN_MISSES = {"ac-155"}
CASE_PARAMS = [
    pytest.param(c, id=c["id"], marks=pytest.mark.xfail(strict=True) if c["id"] in KNOWN_MISSES else ()) for c in CASES
]


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_blind_case(case: dict, tmp_path: Path) -> None:
    raw, checks = _audit_text(tmp_path, case["id"], case["text"])
    inconsistent = [c for c in checks if c.verdict is Verdict.INCONSISTENT]
    if case["planted"]:
        assert _flagged(raw, checks, case["planted"][0]["snippet"]), [(c.formula, c.verdict) for c in checks]
    else:
        assert not inconsistent, [(c.kind, c.formula, c.stated.text) for c in inconsistent]


@pytest.mark.parametrize("report", REPORTS, ids=[r.stem for r in REPORTS])
def test_blind_report(report: Path) -> None:
    key = json.loads(report.with_name(report.stem + "_audit.json").read_text(encoding="utf-8"))
    parsed = parse_document(report, None, Settings())
    started = time.perf_counter()
    checks = audit_document(parsed)
    assert time.perf_counter() - started < 2.0
    raw = parsed.normalized.raw
    hits: set[int] = set()
    for planted in key["planted_inconsistencies"]:
        start = raw.find(planted["snippet"])
        found = [
            c
            for c in checks
            if c.verdict is Verdict.INCONSISTENT and _touches(c, start, start + len(planted["snippet"]))
        ]
        assert found, planted["snippet"]
        hits.update(id(c) for c in found)
    false_alarms = [c for c in checks if c.verdict is Verdict.INCONSISTENT and id(c) not in hits]
    assert len(false_alarms) <= 1, [(c.formula, c.stated.text) for c in false_alarms]


EDU_2024 = Path(__file__).resolve().parents[2] / "evals" / "edu_2024"


def test_development_report_edu_2024_planted_errors_found_and_nothing_else() -> None:
    key = json.loads((EDU_2024 / "edu_2024_audit.json").read_text(encoding="utf-8"))
    parsed = parse_document(EDU_2024 / "edu_2024_clean.txt", None, Settings())
    checks = audit_document(parsed)
    raw = parsed.normalized.raw
    for planted in key["planted_inconsistencies"]:
        assert _flagged(raw, checks, planted["snippet"]), planted["snippet"]
    stated = {c.stated.text for c in checks if c.verdict is Verdict.INCONSISTENT}
    assert stated == {"116.50%", "92.50%", "18,650.00万元"}
    # near-identical figures with different meanings are not a repeat
    assert not [c for c in checks if c.kind == "repeat"]


BLIND_QA_REPORTS = sorted((Path(__file__).resolve().parents[2] / "evals" / "blind" / "corpus").glob("*.*"))


@pytest.mark.parametrize("report", BLIND_QA_REPORTS, ids=[r.name for r in BLIND_QA_REPORTS])
def test_consistent_blind_reports_raise_no_alarm(report: Path) -> None:
    """The question-answering blind reports (text, PDF, DOCX) state consistent arithmetic throughout."""
    checks = audit_document(parse_document(report, None, Settings()))
    assert checks
    assert not [(c.formula, c.stated.text) for c in checks if c.verdict is Verdict.INCONSISTENT]
