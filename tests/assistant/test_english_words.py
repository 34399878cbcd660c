"""An English question's words that the glossary lacks are judged by the archive: a word some report writes in
Chinese (by the English-Chinese dictionary) or a common English word lets the question reach the passages; a word
with no Chinese sense in the archive may name just what the reports lack, and the question is refused. On a
fictional report written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.english_words import chinese_senses, written_in_archive
from assistant.service import Assistant
from ingest.lexical import LexicalIndex
from ingest.tokenize import tokenize
from tests.conftest import assistant_on_report

REPORT = """澄岭区文化广电旅游体育局
2024年度部门整体支出绩效自评报告（虚构示例，仅供测试）
一、部门基本情况
澄岭区文化广电旅游体育局负责全区文物保护、公共文化服务、旅游市场监管和群众体育工作。
二、预算执行情况
2024年本部门全年实际支出2,846.30万元，预算执行率为94.18%。
三、绩效目标完成情况
全年修缮革命纪念馆3处，完成馆藏雕塑修复26件。
全区A级景区全年接待游客318.5万人次，比上年增长7.2%。
区图书馆全年新增图书4.2万册，举办公益讲座58场。
四、自评结论
经综合评价，本部门2024年度自评得分91.6分。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "chengling_culture_2024.txt", REPORT)


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    sentences = [line for line in REPORT.splitlines() if line]
    return LexicalIndex.build(
        [f"c{i}" for i in range(len(sentences))], ["d"] * len(sentences), [tokenize(s) for s in sentences], "test"
    )


def test_an_english_word_reads_as_its_chinese_senses_through_its_base_form():
    assert "纪念馆" in chinese_senses("memorials")
    assert "雕塑" in chinese_senses("sculptures")
    assert chinese_senses("zorblax") == ()


@pytest.mark.parametrize("word", ["memorials", "sculptures", "visitors", "three", "didn't", "refurbish"])
def test_a_word_the_archive_writes_in_chinese_a_common_word_or_no_noun_is_written(lexical, word):
    assert written_in_archive(word, lexical)


# "public-welfare": public is common, but welfare (福利) is not in this report.
@pytest.mark.parametrize("word", ["lighthouses", "vaccination", "zorblax", "drone-survey", "public-welfare"])
def test_a_word_with_no_chinese_sense_in_the_archive_is_not_written(lexical, word):
    assert not written_in_archive(word, lexical)


def test_an_english_question_whose_words_the_report_writes_in_chinese_is_answered(assistant):
    answer = assistant.ask("How many memorials did the Chengling culture bureau refurbish in 2024?")
    assert not answer.refused and "3处" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "How many lighthouses did the Chengling culture bureau refurbish in 2024?",
        "How many vaccination doses did the Chengling culture bureau give in 2024?",
    ],
)
def test_an_english_question_about_what_the_report_lacks_is_refused(assistant, question):
    assert assistant.ask(question).refused
