"""Year-over-year changes from the two stated values.

"较上年的26.4万吨增长8.33%", "比上年（11,903.2万元）增加943.3万元", "2022年为4.93万人次，同比增长11.95%",
"由上年的62.4%提升至63.1%，提高0.7个百分点": last year's value is the figure the words mark as last year's
(上年, 去年, 同期, or the earlier of two stated years); this year's is the other figure of the same measure
in the clause group, or the figure the words before "较/比" name earlier in the report ("本年支出比上年的…").
A change stated with its own subject ("旅游综合收入同比增长18.6%") is checked only against figures of
that subject.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.audit_relations.core import AuditCheck, Citer, check, ratio_slack
from assistant.audit_relations.text import Fig, Para, ReportView, earlier_in_section
from assistant.audit_relations.words import bigrams, in_parentheses

_CHANGE = re.compile(
    r"(?P<word>增长|下降|减少|增加|提高|降低|提升|上升|回落|增幅|降幅|减幅|涨幅|压减幅度|下降幅度|增长幅度|幅度)"
    r"(?:了|为|达|约|达到)?$"
)
_PREVIOUS = re.compile(r"上年|去年|上一年|同期|前一年|上年度")
_YEAR = re.compile(r"(20\d{2})\s*年")
_COMPARISON = re.compile(r"较|比|同比|环比|相比|与|由|从|上年|去年|同期|的|了|为|达|20\d{2}年|[\d,.]+\S{0,3}|“|”")


def _year(para: Para, fig: Fig, segment_start: int) -> int | None:
    window = para.text[max(segment_start, fig.local - 30) : fig.local]
    window = window[max((m.end() for m in re.finditer(r"[，；]", window)), default=0) :]
    years = _YEAR.findall(window)
    return int(years[-1]) if years else None


def _is_previous(para: Para, fig: Fig, segment_start: int) -> bool:
    """ "由上年的62.4%提升至63.1%": the words since the figure before it mark it as last year's (the 上年 of
    the first figure does not carry over to the second)."""
    since = max((f.end - para.start for f in para.figs if f.local < fig.local), default=0)
    window = para.text[max(segment_start, since, fig.local - 12) : fig.local]
    window = window[max((m.end() for m in re.finditer(r"[，；]", window)), default=0) :]
    return bool(_PREVIOUS.search(window))


def change_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks: list[AuditCheck] = []
    for para in view.paras:
        for segment in re.finditer(r"[^。；]+", para.text):
            figs = [f for f in para.figs if segment.start() <= f.local < segment.end()]
            changes = [f for f in figs if _CHANGE.search(f.label) and not re.search(r"(?:至|到)$", f.label)]
            if not changes:
                continue
            values = [f for f in figs if f not in changes]
            base: list[Fig] = []
            for change in changes:
                # "较年初预算增加1,251.30万元，增幅14.32%": the second change is against the same base
                result = _check_change(view, para, segment.start(), change, values, citer, base)
                if result is None and change.family == "%":
                    result = _from_stated_change(para, change, figs, citer)
                if result is not None:
                    checks.append(result)
                    last_start = result.sources[-1].start
                    base = [f for other in view.paras[: para.index + 1] for f in other.figs if f.start == last_start]
    return checks


def _check_change(
    view: ReportView,
    para: Para,
    segment_start: int,
    change: Fig,
    values: list[Fig],
    citer: Citer,
    base: list[Fig] | None = None,
) -> AuditCheck | None:
    percent = change.family == "%"
    points = change.family == "百分点"
    if points:
        family = "%"
    elif percent:
        family = None
    else:
        family = change.family
    candidates = [f for f in values if (family is None and f.family not in ("%", "百分点")) or f.family == family]
    if percent:
        candidates = [f for f in candidates if f.family != "%"]
    # "比预算数22万元减少3.4万元", "较上年的26.4万吨增长…": the figure between 较/比 and the change word
    compared = [
        f
        for f in candidates
        if f.local < change.local
        and re.search(r"(?:较|比|与)[^，。；]{0,12}$", para.text[segment_start : f.local])
        and not re.search(r"[，。；]", para.text[f.end - para.start : change.local])
    ]
    previous = compared[-1:] or [f for f in candidates if _is_previous(para, f, segment_start)]
    if not previous:
        years = {f: _year(para, f, segment_start) for f in candidates}
        stated_years = {y for y in years.values() if y}
        if len(stated_years) >= 2:
            earliest = min(stated_years)
            previous = [f for f, y in years.items() if y == earliest]
        elif len(stated_years) == 1 and len(candidates) == 2:
            # one year stated: it is last year's only when the other figure is marked as this year's
            others = [f for f, y in years.items() if not y]
            this_year = others and re.search(
                r"本年|今年|当年|本年度", para.text[max(segment_start, others[0].local - 14) : others[0].local]
            )
            against_last_year = re.search(r"上年|去年|同比|上一年", change.label)
            previous = [f for f, y in years.items() if y] if this_year or against_last_year else []
    if not previous:
        previous = _named_base(view, para, change) or [f for f in base or [] if family is None or f.family == family]
    if len(previous) != 1:
        return None
    last_year = previous[0]
    current = [f for f in candidates if f is not last_year and f.family == last_year.family]
    current = [
        f
        for f in current
        if not (in_parentheses(para.text, f.local) and not in_parentheses(para.text, last_year.local))
    ]
    # The change's own subject is what its clause names before the comparison ("旅游综合收入同比增长");
    # the words after 较/比 describe the base ("比预算数22万元减少").
    subject = _COMPARISON.sub("", re.split(r"同比|环比|较|比|与", re.sub(_CHANGE.pattern, "", change.label))[0])
    if len(subject) >= 2:
        keys = bigrams(subject)
        current = [f for f in current if keys & bigrams(f.label)]
    if not current:
        named = _named_current(view, para, last_year)
        current = [named] if named else []
    if len(current) != 1 or last_year.value == 0:
        return None
    this_year = current[0]
    difference = abs(this_year.value - last_year.value)
    word = _CHANGE.search(change.label)["word"]
    if percent:
        exact = difference / abs(last_year.value) * 100
        slack = ratio_slack(this_year, last_year, exact)
        formula = f"{word} = |{this_year.text} − {last_year.text}| ÷ {last_year.text}"
    else:
        exact = difference / change.scale
        slack = Decimal(0)
        formula = f"{word} = |{this_year.text} − {last_year.text}|"
    tied = f"“{change.label[-10:]}”：比较基数 {last_year.text}，本期 {this_year.text}"
    return check(citer, "change", formula, change, exact, tied, [this_year, last_year], slack)


_DOWN = re.compile(r"减少|下降|降低|回落|压减|下滑|缩减|降幅|减幅")


def _from_stated_change(para: Para, change: Fig, figs: list[Fig], citer: Citer) -> AuditCheck | None:
    """ "支出850.00万元，比上年减少150.00万元，下降15.00%": last year's value is this year's plus the decrease
    (minus the increase), so the rate is the change over it."""
    before = [f for f in figs if f.local < change.local and f.family not in ("%", "百分点")]
    if len(before) != 2:
        return None
    current, amount = before
    if current.family != amount.family or not _CHANGE.search(amount.label) or _CHANGE.search(current.label):
        return None
    if not re.search(r"上年|去年|同期|同比", amount.label):
        return None
    gap = para.text[amount.end - para.start : change.local].strip("，, ")
    if not re.fullmatch(r"(?:同比|较上年|比上年)?" + _CHANGE.pattern, gap):
        return None  # "…增加200万元，其中人员经费增长15%": the rate is of another subject
    down = bool(_DOWN.search(amount.label))
    if down != bool(_DOWN.search(change.label)):
        return None
    last_year = current.value + amount.value if down else current.value - amount.value
    if last_year <= 0:
        return None
    exact = amount.value / last_year * 100
    word = _CHANGE.search(change.label)["word"]
    sign = "+" if down else "−"
    formula = f"{word} = {amount.text} ÷ ({current.text} {sign} {amount.text})"
    tied = f"“{amount.label[-8:]}”：上年数为本期 {current.text} {sign} 变动额 {amount.text}"
    return check(citer, "change", formula, change, exact, tied, [amount, current], ratio_slack(amount, current, exact))


_AGAINST = re.compile(r"(?:较|比)(?P<words>[\u4e00-\u9fff]{2,8}?)(?:增加|减少|增长|下降|提高|降低|多|少)")


def _named_base(view: ReportView, para: Para, change: Fig) -> list[Fig]:
    """ "较年初预算增加1,251.30万元": the base is the figure those words name, stated before."""
    match = _AGAINST.search(change.label)
    if not match or re.match(r"上年|去年|同期|上一年", match["words"]):
        return []
    words = match["words"]
    for other in [para, *earlier_in_section(view, para)]:
        named = [
            f
            for f in other.figs
            if words in f.label and (other is not para or f.local < change.local) and f.family != "%"
        ]
        if named:
            return named[-1:]
    return []


def _named_current(view: ReportView, para: Para, last_year: Fig) -> Fig | None:
    """ "本年支出比上年的337,615.48万元增加…": this year's value is the 本年支出 stated before."""
    head = para.text[: last_year.local]
    comparison = max(head.rfind("较"), head.rfind("比"))
    if comparison < 0:
        return None
    clause_start = max((head.rfind(c, 0, comparison) for c in "，。；："), default=-1) + 1
    words = head[clause_start:comparison].strip()
    words = re.sub(r"^(?:与上年相比|同比)", "", words)
    if len(words) < 2 or re.search(r"\d", words):
        return None
    for other in reversed(view.paras[: para.index + 1]):
        found = [
            f
            for f in other.figs
            if f.family == last_year.family and words in f.label and (other is not para or f.local < last_year.local)
        ]
        if found:
            return found[-1]
    return None
