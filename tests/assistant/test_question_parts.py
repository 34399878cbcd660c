"""Questions that ask several things one after another, end to end on a fictional report written for these tests:
each part is answered with its own cited sentence, a part without a subject of its own is about the first part's,
and a part the report cannot answer is named, not answered with the nearest figure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answer import ExtractiveAnswerer, Selection
from assistant.question_parts import QuestionPart, question_parts
from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """石门县水利局
2024年度小型水库除险加固项目支出绩效自评报告（虚构示例，仅供测试）
一、项目基本情况
本项目对全县9座小型水库实施除险加固，建设内容包括坝体防渗、溢洪道改造和放水设施更换。
二、项目资金情况
项目年初预算安排2,150.00万元，年中追加省级补助资金300.00万元，调整后预算2,450.00万元。
全年实际支出2,296.80万元，预算执行率93.75%，结余资金153.20万元已按规定收回县财政。
三、绩效目标完成情况
年度计划完成除险加固水库9座，实际完工8座，完工率88.89%。
工程质量一次验收合格率100%，受益群众满意度为94.3%。
未完工的1座水库主要原因是汛期停工两个月，工期顺延至2025年4月。
四、存在的问题
部分水库放水设施更换滞后，主要原因是设备招标两次流标。
五、自评结论
本项目自评得分89.40分，评价等级为“良”。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "shimen_reservoir_2024.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("城北污水管网改造项目年初预算多少，实际支出多少？", 2),
        ("全年培训计划办几期？实际办了几期？", 2),
        ("老旧小区改造完成率多少 为什么没完成", 2),
        ("关于乡村道路养护项目，预算多少？花了多少？", 2),
        ("What was the drainage project's budget, and how much was actually spent?", 2),
        ("2022年绿化养护资金执行率是多少？", 0),
        ("哪些单位的支出进度低于序时进度？", 0),
        ("基本支出、项目支出各是多少？", 0),
        ("How many pumping stations were rebuilt in 2023?", 0),
    ],
)
def test_a_question_is_in_parts_when_each_piece_asks_something(question, count):
    assert len(question_parts(question)) == count, question_parts(question)


def test_a_part_without_a_subject_of_its_own_is_about_the_first_parts():
    _, second = question_parts("城北污水管网改造项目年初预算多少，实际支出多少？")
    # Not the first part's 预算; never asked alone (the whole report's spending is not the project's).
    assert second.readings == ("城北污水管网改造项目实际支出多少",)
    _, pointed = question_parts("河道保洁项目考核合格率是多少？这项得了几分？")
    assert pointed.readings[0].startswith("河道保洁项目") and "这项" not in pointed.readings[0]
    _, named = question_parts("城北污水管网改造项目花了多少？周边居民满意度是多少？")
    assert named.readings == ("周边居民满意度是多少",)  # a subject of its own
    _, after = question_parts("城北污水管网改造项目花了多少？群众满意度是多少？")
    assert after.readings == ("城北污水管网改造项目群众满意度是多少", "群众满意度是多少")  # its subject may be its own
    # A piece asking nothing is context of the part after it.
    first, _ = question_parts("关于乡村道路养护项目，预算多少？花了多少？")
    assert first.readings == ("关于乡村道路养护项目，预算多少",)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("水库除险加固项目调整后预算多少？实际花了多少？", ["2,450.00万元", "2,296.80万元"]),
        ("除险加固计划完成几座水库？实际完工几座？", ["9座", "8座"]),
        ("水库项目满意度多少 自评得了几分", ["94.3%", "89.40分"]),
        (
            "How much was the reservoir project's adjusted budget, and what was its self-evaluation score?",
            ["2,450.00万元", "89.40分"],
        ),
    ],
)
def test_each_part_is_answered_with_its_cited_figure(assistant, question, figures):
    answer = assistant.ask(question)
    assert not answer.refused, answer.text
    for figure in figures:
        assert figure in answer.text, (figure, answer.text)
    assert answer.all_figures_verified, answer.figure_checks
    shown = [(c.doc_id, c.raw_start) for c in answer.retrieved]
    assert len(shown) == len(set(shown))  # a passage two parts both found is listed once


def test_a_part_the_report_cannot_answer_is_named_not_answered(assistant):
    answer = assistant.ask("水库项目的征地拆迁户数是多少？群众满意度是多少？")
    assert not answer.refused and "94.3%" in answer.text, answer.text
    if answer.notice:  # the whole question found nothing: the part without an answer is named
        assert "征地拆迁" in answer.notice


def test_a_part_borrowing_a_subject_nothing_was_found_of_is_not_asked(assistant):
    assert assistant.ask("水库项目征地拆迁了多少户？为什么？").refused
    # "为什么" with the report's own subject would find any reason in it: only after something was stated.
    why = QuestionPart("为什么", ("水库项目为什么",), borrowed=True)
    answerer = assistant._answerer
    assert answerer._part(why, None, None, quoted=set()) is None
    assert answerer._part(why, None, None, quoted={"本项目自评得分89.40分，评价等级为“良”。"}) is not None
    answer = assistant.ask("水库完工了几座？为什么没全部完工？")
    assert not answer.refused and "8座" in answer.text and "汛期" in answer.text, answer.text


def test_a_bare_why_borrows_the_subject_of_the_part_before():
    _, why = question_parts("河道保洁项目还剩多少钱没花？为什么？")
    assert why.borrowed and why.readings == ("河道保洁项目为什么",)
    _, own = question_parts("河道保洁项目还剩多少钱没花？绿化养护项目为什么延期？")
    assert not own.borrowed


def test_the_same_computation_asked_twice_is_shown_once(assistant):
    # "结余多少 咋处理的": the whole question and its first part both work out the balance
    answerer = ExtractiveAnswerer(assistant.index)
    frame = answerer.read("水库项目还剩多少钱没花")
    _, retrieval, found = answerer._find(frame, None)
    assert isinstance(found, Selection) and found.computation is not None
    twice = replace(found, also=replace(found.computation))
    text = answerer._compose(frame.question, frame, twice, [retrieval], 0.0).text
    assert text.count("= 153.20万元") == 1, text
