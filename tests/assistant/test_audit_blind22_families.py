"""Phrasing families the twenty-second blind set exposed, in wording of our own. False alarms: the 小计/合计 rows
of a column whose unit is a per-unit or a ratio ("（元/吨）", "（万元/公里）", "（元/人）") read as sums of the rows
above them; such a column's 小计/合计 cell is the group's own ratio, never a sum. A flow over time ("（万吨/日）",
"（万元/年）") still adds up across the rows.
Misses: a satisfaction rate after levels listed with no word saying which it counts ("其中满意a份、基本满意b份，满意度
x%"), an average per 亩 ("亩均投入"), a share of a grand total named only in words ("…支出A万元，占全县支出的x%") whose
figure is the 合计 row of the table A is a row of, and a target column whose floors carry no unit ("≥200", the unit in
the row's name)."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

HEAD = "示例市{dept}2024年度绩效自评报告\n一、执行情况\n"


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- false alarms ----------------------------------------------------------------------------------------------

PER_KM = HEAD.format(dept="交通局") + (
    "表1　各路段建设情况\n"
    "路段｜建设里程（公里）｜投资额（万元）｜单公里投资（万元/公里）\n"
    "北环段｜12.00｜3,600.00｜300.00\n"
    "南环段｜8.00｜2,000.00｜250.00\n"
    "合计｜20.00｜5,600.00｜280.00\n"
)


def test_a_per_unit_column_total_is_not_a_sum_of_its_rows(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, PER_KM)
    assert not inconsistent(checks)
    assert not checks_on(checks, "280.00万元/公里") and not [c for c in checks if "单公里投资 =" in c.formula]
    # the additive columns of the same table are still checked
    assert any("5,600.00" in c.stated.text for c in checks if c.verdict is Verdict.CONSISTENT)


PER_PERSON_GROUPS = HEAD.format(dept="人社局") + (
    "表2　各类培训补贴情况\n"
    "类别｜培训人数（人）｜补贴资金（万元）｜补贴水平（元/人）\n"
    "电工｜200｜30.00｜1,500.00\n"
    "焊工｜100｜18.00｜1,800.00\n"
    "技能类小计｜300｜48.00｜1,600.00\n"
    "家政｜150｜12.00｜800.00\n"
    "养老护理｜50｜6.00｜1,200.00\n"
    "服务类小计｜200｜18.00｜900.00\n"
    "合计｜500｜66.00｜1,320.00\n"
)


def test_per_person_subtotals_and_total_are_the_groups_own_averages(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, PER_PERSON_GROUPS)
    assert not inconsistent(checks)
    assert not [c for c in checks if c.stated.text.startswith(("1,600.00", "900.00", "1,320.00"))]
    assert any(c.verdict is Verdict.CONSISTENT for c in checks_on(checks, "66.00万元"))


PER_MU_BAD_AMOUNT = HEAD.format(dept="农业农村局") + (
    "表3　高标准农田建设补助\n"
    "片区｜面积（亩）｜补助资金（万元）｜补助强度（元/亩）\n"
    "东片｜4,000｜600.00｜1,500.00\n"
    "西片｜6,000｜780.00｜1,300.00\n"
    "合计｜10,000｜1,408.00｜1,380.00\n"
)


def test_a_wrong_amount_total_beside_a_per_unit_column_is_still_found(tmp_path: Path) -> None:
    found = inconsistent(audit_text(tmp_path, PER_MU_BAD_AMOUNT))
    assert [s for _, s in found] == ["1,408.00万元"]


FLOW_PER_DAY = HEAD.format(dept="水务局") + (
    "表4　各水厂供水能力\n"
    "水厂｜供水能力（万吨/日）｜供水量（万吨）｜单位成本（元/吨）\n"
    "一水厂｜5.00｜1,500.00｜1.20\n"
    "二水厂｜3.00｜900.00｜1.40\n"
    "合计｜{flow}｜2,400.00｜1.28\n"
)


def test_a_flow_per_day_still_adds_up_across_the_rows(tmp_path: Path) -> None:
    assert any("5.00" in f for f in _consistent(tmp_path, FLOW_PER_DAY.format(flow="8.00"), "8.00万吨/日"))
    found = inconsistent(audit_text(tmp_path, FLOW_PER_DAY.format(flow="9.00")))
    assert [s for _, s in found] == ["9.00万吨/日"]


# ---- misses ------------------------------------------------------------------------------------------------------

LEVELS = HEAD.format(dept="住建局") + (
    "向小区居民发放问卷520份，回收有效问卷500份，其中满意400份、基本满意60份，满意度为{rate}，{tail}\n"
)


def test_a_satisfaction_rate_is_the_first_level_or_the_levels_added(tmp_path: Path) -> None:
    both = LEVELS.format(rate="92.00%", tail="群众认可度较高。")
    assert any("400份 + 60份" in f for f in _consistent(tmp_path, both, "92.00%"))
    first = LEVELS.format(rate="80.00%", tail="群众认可度较高。")
    assert _consistent(tmp_path, first, "80.00%")
    weighted = LEVELS.format(rate="90.20%", tail="按满意计1分、基本满意计0.6分折算。")
    assert not inconsistent(audit_text(tmp_path, weighted))


def test_a_satisfaction_rate_that_no_levels_give_is_found(tmp_path: Path) -> None:
    found = inconsistent(audit_text(tmp_path, LEVELS.format(rate="90.20%", tail="群众认可度较高。")))
    assert [s for _, s in found] == ["90.20%"]


PER_MU = HEAD.format(dept="水利局") + (
    "全年完成灌区节水改造800亩，改造支出120.00万元，亩均投入{avg}，低于省定的亩均2,000元标准。\n"
)


def test_an_average_per_mu_is_the_amount_over_the_area(tmp_path: Path) -> None:
    assert any("120.00万元 ÷ 800亩" in f for f in _consistent(tmp_path, PER_MU.format(avg="1,500.00元"), "1,500.00元"))
    found = inconsistent(audit_text(tmp_path, PER_MU.format(avg="1,550.00元")))
    assert [s for _, s in found] == ["1,550.00元"]  # the standard after it is not checked


PART_OF_TABLE_TOTAL = HEAD.format(dept="应急局") + (
    "表1　分片区资金使用情况（单位：万元）\n"
    "片区｜下达资金｜实际支出｜执行率\n"
    "东部片区｜500.00｜450.00｜90.00%\n"
    "西部片区｜300.00｜270.00｜90.00%\n"
    "中部片区｜200.00｜180.00｜90.00%\n"
    "合计｜1,000.00｜900.00｜90.00%\n"
    "从使用结构看，东部片区支出450.00万元，占全县支出的{share}，主要用于物资储备。\n"
)


def test_a_share_of_a_total_named_in_words_is_over_the_table_total(tmp_path: Path) -> None:
    assert any(
        "450.00万元 ÷ 900.00" in f for f in _consistent(tmp_path, PART_OF_TABLE_TOTAL.format(share="50.00%"), "50.00%")
    )
    found = inconsistent(audit_text(tmp_path, PART_OF_TABLE_TOTAL.format(share="54.00%")))
    assert [s for _, s in found] == ["54.00%"]


BARE_FLOORS = HEAD.format(dept="林业局") + (
    "表2　产出指标完成情况\n"
    "序号｜指标｜年度目标｜实际完成｜完成率\n"
    "1｜苗木培育（万株）｜≥200｜230｜{rate}\n"
    "2｜护林巡查（次）｜不少于120｜132｜110.00%\n"
    "3｜造林成活率（%）｜≥90｜94｜100.00%\n"
)


def test_a_floor_target_without_a_unit_is_what_the_completion_rate_is_over(tmp_path: Path) -> None:
    assert _consistent(tmp_path, BARE_FLOORS.format(rate="115.00%"), "115.00%")
    found = inconsistent(audit_text(tmp_path, BARE_FLOORS.format(rate="117.00%")))
    assert [s for _, s in found] == ["117.00%"]  # the rate row's floor is a standard, not what 100.00% is over
