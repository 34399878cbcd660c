"""Tables: each row's rate from its own columns, 小计 and 合计 rows against the rows they sum, shares of
the 合计 row, and cumulative columns as running sums.

A 小计 (group) row sums exactly its own group's items: the table's layout says whether each 小计 heads
its group (the first row is a 小计) or closes it (the last row is); a numbered group row (（一）, 一、)
carrying figures above deeper-numbered rows is a 小计 without the word. A 合计 (总分, 全年) row, above or
below, sums the 小计 rows and the items outside any group, each item counted once; rows from "其中" on
break down the row above them and are left out. Where the layout leaves the grouping open, no sum is held
to the report.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.audit_relations.core import (
    VERDICT_ORDER,
    AuditCheck,
    Citer,
    Verdict,
    check,
    judge_exact,
    ratio_slack,
    sum_slack,
)
from assistant.audit_relations.rates import IN_WHOLE_SHARE, _best, defined_base, year_budgets
from assistant.audit_relations.text import Fig, Para, ReportView, Table, TableRow, clause_before
from assistant.audit_relations.totals import SHORT_UNITS
from assistant.audit_relations.words import CHANGE_WORDS, bigrams, in_parentheses, is_budget, sentence_bounds

_GRAND = re.compile(r"^(?:合计|总计|总合计|全部合计|共计|总分|总得分|综合得分|得分合计|全年(?:合计|累计)?$)")
_SUB = re.compile(r"小计")
_RATE_COLUMNS = (
    (
        # a bare "进度" column beside a budget column is the spending progress
        re.compile(r"执行率|执行进度|支出进度|使用率|支付率|拨付率|^进度$"),
        re.compile(r"预算|计划|安排|下达|批复|分配"),
        re.compile(r"执行|支出|实际|使用|支付|拨付"),
    ),
    (re.compile(r"到位率"), re.compile(r"应到位|应拨|计划|预算"), re.compile(r"实际到位|已到位|到位")),
    (re.compile(r"完成率|达成率|完成进度"), re.compile(r"目标|计划|任务|指标值"), re.compile(r"实际|完成")),
    (re.compile(r"得分率"), re.compile(r"分值|满分|权重"), re.compile(r"得分")),
)
_SHARE_COLUMN = re.compile(r"占比|比重|比例|构成")
_CUMULATIVE = re.compile(r"累计")
# a column of amounts per case ("人均补助", "次均费用", "单价", "每亩标准"): its 合计 row is the whole's own
# average, never the sum of the rows. (A level averaged over time, "月均人数", does add up across rows.)
# "村均新增（个）", "校均", "站均": a column headed by a counted thing and 均 is an average per that thing (a
# "年均在保户数" of each row is a count over time and adds up)
_AVERAGE_COLUMN = re.compile(
    r"平均每|均价|单价|[人户次件亩吨家所]均|^(?![年月日周季旬])[\u4e00-\u9fff]均|^每|每[人户次件亩吨家所个]"
)
# a column whose unit is a per-unit or a ratio ("吨水补贴（元/吨）", "亩均投入（元/亩）", "造价（万元/公里）",
# "达标率（%）", "平均分（分/项）"): its 小计/合计 cell is the group's own ratio, never the sum of the rows. A flow
# over time ("设计规模（万吨/日）", "运营费（万元/年）") is no ratio of the rows: it adds up across them.
_HEADER_UNITS = re.compile(r"[（(]([^（()）]{1,16})[）)]")
_RATIO_UNIT = re.compile(r"[%％‰]|^倍$|百分比|[/／每](?P<per>.*)$")
_PER_TIME = re.compile(r"^(?:日|天|年|月|季|周|旬|小时|时|分钟|秒|[hHdD]$|[hH]\b)")
_PERIOD_AMOUNT = re.compile(r"当季|当月|本季|本月|本期|当年|本年|季度支出|月支出")
# a row or column named for one period of the year: "第一季度", "二季度支出", "3月", "上半年", "第2期"
_FIRST_PERIOD = re.compile(r"^(?:第?[一1１]季度|[一1１]月|上半年|第[一1１]期)")
_NAMED_PERIOD = re.compile(
    r"[一二三四1-4１-４]季度|第?[一二三四五六七八九十\d]{1,2}月|[上下]半年|第[一二三四五六七八九十\d]+期"
)


def _plain(header: str) -> str:
    return re.sub(r"[（(][^（()）]*[）)]", "", header)


def table_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks: list[AuditCheck] = []
    for table in view.tables:
        checks += _row_rates(table, citer, defined_base(view))
        checks += _row_changes(table, citer)
        checks += _sums(table, citer)
        checks += _shares(table, citer)
        checks += _cumulative(view, table, citer)
        checks += _row_unit_amounts(table, citer)
    return checks


def _row_rates(table: Table, citer: Citer, defined_base: str | None = None) -> list[AuditCheck]:
    checks = []
    headers = [_plain(h) for h in table.headers]
    for rate_words, base_words, part_words in _RATE_COLUMNS:
        rate_col = next((h for h, p in zip(table.headers, headers, strict=True) if rate_words.search(p)), None)
        if rate_col is None:
            continue
        numeric = {h for r in table.rows for h, f in r.cells.items() if f.family != "%"}
        others = [(h, p) for h, p in zip(table.headers, headers, strict=True) if h != rate_col and h in numeric]
        base_cols = _base_columns([(h, p) for h, p in others if base_words.search(p)])
        if rate_words is _RATE_COLUMNS[0][0]:
            base_cols = _with_arrived(others, base_cols, bool(defined_base and "到位" in defined_base))
            # "注：执行率＝实际支出÷到位资金": the column the report names is the base, no other
            named = [h for h in base_cols if defined_base and _names_column(defined_base, _plain(h))]
            base_cols = named[:1] or base_cols
        base_col = base_cols[0] if base_cols else None
        parts = [h for h, p in others if h not in base_cols and part_words.search(p) and not base_words.search(p)]
        if base_col is not None and (base_family := _column_family(table, base_col)) is not None:
            # "安排资金｜实际支出｜…｜计划处数｜完成处数｜完成率": a rate is of the column counted as its base is, never
            # of money over a count of works
            parts = [h for h in parts if _column_family(table, h) in (base_family, None)]
        # "2023年支出｜2024年预算｜2024年支出｜执行率": the spending of the budget's year, not last year's
        base_year = _YEAR_COLUMN.search(_plain(base_col or ""))
        same_year = [h for h in parts if base_year and base_year.group(1) in _plain(h)]
        part_col = (same_year or parts or [None])[0]
        # "年度预算｜1月支出｜2月支出｜1—2月累计｜执行进度": a progress beside columns of single periods is the
        # running total's (the 累计 column) over the budget; with no such column it is not read
        cumulative = [h for h, p in others if h != base_col and _CUMULATIVE.search(p)]
        periods = [h for h in parts if _NAMED_PERIOD.search(_plain(h))]
        if cumulative and (periods or not parts):
            part_col = cumulative[0]
        elif len(periods) >= 2 and not same_year:
            continue
        if base_col is None or part_col is None:
            continue
        if _CUMULATIVE.search(_plain(rate_col)):
            # a 累计 rate is the running total's, never one period's own spending over its own plan
            if not cumulative or not _cumulative_base(table, base_col):
                continue
            part_col = cumulative[0]
        # the running total's own periods: a slip in the 累计 cell does not make the rate beside it wrong
        single = [h for h, p in others if _NAMED_PERIOD.search(p) and not _CUMULATIVE.search(p)]
        single = single if part_col in cumulative else []
        by_row = [
            {col: _row_rate(citer, row, rate_col, col, part_col, single) for col in base_cols} for row in table.rows
        ]
        own_base = _table_base(by_row, base_cols)
        for results in by_row:
            if own_base is not None and results[own_base] is not None:
                checks.append(results[own_base])
                continue
            found = [r for r in results.values() if r]
            if found:
                # a rate that holds over one of the budget columns is consistent; else the preferred column's
                checks.append(max(found, key=lambda r: VERDICT_ORDER[r.verdict]))
    return checks


_HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _table_base(by_row: list[dict[str, AuditCheck | None]], base_cols: list[str]) -> str | None:
    """The budget column a table's rates are over, where its rows show it: "年初预算｜调整后预算｜实际支出｜执行率"
    with three or more rows' rates holding over 调整后预算 alone; a row whose rate holds only over 年初预算 is
    then wrong, not read over another base. None when the rows do not single one out."""
    if len(base_cols) < 2:
        return None
    only = {col: 0 for col in base_cols}
    for results in by_row:
        holding = [col for col, r in results.items() if r is not None and r.verdict in _HOLDS]
        if len(holding) == 1:
            only[holding[0]] += 1
    ranked = sorted(base_cols, key=lambda col: -only[col])
    best, runner_up = only[ranked[0]], only[ranked[1]]
    # one row holding over another base alone is the slip to report; two or more are a table of mixed bases
    return ranked[0] if best >= 3 and runner_up <= 1 else None


# "亩均投入（元）", "吨均费用（元/吨）", "平均每户": a column of money per unit of a quantity; a standard or a limit
# ("补贴标准（元/亩）", "限额") is set, not worked out from the row
_PER_WORD = re.compile(r"(?P<w>[人户次件亩吨家所个])均|平均每(?P<e>[\u4e00-\u9fff])")
_SET_AMOUNT = re.compile(r"标准|定额|限额|上限|指导价")


def _per_unit(header: str) -> str | None:
    """The unit a per-unit money column is per: the "/吨" of its unit, else the "亩" of "亩均"; None for others."""
    plain = _plain(header)
    if _SET_AMOUNT.search(plain):
        return None
    for unit in _HEADER_UNITS.findall(header):
        ratio = _RATIO_UNIT.search(unit.strip())
        if ratio and ratio["per"] and "元" in unit and not _PER_TIME.match(ratio["per"].strip()):
            return ratio["per"].strip()
    word = _PER_WORD.search(plain)
    return (word["w"] or word["e"]) if word else None


def _row_unit_amounts(table: Table, citer: Citer) -> list[AuditCheck]:
    """ "村｜面积（亩）｜投入资金（万元）｜亩均投入（元）": each item row's per-unit amount is its own money over its
    own quantity counted in the unit it is per. The money column is the one other money column, or the one
    sharing a word with the per-unit header. 小计/合计 rows state the group's own ratio of cells the sums check;
    only item rows are read here."""
    checks = []
    for per_col in table.headers:
        per = _per_unit(per_col)
        family = _column_family(table, per_col)
        if per is None or family is None or not family.startswith("元"):
            continue
        counted = SHORT_UNITS.get(per, (per,))
        quantities = [
            h
            for h in table.headers
            if h != per_col and (f := _column_family(table, h)) is not None and (f in counted or f.endswith(per))
        ]
        amounts = [h for h in table.headers if h != per_col and _column_family(table, h) == "元"]
        words = bigrams(_PER_WORD.sub("", _plain(per_col)))
        amounts = [h for h in amounts if words & bigrams(_plain(h))] if len(amounts) > 1 else amounts
        if len(quantities) != 1 or len(amounts) != 1:
            continue
        for row in table.rows:
            stated, amount, quantity = (row.cells.get(h) for h in (per_col, amounts[0], quantities[0]))
            if not (stated and amount and quantity) or quantity.value <= 0 or _GRAND.match(row.name):
                continue
            if _SUB.search(row.name):
                continue  # the group's own ratio: its cells are held by the sums
            exact = amount.value / quantity.value / stated.scale
            slack = amount.last_digit / 2 / quantity.value / stated.scale
            formula = f"{row.name} · {_plain(per_col)} = {amount.text} ÷ {quantity.text}"
            tied = f"同一表行的列“{_plain(amounts[0])}”÷“{_plain(quantities[0])}”为“{_plain(per_col)}”"
            checks.append(check(citer, "table_unit_amount", formula, stated, exact, tied, [amount, quantity], slack))
    return checks


# an amount column of the funds that came in ("到位金额", "实际到位"), not a rate or what is due or missing
_ARRIVED_COLUMN = re.compile(r"^(?:实际|已)?到位(?:资金|金额|数|额)?$")


def _names_column(words: str, header: str) -> bool:
    return words in header or header in words


def _with_arrived(others: list[tuple[str, str]], base_cols: list[str], over_arrived: bool) -> list[str]:
    """A table with both a budget and an arrived-funds column: an execution rate may be over either, so it
    holds over either; the arrived column is preferred where the report defines the rate over it."""
    arrived = [h for h, p in others if _ARRIVED_COLUMN.search(p) and h not in base_cols]
    if not arrived:
        return base_cols
    return arrived[:1] + base_cols if over_arrived else base_cols + arrived[:1]


def _cumulative_base(table: Table, base_col: str) -> bool:
    """A 累计 rate's base: a 累计 column, or the whole year's budget; in a table whose rows are periods
    ("1月｜计划数｜…"), a plain plan column is each period's own plan, not the base of a running rate."""
    base = _plain(base_col)
    if _CUMULATIVE.search(base) or re.search(r"全年|年度", base):
        return True
    body = [r for r in table.rows if r.cells and not _GRAND.match(r.name)]
    return not (body and all(_NAMED_PERIOD.search(r.name) for r in body))


# a column of the budget's change, not a budget: "追加预算", "调增额", "预算调整数"
_BUDGET_CHANGE = re.compile(r"追加(?!后)|调[增减](?!后)|增减|变动|调整(?:数|额)")
# the budget the year closed with: "调整后预算", "全年预算", "变更后", "最终预算"
_LATEST_BUDGET = re.compile(r"调整后|追加后|调[增减]后|变更后|全年|最终|年末|现行")


def _base_columns(candidates: list[tuple[str, str]]) -> list[str]:
    """The budget columns a rate column may be over, the preferred first: where a table gives the budget
    twice ("年初预算｜调整后预算"), an execution rate is over the adjusted (latest) one, the columns of a
    change alone left out."""
    budgets = [(h, p) for h, p in candidates if not _BUDGET_CHANGE.search(p)] or candidates[:1]
    if len(budgets) < 2:
        return [h for h, _ in budgets]
    latest = [h for h, p in budgets if _LATEST_BUDGET.search(p)]
    rest = [h for h, _ in reversed(budgets) if h not in latest]
    return latest + rest


def _row_rate(
    citer: Citer, row: TableRow, rate_col: str, base_col: str, part_col: str, single: list[str]
) -> AuditCheck | None:
    rate, base, part = row.cells.get(rate_col), row.cells.get(base_col), row.cells.get(part_col)
    if not (rate and base and part) or rate.family != "%" or base.value <= 0:
        return None
    word = _plain(rate_col)
    tied = f"同一表行的列“{_plain(base_col)}”“{_plain(part_col)}”“{word}”"
    readings = [([part], [base], f"{row.name} · {word}")]
    periods_of_row = [row.cells[h] for h in single if h in row.cells]
    if len(periods_of_row) >= 2 and len(periods_of_row) == len(single):
        readings.append((periods_of_row, [base], f"{row.name} · {word}（按各期之和）"))
    return _best(citer, "table_rate", rate, readings, tied)


_CHANGE_COLUMN = re.compile(r"增长率|增幅|增减率|增减幅度|变动率|变化率|同比|下降率|降幅|减幅")
_YEAR_COLUMN = re.compile(r"(20\d{2})\s*年")


def _row_changes(table: Table, citer: Citer) -> list[AuditCheck]:
    """ "项目｜2023年｜2024年｜增长率": each row's rate of change from the earlier year's column to the later's
    (上年/本年 columns alike); a 下降率 or 降幅 column states a fall as a positive rate."""
    headers = [_plain(h) for h in table.headers]
    rate_col = next((h for h, p in zip(table.headers, headers, strict=True) if _CHANGE_COLUMN.search(p)), None)
    if rate_col is None:
        return []
    dated = []
    for header, plain in zip(table.headers, headers, strict=True):
        year = _YEAR_COLUMN.search(plain)
        if header == rate_col:
            continue
        if year:
            dated.append((int(year.group(1)), header))
        elif re.search(r"上年|上期|去年", plain):
            dated.append((0, header))
        elif re.search(r"本年|本期|今年|当年", plain):
            dated.append((9999, header))
    if len(dated) != 2 or dated[0][0] == dated[1][0]:
        return []
    (_, base_col), (_, current_col) = sorted(dated)
    falling = bool(re.search(r"下降|降幅|减幅", _plain(rate_col)))
    checks = []
    for row in table.rows:
        rate, base, current = row.cells.get(rate_col), row.cells.get(base_col), row.cells.get(current_col)
        if not (rate and base and current) or rate.family != "%" or base.value <= 0:
            continue
        change = (base.value - current.value) if falling else (current.value - base.value)
        exact = change / base.value * 100
        if rate.number >= 0 and exact < 0 and not falling and re.search(r"增减|变动|变化", _plain(rate_col)):
            exact = -exact  # an 增减率 column may print a fall without its sign
        formula = f"{row.name} · {_plain(rate_col)} = ({current.text} − {base.text}) ÷ {base.text}"
        tied = f"同一表行的列“{_plain(base_col)}”“{_plain(current_col)}”“{_plain(rate_col)}”"
        checks.append(check(citer, "table_change", formula, rate, exact, tied, [current, base]))
    return checks


_RANKS = (
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d+[、.．](?!\d)"),
    re.compile(r"^[（(]\d+[）)]"),
)


def _rank(name: str) -> int:
    """How high a row stands by its numbering: 一、 (0), （一） (1), 1. (2), （1） (3), bare (4)."""
    return next((i for i, pattern in enumerate(_RANKS) if pattern.match(name)), len(_RANKS))


def _sums(table: Table, citer: Citer) -> list[AuditCheck]:
    """合计 rows against the rows they sum, 小计 (group) rows against exactly their own group's items."""
    checks = []
    segment: list[TableRow] = []
    body = [r for r in table.rows if not r.blank]
    if body and _GRAND.match(body[0].name) and not any(_GRAND.match(r.name) for r in body[1:]):
        # "合计" stated first, above the rows it sums
        return _segment_sums(table, table.rows[table.rows.index(body[0]) + 1 :], body[0], citer)
    for row in table.rows:
        if _GRAND.match(row.name):
            checks += _segment_sums(table, segment, row, citer)
            segment = []
        else:
            segment.append(row)
    if segment:
        checks += _segment_sums(table, segment, None, citer)
    return checks


def _segment_sums(table: Table, rows: list[TableRow], grand: TableRow | None, citer: Citer) -> list[AuditCheck]:
    """A group's 小计 row stands either before its items (a group heading that carries the group's amount,
    with or without the word 小计) or after them; which, the table's layout says: a table that opens with a
    小计 row puts each 小计 first, one whose last row is a 小计 puts each last. A 合计 sums the rows no group
    covers (the 小计 rows and any items outside a group)."""
    grouping = _grouping(rows)
    if grouping is None:
        return []  # the layout does not say which rows a 小计 closes: no pairing to hold the report to
    body, groups, members, direct = grouping
    checks = []
    covered: set[int] = set()
    for i in groups:
        if not direct.get(i):
            continue
        covered.update(members[i])
        checks += _sum_row(table, body[i], [body[j] for j in direct[i]], "小计", citer)
    if grand is not None:
        parts = [j for j in range(len(body)) if j not in covered]
        word = "合计（按小计行）" if groups else "合计"
        readings = [
            _sum_row(table, grand, [body[j] for j in reading], word, citer) for reading in _breakdowns(body, parts)
        ]
        # each column keeps the first reading that agrees; where the layout allows several readings and none
        # agrees, it is left alone (the table does not say which rows the 合计 sums)
        for column in range(len(readings[0]) if readings else 0):
            options = [r[column] for r in readings if len(r) > column]
            agreeing = next((o for o in options if o.verdict is not Verdict.INCONSISTENT), None)
            if agreeing is not None or len(options) == 1:
                checks.append(agreeing or options[0])
    return checks


_BREAKDOWN = re.compile(r"^其中[：:，,]?")


def _breakdowns(body: list[TableRow], parts: list[int]) -> list[list[int]]:
    """ "基本支出｜400 / 其中：人员经费｜300 / 公用经费｜100 / 项目支出｜600": rows from "其中" on break down
    the row above them, and where the breakdown ends the table does not say; each possible end is a reading
    of the rows the 合计 sums (the breakdown rows left out)."""
    starts = [k for k, j in enumerate(parts) if _BREAKDOWN.match(body[j].name)]
    if not starts:
        return [parts]
    # A breakdown followed by another ends at the row before the next one's parent (the row just above its
    # "其中"); only the last breakdown's end is open.
    kept = parts[: starts[0]]
    for start, following in zip(starts, starts[1:], strict=False):
        parent = following - 1
        if parent <= start:
            return [parts]  # two 其中 rows with no parent between them: the layout is not one we read
        kept += parts[parent : parent + 1]
    readings = []
    closing = []  # the ends where the breakdown's rows add up to the row above its 其中
    parent = body[parts[starts[-1] - 1]] if starts[-1] > 0 else None
    for end in range(starts[-1] + 1, len(parts) + 1):
        readings.append(kept + parts[end:])
        rows = [body[j] for j in parts[starts[-1] : end]]
        if parent is not None and _adds_up(parent, rows):
            closing.append(readings[-1])
    return closing[:1] if len(closing) == 1 else readings or [parts]


def _adds_up(parent: TableRow, rows: list[TableRow]) -> bool:
    """Every amount column of the parent row is the sum of the rows' amounts in it."""
    columns = [h for h, f in parent.cells.items() if f.family != "%" and all(h in r.cells for r in rows)]
    return bool(columns) and all(
        abs(sum((r.cells[h].value for r in rows), Decimal(0)) - parent.cells[h].value) <= parent.cells[h].last_digit / 2
        for h in columns
    )


def _grouping(
    rows: list[TableRow],
) -> tuple[list[TableRow], list[int], dict[int, list[int]], dict[int, list[int]]] | None:
    """The rows with figures, which of them are group (小计) rows, every row inside each group and the rows
    each group's amount sums; None when the layout leaves it open whether a 小计 heads or closes its items."""
    body: list[TableRow] = []
    opens: set[int] = set()  # body rows that follow a heading row without figures
    for row in rows:
        if row.blank:
            opens.add(len(body))
        else:
            body.append(row)
    ranks = [_rank(r.name) for r in body]
    groups = [
        i
        for i, r in enumerate(body)
        if r.cells
        and (
            _SUB.search(r.name)
            or (
                i + 1 < len(body)
                and ranks[i] < len(_RANKS)
                and ranks[i + 1] > ranks[i]
                and body[i + 1].cells
                and not _SUB.search(body[i + 1].name)
            )
        )
    ]
    members: dict[int, list[int]] = {}  # a group row -> every row inside it
    direct: dict[int, list[int]] = {}  # a group row -> the rows its amount sums
    leading = bool(groups) and groups[0] == 0
    trailing = bool(groups) and groups[-1] == len(body) - 1
    items = [ranks[j] for j in range(len(body)) if j not in groups]
    if leading and trailing and items and max(ranks[i] for i in groups) < min(items):
        # numbered group rows (一、…小计) above bare items: each heads its group, the last one with no items
        trailing = False
    if leading and not trailing:
        for i in groups:
            own = []
            for j in range(i + 1, len(body)):
                numbered = ranks[i] < len(_RANKS)
                if (j in groups or numbered) and ranks[j] <= ranks[i]:
                    break  # the next group, or a sibling numbered as high ("三、学前教育" after "二、…小计")
                own.append(j)
            members[i] = own
            top = min((ranks[j] for j in own), default=0)
            direct[i] = [j for j in own if ranks[j] == top]
    elif trailing and not leading:
        start = 0
        for i in groups:
            start = max([start, *(o for o in opens if o <= i)])
            members[i] = direct[i] = [j for j in range(start, i) if j not in groups]
            start = i + 1
    elif groups:
        return None
    return body, groups, members, direct


def _sum_row(
    table: Table, total_row: TableRow, parts_rows: list[TableRow], word: str, citer: Citer
) -> list[AuditCheck]:
    checks = []
    for header, total in total_row.cells.items():
        if total.family == "%" or _CUMULATIVE.search(header) or _AVERAGE_COLUMN.search(_plain(header)):
            continue
        if _ratio_column(header, total):
            continue
        parts = [r.cells[header] for r in parts_rows if header in r.cells]
        if len(parts) < 2 or len(parts) < len(parts_rows):
            continue
        if any(p.family != total.family for p in parts):
            # "合计 8,460亩" over rows in 亩 and one in 处: the total counts the rows of its own unit only
            if any(p.family == "" for p in parts) or total.family == "":
                continue
            parts = [p for p in parts if p.family == total.family]
            if len(parts) < 2:
                continue
        exact = sum((p.value for p in parts), Decimal(0)) / total.scale
        formula = f"{total_row.name} · {_plain(header)} = " + " + ".join(p.text for p in parts)
        tied = (
            f"表中“合计”行与各小计行（及组外各项）的“{_plain(header)}”列（各项不重复计入）"
            if word.startswith("合计（")
            else f"表中“{word}”行与{'各项' if word == '合计' else '本组各项'}的“{_plain(header)}”列"
        )
        checks.append(check(citer, "table_total", formula, total, exact, tied, parts, sum_slack(total, parts)))
    return checks


def _ratio_column(header: str, total: Fig) -> bool:
    """The column's unit, in its header or in the 合计 cell itself ("0.56元/吨"), is a per-unit or a ratio."""
    for unit in [*_HEADER_UNITS.findall(header), total.unit, total.family]:
        ratio = _RATIO_UNIT.search(unit.strip())
        if ratio and not (ratio["per"] is not None and _PER_TIME.match(ratio["per"].strip())):
            return True
    return False


def _shares(table: Table, citer: Citer) -> list[AuditCheck]:
    """Each row's share of the 合计 row (or of its own group's 小计) in the amount column the share is of:
    the one the share column's header names ("支出占比" → "实际支出"), else, in a table with several amount
    columns, the one most of the rows' shares agree with; where no column carries most rows, none is read."""
    share_col = next((h for h in table.headers if _SHARE_COLUMN.search(_plain(h))), None)
    total_row = next((r for r in table.rows if _GRAND.match(r.name)), None)
    if share_col is None or total_row is None:
        return []
    amount_cols = [
        h
        for h in table.headers
        if h != share_col
        and total_row.cells.get(h)
        and total_row.cells[h].family != "%"
        and total_row.cells[h].value > 0
        and any(r.cells.get(h) for r in table.rows if r is not total_row)
    ]
    named = _named_columns(share_col, amount_cols)
    readings = {h: _share_readings(table, share_col, h, total_row, citer) for h in (named or amount_cols)}
    readings = {h: r for h, r in readings.items() if r}
    if not readings:
        return []
    if len(readings) == 1 and (named or len(amount_cols) == 1):
        return next(iter(readings.values()))
    agreeing = {h: sum(c.verdict is not Verdict.INCONSISTENT for c in r) for h, r in readings.items()}
    best = max(readings, key=lambda h: agreeing[h])
    tied = [h for h in readings if agreeing[h] == agreeing[best]]
    verdicts = {tuple(c.verdict for c in readings[h]) for h in tied}
    if agreeing[best] * 2 <= len(readings[best]) or len(verdicts) > 1:
        return []  # the table does not show which column the shares are of
    return readings[best]


def _named_columns(share_col: str, amount_cols: list[str]) -> list[str]:
    """The amount columns whose header shares a word with what the share column says it is a share of."""
    words = re.sub(r"占比|比重|比例|构成|占|总|全部|的|[（(][^（()）]*[）)]|%", "", share_col)
    pairs = {words[i : i + 2] for i in range(len(words) - 1)}
    if not pairs:
        return []
    return [h for h in amount_cols if any(p in _plain(h) for p in pairs)]


def _share_readings(
    table: Table, share_col: str, amount_col: str, total_row: TableRow, citer: Citer
) -> list[AuditCheck]:
    checks = []
    whole = total_row.cells[amount_col]
    group_of: dict[int, TableRow] = {}  # an item row -> its group's 小计 row
    grouping = _grouping([r for r in table.rows if not _GRAND.match(r.name)])
    if grouping:
        body, _, _, direct = grouping
        group_of = {id(body[j]): body[i] for i, own in direct.items() for j in own}
    for row in table.rows:
        if row is total_row:
            continue  # its 100.00% is not the sum of the rounded shares above it
        share, part = row.cells.get(share_col), row.cells.get(amount_col)
        if not (share and part and share.family == "%"):
            continue
        readings = [("合计", whole)]
        group = None if _SUB.search(row.name) else group_of.get(id(row))  # a 小计 row's share is of the 合计
        if group is not None and group.cells.get(amount_col) and group.cells[amount_col].value > 0:
            readings.append((group.name, group.cells[amount_col]))  # a share of its own group
        results = []
        for name, base in readings:
            exact = part.value / base.value * 100
            results.append(
                check(
                    citer,
                    "table_share",
                    f"{row.name} · {_plain(share_col)} = {part.text} ÷ {name} {base.text}",
                    share,
                    exact,
                    f"表中“{_plain(share_col)}”列、“{_plain(amount_col)}”列与“{name}”行",
                    [part, base],
                    ratio_slack(part, base, exact),
                )
            )
        checks.append(next((r for r in results if r.verdict is not Verdict.INCONSISTENT), results[0]))
    return checks


def _row_period_sums(table: Table, period_cols: list[str], cumulative_col: str, citer: Citer) -> list[AuditCheck]:
    checks = []
    for row in table.rows:
        total = row.cells.get(cumulative_col)
        parts = [row.cells[h] for h in period_cols if h in row.cells]
        if total is None or total.family == "%" or len(parts) != len(period_cols):
            continue
        exact = sum((p.value for p in parts), Decimal(0)) / total.scale
        names = "”“".join(_plain(h) for h in period_cols)
        checks.append(
            check(
                citer,
                "table_cumulative",
                f"{row.name} · {_plain(cumulative_col)} = " + " + ".join(p.text for p in parts),
                total,
                exact,
                f"同一表行的各期列“{names}”相加为“{_plain(cumulative_col)}”列",
                parts,
                sum_slack(total, parts),
            )
        )
    return checks


def _cumulative(view: ReportView, table: Table, citer: Citer) -> list[AuditCheck]:
    """累计 = previous 累计 + this period; 累计进度 = 累计 ÷ the budget the sentence before the table states."""
    checks = []
    periods_of: dict[str, list[Fig]] = {}
    cumulative_col = next(
        (h for h in table.headers if _CUMULATIVE.search(h) and "进度" not in h and "%" not in h), None
    )
    period_col = _period_column(table, cumulative_col)
    progress_col = next((h for h in table.headers if re.search(r"进度|执行率", h)), None)
    if cumulative_col is None:
        return checks
    before = table.headers[: table.headers.index(cumulative_col)]
    period_cols = [h for h in before if _NAMED_PERIOD.search(_plain(h))]
    if len(period_cols) >= 2:
        # "单位｜一季度支出｜二季度支出｜累计支出": the periods run across the columns, each row its own sum
        checks += _row_period_sums(table, period_cols, cumulative_col, citer)
    elif period_col is not None and all(
        _NAMED_PERIOD.search(r.name) or _YEAR_COLUMN.search(r.name)
        for r in table.rows
        if r.cells and not _GRAND.match(r.name)
    ):
        # "季度｜当季支出｜累计支出": the periods run down the rows, the 累计 column a running sum of them; it starts
        # from zero at the year's first period, else from the first row's own 累计 ("2022年｜300｜1,100" may carry
        # years before the table), so a slip in one row is flagged there and not again below it
        running: Decimal | None = None
        so_far: list[Fig] | None = []  # the periods a running total from zero adds up (None: it carries years)
        for row in table.rows:
            total, period = row.cells.get(cumulative_col), row.cells.get(period_col)
            if period is None or total is None or _GRAND.match(row.name):
                continue
            if running is None and not _FIRST_PERIOD.search(row.name):
                running, so_far = total.value, None
                continue
            running = (running or Decimal(0)) + period.value
            if so_far is not None:
                so_far.append(period)
                periods_of[row.name] = list(so_far)
            checks.append(
                check(
                    citer,
                    "table_cumulative",
                    f"{row.name} · 累计 = 上期累计 + {period.text}",
                    total,
                    running / total.scale,
                    f"表中“{_plain(cumulative_col)}”列逐行累加“{_plain(period_col)}”列",
                    [period],
                )
            )
    if progress_col is None or _has_budget_column(table):
        return checks  # a budget column of its own: each row's progress is read from its own row (_row_rates)
    budgets = [
        f
        for para in view.paras[max(0, table.para - 2) : table.para + 1]
        for f in para.figs
        if f.family == "元" and is_budget(f)
    ]
    if len(budgets) > 1:
        return checks
    near = bool(budgets)
    if not near:
        # no budget just before the table: the year's one budget the report states earlier, held to the table
        # only where some row's progress agrees with it
        budgets = year_budgets(view, table.para)
    if len({f.value for f in budgets}) != 1:
        return checks
    budget = budgets[-1]
    progress: list[AuditCheck] = []
    for row in table.rows:
        rate, total = row.cells.get(progress_col), row.cells.get(cumulative_col)
        if rate and total and rate.family == "%" and total.family == budget.family:
            word = f"{row.name} · {_plain(progress_col)}"
            readings = [([total], [budget], word)]
            if len(periods_of.get(row.name, [])) >= 2:
                # a slip in the 累计 cell is flagged there: the rate beside it may be of the periods' true sum
                readings.append((periods_of[row.name], [budget], f"{word}（按各期之和）"))
            result = _best(
                citer,
                "table_rate",
                rate,
                readings,
                f"表中“{_plain(cumulative_col)}”列与表前所述“{budget.label[-6:]}”",
            )
            if result:
                progress.append(result)
    if near or any(r.verdict is Verdict.CONSISTENT for r in progress):
        checks += progress
    return checks


def _period_column(table: Table, cumulative_col: str | None) -> str | None:
    """The column of each period's own amount that a 累计 column runs over: a column of the 累计 column's unit
    ("本月进度" is a rate, never added up), the one the 累计 column names ("累计拨付" runs over "拨付")
    before any other."""
    if cumulative_col is None:
        return None
    family = _column_family(table, cumulative_col)
    amounts = [h for h in table.headers if h != cumulative_col and _column_family(table, h) == family]
    named = [h for h in amounts if _plain(h) == _CUMULATIVE.sub("", _plain(cumulative_col))]
    periods = [h for h in amounts if _PERIOD_AMOUNT.search(h)]
    # else the one column of money paid out, not planned ("计划数｜实际支付｜累计支付")
    spent = [
        h
        for h in amounts
        if re.search(r"实际|支出|支付|拨付|使用", _plain(h)) and not re.search(r"计划|预算|目标|安排", _plain(h))
    ]
    return next(iter(named + periods), spent[0] if len(spent) == 1 else None)


def _column_family(table: Table, header: str) -> str | None:
    """The unit family of a column's figures, or None where they differ or there are none."""
    families = {r.cells[header].family for r in table.rows if header in r.cells}
    return families.pop() if len(families) == 1 else None


def _has_budget_column(table: Table) -> bool:
    return any(
        re.search(r"预算|安排|下达|批复", _plain(h))
        and any(h in r.cells and r.cells[h].family != "%" for r in table.rows)
        for h in table.headers
    )


# the rate itself, stated as the row's value ("支出进度为40%"), not a threshold ("执行率低于30%的")
_ROW_RATE = re.compile(r"(?:执行率|执行进度|支出进度|支付进度|拨付进度|使用率)(?:为|是|达到?|仅为?|只有)?$")
# "乙县执行率最低，仅为x%": the rate word before a ranking word and a comma names the figure after them
_RANKED_RATE = re.compile(
    r"(?:执行率|执行进度|支出进度|支付进度|拨付进度|使用率)(?=(?:最高|最低|较高|较低|偏低|偏高)[，,]?(?:为|是|达到?|仅为?|只有)?$)"
)
_ONE_PERIOD = re.compile(r"(?:当|本|(?<![前至到])[一二三四1-4]|第[一二三四1-4])季度|当月|本月|当期|本期")
_BOUND_AFTER = re.compile(r"以上|以下|左右|上下|及以上")
_WHOLE_YEAR = re.compile(r"全年|年度|年底|年末|年终")
# a spending column of part of the year: "1—9月拨付", "前三季度", "截至10月"
_PART_PERIOD = re.compile(r"\d+\s*[—\-~至到]\s*\d+\s*月|上半年|前[一二三]季度|截至|[一二三]季度|\d+月")


def _part_of_year(column: str) -> bool:
    return bool(_PART_PERIOD.search(column)) and not re.search(r"[—\-~至到]\s*12\s*月|全年", column)


_GENERIC_ROW = re.compile(r"^(?:其他|其它|其余|另|其中)$")


def row_key(name: str) -> str:
    """A row's name as prose would write it: no numbering, no parenthesised count, no 小计."""
    name = _RANKS[0].sub("", name)
    for pattern in _RANKS[1:]:
        name = pattern.sub("", name)
    return re.sub(r"[（(][^（()）]*[）)]|小计|合计", "", name).strip()


# "甲项目占全部支出的x%", "乙经费占专项经费小计的y%": a share whose part and whole are named, not stated
_NAMED_SHARE = re.compile(
    r"(?:^|[，,；：:])(?P<part>[\u4e00-\u9fff]{2,20}?)占(?P<base>[\u4e00-\u9fff]{2,16}?)的?(?:比重|比例)?"
    r"(?:为|是|达到?|约)?$"
)
_GRAND_WORDS = re.compile(r"^(?:全部|全年|项目|资金|部门)?(?:实际)?(?:总支出|支出总额|支出合计|支出|总额|合计|总计)$")
_AMOUNT_NOUN = re.compile(r"(?:类)?(?:的)?(?:实际)?(?:支出|资金|金额)$")
_SPENT = re.compile(r"(?:的)?(?:实际)?支出$")


def named_share_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "甲占总支出的x%" = 甲's row ÷ the 合计 row, "乙占丙小计的y%" = 乙's row ÷ the 丙小计 row, both in the
    spending column of the one table that names them."""
    checks = []
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%"):
            head = para.text[max(para.text.rfind("。", 0, rate.local), -1) + 1 : rate.local]
            named = _NAMED_SHARE.search(head)
            if named is None:
                continue
            found = [
                (table, col, part, whole)
                for table in view.tables
                if (col := _spending_column(table))
                and (part := _row_for(table, named["part"], col))
                and (whole := _whole_row(table, named["base"], col))
                and part is not whole
            ]
            if len(found) != 1:
                continue
            table, col, part, whole = found[0]
            num, den = part.cells[col], whole.cells[col]
            if den.value <= 0 or num.value > den.value:
                continue
            formula = f"{row_key(part.name)}占比 = {num.text} ÷ {den.text}"
            tied = f"“{named['part']}占{named['base']}”：表中“{part.name}”“{whole.name}”两行的“{_plain(col)}”列"
            checks.append(check(citer, "share", formula, rate, num.value / den.value * 100, tied, [num, den]))
    return checks


# "…合计支出A万元，占全市支出的x%": a share whose part is the amount the clause before states and whose whole is
# named as the grand total, stated nowhere in prose but in the 合计 row of the table the amount is a row of
_STATED_PART_SHARE = re.compile(
    r"^占(?P<base>(?:全[市县区省镇乡]|全部|全年|项目|资金|部门)?(?:实际)?(?:总支出|支出总额|支出合计|支出|总额|总计))"
    r"的?(?:比重|比例)?(?:为|是|达到?|约)?$"
)


def stated_part_share_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "甲片区支出A万元，占全部支出的x%" with no whole in prose: A ÷ the 合计 row of the one table column where A
    stands as a row's cell (the spending column where the whole is named as 支出). A fallback: only where no other
    relation has judged the share."""
    checks = []
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%"):
            start = max(para.text.rfind(c, 0, rate.local) for c in "，,；。") + 1
            # "…A万元，在乙小计中占到了x%": the whole a row of the table, named after 在
            within = IN_WHOLE_SHARE.fullmatch(para.text[start : rate.local])
            named = _STATED_PART_SHARE.match(para.text[start : rate.local]) or within
            if named is None or start == 0 or para.text[start - 1] not in "，,":
                continue
            before = [f for f in para.figs if f.end - para.start <= start - 1 and f.family == "元"]
            if not before or before[-1].end - para.start != start - 1:
                continue  # the amount must close the clause just before "，占…"
            part = before[-1]
            found = []
            for table in view.tables:
                spending = _spending_column(table)
                for col in table.headers:
                    if "支出" in named["base"] and col != spending:
                        continue
                    rows = [r for r in table.rows if col in r.cells and r.cells[col].value == part.value]
                    grand = [r for r in table.rows if _GRAND.match(r.name) and col in r.cells]
                    if within:
                        whole_row = _whole_row(table, named["base"], col)
                        grand = [whole_row] if whole_row is not None else []
                    if len(rows) == 1 and len(grand) == 1 and rows[0] is not grand[0]:
                        found.append((col, rows[0], grand[0]))
            if len(found) != 1:
                continue
            col, row, whole = found[0]
            num, den = row.cells[col], whole.cells[col]
            if den.value <= 0 or num.value > den.value:
                continue
            formula = f"{row_key(row.name)}占比 = {part.text} ÷ {den.text}"
            tied = f"“{named.group(0)}”：所述金额即表中“{row.name}”行，总数为“{whole.name}”行的“{_plain(col)}”列"
            checks.append(
                check(citer, "table_part_share", formula, rate, num.value / den.value * 100, tied, [part, den])
            )
    return checks


def _spending_column(table: Table) -> str | None:
    """The one column of a table that states money spent (not a budget, not a 累计 beside another)."""
    amounts = [h for h in table.headers if _column_family(table, h) == "元"]
    spend = [
        h
        for h in amounts
        if re.search(r"实际|支出|执行|使用|支付", _plain(h)) and not re.search(r"预算|安排|下达|批复|计划", _plain(h))
    ]
    return spend[0] if len(spend) == 1 else None


def _row_for(table: Table, words: str, col: str) -> TableRow | None:
    """The one row a short name stands for: its own name ("设备购置"), with 支出 after it, or its first and
    last words ("市级资金" for "市级乡村振兴资金")."""
    core = _AMOUNT_NOUN.sub("", words)
    names = {row_key(words), row_key(core)}
    rows = [r for r in table.rows if col in r.cells and not _GRAND.match(r.name)]
    exact = [r for r in rows if row_key(r.name) in names and ("小计" in r.name) == ("小计" in words)]
    if exact:
        return exact[0] if len(exact) == 1 else None
    short = row_key(_SPENT.sub("", words))
    abbreviated = [
        r
        for r in rows
        if "小计" not in r.name
        and len(row_key(r.name)) > len(short) >= 4
        and any(
            row_key(r.name).startswith(short[:k]) and row_key(r.name).endswith(short[k:])
            for k in range(2, len(short) - 1)
        )
    ]
    return abbreviated[0] if len(abbreviated) == 1 else None


def _whole_row(table: Table, words: str, col: str) -> TableRow | None:
    """The row a share's named whole is: the 合计 row for "总支出", "实际支出"; else the row (a 小计) it names."""
    if _GRAND_WORDS.match(words):
        grand = [r for r in table.rows if _GRAND.match(r.name) and col in r.cells]
        return grand[0] if len(grand) == 1 else None
    return _row_for(table, words, col)


def prose_row_rates(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """A rate in prose about one row of a table: "甲单位累计支出120万元，支出进度40%" or "其中乙单位执行率
    95%" = the row's spending (its 累计 column where there is one) ÷ the row's budget. The row is the one
    whose amount the clause states, else the one the sentence names last before the rate."""
    checks = []
    tables = [t for t in view.tables if _budget_and_spend(t)]
    if not tables:
        return checks
    for para in view.paras:
        for rate in para.figs:
            if rate.family != "%":
                continue
            sentence_start = max(para.text.rfind("。", 0, rate.local), para.text.rfind("；", 0, rate.local)) + 1
            rate_word = _ROW_RATE.search(rate.label) or _RANKED_RATE.search(para.text[sentence_start : rate.local])
            if rate_word is None or _ONE_PERIOD.search(rate.label):
                continue
            if _BOUND_AFTER.match(rate.after):
                continue  # "支付进度力争达到95%以上": a threshold or an outlook, not the row's rate
            clause_start = max(
                [sentence_start, *(f.end - para.start for f in para.figs if f.family == "%" and f.local < rate.local)]
            )
            stated = [f for f in para.figs if clause_start <= f.local < rate.local and f.family == "元"]
            found = None
            for table in tables:
                budget_col, spend_col = _budget_and_spend(table)
                rows = [r for r in table.rows if r.cells.get(budget_col) and r.cells.get(spend_col)]
                # the row whose budget or spending the clause states: a row merely sharing another column's
                # figure ("一季度支出…" in a quarterly table) is not what the rate is of
                by_value = [r for r in rows if _states_row(stated, r, budget_col, spend_col)]
                if len(by_value) == 1:
                    found = (table, by_value[0], budget_col, spend_col)
                    break
                named = []
                for row in rows:
                    key = row_key(row.name)
                    named_ok = len(key) >= 2 and not _GENERIC_ROW.match(key)
                    at = para.text.rfind(key, clause_start, rate.local) if named_ok else -1
                    if at >= 0:
                        named.append((at + len(key), len(key), row))
                if named:
                    named.sort(key=lambda n: (n[0], n[1]))
                    if _other_amount(stated, named[-1]):
                        continue
                    if len(named) > 1 and named[-1][:2] == named[-2][:2]:
                        continue
                    found = (table, named[-1][2], budget_col, spend_col)
                    break
            if found is None:
                continue
            table, row, budget_col, spend_col = found
            if _WHOLE_YEAR.search(para.text[clause_start : rate.local]) and _part_of_year(spend_col):
                continue  # the prose speaks of the whole year, the column of spending so far in it
            spend, budget = row.cells[spend_col], row.cells[budget_col]
            word = rate_word.group(0)
            subject = row_key(row.name) or row.name
            tied = f"原文所述{subject}的“{word}”与表中该行的“{_plain(spend_col)}”“{_plain(budget_col)}”"
            result = _best(
                citer,
                "table_row_rate",
                rate,
                [([spend], [budget], f"{row.name} · {_plain(spend_col)} ÷ {_plain(budget_col)}")],
                tied,
            )
            if result:
                checks.append(result)
    return checks + _prose_row_budgets(view, tables, citer)


def _states_row(stated: list[Fig], row: TableRow, budget_col: str, spend_col: str) -> bool:
    return any(row.cells[col].value == f.value for f in stated for col in (budget_col, spend_col))


def _other_amount(stated: list[Fig], named: tuple[int, int, TableRow]) -> bool:
    """ "乙单位上半年支出120万元，支出进度40%": the clause states, after the row's name, only amounts the row does
    not hold in any column; the rate is of those amounts, not of the row's columns."""
    end, _, row = named
    after = [f for f in stated if f.local >= end]
    held = {c.value for c in row.cells.values()}
    return bool(after) and not any(f.value in held for f in after)


# "甲子项目安排资金500.00万元": the amount the words give as an item's budget, with no other qualifier
_ROW_BUDGET_WORDS = re.compile(r"(?:安排|预算|下达|批复)(?:资金|金额|经费|预算)?(?:为|共|计)?$")
_NOT_ROW_BUDGET = re.compile(
    r"年初|年中|原|调整|追加|调增|调减|上年|去年|累计|支出|到位|其中|计划|目标|新增|剩余|结余|未|已|约|超"
)


def _prose_row_budgets(view: ReportView, tables: list[Table], citer: Citer) -> list[AuditCheck]:
    """ "乙子项目安排资金520.00万元" in prose, with a table whose one budget column has the 乙 row: the prose
    restates that row's budget. Read only where the clause names exactly one row and no other qualifier."""
    checks = []
    for para in view.paras:
        for fig in para.figs:
            if fig.family != "元" or in_parentheses(para.text, fig.local):
                continue
            head = para.text[: fig.local]
            clause = head[max(head.rfind(c) for c in "，。；：,;、") + 1 :]
            if not _ROW_BUDGET_WORDS.search(clause) or _NOT_ROW_BUDGET.search(clause):
                continue
            cells = []
            for table in tables:
                budget_col = _budget_and_spend(table)[0]
                for row in table.rows:
                    key = row_key(row.name)
                    cell = row.cells.get(budget_col)
                    if cell is None or len(key) < 3 or _GENERIC_ROW.match(key) or key not in clause:
                        continue
                    cells.append((len(key), row, cell, budget_col))
            if not cells:
                continue
            cells.sort(key=lambda c: c[0])
            longest = [c for c in cells if c[0] == cells[-1][0]]
            if len(longest) != 1:
                continue
            _, row, cell, budget_col = longest[0]
            exact = cell.value / fig.scale
            formula = f"{fig.text} = {row.name} · {_plain(budget_col)} {cell.text}"
            tied = f"原文所述“{row_key(row.name)}”的预算与表中该行的“{_plain(budget_col)}”"
            checks.append(check(citer, "table_row_budget", formula, fig, exact, tied, [cell]))
    return checks


def row_budget(view: ReportView, name: str, spend: Fig) -> list[Fig]:
    """The budget cell of the table row named `name` ("项目支出小计｜2,600｜2,400｜…"), taken only where the
    row's spending cell states the same spending as `spend`."""
    found = []
    for table in view.tables:
        budget_cols = [h for h in table.headers if re.search(r"预算|安排|下达|批复", _plain(h))]
        if len(budget_cols) != 1:
            continue
        for row in table.rows:
            budget = row.cells.get(budget_cols[0])
            if budget is None or row_key(row.name) != name or budget.family == "%":
                continue
            if any(c is not budget and c.number == spend.number for c in row.cells.values()):
                found.append(budget)
    return found


_DUE_COLUMN = re.compile(r"应到位|计划|预算|下达|安排")


def source_row_base(view: ReportView, arrived: Fig, source: str) -> list[Fig]:
    """The amount due of one source of funds ("区级资金｜700.00｜560.00｜…"), for a prose arrival rate: the row named
    for the source whose arrived column states the prose's arrived amount, in a table with one column of the
    amount due and one of the amount arrived. One such row, or nothing."""
    found = []
    for table in view.tables:
        headers = {h: _plain(h) for h in table.headers if _column_family(table, h) == "元"}
        due = [h for h, p in headers.items() if _DUE_COLUMN.search(p) and "到位" not in p.replace("应到位", "")]
        came = [h for h, p in headers.items() if _ARRIVED_COLUMN.search(p)]
        if len(due) != 1 or len(came) != 1:
            continue
        for row in table.rows:
            cell, base = row.cells.get(came[0]), row.cells.get(due[0])
            if cell is None or base is None or _GRAND.match(row.name) or not row_key(row.name).startswith(source):
                continue
            if cell.value == arrived.value:
                found.append(base)
    return found if len(found) == 1 else []


def _budget_and_spend(table: Table) -> tuple[str, str] | None:
    """The budget column and the spending column (the 累计 one where the table has it) of a table."""
    amounts = [h for h in table.headers if any(r.cells.get(h) and r.cells[h].family == "元" for r in table.rows)]
    budget = [h for h in amounts if re.search(r"预算|安排|下达|批复", _plain(h))]
    cumulative = [h for h in amounts if _CUMULATIVE.search(_plain(h)) and h not in budget]
    spend = cumulative or [h for h in amounts if h not in budget and re.search(r"实际|支出|执行|使用|支付", _plain(h))]
    if len(budget) != 1 or len(spend) != 1:
        return None
    return budget[0], spend[0]


# ---- month-on-month changes of a monthly table --------------------------------------------------------------------

# "11月拨付…，环比下降x%": the month's row of a monthly table over the row of the month before
_MOM = re.compile(r"环比(?P<dir>增长|上升|增加|提高|下降|减少)了?(?:为|达)?$")
_MONTH_NAMED = re.compile(r"(?<![\d—\-~至到])(?P<m>1[0-2]|[1-9])月(?!份?[—\-~至到])")
_MONTH_ROW = re.compile(r"^(?P<m>1[0-2]|[1-9])月份?$")


def _monthly_column(table: Table) -> str | None:
    """The one amount column of a table whose rows are months that is of each month alone (not 累计)."""
    if sum(bool(_MONTH_ROW.match(r.name.strip())) for r in table.rows) < 2:
        return None
    amounts = [
        h
        for h in table.headers
        if not _CUMULATIVE.search(h) and any(r.cells.get(h) and r.cells[h].family == "元" for r in table.rows)
    ]
    return amounts[0] if len(amounts) == 1 else None


def _month_rows(table: Table, column: str) -> dict[int, Fig]:
    return {
        int(m["m"]): row.cells[column]
        for row in table.rows
        if (m := _MONTH_ROW.match(row.name.strip())) and row.cells.get(column)
    }


def month_on_month_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "10月拨付环比上升x%" = (the 10月 row ÷ the 9月 row − 1) of the monthly table whose column the words name, the
    month named in the rate's own clause (since the sentence start or the rate before)."""
    checks: list[AuditCheck] = []
    monthly = [(t, col) for t in view.tables if (col := _monthly_column(t))]
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%"):
            direction = _MOM.search(rate.label)
            if direction is None:
                continue
            since = max(
                [max(para.text.rfind("。", 0, rate.local), -1) + 1]
                + [f.end - para.start for f in para.figs if f.family == "%" and f.local < rate.local]
            )
            span = para.text[since : rate.local]
            months = list(_MONTH_NAMED.finditer(span))
            if len(months) != 1:
                continue
            month = int(months[0]["m"])
            found = [
                rows
                for table, col in monthly
                if re.sub(r"当月|本月|[（(][^）)]*[）)]", "", col) in span
                and month - 1 in (rows := _month_rows(table, col))
                and month in rows
            ]
            if len(found) != 1 or found[0][month - 1].value <= 0:
                continue
            current, previous = found[0][month], found[0][month - 1]
            change = (current.value / previous.value - 1) * 100
            exact = -change if direction["dir"] in ("下降", "减少") else change
            formula = f"环比 = {current.text} ÷ {previous.text} − 1"
            tied = f"“{months[0].group(0)}…环比”与月度表中该月、上月两行"
            checks.append(check(citer, "change", formula, rate, exact, tied, [current, previous]))
    return checks


__all__ = ["month_on_month_checks", "prose_row_rates", "table_checks"]


# ---- unit costs of an item the table lists ---------------------------------------------------------------------

# "户均投入…元", "每平方米造价约…元", "平均每处投资…万元": the cost of one unit of output, the unit named
_UNIT_COST = re.compile(
    r"(?:(?P<short>亩|户|座|处|台|套|所|家)均|(?:平均)?每(?P<each>[\u4e00-\u9fff]{1,3}?)(?:平均)?)"
    r"(?:投资|投入|造价|建设成本|成本|支出)(?:约|为|达|仅)*$"
)
# a paragraph opening with an item's name as its heading: "2.某某改造。…", "（三）某某建设：…"
_ITEM_HEADING = re.compile(
    r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*"
    r"(?P<name>[\u4e00-\u9fff]{2,16})[。：:]"
)


def unit_cost_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "3.道路硬化。完成硬化12.5公里，…每公里造价约31.2万元" under a table of budget and spending whose one row
    is that item: the unit cost is the row's spending (or its budget) ÷ the quantity the sentence states. Read only
    where the paragraph's heading names one row, the sentence states no amount of its own and one quantity."""
    checks = []
    tables = [t for t in view.tables if _budget_and_spend(t)]
    for para in view.paras:
        heading = _ITEM_HEADING.match(para.text)
        if not tables or heading is None:
            continue
        for cost in para.figs:
            match = _UNIT_COST.search(cost.label)
            if cost.family != "元" or match is None or in_parentheses(para.text, cost.local):
                continue
            quantity = _one_quantity(para, cost, match["short"] or match["each"])
            row = _row_named(tables, heading["name"])
            if quantity is None or row is None:
                continue
            table, found = row
            budget_col, spend_col = _budget_and_spend(table)
            results = []
            for col in (spend_col, budget_col):
                exact = found.cells[col].value / quantity.value / cost.scale
                results.append((VERDICT_ORDER[judge_exact(cost, exact)], col, exact))
            _, col, exact = max(results, key=lambda r: r[0])
            amount = found.cells[col]
            word = match.group(0).rstrip("约为达仅")
            formula = f"{word} {cost.text} = {found.name} · {_plain(col)} {amount.text} ÷ {quantity.text}"
            tied = f"段首所述“{heading['name']}”与表中该行的“{_plain(col)}”，除以原文所述数量"
            checks.append(check(citer, "unit_cost", formula, cost, exact, tied, [amount, quantity]))
    return checks


def _one_quantity(para: Para, cost: Fig, unit: str) -> Fig | None:
    """The one quantity of `unit` the sentence states before the cost, a "其中" part of it left out; no amount of
    money stated before it (the cost would be of that amount)."""
    start = max(para.text.rfind("。", 0, cost.local), -1) + 1
    before = [f for f in para.figs if start <= f.local < cost.local and not in_parentheses(para.text, f.local)]
    if any(f.family == "元" for f in before):
        return None
    which = para.text.find("其中", start, cost.local)
    counts = [f for f in before if f.family == unit and f.value > 0 and (which < 0 or f.local < which)]
    return counts[0] if len({f.value for f in counts}) == 1 else None


def _row_named(tables: list[Table], name: str) -> tuple[Table, TableRow] | None:
    """The one row, of tables with budget and spending, that the words name: the same name, one within the other,
    or sharing at least two thirds of their character pairs."""
    keys = _char_pairs(name)
    scored = []
    for table in tables:
        budget_col, spend_col = _budget_and_spend(table)
        for row in table.rows:
            key = row_key(row.name)
            if len(key) < 2 or _GENERIC_ROW.match(key) or not (row.cells.get(budget_col) and row.cells.get(spend_col)):
                continue
            shared = len(keys & _char_pairs(key))
            if key in name or name in key or (shared >= 2 and 3 * shared >= 2 * len(keys)):
                scored.append((shared, table, row))
    if not scored:
        return None
    top = max(s[0] for s in scored)
    best = [s for s in scored if s[0] == top]
    return (best[0][1], best[0][2]) if len(best) == 1 else None


def _char_pairs(words: str) -> set[str]:
    return {words[i : i + 2] for i in range(len(words) - 1)}


# ---- the excess over a target an indicator table states ------------------------------------------------------------

# "超过计划3.2公里", "超额目标…": how far the actual goes past its target
_GAP_OVER_TARGET = re.compile(r"(?:超出|超过|高出|超额)(?:年度|全年)?(?:目标|计划|任务)(?:值|数)?(?:约|为)?$")
_TARGET_COLUMN = re.compile(r"目标|指标值|计划")
# a target column read into the row's name: "培训农民 ≥2,000人次"
_TARGET_IN_NAME = re.compile(r"\s*(?:≥|>=|＞=|不低于|不少于)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>\S+)$")


def target_gap_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "全年铺设管网43.2公里，超过计划3.2公里": the excess is the actual just before it less the target of the
    indicator table row that holds that actual and is named in its clause (one such target, or no check)."""
    checks = []
    for para in view.paras:
        for gap in para.figs:
            if gap.family in ("%", "") or not _GAP_OVER_TARGET.search(gap.label):
                continue
            start = max(para.text.rfind("。", 0, gap.local), -1) + 1
            before = [f for f in para.figs if start <= f.local < gap.local]
            if not before or before[-1].unit != gap.unit:
                continue
            actual = before[-1]
            target = _row_target(view, para, actual)
            if target is None or target >= actual.number:
                continue
            exact = actual.number - target
            formula = f"超出 {gap.text} = {actual.text} − 目标{target.normalize():f}{actual.unit}"
            tied = f"“{_GAP_OVER_TARGET.search(gap.label).group(0)}”：实际数减指标表中的目标值"
            checks.append(check(citer, "target_gap", formula, gap, exact, tied, [actual]))
    return checks


def _row_target(view: ReportView, para: Para, actual: Fig) -> Decimal | None:
    """The target (in the actual's unit) of the one indicator row that states this actual and that the actual's
    clause names."""
    head = para.text[: actual.local]
    clause = head[max(head.rfind(c) for c in "，。；：") + 1 :]
    found = set()
    for table in view.tables:
        target_cols = [h for h in table.headers if _TARGET_COLUMN.search(_plain(h))]
        if not target_cols:
            continue
        for row in table.rows:
            if not any(c.family == actual.family and c.value == actual.value for c in row.cells.values()):
                continue
            target = _target_of(row, target_cols[0], actual)
            key = row_key(_TARGET_IN_NAME.sub("", row.name))
            if target is not None and len(key) >= 2 and key in clause:
                found.add(target)
    return found.pop() if len(found) == 1 else None


def _target_of(row: TableRow, target_col: str, actual: Fig) -> Decimal | None:
    cell = row.cells.get(target_col)
    if cell is not None:
        return cell.number if cell.unit == actual.unit else None
    named = _TARGET_IN_NAME.search(row.name)
    if named is None or named["unit"] != actual.unit:
        return None
    return Decimal(named["n"].replace(",", ""))


# ---- the shortfall to a target stated elsewhere ------------------------------------------------------------------

# "距目标还差N户", "离年度计划仍差N个": how far the actual falls short of a target its sentence does not state
_SHORT_OF_TARGET = re.compile(r"(?:距离?|离)(?:年度|全年|年初)?(?:目标|计划|任务)(?:值|数)?(?:尚|还|仍)差(?:约)?$")
_NOT_ACTUAL = re.compile(r"上年|去年|同期|目标|计划|任务|指标值|其中")
_TARGET_WORDS = re.compile(r"目标|计划|任务|指标值")


def shortfall_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "全年实际服务4,860户，离年度目标还差140户": the shortfall is the target less the one actual of its unit the
    sentence states before it, where the target is the one value the indicator table row of that actual, or an
    earlier sentence setting targets, gives for what the actual's clause names."""
    checks = []
    for para in view.paras:
        for gap in para.figs:
            if gap.family in ("%", "百分点", "") or not _SHORT_OF_TARGET.search(gap.label):
                continue
            actual = _one_actual(para, gap)
            if actual is None:
                continue
            named = clause_before(para, actual)
            targets = _table_targets(view, actual, named) | _prose_targets(view, para, actual, named)
            if len(targets) != 1:
                continue
            target = targets.pop()
            if target <= actual.number:
                continue
            formula = f"尚差 {gap.text} = 目标{target.normalize():f}{actual.unit} − {actual.text}"
            tied = f"“{_SHORT_OF_TARGET.search(gap.label).group(0)}”：目标值减实际数"
            checks.append(check(citer, "target_gap", formula, gap, target - actual.number, tied, [actual]))
    return checks


def completion_over_stated_target(
    view: ReportView, para: Para, rate: Fig, word: str, citer: Citer
) -> AuditCheck | None:
    """ "全年完成培训1,150人次，完成率达115.00%" with no target in the sentence: the one actual the sentence
    states before the rate over the target the indicator table row of that actual (or an earlier sentence of
    targets) gives for the measure the actual's clause names."""
    start = max(para.text.rfind("。", 0, rate.local), para.text.rfind("；", 0, rate.local)) + 1
    stated = [f for f in para.figs if start <= f.local < rate.local and f.family not in ("%", "百分点")]
    if len(stated) != 1:
        return None
    actual = stated[0]
    if in_parentheses(para.text, actual.local) or CHANGE_WORDS.search(actual.label) or actual.value <= 0:
        return None
    if _NOT_ACTUAL.search(clause_before(para, actual)):
        return None
    named = clause_before(para, actual)
    targets = _table_targets(view, actual, named) | _prose_targets(view, para, actual, named)
    if len(targets) != 1:
        return None
    target = targets.pop()
    if target <= 0:
        return None
    exact = actual.number / target * 100
    formula = f"{word} = {actual.text} ÷ 目标{target.normalize():f}{actual.unit}"
    tied = f"“{word}”：原文所述实际数，除以指标表或目标段所列该项目标值"
    return check(citer, "completion_rate", formula, rate, exact, tied, [actual])


def _one_actual(para: Para, gap: Fig) -> Fig | None:
    """The one figure of the gap's unit its sentence states before it as this period's actual: no change, last
    year's, planned or part figure, nothing in parentheses."""
    start = max(para.text.rfind("。", 0, gap.local), para.text.rfind("；", 0, gap.local)) + 1
    found = [
        f
        for f in para.figs
        if start <= f.local < gap.local
        and f.unit == gap.unit
        and not in_parentheses(para.text, f.local)
        and not CHANGE_WORDS.search(f.label)
        and not _NOT_ACTUAL.search(clause_before(para, f))
        and not re.match(r"的(?:年度)?(?:目标|计划|任务)", f.after)
    ]
    return found[0] if len(found) == 1 else None


def _names_same(row_or_label: str, clause: str) -> bool:
    """Two names of one measure: one within the other, or sharing at least two character pairs."""
    a, b = row_key(row_or_label), clause
    return len(a) >= 2 and (a in b or len(bigrams(a) & bigrams(b)) >= 2)


def _table_targets(view: ReportView, actual: Fig, named: str) -> set[Decimal]:
    """The targets of indicator table rows that state this actual and are named by its clause."""
    found = set()
    for table in view.tables:
        target_cols = [h for h in table.headers if _TARGET_COLUMN.search(_plain(h))]
        for row in table.rows if target_cols else []:
            if not any(c.family == actual.family and c.value == actual.value for c in row.cells.values()):
                continue
            target = _target_of(row, target_cols[0], actual)
            if target is not None and _names_same(_TARGET_IN_NAME.sub("", row.name), named):
                found.add(target)
    return found


def _prose_targets(view: ReportView, para: Para, actual: Fig, named: str) -> set[Decimal]:
    """Figures of the actual's unit that earlier sentences set as targets ("年度目标为：…服务对象达到5,000户") for
    the measure the actual's clause names."""
    found = set()
    for other in view.paras[: para.index + 1]:
        for f in other.figs:
            if other is para and f.local >= actual.local or f.unit != actual.unit or f.value <= actual.value:
                continue
            start = max(other.text.rfind("。", 0, f.local), -1) + 1
            if _TARGET_WORDS.search(other.text[start : f.local]) and _names_same(clause_before(other, f), named):
                found.add(f.number)
    return found


# ---- the difference between two named items ------------------------------------------------------------------------

# "甲项目支出A万元，比乙项目多B万元": how much one item's figure is above or below another item the words name
_MORE_THAN_ITEM = re.compile(
    r"^(?:比|较)(?P<other>[^，。；\d]{2,20}?)(?P<dir>多|少)(?:出|了)?"
    r"(?:支出|拨付|使用|安排|下达|完成|办理|发放|投入|资金)?(?:约|为)?$"
)
# the other side of a change over time, a plan or a budget: what changes.py and rates.py read
_NOT_ITEM = re.compile(r"上年|去年|同期|上一年|前一年|年初|预算|目标|计划|任务|标准|平均|\d")
_ITEM_VERB = re.compile(r"(?:的)?(?:支出|拨付|使用|安排|下达|完成|办理|发放|投入|资金|金额)$")


def item_difference_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "甲类补助拨付A万元，比乙类补助拨付多D万元": D = |A − B|, with A the figure of the clause just before and
    B the one value the item the words name has: its row's cell in A's column of the table that states A, or
    the figure a clause of the paragraph names it by. The direction (多/少) must agree, or no check."""
    checks = []
    for para in view.paras:
        for diff in para.figs:
            match = _MORE_THAN_ITEM.match(diff.label)
            if diff.family in ("%", "百分点", "") or not match or _NOT_ITEM.search(match["other"]):
                continue
            before = [f for f in para.figs if f.local < diff.local]
            if not before or before[-1].unit != diff.unit or para.text[before[-1].end - para.start] not in "，,":
                continue
            first = before[-1]
            other = _ITEM_VERB.sub("", match["other"])
            values = _row_values(view, first, other) | _prose_values(para, first, diff, other)
            if len(values) != 1:
                continue
            second = values.pop()
            if (first.number > second) != (match["dir"] == "多") or first.number == second:
                continue
            formula = f"{match['dir']} {diff.text} = |{first.text} − {other}{second.normalize():f}{first.unit}|"
            tied = f"“比{match['other']}{match['dir']}”：两项所述数额之差"
            checks.append(check(citer, "item_difference", formula, diff, abs(first.number - second), tied, [first]))
    return checks


def _row_values(view: ReportView, first: Fig, other: str) -> set[Decimal]:
    """The cell, in the column where a table states `first`, of the rows named `other`."""
    found = set()
    for table in view.tables:
        columns = [
            h for row in table.rows for h, c in row.cells.items() if c.unit == first.unit and c.value == first.value
        ]
        for column in set(columns):
            for row in table.rows:
                cell = row.cells.get(column)
                if cell is not None and cell.unit == first.unit and row_key(row.name) == other:
                    found.add(cell.number)
    return found


def _prose_values(para: Para, first: Fig, diff: Fig, other: str) -> set[Decimal]:
    """Figures of `first`'s unit whose clause in this paragraph names `other` and nothing else."""
    found = set()
    for f in para.figs:
        if f is first or f is diff or f.unit != first.unit or in_parentheses(para.text, f.local):
            continue
        if _ITEM_VERB.sub("", clause_before(para, f).strip()) == other:
            found.add(f.number)
    return found


# ---- an amount levied at a rate of named items ------------------------------------------------------------------

# "基本预备费按工程费用与其他费用之和的5%计提，为A万元", "管理费按建安费的2%计取": the rate of the items named
_LEVIED_ON = re.compile(r"按(?:照)?(?P<base>[^，。；按\d]{2,30}?)的$")
_LEVY_VERB = re.compile(r"^\s*(?:计提|计取|提取|计列|计算|测算|核定|安排|预留)")
_SUM_WORDS = re.compile(r"(?:之和|合计|总和|总额|两项|三项|二者)$")


def levy_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "A按甲与乙之和的x%计提，为C": C = (甲 + 乙) × x, each item the one amount of that name the report
    states (a table row, 小计 or not, or a prose figure), the amount the first one after the rate in its sentence."""
    checks = []
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%"):
            start, end = sentence_bounds(para.text, rate.local, "。")
            levied = _LEVIED_ON.search(para.text[start : rate.local])
            if levied is None or not _LEVY_VERB.match(para.text[rate.end - para.start : end]):
                continue
            amounts = [f for f in para.figs if rate.local < f.local < end and f.family == "元"]
            names = [n for n in re.split(r"与|和|及|加上?|、", _SUM_WORDS.sub("", levied["base"])) if n]
            items = [_amount_named(view, name, rate) for name in names]
            if not amounts or not names or any(item is None for item in items):
                continue
            amount, parts = amounts[0], [item for item in items if item is not None]
            exact = sum((p.value for p in parts), Decimal(0)) * rate.number / 100 / amount.scale
            base = " + ".join(p.text for p in parts)
            formula = f"{amount.text} = " + (f"({base})" if len(parts) > 1 else base) + f" × {rate.text}"
            tied = f"“按{levied['base']}的{rate.text}”：所列各项之和乘以比例"
            checks.append(check(citer, "levy", formula, amount, exact, tied, [*parts, rate]))
    return checks


def _amount_named(view: ReportView, name: str, before: Fig) -> Fig | None:
    """The one amount of money a name stands for: a table row so named (小计 or not), or a prose figure whose
    words end with the name; None where there is none or several values."""
    found = [
        cell
        for table in view.tables
        for row in table.rows
        if row_key(row.name) == name
        for cell in row.cells.values()
        if cell.family == "元"
    ]
    named = re.compile(rf"{re.escape(name)}(?:为|是|共|合计|计)?$")
    found += [
        f
        for para in view.paras
        for f in para.figs
        if f.family == "元" and f.start < before.start and named.search(f.label)
    ]
    return found[0] if found and len({f.value for f in found}) == 1 else None
