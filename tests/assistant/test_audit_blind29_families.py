"""False alarms the twenty-ninth blind set exposed, in wording of our own: a share said "甲在总投入中占x%" read
over the nearest amount rather than the one 甲 names; a completion rate read over other items' rates across a "；";
a bare share after "；其中…在…里的比重" read over the whole of the 其中 clause."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.audit_support import audit_text, consistent_formulas, flagged, inconsistent

HEAD = "示例县{dept}2024年度绩效自评报告\n一、项目概况\n"

NAMED_PART = HEAD.format(dept="住建局") + (
    "农户在补助之外自筹资金600.00万元，加上财政补助，项目总投入1,000.00万元，财政资金在总投入中占40.00%。\n"
    "其中省级补助250.00万元，市级补助150.00万元，两级补助在财政补助中占{rate}。\n"
)


def test_a_share_said_with_zai_is_of_the_figure_its_part_names(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, NAMED_PART.format(rate="100.00%"))
    assert not any(figure == "40.00%" for _, figure in inconsistent(checks))  # 600 ÷ 1,000 is 自筹's, not 财政's


OTHER_ITEMS = (
    "示例县城管局2025年1—9月绩效运行监控报告\n一、产出进度\n"
    "新建驿站6座中已完工2座，进度33.33%；改造任务22座已完成15座，占年度任务的68.18%；监测设备安装完成45.00%，其余10月到货。\n"
)


def test_a_completion_after_a_semicolon_is_not_over_the_items_before_it(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, OTHER_ITEMS)
    assert not inconsistent(checks)
    assert consistent_formulas(checks, "68.18%")


CLOSED_BREAKDOWN = HEAD.format(dept="气象局") + (
    "全年支出1,000.00万元。从结构看，基本支出600.00万元，占全部支出的60.00%，其中人员经费在基本支出里的比重为80.00%；"
    "项目支出400.00万元，占{rate}。\n"
)
OPEN_BREAKDOWN = HEAD.format(dept="气象局") + (
    "年度预算1,000.00万元，其中中央资金600.00万元，占60.00%；市级资金400.00万元，占{rate}。\n"
)


def test_a_semicolon_closes_a_breakdown_that_lists_no_amount(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, CLOSED_BREAKDOWN.format(rate="40.00%"))
    assert not inconsistent(checks)  # 400 ÷ 600 (基本支出) is no finding
    assert consistent_formulas(audit_text(tmp_path, OPEN_BREAKDOWN.format(rate="40.00%")), "40.00%")
    assert flagged(tmp_path, OPEN_BREAKDOWN.format(rate="45.00%"), "45.00%")  # the listed items go on after "；"
