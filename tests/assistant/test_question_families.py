"""Question families answered end to end on a short fictional report written for these tests.

Each test is one family of phrasing (a base year named for a comparison, a quantity asked as planned,
a per-unit price the report never states …), asked in words that are not the report's.
"""

from __future__ import annotations

import pytest

from assistant.prompts import REFUSAL
from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """泽川县文化体育和旅游局
2025年度全民健身设施补短板项目支出绩效自评报告（虚构示例，仅供测试）
一、项目基本情况
（一）项目概况
2025年度项目计划新建社区健身路径120个、改造提升多功能运动场18块，覆盖全县9个乡镇。
项目由县体育事业发展中心组织实施，各乡镇文化站负责建成设施的日常管护。
（二）资金安排
项目年初预算2,400.00万元，年中因新增体育公园照明改造追加预算150.00万元，调整后全年预算2,550.00万元。
二、资金使用情况
（一）总体支出
2025年项目实际支出2,448.60万元，预算执行率96.02%。
分季度看，第一季度支出310.20万元，第二季度支出655.40万元，上半年累计支出965.60万元；第三季度支出702.30万元，累计支出1,667.90万元；第四季度支出780.70万元，累计支出2,448.60万元。
（二）分项支出
健身路径建设预算1,320.00万元，实际支出1,301.45万元。
运动场改造预算1,080.00万元，实际支出1,005.75万元。
（三）与上年对比
2024年该项目实际支出2,136.80万元，预算执行率91.27%。
三、绩效目标完成情况
全年新建社区健身路径124个，完成年度目标的103.33%。
改造提升多功能运动场16块，未达到18块的年度目标，主要原因是部分场地所在地块权属调整。
排查发现器材安全隐患点位46处，年内完成整改39处，其余点位已落实临时防护措施。
群众满意度为93.6%，高于90%的目标值。
四、自评结论
评价等级分为四档：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。
经综合评定，项目自评得分92.40分，评价等级为“优”。其中产出指标得分36.50分，效益指标得分27.10分。
五、存在的问题
一是部分场地选址前期论证不足。二是设施建成后管护责任落实不够。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "zechuan_sports_2025.txt", REPORT)


def _computed(answer) -> str:
    assert not answer.refused, answer.question
    computed = [c for c in answer.figure_checks if c.computed]
    assert computed and all(c.verified for c in computed), answer.text
    return computed[0].figure


def test_a_quantity_asked_as_planned_is_the_target(assistant):
    answer = assistant.ask("原本打算建多少个健身路径？")
    assert "120个" in answer.text and "124个" not in answer.text


def test_last_years_figure_stated_elsewhere_is_the_base_of_a_difference(assistant):
    assert _computed(assistant.ask("比上年多花了多少钱？")) == "311.80万元"
    assert _computed(assistant.ask("跟2024年比支出多了多少？")) == "311.80万元"


def test_growth_in_percent_is_computed_from_both_years(assistant):
    assert _computed(assistant.ask("支出同比涨了百分之几？")) == "14.59%"


def test_rates_differ_in_percentage_points(assistant):
    assert _computed(assistant.ask("钱花出去的比例比上年高了几个点？")) == "4.75个百分点"


def test_what_is_left_is_the_adjusted_budget_less_the_years_spending(assistant):
    # Neither the budget before adjustment, nor the added budget, nor one quarter's or one item's spending.
    assert _computed(assistant.ask("预算还剩多少没花出去？")) == "101.40万元"


def test_a_shortfall_stated_after_the_actual_is_a_gap(assistant):
    assert _computed(assistant.ask("运动场改造还差几块没完成？")) == "2块"


def test_the_first_half_is_the_running_total_at_the_second_quarter(assistant):
    answer = assistant.ask("上半年一共花了多少？")
    assert "965.60万元" in answer.text


def test_the_score_obtained_is_not_the_grading_scale_or_a_part(assistant):
    answer = assistant.ask("最后评了多少分？算什么档次？")
    assert "92.40分" in answer.text and "分为四档" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "一个健身路径造价多少钱？",  # only totals are stated, never a price per unit
        "场地管护补贴花了多少？",  # a subsidy the report never names
        "<script>alert('预算')</script>",
    ],
)
def test_near_misses_are_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and answer.text == REFUSAL, answer.text


def test_the_reports_saying_is_how_a_question_is_asked(assistant):
    answer = assistant.ask("自评的时候说了哪些问题？")
    assert not answer.refused and "选址" in answer.text


def test_a_year_named_with_its_base_year_still_finds_last_years_figure(assistant):
    assert _computed(assistant.ask("2025年比2024年多花了多少钱？")) == "311.80万元"


def test_a_place_no_report_names_is_refused(assistant):
    assert assistant.ask("西丰镇的健身路径建了多少个？").text.startswith(REFUSAL)


def test_a_score_asked_colloquially(assistant):
    answer = assistant.ask("自评得了几分？")
    assert not answer.refused and "92.40分" in answer.text


def test_who_does_a_task_is_the_body_stated_with_the_same_verb(assistant):
    answer = assistant.ask("建好的设施谁负责管护？")
    assert not answer.refused and "乡镇文化站" in answer.text
    assert assistant.ask("体育局局长是谁？").refused


def test_the_passages_an_answer_quotes_are_listed_first(assistant):
    answer = assistant.ask("运动场改造花了多少？")
    assert not answer.refused
    assert answer.retrieved[0].marker == 1 and answer.retrieved[0].passage == answer.citations[0].passage


def test_saved_against_the_budget_is_budget_less_spending(assistant):
    assert _computed(assistant.ask("运动场改造比预算省了多少？")) == "74.25万元"


def test_parts_asking_figures_of_different_units_each_keep_their_unit(assistant):
    # The unit word of one part ("得分") does not rule out the other part's percentage.
    assert "93.6%" in assistant.ask("群众满意度多少 自评得分呢").text


def test_how_much_more_and_by_what_percent_in_one_question(assistant):
    answer = assistant.ask("比上年多花了多少？涨了百分之几？")
    computed = {c.figure for c in answer.figure_checks if c.computed and c.verified}
    assert {"311.80万元", "14.59%"} <= computed, answer.text


def test_how_many_are_not_yet_done_is_the_whole_less_the_part_done(assistant):
    assert _computed(assistant.ask("隐患点位还有几处没整改？")) == "7处"
