"""Table layouts written for these tests: columns of two years side by side, and a group column that
names the 小计 rows in a second text column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assistant.test_audit_phrasings import run_case

TWO_YEARS = """表2 各类培训经费情况（单位：万元）
类别｜内容｜2024年支出｜2025年预算｜2025年支出｜执行率
技能培训｜焊工培训｜120.00｜150.00｜141.00｜94.00%
技能培训｜电工培训｜80.00｜100.00｜96.50｜96.50%
技能培训｜小计｜200.00｜250.00｜237.50｜95.00%
创业培训｜创业指导｜60.00｜70.00｜63.00｜{rate}
创业培训｜小计｜60.00｜70.00｜63.00｜90.00%
合计｜—｜260.00｜320.00｜{total}｜93.91%
"""


@pytest.mark.parametrize(
    ("rate", "total", "figure", "expected"),
    [
        ("90.00%", "300.50", "94.00%", "一致"),  # spending of the budget's year, not the year before
        ("90.00%", "300.50", "300.50万元", "一致"),  # 合计 sums the 小计 rows, each item once
        ("90.00%", "310.50", "310.50万元", "不一致"),
        ("99.00%", "300.50", "99.00%", "不一致"),
    ],
)
def test_rates_and_totals_of_a_table_with_two_years_and_a_group_column(
    tmp_path: Path, rate: str, total: str, figure: str, expected: str
) -> None:
    run_case(tmp_path, TWO_YEARS.format(rate=rate, total=total), figure, expected)
