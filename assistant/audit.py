"""Check a report's own arithmetic: every relation the words state between its figures, recomputed.

A check is made only where the text ties the figures together, and each check records the words
that did (precision over recall: an auditor who sees false alarms stops reading). The relations, each
in its own module under assistant/audit_relations/:

- rates      执行率/使用率 = 支出 ÷ 预算, 完成率 = 实际 ÷ 目标 (or 实际 ∓ 超出/差额), 到位率, 结案率, 参与率,
             覆盖率 …, 满意度 = 满意 ÷ 有效问卷, 合格率/达标率 = 合格 ÷ 抽检 (rates.py)
- shares     "占…的x%", "其中…占x%", "分别占" (rates.py); "甲占总支出/乙小计的x%" of named table rows, and
             "…支出A万元，占全县支出的x%" with A a table row's amount, over that table's 合计 (tables.py)
- ratios     "是上年600件的3倍", "为…的N倍", "相当于…的N倍" = the figure before ÷ the base named (rates.py)
- balances   年末结余 = 预算 − 支出, the budget and spending as for an execution rate (rates.py);
             年末结转结余 = 年初结转结余 + 本年收入 − 本年支出 where the report states all three (rates.py)
- changes    "较上年增长x%", "比上年增加…万元", "提高x个百分点", "2024年比2023年…" from the two stated values,
             in the clause or stated before for the same subject (changes.py); 增长率 columns and "N月…环比"
             against a monthly table (tables.py)
- totals     其中 / 分别为 / 包括 / 由…组成 / 合计 / 全年累计 in prose (totals.py);
             合计 and 小计 rows, row rates and cumulative columns in tables (tables.py)
- scores     一级指标 scores → total, 满分 − 扣分, weight × rate, weighted and plain means, 得分率 = 得分 ÷ 满分
             (the clause's 满分, or the indicator's rows of a two-level score table) (scores.py)
- periods    four quarters (or two halves) → the year's total stated before them; 前三季度…进度 = the
             quarters it covers ÷ the year's budget (totals.py)
- per head   standard × people × months → stated amount (totals.py)
- remainders 剩余/尚余/其余 = the whole stated before − what was done, in one sentence (totals.py)
- allocations "比例/权重分别为a%、b%…，相应…分别为A、B…" = the sum allocated × each factor (totals.py)
- per 10,000 每万人…个 = the count stated ÷ the population (万) stated before (totals.py)
- vacancies  空编/缺编 = 编制 (its 合计 where stated) − 实有/在编 in one sentence (totals.py)
- averages   人均/案均/亩均/平均每期/月均 = the total stated before ÷ the count it is per (totals.py)
- unit costs 户均投入/每平方米造价 of an item a paragraph heads = its row's spending in the funds table ÷ the
             quantity stated; a per-unit column (亩均…（元）, …（元/吨）) = its item row's money ÷ its
             quantity (tables.py)
- target gap 超过计划/超出目标… = the actual − its target in the indicator table row named; 距目标尚差 = the
             target (that row's, or an earlier sentence's) − the actual its sentence states (tables.py)
- differences "甲…A，比乙多D" = |A − 乙's value| from its row in the table stating A, or its own clause (tables.py)
- levies     "按甲与乙之和的x%计提，为C" = (甲 + 乙) × x, each the one amount of that name (tables.py)
- derived    最高…最低…相差, 分别增长…累计增长 (compounded), 含税 → 不含税/税额, 计划…实际…延期N个月 and
             "A至B，共N个月", 按…增长g%测算将达到, 直线法年折旧额, 甲与乙的配比1:x, a share of a share,
             loan interest over N months, a static payback period, 每年 ↔ 每月/每天,
             每投入1元…带动 (derived.py)
- repeats    the same figure stated twice with different values, or at once in another unit (repeats.py)

Verdicts: 一致 (the recomputed value rounds half-up to the stated one), 尾差 (within one unit of the
stated last digit, or of the operands' own rounding), 待核 (a list not said to be complete falls short
of its total), 不一致.
"""

from __future__ import annotations

from assistant.audit_relations.core import VERDICT_LABELS, VERDICT_ORDER, AuditCheck, Citer, Verdict, judge
from assistant.audit_relations.text import read_report
from assistant.figure_table import StatedFigure
from ingest.models import ParsedDocument

__all__ = ["VERDICT_LABELS", "AuditCheck", "Verdict", "audit_document", "judge"]


def audit_document(parsed: ParsedDocument, figures: list[StatedFigure] | None = None) -> list[AuditCheck]:
    """All arithmetic checks the text supports, inconsistent ones first. (`figures` is accepted for
    callers that already hold the figure table; the audit reads its own view of the text.)"""
    from assistant.audit_relations import changes, derived, rates, repeats, scores, tables, totals

    view = read_report(parsed)
    citer = Citer(view)
    checks: list[AuditCheck] = []
    for relation in (
        rates.rate_checks,
        rates.share_checks,
        rates.listed_share_checks,
        rates.balance_checks,
        rates.carry_over_checks,
        rates.ratio_checks,
        changes.change_checks,
        changes.schedule_gap_checks,
        totals.total_checks,
        totals.period_checks,
        totals.per_head_checks,
        totals.average_checks,
        totals.remainder_checks,
        totals.allocation_checks,
        totals.vacancy_checks,
        totals.per_10k_checks,
        scores.score_checks,
        tables.table_checks,
        tables.prose_row_rates,
        tables.named_share_checks,
        tables.stated_part_share_checks,
        tables.month_on_month_checks,
        tables.unit_cost_checks,
        tables.target_gap_checks,
        tables.shortfall_checks,
        tables.item_difference_checks,
        tables.levy_checks,
        repeats.repeat_checks,
        repeats.conversion_checks,
        derived.spread_checks,
        derived.chained_growth_checks,
        derived.tax_checks,
        derived.month_span_checks,
        derived.projection_checks,
        derived.depreciation_checks,
        derived.matching_ratio_checks,
        derived.nested_share_checks,
        derived.interest_checks,
        derived.payback_checks,
        derived.per_period_checks,
        derived.leverage_checks,
    ):
        checks += relation(view, citer)
    return sorted(_deduplicated(checks), key=lambda c: (VERDICT_ORDER[c.verdict], c.stated.start))


# Readings that stand in only where no other relation has judged the figure.
_FALLBACK_KINDS = {"table_row_rate", "table_part_share"}


def _deduplicated(checks: list[AuditCheck]) -> list[AuditCheck]:
    """One check per stated figure and formula; where two relations judge the same figure, both stay."""
    seen: dict[tuple[int, str], AuditCheck] = {}
    judged = {c.stated.start for c in checks if c.kind not in _FALLBACK_KINDS}
    for item in checks:
        if item.kind in _FALLBACK_KINDS and item.stated.start in judged:
            continue
        key = (item.stated.start, item.formula)
        if key not in seen:
            seen[key] = item
    return list(seen.values())
