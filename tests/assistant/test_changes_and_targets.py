"""A value that moved ("由上年的88%提高到93%") is this year's at its new level, end to end on a fictional report
written for these tests: how much it rose, and how far the current value is above its target.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from ingest.facts import sentence_facts
from tests.conftest import assistant_on_report

REPORT = """石桥区图书馆
2025年度部门整体支出绩效自评报告（虚构示例，仅供测试）
一、部门基本情况
石桥区图书馆承担全区公共图书借阅、数字阅读推广和基层分馆业务指导工作。
二、年度绩效目标
年度目标：到馆读者不少于12.0万人次，读者满意率达到90%以上。
三、绩效目标完成情况
全年到馆读者由2024年的10.5万人次增加到13.2万人次，新增注册读者6,480人。
读者满意率由上年的88%提高到93%，数字资源访问量达到46.3万次。
四、预算执行情况
全年调整后预算862.40万元，实际支出835.18万元，预算执行率96.84%。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "shiqiao_library_2025.txt", REPORT)


def test_the_value_after_a_move_is_this_years():
    earlier, later = sentence_facts("读者满意率由上年的88%提高到93%，数字资源访问量达到46.3万次。")[:2]
    assert "上年" in earlier.qualifiers and "上年" not in later.qualifiers
    earlier, later = sentence_facts("全年到馆读者由2024年的10.5万人次增加到13.2万人次。")[:2]
    assert (earlier.year, later.year) == (2024, None)


def test_how_much_a_rate_rose_is_its_two_years_difference(assistant):
    answer = assistant.ask("读者满意率涨了多少？")
    assert not answer.refused and "93% − 88%" in answer.text.replace("[1]", ""), answer.text
    assert "5个百分点" in answer.text


@pytest.mark.parametrize("question", ["到馆读者比目标高了多少？", "到馆读者超过目标多少"])
def test_the_gap_to_target_uses_this_years_value(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and "1.2万人次" in answer.text, answer.text
    assert "10.5万人次[" not in answer.text  # last year's level is no operand
