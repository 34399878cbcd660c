"""Totals and their parts in prose, and per-head amounts.

- total first:  "资金1,376万元，分别为A、B、C", "…其中A、B", "包括…", "由…三部分组成", "（其中…）", "构成如下：…"
- parts first:  "一至四季度分别支出A、B、C、D，全年累计支出T", "…，合计T", "分别得分…，综合得分T"
- per head:     "按每人每月1,200元的标准，为1,246名…发放12个月，共计1,794.24万元"

A breakdown is complete when its wording says so (分别为, 分别用于, 全部用于, 由…组成, 构成如下) or when its
parts exceed the total; a shorter 其中/包括 list is partial, so its shortfall is 待核, not 不一致 (unless the
gap is under half a percent of the total: a list that nearly exhausts its total was meant to be complete).
Parts in parentheses are a nested breakdown of the figure before them, and 小计/合计 figures are never parts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.audit_relations.core import AuditCheck, Citer, Verdict, check, judge_exact, ratio_slack, sum_slack
from assistant.audit_relations.text import Fig, Para, ReportView, clause_across_colon
from assistant.audit_relations.words import (
    AVERAGED,
    CHANGE_WORDS,
    bigrams,
    in_parentheses,
    previous_year_cue,
)

_MARKER = re.compile(
    r"其中[，,：:]?|分别为[：:]?|分别用于[：:]?|分别是|依次为|全部用于[^，。；：:]{0,8}[：:]?|主要包括[：:]?|包括[：:]?|"
    r"(?:资金)?来源(?:为|是|构成为)[：:]?|"
    r"由(?=[^。；]{2,60}组成)|(?:具体)?(?:构成|情况)如下[：:]|划分[：:]|[：:](?=[^。；]{0,12}\d)|"
    r"按[^，。；]{1,10}(?:分|划分)[，：:]|"
    r"分为(?=[^。；：:]{2,80}?\d[^。；：:]{0,6}?[一二两三四五六七八九十]+(?:大类|类|种|部分)(?:[，。；]|$))|"
    r"(?:^|(?<=[。；]))[\u4e00-\u9fff]{2,8}中[，,](?=[^。；]{0,12}\d)"
)
_ANOTHER_BREAKDOWN = re.compile(r"；\s*按[^，。；]{1,10}(?:分|划分)[，：:]")
_COMPLETE = re.compile(r"分别为|分别用于|分别是|依次为|全部用于|由|构成如下|情况如下|划分|^按|来源")
_PARTS_FIRST_TOTAL = re.compile(
    r"(?:合计|共计|总计|总额|总预算|总投资|总金额|总得分|总分|综合得分|两年累计|累计|全年共|全年)[^，。；、]{0,10}$"
    r"|(?<![公总])共[^，。；、]{0,4}$"
)
_LISTED = re.compile(r"分别|依次|各季度|四个季度|季度|[上下]半年|[一二三四]月")
_NEAR_COMPLETE = Decimal("0.005")
_NOT_A_PART = re.compile(
    r"满分|分值|权重|标准|目标|计划|预算|指标值|任务数|每[人户生亩名个天月年]|上年|同期|合计|小计|累计"
)


# "分为三类：…", "按类型分为四类，其中…", "由三部分组成": how many parts the words say the list has
_PART_COUNT = re.compile(r"(?:分为|分成|划分为|包括|涵盖|共有?|由)$")
_COUNT_UNITS = ("类", "部分", "种", "大类")
# "三年累计投入…", "2022—2024年累计…": a cumulative over N years has N parts
_YEARS_CUMULATIVE = re.compile(
    r"(?P<n>[两二三四五六七八九十\d]+)(?:个)?(?:年|年度)(?:来|间|内)?(?:累计|共|合计|总计|总)"
)
_YEAR_SPAN = re.compile(r"(20\d{2})\s*(?:年)?\s*(?:—|－|-|~|～|至|到)\s*(20\d{2})\s*年")
_APPROPRIATION = re.compile(r"追加|调增|调减|调入|补充")


def _is_count(para: Para, fig: Fig) -> bool:
    """ "分为三类" / "由三部分组成": a count of the parts, not a figure of the list."""
    return fig.unit in _COUNT_UNITS and bool(_PART_COUNT.search(re.sub(r"^.*按[^，。；]{0,8}?(?=分)", "", fig.label)))


def _years_covered(text: str) -> int | None:
    """How many years a cumulative total covers, when its words say so."""
    span = _YEAR_SPAN.search(text)
    if span and re.search(r"累计|合计|共", text):
        return int(span.group(2)) - int(span.group(1)) + 1
    match = _YEARS_CUMULATIVE.search(text)
    if match:
        from ingest.numbers import parse_number

        value = parse_number(match["n"])
        return int(value) if value is not None and 1 < value < 50 else None
    return None


def _sentence(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind("。", 0, position), -1) + 1
    end = text.find("。", position)
    return start, end if end >= 0 else len(text)


def _same(a: Fig, b: Fig) -> bool:
    return a.family == b.family or a.family == "" or b.family == ""


_OVERLAP = re.compile(r"同时参加|同时享受|重复|交叉|重叠|兼")


def _judge_total(
    citer: Citer, total: Fig, parts: list[Fig], complete: bool, marker: str, kind: str = "total", context: str = ""
) -> AuditCheck | None:
    exact = sum((p.value for p in parts), Decimal(0)) / total.scale
    verdict = judge_exact(total, exact, sum_slack(total, parts))
    note = ""
    years = _years_covered(total.label)
    if years and len(parts) < years:
        complete = False  # "三年累计投入…" with two years stated: the third year's amount is not given
    if verdict is Verdict.INCONSISTENT and exact < total.number and not complete and years and len(parts) < years:
        verdict, note = Verdict.UNCERTAIN, f"，累计{years}年仅列出{len(parts)}年，所列各项之和小于总数"
    elif verdict is Verdict.INCONSISTENT and exact < total.number and not complete:
        if (total.number - exact) > total.number * _NEAR_COMPLETE:
            verdict, note = Verdict.UNCERTAIN, "，未说明已列全，所列各项之和小于总数"
        else:
            note = "，所列各项之和与总数仅差不到千分之五，按完整列举核对"
    elif verdict is Verdict.INCONSISTENT and exact > total.number and _OVERLAP.search(context):
        verdict, note = Verdict.UNCERTAIN, "，原文说明各项有交叉重复，和可大于总数"
    elif verdict is Verdict.INCONSISTENT and exact > total.number:
        note = "，所列各项之和超过总数"
    name = re.sub(r"20\d{2}\s*年度?", "", total.label)[-8:] or "合计"
    formula = f"{name} {total.text} = " + " + ".join(p.text for p in parts)
    return check(citer, kind, formula, total, exact, f"“{marker}”列出的各项{note}", parts, verdict=verdict)


def total_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks: list[AuditCheck] = []
    for para in view.paras:
        checks += _total_first(para, citer)
        checks += _parts_first(para, citer)
        checks += _parenthesized(para, citer)
    return [c for c in checks if c is not None]


def _parenthesized(para: Para, citer: Citer) -> list[AuditCheck]:
    """ "综合得分86.80分（决策17.50分、过程16.80分、产出26.40分、效益25.10分）": named parts in parentheses right
    after a figure break it down. Complete when the words or, for scores, the report's indicators say so."""
    text = para.text
    checks = []
    for total in para.figs:
        at = total.end - para.start
        if text[at : at + 1] not in ("（", "("):
            continue
        close = min([i for i in (text.find("）", at), text.find(")", at)) if i >= 0] or [-1])
        inside = text[at + 1 : close] if close > at else ""
        if not inside or re.match(r"其中|含|即|下同|上年|同比|较|比|按|约|折合", inside):
            continue
        parts = [f for f in para.figs if at < f.local < close and _is_part(text, f, total, True)]
        if (
            len(parts) < 2
            or any(not f.label for f in parts)
            or len(parts) != len([f for f in para.figs if at < f.local < close])
        ):
            continue
        complete = False
        word = "括号内所列"
        if total.family == "分":
            every = _every_indicator(citer.view, para, parts)
            complete, word = bool(every), f"{word}，{every}" if every else word
        checks.append(_judge_total(citer, total, parts, complete, word, context=inside))
    return checks


def _total_first(para: Para, citer: Citer) -> list[AuditCheck]:
    text = para.text
    checks = []
    for marker in _MARKER.finditer(text):
        word = marker.group(0).rstrip("：:，,") or "冒号后所列"
        paren = text[max(0, marker.start() - 1) : marker.start()] in ("（", "(")
        s_start, s_end = _sentence(text, marker.start())
        total = _total_before(para, marker.start(), s_start, paren)
        if total is None:
            continue
        if paren:
            stop = text.find("）", marker.end())
            stop = stop if stop >= 0 else s_end
        else:
            stop = min([i for i in (text.find("；", marker.end()), s_end) if i >= 0])
            nested = _MARKER.search(text, marker.end(), stop)
            stop = nested.start() if nested else stop
            if marker.group(0) == "由":
                # "由A…、B…和C…组成，较上年…": the list ends at the word that closes it
                closing = re.compile(r"组成|构成").search(text, marker.end(), stop)
                stop = closing.start() if closing else stop

        parts = [
            f
            for f in para.figs
            if marker.end() <= f.local < stop and _is_part(text, f, total, paren) and not _is_count(para, f)
        ]
        opens_list = not text[s_start : marker.start()].strip() or marker.group(0).endswith(("：", ":"))
        # "按来源分，…；按用途分，…": a "；" that opens another breakdown ends this one's items
        other = _ANOTHER_BREAKDOWN.search(text, marker.end(), s_end)
        items_end = other.start() if other else s_end
        if opens_list and not paren and "；" in text[marker.end() : items_end]:
            # "…合计150.86万元。其中结转资金95.17万元，包括…；结余资金55.69万元，主要为…": one item per "；",
            # each item's first figure (what follows it in the item breaks the item down further)
            items = [
                next((f for f in para.figs if a <= f.local < b and _is_part(text, f, total, paren)), None)
                for a, b in _segments(text, marker.end(), items_end)
            ]
            if all(items) and len(items) >= 2:
                parts = items
        if not paren:
            parts = _enumerated(text, parts, para.start)
        if len(parts) > 2:
            # a figure equal to the total beside other parts restates the total ("…，全年资金到位5,180万元")
            parts = [p for p in parts if p.value != total.value] or parts
        if len(parts) < 2 and not (len(parts) == 1 and word.startswith("其中") and parts[0].value > total.value):
            continue
        excess = sum((p.value for p in parts), Decimal(0)) - total.value
        if excess > total.last_digit and word.startswith("其中") and not text[s_start : marker.start()].strip():
            # "…结余X万元。其中A支出…、B支出…": a "其中" opening its sentence with no words of its own breaks down
            # the figure of the previous sentence that its parts are named by, where that is not the last one
            total = _named_by_parts(para, parts, s_start, total) or total
            if len(parts) == 1 and parts[0].value > total.value and _restates_earlier(para, parts[0], total):
                continue
            if len(parts) >= 2 and any(p.value > total.value for p in parts):
                # "…结转下年A万元。其中甲镇B万元、乙镇C万元" with B larger than A: one item of the list alone exceeds
                # the figure the sentence before ends on, so that figure is not what the "其中" breaks down
                continue
            if (
                len(parts) == 1
                and parts[0].value > total.value
                and _COMBINED.search(clause_across_colon(para, parts[0]))
            ):
                # "…丙C万元。其中甲和乙两项共D万元": one figure of several items named before, not a part of C
                continue
        appropriation = _APPROPRIATION.search(total.label) and not _COMPLETE.search(word)
        if appropriation and sum((p.value for p in parts), Decimal(0)) > total.value:
            # "年初预算1,080万元，年中追加420万元。其中：中央资金900万元、省级资金600万元": a list larger than the
            # appropriation breaks down the budget it was added to, the figure before that the parts add up to
            whole = sum((p.value for p in parts), Decimal(0))
            added_to = [f for f in para.figs if f.local < total.local and f.family == total.family and f.value == whole]
            if not added_to:
                continue
            total = added_to[-1]
        complete = bool(_COMPLETE.search(word)) or bool(re.search(r"组成|构成", text[marker.end() : stop + 6]))
        counts = [f for f in para.figs if total.local < f.local < marker.end() + 2 and _is_count(para, f)]
        if counts and 2 <= counts[-1].value < len(parts):
            # "40所，分为两类：甲类15所、乙类25所，达标38所": a list whose count is stated has that many parts;
            # the figures after them say something else of the total
            parts = parts[: int(counts[-1].value)]
        if counts and counts[-1].value == len(parts):
            complete, word = True, f"分为{counts[-1].text}"  # "分为三类：…" with three parts listed
        closing = [
            f
            for f in para.figs
            if parts
            and word.startswith("分为")
            and f.unit in _COUNT_UNITS
            and not text[parts[-1].end - para.start : f.local].strip()
        ]
        if closing and closing[0].value == len(parts):
            complete, word = True, f"分为…{closing[0].text}"  # "分为A 12场、B 35场、C 21场三类"
        if not complete and word.startswith("其中") and _nil_item_closes(text, parts, stop, para.start):
            complete, word = True, f"{word}（其余一项为零）"
        if not complete and word.startswith("其中") and _classified(para, total, parts):
            complete, word = True, f"{word}（按类别列出）"
        if not complete and word.startswith("其中") and _closed_count_list(para, total, parts, s_end):
            complete, word = True, f"{word}（逐项列出，各项之和接近总数）"
        if not complete and total.family == "分":
            every = _every_indicator(citer.view, para, parts)
            if every:
                complete, word = True, f"{word}，{every}"
        checks.append(_judge_total(citer, total, parts, complete, word, context=text[s_start:s_end]))
    return checks


def _enumerated(text: str, parts: list[Fig], para_start: int) -> list[Fig]:
    """ "其中甲A件、乙B件，回访C件": a list written with "、" ends at its last "、" (or "和") item; a figure of a
    later "，" clause says something else of the total (a list written with commas throughout is left whole)."""
    if len(parts) < 3:
        return parts

    def gap(a: Fig, b: Fig) -> str:
        return text[a.end - para_start : b.local]

    if "、" not in gap(parts[0], parts[1]):
        return parts
    kept = parts[:1]
    for previous, part in zip(parts, parts[1:], strict=False):
        between = gap(previous, part)
        if "、" not in between and re.search(r"[，,]", between):
            break
        kept.append(part)
    return kept


# "…，C费用为零", "，D未发生": the one item left, named and stated as nil
_NIL_ITEM = re.compile(
    r"^[，,、；]?(?:而|另|无)?[^，,；。\d]{2,16}?(?:费用|经费|支出|资金|金额)?(?:均)?"
    r"(?:为零|为0(?:\.0+)?(?:万元|元)?|为“?零”?|未发生(?:支出)?|零支出|无支出)(?:[，,；。]|$)"
)


def _nil_item_closes(text: str, parts: list[Fig], stop: int, para_start: int) -> bool:
    """ "经费A万元，其中甲a万元、乙b万元，丙费用为零": the list names one more item and says it is nil, so every
    item of the whole is named; the parts must add up to it."""
    if len(parts) < 2:
        return False
    rest = text[parts[-1].end - para_start : stop]
    return bool(_NIL_ITEM.match(rest))


# "咨询类a件、投诉类b件": items each named as a 类 of one classification
_CATEGORY = re.compile(r"[\u4e00-\u9fff]{1,8}类$")
_GRAND_TOTAL = re.compile(r"共|合计|总计|总数|累计")


def _classified(para: Para, total: Fig, parts: list[Fig]) -> bool:
    """ "共受理事项N件，其中甲类x件、乙类y件、丙类z件": a count of things shared out into named categories (类)
    lists every category, so the parts must add up to the stated whole."""
    if len(parts) < 2 or total.family in ("元", "%", "分") or not _GRAND_TOTAL.search(total.label):
        return False
    names = [re.sub(r"^其中[，,：:]?", "", clause_across_colon(para, p).split("、")[-1]) for p in parts]
    return all(_CATEGORY.search(name) for name in names)


_CLOSED_SHARE = Decimal("0.9")


def _closed_count_list(para: Para, total: Fig, parts: list[Fig], sentence_end: int) -> bool:
    """ "共接待N人次，其中甲a人次、乙b人次、丙c人次。": a count shared out over three or more items joined by "、",
    the list closing the sentence and the items adding up to nearly the whole, names every part of it; a slip
    in the total then shows as a shortfall. A list of some traits of the whole (女性…、党员…) falls far short."""
    if len(parts) < 3 or total.family in ("元", "%", "分", "") or not _GRAND_TOTAL.search(total.label):
        return False
    if any(p.unit != total.unit for p in parts):
        return False
    text = para.text
    joins = [text[a.end - para.start : b.local] for a, b in zip(parts, parts[1:], strict=False)]
    if not all(re.search(r"[、和及]", j) and not re.search(r"[，,；。]", j) for j in joins):
        return False
    if text[parts[-1].end - para.start : sentence_end].strip():
        return False  # the list goes on ("等", a clause of what else there was): parts may be left out
    whole = sum((p.value for p in parts), Decimal(0))
    return _CLOSED_SHARE * total.value <= whole < total.value


_INDICATOR_COUNT = re.compile(r"(?P<n>[一二三四五六七八九十\d]+)个(?:一级指标|一级评价指标|维度|评价维度)")
_SCORE_NAME_NOISE = re.compile(r"指标|得分?|为|是|计|评分|分值|[，,：:（(）)\s]|其中")


def _indicator_name(para: Para, fig: Fig) -> str:
    head = para.text[: fig.local]
    clause = head[max(head.rfind(c) for c in "，。；：,;、（(") + 1 :]
    return _SCORE_NAME_NOISE.sub("", re.sub(r"[（(][^）)]*[）)]", "", clause))


def _every_indicator(view: ReportView, para: Para, parts: list[Fig]) -> str:
    """Scores listed under a total score are all of its indicators when the report gives each one's full marks
    and these add up to a full mark it states ("决策指标满分20分" … "满分100分"), or when it says how many
    一级指标 (维度) there are and the list names that many. Returns the words that say so, or ""."""
    names = [_indicator_name(para, p) for p in parts]
    if any(len(n) < 2 for n in names) or len(set(names)) != len(names):
        return ""
    text = "\n".join(p.text for p in view.paras)
    fulls = []
    for name in names:
        # "决策指标满分20分", "项目立项（6分）", "预算执行得分28.46分（满分30分）"
        named = rf"{re.escape(name)}(?:指标)?"
        stated = re.search(
            rf"{named}(?:满分|分值|权重)(?:为|是)?(\d+(?:\.\d+)?)分|{named}[（(](\d+(?:\.\d+)?)分[）)]"
            rf"|{named}(?:得分?)?(?:为)?[\d.]+分[（(](?:满分|分值|权重)(\d+(?:\.\d+)?)分[）)]",
            text,
        )
        if not stated:
            fulls = []
            break
        fulls.append(Decimal(next(g for g in stated.groups() if g)))
    marks = {Decimal(m) for m in re.findall(r"满分(?:为|是)?(\d+(?:\.\d+)?)分", text)} | {Decimal(100)}
    if fulls and sum(fulls) in marks:
        return f"各项满分之和为{format(sum(fulls).normalize(), 'f')}分"
    count = _INDICATOR_COUNT.search(text)
    if count:
        from ingest.numbers import parse_number

        n = parse_number(count["n"])
        # the parts are called indicators, or are the indicators the count's own sentence names
        stated = text[max(text.rfind("。", 0, count.start()), text.rfind("\n", 0, count.start()), 0) : count.end()]
        named = all("指标" in clause_across_colon(para, p) for p in parts) or all(name in stated for name in names)
        if n is not None and int(n) == len(parts) and named:
            return f"共{count.group(0)}"
    return ""


def _named_by_parts(para: Para, parts: list[Fig], sentence_start: int, last: Fig) -> Fig | None:
    """Of the previous sentence's figures, the one every part's clause shares a word with (None if not one)."""
    previous_start = max(para.text.rfind("。", 0, max(sentence_start - 1, 0)), -1) + 1
    shared = set.intersection(*(bigrams(clause_across_colon(para, p)) for p in parts))
    named = [
        f
        for f in para.figs
        if previous_start <= f.local < sentence_start
        and f.family == last.family
        and not CHANGE_WORDS.search(f.label)
        and shared & bigrams(clause_across_colon(para, f))
    ]
    if not named and previous_start > 0:
        # "两项补助合计A。另按面积给予奖励共B。其中下半年发放甲补助…、乙补助…": the parts name a figure of an
        # earlier sentence of the paragraph, not the last sentence's (of another measure)
        named = [
            f
            for f in para.figs
            if f.local < previous_start
            and f.family == last.family
            and not CHANGE_WORDS.search(f.label)
            and shared & bigrams(clause_across_colon(para, f))
        ]
        named = named[-1:] if named else []
    return named[0] if len(named) == 1 else None


# "甲和乙两项共…", "甲、乙合计…": one figure of several named items together
_COMBINED = re.compile(r"[和与及、][^，。；]{1,22}?(?:共计?|合计)")


def _restates_earlier(para: Para, part: Fig, total: Fig) -> bool:
    """ "结算金额90万元，审减8万元。其中本年拨付90万元…": a lone item larger than the last figure that states again a
    figure of the paragraph before it is of that figure, not a part of the last one."""
    return any(
        f.local < total.local and f.family == part.family and f.value == part.value and f is not part for f in para.figs
    )


def _is_part(text: str, f: Fig, total: Fig, paren: bool) -> bool:
    """A figure that can be one of the parts of `total`: same measure, not a rate, share, target or subtotal.
    (A score's part may be named by what it scores: "预算编制与目标设置得分19.20分".)"""
    score = f.family == total.family == "分"
    return (
        _same(f, total)
        and f.family != "%"
        and (paren or not in_parentheses(text, f.local))
        and not CHANGE_WORDS.search(f.label)
        and not AVERAGED.search(f.label)  # "平均每期…", "人均…": an average is never one of the parts
        and not re.search(r"合计|小计|共计|累计|占" if score else r"合计|小计|共计|累计|占|目标|计划|指标值", f.label)
        and _same_measure(f, total)
        and (score or not _contrasting(f, total))
        and not _THRESHOLD_FIGURE.search(f.label)
        and not re.match(r"的(?:年度)?(?:目标|计划|任务)", f.after)
        and not _different_nouns(f, total)
    )


# what a counted figure counts, when the noun follows its measure word ("三个维度", "九个要素")
_COUNTED = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?=[和及与、或]|构成|组成|等|$)")


def _noun_after(fig: Fig) -> str:
    match = _COUNTED.match(re.split(r"[\d一二两三四五六七八九十]+[个项类家所名户件条套台座处支种]", fig.after)[0])
    return match.group(1) if match else ""


def _different_nouns(part: Fig, total: Fig) -> bool:
    """ "三个维度…细化为九个要素和十五个观测点": counts of different things named after the measure word
    are not parts of one another (a part may name a narrower kind: "15个站点，其中8个乡镇站点")."""
    if part.family in ("元", "%", "分", "百分点") or total.family != part.family:
        return False
    a, b = _noun_after(part), _noun_after(total)
    if not a and b:
        # "四个一级指标…，下设二级指标11个": the part names its noun before the figure; a kind of the same head
        # noun with another modifier ("一级指标" / "二级指标") is a different thing, not a part
        named = re.sub(r"^(?:其中|下设|下分|共有|共|设|含|包括)", "", re.split(r"[，,、：:；]", part.label)[-1])
        if 2 <= len(named) <= 8 and len(b) >= 3 and named[-2:] == b[-2:] and named not in b and b not in named:
            return True
    return bool(a and b) and a not in b and b not in a


# "未达到20个的目标值", "超过200家的目标值": a figure a result is measured against is not one of its parts
_THRESHOLD_FIGURE = re.compile(r"(?:未达到|未完成|未达|超过|高于|低于|不低于|不少于|不超过)$")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start] + [i + 1 for i in range(start, end) if text[i] == "；"] + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip("；。 \n")]


_WEIGHT = re.compile(r"权重|分值|满分")
_COMPARED = re.compile(r"较|比|上年|去年|同期")


_CONTRASTS = (
    ("发放", "回收"),
    ("计划", "实际"),
    ("预算", "支出"),
    ("预算", "到位"),
    ("预算", "拨付"),
    ("受理", "结案"),
    ("目标", "实际"),
    ("应", "实"),
)


def _contrasting(part: Fig, total: Fig) -> bool:
    """ "回收有效问卷1,146份。其中，发放问卷1,100份…": a figure of the opposite measure is not a part."""
    return any(
        (x in part.label and y in total.label and x not in total.label)
        or (y in part.label and x in total.label and y not in total.label)
        for x, y in _CONTRASTS
    )


def _same_measure(part: Fig, total: Fig) -> bool:
    """Weights add up to a weight and scores to a score, never one into the other."""
    if part.family != "分":
        return True
    return bool(_WEIGHT.search(part.label)) == bool(_WEIGHT.search(total.label))


def _total_before(para: Para, at: int, sentence_start: int, paren: bool) -> Fig | None:
    """The total a breakdown marker refers to: the figure just before it, or the figure its words name."""
    text = para.text
    if text.startswith("按", at) or re.match(r"[，,；]?按", text[at - 1 : at + 1]):
        # "资金2,500万元按来源分，…；按用途分，…" / "…共安排12,000.00万元。按资金来源分，…": the sentence's topic
        topic = [
            f
            for f in para.figs
            if f.local < at and f.family != "%" and not in_parentheses(text, f.local) and not _COMPARED.search(f.label)
        ]
        # "按来源分，甲…、乙…；按用途分，…": what an earlier breakdown in the sentence lists are its parts, never
        # the topic of the next one (both break down the whole stated before them)
        earlier_breakdown = re.compile(r"按[^，。；]{1,10}(?:分|划分)[，：:]").search(text, sentence_start, at)
        lead = earlier_breakdown.start() if earlier_breakdown else at
        same = [f for f in topic if sentence_start <= f.local < lead]
        if same:
            return same[0]
        words = text[sentence_start:lead].strip("，,：: \n\t")
        previous_start = max(text.rfind("。", 0, max(sentence_start - 1, 0)), -1) + 1
        if words:
            return _named_before(para, words, at)
        if _MARKER.search(text, previous_start, sentence_start):
            return None  # "…按经济性质划分：…。按支出功能分类划分：…": a second breakdown of a total named before
        # "…追加420.00万元，调整后的全年预算为4,020.00万元。按来源分，…": the previous sentence's total, not an
        # appropriation added to it
        earlier = [
            f for f in topic if previous_start <= f.local < sentence_start and not _APPROPRIATION.search(f.label)
        ]
        totals = [f for f in earlier if re.search(r"总|合计|全年|调整后|共", f.label)]
        return (totals or earlier)[0] if earlier else None
    counted = [f for f in para.figs if _is_count(para, f)]
    averages = [f for f in para.figs if AVERAGED.search(f.label)]
    before = [
        f
        for f in para.figs
        if f.local < at
        and f.family != "%"
        and not CHANGE_WORDS.search(f.label)
        and f not in counted
        and f not in averages
    ]
    if paren:
        before = [f for f in before if f.end - para.start >= at - 2]
        return before[-1] if before else None
    nearest = [f for f in para.figs if sentence_start <= f.local < at and f.family != "%" and f not in counted]
    if nearest and CHANGE_WORDS.search(nearest[-1].label):
        return None  # "比上年增加7,832人，其中…": the list breaks down a level, not the change before it
    in_sentence = [f for f in before if f.local >= sentence_start and not in_parentheses(text, f.local)]
    if in_sentence:
        candidate = in_sentence[-1]
        gap = text[candidate.end - para.start : at]
        for count in counted:  # "…26个，分为三类：" / "…1,260件，按类型分为四类，其中…"
            gap = gap.replace(count.label[-8:] + count.text, "").replace(count.text, "")
        for average in averages:  # "…接待3.2万人次，月均约2,700人次，其中…": the average is an aside
            gap = gap.replace(average.label + average.text, "").replace(average.text, "")
        if len(gap) <= 10 and not re.search(r"\d", gap):
            return candidate
        words = gap.strip("，,。；：: \n\t")
        named = _named_before(para, words, at)
        return named
    words = text[sentence_start:at].strip("，,：: \n\t")
    own = re.match(r"([\u4e00-\u9fff]{2,8})中[，,]", text[at:])
    if not words and own:  # "基本支出中，人员经费…": the marker names its total itself
        return _named_before(para, own.group(1), at)
    if not words:  # "…综合得分92.5分。其中决策…": the total is the last stated figure before the sentence
        previous = [f for f in before if not previous_year_cue(para, f) and not CHANGE_WORDS.search(f.label)]
        if previous and _list_item(para, previous[-1]):
            return None  # "…A类12个、B类30个、其他类5个。其中…": the last item of a list is not what 其中 breaks down
        return previous[-1] if previous else None
    return _named_before(para, words, at)


def _list_item(para: Para, fig: Fig) -> bool:
    """The figure closes an enumeration: its clause follows a "、" (or "和") after another figure of its kind."""
    head = para.text[: fig.local]
    cut = max(head.rfind(c) for c in "，。；：,;、")
    if cut < 0 or head[cut] != "、":
        return False
    return any(f.local < cut and f.family == fig.family and cut - f.end + para.start <= 4 for f in para.figs)


def _named_before(para: Para, words: str, at: int) -> Fig | None:
    keys = bigrams(re.sub(r"具体|构成|情况|如下|按|经济性质|支出功能分类|功能分类|划分", "", words))
    if len(keys) < 1:
        return None
    best = None
    for fig in para.figs:
        if fig.local >= at or fig.family == "%":
            continue
        score = len(keys & bigrams(fig.label))
        if score >= max(1, len(keys) - 1) and (best is None or score >= best[0]):
            best = (score, fig)
    return best[1] if best else None


def _parts_first(para: Para, citer: Citer) -> list[AuditCheck]:
    text = para.text
    checks = []
    for total in para.figs:
        if total.family == "%" or not _PARTS_FIRST_TOTAL.search(total.label):
            continue
        if in_parentheses(text, total.local) or _APPROPRIATION.search(total.label):
            continue  # "…，年中追加资金420.00万元": an appropriation is not the sum of the amounts before it
        s_start, _ = _sentence(text, total.local)
        which = text.rfind("其中", s_start, total.local)
        if which >= 0:
            # "共有58个，其中A14个、B31个、C10个，三类合计55个": the whole before 其中 is not one of the parts
            s_start = which
        kind_word = _NOT_A_PART.search(total.label.replace("累计", "").replace("合计", ""))
        if kind_word and kind_word.group(0) not in text[s_start : total.local - len(total.label)]:
            continue  # "一季度支出…，二季度支出…，全年预算1,000万元": a budget is not the sum of spending
        candidates = [
            f
            for f in para.figs
            if s_start <= f.local < total.local
            and _same(f, total)
            and not in_parentheses(text, f.local)
            and not _NOT_A_PART.search(f.label)
            and not CHANGE_WORDS.search(f.label)
            and _same_measure(f, total)
        ]
        if candidates and _PER_ITEM.search(clause_across_colon(para, candidates[-1])):
            continue  # "收集车37台，每台1.98万元，合计73.26万元": a count times the price of one, not a sum
        added = _ADDED.search(text, max(which, s_start), total.local)
        if which >= 0 and added:
            # "收入合计A，其中B、C；另加结余D，可支配资金合计T": T adds D to the whole A, the 其中 items are A's parts
            candidates = _whole_plus_added(para, total, which, added.end())
            if len(candidates) < 2:
                continue
        dropped = _dropped_items(para, total, candidates, s_start)
        weights = _listed_weights(para, total, s_start)
        if weights:
            # "分值分别为15分、20分、30分、25分、10分，合计100分": a 合计 of a list of weights is their total
            checks.append(_judge_total(citer, total, weights, True, "分值分别为…合计"))
            continue
        if len(candidates) < 2:
            candidates = _periods_before(para, total, s_start)
            if len(candidates) < 2:
                continue
            checks.append(_judge_total(citer, total, candidates, True, "分季度"))
            continue
        head = text[s_start : total.local]
        listed_at = head.rfind("分别")
        after_listed = [f for f in candidates if f.local > s_start + listed_at]
        bare_total = re.fullmatch(
            r"(?:两项|二者|两者)?(?:共计|合计|总计|共|计)(?:为|达)?", clause_across_colon(para, total)
        )
        if listed_at >= 0 and len(after_listed) >= 2 and bare_total:
            # "尚有X万元待支出，三、四季度需分别支出A万元和B万元，共计C万元": a total that names nothing of its own
            # sums the "分别" list it closes (a "全年…" total may add what the sentence stated before the list)
            candidates = after_listed
        if not (
            _LISTED.search(head)
            or re.search(r"合计|共计|总计|总额|总分|总得分|综合得分|两年累计", total.label)
            or _years_covered(total.label)
        ):
            continue
        if any(f.family == "" for f in candidates) and total.family == "":
            continue
        word = _PARTS_FIRST_TOTAL.search(total.label).group(0)[:4]
        if _stops_short(total, candidates):
            continue
        if "累计" in total.label and re.search(r"截至|前|上半年", total.label):
            # "截至三季度末累计支出…": the periods up to that point, not all listed
            for end in range(2, len(candidates)):
                prefix = candidates[:end]
                if (
                    judge_exact(total, sum((p.value for p in prefix), Decimal(0)) / total.scale)
                    is not Verdict.INCONSISTENT
                ):
                    candidates = prefix
                    break
        years = _years_covered(total.label)
        if years and len(candidates) > years:
            # "2024年发现…186处，整改179处；2023年整改142处，两年累计整改321处": the years' figures of the
            # cumulative's own measure, not every figure of the sentence
            measure = bigrams(re.sub(r"[两二三四五六七八九十\d]+(?:个)?(?:年|年度)(?:来|间|内)?", "", total.label))
            candidates = [f for f in candidates if measure & bigrams(clause_across_colon(para, f))]
            if len(candidates) != years:
                continue
        if years and len(candidates) < years:
            candidates = _other_years(para, total, candidates, years)
            word = f"{word}，另一年见前文" if len(candidates) == years else word
        if dropped:
            candidates = _whole_enumeration(total, candidates, dropped)
            if not candidates:
                continue
        checks.append(_judge_total(citer, total, candidates, True, word))
    return checks


_PER_ITEM = re.compile(r"^(?:每[\u4e00-\u9fff]{1,2}|单价|均价)")


# "；再加上期结余…，合计…": what the clause adds to the whole stated before it
_ADDED = re.compile(r"[，,；;]\s*(?:(?:再|另)?加上|另加|再加)")


def _whole_plus_added(para: Para, total: Fig, which: int, added_at: int) -> list[Fig]:
    """The whole stated just before "其中" and the figures of the "加上" clause, where both are of the total's kind."""
    s_start, _ = _sentence(para.text, total.local)
    wholes = [f for f in para.figs if s_start <= f.local < which and _same(f, total)]
    added = [
        f
        for f in para.figs
        if added_at <= f.local < total.local and _same(f, total) and not in_parentheses(para.text, f.local)
    ]
    return [wholes[-1], *added] if wholes and added else []


def _dropped_items(para: Para, total: Fig, candidates: list[Fig], start: int) -> list[Fig]:
    """Figures of the total's kind that a "、" joins to the parts in one enumeration of its sentence, but that were
    not taken as parts ("财政拨款预算收入A、事业收入B、上年结转结余C，合计D": 预算 and 上年 name items there)."""
    text = para.text
    figs = [
        f
        for f in para.figs
        if f.family == total.family and start <= f.local < total.local and not in_parentheses(text, f.local)
    ]
    runs: list[list[Fig]] = []
    for fig in figs:
        between = text[runs[-1][-1].end - para.start : fig.local] if runs else ""
        if runs and "、" in between and not re.search(r"[，。；：,;:]", between):
            runs[-1].append(fig)
        else:
            runs.append([fig])
    dropped = []
    for run in runs:
        if len(run) > 1 and any(f in candidates for f in run):
            dropped += [f for f in run if f not in candidates]
    return dropped


def _whole_enumeration(total: Fig, candidates: list[Fig], dropped: list[Fig]) -> list[Fig]:
    """The parts with the enumeration's other items, where those add up to the total; else nothing: a sum of a
    list with some of its items left out would be no check of the total."""
    parts = sorted([*candidates, *dropped], key=lambda f: f.local)
    exact = sum((p.value for p in parts), Decimal(0)) / total.scale
    return parts if judge_exact(total, exact, sum_slack(total, parts)) is not Verdict.INCONSISTENT else []


def _year_of(para: Para, fig: Fig) -> int | None:
    start = max(para.text.rfind("；", 0, fig.local), para.text.rfind("。", 0, fig.local)) + 1
    years = re.findall(r"(20\d{2})\s*年", para.text[start : fig.local])
    return int(years[-1]) if years else None


def _other_years(para: Para, total: Fig, parts: list[Fig], years: int) -> list[Fig]:
    """ "2024年共安排2,846.50万元。…2022年、2023年分别安排2,480.20万元和2,706.30万元，三年累计投入8,033.00万元":
    a cumulative over N years with fewer listed takes the missing years' amounts the paragraph states, one
    figure per year (the first stated for it), next to the listed years."""
    head = para.text[max(para.text.rfind("。", 0, parts[0].local), 0) : parts[0].local]
    listed = [int(y) for y in re.findall(r"(20\d{2})\s*年", head)]
    if len(listed) != len(parts):
        return parts
    wanted = years - len(parts)
    found: dict[int, Fig] = {}
    for f in para.figs:
        if f in parts or f is total or f.family != total.family or f.local > total.local:
            continue
        if in_parentheses(para.text, f.local) or CHANGE_WORDS.search(f.label) or _NOT_A_PART.search(f.label):
            continue
        year = _year_of(para, f)
        if year and year not in listed and (min(listed) - wanted <= year <= max(listed) + wanted):
            found.setdefault(year, f)
    if len(found) != wanted:
        return parts
    span = sorted([*listed, *found])
    if span[-1] - span[0] + 1 != years:
        return parts
    return sorted([*parts, *found.values()], key=lambda f: _year_of(para, f) or 0)


def _listed_weights(para: Para, total: Fig, sentence_start: int) -> list[Fig]:
    """The weights of a "分值(权重)分别为a分、b分…" list just before a bare 合计 of the same sentence."""
    if total.family != "分" or not re.fullmatch(r"(?:合计|共计|总计|满分)(?:为|是)?", total.label):
        return []
    listed = [
        f
        for f in para.figs
        if sentence_start <= f.local < total.local and f.family == "分" and not in_parentheses(para.text, f.local)
    ]
    if len(listed) < 2 or not re.search(r"(?:分值|权重|满分)(?:分别|依次)(?:为|是)?$", listed[0].label):
        return []
    return listed if all(not f.label for f in listed[1:]) else []


_QUARTER = re.compile(r"([一二三四1-4])季度")
_UP_TO = (("上半年", 2), ("前三季度", 3), ("三季度末", 3), ("二季度末", 2), ("全年", 4), ("四季度末", 4))


_MONTH_END = re.compile(r"(?:至|到|截至|截止|[1１一][—\-－~～至])\s*(1[0-2]|[1-9])月(?:末|底|份)?")


def _quarters_up_to(label: str) -> int | None:
    """The quarters a running total's words say it covers ("上半年" 2, "至9月末" 3), or None."""
    covered = next((n for word, n in _UP_TO if word in label), None)
    month = _MONTH_END.search(label)
    if covered is None and month and int(month.group(1)) % 3 == 0:
        covered = int(month.group(1)) // 3
    return covered


def _stops_short(total: Fig, parts: list[Fig]) -> bool:
    """ "一季度支出A；二季度支出B，至6月末累计C；至9月末累计D": quarters that end before the period a running
    total runs to are not its parts (D adds a third quarter the report does not state)."""
    covered = _quarters_up_to(total.label) if "累计" in total.label else None
    quarters = [_QUARTER.search(p.label) for p in parts]
    if covered is None or not all(quarters):
        return False
    return max(_QUARTER_NUMBER[q.group(1)] for q in quarters if q) < covered


_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _periods_before(para: Para, total: Fig, sentence_start: int) -> list[Fig]:
    """ "第一季度支出…第四季度支出…。上半年累计支出1,658.15万元": the quarters stated in the sentence before,
    as many as the total's period covers."""
    covered = next((n for word, n in _UP_TO if word in total.label), None)
    if covered is None or sentence_start == 0:
        return []
    previous_start = max(para.text.rfind("。", 0, sentence_start - 1), -1) + 1
    quarters = [
        f
        for f in para.figs
        if previous_start <= f.local < sentence_start
        and f.family == total.family
        and _QUARTER.search(f.label)
        and not re.search(r"累计|合计", f.label)
    ]
    if len(quarters) != 4:
        return []
    return quarters[:covered]


_PERIODS = (
    (re.compile(r"(?:第)?([一二三四1-4])季度"), 4),
    (re.compile(r"([上下])半年"), 2),
)
_PERIOD_WORDS = re.compile(
    r"(?:第)?[一二三四1-4]至(?:第)?[一二三四1-4]季度|一、二、三、四季度|各个?季度|(?:第)?[一二三四1-4]季度"
    r"|上、?下半年|[上下]半年|分季度看|分季度|从[^，。；]{0,6}看|分别为?|依次为?"
)
_ANNUAL_MARK = re.compile(r"合计|总额|总计|全年|年度|实际|累计")
_NOT_ANNUAL = re.compile(
    r"季度|半年|[一二三四五六七八九十\d]+月|截至|预算|年初|调整|计划|目标|与|较|比|上年|去年|同期|其中"
)


def period_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "分季度看，一季度支出…，二季度…，三季度…，四季度…" with the year's total stated before (in this part of
    the report or earlier) and not in the paragraph itself: the periods add up to the year. A total named by
    several figures of different values only confirms."""
    checks = []
    for para in view.paras:
        for sentence in re.finditer(r"[^。]+", para.text):
            figs = [f for f in para.figs if sentence.start() <= f.local < sentence.end() and f.family != "%"]
            periods = _period_run(para, figs)
            if not periods:
                continue
            checks += _progress_after(view, para, periods, sentence.end(), citer)
            rest = [f for f in para.figs if f.local > periods[-1].local and f.family == periods[0].family]
            if any(re.search(r"全年|合计|共计|总计", f.label) for f in rest):
                continue  # the paragraph states the year's total itself (read as parts first)
            measure = _measure(para, periods)
            annual = _annual_before(view, para, periods[0], measure)
            if not annual:
                continue
            exact_of = {f.value for f in annual}
            total_value = sum((p.value for p in periods), Decimal(0))
            strong = len(exact_of) == 1
            best = None
            for total in annual:
                exact = total_value / total.scale
                verdict = judge_exact(total, exact, sum_slack(total, periods))
                if best is None or verdict is not Verdict.INCONSISTENT:
                    best = (total, exact, verdict)
                if verdict is not Verdict.INCONSISTENT:
                    break
            total, exact, verdict = best
            if verdict is Verdict.INCONSISTENT and not strong:
                continue
            formula = f"{total.label[-8:]} {total.text} = " + " + ".join(p.text for p in periods)
            tied = f"各期“{measure or '金额'}”之和与前文全年数"
            checks.append(check(citer, "periods", formula, total, exact, tied, periods, verdict=verdict))
    return checks


_UP_TO_PERIOD = (
    (re.compile(r"前三季度|三季度末|第三季度末|1[-—~至]9月"), 3),
    (re.compile(r"上半年|前两个?季度|二季度末|第二季度末|1[-—~至]6月"), 2),
    (re.compile(r"一季度末|第一季度末|1[-—~至]3月"), 1),
)


def _progress_after(view: ReportView, para: Para, periods: list[Fig], end: int, citer: Citer) -> list[AuditCheck]:
    """ "第一季度支付186万元，…第四季度支付882万元。前三季度支付进度为61.58%": a cumulative progress stated after the
    quarters is the periods it covers over the year's budget (stated before, as for an execution rate)."""
    from assistant.audit_relations.rates import _report_budget
    from assistant.audit_relations.words import is_budget

    if len(periods) != 4:
        return []
    checks = []
    stop = para.text.find("。", end + 1)
    stop = len(para.text) if stop < 0 else stop
    for rate in (f for f in para.figs if f.family == "%" and periods[-1].local < f.local <= stop):
        clause = para.text[
            max(para.text.rfind("，", 0, rate.local), para.text.rfind("。", 0, rate.local)) + 1 : rate.local
        ]
        if not re.search(r"进度|执行率", clause) or re.search(r"占|序时", clause):
            continue
        # "截至二季度末，累计支出进度为42.00%": the period may be named in the clause before
        since = max(
            [para.text.rfind(c, 0, rate.local) for c in "。；"]
            + [f.end - para.start for f in para.figs if f.family == "%" and f.local < rate.local]
        )
        window = para.text[max(since, 0) : rate.local]
        covered = next((n for pattern, n in _UP_TO_PERIOD if pattern.search(window)), None)
        if covered is None:
            continue
        budgets = [f for f in para.figs if f.local < periods[0].local and f.family == "元" and is_budget(f)]
        weak = len({f.value for f in budgets}) > 1
        if not budgets:
            budgets, _ = _report_budget(view, para, periods[0])
            weak = len({f.value for f in budgets}) != 1  # the periods are the year's own: no sub-item to doubt
        if not budgets:
            continue
        part = sum((p.value for p in periods[:covered]), Decimal(0))
        results = [(judge_exact(rate, part / b.value * 100), b) for b in budgets if b.value > 0]
        if not results:
            continue
        verdict, budget = next(((v, b) for v, b in results if v is not Verdict.INCONSISTENT), results[0])
        if verdict is Verdict.INCONSISTENT and weak:
            continue
        formula = "进度 = (" + " + ".join(p.text for p in periods[:covered]) + f") ÷ {budget.text}"
        tied = f"“{clause[-12:]}”：所涵盖各季度之和 ÷ 全年预算"
        checks.append(
            check(citer, "periods", formula, rate, part / budget.value * 100, tied, [*periods[:covered], budget])
        )
    return checks


_LISTED_PERIODS = (
    (re.compile(r"(?:一至四|第一至第?四|1至4|1—4|1-4|一、二、三、四|各个?)季度[^，。；\d]{0,10}?(?:分别|依次)"), 4),
    (re.compile(r"(?:上、下|上下)半年[^，。；\d]{0,10}?(?:分别|依次)"), 2),
)


def _period_run(para: Para, figs: list[Fig]) -> list[Fig]:
    """The figures of every period of the year, one each, in a sentence: four quarters or two halves, named
    one by one or listed in order ("一至四季度分别支出A、B、C和D")."""
    for pattern, count in _LISTED_PERIODS:
        match = pattern.search(para.text, figs[0].local - 40 if figs else 0, figs[-1].local if figs else 0)
        if match:
            listed = [f for f in figs if f.local > match.end() - 1][:count]
            if (
                len(listed) == count
                and len({f.family for f in listed}) == 1
                and "。" not in para.text[match.end() : listed[-1].local]
            ):
                return listed
    for pattern, count in _PERIODS:
        found: dict[str, Fig] = {}
        for f in figs:
            clause = para.text[max(para.text.rfind("，", 0, f.local), para.text.rfind("；", 0, f.local)) + 1 : f.local]
            match = pattern.search(clause)
            if match and not re.search(r"累计|末|前|截至|进度", clause):
                found.setdefault(match.group(1), f)
        if len(found) == count and len({f.family for f in found.values()}) == 1:
            return sorted(found.values(), key=lambda f: f.local)
    return []


def _measure(para: Para, periods: list[Fig]) -> str:
    """What the periods state ("支出", "拨付"): the first period's words without the period."""
    for f in periods:
        words = _PERIOD_WORDS.sub("", f.label).strip("，,：: ")
        words = re.sub(r"^(?:实现|完成|共|累计)|(?:为|是|达到?|共)$", "", words)
        if len(words) >= 2:
            return words
    return ""


def _annual_before(view: ReportView, para: Para, first: Fig, measure: str) -> list[Fig]:
    from assistant.audit_relations.text import earlier_in_section

    if len(measure) < 2:
        return []
    candidates = []
    for other in [para, *earlier_in_section(view, para)]:
        for f in other.figs:
            if f.family != first.family or (other is para and f.local >= first.local):
                continue
            if in_parentheses(other.text, f.local) or CHANGE_WORDS.search(f.label) or previous_year_cue(other, f):
                continue
            if measure in f.label and _ANNUAL_MARK.search(f.label) and not _NOT_ANNUAL.search(f.label):
                candidates.append(f)
    # "2023年实际支出900万元，2024年实际支出980万元": the latest year's figure is the year the periods make up
    years = {f.start: int(y[-1]) for f in candidates if (y := re.findall(r"(20\d{2})\s*年", f.label))}
    if years:
        latest = max(years.values())
        candidates = [f for f in candidates if years.get(f.start, latest) == latest]
    return candidates


# ---- per head --------------------------------------------------------------------------------------------

_STANDARD = re.compile(
    r"(?:每(?P<who>[人户生亩名个村家座所]|位|个[^\d，。]{0,6}?)|[人户生]均)(?:每?(?P<per>月|年|天|日))?"
)
# "每所年均约…", "每户平均…": a standard stated as an average ("均", "平均") or rounded ("约") is worked out from
# the total, so it is the figure judged, not the total
_AVERAGED_STANDARD = re.compile(r"[人户生]均|[年月日]均约?$|平均约?$|约$")
_HEADS = {"人", "名", "户", "亩", "个", "家", "所", "座", "位", "生", "村", "处"}


# "资金X万元，按N人、每人每月Y元、M个月核定": the amount stated first, then how it was reckoned
# ("人员经费A万元，按N名在编人员折合人均约B万元": 折合 after 按 works the average out of the amount before it)
_RECKONED_BY = re.compile(r"[，,（(]\s*(?:按|按照|依)[^。；]{0,40}?(?:核定|测算|计算|安排|核拨|拨付|发放|折合)")


def _is_standard(text: str, start: int, fig: Fig) -> bool:
    clause_start = max(start, fig.local - 14, text.rfind("，", 0, fig.local) + 1)
    return fig.family == "元" and bool(_STANDARD.search(text[clause_start : fig.local]))


def _standard_items(para: Para) -> list[tuple[int, int]]:
    """The spans a standard is read in: each sentence, or each "；" item of it where the items state a standard
    each ("甲按每人每月X元的标准…，共发放A万元；乙按每人每月Y元的标准…，共发放B万元")."""
    text = para.text
    spans = []
    for sentence in re.finditer(r"[^。]+", text):
        items = [
            (a + sentence.start(), b + sentence.start())
            for a, b in _segments(sentence.group(0), 0, len(sentence.group(0)))
        ]
        standards = [[f for f in para.figs if a <= f.local < b and _is_standard(text, a, f)] for a, b in items]
        # each item states the amount its standard reckons ("甲N人，按…标准；乙M人，按…标准，合计…" is one sum)
        amounts = [
            [f for f in para.figs if a <= f.local < b and f.family == "元" and f not in found]
            for (a, b), found in zip(items, standards, strict=True)
        ]
        if (
            len(items) > 1
            and sum(1 for found in standards if found) > 1
            and all(len(found) <= 1 for found in standards)
            and all(amount for amount, found in zip(amounts, standards, strict=True) if found)
        ):
            spans += items
        else:
            spans.append(sentence.span())
    return spans


def per_head_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks = []
    for para in view.paras:
        text = para.text
        for s_start, s_end in _standard_items(para):
            figs = [f for f in para.figs if s_start <= f.local < s_end]
            # the standard's words stand in its own clause ("标准每人每月300元，全年支出486万元": not the total's)
            standards = [f for f in figs if _is_standard(text, s_start, f)]
            if not standards:
                continue
            first = standards[0]
            # "…人均约B万元；项目支出C万元": an amount after a "；" is of the next item, never what an average divides
            item_end = text.find("；", first.local, s_end)
            if item_end < 0 or not _AVERAGED_STANDARD.search(text[max(s_start, first.local - 6) : first.local]):
                item_end = s_end
            stated_after = [
                f for f in figs if f.family == "元" and first.local < f.local < item_end and f not in standards
            ]
            stated_before = [
                f
                for f in figs
                if f.family == "元" and f.local < first.local and re.search(r"共|合计|发放|累计|全年", f.label)
            ]
            # "甲资金X万元，按…核定；乙资金Y万元": the amount the standard reckons is the one just before "按",
            # and the reckoning ends at its "；"
            reckoned = [
                f
                for f in figs
                if f.family == "元" and f.local < first.local and _RECKONED_BY.match(text[f.local + len(f.text) :])
            ]
            scope_end = s_end
            if reckoned:
                stated_after, stated_before = [], reckoned[-1:]
                stop = text.find("；", first.local, s_end)
                scope_end = stop if stop >= 0 else s_end
            if not stated_after and len(stated_before) != 1:
                continue
            # "全年共发放津贴516.00万元，按每人每月200元的标准，惠及2,150名…": the amount may come first
            total_first = not stated_after
            if total_first:
                total = stated_before[0]
                averaged = _AVERAGED_STANDARD.search(text[max(s_start, first.local - 6) : first.local])
                stop = text.find("；", first.local, scope_end)
                if averaged and stop >= 0:
                    # "救助A万元，户均约B元；另有N户转入低保": the average's count is not one of the next "；" item
                    scope_end = stop
            else:
                total = stated_after[-1] if len(stated_after) == 1 else stated_after[0]

            def in_scope(f: Fig) -> bool:
                return total.local < f.local < scope_end if total_first else f.local < total.local  # noqa: B023

            heads = [
                f for f in figs if f.unit in _HEADS or f.unit.endswith(tuple(_HEADS)) and f.family not in ("元", "%")
            ]
            heads = [f for f in heads if f.family not in ("个月",) and in_scope(f)]
            months = [f for f in figs if f.family == "个月" and in_scope(f)]
            days = [f for f in figs if f.family == "天" and in_scope(f)]
            standard_words = _STANDARD.search(text[max(s_start, first.local - 14) : first.local])
            per, who = standard_words["per"], standard_words["who"]
            if who in _HEADS and any(h.unit.endswith(who) for h in heads):
                # "每亩补1,200元": the quantity counted in 亩, not another count the sentence opens with ("四个品种")
                heads = [h for h in heads if h.unit.endswith(who)]
            if not heads:
                continue
            time = Decimal(1)
            time_words = ""
            if per == "月":
                if len(months) == 1:
                    time, time_words = months[0].value, f" × {months[0].text}"
                elif not months and "全年" in text[s_start:s_end]:
                    time, time_words = Decimal(12), " × 全年月数"
                else:
                    time = Decimal(0)
            elif per in ("天", "日"):
                if len(days) == 1:
                    time, time_words = days[0].value, f" × {days[0].text}"
                else:
                    time = Decimal(0)
            if not time:
                continue
            readings = []
            product = Decimal(1)
            for head in heads:
                product *= head.value
            joined = len(heads) == 1 or "各" in text[heads[0].local : heads[-1].local]
            if len(standards) == 1 and joined:
                readings.append((first.value * product * time, [first, *heads], " × ".join(h.text for h in heads)))
            if len(standards) == len(heads) and len(heads) > 1:
                value = sum((s.value * h.value for s, h in zip(standards, heads, strict=True)), Decimal(0)) * time
                readings.append(
                    (
                        value,
                        [*standards, *heads],
                        " + ".join(f"{s.text} × {h.text}" for s, h in zip(standards, heads, strict=True)),
                    )
                )
            best = None
            for value, sources, words in readings:
                exact = value / total.scale
                verdict = judge_exact(total, exact)
                if best is None or (verdict is not Verdict.INCONSISTENT and best[1] is Verdict.INCONSISTENT):
                    best = (exact, verdict, sources, words)
            if best is None:
                continue
            exact, verdict, sources, words = best
            if verdict is Verdict.INCONSISTENT and (len(standards) > 1 or len(heads) > 2):
                continue  # several standards or groups the words do not pair: no reading to hold the report to
            if (
                len(standards) == 1
                and joined
                and _AVERAGED_STANDARD.search(text[max(s_start, first.local - 6) : first.local])
            ):
                # "户均6.48万元": an average is worked out from the total and rounded, so it is the figure judged
                exact = total.value / (product * time) / first.scale
                formula = f"{first.text} = {total.text} ÷ " + " ÷ ".join(h.text for h in heads) + time_words
                tied = "“…均”：总额 ÷ 人数（户数）"
                checks.append(check(citer, "per_head", formula, first, exact, tied, [total, *heads]))
                continue
            standard = f"{first.text} × " if len(standards) == 1 else ""
            formula = f"{total.text} = {standard}{words}{time_words}"
            checks.append(check(citer, "per_head", formula, total, exact, "“每…”标准 × 人数（户数）× 期数", sources))
    return checks


# ---- averages ------------------------------------------------------------------------------------------------

# "人均…", "案均罚款", "平均每期48人次", "每公里平均…", "月均十八次": the word and the unit of what is counted
_AVERAGE = re.compile(
    r"(?:(?P<short>[人户案件校村场次期家亩])均|平均(?:到|下来|分到|摊到|算下来)?每(?P<each>[\u4e00-\u9fff]{1,2}?)(?=[\u4e00-\u9fff]|$)"
    r"|每(?P<per>[\u4e00-\u9fff]{1,2}?)平均|(?P<month>月)均"
    # "摊到每吨垃圾上，成本约X元": the amount spread over what it is per, said in the clause before the figure
    r"|(?:摊|分摊|平摊)(?:到|至)每(?P<spread>[\u4e00-\u9fff])[^，；。]*上$)"
)
SHORT_UNITS = {
    "人": ("人", "名"),
    "户": ("户",),
    "案": ("件", "宗", "起"),
    "件": ("件", "宗", "起"),
    "校": ("所",),
    "村": ("个",),
    "场": ("场", "场次"),
    "次": ("次",),
    "期": ("期",),
    "家": ("家",),
    "亩": ("亩",),
}
# "低于批复的亩均5,000元标准", "不超过人均限额": a standard or a limit the average is compared with, not worked out
_AVERAGE_STANDARD = re.compile(r"标准|批复|规定|限额|上限|目标|计划|不超过|不高于|低于|高于")


def _counted_unit(fig: Fig) -> str:
    """The unit a count is of: as parsed, or, for "8.6万卷", "1.2万画幅" (a 万/亿 count whose measure word the
    parser does not know), the word right after the 万."""
    if fig.unit in ("万", "亿") and fig.family not in ("元", "%"):
        word = re.match(r"[\u4e00-\u9fff]{1,2}", fig.after)
        if word:
            return word.group(0)
    return fig.unit


def _target_count(fig: Fig) -> bool:
    """ "高于3,000户的计划", "目标服务300人": a count the year aimed at, never what an average is over."""
    return bool(re.match(r"的(?:年度)?(?:目标|计划|任务)", fig.after) or re.search(r"目标|计划", fig.label))


# the count of attendances an average per head may be over when no head count is stated ("人次", "户次")
_TIMES_UNITS = {"人": "人次", "户": "户次"}
_WHOLE_AMOUNT = re.compile(r"全年|实际|合计|共|累计|总")
_PART_AMOUNT = re.compile(r"其中|中央|省级|市级|县级|区级|配套|自筹|预算|计划|上年|去年|同期|\d{4}年|季度|半年|\d+月")
_GENERIC_NOUNS = {"资金", "支出", "项目", "全年", "实际", "金额", "经费", "获得", "发放"}


def _earlier_total(view: ReportView, para: Para, average: Fig, word: str) -> list[Fig]:
    """The whole amount an average of money is of, stated before its paragraph: a figure naming the same money
    ("人均获得补助资金" and "全年实际支出补助资金") as a whole of the year, with one value."""
    keys = bigrams(average.label.replace(word, "")) - _GENERIC_NOUNS
    if not keys:
        return []
    found = [
        f
        for other in view.paras[: para.index]
        for f in other.figs
        if f.family == "元"
        and f.value > average.value
        and _WHOLE_AMOUNT.search(f.label)
        and not _PART_AMOUNT.search(f.label)
        and not CHANGE_WORDS.search(f.label)
        and not previous_year_cue(other, f)
        and not in_parentheses(other.text, f.local)
        # "平均每座站点造价" is not an average of "项目总造价": one shared word is not the same money
        and len(keys & bigrams(f.label)) >= min(2, len(keys))
    ]
    return found[-1:] if len({f.value for f in found}) == 1 else []


# "救助资金按救助对象N人计算，人均…": the amount an average divides, named (with no figure) before 按
_DIVIDED_BY = re.compile(
    r"^(?:[^，。；]{0,6}?[，,])?(?P<amount>[\u4e00-\u9fff]{2,12}?)(?:按|按照|以)[^。；]{1,24}?计算"
    # "单算工程结算，平均每套的造价是…": the sentence opens with the amount it alone averages
    r"|^(?:单算|只算|单看|仅算|光算|单就)(?P<alone>[\u4e00-\u9fff]{2,12}?)[，,]"
)
_AMOUNT_NOISE = re.compile(r"^(?:本年度?|今年|全年|该|本|项目|专项)+")


def _amount_named_by_sentence(view: ReportView, para: Para, start: int, average: Fig) -> list[Fig]:
    """The one earlier figure of money whose words are the amount the sentence divides: its label stands in the
    words before 按 ("发放救助资金" for "救助资金按…计算"), of this year, no part, change or last year's."""
    match = _DIVIDED_BY.match(para.text[start : average.local])
    if not match:
        return []
    named = _AMOUNT_NOISE.sub("", match["amount"] or match["alone"])
    if len(named) < 3:
        return []

    def names_it(label: str) -> bool:
        own = _AMOUNT_NOISE.sub("", label)
        return len(own) >= 2 and (own in named or named in own)

    found = [
        f
        for other in view.paras[: para.index + 1]
        for f in other.figs
        if (other is not para or f.local < start)
        and f.family == "元"
        and f.value > average.value
        and names_it(f.label)
        and not _PART_AMOUNT.search(f.label)
        and not CHANGE_WORDS.search(f.label)
        and not previous_year_cue(other, f)
        and not in_parentheses(other.text, f.local)
    ]
    return found[-1:] if len({f.value for f in found}) == 1 else []


_SPREAD_BEFORE = re.compile(_AVERAGE.pattern.replace("[^，；。]*上$", "[^，；。]*上[，,]?$"))


def _clause_before_own(para: Para, clause: str, fig: Fig) -> str:
    """The clause before a figure's own ("摊到每吨垃圾上，" of "…，成本约X元"), with its closing comma."""
    end = fig.local - len(clause)
    start = max(para.text.rfind(c, 0, max(end - 1, 0)) for c in "，；。") + 1
    return para.text[start:end]


def _own_clause(para: Para, fig: Fig) -> str:
    """The words of the figure's own clause: back to a "，", "；" or "。", and never past the figure before it
    ("人均A元。其中甲B万元、乙C万元": C's clause is "乙", with no 人均 of its own)."""
    text = para.text
    start = max(text.rfind(c, 0, fig.local) for c in "，；。") + 1
    start = max([start] + [f.end - para.start for f in para.figs if f.end - para.start <= fig.local])
    return text[start : fig.local]


def _named_total(head: str, tail: str, totals: list[Fig]) -> Fig:
    """ "其中甲A万元、乙B万元，甲人均C元", "…人均基本支出约C万元": an average whose clause names its amount, before or
    after the average word, is of the figure of that name, not the nearest one; otherwise the nearest before it."""
    tail = re.sub(r"(?:约|为|是|达到?|大约|大概|在)+$", "", tail)
    named = [f for f in totals if len(head) >= 2 and head in f.label]
    named = named or [f for f in totals if len(tail) >= 2 and tail in f.label]
    return (named or totals)[-1]


def average_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "全年查处案件210件…罚款金额合计1,268.45万元，案均罚款约6.04万元", "培训36期，累计培训1,728人次，平均每期48
    人次", "巡查二百一十六次，月均十八次": an average is the total stated before it, of its own measure, over the
    count of what it is per (the months of the year for 月均 of an annual total)."""
    checks = []
    for para in view.paras:
        for average in para.figs:
            if average.family in ("%", "分", "") or in_parentheses(para.text, average.local):
                continue
            clause = _own_clause(para, average)
            match = _AVERAGE.search(clause)
            if not match:
                spread = _SPREAD_BEFORE.search(_clause_before_own(para, clause, average))
                match = spread if spread and spread["spread"] else None
            if not match:
                continue
            if _AVERAGE_STANDARD.search(clause[: match.start()]) or re.match(r"的?(?:标准|限额|上限)", average.after):
                continue
            start = max(para.text.rfind("。", 0, average.local), -1) + 1
            before = [f for f in para.figs if start <= f.local < average.local and f is not average]
            # "平均每所甲A，…；平均每所乙B": an average is never the total another average divides
            totals = [
                f
                for f in before
                if f.family == average.family and f.value >= average.value and not _AVERAGE.search(_own_clause(para, f))
            ]
            totals = [f for f in totals if not _STANDARD.search(para.text[max(start, f.local - 8) : f.local])]
            if not totals and not match["month"] and average.family == "元":
                # "…共N人，人均获得补助X元" with the year's amount of that money stated earlier in the report
                totals = _earlier_total(view, para, average, match.group(0))
            if not totals and not match["month"] and average.family == "元":
                # "全年发放总额按N户计算，户均X元": the sentence names the amount it divides, stated earlier
                totals = _amount_named_by_sentence(view, para, start, average)
            if not totals:
                continue
            total = _named_total(clause[: match.start()], clause[match.end() :], totals)
            if match["month"]:
                if not re.search(r"全年|年度|年内", para.text[start : total.local]):
                    continue
                count_value, count_text, counts = Decimal(12), "12个月", []
            else:
                per = match["short"] or match["each"] or match["per"] or match["spread"]
                units = SHORT_UNITS.get(per, (per,))
                counts = [f for f in before if f is not total and _counted_unit(f) in units and not _target_count(f)]
                if not counts and per in _TIMES_UNITS:
                    # "体检4,000人次，…经费A万元，人均约B元": a count of attendances where no head count is stated
                    counts = [f for f in before if f.unit == _TIMES_UNITS[per] and not _target_count(f)]
                if not counts:  # "全年共查处案件210件。…罚款合计…，案均…": the count stated as a total before
                    counts = [
                        f
                        for f in para.figs
                        if f.local < start and f.unit in units and re.search(r"共|合计|全年|总|累计", f.label)
                    ]
                if not counts:  # "…实际完成14家。设备采购总金额868万元，平均每家62万元": the sentence before
                    previous_start = max(para.text.rfind("。", 0, max(start - 1, 0)), -1) + 1
                    counts = [f for f in para.figs if previous_start <= f.local < start and f.unit in units]
                if len({f.value for f in counts}) != 1:
                    continue
                count_value, count_text = counts[-1].value, counts[-1].text
                if _counted_unit(counts[-1]) != counts[-1].unit:
                    count_text += _counted_unit(counts[-1])
                counts = counts[-1:]
            if not count_value:
                continue
            exact = total.value / count_value / average.scale
            formula = f"{match.group(0)} {average.text} = {total.text} ÷ {count_text}"
            tied = f"“{match.group(0)}”：总数 ÷ 个数"
            checks.append(check(citer, "average", formula, average, exact, tied, [total, *counts]))
    return checks


# ---- remainders ----------------------------------------------------------------------------------------------

# "剩余N个", "尚余N户", "其余N家": what is left of a whole once part of it is done
_REMAINDER = re.compile(r"(?:剩余|尚余|其余|余下|还剩)(?:的|为)?$")
_DONE = re.compile(r"已|完成|完工|实际|累计|整改|办结|建成|实现")
# "已有158个村接入，还有65个村没有接入": what is still not done, said with 还有 and a negation after it
_STILL = re.compile(r"(?:还有|尚有|仍有)$")
_NOT_YET = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:没有|没|未|尚未|仍未|还未)")


# "离年度目标N个还差M个", "距目标N仍差M": what is left to reach the target stated just before
_GAP = re.compile(r"(?:尚|还|仍)差$")
_TARGET_AHEAD = re.compile(r"(?:距离?|离)(?:[^，。；\d]{0,10}目标)?$")
_TARGET_AFTER = re.compile(r"^的?[^，。；\d]{0,6}(?:目标|任务)")
# "今年新增A处，离目标B处还差C处": what is newly built or added counts as done against a target
_GAP_DONE = re.compile(_DONE.pattern + r"|新建|新增|新开|新设")


def _gap_to_target(para: Para, rest: Fig, citer: Citer) -> list[AuditCheck]:
    """ "已建成A，离B的目标还差C": C = B − A, where the clause names B as the target and one figure of the unit,
    in words of doing, stands before it in the sentence (a cumulative done is taken as the words give it)."""
    text = para.text
    start = max(text.rfind("。", 0, rest.local), -1) + 1
    before = [f for f in para.figs if start <= f.local < rest.local and f.unit == rest.unit]
    if len(before) < 2 or not _TARGET_AHEAD.search(clause_across_colon(para, before[-1])):
        return []
    target = before[-1]
    done = [
        f for f in before[:-1] if _GAP_DONE.search(clause_across_colon(para, f)) and not _TARGET_AFTER.match(f.after)
    ]
    if len(done) != 1 or done[0].value >= target.value:
        return []
    formula = f"尚差 {rest.text} = {target.text} − {done[0].text}"
    tied = "“距…目标…尚差”：目标减去已完成的数"
    return [check(citer, "remainder", formula, rest, target.number - done[0].number, tied, [target, done[0]])]


# "个人自付…元", "群众自筹…万元": what the payer bears once the listed subsidies are taken off the price
_SELF_PAY = re.compile(r"(?:自付|自负|自担|自筹|个人(?:承担|负担|支付|缴纳)|自行承担)(?:部分|金额)?(?:为|约|仅)?$")


def _self_pay(para: Para, rest: Fig, citer: Citer) -> list[AuditCheck]:
    """ "费用A元，其中报销b元、减免c元，个人自付D元": D = A − b − c, where the sentence states the whole, then
    "其中" and the parts it lists, then the self-paid amount, all in one unit."""
    text = para.text
    start = max(text.rfind("。", 0, rest.local), text.rfind("；", 0, rest.local), -1) + 1
    at = text.rfind("其中", start, rest.local)
    if at < 0:
        return []
    wholes = [f for f in para.figs if start <= f.local < at and f.family != "%"]
    parts = [f for f in para.figs if at <= f.local < rest.local and f.family != "%"]
    if not wholes or not parts or any(f.unit != rest.unit for f in [wholes[-1], *parts]):
        return []
    whole = wholes[-1]
    taken = sum((f.number for f in parts), Decimal(0))
    if taken >= whole.number:
        return []
    formula = f"{rest.text} = {whole.text} − " + " − ".join(f.text for f in parts)
    tied = "“其中”所列各项之外由本人负担的部分：总数减去所列各项"
    return [check(citer, "remainder", formula, rest, whole.number - taken, tied, [whole, *parts])]


def remainder_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "年度目标A个，截至年末已完成B个，…剩余C个": the remainder is the whole less what was done,
    where its sentence states exactly those two figures of its unit before it (the whole first and larger, the
    done one in words of doing). Amounts of money left over are balances (rates.py)."""
    checks = []
    for para in view.paras:
        text = para.text
        for rest in para.figs:
            if rest.family == "元" and _SELF_PAY.search(rest.label):
                checks += _self_pay(para, rest, citer)
            if rest.family in ("%", "元", ""):
                continue
            if _GAP.search(rest.label):
                checks += _gap_to_target(para, rest, citer)
                continue
            still = _STILL.search(rest.label)
            left = _REMAINDER.search(rest.label) or (still if still and _NOT_YET.match(rest.after) else None)
            if not left:
                continue
            start = max(text.rfind("。", 0, rest.local), -1) + 1
            before = [
                f
                for f in para.figs
                if start <= f.local < rest.local and f.unit == rest.unit and not in_parentheses(text, f.local)
            ]
            if len(before) != 2:
                continue
            whole, done = before
            clause = text[max(text.rfind(c, 0, done.local) for c in "，。；：") + 1 : done.local]
            if whole.value <= done.value or not _DONE.search(clause) or _DONE.search(whole.label[-6:]):
                continue
            formula = f"剩余 {rest.text} = {whole.text} − {done.text}"
            tied = f"“{left.group(0)}”：前述总数减去已完成的数"
            checks.append(check(citer, "remainder", formula, rest, whole.number - done.number, tied, [whole, done]))
    return checks


# ---- shares allocated by factor -----------------------------------------------------------------------------------

# "切块比例分别为60%、40%": the shares a sum is allocated by, one for each recipient
_FACTORS = re.compile(r"(?:系数|比例|权重|占比|份额)分别为$")
_ALLOCATED = re.compile(r"分别为$")
_JOINER = re.compile(r"\s*[、，,和及与]?\s*")


def _listed_run(para: Para, first: Fig) -> list[Fig]:
    """The figures listed from `first` on, joined by "、" (or a last "和"), all of its family."""
    run = [first]
    for fig in para.figs[para.figs.index(first) + 1 :]:
        gap = para.text[run[-1].end - para.start : fig.local]
        if fig.family != first.family or not _JOINER.fullmatch(gap) or not gap.strip():
            break
        run.append(fig)
    return run


def allocation_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "资金450万元按人口和面积切块，甲、乙的权重分别为60%、40%，相应下达分别为270、180万元": each
    amount is the sum allocated times its factor. Held only where the factors add up to 100%, as many amounts
    as factors follow in the sentence, and the clause group before the factors states one amount, the sum."""
    checks = []
    for para in view.paras:
        for first in para.figs:
            if first.family != "%" or not _FACTORS.search(first.label):
                continue
            factors = _listed_run(para, first)
            if len(factors) < 2 or abs(sum(f.value for f in factors) - 100) > Decimal("0.5"):
                continue
            end = para.text.find("。", factors[-1].local)
            end = end if end >= 0 else len(para.text)
            heads = [
                f
                for f in para.figs
                if factors[-1].local < f.local < end and f.family == "元" and _ALLOCATED.search(f.label)
            ]
            amounts = _listed_run(para, heads[0]) if heads else []
            group_start = max(para.text.rfind(c, 0, first.local) for c in "。；") + 1
            sums = [
                f
                for f in para.figs
                if group_start <= f.local < first.local and f.family == "元" and not in_parentheses(para.text, f.local)
            ]
            if len(amounts) != len(factors) or len(sums) != 1:
                continue
            whole = sums[0]
            # the amounts must share out that sum (within a few percent): else they are of something else
            if abs(sum(a.value for a in amounts) - whole.value) > whole.value * Decimal("0.03"):
                continue
            for factor, amount in zip(factors, amounts, strict=True):
                exact = whole.value * factor.number / 100 / amount.scale
                formula = f"分配额 {amount.text} = {whole.text} × {factor.text}"
                tied = f"“{first.label[-6:]}”与“{heads[0].label[-6:]}”逐项对应"
                checks.append(check(citer, "allocation", formula, amount, exact, tied, [whole, factor]))
    return checks


# ---- vacancies: the establishment less the staff in post ----------------------------------------------------------

_VACANCY = re.compile(r"(?:空编|缺编|空余编制|编制空缺)(?:数|人数)?(?:为|共|计|约)?$")
_IN_POST = re.compile(r"实有|在编|在岗|在职|现有")
_ESTABLISHMENT = re.compile(r"编制")
_TOTAL_CLAUSE = re.compile(r"^(?:合计|共计|总计|共有?|总数)")


def vacancy_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "编制数40人（两类编制之和），现有在岗35人，缺编5人": the vacancies are the establishment (its total
    where the sentence adds it up) less the staff in post, all stated in the vacancy's sentence in one unit."""
    checks = []
    for para in view.paras:
        text = para.text
        for vacancy in para.figs:
            if vacancy.family in ("%", "元", "") or not _VACANCY.search(vacancy.label):
                continue
            start = max(text.rfind("。", 0, vacancy.local), -1) + 1
            before = [
                f
                for f in para.figs
                if start <= f.local < vacancy.local and f.unit == vacancy.unit and not in_parentheses(text, f.local)
            ]
            in_post = [f for f in before if _IN_POST.search(clause_across_colon(para, f))]
            if len(in_post) != 1:
                continue
            staff = in_post[0]
            earlier = [f for f in before if f.local < staff.local]
            totals = [f for f in earlier if _TOTAL_CLAUSE.match(clause_across_colon(para, f))]
            named = [f for f in earlier if _ESTABLISHMENT.search(clause_across_colon(para, f))]
            posts = totals if totals else named if len(named) == 1 else []
            if len(posts) != 1 or not any(_ESTABLISHMENT.search(clause_across_colon(para, f)) for f in earlier):
                continue
            establishment = posts[0]
            if establishment.value <= staff.value:
                continue
            formula = f"空编 {vacancy.text} = {establishment.text} − {staff.text}"
            tied = "编制数减实有人数"
            exact = (establishment.value - staff.value) / vacancy.scale
            checks.append(check(citer, "vacancy", formula, vacancy, exact, tied, [establishment, staff]))
    return checks


# ---- ratios per 10,000 people ------------------------------------------------------------------------------------

_PER_10K = re.compile(
    r"每万(?:常住|户籍)?(?:人|人口|名居民|居民)(?:拥有|配备|有)?(?P<thing>[\u4e00-\u9fff]{2,10}?)(?:约|为|达到?)*$"
)
_POPULATION = re.compile(r"(?:常住|户籍|总|服务)人口(?:数|总数)?(?:为|达|约|共|计)*$")


def per_10k_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "病床1,200张，每万人口病床约24张" with "户籍人口50万人" stated before in the report: the count the
    sentence states of the thing named, over the population in 万. Held only where the report states one
    population and the sentence one count of that thing in the ratio's unit."""
    populations = [
        f
        for para in view.paras
        for f in para.figs
        if f.unit.endswith("人") and _POPULATION.search(f.label) and not previous_year_cue(para, f)
    ]
    checks: list[AuditCheck] = []
    for para in view.paras:
        for ratio in para.figs:
            named = _PER_10K.search(ratio.label)
            if named is None or ratio.family in ("%", "元"):
                continue
            start = max(para.text.rfind("。", 0, ratio.local), -1) + 1
            thing = bigrams(named["thing"])
            counts = [
                f
                for f in para.figs
                if start <= f.local < ratio.local
                and f.unit == ratio.unit
                and thing & bigrams(clause_across_colon(para, f))
                and not CHANGE_WORDS.search(f.label)
            ]
            before = [p for p in populations if p.start < ratio.start]
            if len(counts) != 1 or not before or len({p.value for p in before}) != 1:
                continue
            count, population = counts[0], before[-1]
            exact = count.value / (population.value / 10000) / ratio.scale
            slack = ratio_slack(count, population, exact)
            formula = f"每万人 {ratio.text} = {count.text} ÷ {population.text}"
            tied = f"“每万人”：所述数量除以前文人口（{population.label[-6:]}）"
            checks.append(check(citer, "per_10k", formula, ratio, exact, tied, [count, population], slack))
    return checks
