"""A report audited from a Word document reads its tables as it reads the same report's text tables.

Each report below is written twice from one list of blocks: as TXT with ｜-separated table lines and as a real
.docx with Word tables (whose rows reach the audit as keyed rows, "表1 …｜项目：X，预算数：1.00。"). The same
planted error is found in both, and the same relations are checked with the same verdicts.
"""

from pathlib import Path

from docx import Document

from assistant.audit import AuditCheck, Verdict, audit_document
from ingest.pipeline import parse_document
from ingest.settings import Settings

Block = str | list[list[str]]  # a paragraph, or a table's rows (header first)

# A two-level table: 类别 and 项目 columns, a 小计 per group and a 合计 spanning both name columns.
# Planted: the 小计 of 实际支出 in the second group (410.00; its items add to 400.00).
GROUPED: list[Block] = [
    "桐岭县文化馆2024年部门整体支出绩效自评报告（虚构示例）",
    "一、预算执行情况",
    "全年预算1,100.00万元，实际支出980.00万元，预算执行率89.09%。",
    "表1 预算执行情况（单位：万元）",
    [
        ["类别", "项目", "预算数", "实际支出", "执行率"],
        ["基本支出", "人员经费", "500.00", "490.00", "98.00%"],
        ["基本支出", "公用经费", "100.00", "90.00", "90.00%"],
        ["基本支出", "小计", "600.00", "580.00", "96.67%"],
        ["项目支出", "展览策划", "300.00", "240.00", "80.00%"],
        ["项目支出", "非遗保护", "200.00", "160.00", "80.00%"],
        ["项目支出", "小计", "500.00", "410.00", "80.00%"],
        ["合计", "", "1,100.00", "980.00", "89.09%"],
    ],
    "二、绩效目标完成情况",
    "全年举办展览24场，惠及群众3.6万人次。",
]

# Group heading rows with no figures, a 序号 column, and a unit in a header. Planted: the 占比 of 边沟清淤 (12.00%;
# 75.00 of 750.00 is 10.00%).
HEADED: list[Block] = [
    "柘溪镇2024年农村道路养护资金绩效评价报告（虚构示例）",
    "一、资金使用情况",
    "表1 资金使用明细",
    [
        ["序号", "支出内容", "金额（万元）", "占比"],
        ["", "一、日常养护", "", ""],
        ["1", "路面保洁", "150.00", "20.00%"],
        ["2", "边沟清淤", "75.00", "12.00%"],
        ["", "二、专项维修", "", ""],
        ["3", "桥涵维修", "300.00", "40.00%"],
        ["4", "标线施划", "225.00", "30.00%"],
        ["", "合计", "750.00", "100.00%"],
    ],
    "全年养护资金共支出750.00万元，其中路面保洁150.00万元。",
]


def _write_txt(blocks: list[Block], path: Path) -> Path:
    lines = []
    for block in blocks:
        lines += ["｜".join(row) for row in block] if isinstance(block, list) else [block]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_docx(blocks: list[Block], path: Path) -> Path:
    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.save(path)
    return path


def _audit(path: Path) -> list[AuditCheck]:
    return audit_document(parse_document(path, None, Settings()))


def _summary(checks: list[AuditCheck], verdict: Verdict) -> set[tuple[str, float, tuple[float, ...]]]:
    """(kind, checked value, operand values) of the checks with a verdict: comparable across the two forms."""
    return {(c.kind, c.stated.value, tuple(sorted(s.value for s in c.sources))) for c in checks if c.verdict is verdict}


def _assert_only_planted(checks: list[AuditCheck], planted: str) -> None:
    """The planted figure is checked and found wrong, and every 不一致 involves it (no false alarm)."""
    wrong = [c for c in checks if c.verdict is Verdict.INCONSISTENT]
    assert any(c.stated.text == planted for c in wrong), [(c.stated.text, c.formula) for c in checks]
    assert all(planted in {f.text for f in (c.stated, *c.sources)} for c in wrong), [c.formula for c in wrong]


def _both(blocks: list[Block], tmp_path: Path) -> tuple[list[AuditCheck], list[AuditCheck]]:
    return _audit(_write_txt(blocks, tmp_path / "report.txt")), _audit(_write_docx(blocks, tmp_path / "report.docx"))


def test_grouped_table_subtotal_error_found_alike(tmp_path: Path) -> None:
    txt, docx = _both(GROUPED, tmp_path)
    for checks in (txt, docx):
        _assert_only_planted(checks, "410.00万元")
    assert _summary(docx, Verdict.INCONSISTENT) == _summary(txt, Verdict.INCONSISTENT)


def test_grouped_table_consistent_relations_alike(tmp_path: Path) -> None:
    txt, docx = _both(GROUPED, tmp_path)
    consistent = _summary(txt, Verdict.CONSISTENT)
    assert any(kind == "table_total" for kind, _, _ in consistent)  # the 小计 of the first group
    assert _summary(docx, Verdict.CONSISTENT) == consistent


def test_headed_table_share_error_found_alike(tmp_path: Path) -> None:
    txt, docx = _both(HEADED, tmp_path)
    for checks in (txt, docx):
        _assert_only_planted(checks, "12.00%")
    assert _summary(docx, Verdict.CONSISTENT) == _summary(txt, Verdict.CONSISTENT)
