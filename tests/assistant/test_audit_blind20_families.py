"""Phrasing families the twentieth blind set exposed, in wording of our own. False alarms: a completion-rate
column beside money columns read over a count of works (the caption names both units), a per-unit average
("平均每处…") after a "、" list read as the list's mean, a "其中" opening its sentence whose one part alone exceeds
the figure the sentence before ends on (or that names several items together, "甲和乙两项共…"), "其中甲占乙的x%"
where only 乙 states a figure, a bare "约占" read over a subtotal that is itself a share of a named whole.
Misses: a floor target in a table cell ("不少于N处"), satisfied levels added up ("两项合计满意率"), a source's
arrival rate whose amount due only the funds table states, a "其中" list that names its last item as nil
("…费用为零")."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

HEAD = "示例市{dept}2024年度绩效自评报告\n一、执行情况\n"


def _found(tmp_path: Path, text: str, stated: str) -> list[tuple[str, str]]:
    return [c for c in inconsistent(audit_text(tmp_path, text)) if c[1] == stated]


def _verdicts(tmp_path: Path, text: str, stated: str) -> list[Verdict]:
    return [c.verdict for c in checks_on(audit_text(tmp_path, text), stated)]


def _consistent(tmp_path: Path, text: str, stated: str) -> list[str]:
    return [c.formula for c in checks_on(audit_text(tmp_path, text), stated) if c.verdict is Verdict.CONSISTENT]


# ---- false alarms ----------------------------------------------------------------------------------------------

WORKS_TABLE = HEAD.format(dept="住建局") + (
    "各街道资金使用及改造完成情况见表1。\n"
    "表1 分街道资金及工程完成情况（单位：万元、处）\n"
    "街道  安排资金  实际支出  执行率  计划处数  完成处数  完成率\n"
    "东城街道  800.00  760.00  95.00%  20  18  {east}\n"
    "西城街道  400.00  372.00  93.00%  10  10  100.00%\n"
    "合计  1,200.00  1,132.00  94.33%  30  28  93.33%\n"
)


def test_a_completion_rate_beside_money_columns_is_of_the_counted_columns(tmp_path: Path) -> None:
    text = WORKS_TABLE.format(east="90.00%")
    assert not inconsistent(audit_text(tmp_path, text))
    assert any("18处 ÷ 20处" in f for f in _consistent(tmp_path, text, "90.00%"))


def test_a_slipped_completion_rate_of_counted_works_is_found(tmp_path: Path) -> None:
    found = _found(tmp_path, WORKS_TABLE.format(east="92.00%"), "92.00%")
    assert found and "18处 ÷ 20处" in found[0][0]


PER_UNIT_AFTER_LIST = HEAD.format(dept="文旅局") + (
    "全年安排修缮资金960.00万元，比上年800.00万元增长20.00%，分配至甲镇、乙镇、丙镇，"
    "计划修缮古民居32处，平均每处补助约30.00万元。\n"
)


def test_an_amount_per_unit_after_a_list_is_not_the_list_mean(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, PER_UNIT_AFTER_LIST))


SENTENCE_OPENING_AMONG = HEAD.format(dept="交通局") + (
    "五个乡镇实际支出合计2,400.00万元，执行率96.00%，尚有100.00万元结转下年。"
    "其中甲镇620.00万元、乙镇540.00万元，两镇支出较多。\n"
)


def test_a_sentence_opening_among_with_a_part_above_the_last_figure_is_not_its_breakdown(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, SENTENCE_OPENING_AMONG))


COMBINED_LONE_ITEM = HEAD.format(dept="园林局") + (
    "全年实际支出1,500.00万元。从构成看，苗木采购420.00万元；养护作业380.00万元；设施维修150.00万元。"
    "其中苗木采购和养护作业两项支出共800.00万元。\n"
)


def test_a_lone_combined_item_is_not_a_part_of_the_figure_before(tmp_path: Path) -> None:
    assert not _found(tmp_path, COMBINED_LONE_ITEM, "150.00万元")


SHARE_OF_NAMED_WHOLE = HEAD.format(dept="财政局") + (
    "全年资金实际到位5,000.00万元，总体到位率96.15%。本级资金（区级和街道）3,000.00万元已全部到位，"
    "在到位资金中所占比重为60.00%，其中区级资金占本级资金的70.00%。\n"
)


def test_a_share_whose_part_states_no_figure_is_not_read_over_the_whole_before(tmp_path: Path) -> None:
    # 区级资金 states no figure here: 本级资金's own 3,000.00 is not the part, nor 5,000.00 the whole
    assert not _found(tmp_path, SHARE_OF_NAMED_WHOLE, "70.00%")


SUBTOTAL_SHARED_OUT = HEAD.format(dept="林业局") + (
    "全年实际支出2,000.00万元。从用途看，育苗300.00万元、造林500.00万元，两项营造林支出合计800.00万元，"
    "占全部支出的40.00%；抚育管护360.00万元；设备购置240.00万元，约占12.00%。\n"
)


def test_a_bare_share_after_a_subtotal_shared_out_is_not_over_that_subtotal(tmp_path: Path) -> None:
    assert not inconsistent(audit_text(tmp_path, SUBTOTAL_SHARED_OUT))


# ---- misses ----------------------------------------------------------------------------------------------------

FLOOR_TARGET_TABLE = HEAD.format(dept="农业农村局") + (
    "表2 产出指标完成情况\n"
    "指标  年度目标  实际完成  完成率\n"
    "新建村级文化广场  不少于40个  46个  {rate}\n"
    "培训农技人员  500人次  520人次  104.00%\n"
)


def test_a_completion_rate_over_a_floor_target_cell_is_checked(tmp_path: Path) -> None:
    assert any("46个 ÷ 40个" in f for f in _consistent(tmp_path, FLOOR_TARGET_TABLE.format(rate="115.00%"), "115.00%"))
    found = _found(tmp_path, FLOOR_TARGET_TABLE.format(rate="113.00%"), "113.00%")
    assert found and "40个" in found[0][0]


LEVELS_ADDED = HEAD.format(dept="卫健委") + (
    "共发放问卷1,000份，回收有效问卷800份，其中很满意500份、满意240份，二者合计满意度为{rate}。\n"
)


def test_satisfied_levels_added_up_are_the_rate_numerator(tmp_path: Path) -> None:
    assert _consistent(tmp_path, LEVELS_ADDED.format(rate="92.50%"), "92.50%")
    found = _found(tmp_path, LEVELS_ADDED.format(rate="95.20%"), "95.20%")
    assert found and "800份" in found[0][0]


SOURCE_DUE_IN_TABLE = HEAD.format(dept="水务局") + (
    "截至年底，资金实际到位2,700.00万元。区级资金到位560.00万元，到位率为{rate}。\n"
    "表1 资金到位情况（单位：万元）\n"
    "资金来源｜计划｜到位｜到位率\n"
    "省级资金｜2,140.00｜2,140.00｜100.00%\n"
    "区级资金｜700.00｜560.00｜80.00%\n"
    "合计｜2,840.00｜2,700.00｜95.07%\n"
)


def test_a_source_arrival_rate_is_over_its_row_of_the_funds_table(tmp_path: Path) -> None:
    assert any("700.00万元" in f for f in _consistent(tmp_path, SOURCE_DUE_IN_TABLE.format(rate="80.00%"), "80.00%"))
    found = _found(tmp_path, SOURCE_DUE_IN_TABLE.format(rate="82.00%"), "82.00%")
    assert found and "700.00万元" in found[0][0]


NIL_ITEM = HEAD.format(dept="司法局") + (
    "会议、培训和差旅等一般性支出共{total}，其中会议费12.40万元、培训费20.60万元，差旅费为零。\n"
)


def test_a_list_naming_its_last_item_as_nil_is_complete(tmp_path: Path) -> None:
    assert _verdicts(tmp_path, NIL_ITEM.format(total="33.00万元"), "33.00万元") == [Verdict.CONSISTENT]
    found = _found(tmp_path, NIL_ITEM.format(total="35.00万元"), "35.00万元")
    assert found and "12.40万元 + 20.60万元" in found[0][0]
