"""Phrasing families the tenth blind set exposed, in wording of our own: last year's figure of the same name,
stated with its year in a later part, is no restatement of this year's; "本年同期多…" is a difference over the
dated figure; a "其中" list ends with its "、" items and never counts an average; a count shared into named
类 must add up; 完工率/竣工率 are completion rates; "X按N人计算，人均…" divides the amount X named earlier."""

from __future__ import annotations

from pathlib import Path

from assistant.audit import Verdict
from tests.assistant.audit_support import audit_text, checks_on, inconsistent

REPORT = "示例县某局2025年度城乡供水项目支出绩效自评报告\n一、资金使用情况\n"


def test_a_figure_of_last_year_named_with_its_year_is_no_restatement(tmp_path: Path) -> None:
    text = (
        "全年预算1,860.00万元，全年实际支出1,795.40万元，执行率96.53%。\n"
        "二、与上年对比\n"
        "2024年度该项目实际支出1,612.80万元，本年规模有所扩大。\n"
    )
    assert not [c for c in inconsistent(audit_text(tmp_path, REPORT + text)) if "1,612.80" in c[1]]


def test_the_same_years_figure_restated_with_a_slip_is_still_found(tmp_path: Path) -> None:
    text = (
        "全年预算1,860.00万元，全年实际支出1,795.40万元，执行率96.53%。\n"
        "二、自评结论\n"
        "2025年度该项目全年实际支出1,759.40万元，资金使用规范。\n"
    )
    assert [c for c in inconsistent(audit_text(tmp_path, REPORT + text)) if "1,759.40" in c[1]]


# ---- a difference in words of more or less, against a dated figure ---------------------------------------------

HALF_YEAR = "示例市某局2025年上半年就业补助资金绩效运行监控报告\n一、资金支出情况\n"


def test_this_years_more_against_a_dated_figure_is_a_change_over_that_base(tmp_path: Path) -> None:
    text = "2024年上半年全区累计发放贴息资金860.00万元，今年上半年同比多发放129.00万元，增长15.00%。\n"
    checks = audit_text(tmp_path, HALF_YEAR + text)
    assert not [c for c in inconsistent(checks) if "15.00%" in c[1]]
    assert any("÷ 860.00万元" in c.formula for c in checks_on(checks, "15.00%"))


def test_a_slipped_rate_over_a_stated_less_is_found_against_the_dated_base(tmp_path: Path) -> None:
    text = "全市2024年上半年拨付以工代赈资金500.00万元，今年同期少拨付45.00万元，下降9.60%。\n"
    found = [c for c in inconsistent(audit_text(tmp_path, HALF_YEAR + text)) if "9.60%" in c[1]]
    assert found and "÷ 500.00万元" in found[0][0]


# ---- the parts of a "其中" list -------------------------------------------------------------------------------

SERVICE = "示例区某中心2025年度社区服务项目支出绩效自评报告\n一、项目完成情况\n"


def test_a_figure_after_the_enumerated_list_is_no_part(tmp_path: Path) -> None:
    text = "全年受理群众诉求1,250件，其中线上受理720件、电话受理498件，回访满意的96件。\n"
    assert not [c for c in inconsistent(audit_text(tmp_path, SERVICE + text)) if "1,250" in c[1]]


def test_an_average_is_no_part(tmp_path: Path) -> None:
    text = "全年举办技能培训班36期，培训学员2,160人次，其中，农民工1,600人次，退役军人520人次，平均每期60人次。\n"
    assert not [c for c in inconsistent(audit_text(tmp_path, SERVICE + text)) if "2,160" in c[1]]


def test_a_count_shared_into_named_categories_must_add_up(tmp_path: Path) -> None:
    text = "全年共受理信访事项64件，其中政策咨询类28件、权益保障类21件、环境投诉类11件。\n"
    assert [c for c in inconsistent(audit_text(tmp_path, SERVICE + text)) if "64件" in c[1]]


# ---- works finished over works planned ------------------------------------------------------------------------

WORKS = "示例县某局2025年度村级卫生室建设项目支出绩效自评报告\n一、产出情况\n"


def test_a_completion_rate_of_works_finished_is_checked(tmp_path: Path) -> None:
    text = "年度计划新建村级卫生室45所，到12月底已完工42所，完工率95.56%。\n"
    assert [c for c in inconsistent(audit_text(tmp_path, WORKS + text)) if "95.56%" in c[1]]


def test_a_completion_rate_of_works_finished_that_holds_is_consistent(tmp_path: Path) -> None:
    text = "年度计划改建乡镇污水站18座，年内竣工15座，竣工率83.33%。\n"
    checks = checks_on(audit_text(tmp_path, WORKS + text), "83.33%")
    assert checks and all(c.verdict is not Verdict.INCONSISTENT for c in checks)


# ---- an average of an amount the sentence names ---------------------------------------------------------------

RELIEF = "示例县民政局2025年度临时救助资金绩效自评报告\n一、资金使用情况\n全年发放临时救助资金1,286.40万元。\n"


def test_an_average_of_an_amount_named_in_words_is_checked(tmp_path: Path) -> None:
    text = "二、效益情况\n临时救助资金按救助对象5,360人计算，人均约2,480元。\n"
    found = [c for c in inconsistent(audit_text(tmp_path, RELIEF + text)) if "2,480" in c[1]]
    assert found and "1,286.40万元" in found[0][0]


def test_an_average_of_an_amount_named_in_words_that_holds_is_consistent(tmp_path: Path) -> None:
    text = "二、效益情况\n临时救助资金按救助对象5,360人计算，人均约2,400元。\n"
    checks = checks_on(audit_text(tmp_path, RELIEF + text), "2,400元")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)


def test_an_on_time_rate_of_works_all_finished_is_still_checked(tmp_path: Path) -> None:
    text = "全年开工建设的8座便民桥梁均已完工，其中按期完工6座，按期完工率75.00%。\n"
    checks = checks_on(audit_text(tmp_path, WORKS + text), "75.00%")
    assert checks and all(c.verdict is Verdict.CONSISTENT for c in checks)
