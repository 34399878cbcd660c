"""Phrasing families the seventeenth blind set exposed, in wording of our own. False alarms: a sentence-initial
"其中" whose parts name a figure of an earlier sentence, a rate's base taken from last year's figure of a later
sentence, an average word of another clause, an average divided as a total, a share of a rounded restatement in
parentheses. Misses: the spread of the highest and lowest, growth compounded over two years, amounts without tax,
months of delay and of a span, a projection from a growth rate, straight-line depreciation, a matching ratio 1:x."""

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

LATER_PARTS = HEAD.format(dept="农机购置补贴项目") + (
    "两类补贴资金合计{whole}。按投保面积给予保费补助，共40.00万元，结转原因是部分农户年底才完成投保。"
    "其中第四季度集中发放购机补贴120.00万元、作业补贴90.00万元，年底集中发放问题仍较突出。\n"
)


def test_parts_naming_an_earlier_sentence_are_not_parts_of_the_last_figure(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LATER_PARTS.format(whole="300.00万元"))
    assert not [c for c in inconsistent(checks) if c[1] == "40.00万元"]
    assert not inconsistent(checks)


def test_parts_exceeding_the_earlier_figure_they_name_are_found(tmp_path: Path) -> None:
    found = _found(tmp_path, LATER_PARTS.format(whole="180.00万元"), "180.00万元")
    assert found and "120.00万元" in found[0][0]


BALANCE_RATE = HEAD.format(dept="文化旅游局") + (
    "{budget}全年实际支出2,340.00万元，年末结余120.00万元，结余率{rate}，主要是项目尚未结算。"
    "上年部门决算支出2,100.00万元，本年同比增长11.43%。\n"
)


def test_a_balance_rate_is_not_taken_over_spending_or_last_years_figure(tmp_path: Path) -> None:
    # 120 ÷ 2,460 (the unstated budget) = 4.88%; 120 ÷ 2,340 (the spending) = 5.13%: neither is read as wrong
    assert not _found(tmp_path, BALANCE_RATE.format(budget="", rate="4.88%"), "4.88%")
    assert not _found(tmp_path, BALANCE_RATE.format(budget="", rate="5.13%"), "5.13%")


def test_a_balance_rate_over_the_budget_of_its_sentence_is_checked(tmp_path: Path) -> None:
    text = BALANCE_RATE.format(budget="调整后预算2,460.00万元，", rate="4.88%")
    assert any("2,460.00万元" in f for f in _consistent(tmp_path, text, "4.88%"))
    found = _found(tmp_path, BALANCE_RATE.format(budget="调整后预算2,460.00万元，", rate="5.13%"), "5.13%")
    assert found and "2,460.00万元" in found[0][0]


AVERAGE_WORD = HEAD.format(dept="退役军人事务局") + (
    "全年为1,520名优抚对象发放抚恤补助，人均领取约{avg}。其中伤残抚恤金1,026.00万元、定期生活补助356.00万元，"
    "其余为节日慰问金。\n"
)


def test_an_average_word_of_an_earlier_sentence_does_not_make_a_part_an_average(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, AVERAGE_WORD.format(avg="9,500元"))
    assert not [c for c in checks if c.kind == "average" and c.stated.text == "356.00万元"]


AVERAGE_OF_AVERAGE = HEAD.format(dept="交通运输局") + (
    "项目总投资2,400.00万元。平均每个新建公交候车亭投资约{first}，略低于同类项目；新建充电桩150个，"
    "平均每个充电桩投资约{second}。\n"
)


def test_an_average_is_not_the_total_of_another_average(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, AVERAGE_OF_AVERAGE.format(first="5.20万元", second="4.10万元"))
    assert not [c for c in checks if c.stated.text == "4.10万元" and c.verdict is Verdict.INCONSISTENT]


ROUNDED_BASE = HEAD.format(dept="住房和城乡建设局") + (
    "项目资金中央补助4,200.00万元、地方配套2,760.00万元，合计6,960.00万元（总投入约0.70亿元），"
    "地方配套占总投入的{share}。\n"
)


def test_a_share_of_a_rounded_restatement_is_of_the_exact_figure(tmp_path: Path) -> None:
    text = ROUNDED_BASE.format(share="39.66%")
    assert not _found(tmp_path, text, "39.66%")
    assert any("6,960.00万元" in f for f in _consistent(tmp_path, text, "39.66%"))


def test_a_slipped_share_of_a_rounded_restatement_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, ROUNDED_BASE.format(share="36.96%"), "36.96%")
    assert found and "6,960.00万元" in found[0][0]


# ---- misses: relations derived by a stated rule ------------------------------------------------------------------

CASES = [
    (  # spread of the highest and lowest rates
        "从各街道看，完成率最高的是东关街道（98.2%），最低的是西岭街道（86.5%），两者相差{x}，原因是人手不足。",
        "11.7个百分点",
        "12.7个百分点",
        "98.2%",
    ),
    (  # growth compounded over two years
        "全县小微企业贷款余额2023年、2024年分别增长8.0%和10.0%，两年累计增长{x}。",
        "18.8%",
        "18.0%",
        "8.0%",
    ),
    (  # amount without tax
        "设备采购合同价（含税）2,260.00万元，按13%的增值税税率计算，不含税金额为{x}，质保期两年。",
        "2,000.00万元",
        "1,966.20万元",
        "2,260.00万元",
    ),
    (  # months of delay between a planned and an actual date
        "项目计划于2024年5月完工，受汛期影响，实际于2024年11月完成竣工验收，比计划延期{x}。",
        "6个月",
        "5个月",
        "2024年11月",
    ),
    (  # months of a span, both ends counted
        "实施期为2024年4月至2025年3月，共{x}，分两个阶段推进。",
        "12个月",
        "10个月",
        "2024年4月",
    ),
    (  # a projection from a stated growth rate
        "预计首年门票收入450.00万元。次年收入按比上年增长8%测算，将达到{x}，可覆盖运营成本。",
        "486.00万元",
        "468.00万元",
        "450.00万元",
    ),
    (  # straight-line depreciation with a residual value
        "购置设备原值1,500.00万元，按10年折旧年限、4%残值率采用直线法计提折旧，年折旧额为{x}。",
        "144.00万元",
        "150.00万元",
        "1,500.00万元",
    ),
    (  # a share of a share
        "彩票公益金的70%用于体育设施，体育设施部分中又有30%用于全民健身路径，健身路径补助占公益金支出的{x}。",
        "21.0%",
        "12.0%",
        "70%",
    ),
    (  # a static payback period over the total investment as first stated
        "项目申报总投资2,400.00万元。测算年运营净收益300.00万元，静态投资回收期约为{x}年。",
        "8.00",
        "7.00",
        "2,400.00万元",
    ),
    (  # a matching ratio 1:x of two named funds
        "省级补助资金3,000.00万元，县级配套资金1,260.00万元。省级补助资金与县级配套资金的配比为1:{x}，符合要求。",
        "0.42",
        "0.24",
        "3,000.00万元",
    ),
]


@pytest.mark.parametrize(("sentence", "right", "wrong", "source"), CASES)
def test_a_derived_figure_is_consistent_when_right(
    tmp_path: Path, sentence: str, right: str, wrong: str, source: str
) -> None:
    text = HEAD.format(dept="发展和改革局") + sentence.format(x=right) + "\n"
    assert not _found(tmp_path, text, right)
    assert any(source in f for f in _consistent(tmp_path, text, right))


@pytest.mark.parametrize(("sentence", "right", "wrong", "source"), CASES)
def test_a_slipped_derived_figure_is_found(tmp_path: Path, sentence: str, right: str, wrong: str, source: str) -> None:
    text = HEAD.format(dept="发展和改革局") + sentence.format(x=wrong) + "\n"
    found = _found(tmp_path, text, wrong)
    assert found and source in found[0][0]


INTEREST = HEAD.format(dept="农业农村局") + (
    "贴息标准为年贴息率2.000%。某合作社获得贷款600万元，贴息期限{months}个月，应享受贴息{x}，已按季兑付。\n"
)


def test_interest_over_the_months_of_a_loan_is_checked(tmp_path: Path) -> None:
    text = INTEREST.format(months=6, x="6.00万元")
    assert any("600万元" in f for f in _consistent(tmp_path, text, "6.00万元"))
    found = _found(tmp_path, INTEREST.format(months=6, x="12.00万元"), "12.00万元")  # written as a full year
    assert found and "6/12" in found[0][0]


def test_tax_held_in_a_gross_amount_is_checked(tmp_path: Path) -> None:
    text = HEAD.format(dept="水利局") + (
        "工程合同价（含税）1,090.00万元，按9%的增值税税率折算，不含税金额为1,000.00万元，税额{x}。\n"
    )
    assert any("1,090.00万元" in f for f in _consistent(tmp_path, text.format(x="90.00万元"), "90.00万元"))
    assert _found(tmp_path, text.format(x="98.10万元"), "98.10万元")


def test_a_spread_needs_one_highest_and_one_lowest(tmp_path: Path) -> None:
    named = HEAD.format(dept="教育局") + "各校合格率最高为96.0%，最低为88.0%，差距为9.0个百分点。\n"
    assert _found(tmp_path, named, "9.0个百分点")
    listed = HEAD.format(dept="教育局") + "甲校合格率96.0%，乙校合格率91.0%，丙校合格率88.0%，差距为9.0个百分点。\n"
    assert not [c for c in audit_text(tmp_path, listed) if c.kind == "spread"]
