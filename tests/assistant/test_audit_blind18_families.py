"""Phrasing families the eighteenth blind set exposed, in wording of our own. False alarms: last year's total
score after the level-one scores, an average's count taken from the next "；" item, a quarterly table's 累计 column
run over its rate column and its 累计 rate read over each quarter's own plan. Misses: an execution rate over the
budget the year closed with, an average per head over 人次, a score rate over a 满分 in parentheses or over a
two-level table's rows, a share whose part and whole are named rows of a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、执行情况\n"


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- false alarms ----------------------------------------------------------------------------------------------

LAST_YEARS_TOTAL = HEAD.format(dept="市场监督管理局") + (
    "决策指标得分18.50分，过程指标得分16.80分，产出指标得分36.40分，效益指标得分21.90分。"
    "{total}较上年自评得分90.40分有所提高。\n"
)


def test_last_years_total_score_is_not_the_sum_of_this_years_scores(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LAST_YEARS_TOTAL.format(total=""))
    assert not [c for c in inconsistent(checks) if c[1] == "90.40分"]
    # this year's total after the scores is still their sum
    this_year = LAST_YEARS_TOTAL.format(total="本年自评得分93.60分，")
    assert any("18.50分" in f for f in _consistent(tmp_path, this_year, "93.60分"))
    found = _found(tmp_path, LAST_YEARS_TOTAL.format(total="本年自评得分93.06分，"), "93.06分")
    assert found and "21.90分" in found[0][0]


NEXT_ITEM_COUNT = HEAD.format(dept="民政局") + (
    "全年为860名困难群众发放临时救助金215.00万元，人均约{avg}；经复核后转入低保保障312人，转入率36.28%。\n"
)


def test_an_average_is_not_over_a_count_of_the_next_item(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, NEXT_ITEM_COUNT.format(avg="2,500元"))
    assert not [c for c in inconsistent(checks) if c[1] == "2,500元"]
    assert any("860名" in f for f in _consistent(tmp_path, NEXT_ITEM_COUNT.format(avg="2,500元"), "2,500元"))


def test_a_slipped_average_is_found_over_its_own_count(tmp_path: Path) -> None:
    found = _found(tmp_path, NEXT_ITEM_COUNT.format(avg="2,800元"), "2,800元")
    assert found and all("312" not in f for f, _ in found) and any("860名" in f for f, _ in found)


QUARTERS = HEAD.format(dept="城市管理局") + (
    "项目全年预算4,000.00万元，各季度付款见表2。\n"
    "表2　各季度资金支付（单位：万元）\n"
    "季度｜计划数｜实际支付｜本季完成率｜累计支付｜累计支出进度\n"
    "一季度｜400.00｜352.00｜88.00%｜352.00｜8.80%\n"
    "二季度｜800.00｜704.00｜88.00%｜1,056.00｜26.40%\n"
    "三季度｜1,000.00｜900.00｜90.00%｜{third}｜48.90%\n"
    "\n前三季度付款偏慢。\n"
)


def test_a_quarterly_table_is_read_by_its_amount_columns(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, QUARTERS.format(third="1,956.00"))
    assert not inconsistent(checks)
    assert any("704.00万元" in f for f in _consistent(tmp_path, QUARTERS.format(third="1,956.00"), "1,056.00万元"))


def test_a_slipped_running_total_of_a_quarterly_table_is_found(tmp_path: Path) -> None:
    checks = inconsistent(audit_text(tmp_path, QUARTERS.format(third="1,965.00")))
    assert [f for f, stated in checks if stated == "1,965.00万元" and "900.00万元" in f]
    assert all(stated == "1,965.00万元" for _, stated in checks)


# ---- misses ------------------------------------------------------------------------------------------------------

LATEST_BUDGET = HEAD.format(dept="应急管理局") + (
    "该项目年初安排预算860.00万元，7月因救灾物资储备需要{raised}1,020.00万元，当年实际支出978.30万元，执行率{rate}。\n"
)


@pytest.mark.parametrize("raised", ["调增至", "追加至"])
def test_an_execution_rate_is_over_the_budget_the_year_closed_with(tmp_path: Path, raised: str) -> None:
    text = LATEST_BUDGET.format(raised=raised, rate="95.91%")
    assert any("1,020.00万元" in f for f in _consistent(tmp_path, text, "95.91%"))
    # 978.30 ÷ 860.00: the opening budget the adjustment replaced
    found = _found(tmp_path, LATEST_BUDGET.format(raised=raised, rate="113.76%"), "113.76%")
    assert found and "1,020.00万元" in found[0][0]
    # a rate the words put over the opening budget stays consistent
    assert not _found(tmp_path, text + "以年初预算为基数，执行率为113.76%。\n", "113.76%")


ATTENDANCES = HEAD.format(dept="残疾人联合会") + (
    "全年开展职业康复训练3,250人次，高于3,000人次的计划；康复训练经费487.50万元，人均约{avg}。\n"
)


def test_an_average_per_head_is_over_the_attendances_stated(tmp_path: Path) -> None:
    assert any("3,250人次" in f for f in _consistent(tmp_path, ATTENDANCES.format(avg="1,500元"), "1,500元"))
    found = _found(tmp_path, ATTENDANCES.format(avg="1,600元"), "1,600元")
    assert found and "3,250人次" in found[0][0] and "3,000" not in found[0][0]


FULL_IN_PARENTHESES = HEAD.format(dept="体育局") + (
    "分维度看，决策指标得分12.60分（满分15分），得分率为{rate}；过程指标得分17.00分（分值20分），得分率达到85.00%。\n"
)


def test_a_score_rate_over_a_full_mark_in_parentheses(tmp_path: Path) -> None:
    assert any("15分" in f for f in _consistent(tmp_path, FULL_IN_PARENTHESES.format(rate="84.00%"), "84.00%"))
    found = _found(tmp_path, FULL_IN_PARENTHESES.format(rate="86.00%"), "86.00%")
    assert found and "12.60分" in found[0][0]


TWO_LEVEL = HEAD.format(dept="档案馆") + (
    "各项指标得分见表3。\n"
    "表3　评价得分\n"
    "一级指标｜二级指标｜指标分值｜评价得分\n"
    "决策｜立项依据｜6｜5.40\n"
    "决策｜目标设置｜4｜3.60\n"
    "过程｜预算执行｜12｜10.20\n"
    "过程｜制度建设｜8｜7.00\n"
    "产出｜完成数量｜40｜36.00\n"
    "效益｜可持续影响｜30｜27.00\n"
    "合计｜—｜100｜89.20\n"
    "\n分维度看，决策指标得分9.00分，得分率{rate}；过程指标得分17.20分，得分率86.00%。\n"
)


def test_a_score_rate_over_the_rows_of_a_two_level_score_table(tmp_path: Path) -> None:
    assert any("6" in f for f in _consistent(tmp_path, TWO_LEVEL.format(rate="90.00%"), "90.00%"))
    assert _consistent(tmp_path, TWO_LEVEL.format(rate="90.00%"), "86.00%")
    found = _found(tmp_path, TWO_LEVEL.format(rate="80.00%"), "80.00%")
    assert found and "9.00分" in found[0][0]


NAMED_ROWS = HEAD.format(dept="农业农村局") + (
    "分类看，农机购置补贴占全部支出的{whole}，种粮补贴支出占直接补贴小计的{sub}，使用情况见表1。\n"
    "表1　补贴资金使用情况（单位：万元）\n"
    "补贴类别｜预算数｜支出数｜执行率\n"
    "种粮补贴｜800.00｜760.00｜95.00%\n"
    "农机购置补贴｜400.00｜380.00｜95.00%\n"
    "直接补贴小计｜1,200.00｜1,140.00｜95.00%\n"
    "技术推广服务｜300.00｜260.00｜86.67%\n"
    "合计｜1,500.00｜1,400.00｜93.33%\n"
)


def test_a_share_of_named_rows_is_checked_against_the_table(tmp_path: Path) -> None:
    text = NAMED_ROWS.format(whole="27.14%", sub="66.67%")
    assert any("1,400.00万元" in f for f in _consistent(tmp_path, text, "27.14%"))
    assert any("1,140.00万元" in f for f in _consistent(tmp_path, text, "66.67%"))


def test_a_share_over_the_wrong_whole_is_found(tmp_path: Path) -> None:
    # 380 ÷ 1,140 (the 小计) written where the words name the 合计
    found = _found(tmp_path, NAMED_ROWS.format(whole="33.33%", sub="66.67%"), "33.33%")
    assert found and "1,400.00万元" in found[0][0]
    found = _found(tmp_path, NAMED_ROWS.format(whole="27.14%", sub="54.29%"), "54.29%")
    assert found and "1,140.00万元" in found[0][0]
