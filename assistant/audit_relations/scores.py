"""Scores: 满分 − 扣分 = 得分, weight × rate = score, weighted sums, and means of listed scores.

(一级指标 scores adding up to the total are totals: "其中决策…分、过程…分" in totals.py, 合计 rows in tables.py;
a score table with no 合计 row whose total is stated in the prose after it is read here.)
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.audit_relations.core import AuditCheck, Citer, check
from assistant.audit_relations.text import Fig, Para, ReportView, Table, clause_before
from assistant.audit_relations.words import in_parentheses, previous_year_cue

_DEDUCTION = re.compile(r"扣(?:除|减)?了?$")  # "扣1.2分", "扣了1.2分"
_FULL = re.compile(r"(?:满分|分值|权重)(?:为|是|设置为)?$")
_SCORE = re.compile(r"得分|得$|计分|折算得|实得|评分为?$")
_MEAN = re.compile(r"平均|均分")
# "平均每处补助…", "平均每个…", "平均每人…": an amount per unit counted (a whole over a count), never the mean of
# the amounts listed before it
_PER_UNIT_MEAN = re.compile(r"平均每[\u4e00-\u9fff]?(?:[座个处所家户人名台套辆件项次亩公里]|平方米)")
_PLAIN_MEAN = re.compile(r"平均值|均值|等权平均|算术平均|简单平均")
# "分别为A%、B%和C%，平均为D%": a mean that follows the listed rates with no words of its own is their mean
_LIST_MEAN = re.compile(r"[，,]\s*(?:平均|平均为|平均是|平均达到?)")


def score_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks: list[AuditCheck] = []
    for para in view.paras:
        checks += _level_one_total(para, citer)
        for sentence in re.finditer(r"[^。]+", para.text):
            figs = [f for f in para.figs if sentence.start() <= f.local < sentence.end()]
            checks += _deductions(para, figs, citer)
            checks += _weighted(para, figs, citer)
            checks += _means(para, figs, citer)
    checks += _row_deductions(view, citer)
    checks += _total_after_score_table(view, citer)
    checks += _counted_plain_means(view, citer)
    checks += _count_weighted_rates(view, citer)
    checks += _prose_score_rates(view, citer)
    checks += _clause_score_rates(view, citer)
    return checks


# "产出类指标得分27.30分（满分30分），得分率为91.00%": a rate in its own clause after the indicator's score
_CLAUSE_SCORE_RATE = re.compile(r"^得分率(?:为|是|达到?)?$")
_INDICATOR_SCORE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,6}?)(?:类)?指标(?:的)?得分(?:为|是)?$")


def _clause_score_rates(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "X类指标得A分（满分B分），得分率R%" = A ÷ B; with no 满分 stated, B is the 分值 of X's rows in a two-level
    score table ("一级指标｜二级指标｜分值｜得分")."""
    checks: list[AuditCheck] = []
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%" and _CLAUSE_SCORE_RATE.match(f.label)):
            # the score and its 满分 stated since the previous figure of another kind, in the rate's sentence
            start = max(para.text.rfind(c, 0, rate.local) for c in "。；") + 1
            before = [f for f in para.figs if start <= f.local < rate.local]
            if any(f.family == "%" for f in before):
                before = before[max(i for i, f in enumerate(before) if f.family == "%") + 1 :]
            scores = [f for f in before if f.family == "分" and _INDICATOR_SCORE.search(f.label)]
            fulls = [f for f in before if f.family == "分" and _FULL.search(f.label)]
            if len(scores) != 1 or len(fulls) > 1 or [f for f in before if f.family not in ("分",)]:
                continue
            score = scores[0]
            name = _INDICATOR_SCORE.search(score.label)["name"]
            fulls = fulls or _group_fulls(view, name) or _row_full(view, name, score)
            whole = sum((f.value for f in fulls), Decimal(0))
            if whole <= 0:
                continue
            tied = "同句所述“满分”" if len(fulls) == 1 else "评分表中该一级指标各行分值之和"
            base = fulls[0].text if len(fulls) == 1 else "(" + " + ".join(f.text for f in fulls) + ")"
            formula = f"得分率 = {score.text} ÷ {base}"
            checks.append(check(citer, "score_rate", formula, rate, score.value / whole * 100, tied, [score, *fulls]))
    return checks


def _row_full(view: ReportView, name: str, score: Fig) -> list[Fig]:
    """ "其中产出指标得分37.50分，得分率…" beside a one-level score table ("项目产出｜40｜37.50"): the 分值 of the
    one row that states this score and whose name holds the indicator's (a "其中" or "项目" around it aside)."""
    core = re.sub(r"^(?:其中|另外|此外)", "", name)
    found = []
    for table in view.tables:
        cols = _score_columns(table)
        for row in table.rows if cols else []:
            full, got = row.cells.get(cols[0]), row.cells.get(cols[1])
            if full and got and got.value == score.value and len(core) >= 2 and core in row.name:
                found.append(full)
    return found if len(found) == 1 else []


def _group_fulls(view: ReportView, name: str) -> list[Fig]:
    """The 分值 cells of a level-one indicator's rows in a two-level score table ("产出 数量指标｜12｜11.40")."""
    for table in view.tables:
        cols = _score_columns(table)
        if cols is None:
            continue
        rows = [
            r
            for r in table.rows
            if r.name.split(" ")[0] in (name, name + "指标") and r.cells.get(cols[0]) and "小计" not in r.name
        ]
        if len(rows) >= 2 and all(" " in r.name for r in rows):
            return [r.cells[cols[0]] for r in rows]
    return []


# "某类指标得分率为x%": that indicator's row of a score table, its 得分 over its 分值 (满分)
_PROSE_SCORE_RATE = re.compile(
    r"(?:^|[，,、；])(?P<name>[\u4e00-\u9fff]{2,8}?)(?:类)?(?:指标)?的?得分率(?:为|是|达到?)?$"
)


def _score_columns(table: Table) -> tuple[str, str] | None:
    full = [h for h in table.headers if _FULL_COLUMN.search(h)]
    score = [h for h in table.headers if _SCORE_COLUMN.search(h) and not _FULL_COLUMN.search(h)]
    return (full[0], score[0]) if len(full) == 1 and len(score) == 1 else None


def _prose_score_rates(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "效果类指标得分率为x%" = that row's 得分 ÷ 分值 in the score table, where exactly one row bears the name."""
    checks: list[AuditCheck] = []
    tables = [(t, cols) for t in view.tables if (cols := _score_columns(t))]
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%"):
            named = _PROSE_SCORE_RATE.search(rate.label)
            if named is None:
                continue
            rows = [
                (row, cols)
                for table, cols in tables
                for row in table.rows
                if row.name.strip() in (named["name"], named["name"] + "指标")
                and row.cells.get(cols[0])
                and row.cells.get(cols[1])
            ]
            if len(rows) != 1:
                continue
            row, (full_col, score_col) = rows[0]
            full, score = row.cells[full_col], row.cells[score_col]
            if full.value <= 0:
                continue
            exact = score.value / full.value * 100
            formula = f"得分率 = {score.text} ÷ {full.text}"
            tied = f"“{named['name']}…得分率”与评分表该行的“{score_col}”“{full_col}”"
            checks.append(check(citer, "score_rate", formula, rate, exact, tied, [score, full]))
    return checks


# "按样本数加权", "以样本量为权重": a pooled rate of groups weighted by how many each group counts
_BY_COUNT = re.compile(r"加权|为权重")


def _count_weighted_rates(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "甲组400人、满意度85.00%，乙组100人、满意度95.00%。按人数加权，综合满意度87.00%": the pooled rate is
    Σ count × rate ÷ Σ count over the (count, rate) pairs of the sentence before it and its own, where every rate
    there is paired with the count just before it."""
    checks = []
    for para in view.paras:
        text = para.text
        for mean in para.figs:
            start = max(text.rfind("。", 0, mean.local), -1) + 1
            weighted = _BY_COUNT.search(text, start, mean.local) if mean.family == "%" else None
            if weighted is None or any(weighted.end() <= f.local < mean.local for f in para.figs):
                continue  # "按人数加权为A%，算术平均为B%": the weighting names the first rate only
            scope_start = max(text.rfind("。", 0, max(start - 1, 0)), -1) + 1
            figs = [f for f in para.figs if scope_start <= f.local < mean.local]
            pairs = _count_rate_pairs(para, figs) or _listed_count_rate_pairs(para, figs)
            if len(pairs) < 2 or len({c.unit for c, _ in pairs}) != 1:
                continue
            total = sum((c.value for c, _ in pairs), Decimal(0))
            exact = sum((c.value * r.number for c, r in pairs), Decimal(0)) / total
            slack = max(r.last_digit for _, r in pairs) / 2
            terms = " + ".join(f"{c.text} × {r.text}" for c, r in pairs)
            formula = f"加权 {mean.text} = ({terms}) ÷ ({' + '.join(c.text for c, _ in pairs)})"
            sources = [f for pair in pairs for f in pair]
            checks.append(check(citer, "weighted_rate", formula, mean, exact, "按各组数量加权", sources, slack))
    return checks


def _count_rate_pairs(para: Para, figs: list[Fig]) -> list[tuple[Fig, Fig]]:
    """Each rate with the count stated just before it in its clause ("400人、满意度85.00%"); none where a rate
    stands alone."""
    pairs = []
    for before, rate in zip(figs, figs[1:], strict=False):
        if rate.family != "%":
            continue
        gap = para.text[before.end - para.start : rate.local]
        if before.family in ("%", "元", "百分点") or re.search(r"[\d，。；]", gap) or len(gap) > 8:
            return []
        pairs.append((before, rate))
    if figs and figs[0].family == "%":
        return []
    return pairs


def _listed_count_rate_pairs(para: Para, figs: list[Fig]) -> list[tuple[Fig, Fig]]:
    """ "甲组400人、乙组100人，满意度分别为85.00%和95.00%": the counts listed in order, then the rates after
    "分别", one for each count; none unless the two lists are as long as each other."""
    text = para.text
    listed = text.rfind("分别", figs[0].local if figs else 0, figs[-1].local if figs else 0)
    if listed < 0:
        return []
    rates = _listed_run(para, [f for f in figs if f.local > listed and f.family == "%"])
    counts: list[Fig] = []
    for fig in reversed([f for f in figs if f.local < listed]):
        gap = text[fig.end - para.start : counts[0].local if counts else listed]
        if fig.family in ("%", "元", "百分点") or re.search(r"[\d。；]", gap) or len(gap) > 10:
            break
        if counts and ("，" in gap or "," in gap or not re.match(r"[、和及与]", gap)):
            break
        counts.insert(0, fig)
    if len(counts) != len(rates) or len({c.unit for c in counts}) != 1:
        return []
    return list(zip(counts, rates, strict=True))


_FULL_COLUMN = re.compile(r"分值|满分|权重|标准分")
_SCORE_COLUMN = re.compile(r"得分(?!率)|实得|评分(?!率)")


def _row_deductions(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "甲类指标扣1.30分" in prose, with a score table ("指标｜分值｜得分") that has the 甲类 row: the deduction
    is that row's points less its score. Only a prose deduction that names exactly one row is read."""
    from assistant.audit_relations.tables import row_key  # tables.py builds on rates.py, not on this module

    rows = []
    for table in view.tables:
        full = [h for h in table.headers if _FULL_COLUMN.search(h)]
        score = [h for h in table.headers if _SCORE_COLUMN.search(h) and not _FULL_COLUMN.search(h)]
        if len(full) != 1 or len(score) != 1:
            continue
        for row in table.rows:
            key = row_key(row.name)
            points, got = row.cells.get(full[0]), row.cells.get(score[0])
            # bare numbers under "分值"/"得分" headers are points all the same
            if len(key) >= 2 and points is not None and got is not None and points.family == got.family in ("分", ""):
                rows.append((key, points, got))
    checks = []
    for para in view.paras:
        for deduction in para.figs:
            if (
                deduction.family != "分"
                or not _DEDUCTION.search(deduction.label)
                or in_parentheses(para.text, deduction.local)
            ):
                continue
            named = re.split(r"[，、；：]", deduction.label)[-1]
            # "产出指标扣4.60分" names the 产出 row; "产出数量扣2.10分" names a part of it, not the row
            named_rows = [(k, p, g) for k, p, g in rows if _names_row(k, named)]
            if len({(p.value, g.value) for _, p, g in named_rows}) != 1:
                continue
            key, points, got = named_rows[0]
            exact = points.value - got.value
            formula = f"扣分 {deduction.text} = {points.text} − {got.text}"
            tied = f"“{key}”“扣…分”与表中该行的分值、得分"
            checks.append(check(citer, "score", formula, deduction, exact, tied, [points, got]))
    return checks


def _names_row(key: str, named: str) -> bool:
    """The words before a deduction name the row itself: "3.产出指标扣" the 产出 row, not "产出数量扣" or
    "社会效益扣" (an indicator within it)."""
    at = named.rfind(key)
    if at < 0 or _ROW_WORD_HEAD.fullmatch(named[:at]) is None:
        return False
    return _ROW_WORD_TAIL.fullmatch(named[at + len(key) :]) is not None


_ROW_WORD_HEAD = re.compile(r"(?:.*[^\u4e00-\u9fff])?(?:其中|在|对)?")

# what may follow a row's name before its deduction: "产出指标扣", "甲类共扣", "决策方面扣除"
_ROW_WORD_TAIL = re.compile(r"(?:指标|类指标|类|方面|部分|维度|项)?(?:共|合计|累计|总计?)?(?:扣除?|被扣|减)?(?:了|分)?")


_TOTAL_SCORE = re.compile(r"(?:综合得分|总得分|总分|自评得分|评价得分|最终得分|合计得分|综合评分)(?:为|是|达到?)?$")
_LEVEL_ONE = ("决策", "过程", "产出", "效益")


_SUMMED = re.compile(r"相加|之和|加总|合计|汇总|累加|合起来")
_TOTAL_ROW = re.compile(r"合计|总计|总分|总得分|综合得分")


def _total_after_score_table(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """A score table of the 一级指标 with no 合计 row ("一级指标｜分值｜得分"), then in prose "…得分为X分":
    the total is the sum of the table's scores, where the rows are the whole scheme (their points add up to 100,
    or all four 一级指标 are there) or the words say the scores were added up."""
    from assistant.audit_relations.tables import row_key  # tables.py builds on rates.py, not on this module

    checks = []
    for number, table in enumerate(view.tables):
        score_columns = [h for h in table.headers if _SCORE_COLUMN.search(h) and not _FULL_COLUMN.search(h)]
        full_columns = [h for h in table.headers if _FULL_COLUMN.search(h)]
        rows = [row for row in table.rows if not row.blank]
        if len(score_columns) != 1 or not rows or any(_TOTAL_ROW.search(row.name) for row in rows):
            continue
        names = [next((n for n in _LEVEL_ONE if n in row_key(row.name)), None) for row in rows]
        scores = [row.cells.get(score_columns[0]) for row in rows]
        if None in names or len(set(names)) != len(names) or len(names) < 3 or None in scores:
            continue
        if any(f.family not in ("分", "") for f in scores):  # a bare number under "得分" is points
            continue
        points = [row.cells.get(full_columns[0]) for row in rows] if len(full_columns) == 1 else []
        whole = len(names) == len(_LEVEL_ONE) or (
            points and None not in points and sum((f.value for f in points), Decimal(0)) == 100
        )
        following = view.tables[number + 1].para if number + 1 < len(view.tables) else None
        after = [
            para
            for para in view.paras
            if para.index > table.para
            and (following is None or para.index < following)
            and para.index <= table.para + len(table.rows) + 4
        ]
        totals = [
            (para, f)
            for para in after
            for f in para.figs
            if f.family == "分" and _TOTAL_SCORE.search(f.label) and not in_parentheses(para.text, f.local)
        ]
        if not totals:
            continue
        para, total = totals[0]
        sentence_start = max(para.text.rfind("。", 0, total.local), -1) + 1
        summed = _SUMMED.search(para.text[sentence_start : total.local])
        if not whole and not summed:
            continue
        exact = sum((f.value for f in scores), Decimal(0))
        named = zip(names, scores, strict=True)
        formula = f"总分 {total.text} = " + " + ".join(f"{name} {f.text}" for name, f in named)
        tied = f"“{summed.group(0)}”：表中各一级指标得分" if summed else "表中列全的各一级指标得分之和"
        checks.append(check(citer, "score", formula, total, exact, tied, scores))
    return checks


def _level_one_total(para: Para, citer: Citer) -> list[AuditCheck]:
    """ "决策指标满分20分，得分18分；过程…；效益…得分19分。项目综合得分92分。": the total stated in the sentence after
    the 一级指标 scores (each indicator named once, each with one score) is their sum."""
    text = para.text
    checks = []
    for total in para.figs:
        if total.family != "分" or not _TOTAL_SCORE.search(total.label):
            continue
        if previous_year_cue(para, total):
            continue  # "较上年自评得分A分下降B分": last year's total is not this year's indicators' sum
        start = max(text.rfind("。", 0, total.local), -1) + 1
        if start == 0 or [f for f in para.figs if start <= f.local < total.local and f.family == "分"]:
            continue  # the list is in its own sentence (totals.py reads it there)
        previous = max(text.rfind("。", 0, start - 1), -1) + 1
        scores = [
            f
            for f in para.figs
            if previous <= f.local < start
            and f.family == "分"
            and re.search(r"得分?(?:为|是)?$", f.label)
            and not re.search(r"满分|分值|权重|扣", f.label)
            and not in_parentheses(text, f.local)
        ]
        named = [name for name in _LEVEL_ONE if name in text[previous:start]]
        if len(named) < 3 or len(scores) != len(named):
            continue
        exact = sum((f.value for f in scores), Decimal(0))
        formula = f"{total.label[-6:]} {total.text} = " + " + ".join(f.text for f in scores)
        checks.append(check(citer, "score", formula, total, exact, "前句所列各一级指标得分", scores))
    return checks


def _deductions(para: Para, figs: list, citer: Citer) -> list[AuditCheck]:  # noqa: ANN001
    full = next((f for f in figs if f.family == "分" and _FULL.search(f.label)), None)
    if full is None:
        return []
    found = _deductions_of(para, full, figs, citer)
    if found or "；" not in para.text[figs[0].local : figs[-1].local]:
        return found
    # "甲指标扣1.40分；乙指标满分35分，得分32.40分，扣2.60分；丙指标扣3.10分": the full marks, score and
    # deduction of one "；" item, read apart from the other items' deductions
    start = para.text.rfind("；", 0, full.local)
    end = para.text.find("；", full.local)
    end = len(para.text) if end < 0 else end
    item = [f for f in figs if start < f.local < end]
    if len(item) == len(figs):
        return []
    found = _deductions_of(para, full, item, citer)
    return found if found and found[0].formula.startswith("扣分") else []


_TOTAL = re.compile(r"合计|共计|总计|总分|总得分|综合得分|得分合计")


def _deductions_of(para: Para, full, figs: list, citer: Citer) -> list[AuditCheck]:  # noqa: ANN001
    deductions = [f for f in figs if f.family == "分" and f.local > full.local and _DEDUCTION.search(f.label)]
    score = next(
        (
            f
            for f in figs
            if f.family == "分"
            and f.local > full.local
            and _SCORE.search(f.label)
            and not _DEDUCTION.search(f.label)
            and f not in deductions
        ),
        None,
    )
    if deductions and score is not None and len(deductions) == 1 and score.local < deductions[0].local:
        # "满分20分，得16.80分，扣3.20分": the deduction stated after the score is the full marks less the score
        if any(f.family == "%" for f in figs):
            return []
        deduction = deductions[0]
        # "满分100分，四部分分别得A分、B分、C分、D分，合计T分，扣E分": the total is the score, not the first part
        between = [f for f in figs if f.family == "分" and score.local <= f.local < deduction.local]
        totals = [f for f in between if _TOTAL.search(f.label)]
        if totals:
            score = totals[-1]
        elif re.search(r"分别", para.text[full.local : deduction.local]):
            return []  # parts listed with no total of theirs: the deduction is of their sum, not stated
        formula = f"扣分 {deduction.text} = {full.text} − {score.text}"
        exact = full.value - score.value
        return [check(citer, "score", formula, deduction, exact, "“满分”“得…分”与“扣…分”", [full, score])]
    if not deductions or score is None or score.local < deductions[-1].local:
        return []
    if any(f.family == "%" for f in figs) or [f for f in figs if _FULL.search(f.label) and f is not full]:
        return []
    exact = full.value - sum((d.value for d in deductions), Decimal(0))
    formula = f"得分 {score.text} = {full.text} − " + " − ".join(d.text for d in deductions)
    return [check(citer, "score", formula, score, exact, "“满分”与各项“扣…分”", [full, *deductions])]


# "按合格率折算得", "按分值×达标率计得": the rate the score is worked from, named by its words
_NAMED_RATE = re.compile(
    r"按(?:照)?(?:(?:分值|权重|满分)\s*[×xX*乘]\s*)?(?P<rate>[\u4e00-\u9fff]{1,6}[率度])"
    r"(?:折算|计算|计分|换算|计)?(?:后)?得(?:分)?(?:为)?$"
)


def _weighted(para: Para, figs: list, citer: Citer) -> list[AuditCheck]:  # noqa: ANN001
    text = para.text
    results = []
    scores = [f for f in figs if f.family == "分" and _SCORE.search(f.label) and not _FULL.search(f.label)]
    if not scores:
        return []
    # "甲指标权重p分，按…率x%计得a分；乙指标权重q分，按…率y%计得b分": each "；" item scores one indicator
    for earlier, following in zip(scores, scores[1:], strict=False):
        if "；" in text[earlier.local : following.local]:
            results += _weighted_score(para, figs, earlier, citer, alone=True)
    return results + _weighted_score(para, figs, scores[-1], citer)


def _weighted_score(para: Para, figs: list, score, citer: Citer, alone: bool = False) -> list[AuditCheck]:  # noqa: ANN001
    """One score of the sentence as weight × rate (or a weighted sum); `alone`: the score ends its own "；" item,
    so only the weight and rate of that item are read."""
    text = para.text
    results: list[AuditCheck] = []
    segment_start = text.rfind("；", 0, score.local)
    before = [
        f
        for f in figs
        if segment_start < f.local < score.local
        and (not in_parentheses(text, f.local) or (f.family == "分" and _FULL.search(f.label)))  # "（权重10分）"
    ]
    if not alone and "加权" in text[figs[0].local if figs else 0 : score.local]:
        weights = [f for f in before if f.family == "%" and "占" in f.label]
        values = [f for f in before if f.family == "分" and weights and f.local > weights[-1].local]
        if len(weights) >= 2 and len(values) == len(weights):
            exact = sum((w.value * v.value for w, v in zip(weights, values, strict=True)), Decimal(0)) / 100
            formula = f"{score.text} = " + " + ".join(
                f"{v.text} × {w.text}" for w, v in zip(weights, values, strict=True)
            )
            results.append(check(citer, "score", formula, score, exact, "“占…加权计算”", [*weights, *values]))
        return results
    pairs = []
    for rate in (f for f in before if f.family == "%"):
        weight = [f for f in before if f.family == "分" and _FULL.search(f.label) and f.local < rate.local]
        if not weight:
            continue
        w = weight[-1]
        if pairs and pairs[-1][0] is w:
            continue
        if [f for f in before if w.local < f.local < rate.local and f.family == "分"] or "得分率" in rate.label:
            continue
        if re.match(r"[，,]?其中", text[w.end - para.start : w.end - para.start + 3]):
            continue
        pairs.append((w, rate))
    if not pairs:
        named = _NAMED_RATE.search(score.label)
        weights = [f for f in before if f.family == "分" and _FULL.search(f.label)]
        if not named or len(weights) != 1:
            return []
        # "分值12分，按合格率折算得11.10分": the rate the words name, stated once before in the paragraph
        word = named.group("rate")
        rates = [
            f
            for f in para.figs
            if f.family == "%" and f.local < weights[0].local and re.search(word + r"(?:为|是|达到?)?$", f.label)
        ]
        if len({f.value for f in rates}) != 1:
            return []
        pairs = [(weights[0], rates[-1])]
    exact = sum((w.value * r.value for w, r in pairs), Decimal(0)) / 100
    formula = f"{score.text} = " + " + ".join(f"{w.text} × {r.text}" for w, r in pairs)
    sources = [f for pair in pairs for f in pair]
    return [check(citer, "score", formula, score, exact, "“权重（分值）× 比率”计分", sources)]


def _means(para: Para, figs: list, citer: Citer) -> list[AuditCheck]:  # noqa: ANN001
    results = []
    for mean in figs:
        if not _MEAN.search(mean.label) or _PER_UNIT_MEAN.search(mean.label):
            continue
        parts = [
            f
            for f in figs
            if f.local < mean.local and f.family == mean.family and not in_parentheses(para.text, f.local)
        ]
        if mean.family == "%":
            # a mean of rates is their plain mean only where the words say so ("各校…平均值", "等权平均"), and
            # of the rates listed after "分别" only: a pooled rate ("总体", "加权") is another quantity
            listed = para.text.rfind("分别", 0, mean.local)
            if listed < 0 or "加权" in mean.label:
                continue
            parts = _listed_run(para, [f for f in parts if f.local > listed])
            if not _PLAIN_MEAN.search(mean.label) and not _attached_mean(para, parts, mean):
                continue
        head = para.text[figs[0].local : mean.local]
        if len(parts) < 2 or "分别" not in head and "、" not in head:
            continue
        per_unit = all("每" in re.split("、", clause_before(para, p))[-1] for p in parts)
        if per_unit and not _PLAIN_MEAN.search(mean.label):
            continue  # "甲每吨700元、乙每吨800元…平均每吨…": standards per unit average weighted by their quantities
        exact = sum((p.value for p in parts), Decimal(0)) / len(parts) / mean.scale
        formula = f"平均 {mean.text} = (" + " + ".join(p.text for p in parts) + f") ÷ {len(parts)}"
        results.append(check(citer, "mean", formula, mean, exact, "“分别…”列出的各项与“平均”", parts))
    return results


def _listed_run(para: Para, parts: list) -> list:  # noqa: ANN001
    """The rates of the "分别" list itself: "达标率分别为A%、B%；按户数加权为C%，算术平均为D%" averages A and B, the
    list ending where words other than a separator come between two rates."""
    run = parts[:1]
    for a, b in zip(parts, parts[1:], strict=False):
        if not re.fullmatch(r"\s*(?:[、，,]|和|及|与|以及)\s*", para.text[a.end - para.start : b.local]):
            break
        run.append(b)
    return run


def _attached_mean(para: Para, parts: list, mean) -> bool:  # noqa: ANN001
    """The mean comes right after the last listed rate, the rates joined by "、" and "和/及" alone."""
    if len(parts) < 3:
        return False
    text = para.text
    joins = [text[a.end - para.start : b.local] for a, b in zip(parts, parts[1:], strict=False)]
    if not all(re.fullmatch(r"、|和|及|与|以及", j) for j in joins):
        return False
    return bool(_LIST_MEAN.fullmatch(text[parts[-1].end - para.start : mean.local]))


# "四所学校达标率的算术平均为…", "（两个站点覆盖率的等权平均为…）": a plain mean whose words say how many rates it
# averages; those rates are the ones stated before it in the paragraph, or a table column of that many rows
_COUNTED_MEAN = re.compile(
    r"(?P<n>[两二三四五六七八九十]|\d{1,2})(?:个|类|项|所|家|组|种|方面)(?P<who>[\u4e00-\u9fff]{0,6}?)"
    r"(?P<rate>[\u4e00-\u9fff]{0,4}(?:率|度|进度))?的?(?:简单平均|算术平均|等权平均|平均值)"
)
_SMALL_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# a pooled figure is another quantity than its parts: never one of the rates a plain mean averages
_POOLED = re.compile(r"加权|总体|综合|整体|平均|合计|总计|全部|小计")
_RATE_TAIL = re.compile(r"[\u4e00-\u9fff]{0,2}(?:率|度|进度)(?:为|是|达到?)?$")


def _counted_plain_means(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks = []
    for para in view.paras:
        for mean in para.figs:
            words = _COUNTED_MEAN.search(mean.label)
            if mean.family != "%" or words is None or "加权" in mean.label:
                continue
            count = int(words["n"]) if words["n"].isdigit() else _SMALL_NUMBERS[words["n"]]
            rate = words["rate"] or ""
            parts = _rates_before(para, mean, rate, count) or _table_column(view, rate, count)
            if not parts:
                continue
            exact = sum((p.value for p in parts), Decimal(0)) / len(parts)
            formula = f"简单平均 {mean.text} = (" + " + ".join(p.text for p in parts) + f") ÷ {len(parts)}"
            tied = f"“{words.group(0)}”：所说的{len(parts)}个比率"
            checks.append(check(citer, "mean", formula, mean, exact, tied, parts))
    return checks


def _rate_name(label: str) -> str:
    tail = _RATE_TAIL.search(label)
    return re.sub(r"(?:为|是|达到?)$", "", tail.group(0)) if tail else ""


def _rates_before(para: Para, mean: Fig, rate: str, count: int) -> list[Fig]:
    """The rates stated before the mean in its paragraph, all of one name (the mean's own, where it names
    one), none pooled; exactly as many as the words say, or none."""
    rates = [
        f
        for f in para.figs
        if f.family == "%" and f.local < mean.local and _rate_name(f.label) and not _POOLED.search(f.label)
    ]
    names = {_rate_name(f.label) for f in rates}
    if len(rates) != count or len(names) != 1 or (rate and not rate.endswith(names.pop())):
        return []
    return rates


def _table_column(view: ReportView, rate: str, count: int) -> list[Fig]:
    """The column headed by the rate's name in the one table whose rows (less any 合计 or 小计 row) number as
    many as the words say."""
    if not rate:
        return []
    columns = [column for table in view.tables if (column := _column_of(table, rate)) and len(column) == count]
    return columns[0] if len(columns) == 1 else []


def _column_of(table: Table, rate: str) -> list[Fig]:
    plain = {h: re.sub(r"[（(][^（()）]*[）)]", "", h).strip() for h in table.headers}
    # "学校达标率" in the words, "达标率" at the column's head
    headers = [h for h, p in plain.items() if p == rate or len(p) >= 3 and _RATE_TAIL.search(p) and rate.endswith(p)]
    if len(headers) != 1:
        return []
    cells = [row.cells.get(headers[0]) for row in table.rows if not row.blank and not _POOLED.search(row.name)]
    if any(c is None or c.family != "%" for c in cells):
        return []
    return [c for c in cells if c is not None]
