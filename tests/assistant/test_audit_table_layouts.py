"""Table layouts written for these tests: columns of two years side by side, and a group column that
names the 小计 rows in a second text column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assistant.test_audit_phrasings import run_case

TWO_YEARS = """表2 各类培训经费情况（单位：万元）
类别｜内容｜2024年支出｜2025年预算｜2025年支出｜执行率
技能培训｜焊工培训｜120.00｜150.00｜141.00｜94.00%
技能培训｜电工培训｜80.00｜100.00｜96.50｜96.50%
技能培训｜小计｜200.00｜250.00｜237.50｜95.00%
创业培训｜创业指导｜60.00｜70.00｜63.00｜{rate}
创业培训｜小计｜60.00｜70.00｜63.00｜90.00%
合计｜—｜260.00｜320.00｜{total}｜93.91%
"""


@pytest.mark.parametrize(
    ("rate", "total", "figure", "expected"),
    [
        ("90.00%", "300.50", "94.00%", "一致"),  # spending of the budget's year, not the year before
        ("90.00%", "300.50", "300.50万元", "一致"),  # 合计 sums the 小计 rows, each item once
        ("90.00%", "310.50", "310.50万元", "不一致"),
        ("99.00%", "300.50", "99.00%", "不一致"),
    ],
)
def test_rates_and_totals_of_a_table_with_two_years_and_a_group_column(
    tmp_path: Path, rate: str, total: str, figure: str, expected: str
) -> None:
    run_case(tmp_path, TWO_YEARS.format(rate=rate, total=total), figure, expected)


# ---- quarters across the columns, each row its own sum; a rate in prose about one row -------------------

BY_SITE = """各站点分季度支出情况如下。
表3 各站点分季度支出（单位：万元）
站点    全年预算    一季度支出    二季度支出    三季度支出    累计支出
东站    200.00    30.00    45.00    52.00    127.00
西站（2处）    150.00    20.00    35.50    41.00    96.50
合计    350.00    50.00    80.50    93.00    {total}
{prose}
"""


@pytest.mark.parametrize(
    ("total", "prose", "figure", "expected"),
    [
        # the 累计 column is each row's quarters added, not a running sum down the rows
        ("223.50", "", "127.00万元", "一致"),
        ("223.50", "", "96.50万元", "一致"),
        ("223.50", "", "223.50万元", "一致"),
        ("233.50", "", "233.50万元", "不一致"),
        # a rate the prose states for one row: the row's 累计 ÷ the row's budget
        ("223.50", "东站前三季度累计支出进度为63.50%，西站支出进度为64.33%。", "63.50%", "一致"),
        ("223.50", "东站前三季度累计支出进度为63.50%，西站支出进度为64.33%。", "64.33%", "一致"),
        ("223.50", "西站三季度支出41.00万元，截至9月底累计支出进度为27.33%。", "27.33%", "不一致"),
        # a row named in an earlier clause does not carry over to a rate of something the table does not list
        ("223.50", "东站支出进度为63.50%，其他站点支出进度为60.00%。", "60.00%", None),
        # one quarter's own progress, and a threshold, are not the row's cumulative rate
        ("223.50", "西站三季度支出进度为27.33%。", "27.33%", None),
        ("223.50", "下一步对东站等支出进度低于50%的站点逐一督办。", "50%", None),
    ],
)
def test_quarter_columns_and_a_rate_stated_for_one_row(
    tmp_path: Path, total: str, prose: str, figure: str, expected: str | None
) -> None:
    run_case(tmp_path, BY_SITE.format(total=total, prose=prose), figure, expected)


# ---- a share column with several amount columns: the one its header names, or the one the rows agree with ----

NAMED_SHARE = """表4 各类补贴发放情况（单位：万元）
补贴类别｜计划金额｜实际发放｜发放占比
种粮补贴｜600.00｜580.00｜{share}
农机补贴｜400.00｜345.00｜37.30%
合计｜1,000.00｜925.00｜100.00%
"""

UNNAMED_SHARE = """表5 分项目资金情况（单位：万元）
项目｜预算数｜决算数｜比重
甲项目｜300.00｜290.00｜{share}
乙项目｜200.00｜160.00｜35.56%
合计｜500.00｜450.00｜100.00%
"""

TWO_COUNTS = """表6 分乡镇补助情况
乡镇｜户数（户）｜补助资金（万元）｜比重
甲乡｜120｜36.00｜40.00%
乙乡｜180｜54.00｜60.00%
合计｜300｜90.00｜100.00%
"""


@pytest.mark.parametrize(
    ("body", "figure", "expected"),
    [
        (NAMED_SHARE.format(share="62.70%"), "62.70%", "一致"),  # 发放占比 is of 实际发放, not of 计划金额
        (NAMED_SHARE.format(share="62.70%"), "37.30%", "一致"),
        (NAMED_SHARE.format(share="60.00%"), "60.00%", "不一致"),
        (UNNAMED_SHARE.format(share="64.44%"), "35.56%", "一致"),  # every row agrees with 决算数
        (UNNAMED_SHARE.format(share="60.00%"), "60.00%", None),  # half the rows each way: not read
        (TWO_COUNTS, "40.00%", "一致"),  # two columns give the same shares
    ],
)
def test_share_column_read_against_the_amount_column_it_is_of(
    tmp_path: Path, body: str, figure: str, expected: str | None
) -> None:
    run_case(tmp_path, body, figure, expected)


# ---- periods down the rows: each 累计 is the one above plus this period ------------------------------------

BY_YEAR = (
    "表7 历年投入情况（单位：万元）\n年度\t当年投入\t累计投入\n"
    "2022年\t300.00\t1,100.00\n2023年\t420.00\t1,520.00\n2024年\t510.00\t{last}\n"
)
BY_QUARTER = (
    "季度\t当季支出（万元）\t累计支出（万元）\n"
    "一季度\t125.4\t125.4\n二季度\t210.6\t336.0\n三季度\t248.0\t{third}\n四季度\t316.0\t900.0\n"
)


@pytest.mark.parametrize(
    ("body", "figure", "expected"),
    [
        # the first year's 累计 may carry years before the table: it is not a running sum from zero
        (BY_YEAR.format(last="2,030.00"), "1,100.00万元", None),
        (BY_YEAR.format(last="2,030.00"), "2,030.00万元", "一致"),
        (BY_YEAR.format(last="2,300.00"), "2,300.00万元", "不一致"),
        # a slip in one quarter's 累计 is flagged there, not again in every quarter after it
        (BY_QUARTER.format(third="548.0"), "548.0万元", "不一致"),
        (BY_QUARTER.format(third="584.0"), "900.0万元", "一致"),
    ],
)
def test_running_cumulative_down_the_rows(tmp_path: Path, body: str, figure: str, expected: str | None) -> None:
    run_case(tmp_path, body, figure, expected)
