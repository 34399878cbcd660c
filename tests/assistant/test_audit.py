"""The arithmetic audit: planted inconsistencies found, consistent figures left alone, corpus checked."""

from pathlib import Path

import pytest

from assistant.audit import Verdict, audit_document, judge
from assistant.audit_answer import answer_from_audit, is_audit_question
from assistant.figure_table import extract_figures
from ingest.pipeline import parse_document
from ingest.settings import Settings
from tests.conftest import CORPUS_REPORT

# A fictional report in the corpus layout. Planted errors (recorded in PLANTED): a completion rate,
# an execution rate, a closure rate and a total. The rest is consistent, one rate is truncated,
# and some figures sit near each other without words that tie them (no check may be made there).
FICTIONAL = """广州市示例区教育局
2023 年部门整体支出绩效自评报告
一、基本情况
（一）主要工作成效
1.就业指标。截至 12 月 31 日，全区新增就业 12,000 人（任务数 10,000 人，完成率 120%）；
再就业 5,000 人（任务数 4,000 人，完成率 130%）；促进创业 3,378 人（任务数 3,100 人，完成率 108.96%）。
2.争议处理。共受理争议案件 1,000 宗，结案 990 宗（含 2022 年未结案件 10 件），结案率 98.02%。
另受理投诉 200 件，结案 150 件，结案率 80%。培训 690 人次，其中 200 人次获证，满意率 98%。
（二）部门整体收支情况
本年收入 1,500.00 万元。具体情况如下：财政拨款收入 1,400.00 万元，事业收入 100.00 万元。
本年支出 1,480.00 万元，具体情况如下：基本支出 900.00 万元，项目支出 600.00 万元。
二、绩效自评情况
（一）项目自评情况
1.学生资助资金。2023 年，预算安排 1,000 万元，支出 900 万元，执行率为 90%。自评得分 95 分。
2.校舍维修资金。2023 年，预算安排 500 万元，全年执行数为 450 万元，预算执行率为 95.00%。
"""
PLANTED = {"130%", "95.00%", "80%", "1,480.00万元"}


@pytest.fixture
def fictional(tmp_path: Path):
    path = tmp_path / "fictional.txt"
    path.write_text(FICTIONAL, encoding="utf-8")
    return parse_document(path, None, Settings())


def test_every_planted_inconsistency_is_found_and_nothing_else(fictional):
    checks = audit_document(fictional)
    flagged = {c.stated.text for c in checks if c.verdict is Verdict.INCONSISTENT}
    assert flagged == PLANTED
    assert checks[0].verdict is Verdict.INCONSISTENT  # inconsistent ones come first
    by_stated = {c.stated.text: c for c in checks}
    assert by_stated["120%"].verdict is Verdict.CONSISTENT
    assert by_stated["98.02%"].verdict is Verdict.CONSISTENT and "162" not in by_stated["98.02%"].formula
    assert by_stated["108.96%"].verdict is Verdict.ROUNDING
    assert by_stated["1,500.00万元"].verdict is Verdict.CONSISTENT
    assert by_stated["90%"].verdict is Verdict.CONSISTENT
    assert "98%" not in by_stated  # 满意率 is not tied to the figures around it


def test_each_check_names_its_words_formula_and_source_spans(fictional):
    check = next(c for c in audit_document(fictional) if c.stated.text == "130%")
    assert "“任务数”" in check.tied_by and "“完成率”" in check.tied_by
    assert check.formula == "完成率 = 5,000人 ÷ 4,000人"
    assert check.recomputed == pytest.approx(125.0) and check.difference == pytest.approx(5.0)
    raw = fictional.normalized.raw
    assert [raw[f.raw_start : f.raw_end] for f in check.sources] == ["5,000 人", "4,000 人"]


def test_corpus_report_every_rate_with_parts_is_checked():
    parsed = parse_document(CORPUS_REPORT, None, Settings())
    checks = audit_document(parsed)
    kinds = sorted(c.kind for c in checks)
    assert kinds == ["closure_rate"] + ["completion_rate"] * 5 + ["execution_rate"] * 2 + ["total"] * 2
    assert not [c for c in checks if c.verdict is Verdict.INCONSISTENT]
    rounding = {c.stated.text for c in checks if c.verdict is Verdict.ROUNDING}
    assert rounding == {"108.96%", "122%", "32,003.05万元", "32,002.85万元"}


def test_figure_table_rows_carry_label_unit_kind_and_span():
    parsed = parse_document(CORPUS_REPORT, None, Settings())
    figures = extract_figures(parsed)
    raw = parsed.normalized.raw
    target = next(f for f in figures if f.text == "10,500人")
    assert (target.kind, target.unit, target.value) == ("target", "人", 10500.0)
    assert target.label == "我区城镇新增就业 · 任务数" and target.page == 4
    spend = next(f for f in figures if f.text == "9,896.45万元")
    assert spend.kind == "amount" and spend.section.endswith("1.市就业补助资金")
    for figure in figures:
        assert raw[figure.raw_start : figure.raw_end].replace(" ", "").replace("\n", "") == figure.text
    assert not [f for f in figures if f.unit in ("年", "月", "日", "分钟")]


def test_judge_verdicts():
    assert judge(129, 129.34, 0) is Verdict.CONSISTENT
    assert judge(122, 122.6, 0) is Verdict.ROUNDING
    assert judge(130, 125, 0) is Verdict.INCONSISTENT


def test_audit_question_is_answered_from_the_audit_with_verified_citations(fictional):
    assert is_audit_question("这份报告的数字有没有对不上的？") and is_audit_question("执行率算得对吗？")
    answer = answer_from_audit("执行率算得对吗？", [(fictional, audit_document(fictional))])
    assert answer.text.startswith("发现与其组成部分对不上的数字")
    assert "不一致：预算执行率95.00%" in answer.text and "完成率" not in answer.text
    assert answer.citations and answer.all_figures_verified


def test_audit_question_in_chat(corpus_assistant):
    answer = corpus_assistant.ask("这份报告的数字有没有对不上的？")
    assert answer.text.startswith("未发现对不上的数字") and answer.all_figures_verified
    assert answer.citations[0].page_start is not None


def test_table_rows_and_total_row_are_checked(tmp_path: Path):
    from docx import Document

    document = Document()
    document.add_paragraph("广州市示例区测试局2023年部门整体支出绩效自评报告")
    document.add_heading("二、绩效自评情况", level=1)
    document.add_paragraph("表1 项目支出执行情况")
    rows = [
        ["项目名称", "预算数（万元）", "执行数（万元）", "执行率"],
        ["学生资助资金", "1,000.00", "900.00", "90.00%"],
        ["校舍维修", "500.00", "450.00", "95.00%"],  # planted: 90.00%
        ["合计", "1,500.00", "1,360.00", "90.00%"],  # planted: 执行数 sums to 1,350.00
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "table.docx"
    document.save(str(path))

    checks = audit_document(parse_document(path, None, Settings()))
    flagged = {(c.kind, c.stated.label) for c in checks if c.verdict is Verdict.INCONSISTENT}
    assert flagged == {
        ("table_rate", "校舍维修 · 执行率"),
        ("table_total", "合计 · 执行数"),
        ("table_rate", "合计 · 执行率"),
    }
    consistent = {(c.kind, c.stated.label) for c in checks if c.verdict is Verdict.CONSISTENT}
    assert {("table_rate", "学生资助资金 · 执行率"), ("table_total", "合计 · 预算数")} <= consistent


def test_consistency_questions_in_many_wordings_go_to_the_audit():
    for question in (
        "这个达成率算得对吗？",
        "分项加起来对得上吗？",
        "执行率对不对？",
        "合计数对吗",
        "各项之和等于合计吗？",
        "报告前后数字一致吗？",
        "Is the execution rate right?",
        "Do the items add up?",
        "check the totals",
    ):
        assert is_audit_question(question), question
    for question in ("设备购置和人才培训两块加起来实际花了多少？", "执行率是多少？", "项目资金用在哪些方面？"):
        assert not is_audit_question(question), question


def test_audit_answer_names_the_relations_asked_and_explains_uncertain_lists(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_text(
        "一、资金情况\n"
        "项目资金共计450万元，其中设备购置112万元，信息化运维86万元。\n"
        "全年水费收缴额856.4万元，较上年增加128.3万元（上年为736.1万元）。\n",
        encoding="utf-8",
    )
    parsed = parse_document(path, None, Settings())
    checks = audit_document(parsed)
    assert {c.kind: c.verdict for c in checks} == {"total": Verdict.UNCERTAIN, "change": Verdict.INCONSISTENT}
    answer = answer_from_audit("比上年增加的数算得对吗？", [(parsed, checks)])
    assert "不一致：" in answer.text and "待核" not in answer.text and answer.all_figures_verified
    answer = answer_from_audit("分项加起来对得上吗？", [(parsed, checks)])
    assert "待核：" in answer.text and "未说明已列全" not in answer.text and answer.all_figures_verified


# Phrasings beyond the blind cases (same relation, other words); True = one figure is wrong.
OTHER_PHRASINGS = [
    ("全年计划新建污水管网60公里，实际完成63公里，完成率为106%。", True),  # 105% exactly: no rounding excuse
    ("本项目预算资金为480万元，截至12月底已支付456万元，预算执行率为95%。", False),
    ("全年完成考核任务的单位有45家，占参评单位总数50家的92%。", True),
    ("2023年累计接诊患者12.4万人次，比2022年的11.2万人次增长10.71%。", False),
    ("项目资金由中央补助300万元、省级补助200万元和县级配套100万元三部分组成，合计620万元。", True),
    ("培训经费共计45万元，其中师资费18万元、场地费12万元。", False),  # a partial list: 待核, not an error
    ("按照每户每年300元的标准为1,500户低保家庭发放取暖补贴，共发放54万元。", True),
    ("上半年支出420万元，下半年支出580万元，全年合计支出1,000万元。", False),
    ("受理群众投诉1,250件，办结1,200件，办结率94%。", True),
    ("全市应参保人数85万人，实际参保81.6万人，参保率96%。", False),
    ("今年共发放助学金1,230人次，去年为1,100人次，增加230人次。", True),
    ("截至年底共建成充电桩860个。其中公共充电桩520个，专用充电桩360个。", True),  # parts exceed the total
    ("四个一级指标得分依次为18.5分、17分、34.5分和20分，合计91分。", True),
    ("项目总投资1.2亿元。其中2023年完成投资6,500万元，占总投资12,000万元的54.17%。", False),
    ("一季度支出300万元，二季度支出400万元，全年预算1,000万元。", False),  # a budget is not a sum of spending
    ("全市常住人口258,600人，其中城镇人口150,000人、农村人口100,000人。", False),  # partial: 待核
    ("全年接待游客120万人次，其中外地游客80万人次，占66.67%；本地游客40万人次，占33.33%。", False),
    ("全区有中小学校98所，其中小学60所、初中30所、高中5所、职校2所、特殊教育学校1所。", False),
    ("全年累计培训1,200人次，其中线上培训800人次，线下培训600人次，部分人员同时参加线上和线下培训。", False),
    ("2023年度“三公”经费支出18.6万元，比预算数22万元减少3.4万元，下降15.45%。", False),
    ("2023年度“三公”经费支出18.6万元，比预算数22万元减少3.4万元，下降17.45%。", True),
]


@pytest.mark.parametrize(("text", "wrong"), OTHER_PHRASINGS)
def test_other_phrasings(tmp_path: Path, text: str, wrong: bool):
    path = tmp_path / "case.txt"
    path.write_text(text, encoding="utf-8")
    checks = audit_document(parse_document(path, None, Settings()))
    assert any(c.verdict is Verdict.INCONSISTENT for c in checks) is wrong, [(c.formula, c.verdict) for c in checks]


def test_two_uncaptioned_tables_in_one_section_are_not_merged(tmp_path: Path):
    from docx import Document

    document = Document()
    document.add_paragraph("示例区测试局2023年部门整体支出绩效自评报告")
    document.add_heading("一、部门收支情况", level=1)
    for rows in (
        [["收入项目", "金额（万元）"], ["财政拨款收入", "900.00"], ["其他收入", "100.00"], ["合计", "1,000.00"]],
        [["支出项目", "金额（万元）"], ["基本支出", "600.00"], ["项目支出", "350.00"], ["合计", "950.00"]],
    ):
        table = document.add_table(rows=len(rows), cols=2)
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    path = tmp_path / "two_tables.docx"
    document.save(str(path))
    checks = [c for c in audit_document(parse_document(path, None, Settings())) if c.kind == "table_total"]
    assert sorted(c.stated.text for c in checks) == ["1,000.00万元", "950.00万元"]
    assert all(c.verdict is Verdict.CONSISTENT for c in checks)


def test_an_audit_answer_puts_what_the_question_names_first_and_states_the_gap(tmp_path: Path):
    path = tmp_path / "two_errors.txt"
    path.write_text(
        "一、资金情况\n"
        "全年受理申请2,000件，办结1,800件，办结率92.00%。\n"
        "农房抗震改造补助安排资金500.00万元，由中央300.00万元和省级200.00万元组成。\n"
        "乡村道路硬化工程预算1,200.00万元，由主路800.00万元、支路350.00万元和桥涵30.00万元三部分组成。\n",
        encoding="utf-8",
    )
    parsed = parse_document(path, None, Settings())
    checks = audit_document(parsed)
    answer = answer_from_audit("乡村道路硬化工程的数字对得上吗？", [(parsed, checks)])
    first = answer.text.splitlines()[1]
    assert first.startswith("不一致：") and "1,200.00万元" in first and "相差20.00万元" in first, answer.text
    answer = answer_from_audit("办结率92.00%算得对吗？", [(parsed, checks)])
    assert "92.00%" in answer.text.splitlines()[1] and "相差2.00个百分点" in answer.text, answer.text
    assert answer.all_figures_verified
