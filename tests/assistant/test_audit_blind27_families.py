"""Phrasing families the twenty-seventh blind set exposed, in wording of our own. Misses: a completion rate whose
target is a bound ("目标（不少于N个）", "年度目标是不少于N"); "预算还剩…要在四季度支出" after running totals; a prose
"…指标扣了N分" against a score table of bare numbers; "全年…元，折合每天…元". False alarms: last year's rate beside
this year's read from this year's counts; "占…总额的" read over a 其中 part; a plain mean of per-unit standards;
the opening budget taken for the year's when the report says it moved."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, consistent_formulas, flagged, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"

BOUNDED_TARGET = HEAD.format(dept="水利局") + (
    "全年新修便民取水点40处，比目标（不少于32处）多修8处，完成率{first}；清淤河道56.4公里，年度目标是不少于50公里，"
    "完成率{second}。\n"
)


def test_a_target_stated_as_a_bound_is_the_target(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, BOUNDED_TARGET.format(first="125.00%", second="112.80%"))
    assert not inconsistent(checks)
    assert any("32处" in f for f in consistent_formulas(checks, "125.00%"))
    assert any("50公里" in f for f in consistent_formulas(checks, "112.80%"))
    assert flagged(tmp_path, BOUNDED_TARGET.format(first="125.00%", second="118.20%"), "118.20%")


LAST_YEARS_RATE = HEAD.format(dept="卫健局") + (
    "全年抽检农产品样品2,000批次，检测合格的1,900批次，合格率95.00%，上年合格率91.30%，提高了3.70个百分点。\n"
)


def test_last_years_rate_beside_this_years_is_not_read_from_its_counts(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LAST_YEARS_RATE)
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "95.00%")
    assert not consistent_formulas(checks, "91.30%")


SHARE_OF_TOTAL = HEAD.format(dept="农业农村局") + (
    "项目计划投资2,000.00万元，全年各方面实际到位1,800.00万元；其中财政资金合计到位1,200.00万元。"
    "合作社自筹到位600.00万元，占到位资金总额的{rate}。\n"
)


def test_a_share_of_a_named_total_is_not_over_a_part_the_sentence_opens_with_among(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SHARE_OF_TOTAL.format(rate="33.33%"))
    assert not inconsistent(checks)
    assert not flagged(tmp_path, SHARE_OF_TOTAL.format(rate="33.33%"), "33.33%")  # not 600 ÷ 1,200 = 50%


PER_UNIT_STANDARDS = HEAD.format(dept="商务局") + (
    "补助分三档：小型网点每平方米300元、中型网点每平方米400元、大型网点每平方米600元，全部网点平均下来每平方米"
    "补助约371.25元。\n"
)


def test_per_unit_standards_average_weighted_not_plainly(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, PER_UNIT_STANDARDS))  # (300 + 400 + 600) ÷ 3 = 433.33 is no finding


LEFT_FOR_THE_QUARTER = (
    "示例县交通局2025年1—9月绩效运行监控报告\n一、预算执行\n项目全年预算2,000.00万元。\n"
    "二、分季度执行\n一季度支出300.00万元，二季度支出500.00万元，上半年累计800.00万元。到9月末累计达到1,400.00万元，"
    "进度加快。照此推算，全年预算还剩{left}要在四季度支出。\n"
)


def test_what_the_budget_has_left_after_the_running_total(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LEFT_FOR_THE_QUARTER.format(left="600.00万元"))
    assert not inconsistent(checks)
    assert any("1,400.00万元" in f for f in consistent_formulas(checks, "600.00万元"))
    assert flagged(tmp_path, LEFT_FOR_THE_QUARTER.format(left="1,200.00万元"), "1,200.00万元")  # 2,000 − 800


BARE_SCORE_TABLE = (
    "示例市就业资金2024年度绩效评价报告\n一、评价结论\n表1 评分情况\n一级指标｜权重分值｜评价得分｜扣分\n"
    "决策｜20｜18.40｜1.60\n过程｜30｜26.50｜3.50\n产出｜50｜46.00｜4.00\n"
    "二、扣分说明\n从评分看，过程指标扣了{points}，主要是台账不全。\n"
)


def test_a_prose_deduction_said_with_le_against_a_table_of_bare_numbers(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, BARE_SCORE_TABLE.format(points="3.50分"))
    assert any("30" in f and "26.50" in f for f in consistent_formulas(checks, "3.50分"))
    assert flagged(tmp_path, BARE_SCORE_TABLE.format(points="5.30分"), "5.30分")


PER_DAY = HEAD.format(dept="民政局") + (
    "托养补贴按每人每天30元发放，全年按300天计，也就是每人每年{year}。全年平均每人实际领取约8,400元，"
    "折合每人每天{day}。\n"
)


def test_an_amount_per_year_restated_per_day_over_the_days_the_report_counts(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, PER_DAY.format(year="9,000元", day="28元"))
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "9,000元") and consistent_formulas(checks, "28元")
    assert flagged(tmp_path, PER_DAY.format(year="9,000元", day="82元"), "82元")
    assert flagged(tmp_path, PER_DAY.format(year="10,950元", day="28元"), "10,950元")  # 30 × 365: not the days counted


MOVED_BUDGET = (
    "示例区城管局2025年绩效运行监控报告\n一、预算安排\n项目年初预算3,000.00万元，5月根据省级补助下达情况调增至"
    "3,300.00万元。\n二、资金到位\n截至9月末到位资金2,640.00万元，到位率80.00%。\n"
)


def test_an_opening_budget_the_report_says_moved_is_not_the_years_base(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, MOVED_BUDGET))  # 2,640 ÷ 3,000 = 88% is no finding
