"""A section split into numbered items answers "有哪些问题" with every item, end to end on a fictional report
written for these tests; a question about one item still gets that item alone.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """溪口县档案馆
2025年度部门整体支出绩效自评报告（虚构示例，仅供测试）
一、部门基本情况
溪口县档案馆负责全县档案的收集、整理、保管和利用，指导机关、企事业单位和乡镇的档案工作。
二、预算执行情况
全年调整后预算1,286.40万元，实际支出1,240.35万元，预算执行率96.42%。
三、绩效目标完成情况
全年接收进馆档案2.6万卷，完成馆藏档案数字化扫描118万页，接待查档利用4,350人次。
四、存在的问题
（一）馆藏数字化进度滞后。数字化扫描外包合同到10月才签订，全年扫描量只完成计划的78.6%。\
部分早期档案纸张脆化严重，需要先修复再扫描，进一步拖慢了进度。已扫描的影像中约有一成尚未完成著录挂接。
（二）库房温湿度控制不达标。老馆库房空调设备老化，夏季库房湿度多次超过规定上限。\
监测记录显示，7月至9月共有31天湿度超标，个别库房出现档案受潮现象，给长期保管带来隐患。
（三）乡镇档案工作指导覆盖不全。全县14个乡镇中有5个乡镇全年未接受业务指导。\
这些乡镇档案员多为兼职且更换频繁，归档范围和整理标准执行不一，移交进馆的档案质量参差不齐。
（四）绩效目标设置偏粗。部分指标只写“明显提升”“进一步规范”等定性表述，难以量化考核。\
查档利用满意度等效益指标缺少抽样调查作为依据，自评打分主要依靠主观判断。
五、改进措施
（一）提前启动数字化外包采购，在一季度完成合同签订，并对脆化档案先行抢救修复。
（二）申请专项资金更新老馆库房恒温恒湿设备，建立温湿度超标即时报警制度。
（三）制定乡镇档案工作年度指导计划，每个乡镇每年至少现场指导一次。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "xikou_archives_2025.txt", REPORT)


ITEMS = ("馆藏数字化进度滞后", "库房温湿度控制不达标", "乡镇档案工作指导覆盖不全", "绩效目标设置偏粗")


@pytest.mark.parametrize("question", ["档案馆去年存在哪些问题？", "What problems did the Xikou archives report?"])
def test_every_item_of_the_section_answers_a_question_about_all_of_it(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused
    assert all(item in answer.text for item in ITEMS), answer.text
    assert all(check.verified for check in answer.figure_checks)
    assert all(any(item in c.passage for c in answer.citations) for item in ITEMS)  # each item cited


def test_a_question_about_one_item_gets_that_item(assistant):
    answer = assistant.ask("库房温湿度有什么问题？")
    assert not answer.refused and "湿度" in answer.text
    assert "数字化进度滞后" not in answer.text and "指导覆盖不全" not in answer.text
