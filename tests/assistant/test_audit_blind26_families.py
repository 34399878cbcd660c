"""Phrasing families the twenty-sixth blind set exposed, in wording of our own. False alarms: a bare "少了B" after
last year's figure read as this year's value; an execution rate in prose read over the plan where the report
defines it over the funds that came in; a deduction of one indicator ("社会效益扣…") read against the score-table
row whose name it contains ("效益"). Misses: "单算X，平均每套…" averaged over X; "到位资金中尚未支出的结余" as the
arrived funds less the year's spending."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, consistent_formulas, flagged, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"

BARE_LESS = HEAD.format(dept="档案局") + "全年印刷费支出4.20万元。上年是5.00万元，少了0.80万元，下降{rate}。\n"


def test_a_bare_less_after_last_years_figure_is_the_change(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, BARE_LESS.format(rate="16.00%"))
    assert not inconsistent(checks)
    assert any("5.00万元" in f and "0.80万元" in f for f in consistent_formulas(checks, "16.00%"))
    assert flagged(tmp_path, BARE_LESS.format(rate="19.05%"), "19.05%")  # 0.80 ÷ 4.20: over this year's


DEFINED_OVER_ARRIVED = HEAD.format(dept="教育局") + (
    "项目计划总投资3,000.00万元，截至年底项目到位资金2,500.00万元（执行率按实际支出除以到位资金计算）。\n"
    "全年实际支出2,300.00万元，执行率{rate}。省级资金到位1,500.00万元，支出1,425.00万元，执行率95.00%。\n"
    "上半年支出600.00万元，半年支出进度20.00%。\n"
)


def test_a_report_defining_the_rate_over_arrived_funds_is_read_so_in_prose(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, DEFINED_OVER_ARRIVED.format(rate="92.00%"))
    assert not inconsistent(checks)
    assert any("2,500.00万元" in f for f in consistent_formulas(checks, "92.00%"))
    assert any("1,500.00万元" in f for f in consistent_formulas(checks, "95.00%"))  # a source over its own funds
    assert flagged(tmp_path, DEFINED_OVER_ARRIVED.format(rate="76.67%"), "76.67%")  # 2,300 ÷ 3,000: over the plan


SUB_INDICATOR = (
    "示例县文旅局2024年度绩效评价报告\n一、评价结论\n"
    "表1 一级指标得分\n一级指标｜分值（分）｜得分（分）\n决策｜20｜18.5\n产出｜40｜36.0\n效益｜40｜34.2\n"
    "二、扣分情况\n效益指标扣5.80分。其中社会效益扣3.30分，可持续影响扣2.50分。\n"
)


def test_a_deduction_of_an_indicator_within_a_row_is_not_the_rows(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SUB_INDICATOR)
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "5.80分")


ALONE_AVERAGED = HEAD.format(dept="住建局") + (
    "全年实际支出2,000.00万元。共建成周转宿舍100套，工程结算合计1,500.00万元。单算工程结算，平均每套的造价是{each}。\n"
)


def test_an_average_of_the_amount_the_sentence_opens_with(tmp_path: Path) -> None:
    assert any(
        "1,500.00万元" in f
        for f in consistent_formulas(audit_text(tmp_path, ALONE_AVERAGED.format(each="15.00万元")), "15.00万元")
    )
    assert flagged(tmp_path, ALONE_AVERAGED.format(each="20.00万元"), "20.00万元")  # the whole spending's average


ARRIVED_LEFT = HEAD.format(dept="水利局") + (
    "截至年底项目到位资金860.00万元。\n全年实际支出800.00万元。到位资金中尚未支出的结余为{left}，主要是工程尾款。\n"
)


def test_what_the_arrived_funds_leave_after_the_years_spending(tmp_path: Path) -> None:
    assert consistent_formulas(audit_text(tmp_path, ARRIVED_LEFT.format(left="60.00万元")), "60.00万元")
    assert flagged(tmp_path, ARRIVED_LEFT.format(left="70.00万元"), "70.00万元")
