"""Phrasing families the nineteenth blind set exposed, in wording of our own. False alarms: an execution rate
the report puts over the arrived funds (in prose, or in a table with a plan and an arrived column), an arrival
rate of co-funding over the amount due (应配套), a multiple whose subject is restated rounded in parentheses.
Misses: a row's rate in prose after a ranking word ("执行率最低，仅为"), a completion rate whose target only the
indicator table states, a score rate over the 分值 of a one-level score table's row."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、执行情况\n"


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- false alarms ----------------------------------------------------------------------------------------------

OVER_ARRIVED_PROSE = HEAD.format(dept="水利局") + (
    "项目年度预算3,000.00万元，实际到位资金2,500.00万元，到位率83.33%。\n"
    "二、支出情况\n全年实际支出2,300.00万元，按到位资金计算执行率{rate}。\n"
)


def test_an_execution_rate_over_arrived_funds_is_not_read_over_the_budget(tmp_path: Path) -> None:
    text = OVER_ARRIVED_PROSE.format(rate="92.00%")
    assert not _found(tmp_path, text, "92.00%")
    assert any("2,500.00万元" in f for f in _consistent(tmp_path, text, "92.00%"))


def test_a_slipped_execution_rate_over_arrived_funds_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, OVER_ARRIVED_PROSE.format(rate="90.20%"), "90.20%")
    assert found and "2,500.00万元" in found[0][0]


OVER_ARRIVED_TABLE = HEAD.format(dept="农业农村局") + (
    "资金分来源情况见表1。\n"
    "表1 资金到位及支出（单位：万元）\n"
    "来源｜计划数｜到位数｜到位率｜实际支出｜执行率\n"
    "省级资金｜1,000.00｜1,000.00｜100.00%｜950.00｜95.00%\n"
    "县级资金｜500.00｜400.00｜80.00%｜360.00｜{county}\n"
    "合计｜1,500.00｜1,400.00｜93.33%｜1,310.00｜93.57%\n"
    "注：执行率=实际支出÷到位数。\n"
)


def test_a_table_rate_over_the_arrived_column_is_consistent(tmp_path: Path) -> None:
    text = OVER_ARRIVED_TABLE.format(county="90.00%")
    assert not inconsistent(audit_text(tmp_path, text))
    assert any("400.00万元" in f for f in _consistent(tmp_path, text, "90.00%"))


def test_a_slipped_table_rate_over_the_arrived_column_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, OVER_ARRIVED_TABLE.format(county="92.00%"), "92.00%")
    assert found and "400.00万元" in found[0][0]


DUE_CO_FUNDING = HEAD.format(dept="生态环境局") + (
    "市级下达补助资金2,600.00万元。各县按下达额的15%配套，合计应配套390.00万元，实际到位351.00万元，"
    "配套到位率{rate}。\n"
)


def test_a_co_funding_arrival_rate_is_over_the_amount_due(tmp_path: Path) -> None:
    text = DUE_CO_FUNDING.format(rate="90.00%")
    assert not _found(tmp_path, text, "90.00%")
    assert any("390.00万元" in f for f in _consistent(tmp_path, text, "90.00%"))
    found = _found(tmp_path, DUE_CO_FUNDING.format(rate="93.00%"), "93.00%")
    assert found and "390.00万元" in found[0][0]


ROUNDED_RESTATEMENT = HEAD.format(dept="商务局") + (
    "消费补贴带动零售额2,460.00万元（约0.25亿元），为财政投入300.00万元的约{times}。\n"
)


def test_a_multiple_is_of_the_exact_amount_not_its_rounded_restatement(tmp_path: Path) -> None:
    text = ROUNDED_RESTATEMENT.format(times="8.2倍")
    assert not _found(tmp_path, text, "8.2倍")
    assert any("2,460.00万元" in f for f in _consistent(tmp_path, text, "8.2倍"))
    found = _found(tmp_path, ROUNDED_RESTATEMENT.format(times="9.2倍"), "9.2倍")
    assert found and "2,460.00万元" in found[0][0]


# ---- misses ----------------------------------------------------------------------------------------------------

RANKED_ROW = HEAD.format(dept="住房和城乡建设局") + (
    "分县情况见表1。\n"
    "表1 分县资金（单位：万元）\n"
    "县别｜下达资金｜实际支出｜执行率\n"
    "东河县｜800.00｜760.00｜95.00%\n"
    "西山县｜500.00｜440.00｜88.00%\n"
    "合计｜1,300.00｜1,200.00｜92.31%\n"
    "\n从执行情况看，东河县执行率最高，为95.00%；西山县执行率最低，仅为{rate}。\n"
)


def test_a_ranked_row_rate_in_prose_is_held_to_its_row(tmp_path: Path) -> None:
    text = RANKED_ROW.format(rate="88.00%")
    assert not inconsistent(audit_text(tmp_path, text))
    assert any("440.00万元" in f for f in _consistent(tmp_path, text, "88.00%"))
    found = _found(tmp_path, RANKED_ROW.format(rate="80.80%"), "80.80%")
    assert found and "440.00万元" in found[0][0]


TABLE_TARGET = HEAD.format(dept="卫生健康委") + (
    "全年开展义诊巡回活动230次，完成率达{rate}，群众反映良好。\n"
    "表2 绩效指标完成情况\n"
    "指标名称｜年度目标值｜实际完成值｜完成率\n"
    "义诊巡回活动次数｜200次｜230次｜115.00%\n"
    "健康档案建档率｜≥90%｜93.20%｜达标\n"
)


def test_a_completion_rate_is_over_the_target_the_indicator_table_states(tmp_path: Path) -> None:
    text = TABLE_TARGET.format(rate="115.00%")
    assert not inconsistent(audit_text(tmp_path, text))
    assert any("230次" in f for f in _consistent(tmp_path, text, "115.00%"))
    found = _found(tmp_path, TABLE_TARGET.format(rate="125.00%"), "125.00%")
    assert found and "230次" in found[0][0]


ONE_LEVEL_SCORES = HEAD.format(dept="教育局") + (
    "项目自评总分91.40分。其中产出指标得分36.60分，得分率为{rate}。\n"
    "表3 自评得分\n"
    "一级指标｜分值｜得分｜得分率\n"
    "项目决策｜20｜18.00｜90.00%\n"
    "项目过程｜20｜18.40｜92.00%\n"
    "项目产出｜40｜36.60｜91.50%\n"
    "项目效益｜20｜18.40｜92.00%\n"
    "合计｜100｜91.40｜91.40%\n"
)


def test_a_score_rate_is_over_the_full_marks_of_its_one_level_row(tmp_path: Path) -> None:
    text = ONE_LEVEL_SCORES.format(rate="91.50%")
    assert not inconsistent(audit_text(tmp_path, text))
    assert any("÷ 40" in f for f in _consistent(tmp_path, text, "91.50%"))
    found = _found(tmp_path, ONE_LEVEL_SCORES.format(rate="95.10%"), "95.10%")
    assert found and "36.60分" in found[0][0]
