"""Table rows in figure answers: a row's own figures answer and compute what is asked of its item, a sentence of
the report stating a row's figure is quoted before the row, and a share of the whole is computed over the 合计
row unless the part's own sentence states it, end to end on a fictional report written for these tests."""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """芩溪县农业农村局
2024年度农村供水保障项目支出绩效自评报告（虚构示例，仅供测试）
一、项目概况
本项目包括三个子项目，由县农业农村局组织实施。
二、项目资金使用情况
截至2024年12月31日，项目实际支出1,212.30万元，执行率95.46%，结余57.70万元，主要是管网延伸工程尾款未到支付节点。
其中水厂提标改造支出604.10万元，占项目实际支出的49.83%。
表1 农村供水保障项目资金使用情况（单位：万元）
子项目｜预算金额｜实际支出｜执行率
水厂提标改造｜620.00｜604.10｜97.44%
管网延伸工程｜480.00｜437.60｜91.17%
水质检测能力建设｜170.00｜170.60｜100.35%
合计｜1,270.00｜1,212.30｜95.46%
三、存在的问题
管网延伸工程部分标段因道路施工交叉，进度滞后。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "qinxi_water_2024.txt", REPORT)


def test_a_rows_own_figures_answer_for_its_item(assistant):
    answer = assistant.ask("管网延伸工程这个子项目预算多少、花了多少？")
    assert not answer.refused, answer.text
    assert "480.00万元" in answer.text and "437.60万元" in answer.text
    assert answer.all_figures_verified


def test_what_a_row_has_left_is_its_budget_less_its_spending(assistant):
    answer = assistant.ask("管网延伸工程还有多少钱没花出去？")
    assert not answer.refused, answer.text
    assert "42.40万元" in answer.text, answer.text  # 480.00 − 437.60, computed from the row, not the whole's 57.70


def test_the_reports_sentence_comes_before_the_total_row_stating_its_figure(assistant):
    answer = assistant.ask("农村供水保障项目实际花了多少？执行率？")
    assert not answer.refused, answer.text
    assert answer.text.startswith("截至2024年12月31日"), answer.text


def test_a_share_the_report_does_not_state_is_computed_over_the_total_row(assistant):
    answer = assistant.ask("管网延伸工程支出占项目支出总额的比例是多少？")
    assert not answer.refused, answer.text
    assert "36.10%" in answer.text and "1,212.30万元" in answer.text, answer.text  # 437.60 ÷ 1,212.30


def test_a_share_the_parts_own_sentence_states_is_quoted(assistant):
    answer = assistant.ask("水厂提标改造支出占比是多少？")
    assert not answer.refused, answer.text
    assert answer.text.startswith("其中水厂提标改造支出604.10万元，占项目实际支出的49.83%"), answer.text
