"""Phrasing families the sixteenth blind set exposed, in wording of our own. Misses: the shortfall to a target the
sentence does not state ("距年度目标还差N"), a 环比 change of two periods stated in the sentences before it, the
difference of two named items ("甲…A，比乙多D"). False alarm: a rate over a figure counted among a group
("参保职工中已体检N人"), which is a part of that group, not its whole."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- the shortfall to a target stated elsewhere ------------------------------------------------------------------

SHORT_TABLE = (
    "示例县农村饮水安全项目2024年度绩效自评报告\n"
    "一、绩效目标\n"
    "年度绩效目标为：新增受益人口达到12000人，水质达标率不低于90%。\n"
    "二、完成情况\n"
    "全年实际新增受益人口11450人，较上年的10800人增加650人，距年度目标还差{gap}，主要是一处水厂延期通水。\n"
    "表1 绩效指标完成情况\n"
    "指标名称    年度指标值    实际完成值    完成情况\n"
    "新增受益人口    12000人    11450人    完成95.42%\n"
    "水质达标率    不低于90%    93.5%    完成\n"
)


def test_a_shortfall_to_the_target_of_the_indicator_table_is_consistent(tmp_path: Path) -> None:
    text = SHORT_TABLE.format(gap="550人")
    assert not _found(tmp_path, text, "550人")
    assert any("12000" in f and "11450人" in f for f in _consistent(tmp_path, text, "550人"))


def test_a_slipped_shortfall_to_a_target_stated_elsewhere_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, SHORT_TABLE.format(gap="560人"), "560人")
    assert found and "12000" in found[0][0] and "11450人" in found[0][0]


SHORT_PROSE = (
    "示例市老旧小区改造项目2024年度绩效自评报告\n"
    "一、项目概况\n"
    "本年度计划改造老旧小区3,600户，项目预算2,400.00万元。\n"
    "二、产出情况\n"
    "截至年末已改造老旧小区3,380户，离年度计划仍差{gap}，剩余部分结转下年实施。\n"
)


def test_a_shortfall_to_a_target_of_an_earlier_paragraph_is_consistent(tmp_path: Path) -> None:
    text = SHORT_PROSE.format(gap="220户")
    assert not _found(tmp_path, text, "220户")
    assert any("3,380户" in f for f in _consistent(tmp_path, text, "220户"))


def test_a_slipped_shortfall_to_a_target_of_an_earlier_paragraph_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, SHORT_PROSE.format(gap="280户"), "280户")
    assert found and "3600" in found[0][0]


# ---- a 环比 change of two periods stated in the sentences before it -------------------------------------------------

QUARTERS = (
    "示例区公共文化服务项目2025年1—9月绩效运行监控报告\n"
    "一、预算执行\n"
    "第一季度支出120.00万元，第二季度支出150.00万元，第三季度支出135.00万元。"
    "三季度支出比二季度环比减少{pct}，主要是部分演出活动延至第四季度。\n"
)


def test_a_quarter_on_quarter_change_from_the_sentence_before_is_consistent(tmp_path: Path) -> None:
    text = QUARTERS.format(pct="10.00%")
    assert not _found(tmp_path, text, "10.00%")
    assert any("135.00万元" in f and "150.00万元" in f for f in _consistent(tmp_path, text, "10.00%"))


def test_a_slipped_quarter_on_quarter_change_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, QUARTERS.format(pct="11.00%"), "11.00%")
    assert found and "135.00万元" in found[0][0] and "150.00万元" in found[0][0]


MONTHS = (
    "示例市政务服务中心2025年上半年绩效运行监控报告\n"
    "一、业务量\n"
    "4月受理办件320件，5月受理办件352件。5月受理办件比4月环比增长{pct}，主要是企业年报集中办理。\n"
)


def test_a_month_on_month_change_from_the_sentence_before_is_found_when_slipped(tmp_path: Path) -> None:
    assert not _found(tmp_path, MONTHS.format(pct="10.00%"), "10.00%")
    found = _found(tmp_path, MONTHS.format(pct="12.00%"), "12.00%")
    assert found and "352件" in found[0][0] and "320件" in found[0][0]


# ---- the difference of two named items -----------------------------------------------------------------------------

ITEMS_TABLE = (
    "示例市就业补助资金2024年度绩效评价报告\n"
    "一、资金使用\n"
    "表1 资金使用情况\n"
    "资金用途｜预算（万元）｜支出（万元）｜执行率\n"
    "职业培训补贴｜800.00｜760.00｜95.00%\n"
    "社会保险补贴｜500.00｜480.00｜96.00%\n"
    "合计｜1,300.00｜1,240.00｜95.38%\n"
    "从结构看，职业培训补贴支出760.00万元，比社会保险补贴多{diff}。\n"
)


def test_the_difference_of_two_table_items_is_consistent(tmp_path: Path) -> None:
    text = ITEMS_TABLE.format(diff="280.00万元")
    assert not _found(tmp_path, text, "280.00万元")
    assert any("760.00万元" in f and "480" in f for f in _consistent(tmp_path, text, "280.00万元"))


def test_a_slipped_difference_of_two_table_items_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, ITEMS_TABLE.format(diff="260.00万元"), "260.00万元")
    assert found and "760.00万元" in found[0][0] and "480" in found[0][0]


ITEMS_PROSE = (
    "示例县社会救助项目2024年度绩效自评报告\n"
    "一、资金发放\n"
    "城市低保金发放1,250.00万元，比农村低保金少{diff}。农村低保金2,030.00万元，覆盖全部乡镇。\n"
)


def test_a_difference_to_an_item_its_paragraph_states_is_found_when_slipped(tmp_path: Path) -> None:
    assert any("2030" in f for f in _consistent(tmp_path, ITEMS_PROSE.format(diff="780.00万元"), "780.00万元"))
    found = _found(tmp_path, ITEMS_PROSE.format(diff="760.00万元"), "760.00万元")
    assert found and "1,250.00万元" in found[0][0]
    # a difference to last year is a change over time (changes.py), never one of two items
    last_year = (
        "示例县社会救助项目2024年度绩效自评报告\n一、资金发放\n城市低保金发放1,250.00万元，比上年多80.00万元。\n"
    )
    assert not [c for c in audit_text(tmp_path, last_year) if c.kind == "item_difference"]


# ---- a rate over a figure counted among a group ------------------------------------------------------------------

AMONG_GROUP = (
    "示例市职工健康服务项目2024年度绩效自评报告\n"
    "一、基本情况\n"
    "全市参保职工52,000人。\n"
    "二、产出情况\n"
    "截至年末，参保职工中已完成体检46,800人，体检率90.00%；建档41,600人，建档率{rate}。\n"
)


def test_a_rate_is_not_over_a_figure_counted_among_its_group(tmp_path: Path) -> None:
    assert not _found(tmp_path, AMONG_GROUP.format(rate="80.00%"), "80.00%")


AMONG_SAME_SENTENCE = (
    "示例市职工健康服务项目2024年度绩效自评报告\n"
    "一、产出情况\n"
    "全市参保职工52,000人，参保职工中已完成体检46,800人，体检率90.00%；建档41,600人，建档率{rate}。\n"
)


def test_a_slipped_rate_is_found_over_the_group_not_over_a_part_of_it(tmp_path: Path) -> None:
    assert not _found(tmp_path, AMONG_SAME_SENTENCE.format(rate="80.00%"), "80.00%")
    found = _found(tmp_path, AMONG_SAME_SENTENCE.format(rate="78.00%"), "78.00%")
    assert found and "52,000人" in found[0][0]
