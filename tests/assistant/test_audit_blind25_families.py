"""Phrasing families the twenty-fifth blind set exposed, in wording of our own. False alarms: a price per unit
"折合" a total read as the same sum restated; a count times the price of one ("每台A，合计B") read as a sum; a
table column of averages per counted thing ("校均") summed into its 小计; an average stated after a change read as
the changed measure; a 环比 change whose 比 names the base period read as that period's own change.
Misses: a table's execution rate over another column than the one the report's note defines; a share of the
unit's own total named with its kind ("占中心全年支出的"); a rate of decline after "上年…为A，今年少花了B";
what is "还有N个…没有" done; a cost "摊到每吨…上" over the tonnage stated earlier."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, consistent_formulas, flagged, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"


# ---- false alarms ----------------------------------------------------------------------------------------------

PRICE_AND_COUNT = HEAD.format(dept="消防救援大队") + (
    "全年采购灭火器2,400具，中标单价320元，折合76.80万元；采购消防水带150盘，每盘0.12万元，合计18.00万元。\n"
)


def test_a_price_times_a_count_is_no_conversion_and_no_sum(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, PRICE_AND_COUNT))


AVERAGE_COLUMN = HEAD.format(dept="教育局") + (
    "全县学校教师培训情况见表1。\n\n"
    "表1 各片区教师培训情况\n"
    "片区｜学校数（所）｜培训人次（人次）｜校均培训人次（人次）\n"
    "城东片｜4｜240｜60.00\n"
    "城西片｜6｜300｜50.00\n"
    "城南片｜5｜200｜40.00\n"
    "城区小计｜15｜740｜49.33\n"
    "山北片｜3｜90｜30.00\n"
    "山南片｜2｜70｜35.00\n"
    "山区小计｜5｜160｜32.00\n"
    "合计｜20｜900｜45.00\n"
)


def test_a_column_of_averages_per_counted_thing_is_not_summed(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, AVERAGE_COLUMN)
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "740人次")  # the counts still add up


AVERAGE_AFTER_CHANGE = HEAD.format(dept="公共资源交易中心") + (
    "全年完成交易额48.60亿元。交易额比上年45.00亿元增长了8.00%，平均每宗交易额约312.50万元。\n"
)


def test_an_average_after_a_change_is_not_the_changed_measure(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, AVERAGE_AFTER_CHANGE)
    assert not inconsistent(checks)
    assert any("48.60亿元" in f for f in consistent_formulas(checks, "8.00%"))


QUARTER_ON_QUARTER = HEAD.format(dept="应急管理局") + (
    "分季度看，一季度支出80.00万元，二季度支出120.00万元，三季度一个季度支出了{third}，比二季度环比增长25.00%。\n"
)


def test_a_quarter_on_quarter_change_is_of_the_quarter_after_the_one_it_names(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, QUARTER_ON_QUARTER.format(third="150.00万元"))
    assert not inconsistent(checks)
    assert any("150.00万元" in f and "120.00万元" in f for f in consistent_formulas(checks, "25.00%"))
    assert flagged(tmp_path, QUARTER_ON_QUARTER.format(third="160.00万元"), "25.00%")


# ---- misses --------------------------------------------------------------------------------------------------

DEFINED_BASE = HEAD.format(dept="农业农村局") + (
    "表1 资金到位及支出情况（万元）\n"
    "资金来源｜计划投资｜到位资金｜实际支出｜执行率\n"
    "省级补助｜600.00｜600.00｜570.00｜95.00%\n"
    "县级配套｜400.00｜320.00｜288.00｜{rate}\n"
    "合计｜1,000.00｜920.00｜858.00｜93.26%\n"
    "注：执行率＝实际支出÷到位资金。\n"
)


def test_the_base_a_note_defines_is_the_only_base(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, DEFINED_BASE.format(rate="90.00%")))
    assert flagged(tmp_path, DEFINED_BASE.format(rate="72.00%"), "72.00%")  # 288.00 ÷ 400.00: the planned sum


UNIT_TOTAL = HEAD.format(dept="档案服务中心") + (
    "全年实际支出800.00万元。\n二、支出结构\n数字化加工全年支出200.00万元，占中心全年支出的{share}。\n"
)


def test_a_share_of_the_units_own_total(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, UNIT_TOTAL.format(share="25.00%"))
    assert any("800.00万元" in f for f in consistent_formulas(checks, "25.00%"))
    assert flagged(tmp_path, UNIT_TOTAL.format(share="32.00%"), "32.00%")


LESS_SPENT = HEAD.format(dept="司法局") + (
    "“三公”经费全年支出9.00万元。上年同口径为10.00万元，今年少花了1.00万元，降幅{rate}。\n"
)


def test_a_decline_over_last_years_figure_stated_before_the_amount(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LESS_SPENT.format(rate="10.00%"))
    assert any("10.00万元" in f for f in consistent_formulas(checks, "10.00%"))
    assert flagged(tmp_path, LESS_SPENT.format(rate="11.11%"), "11.11%")  # over this year's 9.00


STILL_NOT_DONE = HEAD.format(dept="水务局") + ("全县120个行政村中已有95个村完成管网改造，还有{left}个村没有完成。\n")


def test_what_is_still_not_done_is_the_whole_less_what_is(tmp_path: Path) -> None:
    assert consistent_formulas(audit_text(tmp_path, STILL_NOT_DONE.format(left="25")), "25个")
    assert flagged(tmp_path, STILL_NOT_DONE.format(left="35"), "35个")


SPREAD_COST = HEAD.format(dept="城管局") + (
    "全年清运餐厨垃圾12,500吨。运营经费300.00万元中，直接用于清运的费用是250.00万元，摊到每吨垃圾上，清运成本约{cost}。\n"
)


def test_a_cost_spread_over_each_tonne(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SPREAD_COST.format(cost="200.00元"))
    assert any("250.00万元" in f and "12,500吨" in f for f in consistent_formulas(checks, "200.00元"))
    assert flagged(tmp_path, SPREAD_COST.format(cost="240.00元"), "240.00元")  # 300.00万元 ÷ 12,500吨
