"""The opening block of a third-party evaluation (who was commissioned, by whom, when) answers "谁做的评价",
end to end on a fictional report written for these tests; the title itself never answers anything.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """关于柳川县2024年度农村供水工程维修养护资金的绩效评价报告（虚构示例，仅供测试）
受柳川县财政局委托，明衡工程咨询有限公司组成评价组，于2025年2月至4月对柳川县2024年度农村供水工程维修养护资金开展了第三方绩效评价。
一、项目概况
2024年度维修养护资金共1,260.00万元，用于全县186处农村集中供水工程的日常维修、水质检测和管护人员补助。
二、评价方法
评价组采用资料核查、实地踏勘和问卷调查相结合的方法，实地抽查供水工程42处，发放问卷600份。
三、评价结论
经综合评价，该项资金绩效评价得分为86.5分，等级为“良”。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "liuchuan_water_maintenance_2024.txt", REPORT)


@pytest.mark.parametrize(
    "question",
    [
        "柳川供水维修养护资金的评价是谁做的？",
        "Who did the evaluation of Liuchuan's rural water supply maintenance fund?",
    ],
)
def test_who_evaluated_is_answered_from_the_opening_block(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and "明衡工程咨询有限公司" in answer.text, answer.text


def test_the_title_is_never_quoted(assistant):
    answer = assistant.ask("柳川2024年度维修养护资金一共多少？")
    assert not answer.refused and "1,260.00万元" in answer.text
    assert "绩效评价报告" not in answer.text
