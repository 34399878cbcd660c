"""Follow-up questions: relative years move from the year last named; a model's rewrite keeps the report."""

from assistant.conversation import carry_subject, keeps_the_report


def test_last_year_moves_back_from_the_year_asked_before():
    rewritten = carry_subject("去年呢？", "2024年水务局项目支出是多少？")
    assert "2023年" in rewritten and "2024" not in rewritten and "项目支出" in rewritten
    assert "2022年" in carry_subject("那前年呢？", "2024年水务局项目支出是多少？")


def test_a_follow_up_keeps_the_subject():
    assert carry_subject("那执行率呢？", "河道整治专项预算安排多少？") == "河道整治专项预算安排 执行率"


def test_a_model_rewrite_must_keep_year_and_department():
    expected = carry_subject("去年呢？", "2024年水务局项目支出是多少？")
    assert keeps_the_report("2023年水务局项目支出是多少？", expected)
    assert not keeps_the_report("2024年水务局项目支出是多少？", expected)  # the year did not move
    assert not keeps_the_report("2023年交通局项目支出是多少？", expected)  # another department
