"""Phrasing families the eighth and ninth blind sets exposed, each in wording of our own (other departments,
other figures): the consistent version raises no 不一致 and the slip is found with the right operands.

1. an average ("日均…", "月均…") stated between a total and its "其中" is an aside, not the total;
2. a "其中" opening a sentence after an enumeration does not break down the list's last item;
3. "由A和B组成，较上年的…增加…": the list ends at 组成, and the change is of the whole, not of an item;
4. counts of differently named kinds ("三个一级指标…二级指标8个") are not parts of one another;
5. "两年累计…": one figure of the cumulative's own measure per year, not every figure of the sentence;
6. an overall 到位率 is never over one source's 应到位 amount;
7. shares listed in one sentence: a sibling item is not the whole, and a bare "占比为" takes the whole a
   later item names;
8. "X中Y…": Y is a part of X, never a restatement of it; "人均…" is never the part shared out;
9. a rate's whole from an earlier sentence about another subject is not its base.
"""

from __future__ import annotations

from pathlib import Path

from assistant.audit import AuditCheck, Verdict
from tests.assistant.audit_support import audit_text
from tests.assistant.audit_support import checks_on as _on
from tests.assistant.audit_support import inconsistent as _inconsistent

HEAD = "示例市某局2024年度项目绩效评价报告\n一、基本情况\n"


def _audit(tmp_path: Path, text: str) -> list[AuditCheck]:
    return audit_text(tmp_path, HEAD + text)


# ---- 1. an average between a total and its 其中 ---------------------------------------------------------------


def test_an_average_before_qizhong_is_not_the_total(tmp_path: Path) -> None:
    text = "市图书馆全年接待读者8.40万人次，月均约7,000人次，其中少儿读者3.10万人次，占比持续提高。\n"
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not [c for c in _on(checks, "7,000人次") if c.kind == "total"]


# ---- 2. a sentence-opening 其中 after an enumeration ----------------------------------------------------------


def test_qizhong_after_a_list_does_not_break_down_its_last_item(tmp_path: Path) -> None:
    text = (
        "全年受理投诉860件，按来源分，热线投诉412件、网络投诉301件、来信来访120件、其他渠道27件。"
        "其中热线投诉已按期办结398件，其余正在办理。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not [c for c in _on(checks, "27件") if c.kind == "total"]


# ---- 3. 由…组成 followed by a comparison with last year --------------------------------------------------------


def test_composed_list_ends_at_zucheng_and_the_change_is_of_the_whole(tmp_path: Path) -> None:
    text = (
        "本年度共安排水利专项资金5,600.00万元，由省级补助资金3,200.00万元和县级配套资金2,400.00万元组成，"
        "较上年的5,000.00万元增加600.00万元，增长12.00%。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    changes = [c for c in checks if c.kind == "change"]
    assert changes and all("5,600.00万元" in c.formula for c in changes)


# ---- 4. counts of differently named kinds ---------------------------------------------------------------------


def test_counts_of_other_indicator_levels_are_not_parts_of_the_first(tmp_path: Path) -> None:
    text = (
        "本次评价共设三个一级指标，权重分别为30分、30分、40分，其下设置二级指标8个、三级指标21个，由评价组逐项打分。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)


# ---- 5. a two-year cumulative with another figure in its sentence ---------------------------------------------


def test_two_year_cumulative_adds_only_its_own_measure(tmp_path: Path) -> None:
    text = "2024年共受理信访事项240件，按期办结231件；2023年按期办结205件，两年累计按期办结436件。\n"
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    sums = _on(checks, "436件")
    assert sums and "240件" not in sums[0].formula


def test_two_year_cumulative_slip_is_still_found(tmp_path: Path) -> None:
    text = "2024年共受理信访事项240件，按期办结231件；2023年按期办结205件，两年累计按期办结463件。\n"
    found = [c for c in _on(_audit(tmp_path, text), "463件") if c.verdict is Verdict.INCONSISTENT]
    assert found and "240件" not in found[0].formula


# ---- 6. an overall arrival rate ------------------------------------------------------------------------------


def test_overall_arrival_rate_is_not_over_one_sources_base(tmp_path: Path) -> None:
    text = (
        "省级补助资金1,500.00万元已全额到位。县级配套资金应到位1,500.00万元，实际到位1,200.00万元，"
        "到位率80.00%。省县两级资金合计到位2,700.00万元，总体到位率90.00%。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)


# ---- 7. shares listed in one sentence ------------------------------------------------------------------------

SPENDING = "截至年末，项目实际支出5,000.00万元，执行率92.00%。\n"


def test_a_sibling_item_is_not_the_whole_of_a_share(tmp_path: Path) -> None:
    text = SPENDING + (
        "从资金投向看，设备购置支出2,150.00万元，占比为43.00%；人员培训支出1,250.00万元，"
        "占实际支出的25.00%；宣传推广支出600.00万元，占12.00%。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)


def test_a_bare_share_takes_the_whole_a_later_item_names(tmp_path: Path) -> None:
    text = SPENDING + (
        "从资金投向看，设备购置支出2,150.00万元，占比为34.00%；人员培训支出1,250.00万元，"
        "占实际支出的25.00%；宣传推广支出600.00万元，占12.00%。\n"
    )
    found = [c for c in _on(_audit(tmp_path, text), "34.00%") if c.verdict is Verdict.INCONSISTENT]
    assert found and "5,000.00万元" in found[0].formula


# ---- 8. a part named within its whole, and a per-head figure ---------------------------------------------------


def test_a_part_named_within_its_whole_is_not_a_repeat(tmp_path: Path) -> None:
    text = (
        "全年支出500.00万元。分类别看，项目支出200.00万元，占全部支出的40.00%。项目支出中设备购置实际支出"
        "172.00万元，按配置岗位40个计算，人均设备购置4.30万元；设备购置占项目支出的86.00%。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not [c for c in _on(checks, "172.00万元") if c.kind == "repeat"]


# ---- 9. a rate's whole from an earlier sentence about another subject ----------------------------------------


def test_a_rate_does_not_take_the_whole_of_another_subjects_sentence(tmp_path: Path) -> None:
    text = (
        "年初在册服务对象210人，全年新增58人，年末在册196人，均按台账管理。就业帮扶方面，全年对接求职人员120人，"
        "对接率100%，未出现遗漏。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
