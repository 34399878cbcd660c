"""Phrasing families the sixth blind set exposed, each in wording of our own (other departments, other
figures): the consistent version raises no 不一致 and, where the relation is read, with the right operands.

1. a balance of money that arrived ("已到位未使用") is the arrived funds less the spending, not the budget;
2. "比上年的A多B，增长x%": B is the difference, never this year's level;
3. a rate of the whole ("总到位率") is not one source's amount over its own base;
4. a table column of amounts per case ("户均", "单价") does not add up in its 合计 row;
5. "按X率y%计得z分": the rate is a factor of the score, not a rate of the score over its points;
6. "X万元，即Y亿元": the same amount restated in another unit;
7. "甲类指标扣N分" in prose is that row's 分值 − 得分 in the score table;
8. "共N人，人均获得补助X元": the year's amount of that money, stated before, over the people;
9. "分别为a、b、c，…平均值为m": the plain mean of the listed rates;
10. the same event restated in a later part, in nearly the same words, with a slip of the pen; a measure
    word such as 盏 or 棵 is a unit of the figure.
"""

from __future__ import annotations

from pathlib import Path

from assistant.audit import AuditCheck, Verdict
from tests.assistant.audit_support import audit_text
from tests.assistant.audit_support import checks_on as _on
from tests.assistant.audit_support import inconsistent as _inconsistent

HEAD = "示例市某局2024年度项目绩效评价报告\n一、基本情况\n"


def _audit(tmp_path: Path, text: str) -> list[AuditCheck]:
    return audit_text(tmp_path, HEAD + text)


# ---- 1. a balance of arrived money ---------------------------------------------------------------------------


def test_balance_of_arrived_money_is_arrived_less_spent(tmp_path: Path) -> None:
    text = (
        "项目全年预算2,500.00万元。截至年底，项目资金实际到位2,300.00万元，市级资金到位900.00万元。\n"
        "全年实际支出2,150.00万元，年末结余350.00万元，其中尚未到位资金200.00万元，已到位未使用资金150.00万元。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    arrived = _on(checks, "150.00万元")
    assert arrived and all("2,300.00万元" in c.formula for c in arrived)


def test_wrong_balance_of_arrived_money_is_found(tmp_path: Path) -> None:
    text = (
        "项目全年预算2,500.00万元。截至年底，项目资金实际到位2,300.00万元，市级资金到位900.00万元。\n"
        "全年实际支出2,150.00万元，年末结余350.00万元，其中尚未到位资金200.00万元，已到位未使用资金170.00万元。\n"
    )
    checks = _audit(tmp_path, text)
    balance = [c for c in _on(checks, "170.00万元") if c.kind == "balance"]
    assert balance and balance[0].verdict is Verdict.INCONSISTENT and "2,300.00万元" in balance[0].formula


# ---- 2. "比上年的A多B" ----------------------------------------------------------------------------------------


def test_difference_after_more_than_is_not_this_years_level(tmp_path: Path) -> None:
    text = "全年培训基层农技人员1,640人次，比上年的1,312人次多328人次，增长25.00%，其中女性学员210人次。\n"
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not any("328人次" in c.formula for c in _on(checks, "25.00%"))


# ---- 3. a rate of the whole ----------------------------------------------------------------------------------


def test_whole_arrival_rate_is_not_one_sources_rate(tmp_path: Path) -> None:
    text = (
        "项目预算资金1,000.00万元，其中中央补助400.00万元、省级补助300.00万元、县级安排300.00万元。"
        "上级资金已全额拨付，县级资金到位240.00万元，资金总到位率为94.00%。\n"
    )
    assert not _inconsistent(_audit(tmp_path, text))


# ---- 4. a column of amounts per case -------------------------------------------------------------------------


def test_total_row_of_a_per_household_column_is_not_a_sum(tmp_path: Path) -> None:
    text = (
        "表2  分类补贴发放情况\n"
        "补贴类别｜户数｜补贴金额（万元）｜户均补贴（元）\n"
        "低保户｜1,200｜240.00｜2,000.00\n"
        "特困户｜300｜90.00｜3,000.00\n"
        "边缘户｜500｜50.00｜1,000.00\n"
        "合计｜2,000｜380.00｜1,900.00\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    summed = [c for c in checks if c.kind == "table_total"]
    assert summed and not [c for c in summed if "户均" in c.formula]  # the additive columns are still summed


# ---- 5. a rate that a score is computed from ------------------------------------------------------------------


def test_rate_a_score_is_computed_from_is_not_score_over_points(tmp_path: Path) -> None:
    text = "三级指标“设备完好率”分值8分，按完好率96.50%计得7.72分；“按时办结率”分值4分，按办结率92.00%计得3.68分。\n"
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not [c for c in _on(checks, "96.50%") if "÷" in c.formula]


# ---- 6. an amount restated in another unit -------------------------------------------------------------------


def test_amount_restated_in_yi_after_ji(tmp_path: Path) -> None:
    good = "据测算，项目带动新增旅游收入约41,700万元，即约4.17亿元。\n"
    assert _on(_audit(tmp_path, good), "4.17亿元")[0].verdict is Verdict.CONSISTENT
    bad = "据测算，项目带动新增旅游收入约41,700万元，即约4.71亿元。\n"
    assert [stated for _, stated in _inconsistent(_audit(tmp_path, bad))] == ["4.71亿元"]


# ---- 7. a deduction in prose against the score table ---------------------------------------------------------

_SCORE_TABLE = (
    "表3  绩效评价得分（单位：分）\n"
    "一级指标｜分值｜得分｜得分率\n"
    "决策｜20｜18.60｜93.00%\n"
    "过程｜20｜19.20｜96.00%\n"
    "产出｜35｜32.90｜94.00%\n"
    "效益｜25｜23.50｜94.00%\n"
    "合计｜100｜94.20｜94.20%\n"
)


def test_deduction_in_prose_is_the_rows_points_less_its_score(tmp_path: Path) -> None:
    good = _SCORE_TABLE + "四项一级指标中，决策指标扣1.40分，过程指标扣0.80分，产出指标扣2.10分，效益指标扣1.50分。\n"
    checks = _audit(tmp_path, good)
    assert not _inconsistent(checks)
    assert any("35分" in c.formula for c in _on(checks, "2.10分"))
    bad = _SCORE_TABLE + "四项一级指标中，决策指标扣1.40分，过程指标扣0.80分，产出指标扣2.01分，效益指标扣1.50分。\n"
    assert [stated for _, stated in _inconsistent(_audit(tmp_path, bad))] == ["2.01分"]


# ---- 8. an amount per head over the year's amount stated before ----------------------------------------------

_SPENT = "二、资金使用\n全年实际支出助学补助资金1,260.00万元，执行率97.50%。\n三、实施效果\n"


def test_amount_per_head_is_the_years_money_over_the_people(tmp_path: Path) -> None:
    good = _SPENT + "剔除重复享受后，全年共资助家庭经济困难学生8,400人，人均获得助学补助1,500.00元。\n"
    checks = _audit(tmp_path, good)
    assert not _inconsistent(checks)
    assert _on(checks, "1,500.00元") and "1,260.00万元" in _on(checks, "1,500.00元")[0].formula
    bad = _SPENT + "剔除重复享受后，全年共资助家庭经济困难学生8,400人，人均获得助学补助1,050.00元。\n"
    assert [stated for _, stated in _inconsistent(_audit(tmp_path, bad))] == ["1,050.00元"]


# ---- 9. the plain mean of listed rates -----------------------------------------------------------------------


def test_mean_of_listed_rates(tmp_path: Path) -> None:
    good = "五个乡镇卫生院门诊患者满意度分别为91.2%、94.0%、88.6%、92.4%和95.3%，五个卫生院的平均值为92.3%。\n"
    assert _on(_audit(tmp_path, good), "92.3%")[0].verdict is Verdict.CONSISTENT
    bad = good.replace("平均值为92.3%", "平均值为93.2%")
    assert [stated for _, stated in _inconsistent(_audit(tmp_path, bad))] == ["93.2%"]


def test_pooled_rate_is_not_the_plain_mean(tmp_path: Path) -> None:
    text = "三个片区的入户调查满意度分别为96.0%、90.0%和84.0%，全区加权平均满意度为92.5%。\n"
    assert not _inconsistent(_audit(tmp_path, text))


# ---- 10. the same event restated in a later part ---------------------------------------------------------------

_PLANTED = (
    "二、绩效目标完成情况\n"
    "年度目标为新植行道树不少于6,000棵。前三季度新植行道树4,372棵，完成全年目标的72.87%。\n"
    "三、下一步工作\n"
    "前三季度实际新植行道树{done}，剩余1,628棵在第四季度完成。\n"
)


def test_event_restated_later_with_a_slip_is_found(tmp_path: Path) -> None:
    assert not _inconsistent(_audit(tmp_path, _PLANTED.format(done="4,372棵")))
    found = _inconsistent(_audit(tmp_path, _PLANTED.format(done="4,732棵")))
    assert [stated for _, stated in found] == ["4,732棵"]
