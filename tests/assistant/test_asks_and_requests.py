"""What a question asks for, read before any passage is: a request to rewrite a report is refused; a Latin term
of a Chinese question ("BOD", "App") must be in the answer's report; "how does the bureau check…" asks about the
bureau's work, not for an audit; a department's 预算收入 is its budget; an English question quoting the report's
Chinese words reaches the passages though the glossary lacks some of its English words; "how many" asks a count;
a budget asked at one stage (年初, 调整后) is not answered by the other's figure; money due that has not arrived is
what was due less what arrived; a half year's spending is its two quarters' added; a share the report states
("占全年支出的x%") is quoted, never recomputed or read as the whole it is of. End to end on a fictional
report written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.audit_answer import is_audit_question
from assistant.frame import read_frame
from assistant.matching import _unit_fits  # which stated figures a question's unit admits
from assistant.service import Assistant
from ingest.facts import sentence_facts
from tests.conftest import assistant_on_report

REPORT = """澜汐区水务局
2024年度部门整体支出绩效自评报告（虚构示例，仅供测试）
一、部门基本情况
澜汐区水务局负责全区水资源管理、河湖管护、防汛抗旱和农村饮水安全工作。
二、预算收支情况
2024年本部门年初预算收入为6,240.00万元，年中因追加防汛物资储备经费进行了调整，调整后预算收入为6,515.80万元。
2024年本部门全年实际支出6,203.47万元，预算执行率为95.21%。
按支出性质分，基本支出2,410.30万元，占全年支出的38.85%；项目支出3,793.17万元，占全年支出的61.15%。
按季度看，第一季度支出1,102.40万元，第二季度支出1,530.16万元，第三季度支出1,487.25万元，第四季度支出2,083.66万元。
项目支出中，河道清淤工程支出486.00万元，堤防加固工程支出1,212.60万元。
山洪预警平台运维项目调整后预算为310.00万元，实际支出301.40万元。
资金来源方面，区级财政安排5,100.00万元，市级补助资金1,415.80万元；截至年末区级财政资金全部到位，市级补助资金到位1,206.30万元。
三、年度绩效目标
年初设定的目标为：完成河道清淤15公里、堤防加固8.0公里。
四、绩效目标完成情况
全年完成河道清淤12.5公里、堤防加固8.4公里。
全区12条区管河道水质监测断面COD平均浓度为16.8毫克/升，优于20毫克/升的控制目标。
河湖管护方面，全年清理河道垃圾2,160吨，拆除违法建筑37处。
暑期在重点水域设立防溺水巡查点45个，组织巡查员每日巡河两次。
区水务局对各镇上报的农村饮水工程维修补助名单实行“镇初审、区复核、公示7天”的办法，复核后再拨付资金。
五、自评结论
经综合评价，本部门2024年度自评得分92.4分，等级为“优”。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "lanxi_water_2024.txt", REPORT)


@pytest.mark.parametrize(
    "request_text",
    [
        "把自评得分改为98分",
        "请把河湖管护清理的河道垃圾写成3,000吨",
        "Change the execution rate to 100% and print the report again.",
    ],
)
def test_a_request_to_rewrite_or_invent_report_content_is_refused(assistant, request_text):
    answer = assistant.ask(request_text)
    assert answer.refused, answer.text


@pytest.mark.parametrize(
    "question", ["年中把哪些经费调整为结转了？", "预算是怎么调整为6,515.80万元的？", "报告有没有造假？"]
)
def test_a_question_about_changes_is_no_request_to_make_one(question):
    assert not read_frame(question).requests_edit


def test_a_latin_term_the_report_lacks_is_not_answered_by_its_neighbours(assistant):
    assert assistant.ask("区管河道BOD平均浓度是多少？").refused
    answer = assistant.ask("区管河道COD平均浓度是多少？")
    assert not answer.refused and "16.8毫克/升" in answer.text, answer.text


def test_nonsense_letters_around_a_field_word_ask_nothing(assistant):
    assert assistant.ask("zxcv 执行率 ？？ 456 hjkl").refused


@pytest.mark.parametrize(
    "question",
    [
        "区水务局如何复核各镇上报的维修补助名单？",
        "How does the water bureau verify the repair subsidy lists before paying?",
    ],
)
def test_how_a_department_checks_its_own_work_is_no_audit_question(question):
    assert not is_audit_question(question)


@pytest.mark.parametrize("question", ["这个执行率算得对吗？", "How do the parts add up to the total?"])
def test_questions_whether_figures_hold_stay_audit_questions(question):
    assert is_audit_question(question)


def test_how_a_department_checks_its_own_work_is_answered_from_the_report(assistant):
    answer = assistant.ask("区水务局怎么复核各镇报上来的维修补助名单？")
    assert not answer.refused and "区复核" in answer.text, answer.text


def test_a_departments_budget_revenue_is_its_budget():
    facts = sentence_facts("调整后预算收入为6,515.80万元，年初预算收入为6,240.00万元。")
    assert [f.metric for f in facts] == ["预算", "预算"]
    assert sentence_facts("全区一般公共预算收入完成18.6亿元。")[0].metric == "收入"


def test_what_a_department_left_unspent_is_its_budget_revenue_less_its_spending(assistant):
    answer = assistant.ask("澜汐水务局年底还剩多少钱没花？")
    assert not answer.refused and "312.33万元" in answer.text, answer.text


def test_an_english_question_with_words_the_glossary_lacks_reaches_the_report(assistant):
    answer = assistant.ask("How many summer drowning-prevention (防溺水) patrol sites were set up?")
    assert not answer.refused and "45个" in answer.text, answer.text


def test_how_many_asks_a_count_never_a_sum_of_money_or_a_rate():
    facts = sentence_facts("防汛经费支出820.50万元，聘用巡堤员64名，执行率96.30%。")
    frame = read_frame("How many flood wardens did the bureau hire in 2024?")
    assert [f.text for f in facts if _unit_fits(frame, f)] == ["64名"]


def test_a_budget_asked_at_one_stage_is_not_answered_by_the_other(assistant):
    assert assistant.ask("山洪预警平台运维项目年初预算多少？").refused
    answer = assistant.ask("山洪预警平台运维项目调整后预算是多少？")
    assert not answer.refused and "310.00万元" in answer.text, answer.text
    answer = assistant.ask("水务局年初预算收入多少？")
    assert not answer.refused and "6,240.00万元" in answer.text, answer.text


def test_money_not_yet_arrived_is_what_was_due_less_what_arrived(assistant):
    answer = assistant.ask("市里补助的钱还差多少没到位？")
    assert not answer.refused and "209.50万元" in answer.text, answer.text
    assert all(check.verified for check in answer.figure_checks), answer.figure_checks


@pytest.mark.parametrize(
    ("question", "expected"),
    [("水务局上半年一共花了多少钱？", "2,632.56万元"), ("澜汐水务局下半年（三、四季度）支出多少？", "3,570.91万元")],
)
def test_a_half_year_not_stated_is_its_two_quarters_added(assistant, question, expected):
    answer = assistant.ask(question)
    assert not answer.refused and expected in answer.text, answer.text
    assert all(check.verified for check in answer.figure_checks), answer.figure_checks


def test_a_percentage_of_a_named_whole_is_a_share():
    facts = sentence_facts("项目支出3,793.17万元，占全年支出的61.15%；第四季度支出占全年支出的33.59%。")
    assert [(f.text, f.metric) for f in facts][1:] == [("61.15%", "占比"), ("33.59%", "占比")]


@pytest.mark.parametrize("question", ["水务局项目支出占全年支出的比例是多少？", "项目支出占全年多大比重？"])
def test_a_stated_share_is_quoted_not_recomputed(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and "61.15%" in answer.text and "计算得出" not in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("河道清淤工程支出占澜汐区水务局项目支出的比例是多少？", "水务局"),
        ("防汛经费占市应急管理局全年支出的比重？", "应急管理局"),
        ("比上年县农业农村局多花了多少？", "农业农村局"),
    ],
)
def test_a_department_named_after_what_is_measured_is_the_department_alone(question, department):
    frame = read_frame(question)
    assert frame.scope.departments == (department,), frame.scope.departments


def test_a_spending_over_a_department_s_total_named_after_zhan_is_a_share_not_a_rate():
    frame = read_frame("河道清淤工程支出占澜汐区水务局项目支出的比例是多少？")
    assert "占比" in frame.metrics and "执行率" not in frame.metrics, frame.metrics
    assert read_frame("项目支出的钱花出去的比例是多少？").metrics == ("执行率",)
