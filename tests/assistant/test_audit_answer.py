"""Consistency questions in everyday wordings are answered from the audit, with the relation asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit import audit_document
from assistant.audit_answer import answer_from_audit, asked_kinds, is_audit_question
from ingest.pipeline import parse_document
from ingest.settings import Settings

ASKED = [
    ("这个达成率算得对吗？", {"completion_rate"}),
    ("分项加起来对得上吗？", {"total"}),
    ("四个季度的支出加起来和全年数核得上吗", {"periods"}),
    ("满意度的计算有误吗", {"rate"}),
    ("前后两处写的实际支出一样吗？", {"repeat"}),
    ("人均补助乘以人数跟发放总额对应吗", {"per_head"}),
    ("年末结余和预算、支出平不平？", {"balance"}),
    ("占比有没有算错", {"share"}),
]


@pytest.mark.parametrize(("question", "kinds"), ASKED)
def test_consistency_questions_name_their_relation(question: str, kinds: set[str]) -> None:
    assert is_audit_question(question)
    assert kinds <= asked_kinds(question)


@pytest.mark.parametrize("question", ["四个季度一共支出了多少？", "满意度是多少", "年末结余多少万元？"])
def test_questions_for_a_figure_are_not_audit_questions(question: str) -> None:
    assert not is_audit_question(question)


def test_answer_quotes_the_slip_with_its_citation(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "某县2024年度项目绩效自评报告\n一、资金情况\n全年支出合计1,600.00万元。\n"
        "分季度看，一季度支出320.00万元，二季度支出410.00万元，三季度支出380.00万元，四季度支出590.00万元。\n",
        encoding="utf-8",
    )
    parsed = parse_document(path, None, Settings())
    answer = answer_from_audit("四个季度的支出加起来和全年数核得上吗", [(parsed, audit_document(parsed))])
    assert "不一致：" in answer.text and "590.00万元" in answer.text
    assert answer.citations and "590.00万元" in answer.citations[0].passage
    assert answer.all_figures_verified


def test_table_cells_are_quoted_as_the_table_writes_them(tmp_path: Path) -> None:
    # a caption naming two units: the audit reads the money column in 万元, the indexed rows keep the cells bare;
    # the answer quotes them as the table writes them, so every quoted figure stands verbatim in the cited rows
    path = tmp_path / "report.txt"
    path.write_text(
        "某县2024年度一事一议奖补资金绩效评价报告\n一、资金情况\n表1 奖补项目（单位：个、万元）\n"
        "类别｜项目数｜奖补资金\n村道｜12｜806.40\n水渠｜8｜1,102.35\n合计｜20｜1,908.75\n",
        encoding="utf-8",
    )
    parsed = parse_document(path, None, Settings())
    answer = answer_from_audit("奖补资金合计对得上吗？", [(parsed, audit_document(parsed))])
    assert "806.40 + 1,102.35" in answer.text and "806.40万元" not in answer.text, answer.text
    assert answer.all_figures_verified
