"""Questions about a section that use a verb of money ("how the funds were spent") ask for the section, not a
figure; and the template's closing "其他需要说明的问题" is no list of problems. Fictional report written for these
tests.
"""

from __future__ import annotations

import pytest

from assistant.frame import read_frame
from assistant.service import Assistant
from ingest.vocabulary import vocabulary
from tests.conftest import assistant_on_report

REPORT = """梧岭县文化广电旅游体育局
2024年度乡村文化振兴项目支出绩效自评报告（虚构示例，仅供测试）
一、项目资金情况
2024年度项目预算860.00万元，实际支出812.40万元，预算执行率94.47%。
二、存在的问题
（一）资金拨付滞后。部分乡镇文化站设备采购资金到第四季度才拨付到位，影响了全年活动安排。
（二）绩效指标偏粗。群众参与类指标只设定了场次，没有设定参与人数和满意度。
三、改进建议
（一）加快资金拨付。建议县财政在收到上级资金后20日内下达乡镇。
（二）细化绩效指标。建议增设参与人数和满意度指标。
四、资金管理
项目资金实行专账核算，县财政通过国库集中支付方式按进度直接拨付至各乡镇文化站，全年未发现挤占挪用资金的情况。
五、其他需要说明的问题
本报告财务数据来源于县级国库集中支付系统，业务数据来源于各乡镇文化站工作台账。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "wuling_culture_2024.txt", REPORT)


def test_the_templates_closing_section_is_no_list_of_problems():
    assert vocabulary().role_of_heading("五、其他需要说明的问题") != "problems"
    assert vocabulary().role_of_heading("二、存在的问题") == "problems"


@pytest.mark.parametrize(
    "question",
    [
        "What problems were found in how the Wuling rural culture funds were spent?",
        "What did the report recommend about how the funds are allocated?",
    ],
)
def test_a_verb_of_money_in_an_english_section_question_asks_no_figure(question):
    frame = read_frame(question)
    assert frame.role is not None and not frame.asks_figure, frame


def test_an_english_question_that_asks_an_amount_still_asks_a_figure():
    assert read_frame("How much of the rural culture budget was spent?").asks_figure


def test_problems_of_how_money_was_spent_come_from_the_problems_section(assistant):
    answer = assistant.ask("What problems were found in how the Wuling rural culture funds were spent?")
    assert not answer.refused and "第四季度才拨付到位" in answer.text, answer.text
    assert "国库集中支付系统" not in answer.text


def test_recommendations_about_allocation_come_from_the_recommendations(assistant):
    answer = assistant.ask("What did the report recommend about how the funds are allocated?")
    assert not answer.refused and "20日内下达乡镇" in answer.text, answer.text


@pytest.mark.parametrize("question", ["补贴怎么发放的？", "这笔资金是如何拨付的", "資金是怎麼撥付的？"])
def test_how_money_moves_asks_no_figure(question):
    assert not read_frame(question).asks_figure


def test_how_much_money_moved_still_asks_a_figure():
    assert read_frame("补贴发放了多少？").asks_figure
    assert read_frame("钱是怎么花的").asks_figure  # nothing else named: the spending is what is asked


def test_how_the_funds_were_paid_out_is_answered_from_the_text(assistant):
    answer = assistant.ask("梧岭文化振兴项目资金是怎么拨付的？")
    assert not answer.refused and "直接拨付至各乡镇文化站" in answer.text, answer.text
