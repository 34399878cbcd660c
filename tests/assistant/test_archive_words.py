"""Questions read with the archive's own words, end to end on a short fictional report written for these tests:
place names spelled in pinyin, short forms of the report's terms, counts of what a question names, and
table cells whose unit is in the table's caption.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from tests.conftest import assistant_on_report

REPORT = """临川县水利局
2025年度农村饮水安全巩固提升项目支出绩效自评报告（虚构示例，仅供测试）
一、项目基本情况
（一）项目概况
项目覆盖全县11个乡镇，新建和改造集中供水工程，并在水源地开展水土保持综合治理。
（二）资金安排
项目调整后全年预算3,600.00万元，全年实际支出3,420.00万元，预算执行率95.00%。
二、资金使用情况
表1 2025年度子项目支出情况（单位：万元）｜序号：1，子项目：集中供水工程改造，\
全年预算：2,800.00，实际支出：2,716.00，执行率：97.00%。
表1 2025年度子项目支出情况（单位：万元）｜序号：2，子项目：水土保持综合治理，\
全年预算：800.00，实际支出：704.00，执行率：88.00%。
三、绩效目标完成情况
全年改造集中供水工程26处，完成年度目标。
全年抽检水样1,240份，水质合格率96.5%。
全年受理群众饮水问题投诉58件，均已办结。
年度目标为开展防汛应急宣传培训不少于40场次，培训后群众防汛知识知晓率不低于90%。
全年开展各类宣传培训46场次，培训后知晓率为93.2%。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_on_report(tmp_path_factory, "linchuan_water_2025.txt", REPORT)


def test_a_count_of_what_the_question_names(assistant):
    answer = assistant.ask("去年受理了多少起群众投诉？")
    assert not answer.refused and "58件" in answer.text
    answer = assistant.ask("How many water samples did Linchuan test in 2025?")
    assert not answer.refused and "1,240份" in answer.text


def test_a_table_cell_takes_its_unit_from_the_caption(assistant):
    answer = assistant.ask("水土保持综合治理实际花了多少钱？")
    assert not answer.refused and "704.00" in answer.text
    assert all(check.verified for check in answer.figure_checks)


def test_a_short_form_of_the_reports_term(assistant):
    answer = assistant.ask("水保治理实际花了多少？")  # 水保: 水土保持, as people shorten it
    assert not answer.refused and "704.00" in answer.text


def test_a_whole_is_not_answered_by_one_row_of_a_table(assistant):
    answer = assistant.ask("这个项目全年实际支出多少？")
    assert not answer.refused and "3,420.00万元" in answer.text and "2,716.00" not in answer.text


def test_a_computation_from_table_cells_is_verified_with_the_captions_unit(assistant):
    answer = assistant.ask("水土保持综合治理还剩多少钱没花？")
    computed = [c for c in answer.figure_checks if c.computed]
    assert computed and computed[0].figure == "96.00万元" and computed[0].verified, answer.text


def test_two_named_parts_asked_together_are_summed(assistant):
    answer = assistant.ask("集中供水工程改造跟水土保持综合治理两块一共花了多少？")
    computed = [c for c in answer.figure_checks if c.computed]
    assert computed and computed[0].figure == "3,420.00万元" and computed[0].verified, answer.text
    assert "2,716.00[1] + 704.00[" in answer.text


@pytest.fixture(scope="module")
def two_counties(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    other = REPORT.replace("临川", "东阳").replace("3,420.00", "3,150.00")
    assistant = assistant_on_report(tmp_path_factory, "linchuan_water_2025.txt", REPORT)
    folder = tmp_path_factory.mktemp("second-county")
    (folder / "dongyang_water_2025.txt").write_text(other, encoding="utf-8")
    report = assistant.sync_corpus(folder, progress=False)
    assert report.added, report.summary()
    return assistant


def test_a_place_the_archive_holds_narrows_the_question_to_its_reports(two_counties):
    answer = two_counties.ask("东阳农村饮水项目全年实际支出多少？")
    assert not answer.refused and not answer.notice and "3,150.00万元" in answer.text, answer.text
    assert "3,420.00" not in answer.text


def test_what_was_done_not_what_was_planned(assistant):
    answer = assistant.ask("防汛宣传培训搞了多少场次 知晓率多少")  # only the target sentence says 防汛
    assert "46场次" in answer.text and "93.2%" in answer.text and "不少于40场次" not in answer.text, answer.text
