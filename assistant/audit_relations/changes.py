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

from assistant.audit_relations.core import AuditCheck, Citer, Verdict, check, judge_exact, ratio_slack, sum_slack
from assistant.audit_relations.text import Fig, Para, ReportView, clause_before, earlier_in_section
from assistant.audit_relations.words import CHANGE_WORDS, LEVEL_AFTER_CHANGE, bigrams, in_parentheses

_CHANGE = re.compile(
    r"(?P<word>增长|下降|减少|增加|提高|降低|提升|上升|回落|增幅|降幅|减幅|涨幅|压减幅度|下降幅度|增长幅度|幅度)"
    r"(?:了|为|达|约|达到)?$"
)
# "较上年同期的52.0%高出3.1个百分点", "比上年的80分低了2分": a level and its gap over the base the comparison names
# ("高出2个百分点" alone, after a target, names no base and is left to the target checks)
_COMPARED_GAP = re.compile(r"(?:较|比)[^，。；]{1,20}?(?P<word>高出|低出|高了|低了)(?:约)?$")


def _change_word(label: str) -> str:
    """The word of change (or of a gap over a named base) the figure's words end with, or ""."""
    found = _CHANGE.search(label) or _COMPARED_GAP.search(label)
    return found["word"] if found else ""


# "超过下降10%以上的目标": a change the words set as the target, not one stated
_TARGET_AFTER = re.compile(r"(?:以上|以下|左右)?的?(?:年度)?(?:目标|标准|要求)")
_PREVIOUS = re.compile(r"上年|去年|上一年|同期|前一年|上年度")
# "本年同期", "今年同期": the period of this year, not last year's same period
_THIS_PERIOD = re.compile(r"(?:本年|今年|当年|本期)同期")
# "今年同期多发放X", "同比少拨付X": a difference in words of more or less, not a level
# "比上年多支出", "今年少花了", and a bare "少了" right after last year's figure ("上年是A万元，少了B万元")
_MORE_LESS = re.compile(
    r"(?:(?:同比|同期|本年|今年|本期|[比较][^，。；\d]{0,8})|^)(?P<dir>多|少)(?:出|了)?[\u4e00-\u9fff]{0,3}$"
)
_YEAR = re.compile(r"(20\d{2})\s*年")
_COMPARISON = re.compile(r"较|比|同比|环比|相比|与|由|从|上年|去年|同期|的|了|为|达|20\d{2}年|[\d,.]+\S{0,3}|“|”")


def _year(para: Para, fig: Fig, segment_start: int) -> int | None:
    window = para.text[max(segment_start, fig.local - 30) : fig.local]
    window = window[max((m.end() for m in re.finditer(r"[，；]", window)), default=0) :]
    years = _YEAR.findall(window)
    return int(years[-1]) if years else None


def _segment_year(para: Para, fig: Fig) -> int | None:
    """The year the figure's clause group (since the last "；" or "。") names last before it: "2023年全市优良天数为
    326天，优良天数比率89.3%" gives both figures 2023."""
    start = max(para.text.rfind("；", 0, fig.local), para.text.rfind("。", 0, fig.local)) + 1
    years = _YEAR.findall(para.text[start : fig.local])
    return int(years[-1]) if years else None


def _change_year(para: Para, change: Fig) -> int | None:
    """The year a change is of: "2023年比上年减少…" ("2024年比2023年…": the first), or the year its clause
    group names."""
    years = _YEAR.findall(re.split(r"比|较", change.label)[0])
    return int(years[-1]) if years else _segment_year(para, change)


def _is_previous(para: Para, fig: Fig, segment_start: int) -> bool:
    """ "由上年的62.4%提升至63.1%": the words since the figure before it mark it as last year's (the 上年 of
    the first figure does not carry over to the second)."""
    since = max((f.end - para.start for f in para.figs if f.local < fig.local), default=0)
    window = para.text[max(segment_start, since, fig.local - 12) : fig.local]
    window = window[max((m.end() for m in re.finditer(r"[，；]", window)), default=0) :]
    if _MORE_LESS.search(window):
        return False  # "今年比去年多了B": B is the difference from last year, not last year's figure
    return bool(_PREVIOUS.search(_THIS_PERIOD.sub("", window)))


def change_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks: list[AuditCheck] = []
    for para in view.paras:
        for segment in re.finditer(r"[^。；]+", para.text):
            figs = [f for f in para.figs if segment.start() <= f.local < segment.end()]
            changes = [
                f
                for f in figs
                if _change_word(f.label) and not re.search(r"(?:至|到)$", f.label) and not _TARGET_AFTER.match(f.after)
            ]
            if not changes:
                continue
            values = [f for f in figs if f not in changes]
            base: list[Fig] = []
            pair: tuple[Fig, Fig] | None = None
            for change in changes:
                # "较年初预算增加1,251.30万元，增幅14.32%": the second change is against the same base
                result = _check_change(view, para, segment.start(), change, values, citer, base)
                if (
                    result is None
                    and change.family == "%"
                    and pair
                    and len(_subject_words(clause_before(para, change))) < 2
                ):
                    # "比上年增加4,200人次，增长8.73%": a rate after an amount of change has the amount's two values
                    result = _change_check(citer, change, *pair)
                if result is None and change.family == "%":
                    result = _from_stated_change(para, change, figs, citer)
                if result is None and change.family == "百分点":
                    result = _between_two_rates(para, change, figs, citer)
                if result is not None:
                    checks.append(result)
                    last_start = result.sources[-1].start
                    base = [f for other in view.paras[: para.index + 1] for f in other.figs if f.start == last_start]
                    if result.kind == "change" and len(result.sources) == 2 and "÷ (" not in result.formula:
                        pair = _pair_of(para, view, result)
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
    if _TWO_YEARS.search(change.label):
        # "2024年比2023年增长5.18%": the two years' figures as the paragraph states them
        named = _years_named(para, change, family, citer)
        if named is not None:
            return named
    if "环比" in change.label:
        # "三季度办件A件，四季度办件B件，四季度环比上升x%": against the period just before, not last year
        stepped = _period_on_period(para, change, family, citer)
        if stepped is not None:
            return stepped
    candidates = [f for f in values if (family is None and f.family not in ("%", "百分点")) or f.family == family]
    if percent:
        candidates = [f for f in candidates if f.family != "%"]
    # "比预算数22万元减少3.4万元", "较上年的26.4万吨增长…": the figure between 较/比 and the change word
    compared = [
        f
        for f in candidates
        if f.local < change.local
        and re.search(r"(?:较|比|与|由|从)[^，。；]{0,12}$", para.text[segment_start : f.local])
        and not re.search(r"[，。；]", para.text[f.end - para.start : change.local])
        and not _MORE_LESS.search(f.label)  # "今年比去年多了B": B is the difference, not the base
    ]
    # "由2024年的196件降至143件，降幅…": the figure after 由/从 with 至/到 following is the base
    from_to = [
        f
        for f in candidates
        if f.local < change.local
        and re.search(r"(?:由|从)[^，。；]{0,12}$", para.text[segment_start : f.local])
        and re.match(r"[^，。；\d]{0,6}(?:至|到)", para.text[f.end - para.start :])
    ]
    previous = compared[-1:] or from_to[-1:] or [f for f in candidates if _is_previous(para, f, segment_start)]
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
        # "2022年“三公”经费为44.80万元，2023年比上年减少6.18万元": a figure of a year before the change's own
        year = _change_year(para, change)
        if year and re.search(r"上年|去年|同比|上一年|\d{4}年", para.text[segment_start : change.local]):
            previous = [f for f in candidates if (_segment_year(para, f) or year) < year and f.local < change.local]
    if not previous:
        previous = _named_base(view, para, change) or [f for f in base or [] if family is None or f.family == family]
    if not previous and len(candidates) == 1:
        # "2024年受理投诉196件。2025年受理投诉143件，较上年下降37.06%": last year's figure of the same subject,
        # stated before
        earlier = _same_subject(view, para, candidates[0], change, _change_year(para, change), back=1)
        previous = [earlier] if earlier else []
    if not previous and not candidates:
        return _earlier_pair(para, change, family, citer)
    if len(previous) != 1:
        return None
    last_year = previous[0]
    current = [f for f in candidates if f is not last_year and f.family == last_year.family]
    current = [
        f
        for f in current
        if not (in_parentheses(para.text, f.local) and not in_parentheses(para.text, last_year.local))
        and not _BENCHMARK_BEFORE.search(f.label)
        and not _BENCHMARK_AFTER.match(f.after)
        # "比上年的A户多B户", "今年同期多拨付B万元": B is the difference the words state, not this year's level
        and not _DIFFERENCE_BEFORE.search(para.text[max(segment_start, f.local - 14) : f.local])
        and not _MORE_LESS.search(f.label)
        # "由A亩增加到B亩，净增C亩，增长x%": C is the difference, B the level
        and not _NET_CHANGE.search(f.label)
        # "去年同期拨付A万元…，本期拨付比上年同期的A万元增加…": a figure the words mark as last year's is
        # never this year's value
        and not _is_previous(para, f, segment_start)
        # "交易额比上年A亿元增长x%，平均每宗交易额约B万元": an average stated after the change is another measure
        and not (f.local > change.local and _AVERAGE.search(f.label) and not _AVERAGE.search(last_year.label))
    ]
    # The change's own subject is what its clause names before the comparison ("旅游综合收入同比增长");
    # the words after 较/比 describe the base ("比预算数22万元减少").
    subject = _COMPARISON.sub("", re.split(r"同比|环比|较|比|与", re.sub(_CHANGE.pattern, "", change.label))[0])
    if len(subject) >= 2:
        keys = bigrams(subject)
        current = [f for f in current if keys & bigrams(f.label)]
    if len(current) > 1:
        # "共安排A万元，由甲B万元和乙C万元组成，较上年的D万元增加…": an item of a breakdown is not the whole compared
        wholes = [f for f in current if not _listed_part(para, f)]
        current = wholes or current
    if len(current) > 1:
        # "为78.6%，比2024年的74.9%提高3.7个百分点，超过77%的年度目标": this year's figure comes before the change
        ahead = [f for f in current if f.local < change.local]
        exact = [f for f in ahead if not re.search(r"约$", f.label)]
        ahead = exact if len(exact) < len(ahead) and exact else ahead
        current = ahead[-1:] if ahead else current
    if not current:
        named = (
            _named_current(view, para, last_year)
            or _same_subject(view, para, last_year, change)
            or _earlier_in_sentence(para, last_year)
            or _earlier_in_paragraph(para, last_year, segment_start)
        )
        current = [named] if named else []
    if len(current) != 1 or last_year.value == 0:
        return None
    return _change_check(citer, change, current[0], last_year)


_PERIOD_NAME = re.compile(
    r"第?(?P<q>[一二三四1-4])季度|(?<![—－\-~～至到\d])(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?!\s*[—－\-~～至到])"
    r"|(?P<h>[上下])半年"
)
_PERIOD_ORDER = dict(zip("一二三四五六七八九十", range(1, 11), strict=True)) | {"十一": 11, "十二": 12}


def _periods_named(words: str) -> list[tuple[str, int]]:
    """The quarters, months and halves the words name, in order: ("q", 2) for "二季度", ("m", 6) for "6月"."""
    named = []
    for m in _PERIOD_NAME.finditer(words):
        kind = "q" if m["q"] else "m" if m["m"] else "h"
        value = m["q"] or m["m"] or ("1" if m["h"] == "上" else "2")
        named.append((kind, int(value) if value.isdigit() else _PERIOD_ORDER[value]))
    return named


def _period_of_clause_before(para: Para, change: Fig) -> list[tuple[str, int]]:
    """ "5月拨付A万元，环比下降x%": a change whose own clause names no period is of the one period the clause just
    before it names (in the same "；" part of the sentence)."""
    head = para.text[: change.local - len(change.label)]
    start = max(head.rfind(c) for c in "。；;") + 1
    clauses = re.split(r"[，,]", head[start:].rstrip("，,"))
    named = _periods_named(clauses[-1]) if clauses else []
    return named if len(named) == 1 else []


def _period_on_period(para: Para, change: Fig, family: str | None, citer: Citer) -> AuditCheck | None:
    """A 环比 change: this period's figure against the one just before it ("11月比10月环比…" names both), each
    stated in its sentence before the change in a clause naming that one period alone."""
    own = change.label.split("环比")[0]
    named = _periods_named(own) or _period_of_clause_before(para, change)
    if not named:
        return None
    against = re.search(r"(?:比|较)[^，。；比较]*$", own)
    if len(named) == 1 and against and _periods_named(against.group(0)):
        # "三季度支出B，比二季度环比增长x%": the period after 比 is the base; this period is the one just after it
        current, previous = (named[0][0], named[0][1] + 1), named[0]
    elif len(named) >= 2 and named[-2][0] == named[-1][0]:
        current, previous = named[-2], named[-1]
    else:
        current, previous = named[-1], (named[-1][0], named[-1][1] - 1)
    sentence_start = para.text.rfind("。", 0, change.local) + 1
    this, before = _period_values(para, sentence_start, change, family, current, previous)
    if len(this) != 1 or len(before) != 1:
        # "二季度拨付A，三季度拨付B。…三季度拨付比二季度环比减少x%": the values may stand in the sentences
        # before it in the paragraph, each period stated there once, in a clause of the change's own subject
        subject = bigrams(_PERIOD_NAME.sub("", re.split(r"较|比|环比", change.label)[0]))
        this, before = _period_values(para, 0, change, family, current, previous, subject)
    if len(this) != 1 or len(before) != 1 or before[0].value == 0 or this[0].unit != before[0].unit:
        return None
    return _change_check(citer, change, this[0], before[0])


def _period_values(
    para: Para,
    start: int,
    change: Fig,
    family: str | None,
    current: tuple[str, int],
    previous: tuple[str, int],
    subject: set[str] | None = None,
) -> tuple[list[Fig], list[Fig]]:
    """The figures stated from `start` up to the change in a clause naming one period alone (and sharing words
    with `subject` where given): those of `current` and those of `previous`."""
    by_period: dict[tuple[str, int], list[Fig]] = {}
    for f in para.figs:
        if not start <= f.local < change.local or f.family in ("%", "百分点"):
            continue
        if family is not None and f.family != family or CHANGE_WORDS.search(f.label):
            continue
        periods = _periods_named(clause_before(para, f))
        if subject is not None and not subject & bigrams(_PERIOD_NAME.sub("", clause_before(para, f))):
            continue
        if len(periods) == 1:
            by_period.setdefault(periods[0], []).append(f)
    return by_period.get(current, []), by_period.get(previous, [])


def _listed_part(para: Para, fig: Fig) -> bool:
    """A figure listed as one part of a whole: inside "由…组成/构成", after "其中", or an item after "、"."""
    text = para.text
    start = max(text.rfind(c, 0, fig.local) for c in "。；") + 1
    head = text[start : fig.local]
    listed = re.search(r"由[^，。；]*$|由[^。；]*[、和及与][^，。；]*$", head)
    if listed and re.match(r"[^。；]*?(?:组成|构成)", text[fig.local :]):
        return True
    clause = head[max(head.rfind(c) for c in "，,、") + 1 :]
    # the first item of a "、" list ("按类别为甲30件、乙20件…") is as much a part as the items after it
    first_item = text[fig.end - para.start :].startswith("、")
    return _BREAKDOWN_START.match(clause) is not None or head[: len(head) - len(clause)].endswith("、") or first_item


# "其中…", "全部为甲A和乙B", "主要包括…": a clause that lists what a whole stated before is made of
_BREAKDOWN_START = re.compile(r"其中|全部(?:为|是|用于)|主要(?:为|是|包括)|包括|分别为|含")


# "净增C亩", "增加了C": the amount of a change, not a level
_NET_CHANGE = re.compile(r"(?:净增|净减|增加|减少)(?:了)?$")
# "低于50%的时间进度", "超过90%的目标值": a figure the period is measured against is not the period's own value
_BENCHMARK_BEFORE = re.compile(r"(?:低于|高于|超过|不足|不低于|不高于|不少于|不超过)$")
_BENCHMARK_AFTER = re.compile(r"^的?(?:时间|序时)?(?:进度|目标|标准|要求|基准|警戒)")
# "比上年的A户多B户", "比上年多完成B": the verb after 多/少 may name the work counted
_DIFFERENCE_BEFORE = re.compile(
    r"(?:\d[^\d，。；]{0,3}|[比较][^，。；\d]{0,8})(?:多|少)(?:出|了)?(?:完成|办理|发放|培训|接待|建成|服务)?$"
)


def _pair_of(para: Para, view: ReportView, result: AuditCheck) -> tuple[Fig, Fig] | None:
    """The (this year, last year) figures a change check used, as the audit's own figures."""
    by_start = {f.start: f for other in view.paras[: para.index + 1] for f in other.figs}
    this_year, last_year = (by_start.get(s.start) for s in result.sources)
    return (this_year, last_year) if this_year and last_year else None


def _change_check(citer: Citer, change: Fig, this_year: Fig, last_year: Fig) -> AuditCheck:
    percent = change.family == "%"
    difference = abs(this_year.value - last_year.value)
    word = _change_word(change.label)
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


_SUBJECT_NOISE = re.compile(r"20\d{2}\s*年度?|上年|去年|同期|全年|本年|年末|年底|截至|[“”\"‘’]|为$|是$|达到?$|^为|^是")


def _subject_words(label: str) -> str:
    """What a figure or change is of: its label without years, comparisons, the change word and fillers
    ("2023年优良天数比上年增加" -> "优良天数", "“三公”经费为" -> "三公经费")."""
    label = label.split("，")[-1]
    parts = [_SUBJECT_NOISE.sub("", p).strip() for p in re.split(r"同比|环比|较|比(?![率重例])|与|相比", label)]
    head = parts[0] or (parts[1] if len(parts) > 1 else "")  # "与2022年支出" names its subject after 与
    return _SUBJECT_NOISE.sub("", re.sub(_CHANGE.pattern, "", head)).strip()


def _names(para: Para, fig: Fig, subject: str) -> bool:
    keys = bigrams(subject)
    if len(keys) < 2:
        return False
    words = _SUBJECT_NOISE.sub("", clause_before(para, fig))
    return subject in words or len(keys & bigrams(words)) >= len(keys) - (1 if len(keys) > 3 else 0)


def _same_subject(
    view: ReportView, para: Para, last_year: Fig, change: Fig, year: int | None = None, back: int = 0
) -> Fig | None:
    """ "2023年“三公”经费支出38.62万元。…2022年“三公”经费为44.80万元，2023年比上年减少6.18万元": this year's value
    is the figure of the same subject and the change's year stated before, in this paragraph or earlier in its
    part of the report. None unless exactly one value is so named."""
    subject = _subject_words(clause_before(para, last_year))
    year = (year or _change_year(para, change) or 0) - back
    if year <= 0 or (back and not re.search(r"上年|去年|同比|上一年", change.label)):
        return None
    found = []
    for other in [para, *earlier_in_section(view, para)]:
        for f in other.figs:
            if f is last_year or f.family != last_year.family or (other is para and f.local >= last_year.local):
                continue
            if CHANGE_WORDS.search(f.label) or in_parentheses(other.text, f.local) or not _names(other, f, subject):
                continue
            if _segment_year(other, f) == year:
                found.append(f)
    return found[0] if len({f.value for f in found}) == 1 else None


def _earlier_in_sentence(para: Para, last_year: Fig) -> Fig | None:
    """ "今年接待游客12.6万人次，其中儿童3.1万人次；上年同期接待游客10.8万人次，同比增长…": this period's value is
    the one figure of the same measure that the sentence states before last year's, its clause naming the
    same subject (a "其中" part names another)."""
    subject = _subject_words(clause_before(para, last_year))
    keys = bigrams(subject)
    if not keys:
        return None
    sentence_start = para.text.rfind("。", 0, last_year.local) + 1
    found = []
    for f in para.figs:
        if not sentence_start <= f.local < last_year.local or f.family != last_year.family:
            continue
        words = clause_before(para, f)
        if not _plain_value(para, f, words, r"目标|计划|预期"):
            continue
        if subject in words or len(keys & bigrams(words)) >= max(1, len(keys) - 1):
            found.append(f)
    return found[0] if len(found) == 1 else None


def _plain_value(para: Para, fig: Fig, words: str, planned: str) -> bool:
    """A figure stated as this period's value: no change, part (其中), aside, last year's or planned figure."""
    if CHANGE_WORDS.search(fig.label) or in_parentheses(para.text, fig.local) or words.startswith("其中"):
        return False
    return not (_PREVIOUS.search(words) or re.search(planned, words))


def _earlier_in_paragraph(para: Para, last_year: Fig, segment_start: int) -> Fig | None:
    """ "全年拨付资金9,000万元，执行率…。上年拨付资金8,500万元，本年比上年增加500万元": a figure the words mark
    as last year's, with this year's value of the same subject stated in an earlier sentence of the paragraph
    (one value, not a budget, target or part)."""
    if not _is_previous(para, last_year, segment_start):
        return None
    subject = _subject_words(clause_before(para, last_year))
    sentence_start = para.text.rfind("。", 0, last_year.local) + 1
    found = []
    for f in para.figs:
        if f.local >= sentence_start or f.family != last_year.family:
            continue
        if not _plain_value(para, f, clause_before(para, f), r"目标|计划|预期|预算|安排|下达"):
            continue
        if _names(para, f, subject):
            found.append(f)
    return found[-1] if len({f.value for f in found}) == 1 else None


def _same_sentence(para: Para, a: Fig, b: Fig) -> bool:
    return "。" not in para.text[a.local : b.local]


def _earlier_pair(para: Para, change: Fig, family: str | None, citer: Citer) -> AuditCheck | None:
    """ "2023年优良天数为326天，比率89.3%；2022年为317天，比率86.8%。2023年优良天数比上年增加9天，比率提高3.5个
    百分点": a change whose clause states neither value, of a subject whose two years' figures the paragraph
    stated before (one figure of each year, named by the change's own words)."""
    subject = _subject_words(clause_before(para, change))
    if len(subject) < 2:
        return None
    named: list[Fig] = []
    for f in para.figs:
        if f.local >= change.local or CHANGE_WORDS.search(f.label) or in_parentheses(para.text, f.local):
            continue
        if not ((family is None and f.family not in ("%", "百分点")) or f.family == family):
            continue
        bare = not _SUBJECT_NOISE.sub("", clause_before(para, f))
        # "2024年门诊服务52,300人次，2023年为48,100人次": a clause naming only its year speaks of the figure before
        inherits = bare and named and named[-1].family == f.family and _same_sentence(para, named[-1], f)
        if inherits or _names(para, f, subject):
            named.append(f)
    if family is not None and family != "%":
        named = [f for f in named if f.family == change.family]
    by_year: dict[int, list[Fig]] = {}
    for f in named:
        year = _segment_year(para, f)
        if year:
            by_year.setdefault(year, []).append(f)
    this = _change_year(para, change) or max(by_year, default=0)
    against = _YEAR.findall(change.label.split("比")[-1]) if "比" in change.label else []
    last = int(against[-1]) if against else this - 1
    current, previous = by_year.get(this, []), by_year.get(last, [])
    if len(current) != 1 or len(previous) != 1 or previous[0].value == 0:
        return None
    return _change_check(citer, change, current[0], previous[0])


_TWO_YEARS = re.compile(r"(20\d{2})\s*年(?:度)?(?:比|较)(20\d{2})\s*年(?:度)?")
_WHOLE = re.compile(r"共|合计|总|全年|全部")


def _year_map(para: Para, family: str | None) -> dict[int, list[Fig]]:
    """The figures each year of the paragraph states: "2022年、2023年分别安排A和B" gives A to 2022 and B to 2023;
    otherwise a figure belongs to the year its clause group names."""
    found: dict[int, list[Fig]] = {}
    figs = [
        f
        for f in para.figs
        if ((family is None and f.family not in ("%", "百分点")) or f.family == family)
        and not CHANGE_WORDS.search(f.label)
        and not in_parentheses(para.text, f.local)
    ]
    listed: set[int] = set()
    for match in re.finditer(r"((?:20\d{2}\s*年(?:度)?[、和及与]?){2,})[^。；]{0,12}?分别", para.text):
        years = [int(y) for y in re.findall(r"(20\d{2})", match.group(1))]
        after = [f for f in figs if f.local > match.end()][: len(years)]
        if len(after) == len(years):
            for year, fig in zip(years, after, strict=True):
                found.setdefault(year, []).append(fig)
                listed.add(id(fig))
    for f in figs:
        year = _segment_year(para, f)
        if year and id(f) not in listed:
            found.setdefault(year, []).append(f)
    return found


def _years_named(para: Para, change: Fig, family: str | None, citer: Citer) -> AuditCheck | None:
    """ "2024年共安排2,846.50万元…2022年、2023年分别安排…和2,706.30万元，2024年比2023年增长5.18%": a change between
    two years it names, from the figures the paragraph gives each year. A year with several figures takes its
    whole (共/合计/总…) when one is so named; otherwise the change only confirms."""
    named = _TWO_YEARS.search(para.text[max(0, change.local - 30) : change.local])
    if not named:
        return None
    this, last = int(named.group(1)), int(named.group(2))
    by_year = _year_map(para, family if family != "%" else None)
    readings = []
    for year in (this, last):
        figs = [f for f in by_year.get(year, []) if f.local < change.local]
        wholes = [f for f in figs if _WHOLE.search(f.label)]
        readings.append(wholes[:1] if len(wholes) == 1 else figs)
    current, previous = readings
    if not current or not previous:
        return None
    pairs = [(c, p) for c in current for p in previous if c.family == p.family and p.value]
    if not pairs:
        return None
    results = [_change_check(citer, change, c, p) for c, p in pairs]
    agreeing = [r for r in results if r.verdict.value != "inconsistent"]
    if agreeing:
        return agreeing[0]
    return results[0] if len(pairs) == 1 else None


_DOWN = re.compile(r"减少|下降|降低|回落|压减|下滑|缩减|降幅|减幅")


def _from_stated_change(para: Para, change: Fig, figs: list[Fig], citer: Citer) -> AuditCheck | None:
    """ "支出850.00万元，比上年减少150.00万元，下降15.00%": last year's value is this year's plus the decrease
    (minus the increase), so the rate is the change over it."""
    before = [f for f in figs if f.local < change.local and f.family not in ("%", "百分点")]
    if len(before) == 3:
        return _between_two_levels(para, change, before, citer)
    if len(before) != 2:
        return None
    current, amount = before
    more_less = _MORE_LESS.search(amount.label)
    if current.family != amount.family or not (_CHANGE.search(amount.label) or more_less):
        return None
    if _CHANGE.search(current.label):
        return None
    if not re.search(r"上年|去年|同期|同比", amount.label) and not _is_previous(para, current, 0):
        return None  # "上年同口径为A万元，今年少花了B万元，降幅x%": the words mark the figure before as last year's
    gap = para.text[amount.end - para.start : change.local].strip("，, ")
    if not re.fullmatch(r"(?:同比|较上年|比上年)?" + _CHANGE.pattern, gap):
        return None  # "…增加200万元，其中人员经费增长15%": the rate is of another subject
    down = bool(_DOWN.search(amount.label)) or bool(more_less and more_less["dir"] == "少")
    if down != bool(_DOWN.search(change.label)):
        return None
    word = _change_word(change.label)
    if _names_base(para, current, amount):
        # "上年支出A万元，本年比上年增加B万元，增长C%", "比上年的A万元减少B万元，下降C%": the figure is last year's,
        # the base of the change itself
        if current.value <= 0:
            return None
        exact = amount.value / current.value * 100
        formula = f"{word} = {amount.text} ÷ {current.text}"
        tied = f"“{amount.label[-8:]}”：上年数 {current.text}，变动额 {amount.text}"
        slack = ratio_slack(amount, current, exact)
        return check(citer, "change", formula, change, exact, tied, [amount, current], slack)
    last_year = current.value + amount.value if down else current.value - amount.value
    if last_year <= 0:
        return None
    exact = amount.value / last_year * 100
    sign = "+" if down else "−"
    formula = f"{word} = {amount.text} ÷ ({current.text} {sign} {amount.text})"
    tied = f"“{amount.label[-8:]}”：上年数为本期 {current.text} {sign} 变动额 {amount.text}"
    return check(citer, "change", formula, change, exact, tied, [amount, current], ratio_slack(amount, current, exact))


_STATED_DIFFERENCE = re.compile(r"增|减|多|少|节|高出|低出|提高|降低|下降")


def _between_two_rates(para: Para, change: Fig, figs: list[Fig], citer: Citer) -> AuditCheck | None:
    """ "普惠托位占比48.01%，…建成后普惠托位占比达到55.71%，提高16.04个百分点": a change in points that names no
    base follows the second of two rates of one measure in its sentence; it is their difference. Read only
    where the change follows the later rate at once and no other rate of that measure stands between."""
    rates = [
        f
        for f in figs
        if f.family == "%"
        and f.local < change.local
        # "提高到58.10%" states the level reached, "提高5.8%" a change
        and (not CHANGE_WORDS.search(f.label) or LEVEL_AFTER_CHANGE.search(f.label))
    ]
    if len(rates) < 2 or _COMPARISON_CUE.search(change.label):
        return None
    later = rates[-1]
    if not re.fullmatch(r"[，,]?\s*", para.text[later.end - para.start : change.local - len(change.label)]):
        return None
    measure = _measure_words(later.label)
    same = [f for f in rates[:-1] if len(measure) >= 2 and bigrams(measure) & bigrams(_measure_words(f.label))]
    if len(same) != 1:
        return None
    earlier = same[0]
    exact = abs(later.value - earlier.value)
    formula = f"{_change_word(change.label)} = |{later.text} − {earlier.text}|"
    tied = f"同一句先后两个“{measure}”及其后的“{_change_word(change.label)}…个百分点”"
    return check(citer, "change", formula, change, exact, tied, [later, earlier])


_AVERAGE = re.compile(r"平均|每[\u4e00-\u9fff]|[人户宗件次亩吨村]均")
_COMPARISON_CUE = re.compile(r"较|比|同比|环比|上年|去年|同期")
_LEVEL_WORDS = re.compile(r"(?:达到|提高到|提升至|增至|降至|下降到|为|是|达|约|仅)$")


def _measure_words(label: str) -> str:
    """What a rate measures, from its clause: "建成后普惠托位占比达到" -> "普惠托位占比"."""
    clause = re.split(r"[，,：:]", label)[-1]
    return _LEVEL_WORDS.sub("", LEVEL_AFTER_CHANGE.sub("", re.sub(r"^.*?后", "", clause)))


def _between_two_levels(para: Para, change: Fig, before: list[Fig], citer: Citer) -> AuditCheck | None:
    """ "试点组A，常规组B，高出D，增幅x%": two levels and their stated difference; x = D over the lower level for a
    rise, over the higher one for a fall. Read only where D is their difference and the rate follows D at once,
    so the pairing is sure."""
    a, b, amount = before
    gap = para.text[amount.end - para.start : change.local].strip("，, ")
    if not re.fullmatch(r"[\u4e00-\u9fff]{0,4}?" + _CHANGE.pattern, gap):
        return None
    if len({a.family, b.family, amount.family}) != 1 or not _STATED_DIFFERENCE.search(amount.label):
        return None
    if _STATED_DIFFERENCE.search(a.label) or _STATED_DIFFERENCE.search(b.label):
        return None
    if judge_exact(amount, abs(a.value - b.value) / amount.scale, sum_slack(amount, [a, b])) is Verdict.INCONSISTENT:
        return None
    base = max(a, b, key=lambda f: f.value) if _DOWN.search(change.label) else min(a, b, key=lambda f: f.value)
    if base.value <= 0:
        return None
    exact = amount.value / base.value * 100
    word = _change_word(change.label)
    formula = f"{word} = {amount.text} ÷ {base.text}"
    tied = f"“{amount.label[-6:]}”：两个水平之差 {amount.text} 与其中的基数 {base.text}"
    return check(citer, "change", formula, change, exact, tied, [amount, base], ratio_slack(amount, base, exact))


def _names_base(para: Para, value: Fig, amount: Fig) -> bool:
    """The words make `value` the base of the change `amount`: they mark it as last year's ("上年拨付…",
    "上年同期…"), or it stands between 较/比 and the change word ("比上年的60.00万元减少")."""
    if _is_previous(para, value, 0):
        return True
    if _dated_against_this_year(para, value, amount):
        return True
    between = para.text[value.end - para.start : amount.local]
    return bool(re.search(r"(?:较|比)[^，。；]{0,12}$", para.text[: value.local])) and not re.search(
        r"[，。；]", between
    )


def _dated_against_this_year(para: Para, value: Fig, amount: Fig) -> bool:
    """ "2024年上半年发放A万元，今年同期多发放B万元": a figure its clause dates, set against an amount the words
    mark as this year's, is the earlier year's base."""
    return bool(_YEAR.search(clause_before(para, value))) and bool(
        re.match(r"本年|今年|本期", clause_before(para, amount))
    )


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
    # "本期累计拨付比上年同期的…" with "累计拨付820万元" stated before: 本期 marks the period, not the name
    # (a bare measure, "支出", names too much to stand alone)
    bare = re.sub(r"^(?:本年度?|今年|当年|本期)", "", words)
    for name in (words, bare) if bare != words and len(bare) >= 3 else (words,):
        for other in reversed(view.paras[: para.index + 1]):
            found = [
                f
                for f in other.figs
                if f.family == last_year.family
                and name in f.label
                and (other is not para or f.local < last_year.local)
                and f is not last_year
                and not _PREVIOUS.search(f.label)
                and not CHANGE_WORDS.search(f.label)
            ]
            if found:
                return found[-1]
    # "全年支出比上年的…" with "全年实际支出…" stated before: the name with a short qualifier inside it
    gapped = _gapped(words)
    if gapped is None:
        return None
    found = [
        f
        for f in para.figs
        if f.family == last_year.family
        and f.local < last_year.local
        and gapped.search(clause_before(para, f))
        and _plain_value(para, f, clause_before(para, f), r"目标|计划|预期|预算|安排|下达")
    ]
    return found[-1] if len({f.value for f in found}) == 1 else None


def _gapped(words: str) -> re.Pattern[str] | None:
    """ "全年支出" -> 全年, up to three more characters, 支出: a name as the report may first have stated it
    with a qualifier in the middle ("全年实际支出")."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{4,6}", words):
        return None
    return re.compile(re.escape(words[:2]) + r"[\u4e00-\u9fff]{1,3}" + re.escape(words[2:]) + "$")


# "拨付进度A%，高于B%的时间进度C个百分点": the gap between the rate and the share of the year gone by
_SCHEDULE_GAP = re.compile(r"(?:低于|高于|落后于?|快于|慢于|超过|超出)$")


def schedule_gap_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """C = |A − B| where B is stated as the time schedule ("序时进度", "时间进度") and A is the rate its sentence
    states before it (last year's rates and those the words compare against left out). Other benchmarks, such as
    targets, are not read: a gap to a target is often written from a rate computed elsewhere."""
    checks = []
    for para in view.paras:
        for gap in para.figs:
            if gap.family != "百分点":
                continue
            marks = [f for f in para.figs if f.family == "%" and f.end - para.start <= gap.local]
            if not marks or not _SCHEDULE_GAP.search(marks[-1].label):
                continue
            schedule = marks[-1]
            between = para.text[schedule.end - para.start : gap.local]
            if not re.fullmatch(r"的?(?:序时|时间)进度", between):
                continue
            rate = _rate_before(para, schedule)
            if rate is None:
                continue
            exact = abs(rate.value - schedule.value)
            formula = f"相差 {gap.text} = |{rate.text} − {schedule.text}|"
            tied = "“低于/高于…序时进度…个百分点”：进度与序时进度之差"
            checks.append(check(citer, "schedule_gap", formula, gap, exact, tied, [rate, schedule]))
    return checks


def _rate_before(para: Para, schedule: Fig) -> Fig | None:
    """The last rate of progress stated before the schedule in its sentence, other than last year's or a target."""
    start = max(para.text.rfind("。", 0, schedule.local), -1) + 1
    rates = [
        f
        for f in para.figs
        if start <= f.local < schedule.local
        and f.family == "%"
        and not re.search(r"较|比|上年|去年|同期|目标|计划", f.label)
        and not _BENCHMARK_BEFORE.search(f.label)
    ]
    if not rates or not re.search(r"进度|执行率", rates[-1].label):
        return None
    return rates[-1]
