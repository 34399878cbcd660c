"""Phrasing families the fourteenth blind set exposed, in wording of our own. False alarms: a total of funds that
adds a carry-over to an income total whose 其中 items come before it; a growth rate after the difference the words
state ("多完成…"); a share after "其中" when last year's figure and a change clause stand before it; a plain mean of
the "分别" list when a weighted rate follows that list. Misses: a count-weighted rate over listed counts, the year-end
carry-over of a department's accounts, a pass rate counted in pages, the gap still to reach a target, a relative
increase between two stated levels, the gap to the time schedule in 个百分点, the budget left so far, a 环比 change
whose period is named in the clause before."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- a total that adds a carry-over to the income total before it ------------------------------------------------

FUNDS = (
    "示例区图书馆2024年度部门整体支出绩效自评报告\n"
    "一、资金情况\n"
    "本年收入合计860.00万元，其中财政拨款800.00万元、事业收入60.00万元；另加上年结余资金45.50万元，"
    "当年可支配资金合计{total}。\n"
)


def test_a_total_adding_a_carry_over_to_the_income_total_is_consistent(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, FUNDS.format(total="905.50万元"))
    assert not inconsistent(checks)
    assert any("860.00万元" in c.formula for c in checks_on(checks, "905.50万元"))


def test_a_slipped_total_of_funds_is_found_over_the_income_total_and_the_carry_over(tmp_path: Path) -> None:
    found = _found(tmp_path, FUNDS.format(total="950.50万元"), "950.50万元")
    assert found and "860.00万元" in found[0][0] and "45.50万元" in found[0][0]


# ---- a growth rate after the difference the words state ----------------------------------------------------------

PATROL = (
    "示例县公路养护中心2024年度项目支出绩效自评报告\n"
    "一、产出情况\n"
    "全年完成巡检里程5,460公里，其中城区2,100公里、郊区3,360公里，比上年的5,200公里多完成260公里，增长{rate}。\n"
)


def test_a_growth_after_a_stated_difference_is_of_the_two_levels(tmp_path: Path) -> None:
    assert _consistent(tmp_path, PATROL.format(rate="5.00%"), "5.00%")
    assert not _found(tmp_path, PATROL.format(rate="5.00%"), "5.00%")


def test_a_slipped_growth_after_a_stated_difference_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, PATROL.format(rate="5.50%"), "5.50%")
    assert found and "5,200公里" in found[0][0] and "260公里" not in found[0][0]


# ---- a share after 其中 when last year's figure and a change stand before it --------------------------------------

CLINIC = (
    "示例镇卫生院2024年度基本公共卫生服务项目绩效自评报告\n"
    "一、效益情况\n"
    "全年接诊门诊患者3.60万人次，上年为3.00万人次，同比增长20.00%；其中预约就诊2.16万人次，占{share}。\n"
)


def test_a_share_after_a_change_clause_is_of_this_years_whole(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, CLINIC.format(share="60.00%"))
    assert not inconsistent(checks)
    assert any("3.60万人次" in c.formula for c in checks_on(checks, "60.00%"))


def test_a_slipped_share_after_a_change_clause_is_found_over_this_years_whole(tmp_path: Path) -> None:
    found = _found(tmp_path, CLINIC.format(share="66.00%"), "66.00%")
    assert found and "3.60万人次" in found[0][0]


# ---- a plain mean of the "分别" list, a weighted rate after it ------------------------------------------------------

SURVEY = (
    "示例市供水公司2024年度农村供水保障项目绩效自评报告\n"
    "一、满意度\n"
    "共回访家庭800户，其中城镇500户、农村300户，满意率分别为90.00%、86.00%；按户数加权的满意率为{weighted}，"
    "两组算术平均为88.00%。\n"
)


def test_a_plain_mean_of_the_listed_rates_leaves_the_weighted_rate_out(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SURVEY.format(weighted="88.50%"))
    assert not inconsistent(checks)
    assert [c.formula for c in checks_on(checks, "88.00%")] == ["平均 88.00% = (90.00% + 86.00%) ÷ 2"]


def test_a_slipped_rate_weighted_over_listed_counts_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, SURVEY.format(weighted="89.50%"), "89.50%")
    assert found and "500户 × 90.00%" in found[0][0] and "300户 × 86.00%" in found[0][0]


# ---- the year-end carry-over of a department's accounts ------------------------------------------------------------

ACCOUNTS = (
    "示例区文化馆2024年度部门整体支出绩效自评报告\n"
    "一、收支情况\n"
    "年初结转结余64.20万元。本年收入合计1,250.00万元。\n"
    "全年实际支出1,238.70万元，主要用于群众文化活动。年末结转结余{closing}，已按规定结转下年使用。\n"
)


def test_a_year_end_carry_over_adds_income_to_the_opening_balance_less_spending(tmp_path: Path) -> None:
    assert _consistent(tmp_path, ACCOUNTS.format(closing="75.50万元"), "75.50万元")


def test_a_slipped_year_end_carry_over_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, ACCOUNTS.format(closing="57.50万元"), "57.50万元")
    assert found and "64.20万元" in found[0][0] and "1,238.70万元" in found[0][0]


# ---- a pass rate counted in pages ----------------------------------------------------------------------------------

DRAWINGS = (
    "示例县住建局2025年度城建图纸整理项目绩效自评报告\n"
    "一、质量情况\n"
    "全年共抽检图纸8,000页，合格7,880页，抽检合格率为{rate}。\n"
)


def test_a_pass_rate_counted_in_pages_is_read(tmp_path: Path) -> None:
    assert _consistent(tmp_path, DRAWINGS.format(rate="98.50%"), "98.50%")


def test_a_slipped_pass_rate_counted_in_pages_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, DRAWINGS.format(rate="98.05%"), "98.05%")
    assert found and "7,880页" in found[0][0]


# ---- what is still short of a target ------------------------------------------------------------------------------

CHARGERS = (
    "示例市交通局2025年度公共充电设施建设项目绩效自评报告\n"
    "一、产出情况\n"
    "三年累计建成公共充电桩412个，占规划总数的68.67%，离600个的规划目标还差{gap}。\n"
)


def test_the_gap_to_a_target_is_the_target_less_what_was_done(tmp_path: Path) -> None:
    assert _consistent(tmp_path, CHARGERS.format(gap="188个"), "188个")


def test_a_slipped_gap_to_a_target_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, CHARGERS.format(gap="198个"), "198个")
    assert found and "600个" in found[0][0] and "412个" in found[0][0]


# ---- a relative increase between two stated levels ---------------------------------------------------------------

YIELD = (
    "示例县农技站2024年度高效栽培技术推广项目绩效评价报告\n"
    "一、效益情况\n"
    "试点组平均单产3,260公斤，常规组平均单产2,900公斤，平均高出360公斤，增幅{rate}。\n"
    "试点片区户均用水8.40吨，非试点片区户均用水10.50吨，户均节水2.10吨，下降幅度20.00%，超过下降10%以上的目标。\n"
)


def test_a_relative_increase_is_the_difference_over_the_lower_level(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, YIELD.format(rate="12.41%"))
    assert [c.formula for c in checks_on(checks, "12.41%") if c.verdict is Verdict.CONSISTENT]
    assert [c.formula for c in checks_on(checks, "20.00%")] == ["下降幅度 = 2.10吨 ÷ 10.50吨"]
    assert not inconsistent(checks)  # the 10% the words set as a target is not a change to check


def test_a_slipped_relative_increase_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, YIELD.format(rate="11.41%"), "11.41%")
    assert found and "360公斤 ÷ 2,900公斤" in found[0][0]


# ---- the gap to the time schedule ---------------------------------------------------------------------------------

SCHEDULE = (
    "示例县水利局2025年度小型水库维修项目绩效运行监控报告\n"
    "一、执行进度\n"
    "截至6月30日，累计拨付资金268.00万元，拨付进度为44.67%，低于50%的时间进度{gap}。\n"
)


def test_the_gap_to_the_time_schedule_is_read(tmp_path: Path) -> None:
    assert _consistent(tmp_path, SCHEDULE.format(gap="5.33个百分点"), "5.33个百分点")


def test_a_slipped_gap_to_the_time_schedule_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, SCHEDULE.format(gap="3.53个百分点"), "3.53个百分点")
    assert found and "44.67%" in found[0][0] and "50%" in found[0][0]


# ---- the budget left so far ---------------------------------------------------------------------------------------

LEFT = (
    "示例区民政局2025年度社区养老服务项目绩效运行监控报告\n"
    "一、预算安排\n"
    "项目调整后预算为960.00万元。\n"
    "二、执行进度\n"
    "1—6月累计支出500.00万元，进度为52.08%，快于序时进度。到6月底，项目剩余预算{left}。\n"
)


def test_the_budget_left_is_the_budget_less_the_running_total(tmp_path: Path) -> None:
    assert _consistent(tmp_path, LEFT.format(left="460.00万元"), "460.00万元")


def test_a_slipped_budget_left_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, LEFT.format(left="406.00万元"), "406.00万元")
    assert found and "960.00万元" in found[0][0] and "500.00万元" in found[0][0]


# ---- a 环比 change whose period the clause before names -------------------------------------------------------------

MONTHS = (
    "示例县人社局2025年度职业技能培训补贴项目绩效运行监控报告\n"
    "一、月度拨付\n"
    "4月拨付42.00万元，5月拨付50.40万元，环比增长20.00%；6月拨付63.00万元，环比增长{rate}。\n"
)


def test_a_period_on_period_change_is_of_the_period_the_clause_before_names(tmp_path: Path) -> None:
    assert _consistent(tmp_path, MONTHS.format(rate="25.00%"), "25.00%")


def test_a_slipped_period_on_period_change_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, MONTHS.format(rate="52.00%"), "52.00%")
    assert found and "63.00万元" in found[0][0] and "50.40万元" in found[0][0]
