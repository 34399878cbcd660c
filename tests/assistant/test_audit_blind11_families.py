"""Phrasing families the eleventh blind set exposed, in wording of our own: a balance stated in the sentence after
the spending it is left from; a unit cost ("每公里造价…") of an item a paragraph heads, over the item's row of
the funds table; a share whose own words name its part among like-named items; a satisfaction rate over the
questionnaires returned, not those handed out; a share of a whole its words name only loosely among several is no
finding; a prose rate of an amount the table row does not hold; a total of
an enumeration some of whose items carry words that mark no part elsewhere (预算, 上年)."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

# ---- a balance stated after the sentence of the spending --------------------------------------------------------

ROADS = "示例县交通运输局2025年度农村公路养护项目支出绩效自评报告\n一、项目概况\n项目全年预算2,450.00万元。\n"


def test_a_balance_opening_the_next_sentence_is_checked(tmp_path: Path) -> None:
    text = (
        "二、资金使用情况\n截至年底，项目实际支出2,318.60万元，预算执行率94.64%。年末结余资金113.40万元，已上缴财政。\n"
    )
    found = [c for c in inconsistent(audit_text(tmp_path, ROADS + text)) if "113.40" in c[1]]
    assert found and "2,450.00万元" in found[0][0] and "2,318.60万元" in found[0][0]


def test_a_balance_opening_the_next_sentence_that_holds_is_consistent(tmp_path: Path) -> None:
    text = (
        "二、资金使用情况\n截至年底，项目实际支出2,318.60万元，预算执行率94.64%。年末结余资金131.40万元，已上缴财政。\n"
    )
    checks = checks_on(audit_text(tmp_path, ROADS + text), "131.40万元")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- a unit cost of a table row the paragraph's heading names ---------------------------------------------------

WORKS = (
    "示例县交通运输局2025年度农村公路提质改造项目支出绩效自评报告\n"
    "一、资金使用情况\n"
    "表1  项目资金使用情况（单位：万元）\n"
    "建设内容          预算数      实际支出     执行率\n"
    "农村公路路面硬化     640.00     615.20    96.13%\n"
    "危桥改造             300.00     288.00    96.00%\n"
    "合计                 940.00     903.20    96.09%\n"
    "二、产出情况\n"
)


def test_a_unit_cost_over_the_headed_items_row_is_checked(tmp_path: Path) -> None:
    text = "1.路面硬化。完成通村公路硬化22.0公里，其中新建8.5公里，每公里造价约27.0万元。\n"
    found = [c for c in inconsistent(audit_text(tmp_path, WORKS + text)) if "27.0万元" in c[1]]
    assert found and "615.20万元" in found[0][0] and "22.0公里" in found[0][0]


def test_a_unit_cost_over_the_headed_items_row_that_holds_is_consistent(tmp_path: Path) -> None:
    text = "2.危桥改造。全年改造危桥6座，平均每座投入48.00万元。\n"
    checks = checks_on(audit_text(tmp_path, WORKS + text), "48.00万元")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


def test_a_rounded_unit_cost_in_yuan_of_an_amount_in_wan_yuan_is_consistent(tmp_path: Path) -> None:
    text = "1.路面硬化。完成通村公路硬化22.0公里，每公里造价约279,636元。\n"
    checks = checks_on(audit_text(tmp_path, WORKS + text), "279,636元")
    assert checks and all(c.verdict is not Verdict.INCONSISTENT for c in checks)


# ---- the part a share's own words name --------------------------------------------------------------------------

HEALTH = "示例县卫生健康局2025年度乡镇卫生院能力提升项目支出绩效自评报告\n一、资金来源\n"


def test_a_share_takes_the_item_its_words_name_best(tmp_path: Path) -> None:
    text = (
        "项目总投资5,200.00万元，其中市级补助资金3,120.00万元，区级补助资金1,300.00万元，"
        "社会投入资金780.00万元，市级资金占总投资的60.00%。\n"
    )
    checks = checks_on(audit_text(tmp_path, HEALTH + text), "60.00%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert "3,120.00万元" in checks[0].formula


def test_a_slipped_share_of_the_item_its_words_name_is_found(tmp_path: Path) -> None:
    text = (
        "项目总投资5,200.00万元，其中市级补助资金3,120.00万元，区级补助资金1,300.00万元，"
        "社会投入资金780.00万元，市级资金占总投资的66.00%。\n"
    )
    found = [c for c in inconsistent(audit_text(tmp_path, HEALTH + text)) if "66.00%" in c[1]]
    assert found and "3,120.00万元" in found[0][0]


TRAINING = "示例市人力资源和社会保障局2025年度职业培训项目支出绩效自评报告\n一、产出情况\n"


def test_a_share_of_a_whole_named_only_loosely_among_several_is_no_finding(tmp_path: Path) -> None:
    text = (
        "全年培训学员1,500人，其中农村劳动力学员900人，城镇失业学员400人，退役军人学员200人，"
        "农村学员占学员总数的60.00%。\n"
    )
    assert not [c for c in inconsistent(audit_text(tmp_path, TRAINING + text)) if "60.00%" in c[1]]


# ---- a satisfaction rate over the questionnaires returned --------------------------------------------------------

SURVEY = "示例区卫生健康局2025年度家庭医生签约服务项目支出绩效自评报告\n一、满意度情况\n"


def test_satisfaction_is_over_the_returned_questionnaires(tmp_path: Path) -> None:
    text = "本次共发放调查问卷800份，收回752份，其中表示满意和比较满意的705份，满意度为93.75%。\n"
    checks = checks_on(audit_text(tmp_path, SURVEY + text), "93.75%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert "752份" in checks[0].formula


def test_a_slipped_satisfaction_over_the_returned_questionnaires_is_found(tmp_path: Path) -> None:
    text = "本次共发放调查问卷800份，收回752份，其中表示满意和比较满意的705份，满意度为95.37%。\n"
    found = [c for c in inconsistent(audit_text(tmp_path, SURVEY + text)) if "95.37%" in c[1]]
    assert found and "752份" in found[0][0]


# ---- a prose rate of an amount the table row does not hold -------------------------------------------------------

MONITOR = (
    "示例市人力资源和社会保障局2025年1—9月就业补助资金绩效运行监控报告\n"
    "一、资金支出情况\n"
    "表1  分项目支出进度（单位：万元）\n"
    "项目            年度预算    一季度    二季度    三季度    累计支出    支出进度\n"
    "职业培训补贴    2,500.00    300.00    400.00    900.00    1,600.00    64.00%\n"
    "就业见习补贴    1,500.00    220.00    320.00    460.00    1,000.00    66.67%\n"
    "合计            4,000.00    520.00    720.00    1,360.00    2,600.00    65.00%\n"
)


def test_a_rate_of_a_half_year_total_is_not_read_against_the_total_row(tmp_path: Path) -> None:
    text = (
        "二、偏差分析\n从季度分布看，一季度支出520.00万元，二季度支出720.00万元，"
        "截至二季度末累计支出1,240.00万元，支出进度为31.00%。\n"
    )
    assert not [c for c in inconsistent(audit_text(tmp_path, MONITOR + text)) if "31.00%" in c[1]]


def test_a_rate_of_a_named_rows_other_amount_is_not_read_against_its_columns(tmp_path: Path) -> None:
    text = "二、偏差分析\n分项目看，职业培训补贴上半年支出700.00万元，支出进度28.00%，三季度明显加快。\n"
    assert not [c for c in inconsistent(audit_text(tmp_path, MONITOR + text)) if "28.00%" in c[1]]


# ---- a total of an enumeration whose items carry budget or last-year words ---------------------------------------

INCOME = "示例县教育局2025年度部门整体支出绩效自评报告\n一、收入情况\n"


def test_a_total_sums_every_enumerated_item(tmp_path: Path) -> None:
    text = (
        "本年度收入由四部分组成：财政拨款预算收入3,260.00万元、事业收入540.00万元、其他收入85.00万元、"
        "上年结转结余122.50万元，合计4,007.50万元。\n"
    )
    checks = [c for c in checks_on(audit_text(tmp_path, INCOME + text), "4,007.50万元") if c.kind == "total"]
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert "3,260.00万元" in checks[0].formula and "122.50万元" in checks[0].formula


def test_a_total_of_a_list_with_items_left_out_is_not_judged_on_the_rest(tmp_path: Path) -> None:
    text = (
        "本年度收入由四部分组成：财政拨款预算收入3,260.00万元、事业收入540.00万元、其他收入85.00万元、"
        "上年结转结余122.50万元，合计4,007.50万元。\n"
    )
    checks = [c for c in checks_on(audit_text(tmp_path, INCOME + text), "4,007.50万元") if c.kind == "total"]
    assert not [c for c in checks if c.formula.count("+") < 3]
