"""A question naming a district and a department ("东坪区农业农村局") is about that district's bureau: the
department's name alone fits every district's bureau of that name in an archive. In a few reports the district's
name in the passages found the right one anyway; in the 1,000-report benchmark the named district's report fell
out of what was retrieved and other districts' figures were given. On fictional reports written for this test.
"""

from __future__ import annotations

import pytest

from assistant.answer import ExtractiveAnswerer
from assistant.service import Assistant
from tests.conftest import settings_for

REPORT = """青川市{district}农业农村局
2024年度部门整体支出绩效自评报告（虚构示例，仅供测试）
一、部门基本情况
青川市{district}农业农村局负责全区农业生产、农村建设和农田水利工作。
二、预算执行情况
2024年本部门全年实际支出{spent}万元，预算执行率为{rate}。
三、自评结论
经综合评价，本部门2024年度自评得分{score}分。
"""


DISTRICTS = [
    ("dongping_agri_2024.txt", "东坪区", "3,412.60", "93.47%", "90.5"),
    ("xiling_agri_2024.txt", "西岭区", "2,876.15", "97.82%", "94.0"),
    ("nanhu_agri_2024.txt", "南湖区", "4,105.33", "95.10%", "92.5"),
    ("beishan_agri_2024.txt", "北山区", "1,958.72", "91.26%", "88.0"),
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("districts")
    for file_name, district, spent, rate, score in DISTRICTS:
        text = REPORT.format(district=district, spent=spent, rate=rate, score=score)
        (folder / file_name).write_text(text, encoding="utf-8")
    assistant = Assistant(settings_for(tmp_path_factory.mktemp("index")))
    report = assistant.sync_corpus(folder, progress=False)
    assert not report.failed and len(report.added) == len(DISTRICTS), report.summary()
    return assistant


@pytest.mark.parametrize(
    ("question", "figure", "other"),
    [
        ("西岭区农业农村局2024年部门整体支出预算执行率是多少？", "97.82%", "93.47%"),
        ("青川市东坪区农业农村局2024年部门整体自评得分多少？", "90.5分", "94.0分"),
        ("北山区农业农村局2024年全年实际支出多少？", "1,958.72万元", "4,105.33万元"),
    ],
)
def test_a_district_named_beside_a_department_chooses_that_district_s_report(assistant, question, figure, other):
    answer = assistant.ask(question)
    assert not answer.refused and figure in answer.text and other not in answer.text, answer.text


def test_the_question_s_scope_is_the_named_district_s_report_alone(assistant):
    answerer = ExtractiveAnswerer(assistant.index)
    frame = answerer.read("南湖区农业农村局2024年部门整体支出预算执行率是多少？")
    scope = answerer.scope(frame.scope, None)
    documents = assistant.index.documents()
    assert [documents[d].district for d in scope or []] == ["南湖区"], scope
