"""Phrasing families the thirteenth blind set exposed, in wording of our own. False alarms: a rate column beside two
budget columns is over the one it agrees with (the adjusted one preferred); a share "占全年的" is of this year's own
measure, not last year's figure; a sentence opening with "另" states another subject's rate; a lone "其中" item that
restates an earlier figure is not a part of the last one; a change after a "、" breakdown is of the total. Misses: a
forecast rate over the year's budget, what is still to spend, a 环比 change, an allocation by factor, a vacancy
count, a count-weighted rate, a ratio per 10,000 people and the excess over a table's target."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

# ---- a rate column beside the first and the adjusted budget -------------------------------------------------------

FOREST = (
    "示例市林业局2024年度部门整体支出绩效自评报告\n"
    "一、预算执行情况\n"
    "表1  预算执行情况（单位：万元）\n"
    "科目｜期初预算｜变更后预算｜已支出｜执行率\n"
    "造林补助｜530.00｜660.00｜613.80｜{rate}\n"
    "森林防火｜215.00｜190.00｜176.70｜93.00%\n"
    "合计｜745.00｜850.00｜790.50｜93.00%\n"
    "二、存在问题\n造林补助拨付偏晚。\n"
)


def test_a_rate_over_the_adjusted_budget_column_is_consistent(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, FOREST.format(rate="93.00%"))
    assert not inconsistent(checks)
    assert all(c.verdict is Verdict.CONSISTENT for c in checks_on(checks, "93.00%") if c.kind == "table_rate")


def test_a_slipped_rate_beside_two_budget_columns_is_found_over_the_adjusted_one(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, FOREST.format(rate="39.00%"))) if c[1] == "39.00%"]
    assert found and "660.00" in found[0][0] and "613.80" in found[0][0]


# ---- a share of "全年" is of the part's own measure this year, not last year's figure ------------------------------

ROADS = (
    "示例县公路事业发展中心2024年度农村公路养护资金绩效自评报告\n"
    "一、资金使用情况\n"
    "全年拨付养护资金1,600.00万元，执行率96.00%。\n"
    "分阶段看，上半年拨付740.00万元，下半年拨付860.00万元；全年拨付养护资金比上年的1,450.00万元增长10.34%，"
    "下半年拨付占全年的{share}。\n"
)


def test_a_share_of_the_year_is_not_over_last_years_figure(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, ROADS.format(share="53.75%"))
    assert not [c for c in inconsistent(checks) if c[1] == "53.75%"]


def test_a_slipped_share_of_the_year_is_found_over_this_years_figure(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, ROADS.format(share="57.35%"))) if c[1] == "57.35%"]
    assert found and "1,600.00" in found[0][0]


# ---- a sentence opening with "另"/"此外" states a figure of another subject -----------------------------------------

PARK = (
    "示例区园林绿化局2024年度城市公园管护项目支出绩效自评报告\n"
    "三、满意度指标\n"
    "年末随机访问入园游客800人，游客满意率为94.3%，达到年度目标。"
    "另向公园周边商户发放问卷，就管护作业扰民情况开展调查，满意率为81.6%，需进一步改进。\n"
)


def test_a_rate_of_another_survey_is_not_a_restatement(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, PARK)
    assert not [c for c in checks if c.kind == "repeat" and c.verdict is Verdict.INCONSISTENT]


# ---- a lone "其中" item that states again an earlier figure is not a part of the last one ----------------------------

AUDIT = (
    "示例县教育局2024年度校舍维修专项资金绩效评价报告\n"
    "二、资金使用情况\n"
    "全县校舍维修工程送审金额合计512.40万元，经财政评审，评审确认468.90万元，审减43.50万元。"
    "其中本年实际拨付468.90万元已如数列入决算。\n"
)


def test_a_lone_item_restating_an_earlier_figure_is_not_a_part_of_the_last(tmp_path: Path) -> None:
    assert not [c for c in inconsistent(audit_text(tmp_path, AUDIT)) if c[1] == "43.50万元"]
    # a lone item that states no earlier figure and exceeds the figure before it is still found
    text = AUDIT.replace("其中本年实际拨付468.90万元已如数列入决算", "其中本年拨付审减部分52.30万元")
    assert [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == "43.50万元"]


# ---- a change after a total and its "、" breakdown is of the total, not of the breakdown's first item ---------------

PETITIONS = (
    "示例市信访局2024年度部门整体支出绩效自评报告\n"
    "三、产出情况\n"
    "全年受理群众诉求1,240件，分渠道为来访520件、来信380件、网上340件，比上年1,100件增长{change}。\n"
)


def test_a_change_after_a_listed_breakdown_is_of_the_total(tmp_path: Path) -> None:
    checks = checks_on(audit_text(tmp_path, PETITIONS.format(change="12.73%")), "12.73%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


def test_a_slipped_change_after_a_listed_breakdown_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, PETITIONS.format(change="17.23%"))) if c[1] == "17.23%"]
    assert found and "1,240" in found[0][0]


# ---- a forecast execution rate of the whole is over the year's budget, not over an item's ---------------------------

HEATING = (
    "示例市住房和城乡建设局2025年1—9月清洁取暖补助资金绩效运行监控报告\n"
    "一、资金情况\n"
    "2025年度预算4,800.00万元，1—9月累计支出3,120.00万元。\n"
    "二、产出情况\n"
    "全市改造农户8,000户，空气源热泵改造补助年度预算1,500.00万元，已完成招标。\n"
    "三、年度执行预判\n"
    "结合四季度供暖季补助清算安排，预计年内支出4,560.00万元，预计年度执行率{rate}。\n"
)


def test_a_slipped_forecast_rate_is_found_over_the_years_budget(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, HEATING.format(rate="59.00%"))) if c[1] == "59.00%"]
    assert found and "4,560.00" in found[0][0] and "4,800.00" in found[0][0]


# ---- what is still to be spent is the year's budget less the running total -----------------------------------------

RIVER = (
    "示例县水务局2025年1—9月河道治理资金绩效运行监控报告\n"
    "一、资金情况\n"
    "本年度预算2,700.00万元。\n"
    "二、执行进度\n"
    "1—9月累计支出1,755.00万元，执行进度65.00%；上年同期累计支出1,480.00万元。"
    "年度预算减去累计拨付后，四季度还需拨付{rest}万元。\n"
)


def test_a_slipped_amount_still_to_spend_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, RIVER.format(rest="495.00"))) if c[1] == "495.00万元"]
    assert found and "2,700.00" in found[0][0] and "1,755.00" in found[0][0]
    checks = checks_on(audit_text(tmp_path, RIVER.format(rest="945.00")), "945.00万元")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- a 环比 change is against the period just before -----------------------------------------------------------------

HOTLINE = (
    "示例市政务服务中心2024年度热线服务经费绩效自评报告\n"
    "三、产出情况\n"
    "三季度受理群众来电2,150件，四季度受理群众来电2,408件，四季度环比上升{change}，主要是供暖季咨询增多。\n"
)


def test_a_slipped_change_on_the_period_before_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, HOTLINE.format(change="21.00%"))) if c[1] == "21.00%"]
    assert found and "2,408" in found[0][0] and "2,150" in found[0][0]
    checks = checks_on(audit_text(tmp_path, HOTLINE.format(change="12.00%")), "12.00%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- an allocation by factor: each amount is the sum times its factor ----------------------------------------------

FARMS = (
    "示例市农业农村局2024年度耕地地力保护补贴资金绩效评价报告\n"
    "一、资金分配\n"
    "市级统筹资金1,650.00万元按因素法切块下达，综合耕地面积和种植户数两项因素，北镇、南镇、西镇的切块比例分别为"
    "40%、36%、24%，相应下达金额分别为660.00、{south}、396.00万元。\n"
)


def test_a_slipped_amount_allocated_by_factor_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, FARMS.format(south="549.00"))) if c[1] == "549.00"]
    assert found and "1,650.00" in found[0][0] and "36%" in found[0][0]
    checks = audit_text(tmp_path, FARMS.format(south="594.00"))
    assert not inconsistent(checks) and [c for c in checks if c.kind == "allocation"]


# ---- vacancies: the establishment less the staff in post ------------------------------------------------------------

STAFF = (
    "示例县市场监督管理局2024年度部门整体支出绩效自评报告\n"
    "一、部门基本情况\n"
    "本局批复机关编制40人、工勤编制6人，合计46人；年底在岗在编41人（局机关25人、基层所16人），空编{vacant}人，"
    "拟通过遴选补充。\n"
)


def test_a_slipped_vacancy_count_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, STAFF.format(vacant="7"))) if c[1] == "7人"]
    assert found and "46人" in found[0][0] and "41人" in found[0][0]
    checks = checks_on(audit_text(tmp_path, STAFF.format(vacant="5")), "5人")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- a rate pooled over groups, weighted by each group's count ------------------------------------------------------

CLINICS = (
    "示例县卫生健康局2024年度基层医疗卫生机构运行补助资金绩效自评报告\n"
    "四、满意度情况\n"
    "年末共收回有效问卷1,020份，其中门诊患者640份、满意率89.00%，住院患者260份、满意率97.00%，"
    "家庭医生签约居民120份、满意率85.00%。以样本量为权重，群众总体满意度为{rate}，达到年度目标。\n"
)


def test_a_slipped_count_weighted_rate_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, CLINICS.format(rate="96.08%"))) if c[1] == "96.08%"]
    assert found and "640份" in found[0][0] and "97.00%" in found[0][0]
    checks = checks_on(audit_text(tmp_path, CLINICS.format(rate="90.57%")), "90.57%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- a ratio per 10,000 people over the population stated before ----------------------------------------------------

SPORTS = (
    "示例区体育局2024年度健身设施建设项目支出绩效自评报告\n"
    "一、项目概况\n"
    "全区户籍人口52.5万人，健身设施覆盖所有街道。\n"
    "二、效益情况\n"
    "到2024年底全区建成社区健身点462个，每万人口有社区健身点约{ratio}个，较上年有所提高。\n"
)


def test_a_slipped_ratio_per_10000_people_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, SPORTS.format(ratio="6.8"))) if c[1] == "6.8个"]
    assert found and "462个" in found[0][0] and "52.5万人" in found[0][0]
    checks = checks_on(audit_text(tmp_path, SPORTS.format(ratio="8.8")), "8.8个")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


# ---- the excess over a target stated in the indicator table ---------------------------------------------------------

MUSEUM = (
    "示例市博物馆2024年度免费开放补助资金绩效自评报告\n"
    "一、产出指标\n"
    "表1  绩效指标完成情况\n"
    "指标｜目标值｜实际完成值｜完成率\n"
    "接待观众｜≥72万人次｜79.2万人次｜110.00%\n"
    "临时展览｜≥10场｜12场｜120.00%\n"
    "二、完成情况\n"
    "全年接待观众79.2万人次，超过年度目标{gap}万人次；临时展览12场。\n"
)


def test_a_slipped_excess_over_a_table_target_is_found(tmp_path: Path) -> None:
    found = [c for c in inconsistent(audit_text(tmp_path, MUSEUM.format(gap="2.7"))) if c[1] == "2.7万人次"]
    assert found and "79.2万人次" in found[0][0] and "72" in found[0][0]
    checks = checks_on(audit_text(tmp_path, MUSEUM.format(gap="7.2")), "7.2万人次")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)
