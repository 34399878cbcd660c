"""Phrasing families the seventh blind set exposed, each in wording of our own (other departments, other
figures): the consistent version raises no 不一致 and the slip is found with the right operands.

1. "按来源分，…；按用途分，…": the parts of one breakdown are never the total of the next one;
2. a target in a list of targets ("绩效目标主要包括：…") is not restated by what was done of it;
3. two "权重×比率" scores in one sentence, one per "；" item: each is read;
4. a pass rate over the count who sat the test ("参测", "实考");
5. two "每人每月" standards in one sentence, one per "；" item: each is read with its own people;
6. a score table of the 一级指标 with no 合计 row, then "…得分相加，自评得分为…分" in prose;
7. "剩余/尚余/其余": the whole stated before less what was done.
"""

from __future__ import annotations

from pathlib import Path

from assistant.audit import AuditCheck, Verdict
from tests.assistant.audit_support import audit_text
from tests.assistant.audit_support import checks_on as _on
from tests.assistant.audit_support import inconsistent as _inconsistent

HEAD = "示例县某局2024年度项目绩效评价报告\n一、基本情况\n"


def _audit(tmp_path: Path, text: str) -> list[AuditCheck]:
    return audit_text(tmp_path, HEAD + text)


# ---- 1. two breakdowns in one sentence -----------------------------------------------------------------------


def test_parts_of_one_breakdown_are_not_the_total_of_the_next(tmp_path: Path) -> None:
    text = (
        "2024年调整后预算为3,260.00万元。按资金来源分，县级财政资金2,710.00万元，上级补助资金550.00万元；"
        "按经济分类分，基本支出预算1,420.00万元，项目支出预算1,840.00万元。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not _on(checks, "2,710.00万元")


def test_items_of_a_breakdown_stop_where_the_next_breakdown_opens(tmp_path: Path) -> None:
    text = (
        "2024年调整后预算为3,260.00万元。按资金来源分，县级财政资金2,710.00万元，上级补助资金550.00万元；"
        "按支出用途分，设备购置1,420.00万元，工程建设1,840.00万元。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    sources = [c for c in _on(checks, "3,260.00万元") if "2,710.00万元" in c.formula]
    assert sources and "550.00万元" in sources[0].formula


# ---- 2. a listed target is not restated by what was done -----------------------------------------------------


def test_target_in_a_list_of_targets_is_not_a_repeat_of_the_done_figure(tmp_path: Path) -> None:
    text = (
        "（四）绩效目标。本年度绩效目标如下：农村公路养护里程不少于820公里；危桥改造4,200平方米，"
        "验收合格率100%；群众满意度不低于85%。\n"
        "二、目标完成情况\n"
        "危桥改造年度目标4,200平方米，截至年末已完成3,350平方米，完成率79.76%，其余部分结转下年实施。\n"
        "已改造的3,350平方米危桥中，经交工检测合格3,300平方米，合格率98.51%。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not [c for c in _on(checks, "3,350平方米") if c.kind == "repeat"]


def test_target_under_a_targets_heading_is_not_a_repeat_of_the_done_figure(tmp_path: Path) -> None:
    text = (
        "（三）年度绩效目标。新建村级综合服务站36个；安装智能水表5,200只，安装合格率不低于98%。\n"
        "二、目标完成情况\n"
        "安装智能水表年度目标5,200只，截至年末已完成4,630只，完成率89.04%。\n"
        "已安装的4,630只智能水表中，经抽检合格4,598只，合格率99.31%。\n"
    )
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert not [c for c in _on(checks, "4,630只") if c.kind == "repeat"]


# ---- 3. two weighted scores in one sentence ------------------------------------------------------------------


def test_each_weighted_score_of_a_sentence_is_read(tmp_path: Path) -> None:
    consistent = (
        "评价组设置四级指标。其中，设备巡检及时率指标权重8分，按及时率96.25%计得7.70分；"
        "病害处置率指标权重4分，按处置率88.50%计得3.54分。\n"
    )
    checks = _audit(tmp_path, consistent)
    assert not _inconsistent(checks)
    assert [c for c in _on(checks, "7.70分") if "8分" in c.formula and "96.25%" in c.formula]
    slip = consistent.replace("7.70分", "7.07分")
    found = _on(_audit(tmp_path, slip), "7.07分")
    assert found and found[0].verdict is Verdict.INCONSISTENT and "96.25%" in found[0].formula


# ---- 4. a pass rate over those who sat the test --------------------------------------------------------------


def test_pass_rate_over_those_who_sat_the_test(tmp_path: Path) -> None:
    text = "全年开展岗位技能比武，组织驾驶员理论测试，参测248人，通过231人，通过率为95.16%，未通过人员安排补考。\n"
    found = _on(_audit(tmp_path, text), "95.16%")
    assert found and found[0].verdict is Verdict.INCONSISTENT and "248人" in found[0].formula
    text = "年末组织应急救护技能考试，应考320人，实考312人，考试合格297人，合格率为95.19%。\n"
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)
    assert [c for c in _on(checks, "95.19%") if "312人" in c.formula]


# ---- 5. two per-head standards in one sentence ---------------------------------------------------------------


def test_each_standard_of_a_sentence_is_read_in_its_own_item(tmp_path: Path) -> None:
    consistent = (
        "乡村医生岗位补贴按每人每月1,500元的标准发放，全年在岗乡村医生212人，全年应发岗位补贴381.60万元，"
        "已按月发放；交通补贴按每人每月200元的标准，全年发放50.88万元。\n"
    )
    checks = _audit(tmp_path, consistent)
    assert not _inconsistent(checks)
    assert [c for c in _on(checks, "381.60万元") if c.kind == "per_head"]
    found = _on(_audit(tmp_path, consistent.replace("381.60万元", "318.60万元")), "318.60万元")
    assert found and found[0].verdict is Verdict.INCONSISTENT and "1,500元" in found[0].formula


def test_two_standards_summed_into_one_amount_stay_one_sum(tmp_path: Path) -> None:
    text = "全镇低保对象一类320人，按每人每月700元标准；二类1,150人，按每人每月450元标准，全年低保金合计889.80万元。\n"
    checks = _audit(tmp_path, text)
    assert not _inconsistent(checks)


# ---- 6. a score table with no total row ----------------------------------------------------------------------

SCORES = (
    "三、评分情况\n"
    "表3  项目支出绩效自评得分\n"
    "一级指标｜分值｜得分\n"
    "决策｜20｜18.40\n"
    "过程｜20｜17.90\n"
    "产出｜30｜27.15\n"
    "效益｜30｜28.05\n"
    "各一级指标得分相加，该项目2024年度自评得分为{total}分，等级为“优”。\n"
)


def test_total_after_a_score_table_without_total_row(tmp_path: Path) -> None:
    checks = _audit(tmp_path, SCORES.format(total="91.50"))
    assert not _inconsistent(checks)
    assert [c for c in _on(checks, "91.50分") if c.kind == "score"]
    found = [c for c in _on(_audit(tmp_path, SCORES.format(total="91.05")), "91.05分") if c.kind == "score"]
    assert found and found[0].verdict is Verdict.INCONSISTENT and "27.15" in found[0].formula


# ---- 7. remainders -------------------------------------------------------------------------------------------


def test_remainder_is_the_whole_less_what_was_done(tmp_path: Path) -> None:
    consistent = (
        "农村危房改造年度任务1,250户，截至年末已竣工验收1,084户，完成率86.72%，尚余166户因手续办理滞后顺延至下年。\n"
        "全市定点药店85家（其中连锁药店31家），已有79家完成医保电子凭证接入，接入率92.94%，其余6家计划于下半年接入。\n"
    )
    checks = _audit(tmp_path, consistent)
    assert not _inconsistent(checks)
    assert [c for c in _on(checks, "6家") if "85家" in c.formula and "79家" in c.formula]
    found = _on(_audit(tmp_path, consistent.replace("尚余166户", "尚余186户")), "186户")
    assert found and found[0].verdict is Verdict.INCONSISTENT and "1,084户" in found[0].formula


def test_remainder_after_several_stages_is_left_alone(tmp_path: Path) -> None:
    text = (
        "2023年完成堤防加固4.1公里，2024年完成3.3公里，两年累计完成7.4公里，剩余1.2公里计划于明年汛前完工。\n"
        "年度计划整治渠道28处，截至年末完工25处，剩余3处顺延至下年。\n"
    )
    checks = _audit(tmp_path, text)
    assert not [c for c in _on(checks, "1.2公里") if c.kind == "remainder"]
    assert [c for c in _on(checks, "3处") if c.kind == "remainder" and c.verdict is Verdict.CONSISTENT]
