"""Helpers of the audit phrasing tests: audit a short report a test writes, and pick checks out of the result."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import AuditCheck, Verdict, audit_document
from ingest.pipeline import parse_document
from ingest.settings import Settings


def audit_text(tmp_path: Path, text: str) -> list[AuditCheck]:
    path = tmp_path / "case.txt"
    path.write_text(text, encoding="utf-8")
    return audit_document(parse_document(path, None, Settings()))


def checks_on(checks: list[AuditCheck], stated: str) -> list[AuditCheck]:
    return [c for c in checks if c.stated.text == stated]


def inconsistent(checks: list[AuditCheck]) -> list[tuple[str, str]]:
    return [(c.formula, c.stated.text) for c in checks if c.verdict is Verdict.INCONSISTENT]


def consistent_formulas(checks: list[AuditCheck], stated: str) -> list[str]:
    """The formulas of the checks on `stated` that found it consistent."""
    return [c.formula for c in checks_on(checks, stated) if c.verdict is Verdict.CONSISTENT]


def flagged(tmp_path: Path, text: str, stated: str) -> bool:
    """The audit of `text` finds `stated` inconsistent."""
    return any(figure == stated for _, figure in inconsistent(audit_text(tmp_path, text)))
