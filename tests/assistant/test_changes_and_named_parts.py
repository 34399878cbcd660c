"""How much a figure moved, asked in any classifier ("多了几户", "高了几分", a two-digit base year), a rate's
last-year value written as "该指标", named parts asked one by one ("A、B各多少"), a level written with its
alternative in brackets ("县（区）"), a rate named with a word of money inside it, and what is left unspent,
end to end on a fictional report written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.frame import read_frame
from assistant.matching import _tokens  # the words a sentence is matched by
from assistant.service import Assistant
from ingest.facts import sentence_facts
from tests.conftest import assistant_on_report

REPORT = """苇河市文化和旅游局
2025年度公共文化服务补助资金项目支出绩效自评报告（虚构示例，仅供测试）
一、项目概况
本项目年初预算为820.00万元，年中追加60.00万元，调整后全年预算为880.00万元。
2025年本项目预算收入调整后为880.00万元，较2024年度的812.50万元有所增加；事业收入36.40万元，主要为场馆培训收费。
二、资金使用情况
基本支出中，人员经费215.30万元，主要用于讲解员和管理员劳务；公用经费48.72万元，主要用于场馆水电和维修。
乡镇文化站免费开放子项目全年预算520.00万元，完成支出503.18万元，执行率96.77%。
流动图书车下乡子项目全年预算360.00万元，完成支出341.06万元，执行率94.74%。
项目合计全年预算880.00万元，完成支出844.24万元，执行率95.94%。
三、绩效目标完成情况
全年开展送戏下乡演出1,286场，受益群众4,372户，较上年的4,105户有所增加。
全市文化志愿者年末在册312名，分布在38个乡镇文化站。
群众文化活动参与率达到68.5%，高于65%的目标值，2024年该指标为61.2%。
县（区）向演出团体拨付补助平均滞后23天，个别县（区）年底集中拨付。
质量方面，演出补助兑付到团率为96.4%，未达到100%的目标。
四、自评结论
经综合评价，本项目2025年度自评得分93.5分，等级为“优”；2024年度自评得分为89.0分。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "weihe_culture_2025.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("苇河送戏下乡受益群众比上年多了几户？", "267户"),
        ("苇河文化项目自评分比24年高了几分？", "4.5分"),
        ("群众文化活动参与率比去年提高了多少？", "7.3个百分点"),
    ],
)
def test_how_much_a_figure_moved_in_any_classifier(assistant, question, expected):
    answer = assistant.ask(question)
    assert not answer.refused and expected in answer.text, answer.text


def test_a_two_digit_year_after_a_comparison_word_is_the_base_not_the_scope():
    frame = read_frame("文化项目自评分比24年高了几分")
    assert frame.computation == "difference" and "上年" in frame.qualifiers
    assert frame.scope.years == ()


def test_a_comparative_without_a_base_asks_no_change():
    assert read_frame("送戏下乡演出多少场").computation is None


def test_this_indicator_points_back_to_the_rate_named_before_it():
    facts = sentence_facts("群众文化活动参与率达到68.5%，高于65%的目标值，2024年该指标为61.2%。")
    assert [f.metric for f in facts][::2] == [facts[0].metric] * 2 and facts[0].metric is not None
    assert facts[2].year == 2024 and "目标" in facts[1].qualifiers


def test_last_years_target_is_no_base_for_this_years_actual(assistant):
    answer = assistant.ask("群众文化活动参与率比去年提高了多少？")
    assert "65%[" not in answer.text and "3.8个百分点" not in answer.text, answer.text


def test_last_years_figure_pairs_with_this_years_figure_of_the_same_standing(assistant):
    answer = assistant.ask("苇河文化项目收入比24年多了多少钱？")
    assert not answer.refused and "67.50万元" in answer.text, answer.text
    assert "36.40万元" not in answer.text.split("依据")[0]


def test_named_parts_asked_one_by_one_are_each_answered(assistant):
    frame = read_frame("苇河文化项目人员经费、公用经费各多少？")
    assert len(frame.parts) == 2
    answer = assistant.ask("苇河文化项目人员经费、公用经费各多少？")
    assert not answer.refused and "215.30万元" in answer.text and "48.72万元" in answer.text, answer.text


def test_a_level_with_its_alternative_in_brackets_is_asked_as_one_word(assistant):
    assert "县区" in _tokens("个别县（区）年底集中拨付") and "乡镇" in _tokens("各乡（镇）")
    answer = assistant.ask("苇河县区给演出团体拨补助平均拖了多少天？")
    assert not answer.refused and "23天" in answer.text, answer.text


def test_a_word_of_money_inside_a_rate_names_the_rate_not_the_budgets_execution():
    frame = read_frame("演出补助兑付到团率是多少？")
    assert "执行率" not in frame.metrics and "支出" not in frame.metrics


def test_what_is_left_is_the_budget_less_the_spending_of_the_same_whole(assistant):
    answer = assistant.ask("苇河文化项目还剩多少没花？")
    assert not answer.refused and "35.76万元" in answer.text, answer.text


def test_year_end_and_unspent_words_ask_what_is_left_and_find_the_budget():
    frame = read_frame("文化局年底还剩多少钱没花？")
    assert frame.computation == "remaining"
    assert not {"年底", "没花"} & set(frame.subject_terms + frame.soft_terms)
    assert "预算" in frame.search_text and "支出" in frame.search_text


@pytest.mark.parametrize(
    "question",
    [
        "How many percentage points did the cultural activity participation rate improve over 2024?",
        "By how many points did the township stations outscore the mobile library service?",
    ],
)
def test_english_changes_and_comparisons_ask_a_difference(question):
    frame = read_frame(question)
    assert frame.computation == "difference" and frame.scope.years == ()


def test_the_general_classifier_asks_a_count_in_any_classifier(assistant):
    assert {"名", "所", "座"} <= set(read_frame("年底在册几个").scope.units)
    answer = assistant.ask("苇河文化志愿者年底在册几个？")
    assert not answer.refused and "312名" in answer.text, answer.text
