"""Figure facts and the one number parser, on sentences written for these tests (no sample report)."""

from decimal import Decimal

from ingest.facts import section_subject, sentence_facts
from ingest.numbers import format_number, parse_number, parse_quantity, within_last_digit
from ingest.tables import table_rows_as_text


def test_numbers_are_exact_and_read_in_any_form():
    assert parse_number("1,234.50") == Decimal("1234.50")
    assert parse_number("十二") == Decimal(12)
    quantity = parse_quantity("1.2亿元")
    assert quantity.unit == "亿元" and quantity.in_yuan == Decimal("120000000")
    assert parse_quantity("12,000.00万元").comparable() == quantity.comparable()
    assert parse_quantity("92.50%").decimals == 2
    assert format_number(Decimal("18630"), 2) == "18,630.00"
    assert within_last_digit(parse_quantity("108.96%"), Decimal("108.968"))
    assert not within_last_digit(parse_quantity("116.50%"), Decimal("115.50"))


def test_each_figure_knows_its_metric_qualifier_and_year():
    facts = sentence_facts("2025年调整后预算为860.00万元，当年实际支付812.40万元，资金执行率94.47%。")
    by_text = {f.text: f for f in facts}
    assert by_text["860.00万元"].metric == "预算" and "调整后" in by_text["860.00万元"].qualifiers
    assert by_text["860.00万元"].year == 2025
    assert by_text["812.40万元"].metric == "支出"
    assert by_text["94.47%"].metric == "执行率"


def test_any_stated_rate_is_its_own_metric():
    facts = sentence_facts("全年检测样本3,200份，合格率98.60%，群众满意率为93.2%。")
    metrics = {f.text: f.metric for f in facts}
    assert metrics["98.60%"] == "合格率" and metrics["93.2%"] == "满意度"


def test_targets_and_last_year_are_qualifiers():
    facts = sentence_facts("病媒监测点位：年度指标值为120个，实际完成值为126个。")
    assert [sorted(f.qualifiers) for f in facts] == [["目标"], ["实际"]]
    prior = sentence_facts("本年支出比上年的4,102.33万元减少210.50万元。")[0]
    assert "上年" in prior.qualifiers


def test_a_named_project_section_is_the_subject():
    path = ("二、项目情况", "（一）项目绩效", "3.农村饮水安全巩固提升工程")
    assert section_subject(path) == "农村饮水安全巩固提升工程"
    assert section_subject(("一、部门基本情况", "（二）部门收支情况")) == ""
    assert section_subject(("四、存在的问题", "（一）项目管理")) == ""


def test_bare_table_cells_take_the_unit_of_their_caption_or_header():
    row = (
        "表5 2025年度子项目支出情况（单位：万元）｜序号：3，子项目：河道清淤，"
        "全年预算：1,250.00，实际支出：1,187.50，执行率：95.00%。"
    )
    facts = {f.label: f for f in sentence_facts(row)}
    assert facts["河道清淤 · 全年预算"].quantity == parse_quantity("1,250.00万元")
    assert facts["河道清淤 · 实际支出"].metric == "支出" and facts["河道清淤 · 实际支出"].text == "1,187.50"
    assert not any("序号" in label for label in facts)  # a row number is no amount
    header_row = "表2 各街道发放情况｜街道：东湖街道，发放金额（元）：86,400，受助户数：72户。"
    facts = {f.label: f for f in sentence_facts(header_row)}
    assert facts["东湖街道 · 发放金额"].quantity.unit == "元" and facts["东湖街道 · 受助户数"].quantity.unit == "户"
    scores = {f.label: f for f in sentence_facts("表3 评分表｜一级指标：效益，分值：30，得分：27.5。")}
    assert scores["效益 · 得分"].quantity.unit == "分"


def test_a_table_row_is_named_by_its_most_specific_name_column():
    row = (
        "表4 绩效指标｜一级指标：产出，二级指标：质量指标，三级指标：验收合格率，"
        "指标值：≥95%，实际值：97.20%，得分：8。"
    )

    labels = [f.label for f in sentence_facts(row)]
    assert labels == ["验收合格率 · 实际值", "验收合格率 · 得分"]


def test_a_total_row_spanning_two_columns_keeps_its_figures_under_their_headers():
    rows = [
        ["序号", "工程名称", "预算", "支出", "执行率"],
        ["1", "堤防加固", "420.00", "401.10", "95.50%"],
        ["2", "泵站更新", "180.00", "171.00", "95.00%"],
        ["合计", "600.00", "572.10", "95.35%", ""],  # as a PDF gives a row whose first cell spans two columns
    ]
    total = table_rows_as_text(rows, "表2 工程支出（单位：万元）")[-1]
    assert total == "表2 工程支出（单位：万元）｜序号：合计，预算：600.00万元，支出：572.10万元，执行率：95.35%。"
    assert [f.label for f in sentence_facts(total)] == ["合计 · 预算", "合计 · 支出", "合计 · 执行率"]
