"""Figure facts and the one number parser, on sentences written for these tests (no sample report)."""

from decimal import Decimal

from ingest.facts import section_subject, sentence_facts
from ingest.numbers import format_number, parse_number, parse_quantity, within_last_digit


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
