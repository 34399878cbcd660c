"""Phrasing families the fifth blind set exposed, each in wording of our own (other departments, other
figures): the consistent version raises no 不一致 and is read with the right operands; the inconsistent
version is found at the planted figure.

1. a figure labelled as last year's is the base of a change, never this year's value;
2. a rate of one part of the spending (基本支出, 项目支出) is over that part's own budget;
3. a rate of a count is over what was actually done, not the plan;
4. a share of a named period's whole takes that period's figure, not another period's;
5. a list whose count is stated ("分为两类") has that many parts;
6. counts of different nouns after the measure word are not parts of one another;
7. "是/为/相当于…的N倍" is a ratio, judged like the other relations;
8. a table's progress column (header over two lines) is each row's 累计 over its own budget.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit import AuditCheck, Verdict, audit_document
from ingest.pipeline import parse_document
from ingest.settings import Settings

HEAD = "示例区某中心2025年度绩效自评报告\n一、基本情况\n"


def _audit(tmp_path: Path, text: str) -> tuple[str, list[AuditCheck]]:
    path = tmp_path / "case.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    parsed = parse_document(path, None, Settings())
    return parsed.normalized.raw, audit_document(parsed)


def _on(checks: list[AuditCheck], stated: str) -> list[AuditCheck]:
    return [c for c in checks if c.stated.text == stated]


def _inconsistent(checks: list[AuditCheck]) -> list[tuple[str, str]]:
    return [(c.formula, c.stated.text) for c in checks if c.verdict is Verdict.INCONSISTENT]


def _uses(check: AuditCheck, *figures: str) -> bool:
    texts = {f.text for f in check.sources}
    return all(f in texts for f in figures)


# ---- 1. last year's figure is the base -------------------------------------------------------------------


def test_figure_labelled_last_year_is_the_base_of_the_change(tmp_path: Path) -> None:
    text = "全年发放补贴资金1,400.00万元。上年发放补贴资金1,250.00万元，本年比上年增加150.00万元，增长12.00%。\n"
    _, checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    rate = _on(checks, "12.00%")
    assert rate and rate[0].verdict is Verdict.CONSISTENT and _uses(rate[0], "1,250.00万元")


def test_wrong_amount_over_last_years_figure_is_one_error(tmp_path: Path) -> None:
    text = "全年发放补贴资金1,400.00万元。上年发放补贴资金1,250.00万元，本年比上年增加105.00万元，增长12.00%。\n"
    _, checks = _audit(tmp_path, text)
    flagged = _inconsistent(checks)
    assert [f for f in flagged if f[1] == "105.00万元" and "1,400.00万元" in f[0]], flagged
    assert not [f for f in flagged if f[1] != "105.00万元"], flagged


def test_figure_after_compared_with_last_year_is_the_base(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, "培训经费比上年的80.00万元减少6.40万元，下降8.00%。\n")
    assert not _inconsistent(checks)
    assert _on(checks, "8.00%") and _on(checks, "8.00%")[0].verdict is Verdict.CONSISTENT


def test_wrong_rate_over_last_years_figure_is_found(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, "培训经费比上年的80.00万元减少6.40万元，下降7.41%。\n")
    assert [c for c in _on(checks, "7.41%") if c.verdict is Verdict.INCONSISTENT and _uses(c, "80.00万元")]


def test_current_and_base_are_never_both_last_years(tmp_path: Path) -> None:
    # the change amount is wrong (430.00, not 403.00); the growth rate was computed from the two values
    text = (
        "截至6月30日，奖补资金累计拨付2,580.00万元。去年同期已拨付奖补资金2,150.00万元，"
        "本期累计拨付比上年同期的2,150.00万元增加403.00万元，增长20.00%。\n"
    )
    _, checks = _audit(tmp_path, text)
    flagged = _inconsistent(checks)
    assert [f for f in flagged if f[1] == "403.00万元" and "2,580.00万元" in f[0]], flagged
    assert not [f for f in flagged if f[1] != "403.00万元"], flagged
    growth = _on(checks, "20.00%")
    assert growth and growth[0].verdict is Verdict.CONSISTENT and _uses(growth[0], "2,580.00万元", "2,150.00万元")


# ---- 2. a part's rate over the part's budget ------------------------------------------------------------

PART_PROSE = (
    "二、预算情况\n调整后全年预算4,000.00万元，其中基本支出预算1,600.00万元，项目支出预算2,400.00万元。\n"
    "三、执行情况\n全年支出3,840.00万元，预算执行率96.00%。基本支出1,560.00万元，执行率97.50%；"
    "项目支出2,280.00万元，执行率{rate}。\n"
)


def test_part_rate_uses_the_parts_own_budget_in_prose(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, PART_PROSE.format(rate="95.00%"))
    assert not _inconsistent(checks)
    rate = _on(checks, "95.00%")
    assert rate and _uses(rate[0], "2,400.00万元")


def test_wrong_part_rate_is_found_against_the_parts_budget(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, PART_PROSE.format(rate="93.00%"))
    assert [c for c in _on(checks, "93.00%") if c.verdict is Verdict.INCONSISTENT and _uses(c, "2,400.00万元")]


def test_part_rate_uses_the_parts_row_of_a_table(tmp_path: Path) -> None:
    text = (
        "二、预算执行\n全年预算5,000.00万元，实际支出4,750.00万元，执行率95.00%。"
        "基本支出1,940.00万元，执行率97.00%；项目支出2,810.00万元，执行率93.67%。\n"
        "表1 支出明细（单位：万元）\n"
        "项目｜预算｜支出｜执行率\n"
        "基本支出小计｜2,000.00｜1,940.00｜97.00%\n"
        "项目支出小计｜3,000.00｜2,810.00｜93.67%\n"
        "合计｜5,000.00｜4,750.00｜95.00%\n"
    )
    _, checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    prose = [c for c in _on(checks, "93.67%") if c.kind == "execution_rate"]
    assert prose and _uses(prose[0], "3,000.00万元")


# ---- 3. a rate of a count is over what was done ---------------------------------------------------------

COUNT_RATE = "今年计划检测饮用水样600份，实际检测完成720份；其中不合格水样18份，不合格率{rate}。\n"


def test_rate_of_a_count_is_over_the_count_done_not_the_plan(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, COUNT_RATE.format(rate="2.50%"))
    assert not _inconsistent(checks)
    rate = _on(checks, "2.50%")
    assert rate and rate[0].verdict is Verdict.CONSISTENT and _uses(rate[0], "720份")


def test_rate_over_the_plan_is_found(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, COUNT_RATE.format(rate="3.00%"))
    assert [c for c in _on(checks, "3.00%") if c.verdict is Verdict.INCONSISTENT and _uses(c, "720份")]


def test_generic_rate_never_divides_by_a_plan(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, "本年计划走访困难群众500户，其中建档320户，建档率64.00%。\n")
    assert not [c for c in _on(checks, "64.00%") if _uses(c, "500户")]


# ---- 4. a share of a named period's whole ----------------------------------------------------------------

PERIOD_SHARE = (
    "（一）进度。截至9月底，前三季度累计支出1,250.00万元。\n"
    "（二）分季度。一季度支出300.00万元，二季度支出500.00万元，上半年累计支出800.00万元；"
    "三季度支出450.00万元，占前三季度累计支出的{rate}。\n"
)


def test_share_of_a_period_whole_takes_that_period(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, PERIOD_SHARE.format(rate="36.00%"))
    assert not _inconsistent(checks)
    share = _on(checks, "36.00%")
    assert share and _uses(share[0], "1,250.00万元")


def test_wrong_share_of_a_period_whole_is_found(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, PERIOD_SHARE.format(rate="38.00%"))
    flagged = [c for c in _on(checks, "38.00%") if c.verdict is Verdict.INCONSISTENT]
    assert flagged and _uses(flagged[0], "1,250.00万元")


# ---- 5. a list whose count is stated ----------------------------------------------------------------------


def test_list_with_stated_count_has_that_many_parts(tmp_path: Path) -> None:
    text = "全区共有社区养老服务站30个，分为两类：中心站8个、普通站22个，验收合格27个，合格率90.00%。\n"
    _, checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    total = _on(checks, "30个")
    assert total and total[0].verdict is Verdict.CONSISTENT and len(total[0].sources) == 2


def test_list_with_stated_count_that_does_not_add_up_is_found(tmp_path: Path) -> None:
    text = "全区共有社区养老服务站30个，分为两类：中心站8个、普通站24个，验收合格27个，合格率90.00%。\n"
    _, checks = _audit(tmp_path, text)
    assert "30个" in {c.stated.text for c in checks if c.verdict is Verdict.INCONSISTENT}, _inconsistent(checks)


# ---- 6. counts of different nouns --------------------------------------------------------------------------


def test_counts_of_different_nouns_are_not_parts(tmp_path: Path) -> None:
    text = (
        "考核体系由投入、管理、产出、效果四个维度构成，分值分别为20分、20分、40分、20分，"
        "下设十二个二级指标和三十个三级指标。\n"
    )
    _, checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)


def test_counts_of_one_noun_still_add_up(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, "全县建成服务站点15个，分别为5个街道站点、9个社区站点。\n")
    assert "15个" in {c.stated.text for c in checks if c.verdict is Verdict.INCONSISTENT}


# ---- 7. ratios stated as 倍 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stated", "verdict"),
    [
        ("全年受理咨询3,600件，是上年1,200件的3倍。\n", "3倍", Verdict.CONSISTENT),
        ("办理量由上年的150件增加到390件，为上年的2.80倍。\n", "2.80倍", Verdict.INCONSISTENT),
        ("线上服务人次达到400人次，相当于线下150人次的2.67倍。\n", "2.67倍", Verdict.CONSISTENT),
        ("线上服务人次达到400人次，相当于线下150人次的2.66倍。\n", "2.66倍", Verdict.ROUNDING),
        ("线上服务人次达到400人次，相当于线下150人次的2.76倍。\n", "2.76倍", Verdict.INCONSISTENT),
    ],
)
def test_ratio_stated_as_times(tmp_path: Path, text: str, stated: str, verdict: Verdict) -> None:
    _, checks = _audit(tmp_path, text)
    ratio = [c for c in _on(checks, stated) if c.kind == "ratio"]
    assert ratio and ratio[0].verdict is verdict, [(c.formula, c.verdict) for c in checks]


def test_growth_by_times_is_not_a_ratio(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, "网上办件量从上年的200件增长了2倍，达到600件。\n")
    assert not [c for c in checks if c.kind == "ratio"]


# ---- 8. a table's progress column, header over two lines ---------------------------------------------------

PROGRESS_TABLE = """二、执行情况
表2　2025年1—6月资金支出情况（万元）
科室  项目  全年  一季度  二季度  1—6月  执行
      预算  支出  支出  累计  进度
业务类  甲项目  800.00  100.00  220.00  320.00  40.00%
业务类  乙项目  500.00  50.00  75.00  125.00  {rate}
合计  —  1,300.00  150.00  295.00  445.00  34.23%
注：执行进度=累计支出÷全年预算。
"""


def test_progress_column_checked_per_row(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, PROGRESS_TABLE.format(rate="25.00%"))
    assert not _inconsistent(checks)
    row = _on(checks, "25.00%")
    assert row and row[0].verdict is Verdict.CONSISTENT and _uses(row[0], "125.00", "500.00")
    assert _on(checks, "34.23%") and _on(checks, "34.23%")[0].verdict is Verdict.CONSISTENT


def test_stale_progress_cell_is_found(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, PROGRESS_TABLE.format(rate="10.00%"))
    flagged = [c for c in _on(checks, "10.00%") if c.verdict is Verdict.INCONSISTENT]
    assert flagged and _uses(flagged[0], "125.00", "500.00")
