"""Phrasing families the tenth blind set exposed, in wording of our own: last year's figure of the same name,
stated with its year in a later part, is no restatement of this year's."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, inconsistent

REPORT = "示例县某局2025年度城乡供水项目支出绩效自评报告\n一、资金使用情况\n"


def test_a_figure_of_last_year_named_with_its_year_is_no_restatement(tmp_path: Path) -> None:
    text = (
        "全年预算1,860.00万元，全年实际支出1,795.40万元，执行率96.53%。\n"
        "二、与上年对比\n"
        "2024年度该项目实际支出1,612.80万元，本年规模有所扩大。\n"
    )
    assert not [c for c in inconsistent(audit_text(tmp_path, REPORT + text)) if "1,612.80" in c[1]]


def test_the_same_years_figure_restated_with_a_slip_is_still_found(tmp_path: Path) -> None:
    text = (
        "全年预算1,860.00万元，全年实际支出1,795.40万元，执行率96.53%。\n"
        "二、自评结论\n"
        "2025年度该项目全年实际支出1,759.40万元，资金使用规范。\n"
    )
    assert [c for c in inconsistent(audit_text(tmp_path, REPORT + text)) if "1,759.40" in c[1]]
