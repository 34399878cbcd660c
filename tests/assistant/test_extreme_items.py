""""哪个…最高/最低" and "which … the most": the item of the extreme value answers first, with the items it was
compared with, end to end on a fictional report written for these tests."""

from __future__ import annotations

import pytest

from assistant.frame import read_frame
from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """禾川区文化广电旅游体育局
2024年度公共文化服务提升项目支出绩效自评报告（虚构示例，仅供测试）
一、项目概况
本项目包括四个子项目，年度预算合计860.00万元。
二、项目资金使用情况
表1 2024年度子项目预算执行情况（单位：万元）
子项目｜年度预算｜实际支出｜执行率
图书馆数字资源采购｜210.00｜201.60｜96.00%
乡镇综合文化站设备更新｜320.00｜262.40｜82.00%
群众文化活动补助｜180.00｜176.40｜98.00%
非遗传承人补助｜150.00｜138.00｜92.00%
合计｜860.00｜778.40｜90.51%
三、存在的问题
乡镇综合文化站设备更新子项目因设备招标两次流标，到货验收推迟至2025年1月。
"""

REPORT_SAYING_IT = REPORT + "从上表看，乡镇综合文化站设备更新子项目执行率最低，为82.00%，其余均在90%以上。\n"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "hechuan_culture_2024.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "extreme"),
    [
        ("哪个子项目执行率最低？", "min"),
        ("四个子项目里哪个花钱最多", "max"),
        ("Which sub-project had the worst execution rate?", "min"),
        ("最多能拿多少补助？", None),  # no item is asked for
        ("哪家执行率最低、得分最高？", None),  # two extremes: asked item by item
    ],
)
def test_an_extreme_is_read_only_where_an_item_is_asked_for(question, extreme):
    assert read_frame(question).extreme == extreme


def _quoted(answer_text: str, *figures: str) -> list[int]:
    return [answer_text.find(f) for f in figures]


def test_the_lowest_rate_comes_first(assistant):
    answer = assistant.ask("禾川文化项目哪个子项目执行率最低？")
    assert not answer.refused, answer.text
    lowest, others = _quoted(answer.text, "82.00%", "96.00%")
    assert 0 <= lowest < others, answer.text  # every row is read; the lowest is quoted first


def test_the_largest_amount_comes_first_and_the_total_is_no_item(assistant):
    answer = assistant.ask("Which sub-project of the Hechuan culture project spent the most?")
    assert not answer.refused, answer.text
    assert answer.text.find("图书馆数字资源采购") < answer.text.find("群众文化活动补助"), answer.text
    assert not answer.text.startswith("合计") and "778.40" not in answer.text.split("[1]")[0], answer.text


def test_the_reports_own_words_for_the_extreme_come_first(tmp_path_factory):
    assistant = assistant_on_report(tmp_path_factory, "hechuan_culture_2024.txt", REPORT_SAYING_IT)
    answer = assistant.ask("禾川文化项目哪个子项目执行率最低？")
    assert answer.text.startswith("从上表看，乡镇综合文化站设备更新子项目执行率最低"), answer.text
