"""Phrasing families the fifteenth blind set exposed, in wording of our own. False alarms: a use rate over the amount
received in its own sentence, an execution rate paired with a budget smaller than the spending, shares "分别占" taken
in turn, a share or a multiple after a "其中" list that is of the list's total, a prose rate of the whole year against
a part-year column, a rounded per-unit average judged as a standard. Misses: a score rate from the score table, the
gap to a target after words of building new, what one pays oneself after the listed subsidies, what is still to be
spent when the running total stands sentences before, a month-on-month change against a monthly table."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- a use rate over the amount received in its own sentence -----------------------------------------------------

RECEIVED = (
    "示例市体育中心2024年度部门整体支出绩效自评报告\n"
    "一、预算情况\n"
    "本年部门预算为8400.00万元。\n"
    "二、收入使用\n"
    "场馆经营收入全年拨入560.00万元，实际使用504.00万元，使用率为{rate}。\n"
)


def test_a_use_rate_is_over_the_amount_received_in_its_sentence(tmp_path: Path) -> None:
    text = RECEIVED.format(rate="90.00%")
    assert not _found(tmp_path, text, "90.00%")
    assert any("560.00万元" in f for f in _consistent(tmp_path, text, "90.00%"))


def test_a_slipped_use_rate_is_found_over_the_amount_received(tmp_path: Path) -> None:
    found = _found(tmp_path, RECEIVED.format(rate="80.00%"), "80.00%")
    assert found and "560.00万元" in found[0][0]


# ---- an execution rate is never over a budget smaller than the spending ------------------------------------------

AVAILABLE = (
    "示例县职业技能培训项目2024年度绩效自评报告\n"
    "一、资金情况\n"
    "本年项目预算为300.00万元，加上上年结转的40.00万元，本年可用资金合计340.00万元。\n"
    "二、资金执行\n"
    "截至年末，项目实际支出323.00万元，资金执行率95.00%。\n"
)


def test_an_execution_rate_under_a_budget_smaller_than_the_spending_is_no_finding(tmp_path: Path) -> None:
    assert not _found(tmp_path, AVAILABLE, "95.00%")


# ---- "分别占" taken in turn ---------------------------------------------------------------------------------------

IN_TURN = (
    "示例区社区矫正项目2024年度绩效自评报告\n"
    "一、资金情况\n"
    "本年培训经费预算共计500.00万元，其中区级补助150.00万元、街道配套350.00万元，分别占本年预算的{a}和70.00%。\n"
)


def test_shares_listed_in_turn_pair_each_item_with_its_own_rate(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, IN_TURN.format(a="30.00%"))
    assert not inconsistent(checks)


def test_a_slipped_share_listed_in_turn_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, IN_TURN.format(a="35.00%"), "35.00%")
    assert found and "150.00万元" in found[0][0]


# ---- a share or a multiple after a "其中" list is of the list's total ---------------------------------------------

LIST_SHARE = (
    "示例市残疾人康复项目2024年度绩效自评报告\n"
    "一、产出情况\n"
    "年内接受康复服务的残疾人1.20万人，其中肢体残疾0.50万人、视力残疾0.18万人，占全市持证残疾人4.80万人的25.00%。\n"
)


def test_a_share_after_a_list_may_be_of_the_list_total(tmp_path: Path) -> None:
    assert not _found(tmp_path, LIST_SHARE, "25.00%")
    assert any("1.20万人" in f for f in _consistent(tmp_path, LIST_SHARE, "25.00%"))


LIST_TIMES = (
    "示例省救灾物资储备项目2024年度绩效评价报告\n"
    "一、产出情况\n"
    "全年调运救灾物资价值520.00万元，其中帐篷180.00万元、折叠床96.00万元，是上年208.00万元的{times}。\n"
)


def test_a_multiple_after_a_list_is_of_the_list_total(tmp_path: Path) -> None:
    text = LIST_TIMES.format(times="2.5倍")
    assert not _found(tmp_path, text, "2.5倍")
    assert any("520.00万元" in f for f in _consistent(tmp_path, text, "2.5倍"))


def test_a_slipped_multiple_after_a_list_is_found_on_the_list_total(tmp_path: Path) -> None:
    found = _found(tmp_path, LIST_TIMES.format(times="3.5倍"), "3.5倍")
    assert found and "520.00万元" in found[0][0]


# ---- a whole-year rate in prose is not a part-year column's ------------------------------------------------------

HALF_YEAR = (
    "示例县农村公路建设项目2024年上半年绩效监控报告\n"
    "一、资金执行\n"
    "表1  资金支出情况（单位：万元）\n"
    "项目  全年预算  1—6月支出  执行进度\n"
    "道路硬化工程  800.00  320.00  40.00%\n"
    "路灯安装工程  200.00  90.00  45.00%\n"
    "合计  1000.00  410.00  41.00%\n"
    "\n"
    "二、下半年展望\n"
    "从资金看，道路硬化工程合同已签订，{clause}。\n"
)


def test_a_whole_year_rate_is_not_checked_against_the_half_year_column(tmp_path: Path) -> None:
    assert not _found(tmp_path, HALF_YEAR.format(clause="全年执行率达到92%"), "92%")


def test_a_rate_bound_is_not_checked_as_the_rows_rate(tmp_path: Path) -> None:
    assert not _found(tmp_path, HALF_YEAR.format(clause="执行率达到85%以上"), "85%")


# ---- a rounded per-unit average is judged, not the total ----------------------------------------------------------

PER_UNIT = (
    "示例市文化站运行项目2024年度绩效自评报告\n"
    "一、资金使用\n"
    "站点运行补助470.00万元，按150个站点计算，每个站点年均约{each}。\n"
)


def test_a_rounded_average_per_unit_is_consistent(tmp_path: Path) -> None:
    assert not _found(tmp_path, PER_UNIT.format(each="3.13万元"), "470.00万元")
    assert _consistent(tmp_path, PER_UNIT.format(each="3.13万元"), "3.13万元")


def test_a_slipped_average_per_unit_is_found_on_the_average(tmp_path: Path) -> None:
    assert _found(tmp_path, PER_UNIT.format(each="3.31万元"), "3.31万元")


# ---- a score rate from the score table ---------------------------------------------------------------------------

SCORES = (
    "示例区环卫作业项目2024年度绩效自评报告\n"
    "一、评价得分\n"
    "表2  评价得分情况\n"
    "指标类别  满分  实际得分\n"
    "投入  10  9.00\n"
    "管理  20  18.00\n"
    "产出  45  41.40\n"
    "效果  25  22.50\n"
    "合计  100  90.90\n"
    "\n"
    "效果类指标得分率为{rate}，项目总体运行良好。\n"
)


def test_a_score_rate_is_the_rows_score_over_its_full_marks(tmp_path: Path) -> None:
    assert any("22.50" in f for f in _consistent(tmp_path, SCORES.format(rate="90.00%"), "90.00%"))


def test_a_slipped_score_rate_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, SCORES.format(rate="95.00%"), "95.00%")
    assert found and "22.50" in found[0][0]


# ---- the gap to a target after words of building new ------------------------------------------------------------

NEW_BUILT = (
    "示例市新能源推广项目2024年度绩效自评报告\n一、产出情况\n全年新增公共充电桩46个，距年度目标50个尚差{gap}。\n"
)


def test_a_slipped_gap_after_new_building_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, NEW_BUILT.format(gap="6个"), "6个")
    assert found and "50个" in found[0][0] and "46个" in found[0][0]


def test_a_right_gap_after_new_building_is_consistent(tmp_path: Path) -> None:
    assert _consistent(tmp_path, NEW_BUILT.format(gap="4个"), "4个")


# ---- what one pays oneself after the listed subsidies ------------------------------------------------------------

SELF_PAID = (
    "示例县健康体检项目2024年度绩效自评报告\n"
    "一、补助标准\n"
    "体检套餐价格为每人200元，其中医保统筹支付120元、机构优惠30元，参检群众个人自付{paid}。\n"
)


def test_a_slipped_self_paid_amount_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, SELF_PAID.format(paid="60元"), "60元")
    assert found and "200元" in found[0][0]


def test_a_right_self_paid_amount_is_consistent(tmp_path: Path) -> None:
    assert _consistent(tmp_path, SELF_PAID.format(paid="50元"), "50元")


# ---- what is still to be spent when the running total stands sentences before ------------------------------------

STILL_TO_SPEND = (
    "示例市老旧小区改造项目2024年前三季度绩效监控报告\n"
    "一、预算情况\n"
    "项目全年预算2000.00万元。\n"
    "二、执行情况\n"
    "1—9月项目累计支出1250.00万元，预算执行进度为62.50%。与上年同期支出1100.00万元相比，增加150.00万元。"
    "按全年预算测算，四季度尚需支出{rest}。\n"
)


def test_a_slipped_amount_still_to_spend_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, STILL_TO_SPEND.format(rest="570.00万元"), "570.00万元")
    assert found and "2000.00万元" in found[0][0] and "1250.00万元" in found[0][0]


def test_a_right_amount_still_to_spend_is_consistent(tmp_path: Path) -> None:
    assert _consistent(tmp_path, STILL_TO_SPEND.format(rest="750.00万元"), "750.00万元")


# ---- a month-on-month change against a monthly table -------------------------------------------------------------

MONTHLY = (
    "示例县校舍维修项目2024年前三季度绩效监控报告\n"
    "一、月度支出\n"
    "表2  月度拨付情况（单位：万元）\n"
    "月份  当月拨付  累计拨付\n"
    "7月  150.00  150.00\n"
    "8月  180.00  330.00\n"
    "9月  234.00  564.00\n"
    "\n"
    "二、分析\n"
    "9月拨付234.00万元，环比增长{rate}，主要是暑期维修工程集中结算。\n"
)


def test_a_month_on_month_change_is_checked_against_the_monthly_table(tmp_path: Path) -> None:
    assert any("180.00" in f for f in _consistent(tmp_path, MONTHLY.format(rate="30.00%"), "30.00%"))


def test_a_slipped_month_on_month_change_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, MONTHLY.format(rate="32.00%"), "32.00%")
    assert found and "180.00" in found[0][0]
