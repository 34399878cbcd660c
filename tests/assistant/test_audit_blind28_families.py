"""Phrasing families the twenty-eighth blind set exposed, in wording of our own. False alarms: a rate whose base
is named in a clause of its own ("以到位数衡量，执行率…"); a 合计 in one unit over rows of two units; "净增C" after
"增加到B" read as the level; "今年比去年多了B" read as last year's figure; "人均基本支出" over the nearest amount.
Misses: "平均到每个…"; "每亩补X元，折下来补了Y" after another count; "在甲小计中占到了x%"; a caption naming two
units ("单位：个、万元"); "每投入1元…带动…z元"."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, consistent_formulas, flagged, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"

BASE_IN_ITS_OWN_CLAUSE = HEAD.format(dept="林业局") + (
    "项目计划投资2,000.00万元，截至年底到位资金1,800.00万元。\n"
    "全年实际支出1,710.00万元，以到位数衡量，执行率{rate}；若按计划投资计算，则为85.50%。\n"
)


def test_a_rate_whose_base_a_clause_of_its_own_names(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, BASE_IN_ITS_OWN_CLAUSE.format(rate="95.00%"))
    assert not inconsistent(checks)
    assert any("1,800.00万元" in f for f in consistent_formulas(checks, "95.00%"))
    assert flagged(tmp_path, BASE_IN_ITS_OWN_CLAUSE.format(rate="90.00%"), "90.00%")


MIXED_UNITS = (
    "示例县特色产业2024年度项目自评报告\n一、补助情况\n"
    "补助内容   规模      补助金额（万元）\n茶园改造   1,200亩   96.00\n果园改造   800亩     48.00\n"
    "冷库建设   5座       60.00\n合计       {area}   204.00\n"
)


def test_a_total_in_one_unit_sums_the_rows_of_that_unit(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, MIXED_UNITS.format(area="2,000亩"))
    assert not inconsistent(checks)
    assert any("5座" not in f for f in consistent_formulas(checks, "2,000亩"))
    assert flagged(tmp_path, MIXED_UNITS.format(area="2,100亩"), "2,100亩")


NET_CHANGE = HEAD.format(dept="农业农村局") + (
    "全县高标准农田由上年的40,000亩增加到50,000亩，净增10,000亩，增长{rate}。\n"
)


def test_a_net_change_after_the_level_is_not_the_level(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, NET_CHANGE.format(rate="25.00%"))
    assert not inconsistent(checks)
    assert any("50,000亩" in f for f in consistent_formulas(checks, "25.00%"))


MORE_THAN_LAST_YEAR = HEAD.format(dept="气象局") + (
    "与上年比，2023年公用经费支出是400.00万元，今年比去年多了50.00万元，增幅{rate}，主要是设备维护增加。\n"
)


def test_more_than_last_year_is_the_change_not_last_years_figure(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, MORE_THAN_LAST_YEAR.format(rate="12.50%"))
    assert not inconsistent(checks)
    assert any("50.00万元 ÷ 400.00万元" in f for f in consistent_formulas(checks, "12.50%"))
    assert flagged(tmp_path, MORE_THAN_LAST_YEAR.format(rate="14.29%"), "14.29%")  # 50 ÷ 350


NAMED_AFTER_AVERAGE = HEAD.format(dept="档案馆") + (
    "基本支出全年花了600.00万元，其中人员经费480.00万元；按40名在职人员计算，人均基本支出约{each}。\n"
)


def test_an_average_names_its_amount_after_the_average_word(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, NAMED_AFTER_AVERAGE.format(each="15.00万元"))
    assert not inconsistent(checks)
    assert any("600.00万元" in f for f in consistent_formulas(checks, "15.00万元"))


SPREAD_OVER_EACH = HEAD.format(dept="水文站") + (
    "全年站网维护支出180.00万元，全市36个站点平均到每个站点大概是{each}的维护费。\n"
)


def test_an_average_said_as_spread_to_each(tmp_path: Path) -> None:
    assert consistent_formulas(audit_text(tmp_path, SPREAD_OVER_EACH.format(each="5.00万元")), "5.00万元")
    assert flagged(tmp_path, SPREAD_OVER_EACH.format(each="6.00万元"), "6.00万元")


STANDARD_AFTER_A_COUNT = HEAD.format(dept="农业农村局") + (
    "3个乡镇的作物补助合计300.00万元；其中油茶验收合格2,000亩，每亩补500元，算下来这一块补了{amount}。\n"
)


def test_a_standard_times_the_quantity_in_its_own_unit(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, STANDARD_AFTER_A_COUNT.format(amount="100.00万元"))
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "100.00万元")
    assert flagged(tmp_path, STANDARD_AFTER_A_COUNT.format(amount="110.00万元"), "110.00万元")


SHARE_OF_A_SUBTOTAL = (
    "示例市美丽乡村奖补资金2024年度绩效评价报告\n一、资金结构\n表1 投入结构（单位：个、万元）\n"
    "类别｜项目数｜奖补资金｜群众投入\n村道｜40｜600.00｜150.00\n水渠｜20｜200.00｜50.00\n基础设施小计｜60｜800.00｜200.00\n"
    "文化广场｜10｜150.00｜30.00\n卫生室｜5｜50.00｜10.00\n公共服务小计｜15｜200.00｜40.00\n合计｜75｜1,000.00｜240.00\n"
    "二、分析\n村道需求最大，奖补资金600.00万元，在基础设施小计中占到了{rate}。\n"
)


def test_a_share_of_a_subtotal_row_said_with_zai(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SHARE_OF_A_SUBTOTAL.format(rate="75.00%"))
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "75.00%")
    assert any("40个 + 20个" in f for f in consistent_formulas(checks, "60个"))  # counted in 个, not in 万元
    assert flagged(tmp_path, SHARE_OF_A_SUBTOTAL.format(rate="60.00%"), "60.00%")  # 600 ÷ 1,000: not the subtotal


LEVERAGE = HEAD.format(dept="财政局") + (
    "财政奖补资金2,000.00万元；群众筹资500.00万元和社会捐赠300.00万元，两项合起来800.00万元，"
    "即每投入1元财政奖补，带动群众和社会投入{ratio}。\n"
)


def test_what_one_yuan_of_a_fund_brings_in(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LEVERAGE.format(ratio="0.40元"))
    assert not inconsistent(checks)
    assert any("800.00万元 ÷ 2,000.00万元" in f for f in consistent_formulas(checks, "0.40元"))
    assert flagged(tmp_path, LEVERAGE.format(ratio="0.25元"), "0.25元")


LEVIED = (
    "示例县污水管网项目事前绩效评估报告\n一、投资估算\n表1 投资构成（单位：万元）\n费用名称｜金额\n"
    "建安工程费小计｜1,200.00\n设备购置费｜300.00\n合计｜1,500.00\n"
    "二、测算依据\n项目管理费按建安工程费与设备购置费之和的2%计提，为{fee}。\n"
)


def test_an_amount_levied_at_a_rate_of_the_items_named(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LEVIED.format(fee="30.00万元"))
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "30.00万元")
    assert flagged(tmp_path, LEVIED.format(fee="24.00万元"), "24.00万元")  # the rate of 建安工程费 alone
