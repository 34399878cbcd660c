"""Small reports written for the reliability tests (fictional)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RATE_REPORT = """广州市样板区示范局
2021 年部门整体支出绩效自评报告
一、部门基本情况
（一）收支总体情况
2021 年部门整体总收入合计 2,468.10 万元，其中财政拨款收入 2,400.00 万元。
总支出 2,460.00 万元，预算执行率为 97.25%。
二、主要问题
一是绩效目标不够具体。二是资金拨付进度偏慢。
"""


def write_report(path: Path, department: str = "示范局", rate: str = "97.25%") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RATE_REPORT.replace("示范局", department).replace("97.25%", rate), encoding="utf-8")
    return path
