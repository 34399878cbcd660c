"""A question about a project as a whole is answered by the whole's figure, not by the row of a sub-project
whose name shares the project's words, end to end on a fictional report written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answer import ExtractiveAnswerer, Selection
from assistant.matching import asks_whole
from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """白沙县水利局
2024年度城乡供水保障项目支出绩效自评报告（虚构示例，仅供测试）
一、项目概况
（一）项目内容
项目包括城区供水管网改造、乡镇供水站提标、农村供水保障维修养护和供水水质监测四个子项目。
（二）资金安排
2024年本项目年初预算2,150.00万元，年中根据上级补助资金下达情况追加180.00万元，全年预算数为2,330.00万元。按资金来源分，中央财政补助资金1,120.00万元，省级财政补助资金610.00万元，县级财政配套资金600.00万元，县级配套资金均在年初足额列入预算。资金由县财政局按照项目实施进度拨付到县水利局。
二、资金使用情况
表1 2024年度子项目资金使用情况（单位：万元）｜子项目：城区供水管网改造，全年预算数：1,200.00，\
实际支出：1,162.40，执行率：96.87%。
表1 2024年度子项目资金使用情况（单位：万元）｜子项目：乡镇供水站提标，全年预算数：640.00，\
实际支出：611.20，执行率：95.50%。
表1 2024年度子项目资金使用情况（单位：万元）｜子项目：农村供水保障维修养护，全年预算数：350.00，\
实际支出：338.10，执行率：96.60%。
表1 2024年度子项目资金使用情况（单位：万元）｜子项目：供水水质监测，全年预算数：140.00，\
实际支出：131.30，执行率：93.79%。
表1 2024年度子项目资金使用情况（单位：万元）｜子项目：合计，全年预算数：2,330.00，\
实际支出：2,243.00，执行率：96.27%。
三、项目实施情况
（一）城区供水管网改造
城区供水管网改造是城乡供水保障项目的重点子项目，全年改造城区老旧供水管网18.6公里，更换入户供水表具4,200只。
改造后城区供水管网漏损率由上年的16.2%下降到12.8%，城区供水保障能力明显提升，供水项目群众投诉同比减少三成。
（二）乡镇供水站提标
全年提标改造乡镇供水站9座，新增净水消毒设备14套，乡镇供水站出厂水浊度全部达到标准，供水保障项目覆盖的乡镇实现连续供水。
（三）农村供水保障维修养护
全年维修农村供水设施212处，更换农村供水管道36.5公里，农村供水保障维修养护项目落实“县级统管、乡镇协管、村级自管”的运维责任。
农村自来水普及率达到93.4%，规模化供水工程覆盖农村人口比例达到71.2%，农村供水保障水平持续提高。
（四）供水水质监测
全年检测城乡供水水样1,460份，其中出厂水520份、末梢水940份，供水水质监测合格率为97.1%，对不合格水样全部完成复检和整改。
四、绩效指标完成情况
表2 2024年度城乡供水保障项目绩效指标完成情况｜一级指标：产出指标，三级指标：改造城区供水管网长度，\
指标值：≥18公里，实际完成值：18.6公里，分值：10，得分：10。
表2 2024年度城乡供水保障项目绩效指标完成情况｜一级指标：效益指标，三级指标：农村自来水普及率，\
指标值：≥92%，实际完成值：93.4%，分值：10，得分：10。
表2 2024年度城乡供水保障项目绩效指标完成情况｜一级指标：满意度指标，三级指标：供水服务对象满意度，\
指标值：≥90%，实际完成值：92.6%，分值：10，得分：10。
五、存在的问题
部分乡镇供水站运维人员不足，农村供水保障维修养护资金主要依靠上级补助，水质监测点位布局仍需优化。
六、改进措施
推进城乡供水一体化管理，建立供水保障项目运维经费稳定投入机制，优化供水水质监测点位布局。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "baisha_water_supply_2024.txt", REPORT)


@pytest.mark.parametrize(
    "question",
    [
        "白沙城乡供水保障项目全年预算多少？",
        "白沙供水项目全年预算是多少",  # "供水项目": two words of the title run together
        "What was the total budget of Baisha's water supply project?",
    ],
)
def test_the_whole_projects_budget_not_a_sub_projects_row(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and "2,330.00" in answer.text, answer.text
    assert all(row not in answer.text for row in ("1,200.00", "640.00", "350.00", "140.00")), answer.text


def test_a_named_sub_project_still_gets_its_own_row(assistant):
    answer = assistant.ask("乡镇供水站提标全年预算多少？")
    assert not answer.refused and "640.00" in answer.text and "2,330.00" not in answer.text


def test_two_title_words_run_together_still_name_the_report(assistant):
    answerer: ExtractiveAnswerer = assistant._answerer
    frame = answerer.read("白沙供水项目全年预算是多少")
    found = answerer.select(frame, answerer.retriever.search(frame.search_text))
    assert isinstance(found, Selection) and asks_whole(frame, found.chosen[0])
    # jieba keeps a word it knows ("服务项目", "建设项目") beside its parts; the title has only the parts.
    run_together = replace(frame, subject_terms=(*frame.subject_terms, "供水项目"))
    assert asks_whole(run_together, found.chosen[0])
    assert not asks_whole(replace(frame, subject_terms=(*frame.subject_terms, "排水")), found.chosen[0])
