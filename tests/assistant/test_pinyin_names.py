"""Place names an English question spells in pinyin, read against the archive's own titles (names invented here)."""

from assistant.pinyin_names import in_chinese, leading_places, names_by_pinyin
from ingest.models import DocumentInfo

ARCHIVE = [
    DocumentInfo("a", "a.pdf", "临川市水务局2025年度部门整体支出绩效自评报告", department="临川市水务局"),
    DocumentInfo("b", "b.docx", "湖北省枣阳县乡村道路养护项目绩效自评报告", district="枣阳县"),
]


def test_a_pinyin_name_of_a_report_is_written_in_characters():
    names = names_by_pinyin(ARCHIVE)
    assert (
        in_chinese("How much did Linchuan spend on flood control?", names)
        == "How much did 临川 spend on flood control?"
    )
    assert in_chinese("Zaoyang's road maintenance budget", names) == "枣阳 road maintenance budget"
    assert in_chinese("Hubei Zaoyang county roads", names) == "湖北 枣阳 county roads"


def test_words_that_are_english_or_name_no_report_stay_as_asked():
    names = names_by_pinyin(ARCHIVE)
    question = "What was the total budget of Wuhan water affairs?"
    assert in_chinese(question, names) == question  # Wuhan titles no report; total, budget, water are English
    assert in_chinese("What did 临川 spend?", names) == "What did 临川 spend?"
    assert in_chinese("How much?", {}) == "How much?"


def test_the_place_each_report_opens_with():
    assert leading_places(ARCHIVE) == {"临川市", "临川", "湖北省", "湖北", "枣阳县", "枣阳"}
    assert leading_places([DocumentInfo("c", "c.txt", "2025年度区教育局部门整体支出绩效自评报告", "区教育局")]) == set()
