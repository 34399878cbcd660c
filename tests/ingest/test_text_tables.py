"""Tables typed as text in a TXT report become row sentences that name each cell's column, as Word and PDF
tables do, and each still cites the row as the file has it."""

from __future__ import annotations

from ingest.normalize import normalize_document

PIPES = """二、资金使用情况
表2 2025年度分项资金使用情况
分项｜安排资金（万元）｜实际支出（万元）｜执行率
校舍维修｜420.00｜401.10｜95.50%
课桌椅更新 | 96.00 | 80.64 | 84.00%
合计｜516.00｜481.74｜93.36%
三、存在的问题
"""


def _paragraphs(text: str) -> list[str]:
    normalized = normalize_document(text)
    return [normalized.text[a:b] for a, b in normalized.paragraphs]


def test_each_row_names_its_columns_and_carries_the_caption():
    paragraphs = _paragraphs(PIPES)
    rows = [p for p in paragraphs if p.startswith("表22025")]
    assert rows == [
        "表22025年度分项资金使用情况｜分项：校舍维修，安排资金：420.00万元，实际支出：401.10万元，执行率：95.50%。",
        "表22025年度分项资金使用情况｜分项：课桌椅更新，安排资金：96.00万元，实际支出：80.64万元，执行率：84.00%。",
        "表22025年度分项资金使用情况｜分项：合计，安排资金：516.00万元，实际支出：481.74万元，执行率：93.36%。",
    ]
    assert "分项｜安排资金（万元）｜实际支出（万元）｜执行率" not in paragraphs  # read into the rows
    assert "三、存在的问题" in paragraphs


def test_a_row_sentence_cites_the_row_as_the_file_has_it():
    normalized = normalize_document(PIPES)
    start = normalized.text.index("表22025年度分项资金使用情况｜分项：课桌椅更新")
    end = normalized.text.index("\n", start)
    raw_start, raw_end = normalized.raw_span(start, end)
    assert PIPES[raw_start:raw_end] == "课桌椅更新 | 96.00 | 80.64 | 84.00%"
    figure = normalized.text.index("80.64", start)
    assert PIPES[normalized.raw_span(figure, figure + 5)[0] :].startswith("80.64")


def test_markdown_and_tab_tables_without_a_caption():
    markdown = "| 指标 | 目标值 | 实际值 |\n|---|---|---|\n| 群众满意度 | 90% | 92.4% |\n"
    assert _paragraphs(markdown) == ["表格｜指标：群众满意度，目标值：90%，实际值：92.4%。"]
    tabs = "指标\t目标值\t实际值\n受理时限\t15天\t12天\n"
    assert _paragraphs(tabs) == ["表格｜指标：受理时限，目标值：15天，实际值：12天。"]


def test_lines_that_are_no_table_stay_as_they_are():
    prose = "执行率按“实际支出|调整后预算”计算。\n全年支出120.00万元。\n"
    assert _paragraphs(prose) == ["执行率按“实际支出|调整后预算”计算。", "全年支出120.00万元。"]
    # a first row of figures names no columns: the lines are left as written
    numbers = "2023｜2024｜2025\n120｜135｜150\n"
    assert _paragraphs(numbers) == ["2023｜2024｜2025", "120｜135｜150"]


def test_bare_amounts_and_scores_take_the_unit_the_caption_or_column_states():
    text = "表3 资金与得分（单位：万元）\n序号｜项目｜预算｜实际支出｜得分\n1｜田间道路｜85.00｜80.75｜9.5\n"
    row = "表3资金与得分（单位：万元）｜序号：1，项目：田间道路，预算：85.00万元，实际支出：80.75万元，得分：9.5分。"
    assert _paragraphs(text)[-1] == row


def test_a_table_with_a_column_of_unknown_kind_keeps_its_amounts_as_written():
    # "户数" is no amount: read in the caption's 万元 it would be wrong, so no bare number takes the caption's unit
    text = "表3 资金与户数（单位：万元）\n项目｜预算｜户数\n田间道路｜85.00｜120\n"
    assert _paragraphs(text)[-1] == "表3资金与户数（单位：万元）｜项目：田间道路，预算：85.00，户数：120。"
