"""Targets met by the right actual, and questions whose wording hid what they ask, end to end on a fictional
report written for these tests: a year run into a verb ("25年花的"), an English gap with words between verb and
target, a target named after its figure ("…的45个目标任务"), and parts listed after 其中 that are no actual.
"""

from __future__ import annotations

import pytest

from assistant.frame import read_frame
from assistant.service import Assistant
from ingest.facts import sentence_facts
from tests.conftest import assistant_on_report

REPORT = """澄溪区文化体育局
2025年度全民健身设施补助资金项目支出绩效自评报告（虚构示例，仅供测试）
一、项目概况
2025年度全民健身设施补助资金总额1,260.00万元，其中市级补助资金700.00万元，区级配套资金560.00万元。
二、项目绩效目标
年度计划新建社区健身站点20个，其中街道站点8个、村级站点12个。
三、项目资金使用情况
2025年本项目实际支出1,198.36万元，预算执行率95.11%。
2024年本项目实际支出1,052.70万元，自评得分88.50分。
四、绩效目标完成情况
截至年底实际建成社区健身站点18个，其中街道站点8个、村级站点10个。
全年举办群众性赛事活动52场，完成区体育总会下达的45场目标任务。
五、自评结论
经综合评价，本项目2025年度自评得分92.00分，等级为“优”。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "chengxi_fitness_2025.txt", REPORT)


def test_a_year_run_into_a_verb_leaves_the_verb_its_meaning():
    frame = read_frame("澄溪健身项目25年花的比上年多了还是少了")
    assert frame.metrics == ("支出",) and frame.computation == "difference"
    assert not any("年" in term for term in frame.subject_terms)


def test_spending_compared_with_last_year_is_the_spending_difference(assistant):
    answer = assistant.ask("健身设施项目25年花的比上年多了还是少了")
    assert not answer.refused and "145.66万元" in answer.text, answer.text
    assert "3.50分" not in answer.text  # the score difference is not what was asked


def test_a_figure_followed_by_its_target_words_is_the_target():
    facts = sentence_facts("全年举办群众性赛事活动52场，完成区体育总会下达的45场目标任务。")
    assert [("目标" in f.qualifiers) for f in facts] == [False, True]


@pytest.mark.parametrize(
    "question",
    ["赛事活动比目标多办了多少场", "By how much did Chengxi exceed its annual sports events target?"],
)
def test_the_gap_to_a_target_named_after_its_figure(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and "7场" in answer.text, answer.text


def test_an_english_gap_with_words_between_verb_and_target():
    frame = read_frame("By how much did the county exceed its annual fitness station construction target?")
    assert frame.computation == "gap"
    assert frame.scope.units == ()  # "by how much" asks a difference, not a sum of money


def test_parts_listed_after_qi_zhong_are_no_actual(assistant):
    answer = assistant.ask("社区健身站点比计划少建了几个")
    assert not answer.refused and "2个" in answer.text, answer.text
    assert "− 8个" not in answer.text and "− 10个" not in answer.text


def test_how_big_a_fund_is_asks_its_total(assistant):
    answer = assistant.ask("How big was the fitness facilities subsidy fund in 2025?")
    assert not answer.refused and "1,260.00万元" in answer.text, answer.text


ADJUSTED_LATER = """澄溪区文化体育局
2025年度青少年体育培训项目支出绩效自评报告（虚构示例，仅供测试）
一、项目资金情况
项目年初预算480.00万元，全部为区级财政资金。
2025年9月，经区政府同意，将社会捐赠的专项培训资金36.00万元纳入项目预算统一管理，调整后预算为516.00万元。
2025年度项目实际支出497.25万元，预算执行率96.37%。
"""


@pytest.fixture(scope="module")
def adjusted_later(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "chengxi_youth_training_2025.txt", ADJUSTED_LATER)


def test_what_is_left_uses_the_adjusted_budget_stated_behind_another_sum(adjusted_later):
    answer = adjusted_later.ask("预算里还有多少没花出去？")
    assert not answer.refused and "18.75万元" in answer.text, answer.text
    assert "516.00万元" in answer.text


def test_an_adverb_cut_out_of_a_wrongly_segmented_phrase_is_no_term():
    # jieba cuts "追加完全年预算" as 追加/完全/年/预算: "完全" says nothing a report must contain
    frame = read_frame("健身项目追加完全年预算是多少？")
    assert "完全" not in frame.soft_terms + frame.subject_terms
