"""The same figure stated twice with different values.

Two figures are the same statement when they measure the same thing (same unit family, same year,
same qualifiers such as 目标/上年/调整后, the same scope of section) and the words around them name the
same thing: what one names is (almost) all named by the other. A later mention that points back
("前述十八场", "已建成的164个", "该项目总投资", "综上，…") needs less of the wording to match. A part of a
"其中" list is never a repeat of its total, and rates are compared only within one paragraph, where they
share a subject.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from assistant.audit_relations.core import AuditCheck, Citer, Verdict, check
from assistant.audit_relations.text import Fig, Para, ReportView, clause_before
from assistant.audit_relations.words import CHANGE_WORDS, content, previous_year_cue, qualifiers
from ingest.facts import section_subject
from ingest.vocabulary import vocabulary

_BACK_REFERENCE = re.compile(r"前述|上述|以上|该|这些?|综上")
_DISTINCT_QUALIFIERS = re.compile(
    r"目标|计划|任务|指标值|预期|年初|调整后|追加|上年|去年|同期|超额|未|剩余|其余|另|不少于|不低于|不超过|不高于|以上$|以内$|力争"
)
_YEAR = re.compile(r"(20\d{2})\s*年")
_ANOTHER = re.compile(r"另(?!行|案)|此外")
_SPENT = re.compile(r"支出|发放|使用|拨付|支付|列支|兑付|执行")


def _descriptor(fig: Fig, back_reference: bool) -> set[str]:
    label = re.sub(r"20\d{2}\s*年度?|\d+", "", fig.label)
    if back_reference:
        verb = re.search(r"([\u4e00-\u9fff]{2})的$", label.replace("已", ""))
        label = verb.group(1) if verb else label[-6:]
    after = re.split(r"[\d，。；：、（）()的已]", fig.after, maxsplit=1)[0][:6]
    words = content(label + after)
    return {words[i : i + 2] for i in range(len(words) - 1)}


# "绩效目标如下：", "年度目标为：", "计划任务包括：": a sentence that opens a list of what is planned
_TARGET_LIST = re.compile(r"(?:目标|计划|任务|指标)[^，。；：:]{0,8}(?:包括|为|是|如下)?[：:]")


_TARGET_HEADING = re.compile(r"目标(?:设定|设置)?\s*$")


def _lists_targets(para: Para, sentence_start: int, fig: Fig) -> bool:
    """The figure is an item of a list of targets: its sentence opens with words announcing the targets, or
    the paragraph (or its section) is headed as the targets ("（五）绩效目标。…"; not "目标完成情况")."""
    if _TARGET_LIST.search(para.text, sentence_start, fig.local):
        return True
    lead = re.match(r"\s*[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*([^。：:，]{2,12})[。：:]", para.text)
    headings = [*para.section[-1:], *([lead.group(1)] if lead and lead.end() <= fig.local else [])]
    return any(_TARGET_HEADING.search(h) for h in headings)


def _sentence_of(para: Para, fig: Fig) -> tuple[int, int]:
    start = max(para.text.rfind("。", 0, fig.local), -1) + 1
    end = para.text.find("。", fig.local)
    return start, end if end >= 0 else len(para.text)


def _equal(a: Fig, b: Fig) -> bool:
    tolerance = max(a.last_digit, b.last_digit)
    return abs(a.value - b.value) <= tolerance / 2 or abs(a.value - b.value) < tolerance and a.decimals != b.decimals


def repeat_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    sections = _sections(view)
    report_year = str(view.parsed.info.year) if view.parsed.info.year else None
    entries = []
    for para in view.paras:
        for fig in para.figs:
            if CHANGE_WORDS.search(fig.label) or previous_year_cue(para, fig) or fig.family in ("", "百分点"):
                continue
            s_start, _ = _sentence_of(para, fig)
            sentence_head = para.text[s_start : fig.local]
            if _is_listed_part(para, fig, s_start) or re.search(
                r"分别|依次|每[人户生亩名个]|标准", sentence_head[-12:]
            ):
                continue
            clause_group = para.text[max(s_start, para.text.rfind("；", 0, fig.local) + 1) : fig.local]
            if _DISTINCT_QUALIFIERS.search(fig.label) or "目标" in qualifiers(clause_group):
                continue
            if _lists_targets(para, s_start, fig):
                continue  # "目标如下：…；甲N个；…": every item of the list is a target, not what was done
            years = _YEAR.findall(para.text[s_start : fig.local])
            # a figure whose sentence names no year is of the report's year ("2024年度该项目实际支出" is not it)
            entries.append((para, fig, sections(fig.start), years[-1] if years else report_year))
    checks: list[AuditCheck] = []
    flagged: set[int] = set()
    plain = {id(fig): _descriptor(fig, False) for _, fig, _, _ in entries}
    heads = {id(fig): _head(fig) for _, fig, _, _ in entries}
    by_family: dict[str, list[tuple[Para, Fig, str, str | None]]] = {}
    for j, (para_b, b, scope_b, year_b) in enumerate(entries):
        earlier = by_family.setdefault(b.family, [])
        if not _bare(para_b, b):
            earlier.append(entries[j])
            continue  # "X项目支出…，预算…，执行率95.09%" states a figure of its own subject
        s_start, _ = _sentence_of(para_b, b)
        if _ANOTHER.match(para_b.text[s_start : b.local].lstrip()):
            earlier.append(entries[j])
            continue  # "另向…发放问卷，满意率为…": a sentence opening with 另 states a figure of another subject
        worded = bool(_BACK_REFERENCE.search(para_b.text[s_start : b.local]))
        concluding = _in_conclusion(para_b)
        for para_a, a, scope_a, year_a in earlier:
            if id(a) in flagged or (year_a and year_b and year_a != year_b):
                continue
            # the conclusion restates figures of every part of the report; without words that point back,
            # a restatement there is held to the earlier figure only when the two differ by a slip of the pen
            # (two digits transposed, one digit changed)
            restating = concluding and not worded and _slip(a, b) and not _THRESHOLD.match(a.after)
            # "全年实际支出2,310.40万元" here and "全年实际支出2,301.40万元" there: the same words, a slip of the pen
            restating = restating or (
                scope_a == scope_b
                and _slip(a, b)
                and _same_words(para_a, a, para_b, b)
                and not _THRESHOLD.match(a.after)
            )
            # "上半年完成改造灯具12,486盏" in one part, "上半年实际完成改造12,846盏" in a later one: the same
            # event in nearly the same words, one figure a slip of the other, is restated across parts too
            retold = _slip(a, b) and _like_words(para_a, a, para_b, b) and not _THRESHOLD.match(a.after)
            restating = restating or retold
            if scope_a != scope_b and not (restating and (not scope_b or retold)):
                continue
            pointing = worded or restating
            if bool(_SPENT.search(a.label)) != bool(_SPENT.search(b.label)) and a.family == "元":
                continue  # "资金共计0.52亿元" allocated and "全年发放资金5,148万元" spent are two amounts
            if para_a is not para_b and (a.family == "%" or not (pointing or _points_back(b, plain[id(a)]))):
                continue  # across paragraphs only a mention that points back is the same statement
            if _equal(a, b) or (para_a is para_b and _sentence_of(para_a, a) == _sentence_of(para_b, b)):
                continue
            if _part_within(b, a) or _part_within(a, b):
                continue  # "项目支出中设备购置支出…": a figure named as within another is a part of it
            if _pooled(a) != _pooled(b):
                continue  # a pooled "综合覆盖率" and one site's "覆盖率" are two figures, not one restated
            words_a = plain[id(a)]
            back = pointing or _points_back(b, words_a)
            if not back and heads[id(a)] != heads[id(b)]:
                continue  # "人员经费" and "人员经费中工资福利支出" name different things
            words_b = _descriptor(b, back)
            smaller = min(len(words_a), len(words_b))
            if smaller < 2:
                continue
            overlap = len(words_a & words_b) / smaller
            if overlap < (0.6 if back else 0.75) or (smaller < 3 and a.family != "%"):
                continue
            if max(a.value, b.value) > Decimal("1.5") * min(a.value, b.value):
                continue  # a much smaller figure is a part or a sample of the first, not a restatement
            flagged.add(id(b))
            tied = f"同一事项前后两次表述：“{a.label[-12:]}”与“{b.label[-12:]}{b.after[:6]}”"
            checks.append(_restated(citer, a, b, "后文", tied))
            break
        earlier.append(entries[j])
    return (
        checks
        + _transposed_in_conclusion(view, entries, flagged, citer)
        + _rate_in_conclusion(view, citer)
        + _slip_in_summary(view, entries, flagged, citer)
        + _rate_restated_later(view, flagged, citer)
    )


# words that make a figure a pooled or averaged one of several parts ("以户数为权重加权…", "整体…", "均值")
_POOLED = re.compile(r"加权|总体|整体|综合|平均|均值")


def _pooled(fig: Fig) -> bool:
    """Rates only: "综合服务站" names a thing counted, not a pooling of counts."""
    return fig.family == "%" and bool(_POOLED.search(fig.label))


def _slip_in_summary(
    view: ReportView, entries: list[tuple[Para, Fig, str, str | None]], flagged: set[int], citer: Citer
) -> list[AuditCheck]:
    """ "摘要：全年培训学员2,530人次…" at the head of the report, "全年共培训学员2,350人次" in the body: a summary
    figure that no body figure restates but that is one body figure with a slip of the pen (two digits
    transposed, one digit changed), the body sentence naming the same thing, is that figure miswritten; the
    summary, not the body, is the restatement."""
    checks = []
    body = [(para, f) for para in view.paras if not _in_summary(para) for f in para.figs]
    for para_a, a, _, _ in entries:
        if not _in_summary(para_a) or id(a) in flagged or a.family == "%":
            continue
        same_family = [(p, f) for p, f in body if f.family == a.family]
        if any(_equal(a, f) for _, f in same_family):
            continue
        words = {content(a.label)[i : i + 2] for i in range(len(content(a.label)) - 1)}
        matches = []
        for para_b, b in same_family:
            if _DISTINCT_QUALIFIERS.search(b.label) or previous_year_cue(para_b, b) or not _slip(a, b):
                continue
            head = content(clause_before(para_b, b))
            if len(words & {head[i : i + 2] for i in range(len(head) - 1)}) >= 2:
                matches.append(b)
        if len({b.value for b in matches}) != 1:
            continue
        flagged.add(id(a))
        tied = f"摘要重述正文数字，数字有笔误：“{a.label[-10:]}”"
        checks.append(_restated(citer, matches[0], a, "摘要", tied, source_at="正文"))
    return checks


_RATE_NAME = re.compile(r"([\u4e00-\u9fff]{0,4}(?:率|满意度|进度))(?:为|是|达到?|约)?$")


def _rate_in_conclusion(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "预算执行率为96.67%" in the body, "综上，项目预算执行率96.76%" in the conclusion: a rate the conclusion
    restates under the same rate word, differing from the one body figure of that word by a slip of the pen
    (two digits transposed, one digit changed). A rate word the body states with several values is left
    alone (they may be of different items)."""
    checks = []
    body = [(para, f) for para in view.paras if not _in_conclusion(para) for f in para.figs if f.family == "%"]
    for para in view.paras:
        if not _in_conclusion(para):
            continue
        for b in (f for f in para.figs if f.family == "%"):
            name = _RATE_NAME.search(b.label)
            if not name or len(name.group(1)) < 3 or CHANGE_WORDS.search(b.label):
                continue
            word = name.group(1)
            same = [a for _, a in body if (m := _RATE_NAME.search(a.label)) and m.group(1)[-3:] == word[-3:]]
            if not same or any(_equal(a, b) for a in same) or len({a.value for a in same}) != 1:
                continue
            a = same[0]
            if _slip(a, b):
                tied = f"结论重述前文比率“{word}”，数字有笔误"
                checks.append(_restated(citer, a, b, "结论", tied))
    return checks


_OVERALL_RATE = re.compile(r"(?:综合|总体|整体|平均)[\u4e00-\u9fff]{0,2}(?:率|满意度|进度)$")


def _rate_restated_later(view: ReportView, flagged: set[int], citer: Citer) -> list[AuditCheck]:
    """ "群众综合满意度为94.6%" where the survey is reported, "以…综合满意度96.4%为依据评分" in a later part: an
    overall rate (综合/总体/整体…, one figure for the whole report, unlike an item's 执行率) restated in a later
    paragraph under the same name, differing from the one earlier figure of that name by a slip of the pen."""
    checks = []
    named: dict[str, list[tuple[int, Fig]]] = {}
    for para in view.paras:
        for fig in para.figs:
            match = _RATE_NAME.search(fig.label) if fig.family == "%" else None
            key = _OVERALL_RATE.search(match.group(1)) if match else None
            if key and not CHANGE_WORDS.search(fig.label):
                if not previous_year_cue(para, fig) and not _DISTINCT_QUALIFIERS.search(fig.label):
                    named.setdefault(key.group(0), []).append((para.index, fig))
    for stated in named.values():
        for at, b in stated[1:]:
            earlier = [a for index, a in stated if index < at]
            if id(b) in flagged or not earlier or any(_equal(a, b) for a in earlier):
                continue
            if len({a.value for a in earlier}) != 1 or not _slip(earlier[0], b):
                continue
            flagged.add(id(b))
            word = _OVERALL_RATE.search(_RATE_NAME.search(b.label).group(1)).group(0)
            checks.append(_restated(citer, earlier[0], b, "后文", f"后文重述前文比率“{word}”，数字有笔误"))
    return checks


def _transposed_in_conclusion(
    view: ReportView, entries: list[tuple[Para, Fig, str, str | None]], flagged: set[int], citer: Citer
) -> list[AuditCheck]:
    """ "实际完成46.2公里" in the body, "新建农村道路42.6公里" in the conclusion's list of results: a figure of the
    conclusion that restates none of the report's figures but is one of them with two digits transposed, of
    the same thing by the words of the earlier sentence, is that figure miswritten."""
    checks = []
    for para_b, b, _, _ in entries:
        if not _in_conclusion(para_b) or id(b) in flagged or b.family == "%":
            continue
        earlier = [
            (para_a, a)
            for para_a in view.paras[: para_b.index]
            if not _in_conclusion(para_a)
            for a in para_a.figs
            if a.family == b.family and not _DISTINCT_QUALIFIERS.search(a.label)
        ]
        if any(_equal(a, b) for _, a in earlier):
            continue
        words = {content(b.label)[i : i + 2] for i in range(len(content(b.label)) - 1)}
        matches = []
        for para_a, a in earlier:
            s_start, _ = _sentence_of(para_a, a)
            head = content(para_a.text[s_start : a.local])
            if _transposed(a, b) and len(words & {head[i : i + 2] for i in range(len(head) - 1)}) >= 2:
                matches.append(a)
        if len({a.value for a in matches}) != 1:
            continue  # the same earlier figure restated in the body ("增加到3,858.46万元") is still one figure
        a = matches[0]
        flagged.add(id(b))
        checks.append(_restated(citer, a, b, "结论", f"结论重述前文数字，两位数字颠倒：“{b.label[-10:]}”"))
    return checks


def _restated(citer: Citer, a: Fig, b: Fig, where: str, tied: str, source_at: str = "前文") -> AuditCheck:
    """`b` restates `a` with another value."""
    formula = f"{b.text}（{where}）= {a.text}（{source_at}）"
    return check(citer, "repeat", formula, b, a.number * a.scale / b.scale, tied, [a], verdict=Verdict.INCONSISTENT)


def _same_words(para_a: Para, a: Fig, para_b: Para, b: Fig) -> bool:
    """Both figures' clauses name them in the same words (fillers and years aside), at least four characters."""

    def words(para: Para, fig: Fig) -> str:
        return content(re.sub(r"20\d{2}\s*年度?", "", clause_before(para, fig)))

    own = words(para_a, a)
    return len(own) >= 4 and own == words(para_b, b)


_PERIOD = re.compile(r"[上下]半年|全年|[一二三四1-4]季度|前三季度|\d+月|年底|年末")


def _like_words(para_a: Para, a: Fig, para_b: Para, b: Fig) -> bool:
    """Both clauses name the figure in nearly the same words (at least four shared pairs of characters, three
    quarters of the shorter wording) and for the same period."""

    def clause(para: Para, fig: Fig) -> str:
        return re.sub(r"20\d{2}\s*年度?|实际", "", clause_before(para, fig))

    clause_a, clause_b = clause(para_a, a), clause(para_b, b)
    if set(_PERIOD.findall(clause_a)) != set(_PERIOD.findall(clause_b)):
        return False
    words_a, words_b = content(clause_a), content(clause_b)
    pairs_a = {words_a[i : i + 2] for i in range(len(words_a) - 1)}
    pairs_b = {words_b[i : i + 2] for i in range(len(words_b) - 1)}
    shared = len(pairs_a & pairs_b)
    return shared >= 4 and shared >= 0.75 * min(len(pairs_a), len(pairs_b))


def _transposed(a: Fig, b: Fig) -> bool:
    da, db = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    if a.unit != b.unit or len(da) != len(db) or len(da) < 3 or da == db:
        return False
    differing = [i for i in range(len(da)) if da[i] != db[i]]
    return len(differing) == 2 and differing[1] == differing[0] + 1 and sorted(da) == sorted(db)


_THRESHOLD = re.compile(r"^\s*(?:[（(]含[）)])?\s*(?:以上|以下|及以上|及以下|以内|至)")


def _slip(a: Fig, b: Fig) -> bool:
    """The same digits transposed ("1,562.40" / "1,526.40") or one digit changed, at the same precision."""
    da, db = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    if a.unit != b.unit or len(da) != len(db) or da == db or len(da) < 3:
        return False
    return _transposed(a, b) or len([i for i in range(len(da)) if da[i] != db[i]]) == 1


def _in_conclusion(para: Para) -> bool:
    """A paragraph under the report's conclusion ("评价结论", "总体评价"): what it states restates the report."""
    return any(vocabulary().role_of_heading(heading) == "conclusion" for heading in para.section)


_SUMMARY = re.compile(r"^\s*(?:内容|报告|执行)?(?:摘要|提要|概要)\s*[：:]|(?:摘要|提要|概要)$")


def _in_summary(para: Para) -> bool:
    """A summary paragraph ("摘要：…") or one under a summary heading."""
    return bool(_SUMMARY.search(para.text[:8])) or any(_SUMMARY.search(heading) for heading in para.section)


# "基本支出中人员经费…", "受理案件中，调解…": what a figure is taken out of, named before "中"
_WITHIN = re.compile(r"([\u4e00-\u9fff]{2,8}?)中(?![心央期标小学型等])")


def _part_within(part: Fig, whole: Fig) -> bool:
    """The part's words say it is taken out of what the whole's words name."""
    match = _WITHIN.search(part.label)
    if not match or match.group(1).startswith("其"):
        return False
    named = content(match.group(1))
    return len(named) >= 2 and named[-4:] in content(whole.label)


def _head(fig: Fig) -> str:
    """The last two characters of what the label names: Chinese noun phrases end in their head."""
    words = content(re.sub(r"20\d{2}\s*年度?|\d+", "", fig.label))
    return words[-2:]


def _bare(para: Para, fig: Fig) -> bool:
    """No other figure stands before it in its clause group (since the last "；" or "。")."""
    start = max(para.text.rfind("；", 0, fig.local), para.text.rfind("。", 0, fig.local)) + 1
    return not [f for f in para.figs if start <= f.local < fig.local]


def _points_back(b: Fig, words_a: set[str]) -> bool:
    """ "已建成的164个", "新增的3,680个": a "的" phrase whose verb is the earlier statement's own."""
    match = re.search(r"([\u4e00-\u9fff]{2})的$", b.label.replace("已", ""))
    return bool(match) and match.group(1) in words_a


def _is_listed_part(para: Para, fig: Fig, sentence_start: int) -> bool:
    """A part of a "其中" list in its sentence: same unit as the figure just before "其中"."""
    head = para.text[sentence_start : fig.local]
    which = head.rfind("其中")
    if which < 0:
        return False
    before = [f for f in para.figs if sentence_start <= f.local < sentence_start + which]
    return not before or before[-1].family == fig.family


def _sections(view: ReportView):  # noqa: ANN202
    """Offset -> the project or work item a figure's section is about ('' for the report as a whole)."""
    spans = sorted((c.start, c.section_path) for c in view.parsed.chunks)
    starts = [s for s, _ in spans]

    def scope(offset: int) -> str:
        at = bisect.bisect_right(starts, offset) - 1
        return section_subject(spans[at][1]) if at >= 0 else ""

    return scope


_IN_OTHER_UNIT = re.compile(
    r"^(?:[，,（(]\s*)?(?:约|(?:折合|约合|合|即|也即|亦即|也就是|相当于)(?:为|是)?约?)(?:人民币)?$"
)


def conversion_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "三年累计投入8,033.00万元，约0.80亿元", "9,102.37万元（折合约0.91亿元）": a figure restated at once in
    another unit of the same measure is the same value, rounded to the digits it states."""
    checks = []
    for para in view.paras:
        for before, after in zip(para.figs, para.figs[1:], strict=False):
            if before.family != after.family or before.unit == after.unit or not after.scale or not before.value:
                continue
            gap = para.text[before.end - para.start : after.local]
            if not _IN_OTHER_UNIT.match(gap.strip()):
                continue
            if _PER_UNIT.search(before.label):
                continue  # "单价1,850元，折合356.31万元": a price per unit times a count, not the same sum restated
            exact = before.value / after.scale
            formula = f"{after.text} = {before.text} 换算"
            tied = f"“{gap.strip('，,（( ')}”：同一数额换算单位"
            checks.append(check(citer, "conversion", formula, after, exact, tied, [before]))
        checks += _named_conversions(para, citer)
    return checks


_PER_UNIT = re.compile(r"单价|均价|每[\u4e00-\u9fff]?$|每[\u4e00-\u9fff]{1,3}(?:的)?(?:价格|费用|补助|补贴|标准|成本)")


# "项目总投资为A万元，…，项目总投资规模折合B亿元": a clause that names an amount and converts it
_CONVERTED = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,12}?)(?:的)?(?:总规模|规模|总额|总量|合计|总计)?(?:约)?(?:折合|约合)约?$"
)


def _named_conversions(para: Para, citer: Citer) -> list[AuditCheck]:
    """A figure whose clause names an amount and converts it ("…规模折合B亿元") restates the figure of that name
    stated before it in its sentence in another unit of the same measure: one value, or no check."""
    checks = []
    for fig in para.figs:
        named = _CONVERTED.match(clause_before(para, fig))
        if named is None or not fig.scale:
            continue
        start, _ = _sentence_of(para, fig)
        stated = [
            f
            for f in para.figs
            if start <= f.local < fig.local
            and f.family == fig.family
            and f.unit != fig.unit
            and named["name"] in f.label
            and not CHANGE_WORDS.search(f.label)
        ]
        if len({f.value for f in stated}) != 1:
            continue
        before = stated[-1]
        formula = f"{fig.text} = {before.text} 换算"
        tied = f"“{named.group(0)}”：前述“{named['name']}”换算单位"
        checks.append(check(citer, "conversion", formula, fig, before.value / fig.scale, tied, [before]))
    return checks
