"""A rate asked with the words that say what it is a rate of ("验收合格率", "药品抽检合格率") is answered only by a
sentence that names them; a rate of something else is a near miss, refused with the nearest passage. Fictional
report written for these tests.
"""

from __future__ import annotations

import pytest

from assistant.frame import read_frame
from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """岚桥县农业农村局
2025年度部门整体支出绩效自评报告（虚构示例，仅供测试）
一、部门基本情况
岚桥县农业农村局负责全县农产品质量安全监管、农田建设和农村人居环境整治工作。
二、绩效目标完成情况
（一）农产品质量安全
全年完成蔬菜农药残留定量检测2,340批次，检测合格率98.72%。
（二）农田建设
新建高标准农田1.80万亩，工程中期评估通过率94.50%。
（三）服务满意度
对种植户开展问卷调查，种植户满意率96.30%。
（四）农村饮水监测
全年抽检农村饮用水水样186份。
水样达标率95.70%，较上年提高1.2个百分点。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "lanqiao_agri_2025.txt", REPORT)


def test_the_words_before_a_rate_are_what_it_is_of():
    assert read_frame("畜产品兽药残留检测合格率是多少？").rate_names == ("检测", "残留", "兽药")
    assert read_frame("工程竣工验收通过率多少").rate_names[:1] == ("验收",)
    assert read_frame("岚桥农业农村局项目执行率").rate_names == ()  # 项目 says whose, not what of


@pytest.mark.parametrize("question", ["畜产品兽药残留检测合格率是多少？", "高标准农田竣工验收通过率多少"])
def test_a_rate_of_something_the_report_does_not_measure_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused, answer.text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("蔬菜农药残留检测合格率是多少？", "98.72%"),
        ("高标准农田中期评估通过率多少", "94.50%"),
        ("种植户满意率", "96.30%"),
        ("农村饮用水水样达标率是多少", "95.70%"),  # what the rate is of stands in the sentence before it
        ("农田建设项目中期评估通过率多少", "94.50%"),  # jieba's one word 建设项目 names 建设, not a 项目
    ],
)
def test_a_rate_named_as_the_report_names_it_is_answered(assistant, question, figure):
    answer = assistant.ask(question)
    assert not answer.refused and figure in answer.text, answer.text
