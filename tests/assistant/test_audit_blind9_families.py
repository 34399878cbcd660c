"""Phrasing families behind the last misses of the eighth and ninth blind sets, in wording of our own (other
departments, other figures): the consistent version raises no 不一致 and the slip is found.

1. "全年支出比上年的A增加…" with "全年累计支出B" stated in an earlier sentence: this year's value is the name
   with a short qualifier inside it;
2. "甲指标扣…；乙指标满分…，得分…，扣…；丙指标扣…": the deduction of one "；" item is its own full marks less
   its own score;
3. "分别为A%、B%和C%，平均为D%": a mean that follows the listed rates with no words of its own is their mean;
4. "项目预算扣除实际支出后，结余…" in a later part of the report: the year's budget less the spending stated
   before, wherever it stands;
5. "按分值×合格率计得…": the score is the points times the rate the words name, stated in an earlier sentence;
6. "某子项目安排资金…" in prose restates the budget cell of the table row it names.
"""

from __future__ import annotations

from pathlib import Path

from assistant.audit import AuditCheck
from tests.assistant.audit_support import audit_text
from tests.assistant.audit_support import checks_on as _on
from tests.assistant.audit_support import inconsistent as _inconsistent

HEAD = "示例县某局2025年度项目绩效自评报告\n一、基本情况\n"


def _audit(tmp_path: Path, text: str) -> list[AuditCheck]:
    return audit_text(tmp_path, HEAD + text)


# ---- 1. this year's value named with a qualifier inside ------------------------------------------------------

_CHANGE = (
    "全年累计支出1,500.00万元，执行率93.75%，主要用于馆舍维修。"
    "与上年相比，全年支出比上年的1,250.00万元增加250.00万元，同比增长{rate}。\n"
)


def test_change_takes_this_years_value_named_with_a_qualifier(tmp_path: Path) -> None:
    checks = _audit(tmp_path, "二、预算执行\n预算安排1,600.00万元。" + _CHANGE.format(rate="20.00%"))
    assert not _inconsistent(checks)
    assert _on(checks, "20.00%")


def test_change_slip_against_this_years_value_named_with_a_qualifier(tmp_path: Path) -> None:
    checks = _audit(tmp_path, "二、预算执行\n预算安排1,600.00万元。" + _CHANGE.format(rate="12.00%"))
    assert [s for _, s in _inconsistent(checks)] == ["12.00%"]


# ---- 2. a deduction inside one "；" item ----------------------------------------------------------------------

_DEDUCTIONS = (
    "二、评价结论\n从扣分情况看，决策指标扣0.80分，主要是目标设置不够细化；过程指标扣1.20分，主要是台账不全；"
    "效益指标满分30分，评价得分27.50分，扣{deduction}，主要是群众知晓率偏低；产出指标扣1.60分。\n"
)


def test_deduction_of_one_item_among_others(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _DEDUCTIONS.format(deduction="2.50分"))
    assert not _inconsistent(checks)
    assert _on(checks, "2.50分")


def test_deduction_slip_of_one_item_among_others(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _DEDUCTIONS.format(deduction="5.20分"))
    assert [s for _, s in _inconsistent(checks)] == ["5.20分"]


# ---- 3. a mean attached to listed rates -----------------------------------------------------------------------

_MEAN = "二、效益情况\n抽查的四所学校课后服务参与率分别为82.0%、76.5%、88.0%和79.5%，平均为{mean}，总体较好。\n"


def test_mean_attached_to_listed_rates(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _MEAN.format(mean="81.5%"))
    assert not _inconsistent(checks)
    assert _on(checks, "81.5%")


def test_mean_slip_of_listed_rates(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _MEAN.format(mean="85.1%"))
    assert [s for _, s in _inconsistent(checks)] == ["85.1%"]


def test_weighted_mean_of_listed_rates_is_not_read(tmp_path: Path) -> None:
    text = "二、效益情况\n三类对象满意度分别为91.0%、88.0%和95.0%，按样本量加权平均为90.2%。\n"
    assert not _inconsistent(_audit(tmp_path, text))


# ---- 4. a balance in a later part of the report ---------------------------------------------------------------

_BALANCE = (
    "二、资金使用\n全年项目预算860.00万元，项目实际支出790.40万元，预算执行率91.91%。\n"
    "三、绩效目标完成情况\n全年完成道路养护里程120公里。\n"
    "四、结余情况\n项目预算扣除实际支出后，结余资金{balance}，主要是部分工程未结算。\n"
)


def test_balance_from_budget_and_spending_stated_in_another_part(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _BALANCE.format(balance="69.60万元"))
    assert not _inconsistent(checks)
    assert _on(checks, "69.60万元")


def test_balance_slip_from_budget_and_spending_stated_in_another_part(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _BALANCE.format(balance="96.60万元"))
    assert [s for _, s in _inconsistent(checks)] == ["96.60万元"]


# ---- 5. points × a named rate stated in the sentence before ---------------------------------------------------

_WEIGHTED = (
    "二、产出情况\n全年抽检食品批次400批，合格380批，合格率95.00%。该项指标分值10分，按分值×合格率计得{score}。\n"
)


def test_points_times_named_rate(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _WEIGHTED.format(score="9.50分"))
    assert not _inconsistent(checks)
    assert _on(checks, "9.50分")


def test_points_times_named_rate_slip(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _WEIGHTED.format(score="9.05分"))
    assert [s for _, s in _inconsistent(checks)] == ["9.05分"]


# ---- 6. prose restating a table row's budget ------------------------------------------------------------------

_TABLE = (
    "二、资金执行\n表1  分子项目执行情况（单位：万元）\n"
    "子项目                年度预算    累计支出    执行进度\n"
    "校舍维修改造          640.00      480.00      75.00%\n"
    "教学设备购置          360.00      270.00      75.00%\n"
    "合计                  1,000.00    750.00      75.00%\n"
    "三、子项目情况\n校舍维修改造子项目安排资金{budget}，已完成6所学校的维修。\n"
)


def test_prose_restates_a_rows_budget(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _TABLE.format(budget="640.00万元"))
    assert not _inconsistent(checks)
    assert _on(checks, "640.00万元")


def test_prose_restating_a_rows_budget_with_a_slip(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _TABLE.format(budget="604.00万元"))
    assert [s for _, s in _inconsistent(checks)] == ["604.00万元"]


def test_prose_budget_with_a_qualifier_is_not_the_rows(tmp_path: Path) -> None:
    checks = _audit(tmp_path, _TABLE.format(budget="600.00万元").replace("子项目安排资金", "子项目年初安排资金"))
    assert not _inconsistent(checks)
