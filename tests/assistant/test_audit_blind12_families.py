"""Phrasing families the twelfth blind set exposed, in wording of our own: a table's bare "进度" column beside a
budget and a running total; a plain mean whose words say how many rates it averages, the rates stated before it
or in a table column; a count shared out over items joined by "、" that close the sentence and nearly add up to
it; a forecast execution rate, over the year's budget and never over what is left of it; a pooled (weighted)
rate and one group's rate are two figures, not one stated twice."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

# ---- a bare "进度" column of a monitoring table -------------------------------------------------------------------

LIBRARY = (
    "示例区文化和旅游局2025年1—9月公共文化服务专项资金绩效运行监控报告\n"
    "一、资金支出情况\n"
    "表1  分项目资金支出情况（单位：万元）\n"
    "项目          年度预算    一季度    二季度    三季度    累计支出    进度\n"
    "图书购置      800.00      120.00    200.00    180.00    {books}      {rate}\n"
    "设备更新      400.00      50.00     90.00     100.00    240.00      60.00%\n"
    "合计          1,200.00    170.00    290.00    280.00    740.00      61.67%\n"
    "二、偏差分析\n图书购置按合同分批付款。\n"
)


def test_a_slipped_rate_in_a_bare_progress_column_is_found(tmp_path: Path) -> None:
    text = LIBRARY.format(books="500.00", rate="65.20%")
    found = [c for c in inconsistent(audit_text(tmp_path, text)) if "65.20%" in c[1]]
    assert found and "500.00万元" in found[0][0] and "800.00万元" in found[0][0]


def test_a_bare_progress_column_that_holds_is_consistent(tmp_path: Path) -> None:
    checks = checks_on(audit_text(tmp_path, LIBRARY.format(books="500.00", rate="62.50%")), "62.50%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


def test_a_progress_from_the_periods_is_not_wrong_for_a_slipped_running_total(tmp_path: Path) -> None:
    checks = checks_on(audit_text(tmp_path, LIBRARY.format(books="520.00", rate="62.50%")), "62.50%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- a plain mean whose words count the rates --------------------------------------------------------------------

WATER = "示例县水利局2025年度农村供水保障项目支出绩效自评报告\n一、效益情况\n"


def test_a_counted_plain_mean_of_rates_stated_before_is_checked(tmp_path: Path) -> None:
    text = (
        "东片水厂供水覆盖率为91.20%，西片水厂供水覆盖率为86.40%，两厂服务人口合并计算的整体覆盖率为88.90%"
        "（两个水厂覆盖率的算术平均为89.80%）。\n"
    )
    found = [c for c in inconsistent(audit_text(tmp_path, WATER + text)) if "89.80%" in c[1]]
    assert found and "91.20%" in found[0][0] and "86.40%" in found[0][0] and "88.90%" not in found[0][0]


def test_a_counted_plain_mean_that_holds_is_consistent(tmp_path: Path) -> None:
    text = (
        "东片水厂供水覆盖率为91.20%，西片水厂供水覆盖率为86.40%，两厂服务人口合并计算的整体覆盖率为88.90%"
        "（两个水厂覆盖率的算术平均为88.80%）。\n"
    )
    checks = checks_on(audit_text(tmp_path, WATER + text), "88.80%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


SCHOOLS = (
    "示例市教育局2025年度学生体质健康促进项目支出绩效自评报告\n"
    "一、产出情况\n"
    "四所学校达标率的算术平均值为{mean}，按全部受测人数计算的达标率见表1合计行。\n"
    "表1  学生体质测试达标情况（单位：人）\n"
    "学校        受测人数    达标人数    达标率\n"
    "第一中学    1,000       920         92.00%\n"
    "第二中学    800         680         85.00%\n"
    "第三中学    500         440         88.00%\n"
    "第四中学    400         324         81.00%\n"
    "合计        2,700       2,364       87.56%\n"
)


def test_a_counted_plain_mean_of_a_table_column_is_checked(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, SCHOOLS.format(mean="86.05%"))) if "86.05%" in c[1]]
    assert found and "92.00%" in found[0][0] and "81.00%" in found[0][0] and "87.56%" not in found[0][0]


def test_a_counted_plain_mean_of_a_table_column_that_holds_is_consistent(tmp_path: Path) -> None:
    checks = checks_on(audit_text(tmp_path, SCHOOLS.format(mean="86.50%")), "86.50%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- a count shared out over a closed list ---------------------------------------------------------------------

SERVICE = "示例区政务服务管理办公室2025年度便民服务项目支出绩效自评报告\n一、产出情况\n"


def test_a_count_over_a_closed_list_that_falls_short_is_inconsistent(tmp_path: Path) -> None:
    text = "全年共接待办事群众2,480人次，其中政策咨询1,350人次、材料代办760人次、上门帮办330人次。\n"
    checks = checks_on(audit_text(tmp_path, SERVICE + text), "2,480人次")
    assert checks and any(c.verdict is Verdict.INCONSISTENT for c in checks)


# ---- a forecast execution rate -------------------------------------------------------------------------------------

PARKS = (
    "示例市城市管理局2025年1—10月园林绿化养护资金绩效运行监控报告\n"
    "一、资金安排\n全年预算资金3,000.00万元。\n"
    "二、预算执行情况\n"
)


def test_a_forecast_rate_is_not_over_what_is_left_of_the_budget(tmp_path: Path) -> None:
    text = (
        "截至10月末，全年预算还剩余1,150.00万元尚未支出。"
        "按养护合同测算，预计年底累计支出2,880.00万元，全年预计执行率96.00%。\n"
    )
    assert not [c for c in inconsistent(audit_text(tmp_path, PARKS + text)) if "96.00%" in c[1]]


def test_a_forecast_rate_is_not_over_the_spending_so_far(tmp_path: Path) -> None:
    text = "截至10月末，已支出1,850.00万元，考虑年底集中结算因素，全年预计执行率96.00%。\n"
    assert not [c for c in inconsistent(audit_text(tmp_path, PARKS + text)) if "96.00%" in c[1]]


# ---- a pooled rate beside one group's rate -----------------------------------------------------------------------

CLINIC = "示例县卫生健康局2025年度基层医疗服务能力提升项目支出绩效自评报告\n一、满意度\n"


def test_a_weighted_overall_rate_is_not_a_restatement_of_one_groups_rate(tmp_path: Path) -> None:
    text = (
        "共回收有效问卷500份，其中患者问卷300份、满意度90.00%，家属问卷200份、满意度95.00%。"
        "以问卷份数为权重计算的综合满意度为92.00%，达到年度目标。\n"
    )
    checks = [c for c in audit_text(tmp_path, CLINIC + text) if c.kind == "repeat"]
    assert not [c for c in checks if c.verdict is Verdict.INCONSISTENT]
