"""Phrasing families the twenty-fourth blind set exposed, in wording of our own. False alarms: a running total
through a later period summed from the quarters stated before it ("至9月末累计" of 一、二季度); a change set
against the part of a breakdown ("全部为甲A和乙B，比上年C减少D") instead of its whole; a share whose clause names
its whole ("现有床位中…") read over the latest total; a deduction read against the first of listed scores
instead of their total. Misses: a table's execution rate over the other budget column ("年初预算｜调整后预算") in
one row while the others are over the adjusted one; a change in points between two rates of one measure in a
sentence ("占比a%，…占比达到b%，提高c个百分点")."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, consistent_formulas, flagged, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"



# ---- false alarms ----------------------------------------------------------------------------------------------

RUNNING_TOTAL = HEAD.format(dept="交通局") + (
    "按季度看，一季度拨付资金210.00万元；二季度拨付资金340.00万元，上半年累计拨付550.00万元；"
    "至9月末累计拨付905.00万元，完成全年计划的72.40%。\n"
)


def test_a_running_total_past_the_quarters_stated_is_not_their_sum(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, RUNNING_TOTAL)
    assert not inconsistent(checks)
    assert any("210.00万元" in f and "340.00万元" in f for f in consistent_formulas(checks, "550.00万元"))


WHOLE_AND_PARTS = HEAD.format(dept="档案馆") + (
    "全年一般性支出压减后为18.60万元，全部为办公费12.40万元和印刷费6.20万元，比上年20.00万元减少{gap}，下降7.00%。\n"
)


def test_a_change_after_a_breakdown_is_of_the_whole(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, WHOLE_AND_PARTS.format(gap="1.40万元"))
    assert not inconsistent(checks)
    assert any("18.60万元" in f for f in consistent_formulas(checks, "1.40万元"))
    assert flagged(tmp_path, WHOLE_AND_PARTS.format(gap="1.60万元"), "1.60万元")


NAMED_WHOLE = HEAD.format(dept="民政局") + (
    "全县现有养老机构床位3,200张，规划建成后床位总数增至3,800张。现有床位中护理型床位1,760张，护理型床位占比{share}。\n"
)


def test_a_share_whose_clause_names_its_whole_is_over_that_whole(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, NAMED_WHOLE.format(share="55.00%"))
    assert not inconsistent(checks)
    assert any("3,200张" in f for f in consistent_formulas(checks, "55.00%"))
    assert flagged(tmp_path, NAMED_WHOLE.format(share="46.32%"), "46.32%")  # 1,760 ÷ 3,800: the latest total


LISTED_SCORES = HEAD.format(dept="林业局") + (
    "评价指标满分100分，决策、过程、产出、效益分别得14.50分、18.00分、36.20分、22.30分，合计91.00分，扣{lost}，评价等级为“优”。\n"
)


def test_a_deduction_after_listed_scores_is_from_their_total(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, LISTED_SCORES.format(lost="9.00分"))
    assert not inconsistent(checks)
    assert any("91.00分" in f for f in consistent_formulas(checks, "9.00分"))
    assert flagged(tmp_path, LISTED_SCORES.format(lost="8.00分"), "8.00分")


# ---- misses --------------------------------------------------------------------------------------------------

BUDGET_COLUMNS = HEAD.format(dept="卫健局") + (
    "表1 2024年项目支出执行情况（万元）\n"
    "项目｜年初预算｜调整后预算｜实际支出｜执行率\n"
    "疫苗冷链运维｜120.00｜150.00｜141.00｜94.00%\n"
    "基层医生培训｜80.00｜100.00｜92.00｜92.00%\n"
    "健康教育宣传｜60.00｜75.00｜72.00｜{rate}\n"
    "慢病随访补助｜200.00｜250.00｜240.00｜96.00%\n"
    "合计｜460.00｜575.00｜545.00｜94.78%\n"
)


def test_a_row_rate_over_the_other_budget_column_is_wrong(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, BUDGET_COLUMNS.format(rate="96.00%"))
    assert not inconsistent(checks)
    assert flagged(tmp_path, BUDGET_COLUMNS.format(rate="120.00%"), "120.00%")  # 72.00 ÷ 60.00: the initial budget


TWO_RATES = HEAD.format(dept="教育局") + (
    "现有幼儿园中公办园在园幼儿占比52.30%，项目实施后公办园在园幼儿占比提高到58.10%，提高{points}。\n"
)


def test_a_change_in_points_between_two_rates_of_one_measure(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, TWO_RATES.format(points="5.80个百分点"))
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "5.80个百分点")
    assert flagged(tmp_path, TWO_RATES.format(points="11.09个百分点"), "11.09个百分点")  # the relative change
