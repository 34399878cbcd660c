"""Phrasing families the twenty-third blind set exposed, in wording of our own. False alarms: an average whose clause
names its amount ("其中甲A万元、乙B万元，甲人均C元") read over the nearest amount; a rate named for one source of
funds ("县级配套到位率x%") read as the whole project's arrived funds over its plan; a share of what is spent so far
("占已支出的x%") read over a part stated as spent ("甲板块已支出A万元").
Misses: a share of the spending to date that is the running total stated before ("累计支出"); a gap over a base
the comparison names ("较上年同期的a%高出b个百分点"); an amount named and converted later in its sentence
("…预算总额折合B亿元"); a table's per-unit column ("户均补助（元）", "吨均费用（元/吨）") over its row's money and
quantity; a quarterly table's 累计执行进度 over the year's budget stated earlier in the report."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"


def _consistent(checks: list, stated: str) -> list[str]:  # noqa: ANN001
    return [c.formula for c in checks_on(checks, stated) if c.verdict is Verdict.CONSISTENT]


# ---- false alarms ----------------------------------------------------------------------------------------------

NAMED_AVERAGE = HEAD.format(dept="人社局") + (
    "全年培训学员2,500名，培训经费其中师资课酬150.00万元、教材资料费20.00万元，师资课酬人均600.00元。\n"
)


def test_an_average_named_for_one_amount_is_of_that_amount(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, NAMED_AVERAGE)
    assert not inconsistent(checks)
    assert any("150.00万元" in f for f in _consistent(checks, "600.00元"))


SOURCE_RATE = HEAD.format(dept="水利局") + (
    "项目计划投资1,000.00万元，其中省级补助600.00万元、县级配套400.00万元。\n"
    "截至年底，项目到位资金870.00万元，省级补助尚有50.00万元未到位，县级配套到位率80.00%。\n"
)


def test_a_rate_named_for_one_source_is_not_the_whole_projects(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SOURCE_RATE)
    assert not inconsistent(checks)
    assert not [c for c in checks_on(checks, "80.00%") if "870.00万元" in c.formula]


SPENT_SO_FAR = (
    "示例市文旅局2025年1—6月绩效运行监控报告\n一、项目概况\n项目全年预算1,000.00万元。\n二、执行进度\n"
    "截至6月30日，项目累计支出400.00万元，累计执行进度40.00%。\n"
    "分板块看，基础设施板块已支出300.00万元，占上半年已支出的比重为{first}；宣传推广板块支出100.00万元，"
    "占已支出的25.00%。\n"
)


def test_a_share_of_spending_so_far_is_over_the_running_total(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SPENT_SO_FAR.format(first="75.00%"))
    assert not inconsistent(checks)
    assert any("400.00万元" in f for f in _consistent(checks, "25.00%"))
    assert any("400.00万元" in f for f in _consistent(checks, "75.00%"))
    found = inconsistent(audit_text(tmp_path, SPENT_SO_FAR.format(first="70.00%")))
    assert [s for _, s in found] == ["70.00%"]


# ---- misses ----------------------------------------------------------------------------------------------------

COMPARED_GAP = HEAD.format(dept="财政局") + "截至9月底，资金拨付率72.30%，较上年同期的65.10%高出5.20个百分点。\n"


def test_a_gap_over_the_base_a_comparison_names_is_checked(tmp_path: Path) -> None:
    found = inconsistent(audit_text(tmp_path, COMPARED_GAP))
    assert [s for _, s in found] == ["5.20个百分点"]
    right = audit_text(tmp_path, COMPARED_GAP.replace("5.20个百分点", "7.20个百分点"))
    assert _consistent(right, "7.20个百分点")


NAMED_CONVERSION = HEAD.format(dept="教育局") + (
    "全年调整后预算为3,486.20万元，比年初减少120.00万元，调整后预算总额折合3.49亿元。\n"
)


def test_an_amount_named_and_converted_later_in_its_sentence(tmp_path: Path) -> None:
    found = inconsistent(audit_text(tmp_path, NAMED_CONVERSION))
    assert [s for _, s in found] == ["3.49亿元"]
    assert _consistent(audit_text(tmp_path, NAMED_CONVERSION.replace("3.49亿元", "0.35亿元")), "0.35亿元")


PER_HOUSEHOLD_TABLE = HEAD.format(dept="民政局") + (
    "表1 各社区补助发放情况\n"
    "社区｜服务户数（户）｜补助资金（万元）｜户均补助（元）\n"
    "东苑社区｜400｜36.00｜900.00\n"
    "西苑社区｜250｜20.00｜880.00\n"
    "合计｜650｜56.00｜861.54\n"
)


def test_a_per_unit_column_is_its_rows_money_over_its_quantity(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, PER_HOUSEHOLD_TABLE)
    assert [s for _, s in inconsistent(checks)] == ["880.00元"]  # 20.00万元 ÷ 250户 = 800.00元
    assert _consistent(checks, "900.00元")
    per_ton = PER_HOUSEHOLD_TABLE.replace("服务户数（户）", "清运量（吨）").replace(
        "户均补助（元）", "吨均费用（元/吨）"
    )
    assert [s for _, s in inconsistent(audit_text(tmp_path, per_ton))] == ["880.00元/吨"]


QUARTERLY_PROGRESS = (
    "示例县卫健局2025年1—6月绩效运行监控报告\n一、项目概况\n2025年项目全年预算1,200.00万元。\n二、执行进度\n"
    "截至6月底，项目累计支出480.00万元，支出进度逐季加快。\n"
    "表1 分季度支出进度\n"
    "季度｜当季支出（万元）｜累计支出（万元）｜累计执行进度\n"
    "第一季度｜180.00｜180.00｜15.00%\n"
    "第二季度｜300.00｜480.00｜25.00%\n"
)


def test_a_quarterly_progress_column_is_over_the_years_budget_stated_before(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, QUARTERLY_PROGRESS)
    assert [s for _, s in inconsistent(checks)] == ["25.00%"]  # 480.00 ÷ 1,200.00 = 40.00%
    assert _consistent(checks, "15.00%")
    # a budget no row's progress agrees with is not the table's base
    other_base = QUARTERLY_PROGRESS.replace("15.00%", "18.00%")
    assert not inconsistent(audit_text(tmp_path, other_base))
