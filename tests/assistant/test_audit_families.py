"""Families of relations the audit must read right, each in several phrasings and layouts of our own:
consistent versions raise no 不一致; inconsistent versions are found as 不一致 at the planted figure.

Families (false alarms to avoid): 小计 rows before or after their items, with any item numbering and
with a 占比 column; a cumulative over N years with fewer than N parts stated; a rate near figures that are
not its numerator and denominator; an appropriation (追加) that is not the total of the amounts near it.
Families (misses to find): 一级指标 scores against the 总分, a list of N classes against its total, a
completion rate in 公里, a year-over-year decline over the wrong base, a figure restated in the 结论 with
transposed digits, quarters against the year, a share, a change in 百分点.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit import AuditCheck, Verdict, audit_document
from ingest.pipeline import parse_document
from ingest.settings import Settings

HEAD = "示例县某局2024年度项目支出绩效自评报告\n一、项目基本情况\n"


def _audit(tmp_path: Path, text: str) -> tuple[str, list[AuditCheck]]:
    path = tmp_path / "case.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    parsed = parse_document(path, None, Settings())
    return parsed.normalized.raw, audit_document(parsed)


def _touches(check: AuditCheck, start: int, end: int) -> bool:
    return any(start <= f.raw_start < end or f.raw_start <= start < f.raw_end for f in (check.stated, *check.sources))


def _stated_in(check: AuditCheck, start: int, end: int) -> bool:
    return start <= check.stated.raw_start < end


def _inconsistent(checks: list[AuditCheck]) -> list[tuple[str, str]]:
    return [(c.formula, c.stated.text) for c in checks if c.verdict is Verdict.INCONSISTENT]


# ---- consistent texts: no 不一致 -------------------------------------------------------------------------

CONSISTENT = {
    # 1. 小计 rows after their items, items numbered "1."
    "subtotal_after_numbered": """（一）支出明细
表1 项目支出明细（单位：万元）
项目｜预算数｜执行数
（一）人员类支出｜｜
1.工资福利｜300.00｜290.00
2.社会保障缴费｜100.00｜95.00
人员类小计｜400.00｜385.00
（二）公用类支出｜｜
1.办公费｜50.00｜48.00
2.差旅费｜30.00｜27.00
3.维修费｜70.00｜60.00
公用类小计｜150.00｜135.00
合计｜550.00｜520.00
""",
    # 1. 小计 rows before their items (group header), items numbered "（1）"
    "subtotal_before_paren_numbered": """（一）支出明细
项目名称｜金额（万元）
（一）设备购置小计｜420.00
（1）检测设备｜260.00
（2）办公设备｜160.00
（二）运行维护小计｜180.00
（1）系统运维｜100.00
（2）场地租赁｜50.00
（3）耗材｜30.00
合计｜600.00
""",
    # 1. 小计 before items, bare item names, a 占比 column (share of the 合计)
    "subtotal_before_bare_share": """（一）资金构成
资金用途｜金额（万元）｜占比（%）
（一）基础设施小计｜700.00｜70.00
道路硬化｜400.00｜40.00
排水管网｜300.00｜30.00
（二）公共服务小计｜300.00｜30.00
文化设施｜120.00｜12.00
卫生设施｜180.00｜18.00
合计｜1,000.00｜100.00
""",
    # 1. 小计 after items, bare names, 占比 column, larger and smaller groups
    "subtotal_after_bare_share": """（一）资金构成
资金用途｜金额（万元）｜占比
教师培训｜80.00｜10.00%
课程开发｜40.00｜5.00%
培训类小计｜120.00｜15.00%
设备采购｜500.00｜62.50%
软件采购｜150.00｜18.75%
网络改造｜30.00｜3.75%
采购类小计｜680.00｜85.00%
合计｜800.00｜100.00%
""",
    # 1. group rows numbered （一） carry the group amount without the word 小计, before their items
    "group_rows_before_items": """（一）支出明细
项目｜金额（万元）
（一）基本支出｜360.00
1.人员经费｜300.00
2.公用经费｜60.00
（二）项目支出｜240.00
1.专项业务费｜140.00
2.设备购置费｜100.00
合计｜600.00
""",
    # 1. 占比 of each item within its own group
    "share_of_group": """（一）资金构成
资金用途｜金额（万元）｜占比
（一）基础设施小计｜700.00｜70.00%
道路硬化｜400.00｜57.14%
排水管网｜300.00｜42.86%
（二）公共服务小计｜300.00｜30.00%
文化设施｜120.00｜40.00%
卫生设施｜180.00｜60.00%
合计｜1,000.00｜100.00%
""",
    # 1. a 序号 column, 小计 rows heading their groups, an empty cell where a group has no 执行数 stated
    "serial_column_empty_cells": """（一）支出明细
序号｜项目｜预算数（万元）｜执行数（万元）
（一）｜办公运行小计｜120.00｜110.00
1｜水电费｜70.00｜65.00
2｜物业费｜50.00｜45.00
（二）｜业务工作小计｜280.00｜
1｜专项调研｜180.00｜
2｜宣传教育｜100.00｜
｜合计｜400.00｜110.00
""",
    # 1. a "其中" row breaking down the row above it (not an item of the 合计)
    "breakdown_rows": """（一）支出明细
项目名称｜预算数（万元）｜执行数（万元）｜执行率
基本支出｜400.00｜380.00｜95.00%
其中：人员经费｜300.00｜290.00｜96.67%
公用经费｜100.00｜90.00｜90.00%
项目支出｜600.00｜540.00｜90.00%
合计｜1,000.00｜920.00｜92.00%
""",
    # quarters in a table, the year's row last
    "quarters_table": "（一）支出进度\n季度｜支出（万元）｜占全年比例\n一季度｜120.00｜12.00%\n二季度｜250.00｜25.00%\n"
    "三季度｜300.00｜30.00%\n四季度｜330.00｜33.00%\n全年｜1,000.00｜100.00%\n",
    # 1. tab-separated, 合计 row first, groups closed by 小计 rows, items numbered "1、"
    "grand_first_tabs": (
        "（一）支出明细\n项目\t预算数（万元）\n合计\t900.00\n1、培训费\t200.00\n2、咨询费\t100.00\n"
        "业务类小计\t300.00\n1、设备费\t450.00\n2、材料费\t150.00\n资产类小计\t600.00\n"
    ),
    # 1. a score table: 一级指标 rows and the 总分 row
    "score_table": (
        "（一）评分情况\n一级指标｜分值｜得分\n决策｜20｜18\n过程｜20｜19\n产出｜40｜36.5\n效益｜20｜18.5\n总分｜100｜92\n"
    ),
    # 2. a cumulative over three years with two years stated
    "three_years_two_stated": "项目2023年投入资金320.00万元，2024年投入资金410.00万元，三年累计投入1,050.00万元。\n",
    "three_years_two_stated_2": "2022年至2024年，项目三年累计投入980万元，其中2023年投入300万元、2024年投入350万元。\n",
    "three_years_listed": "2023年、2024年分别投入资金320.00万元和410.00万元，三年累计投入1,050.00万元。\n",
    "years_span_listed": "2023年和2024年分别投入320万元、410万元，2022—2024年累计投入资金1,050万元。\n",
    "cumulative_over_years_complete": "2023年投入资金320.00万元，2024年投入资金410.00万元，两年累计投入730.00万元。\n",
    # 3. a rate near figures of another clause
    "road_rate_other_clause": (
        "全年完成国省干线大中修里程120公里，新改建农村公路450公里，全县公路良中等路率达到91.5%。\n"
    ),
    "road_rate_other_clause_2": "完成农村公路养护1,280公里，其中中等路以上路段1,050公里；全县良中等路率为88.6%。\n",
    "completion_unrelated_larger": ("项目计划培训基层人员25期，组织专题讲座3,000人次，培训计划完成率为96%。\n"),
    "completion_unrelated_2": "年度目标建设停车位1,200个，完成充电桩建设85个，年度任务完成率98.5%。\n",
    "air_quality_implicit_base": "2024年全市空气质量优良天数为326天，较上年增加8天，优良天数比率为89.1%。\n",
    "air_quality_other_days": (
        "全年累计开展大气污染巡查340天，空气质量优良天数为326天，重污染天数3天，优良天数比率为89.1%。\n"
    ),
    "coverage_rate_loose": "全县建成村级卫生室210个，服务常住人口5.6万人，签约服务覆盖率达到86.5%。\n",
    # 4. an appropriation near a list of other amounts
    "appropriation_after_list": (
        "项目资金来源为中央资金600.00万元、省级资金300.00万元，年中追加市级配套资金420.00万元。\n"
    ),
    "appropriation_after_list_2": (
        "一季度支出150.00万元，二季度支出290.00万元，全年共追加专项资金420.00万元，用于设备更新。\n"
    ),
    "appropriation_after_sources": (
        "项目预算由中央补助资金500.00万元和省级资金300.00万元组成，年中追加市级资金420.00万元，调整后预算1,220.00万元。\n"
    ),
    "appropriation_then_budget_list": (
        "项目年初预算1,080.00万元，年中追加资金420.00万元。其中：中央资金900.00万元、省级资金600.00万元。\n"
    ),
    "appropriation_inside_budget_list": (
        "项目调整后预算1,500.00万元，含年中追加资金420.00万元，其中中央资金900.00万元、省级资金600.00万元。\n"
    ),
    "appropriation_broken_down": "年中追加专项资金420.00万元，分别用于设备购置300.00万元、人员培训120.00万元。\n",
    # missed families, stated consistently
    "completion_km_consistent_2": "新建污水管网完成率103.5%（实际完成62.1公里，年度目标60公里）。\n",
    "decline_consistent_2": "2024年会议费支出36万元，较2023年的48万元下降25%。\n",
    "excellent_days_subset": "全年空气质量优良天数300天，其中优级天数120天，优良天数比率为82.2%。\n",
    "new_jobs_by_quarter": (
        "一季度新增就业1,200人，二季度新增就业1,300人，三季度新增就业1,250人，四季度新增就业1,250人，"
        "全年新增就业合计5,000人。\n"
    ),
    "years_listed_consistent": "项目近三年累计投入2,100万元，分别为2022年600万元、2023年700万元、2024年800万元。\n",
    "cumulative_three_years_paren": "近三年累计投入资金1,680万元（2024年投入560万元）。\n",
    "scores_next_sentence": (
        "决策指标满分20分，得分18分；过程指标满分20分，得分17分；产出指标满分40分，得分37分；效益指标满分20分，"
        "得分19分。项目综合得分91分，评价等级为“优”。\n"
    ),
    "decline_from_stated_change": "公用经费支出850.00万元，比上年减少150.00万元，下降15.00%。\n",
    "decline_from_stated_change_2": "公用经费支出850.00万元，比上年减少150.00万元，降幅为15%。\n",
    "change_of_another_subject": "资金1,200万元，比上年增加200万元，其中人员经费增长15%。\n",
    "growth_from_stated_change": "培训人次达到2,400人次，较上年增加400人次，增长20%。\n",
    "scores_consistent": (
        "项目一级指标得分为：决策指标18分、过程指标19.5分、产出指标36分、效益指标24分，总分为97.5分。\n"
    ),
    "classes_consistent": "全县共有帮扶项目26个，分为三类：产业类12个、基础设施类9个、公共服务类5个。\n",
    "completion_km_consistent": "年度目标新建绿道85公里，实际完成78公里，完成率为91.76%。\n",
    "decline_consistent": "本年公用经费支出850.00万元，较上年的1,000.00万元下降15.00%。\n",
    "quarters_consistent": (
        "一季度支出120.00万元，二季度支出250.00万元，三季度支出300.00万元，四季度支出330.00万元，"
        "全年累计支出1,000.00万元。\n"
    ),
    "share_consistent": "项目总预算1,500.00万元，其中专项资金600.00万元，占总预算的40.00%。\n",
    "share_consistent_2": "全年资金支出1,800万元，其中人员培训支出540万元，占全年支出的比重为30%。\n",
    "share_consistent_3": "本年培训4,000人次，线上培训1,500人次，占培训总人次的37.5%。\n",
    "share_consistent_4": "项目总投资2,000万元，财政资金1,200万元，占比60%。\n",
    "points_consistent": "群众满意率由上年的90.5%提高至93.2%，提高了2.7个百分点。\n",
    "restated_consistent": (
        "项目总投资1,562.40万元，当年完成投资1,200.00万元。\n二、绩效评价结论\n综上，项目总投资1,562.40万元，"
        "资金使用规范。\n"
    ),
}


@pytest.mark.parametrize("name", list(CONSISTENT))
def test_consistent_text_raises_no_alarm(name: str, tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, CONSISTENT[name])
    assert not _inconsistent(checks)


# ---- inconsistent texts: the planted figure is found ------------------------------------------------------

INCONSISTENT = {
    # 1. 小计 before items, one group's items do not add up to its 小计
    "subtotal_before_wrong": (
        CONSISTENT["subtotal_before_paren_numbered"].replace("（2）办公设备｜160.00", "（2）办公设备｜150.00"),
        "（一）设备购置小计｜420.00",
    ),
    # 1. 小计 after items, wrong 小计
    "subtotal_after_wrong": (
        """（一）支出明细
项目｜金额（万元）
1.工资福利｜300.00
2.社会保障缴费｜100.00
人员类小计｜410.00
1.办公费｜50.00
2.差旅费｜30.00
公用类小计｜80.00
合计｜490.00
""",
        "人员类小计｜410.00",
    ),
    # 1. 合计 that does not add the 小计 rows
    "grand_total_wrong": (
        CONSISTENT["subtotal_before_bare_share"].replace("合计｜1,000.00", "合计｜1,100.00"),
        "合计｜1,100.00",
    ),
    # 1. a share column entry off
    "table_share_wrong": (
        """（一）资金构成
资金用途｜金额（万元）｜占比
教师培训｜80.00｜10.00%
课程开发｜40.00｜6.00%
培训类小计｜120.00｜15.00%
设备采购｜680.00｜85.00%
采购类小计｜680.00｜85.00%
合计｜800.00｜100.00%
""",
        "课程开发｜40.00｜6.00%",
    ),
    # scores: 一级指标 against the 总分, in several phrasings
    "scores_wrong": (
        "项目一级指标得分为：决策指标18分、过程指标19.5分、产出指标36分、效益指标24分，总分为98.5分。\n",
        "98.5分",
    ),
    "scores_wrong_2": (
        "评价组按指标体系打分，决策指标得分18分，过程指标得分19分，产出指标得分37分，效益指标得分25分，"
        "综合得分为96分。\n",
        "96分",
    ),
    "scores_wrong_total_first": (
        "项目绩效自评总分为92分，其中决策指标17分、过程指标18分、产出指标35分、效益指标24分。\n",
        "92分",
    ),
    # a complete list of N classes
    "classes_wrong": ("全县共有帮扶项目26个，分为三类：产业类12个、基础设施类8个、公共服务类5个。\n", "26个"),
    "classes_wrong_2": (
        "本年度共受理诉求1,260件，按类型分为四类，其中咨询类520件、求助类380件、投诉类210件、建议类140件。\n",
        "1,260件",
    ),
    "three_years_listed_wrong": (
        "2022年、2023年、2024年分别投入资金300.00万元、320.00万元和410.00万元，三年累计投入1,050.00万元。\n",
        "1,050.00万元",
    ),
    "appropriation_broken_down_wrong": (
        "年中追加专项资金420.00万元，分别用于设备购置300.00万元、人员培训150.00万元。\n",
        "420.00万元",
    ),
    "serial_column_wrong": (
        CONSISTENT["serial_column_empty_cells"].replace("2｜物业费｜50.00｜45.00", "2｜物业费｜50.00｜55.00"),
        "（一）｜办公运行小计｜120.00｜110.00",
    ),
    "breakdown_rows_wrong": (
        CONSISTENT["breakdown_rows"].replace("合计｜1,000.00｜920.00｜92.00%", "合计｜1,050.00｜920.00｜87.62%"),
        "合计｜1,050.00",
    ),
    "quarters_table_wrong": (
        CONSISTENT["quarters_table"].replace("全年｜1,000.00", "全年｜1,010.00"),
        "全年｜1,010.00",
    ),
    "grand_first_wrong": (CONSISTENT["grand_first_tabs"].replace("合计\t900.00", "合计\t950.00"), "950.00"),
    "score_table_wrong": (CONSISTENT["score_table"].replace("总分｜100｜92", "总分｜100｜93"), "总分｜100｜93"),
    "scores_wrong_3": (
        "决策、过程、产出、效益四个一级指标分别得分18分、19分、36分、24分，自评总分为95分。\n",
        "95分",
    ),
    "completion_km_wrong_4": ("新建污水管网完成率105.3%（实际完成62.1公里，年度目标60公里）。\n", "105.3%"),
    "share_wrong_3": ("专项资金600万元，占项目总预算（1,500万元）的45%。\n", "45%"),
    "decline_wrong_base_3": ("2024年会议费支出36万元，较2023年的48万元下降33.3%。\n", "33.3%"),
    "quarters_wrong_3": (
        "第一季度拨付资金200万元，第二季度拨付资金300万元，第三季度拨付资金260万元，第四季度拨付资金240万元，"
        "全年拨付资金合计1,100万元。\n",
        "1,100万元",
    ),
    "points_wrong_3": ("项目区森林覆盖率达到42.6%，较上年的40.8%提高2.8个百分点。\n", "2.8个百分点"),
    "scores_next_sentence_wrong": (
        "决策指标满分20分，得分18分；过程指标满分20分，得分17分；产出指标满分40分，得分37分；效益指标满分20分，"
        "得分19分。项目综合得分92分。\n",
        "92分",
    ),
    "decline_from_stated_change_wrong": (
        "公用经费支出850.00万元，比上年减少150.00万元，下降17.65%。\n",
        "17.65%",
    ),
    "completion_km_wrong_5": ("完成道路硬化12.6公里，为年度目标12公里的110%。\n", "110%"),
    "completion_km_wrong_6": ("道路硬化实际完成12.6公里，目标值12公里，完成率110%。\n", "110%"),
    "completion_km_wrong_7": ("年度计划修建村道15公里，实际修建13.8公里，完成计划的95%。\n", "95%"),
    "completion_km_wrong_8": ("村道硬化完成率为110%（目标12公里，实际完成12.6公里）。\n", "110%"),
    "classes_wrong_3": (
        "项目资金1,200万元由三部分组成：中央资金600万元、省级资金400万元、县级资金250万元。\n",
        "1,200万元",
    ),
    "years_listed_wrong_2": (
        "项目近三年累计投入2,000万元，分别为2022年600万元、2023年700万元、2024年800万元。\n",
        "2,000万元",
    ),
    "restated_in_project_section": (
        "（一）农村道路项目\n项目当年完成投资1,845.60万元，新建道路12公里。\n二、绩效评价结论\n"
        "农村道路项目当年完成投资1,854.60万元，达到预期目标。\n",
        "1,854.60万元",
    ),
    "quarters_wrong_4": (
        "1—3月、4—6月、7—9月、10—12月分别支出资金150万元、260万元、310万元、280万元，全年支出合计1,020万元。\n",
        "1,020万元",
    ),
    # completion rate in 公里
    "completion_km_wrong": ("年度目标新建绿道85公里，实际完成78公里，完成率为95.20%。\n", "95.20%"),
    "completion_km_wrong_2": ("全年完成农村公路改造126公里，为年度计划120公里的110%。\n", "110%"),
    "completion_km_wrong_3": ("计划改造供水管网42.5公里，实际改造40.2公里，计划完成率为96.8%。\n", "96.8%"),
    # decline over the wrong base (divided by this year's value)
    "decline_wrong_base": ("本年公用经费支出850.00万元，较上年的1,000.00万元下降17.65%。\n", "17.65%"),
    "decline_wrong_base_2": (
        "上年“三公”经费支出为240.00万元，本年为200.00万元，同比下降20.00%。\n",
        "20.00%",
    ),
    # quarters against the year
    "quarters_wrong": (
        "一季度支出120.00万元，二季度支出250.00万元，三季度支出300.00万元，四季度支出330.00万元，"
        "全年累计支出1,010.00万元。\n",
        "1,010.00万元",
    ),
    "quarters_wrong_2": (
        "各季度分别支出80万元、160万元、210万元和250万元，全年共支出710万元。\n",
        "710万元",
    ),
    # share
    "share_wrong": ("项目总预算1,500.00万元，其中专项资金600.00万元，占总预算的45.00%。\n", "45.00%"),
    "share_wrong_2": ("全年培训2,400人次，其中线上培训960人次，占比为42%。\n", "42%"),
    "share_wrong_4": ("全年资金支出1,800万元，其中人员培训支出540万元，占全年支出的比重为35%。\n", "35%"),
    "share_wrong_5": ("本年培训4,000人次，线上培训1,500人次，占培训总人次的40%。\n", "40%"),
    "share_wrong_6": ("项目总投资2,000万元，财政资金1,200万元，占比65%。\n", "65%"),
    # 百分点
    "points_wrong": ("群众满意率由上年的90.5%提高至93.2%，提高了2.5个百分点。\n", "2.5个百分点"),
    "points_wrong_2": ("2023年预算执行率为88.6%，2024年为95.1%，较上年提高7.5个百分点。\n", "7.5个百分点"),
    # restated with transposed digits in the 结论
    "restated_transposed": (
        "项目总投资1,562.40万元，当年完成投资1,200.00万元。\n二、绩效评价结论\n综上，项目总投资1,526.40万元，"
        "资金使用规范。\n",
        "1,526.40万元",
    ),
    "restated_transposed_2": (
        "全年共发放补贴资金3,468.50万元，惠及农户2,150户。\n二、绩效评价结论\n项目全年共发放补贴资金3,486.50万元，"
        "惠及农户2,150户，达到预期目标。\n",
        "3,486.50万元",
    ),
}


@pytest.mark.parametrize("name", list(INCONSISTENT))
def test_inconsistent_text_is_found(name: str, tmp_path: Path) -> None:
    text, snippet = INCONSISTENT[name]
    raw, checks = _audit(tmp_path, text)
    start = raw.find(snippet)
    assert start >= 0, snippet
    found = [c for c in checks if c.verdict is Verdict.INCONSISTENT and _touches(c, start, start + len(snippet))]
    assert found, [(c.formula, c.verdict.value) for c in checks]


SUBTOTAL_PAIRING = [
    # (text, 小计 row snippet, the item amounts its check must use)
    pytest.param(
        CONSISTENT["subtotal_before_paren_numbered"],
        "（二）运行维护小计｜180.00",
        ["100.00", "50.00", "30.00"],
    ),
    (CONSISTENT["subtotal_after_numbered"], "公用类小计｜150.00", ["50.00", "30.00", "70.00"]),
    pytest.param(
        CONSISTENT["subtotal_before_bare_share"],
        "（一）基础设施小计｜700.00",
        ["400.00", "300.00"],
    ),
]


@pytest.mark.parametrize("text,snippet,parts", SUBTOTAL_PAIRING)
def test_subtotal_is_checked_against_exactly_its_own_items(text: str, snippet: str, parts: list[str], tmp_path: Path):
    raw, checks = _audit(tmp_path, text)
    start = raw.find(snippet)
    subtotal = [c for c in checks if _stated_in(c, start, start + len(snippet)) and c.kind == "table_total"]
    assert subtotal, [(c.formula, c.verdict.value) for c in checks]
    assert sorted(s.text.replace("万元", "") for s in subtotal[0].sources) == sorted(parts)
    assert subtotal[0].verdict is Verdict.CONSISTENT


def test_cumulative_over_more_years_than_stated_is_at_most_uncertain(tmp_path: Path) -> None:
    _, checks = _audit(tmp_path, CONSISTENT["three_years_two_stated"])
    assert all(c.verdict in (Verdict.UNCERTAIN, Verdict.CONSISTENT) for c in checks if "1,050.00万元" == c.stated.text)


# A short report of our own in which the families meet: consistent as written, then with seven slips planted.
REPORT = """示例市某区农业农村局2024年度乡村振兴衔接资金项目绩效自评报告
一、项目基本情况
（一）项目概况
项目年初预算3,000.00万元，年中追加市级配套资金420.00万元，调整后预算3,420.00万元。2022年至2024年，项目三年累计投入8,650.00万元，其中2023年投入2,900.00万元。
（二）资金构成
表1 资金使用明细（单位：万元）
序号｜用途｜预算数｜执行数｜占比
（一）｜产业发展小计｜2,000.00｜1,900.00｜58.48%
1｜特色种植｜1,200.00｜1,150.00｜35.09%
2｜冷链仓储｜800.00｜750.00｜23.39%
（二）｜基础设施小计｜1,420.00｜1,300.00｜41.52%
1｜道路硬化｜900.00｜820.00｜26.32%
2｜农田水利｜520.00｜480.00｜15.20%
｜合计｜3,420.00｜3,200.00｜100.00%
二、绩效目标完成情况
全年完成资金支出3,200.00万元，预算执行率93.57%。一季度支出500.00万元，二季度支出800.00万元，三季度支出900.00万元，四季度支出1,000.00万元，全年累计支出3,200.00万元。
新建农村道路，年度目标45公里，实际完成46.2公里，完成率102.67%。全区农村公路总里程1,260公里，优良中等路率达到86.5%。
全年培训农民3,600人次，其中线上培训1,080人次，占培训总人次的30%。培训满意度由上年的92.1%提高至94.6%，提高2.5个百分点。
帮扶项目共32个，分为三类：产业类18个、就业类9个、基础设施类5个。
三、评价得分
决策指标满分20分，得分19分；过程指标满分20分，得分18分；产出指标满分40分，得分37分；效益指标满分20分，得分18分。项目综合得分92分。
四、评价结论
综上，项目调整后预算3,420.00万元，全年支出3,200.00万元，预算执行率93.57%，新建农村道路46.2公里，综合得分92分，评价等级为“优”。
"""
PLANTED = [
    ("2｜农田水利｜520.00｜480.00", "2｜农田水利｜520.00｜470.00"),
    ("四季度支出1,000.00万元", "四季度支出1,100.00万元"),
    ("完成率102.67%", "完成率104.67%"),
    ("提高2.5个百分点", "提高2.3个百分点"),
    ("就业类9个", "就业类8个"),
    ("项目综合得分92分。", "项目综合得分93分。"),
    ("新建农村道路46.2公里，", "新建农村道路42.6公里，"),
]


def test_report_as_written_raises_no_alarm(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    checks = audit_document(parse_document(path, None, Settings()))
    assert len(checks) >= 15
    assert not _inconsistent(checks)


def test_report_with_planted_slips_has_each_found_and_nothing_else(tmp_path: Path) -> None:
    text = REPORT
    for right, wrong in PLANTED:
        assert text.count(right) == 1, right
        text = text.replace(right, wrong)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_document(path, None, Settings())
    raw, checks = parsed.normalized.raw, audit_document(parsed)
    found: set[int] = set()
    for _, wrong in PLANTED:
        start = raw.find(wrong)
        hits = [c for c in checks if c.verdict is Verdict.INCONSISTENT and _touches(c, start, start + len(wrong))]
        assert hits, wrong
        found.update(id(c) for c in hits)
    assert not [c.formula for c in checks if c.verdict is Verdict.INCONSISTENT and id(c) not in found]
