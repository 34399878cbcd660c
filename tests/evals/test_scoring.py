"""How the eval scores an answer: a citation of another report's year is a wrong document, unless that year is
only the base the question compares with."""

from assistant.answer_types import Answer, Citation
from evals.runner import cites_wrong_document
from ingest.models import DocumentInfo

DOCUMENTS = {"d": DocumentInfo(doc_id="d", source="r.txt", title="报告", department="示例局", year=2024)}


def _cited(passage: str) -> Answer:
    citation = Citation(1, "d", "报告", "r.txt", "", None, None, 0, len(passage), passage, passage)
    return Answer("q", passage + "[1]", False, [citation], [])


def test_a_year_named_as_the_base_of_a_comparison_is_not_the_year_asked():
    answer = _cited("本项目2024年度自评得分为94.7分。")
    assert cites_wrong_document("示例项目自评分比23年高了几分？", answer, DOCUMENTS) is None
    assert cites_wrong_document("How far did the score rise over 2023?", answer, DOCUMENTS) is None


def test_a_year_asked_about_is_checked_against_the_cited_report():
    answer = _cited("本项目2024年度自评得分为94.7分。")
    assert cites_wrong_document("示例项目2023年自评得分多少？", answer, DOCUMENTS) is True
    assert cites_wrong_document("示例项目2024年比上年高了几分？", answer, DOCUMENTS) is False
    assert cites_wrong_document("示例项目2022年和2023年得分各多少？", answer, DOCUMENTS) is True
    assert cites_wrong_document("示例项目跟2023年比高了几分？", answer, DOCUMENTS) is None


def test_a_department_named_in_traditional_characters_is_the_cited_reports():
    documents = {"d": DocumentInfo(doc_id="d", source="r.txt", title="报告", department="岚溪市卫生健康局", year=2024)}
    answer = _cited("2024年会议费支出3.85万元。")
    assert cites_wrong_document("嵐溪市衛生健康局2024年會議費花了多少？", answer, documents) is False
    assert cites_wrong_document("嵐溪市教育局2024年會議費花了多少？", answer, documents) is True
