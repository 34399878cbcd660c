"""Phrasing families the twenty-first blind set exposed, in wording of our own. False alarms: an average "按N名…
折合人均" read over the amount of the next "；" item instead of the amount it is worked out of, and a share in the
item after a "；" read over a whole the item before broke down with "其中" (a sibling is no part of it).
Misses: an average per unit over a count written "N万" + a measure word the parser does not know ("2.4万幅"),
one source's arrival rate read over another source's figure that merely shares words ("市级补助…", "区级补助…"),
satisfied levels the rate names as included ("满意度（含基本满意）"), a share of a measure's total ("占实际支出
总额的") stated in prose before a table that stands between them, and bare shares ("约占", "所占比重为") in a paragraph
that opens a breakdown ("从支出结构看，") of the total the paragraph before states."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

HEAD = "示例市{dept}2024年度绩效自评报告\n一、执行情况\n"


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- false alarms ----------------------------------------------------------------------------------------------

RECKONED_AVERAGE = HEAD.format(dept="图书馆") + (
    "从经费构成看，工资福利支出760.00万元，占全部支出的61.29%，其中在职人员工资612.50万元，"
    "按35名在职职工折合人均{avg}；商品和服务支出480.00万元，主要用于场馆运行。\n"
)


def test_an_average_worked_out_by_an_is_of_the_amount_before_it(tmp_path: Path) -> None:
    text = RECKONED_AVERAGE.format(avg="17.50万元")
    assert not inconsistent(audit_text(tmp_path, text))
    assert any("612.50万元 ÷ 35名" in f for f in _consistent(tmp_path, text, "17.50万元"))


def test_a_slipped_average_worked_out_by_an_is_found_over_its_own_amount(tmp_path: Path) -> None:
    found = _found(tmp_path, RECKONED_AVERAGE.format(avg="19.50万元"), "19.50万元")
    assert found and all("612.50万元" in f for f, _ in found)


AVERAGE_BEFORE_SEMICOLON = HEAD.format(dept="文化馆") + (
    "本馆在职职工42人，工资福利支出596.40万元，人均14.20万元；公用经费支出310.00万元，用于场馆维护和活动组织。\n"
)


def test_an_amount_after_a_semicolon_is_not_what_an_average_before_it_divides(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, AVERAGE_BEFORE_SEMICOLON)
    assert not inconsistent(checks)


SIBLING_AFTER_AMONG = HEAD.format(dept="卫健委") + (
    "全年支出合计2,000.00万元。分类别看，工资福利支出1,200.00万元，占总支出的60.00%，其中绩效工资300.00万元；"
    "商品和服务支出800.00万元，所占比重为{share}。\n"
)


def test_a_share_after_a_semicolon_is_not_of_the_whole_the_item_before_broke_down(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, SIBLING_AFTER_AMONG.format(share="40.00%"))
    assert not inconsistent(checks)
    assert not [c for c in checks_on(checks, "40.00%") if "1,200.00万元" in c.formula]


# ---- misses ------------------------------------------------------------------------------------------------------

COUNT_IN_WAN = HEAD.format(dept="档案局") + (
    "全年完成馆藏老照片扫描2.40万幅，质量抽检全部合格；以扫描外包支出96.00万元计，每幅平均扫描费用为{cost}。\n"
)


def test_an_average_over_a_count_in_wan_with_its_own_measure_word(tmp_path: Path) -> None:
    assert any("2.40万幅" in f for f in _consistent(tmp_path, COUNT_IN_WAN.format(cost="40.00元"), "40.00元"))
    found = _found(tmp_path, COUNT_IN_WAN.format(cost="42.00元"), "42.00元")
    assert found and "96.00万元 ÷ 2.40万幅" in found[0][0]


SOURCES_SHARING_WORDS = HEAD.format(dept="水利局") + (
    "项目计划总投资1,500.00万元，实际到位1,410.00万元。省级资金1,000.00万元全部到位；"
    "市级补助资金到位270.00万元，到位率90.00%；区级补助资金到位140.00万元，到位率为{rate}。\n"
    "表1 资金到位情况（单位：万元）\n"
    "资金来源｜计划投资｜实际到位｜到位率\n"
    "省级资金｜1,000.00｜1,000.00｜100.00%\n"
    "市级补助资金｜300.00｜270.00｜90.00%\n"
    "区级补助资金｜200.00｜140.00｜70.00%\n"
    "合计｜1,500.00｜1,410.00｜94.00%\n"
)


def test_an_arrival_rate_is_not_over_another_source_sharing_its_words(tmp_path: Path) -> None:
    assert any("200.00万元" in f for f in _consistent(tmp_path, SOURCES_SHARING_WORDS.format(rate="70.00%"), "70.00%"))
    found = _found(tmp_path, SOURCES_SHARING_WORDS.format(rate="77.00%"), "77.00%")
    assert found and "140.00万元 ÷ 200.00万元" in found[0][0]


LEVELS_INCLUDED = HEAD.format(dept="民政局") + (
    "向服务对象发放问卷500份，收回有效问卷480份，其中“非常满意”300份、“基本满意”132份，"
    "满意度（含基本满意）为{rate}，高于年度目标。\n"
)


def test_levels_the_rate_names_as_included_are_added_up(tmp_path: Path) -> None:
    assert _consistent(tmp_path, LEVELS_INCLUDED.format(rate="90.00%"), "90.00%")
    found = _found(tmp_path, LEVELS_INCLUDED.format(rate="92.00%"), "92.00%")
    assert found and "300份 + 132份" in found[0][0] and "480份" in found[0][0]
    # levels the rate does not name as included are not added up
    text = LEVELS_INCLUDED.replace("（含基本满意）", "（含较满意）").format(rate="62.50%")
    assert not [f for f in inconsistent(audit_text(tmp_path, text)) if "+" in f[0]]


TOTAL_BEFORE_TABLE = HEAD.format(dept="城管局") + (
    "截至年末，专项资金实际支出1,600.00万元，执行率80.00%。分镇情况见表1。\n"
    "表1 分镇资金支出情况\n"
    "镇｜计划资金（万元）｜实际支出（万元）｜执行率\n"
    "甲镇｜1,200.00｜960.00｜80.00%\n"
    "乙镇｜800.00｜640.00｜80.00%\n"
    "合计｜2,000.00｜1,600.00｜80.00%\n"
    "\n"
    "从支出内容看，设备购置支出720.00万元，占实际支出总额的{share}，其余为安装和运维费用。\n"
)


def test_a_share_of_a_named_total_stated_before_a_table(tmp_path: Path) -> None:
    assert any("1,600.00万元" in f for f in _consistent(tmp_path, TOTAL_BEFORE_TABLE.format(share="45.00%"), "45.00%"))
    found = _found(tmp_path, TOTAL_BEFORE_TABLE.format(share="54.00%"), "54.00%")
    assert found and "720.00万元 ÷ 1,600.00万元" in found[0][0]


BREAKDOWN_PARAGRAPH = HEAD.format(dept="交通局") + (
    "全年实际支出4,000.00万元，预算执行率95.00%。\n"
    "按经济分类看，工资福利支出2,400.00万元，约占60.00%，其中基本工资900.00万元；"
    "商品和服务支出1,600.00万元，所占比重为{share}。\n"
)


def test_bare_shares_of_a_breakdown_paragraph_are_of_the_total_before_it(tmp_path: Path) -> None:
    checks = audit_text(tmp_path, BREAKDOWN_PARAGRAPH.format(share="40.00%"))
    assert not inconsistent(checks)
    assert [c for c in checks_on(checks, "60.00%") if c.verdict is Verdict.CONSISTENT]
    assert any("4,000.00万元" in f for f in _consistent(tmp_path, BREAKDOWN_PARAGRAPH.format(share="40.00%"), "40.00%"))
    found = _found(tmp_path, BREAKDOWN_PARAGRAPH.format(share="42.00%"), "42.00%")
    assert found and "1,600.00万元 ÷ 4,000.00万元" in found[0][0]
