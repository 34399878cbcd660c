"""Rates and shares stated with their parts.

- 执行率 / 执行进度 / 支出进度 = 支出 ÷ 预算 (年初 or 调整后 as the sentence says; otherwise any stated budget)
- 到位率 = 实际到位 ÷ 应到位;  完成率 / 达成率 = 实际 ÷ 目标 (计划, 任务数, 指标值), in either order
- any other X率 (结案率, 参与率, 覆盖率, 整改率 …) = the figure whose words name X ÷ the whole it belongs to;
  结案率 adds carried-over cases to the denominator when the text says "含…未结"
- ratios: "是上年600件的3倍" = 1,800 ÷ 600
- shares: "占…的x%", "占x%" after 其中, "为年度目标30个的103.33%", "分别占60%和40%"

Where the words allow more than one pairing, the check is consistent when any pairing agrees; an
inconsistency is reported only when none does.
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
from assistant.audit_relations.text import Fig, Para, ReportView, clause_across_colon, clause_before, earlier_in_section
from assistant.audit_relations.words import (
    AVERAGED,
    CHANGE_WORDS,
    LEVEL_AFTER_CHANGE,
    bigrams,
    in_parentheses,
    is_budget,
    is_spend,
    is_target,
    name_of,
    previous_year_cue,
    sentence_bounds,
)
from ingest.numbers import parse_number

_RATE_WORD = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{0,4}?)(率|进度)")
_EXECUTION = re.compile(r"执行率|执行进度|支出进度|预算完成率|使用率|支付率|拨付率|支出率")
# 完工率/竣工率/建成率 are completion rates too: the works finished over the works planned
_COMPLETION = re.compile(r"完成率|达成率|完成比例|实现率|完成度|完工率|竣工率|建成率")
_WORKS_DONE = re.compile(r"完工率|竣工率|建成率")
_ARRIVAL = re.compile(r"到位率")
_SHARE_WORD = re.compile(r"占|比重|比例")
_SYNONYMS = {
    "结案": ("办结", "结案", "结"),
    "办结": ("办结", "结案"),
    "接入": ("接入",),
    "建档": ("建档",),
    "参与": ("参与", "参加"),
    "参加": ("参加", "参与"),
    "回收": ("回收", "收回"),
}
# the budget a year closed with, as a figure's words name it: "调整后预算", "调减为", "追加至", "全年预算"
_LATEST_BUDGET = re.compile(r"调整后|调整为|调[增减](?:至|为|到)|追加(?:至|后|到)|变更后|全年预算")
_EARLY_BASE = re.compile(r"(?:以|按)年初预算|年初预算(?:口径|为基数)")
_ADJUSTED_BASE = re.compile(r"(?:以|按)调整后|调整后预算(?:口径|为基数|计算)|按全年预算")
_NOT_GENERIC = re.compile(
    r"满意|得分率|合格率|达标率|优良率|通过率|取证率|上线率|巩固率|增长率|入学|近视|普及|漏损|受害"
)


def _best(
    citer: Citer, kind: str, rate: Fig, pairs: list[tuple[list[Fig], list[Fig], str]], tied_by: str
) -> AuditCheck | None:
    """Judge each (numerators, denominators) reading; keep the first that agrees, else the first reading."""
    results = []
    for numerators, denominators, word in pairs:
        num_value = sum((f.value for f in numerators), Decimal(0))
        den_value = sum((f.value for f in denominators), Decimal(0))
        if den_value <= 0:
            continue
        exact = num_value / den_value * 100
        slack = (
            ratio_slack(numerators[0], denominators[0], exact)
            if len(numerators) == len(denominators) == 1
            else Decimal(0)
        )
        verdict = judge_exact(rate, exact, slack)
        results.append((VERDICT_ORDER[verdict], numerators, denominators, word, exact, slack))
    if not results:
        return None
    best = max(results, key=lambda r: r[0])
    _, numerators, denominators, word, exact, slack = best
    num_text = " + ".join(f.text for f in numerators)
    den_text = " + ".join(f.text for f in denominators)
    if len(denominators) > 1:
        den_text = f"({den_text})"
    formula = f"{word} = {num_text} ÷ {den_text}"
    return check(citer, kind, formula, rate, exact, tied_by, [*numerators, *denominators], slack)


def _segment(para: Para, rate: Fig, boundary_kinds: re.Pattern[str] | None = None) -> tuple[list[Fig], list[Fig]]:
    """Figures tied to a rate: since the previous rate (or sentence) before it, and up to the next after it."""
    text = para.text
    sentence_start = max(text.rfind("。", 0, rate.local), -1) + 1
    start = sentence_start
    for other in para.figs:
        if other.family == "%" and other.local < rate.local and other.local >= start:
            if boundary_kinds is None or boundary_kinds.search(name_of(para, other)):
                start = other.end - para.start
    stop_candidates = [text.find("。", rate.local), text.find("；", rate.local)]
    nexts = [o.local for o in para.figs if o.family == "%" and o.local > rate.local]
    stop = min([s for s in stop_candidates if s >= 0] + nexts + [len(text)])
    before = [f for f in para.figs if start <= f.local < rate.local and f.family != "%"]
    after = [f for f in para.figs if rate.local < f.local < stop and f.family != "%"]
    return before, after


def rate_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks: list[AuditCheck] = []
    for para in view.paras:
        percents = [f for f in para.figs if f.family == "%"]
        for rate in percents:
            name = name_of(para, rate)
            completion_words = _COMPLETION.search(name)
            if CHANGE_WORDS.search(name) or (_SHARE_WORD.search(name) and not completion_words) or "分别" in name:
                continue
            if _FACTOR_RATE.search(name) and _COMPUTED_FROM.match(rate.after):
                continue  # "按达标率X%折算得Y分": the rate is a factor of the score, checked with the scores
            words = list(_RATE_WORD.finditer(name))
            if completion_words and not words:
                word = completion_words.group(0)  # "完成比例为94.65%", "完成度"
            elif re.search(
                r"(?:已|共|累计)?完成(?:了|(?:全年|年度|年初|本年|全部)?(?:计划|目标|任务)(?:数|量)?的)?$", name
            ):
                word = "完成率"  # "（任务数为2,420人，已完成122%）"
            elif re.search(r"满意(?:度|率)(?:为|是|达到?)?$", name) or _LEVELS_NAMED.search(clause_before(para, rate)):
                word = "满意度"
            elif not words or in_parentheses(para.text, rate.local) and "率" not in name:
                continue
            else:
                word = words[-1].group(0)
            result = None
            if "序时" in name:
                # 序时进度 is the share of the year gone by, a benchmark for spending, never spending itself
                # ("序时支出进度" may mean either: left alone)
                result = _time_progress(para, rate, citer) if re.search(r"序时进度(?:为|是)?$", name) else None
            elif _EXECUTION.search(word) or _ARRIVAL.search(word):
                result = _execution(view, para, rate, word, citer)
            elif _COMPLETION.search(word):
                result = _completion(para, rate, word, citer)
                if result is None:
                    from assistant.audit_relations.tables import completion_over_stated_target  # builds on us

                    result = completion_over_stated_target(view, para, rate, word, citer)
                    result = None if _absurd(result, rate) else result
                if result is None and _WORKS_DONE.search(word):
                    # "均已完工，其中按期完工a座，按期完工率…": no plan stated, the rate of what was done
                    result = _generic(para, rate, word, citer)
            elif _SATISFACTION.search(word):
                result = _satisfaction(para, rate, word, citer)
            elif _PASS_RATE.search(word):
                result = _pass_rate(para, rate, word, citer)
            elif not _NOT_GENERIC.search(word):
                result = _generic(para, rate, word, citer)
            if result is not None and not _last_years_from_this_years(name, result):
                checks.append(result)
        checks += _listed_rates(view, para, citer)
    return checks


_LAST_YEAR = re.compile(r"上年|去年|上一年|前一年|同期")


def _last_years_from_this_years(name: str, result: AuditCheck) -> bool:
    """ "合格率96.88%，上年合格率94.10%": last year's rate beside this year's is never computed from the counts
    this year's sentence states; its parts would be last year's too."""
    return bool(_LAST_YEAR.search(name)) and not any(_LAST_YEAR.search(s.label) for s in result.sources)


# "按合格率…计得", "依据完成率…折算": a rate the report computes another figure from
_FACTOR_RATE = re.compile(r"(?:按|依据|根据|以)[^，。；]{0,10}率(?:为|是)?$")
_COMPUTED_FROM = re.compile(r"(?:计算)?(?:计得|折算|折合|换算|计分|得分|核定|计)")
_ROLE_WORDS = re.compile(
    r"实际|已|全部|资金|到位|支出|执行数?|拨付|使用|累计|全年|年度|本年|截至|年底|年末|为|共|计|达到?|项目|其中|\d+年|[\d,.]"
)


_WHOLE_RATE = re.compile(r"总(?:体|的)?(?:到位|执行|支出|拨付)|整体|综合|全部资金")


_SOURCE_LEVEL = re.compile(r"中央|省级|市级|县级|区级|乡镇|镇级|街道|上级|本级|自筹|社会")


def _other_source(source: str, label: str) -> bool:
    """The words name a source of funds other than `source` (and not `source` itself)."""
    named = set(_SOURCE_LEVEL.findall(label))
    return bool(named) and source not in named and source not in label


# the words of the whole of the funds ("项目到位资金", "到位资金合计", "两级资金"), not of one source
_WHOLE_FUNDS = re.compile(r"项目|合计|共计|总计|总|全部|[两二三四]级")


def _of_rate_source(rate: Fig, numerators: list[Fig]) -> list[Fig]:
    """ "项目到位资金A万元，…，县级配套到位率x%": a rate named for one source of funds is never of the whole's amount
    or another source's; the figures naming that source or no other subject ("…到位率x%，实际到位A万元") stay."""
    source = _SOURCE_LEVEL.search(rate.label)
    if source is None:
        return numerators
    named = source.group(0)
    return [
        f for f in numerators if named in f.label or not (_other_source(named, f.label) or _WHOLE_FUNDS.search(f.label))
    ]


# "注：执行率=实际支出÷到位资金", "执行率按实际支出÷调整后预算计算": the report's own definition of the base
_DEFINED_BASE_NOTE = re.compile(
    r"执行率\s*(?:[=＝：:]|按|为|是)\s*[^；;。\n]{0,12}?(?:[÷/／]|除以)\s*(?P<base>[\u4e00-\u9fff]{2,8}?)(?:计算|计|算|[，,。；;）)\n]|$)"
)


def defined_base(view: ReportView) -> str | None:
    # a note under a table is read with the table's lines, so the whole text is searched
    found = _DEFINED_BASE_NOTE.search(view.parsed.normalized.text)
    return found["base"] if found else None


def _execution(view: ReportView, para: Para, rate: Fig, word: str, citer: Citer) -> AuditCheck | None:
    before, after = _segment(para, rate)
    arrival = bool(_ARRIVAL.search(word))
    if arrival:
        numerators = [f for f in before + after if f.family == "元" and "到位" in f.label and not is_budget(f)]
        numerators = _of_rate_source(rate, numerators)
    else:
        numerators = [f for f in before + after if f.family == "元" and is_spend(f) and not is_budget(f)]
    clause = para.text[max(para.text.rfind("；", 0, rate.local), para.text.rfind("。", 0, rate.local)) + 1 : rate.local]
    if not numerators and not arrival and (_EARLY_BASE.search(clause) or _ADJUSTED_BASE.search(clause)):
        # "…实际支出2,744万元，按调整后预算计算的执行率为98.00%；按年初预算口径计算，执行率为91.47%": a rate
        # on another base in the same sentence is of the same spending
        start = max(para.text.rfind("。", 0, rate.local), -1) + 1
        spent = [f for f in para.figs if start <= f.local < rate.local and f.family == "元" and is_spend(f)]
        numerators = [f for f in spent if not is_budget(f)][-1:]
    if not numerators:
        return None
    if _FORECAST.search(rate.label):
        # a forecast rate is the forecast spending over the year's budget, never what is spent so far
        numerators = [f for f in numerators if _FORECAST.search(f.label)]
        if not numerators:
            return None
    in_before = [f for f in numerators if f in before]
    numerator = in_before[-1] if in_before else numerators[0]
    # "（执行率按实际支出除以到位资金计算）": the report's own definition holds for its rates in prose too
    over_arrived = "执行率" in word and "到位" in (defined_base(view) or "")
    if not arrival and (_ARRIVED_BASE.search(_rate_words(para, rate)) or over_arrived):
        return _over_arrived(view, para, rate, numerator, word, citer)
    budgets = [
        f for f in para.figs if f.family == "元" and is_budget(f) and f is not numerator and not _unspent_part(f)
    ]
    budgets = [f for f in budgets if not in_parentheses(para.text, f.local) or f in after]
    sentence_end = para.text.find("。", rate.local)
    # a budget stated after the rate counts only in the rate's own sentence ("…之比", "（全年预算…）")
    budgets = [f for f in budgets if f.local < rate.local or sentence_end < 0 or f.local < sentence_end]
    part = _SPENDING_PART.fullmatch(numerator.label)
    if part and not any(part["part"] in b.label for b in budgets):
        # "基本支出1,180万元，执行率98.3%；项目支出2,400万元，执行率92.3%": a part's rate is over that
        # part's own budget ("项目支出预算…", the 项目支出 row of a table), never the whole department's
        budgets = _part_budget(view, numerator, part["part"])
        if not budgets:
            return None
        return _best(
            citer,
            "execution_rate",
            rate,
            [([numerator], [b], word) for b in budgets],
            f"“{part['part']}”“{word}”：该部分自己的预算 {budgets[0].text}",
        )
    subject = _ROLE_WORDS.sub("", numerator.label)
    sourced = re.search(r"中央|省级|市级|县级|区级|配套|自筹|上级|本级|基本支出|项目支出", subject)
    if sourced and _WHOLE_RATE.search(rate.label):
        # "…区级资金到位A万元，资金总到位率B%": a rate of the whole is never one source's amount over its own base
        return None
    if sourced and not any(_pairs(subject) & _pairs(b.label) for b in budgets):
        # "县级配套资金到位1,526万元，到位率84.78%": the base is that source's own amount, stated elsewhere
        own = [
            f
            for other in view.paras[: para.index + 1]
            for f in other.figs
            if f.family == "元"
            and f is not numerator
            and len(_pairs(subject) & _pairs(f.label)) >= 2
            and f.start < numerator.start
            # "市级配套资金到位A万元…；县级配套资金到位B万元": another source's figure shares words, not the source
            and not _other_source(sourced.group(0), f.label)
        ]
        if not own and arrival:
            # "区级资金到位A万元，到位率x%" with the source's planned amount stated only in the funds table: the
            # base in the row of that source whose arrived cell states A
            from assistant.audit_relations.tables import source_row_base  # tables.py builds on this module

            own = source_row_base(view, numerator, sourced.group(0))
        if not own:
            return None
        budgets = own[-1:]
    if not budgets and not arrival:
        budgets = _received_before(para, numerator)
    weak = False
    if not budgets and not sourced:
        # "项目实际支出3,974.54万元，预算执行率为96.34%" with the budget stated paragraphs before, in the same
        # part of the report. A pairing across paragraphs asserts an inconsistency only when one budget
        # figure is stated there and the spending names no sub-item of its own.
        earlier = [
            f
            for other in earlier_in_section(view, para)
            for f in other.figs
            if f.family == "元" and is_budget(f) and not in_parentheses(other.text, f.local) and "年初" not in f.label
        ]
        adjusted = [f for f in earlier if re.search(r"调整后|调整为|全年预算|追加至", f.label)]
        budgets = (adjusted or earlier)[:4]
        weak = len({f.value for f in budgets}) != 1 or len(_ROLE_WORDS.sub("", numerator.label)) >= 2
        weak = weak or "其中" in para.text[max(para.text.rfind("。", 0, numerator.local), 0) : numerator.local]
        if not budgets:
            budgets, weak = _report_budget(view, para, numerator)
    item = _ROLE_WORDS.sub("", numerator.label)
    if not budgets and len(item) >= 2 and not sourced:
        # "分支出方向看，农村户厕改造支出3,712.80万元，执行率93.76%": the item's own allocation, stated
        # anywhere before under its name. Such a pairing only confirms.
        budgets = [
            f
            for other in view.paras[: para.index]
            for f in other.figs
            if f.family == "元" and item in f.label and f.value >= numerator.value and not CHANGE_WORDS.search(f.label)
        ][-3:]
        weak = True
    if budgets and (_WHOLE_RATE.search(rate.label) or _WHOLE_AMOUNT.search(numerator.label)):
        # "县级资金应到位A万元…。两级资金合计到位B万元，总体到位率C%": one source's base is not the whole's
        budgets = [b for b in budgets if not _source_clause(para, b)]
        if not budgets:
            return None
    if rate.value < 100:
        # an execution rate under 100% is never over a budget smaller than the spending: that pairing is wrong
        budgets = [b for b in budgets if b.value >= numerator.value]
    if not budgets:
        return None
    # the base words before the rate (since the rate before it) and in its own clause after it ("（以年初预算为
    # 基数）"), not those of the next clause ("…98.00%；按年初预算口径计算，执行率为91.47%")
    since = max(
        [para.text.rfind("。", 0, rate.local), 0]
        + [f.end - para.start for f in para.figs if f.family == "%" and f.local < rate.local]
    )
    ahead = re.split(r"[，；。,;]", para.text[rate.end - para.start : rate.end - para.start + 20])[0]
    sentence = para.text[since : rate.local] + ahead
    if _EARLY_BASE.search(sentence):
        preferred = [f for f in budgets if "年初" in f.label]
        if not preferred:
            # the 年初 budget the words name, stated anywhere before; without it the rate is not checked
            early = [
                f
                for other in view.paras[: para.index + 1]
                for f in other.figs
                if f.family == "元" and is_budget(f) and "年初" in f.label and f.start < rate.start
            ]
            if len({f.value for f in early}) != 1:
                return None
            preferred = early[-1:]
        tied = "“年初预算”为基数"
    elif _ADJUSTED_BASE.search(sentence):
        preferred = [f for f in budgets if re.search(r"调整后|全年|追加至|调整为", f.label)] or budgets[-1:]
        tied = "按“调整后预算”"
    else:
        preferred = sorted(budgets, key=lambda f: (f.local > rate.local, abs(f.local - numerator.local)))
        tied = ""
        # "年初预算A，后追加至B，实际支出C，执行率D": with no base named, the rate is over the budget the year
        # closed with, never the opening one it replaced
        latest = [f for f in preferred if _LATEST_BUDGET.search(f.label)]
        if latest and any("年初" in f.label for f in preferred):
            preferred, tied = latest, "按调整后（最新）预算"
    pairs = [([numerator], [b], word) for b in preferred]
    kind = "execution_rate" if not arrival else "arrival_rate"
    base_word = "应到位" if arrival else "预算"
    if weak:
        tied = (tied + "，" if tied else "") + "预算见前文"
    result = _best(
        citer, kind, rate, pairs, f"“{base_word}”“{_word(numerator)}”“{word}”" + (f"，{tied}" if tied else "")
    )
    if weak and result is not None and result.verdict is Verdict.INCONSISTENT:
        return None  # too loose a pairing to hold the report to
    return result


_RECEIVED = re.compile(r"到位|收到|拨入|下达|取得|筹集|可用")
# "按到位资金计算执行率x%", "以实际到位数为基数": the rate is over the funds that came in, not the budget
_ARRIVED_BASE = re.compile(r"(?:按|以)(?:实际)?到位(?:资金|金额|数|额)?(?:计算|口径|为基数)?")
# an amount of one source or of what is missing is not the whole's arrived funds
_NOT_WHOLE_ARRIVED = re.compile(r"应到位|未到位|计划|其中|上年")


def _rate_words(para: Para, rate: Fig) -> str:
    """The words before the rate since its sentence began or the rate before it ended: "以到位数衡量，执行率…"
    names its base in a clause of its own."""
    text = para.text[: rate.local]
    since = [text.rfind(c) + 1 for c in "。；;"]
    since += [f.end - para.start for f in para.figs if f.family == "%" and f.local < rate.local]
    return text[max(since) :]


def _over_arrived(
    view: ReportView, para: Para, rate: Fig, numerator: Fig, word: str, citer: Citer
) -> AuditCheck | None:
    """An execution rate the report says is over the arrived funds: over the arrived amount its own sentence
    states before the spending ("上级资金到位A万元，支出B万元，执行率x%"), else over the whole's arrived amount
    stated before it (one value, not one source's), else not checked at all, since the budget is not its base."""
    start = max(para.text.rfind("。", 0, numerator.local), -1) + 1
    own = [
        f
        for f in para.figs
        if start <= f.local < numerator.local and f.family == "元" and "到位" in f.label and f.value >= numerator.value
    ]
    if len(own) == 1:
        tied = f"“{_word(numerator)}”“{word}”：按同句的到位资金 {own[0].text}"
        return _best(citer, "execution_rate", rate, [([numerator], own, word)], tied)
    arrived = [
        f
        for other in view.paras[: para.index + 1]
        for f in other.figs
        if f.family == "元"
        and "到位" in f.label
        and f.start < rate.start
        and f.value >= numerator.value
        and not _NOT_WHOLE_ARRIVED.search(f.label)
        and not _source_clause(other, f)
    ]
    if len({f.value for f in arrived}) != 1:
        return None
    tied = f"“{_word(numerator)}”“{word}”：按到位资金 {arrived[-1].text}"
    return _best(citer, "execution_rate", rate, [([numerator], arrived[-1:], word)], tied)


def _received_before(para: Para, numerator: Fig) -> list[Fig]:
    """ "专项经费拨入A万元，已用去B万元，使用率x%": with no budget in the paragraph, the amount received in the
    rate's own sentence, just before the spending, is what the spending is used out of."""
    start = max(para.text.rfind("。", 0, numerator.local), para.text.rfind("；", 0, numerator.local), -1) + 1
    before = [f for f in para.figs if start <= f.local < numerator.local and f.family != "%"]
    if not before or before[-1].family != "元" or not _RECEIVED.search(before[-1].label):
        return []
    return before[-1:]


_WHOLE_AMOUNT = re.compile(r"合计|共计|总计|[两二三四]级")
_FORECAST = re.compile(r"预计|预测|预估|测算")
_UNSPENT = re.compile(r"尚余|剩余|结余|余额|未支出|未使用|未拨付|尚未")


def _unspent_part(fig: Fig) -> bool:
    """ "全年预算还剩余…万元未拨付": what is left of a budget is not the budget a rate is over."""
    return bool(_UNSPENT.search(fig.label) or _UNSPENT.match(fig.after))


_SOURCE = re.compile(r"中央|省级|市级|县级|区级|乡级|镇级|配套|自筹|上级|本级")


def _source_clause(para: Para, fig: Fig) -> bool:
    """The figure's sentence part (since "。" or "；") is about one funding source, not a total of sources."""
    text = para.text
    start = max(text.rfind(c, 0, fig.local) for c in "。；") + 1
    words = text[start : fig.local]
    return bool(_SOURCE.search(words)) and not _WHOLE_AMOUNT.search(words)


# spending by economic nature: the parts of a department's spending, each with a budget of its own
# ("河道治理项目支出" names one project, not the part)
_SPENDING_PART = re.compile(
    r"(?:其中|全年|本年度?|年度|实际|累计|部门)*(?P<part>基本支出|项目支出|人员经费|公用经费)"
    r"(?:实际)?(?:支出|执行数?|使用)?(?:为|是|达到?|共|合计)?"
)


def _part_budget(view: ReportView, numerator: Fig, part: str) -> list[Fig]:
    """The budget of one part of the spending, stated before the rate in prose ("项目支出预算2,600万元") or as
    the part's row of a table ("项目支出小计｜2,600｜…"): one value, or nothing."""
    from assistant.audit_relations.tables import row_budget  # tables.py builds on this module

    prose = [
        f
        for other in view.paras[: numerator.para + 1]
        for f in other.figs
        if f.family == "元"
        and f.start < numerator.start
        and part in f.label
        and (is_budget(f) or "预算" in f.label)
        and not CHANGE_WORDS.search(f.label)
        and not previous_year_cue(other, f)
    ]
    found = prose or row_budget(view, part, numerator)
    return found[-1:] if len({f.value for f in found}) == 1 else []


# the months from the year's start to a date: "1—8月", "前三季度", "上半年" (a single quarter is a part of the year)
_SO_FAR = re.compile(
    r"(?:1|一)\s*(?:月份?)?\s*(?:—|－|-|~|～|至|到)\s*(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月|前[一二三]个?季度|上半年|"
    r"(?:到|截至|截止)\s*(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:末|底)"  # "到9月末累计"
)


# "预计年内可支出": words of a forecast, not of an item
_OUTLOOK = re.compile(r"预计|预测|预估|年内|可|将")


# the words of a budget figure that name no item: "本年度预算", "调整后的部门预算"
_NOT_ITEM = re.compile(r"预计|预算|度|调整后|调[增减]后|追加后|的|追加至|调[增减]至|调整为|总额|总|部门|单位|整体|本级")


def _budget_item(label: str) -> str:
    """What a budget's words name besides the budget: "" for "本年度预算", the item for "甲补助年度预算"."""
    return _NOT_ITEM.sub("", _ROLE_WORDS.sub("", label))


def year_budgets(view: ReportView, before: int) -> list[Fig]:
    """The budgets of the whole year the paragraphs before paragraph `before` state (no part, source or last
    year's): the adjusted ones where there are any, else those not of the year's start."""
    budgets = [
        f
        for other in view.paras[:before]
        for f in other.figs
        if f.family == "元"
        and is_budget(f)
        and not in_parentheses(other.text, f.local)
        and not CHANGE_WORDS.search(f.label)
        and not re.search(r"上年|去年|其中|中央|省级|市级|县级|区级|配套|自筹|基本支出|项目支出", f.label)
    ]
    adjusted = [f for f in budgets if re.search(r"调整后|调整为|全年预算|追加至|调增至|调减至", f.label)]
    if adjusted:
        return adjusted
    later = [f for f in budgets if "年初" not in f.label]
    if not later and any(_LATEST_BUDGET.search(f.label) for other in view.paras[:before] for f in other.figs):
        return []  # "年初预算A…调增至B": the year's budget moved, in words this reading does not hold to
    return later or budgets


def _report_budget(view: ReportView, para: Para, numerator: Fig) -> tuple[list[Fig], bool]:
    """ "项目实际支出3,858.46万元，预算执行率为95.98%" with the budget stated in an earlier part of the report
    ("调整后的全年预算为4,020.00万元"): the year's budget as the report states it before, the adjusted one where
    there is one. Held to the report only when those figures state one value and the spending names no
    sub-item of its own (a 其中 part, a source of funds)."""
    chosen = year_budgets(view, para.index)
    if not chosen:
        return [], True
    # "1—9月累计拨付": spending so far names a period, not an item of its own
    item = _ROLE_WORDS.sub("", _SO_FAR.sub("", _OUTLOOK.sub("", numerator.label)))
    if len(item) < 2:
        # a forecast or running total of the whole ("预计可支出…，执行率…"): not over the budget of a named item
        chosen = [f for f in chosen if len(_budget_item(f.label)) < 2] or chosen
    sentence = para.text[max(para.text.rfind("。", 0, numerator.local), 0) : numerator.local]
    weak = len({f.value for f in chosen}) != 1 or len(item) >= 2 or "其中" in sentence
    return chosen[-1:] if not weak else chosen[-3:], weak


_BALANCE = re.compile(
    r"(?:结余|结转结余|结转|余额|未支出|尚未支出|未使用|剩余|剩下|(?:尚|还|仍)(?:剩余?|余)|"
    r"(?:尚|还|仍)需(?:支出|拨付|支付|使用))(?:资金|金额|预算)?"
    r"(?:为|共|计)?$"
)
_NOT_BALANCE = re.compile(r"年初|上年|以前年度|历年|累计结余")
_ANNUAL_SPEND = re.compile(r"合计|全年|实际|总")


def balance_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "项目实际支出3,858.46万元，预算执行率95.98%，年末结余161.54万元", "全年预算与实际支出之间形成结转结余
    457.63万元": the balance is the year's budget less its spending. The spending is the one stated in the
    balance's sentence, or, where the sentence names both by their words, the year's spending stated before;
    the budget is stated in the sentence or, as for an execution rate, before it in the report."""
    checks = []
    for para in view.paras:
        for balance in para.figs:
            if balance.family != "元" or not _BALANCE.search(balance.label) or _NOT_BALANCE.search(balance.label):
                continue
            start = max(para.text.rfind("。", 0, balance.local), -1) + 1
            sentence = para.text[start : balance.local]
            spends = [
                f
                for f in para.figs
                if start <= f.local < balance.local and f.family == "元" and is_spend(f) and not is_budget(f)
            ]
            if not spends and re.search(r"预算", sentence) and re.search(r"支出|执行|使用", sentence):
                spends = _year_spending(view, para, balance)
                if not spends and _BUDGET_LESS_SPEND.search(sentence):
                    # "项目预算与实际支出相抵后，结余…" in a later part of the report: the year's spending
                    # the report stated before, wherever it stands
                    spends = _year_spending(view, para, balance, view.paras[: para.index])
            if not spends and _ARRIVED_BALANCE.search(balance.label) and not _ARRIVED_PART.search(balance.label):
                # "到位资金中尚未支出的结余…": what the whole's arrived funds leave after the year's spending
                spends = _year_spending(view, para, balance)
            if not spends and _STILL_TO_SPEND.search(balance.label):
                # the running total may stand a sentence or two earlier in the paragraph ("1—9月累计拨付…。较去年
                # 多…。四季度还需拨付…")
                spends = _spent_so_far(para, start) or _spent_so_far(para, start, 0)
            if not spends and _LEFT_OF_BUDGET.search(balance.label):
                spends = _spent_so_far(para, start, 0) or _running_total(para, start)
            if not spends and not any(start <= f.local < balance.local and f.family == "元" for f in para.figs):
                spends = _spending_just_before(para, start)
            if not spends or in_parentheses(para.text, balance.local):
                continue
            spend = spends[-1]
            budgets = [f for f in para.figs if start <= f.local < spend.local and f.family == "元" and is_budget(f)]
            weak = False
            if _ARRIVED_BALANCE.search(balance.label):
                # "已到位未使用": what came in less what was spent, not the budget less it
                budgets = _arrived_total(view, balance, spend)
                if not budgets:
                    continue
            elif not budgets and spend.para == para.index:
                # the budget stated in an earlier sentence of the paragraph
                budgets = [f for f in para.figs if f.local < spend.local and f.family == "元" and is_budget(f)]
                weak = len({f.value for f in budgets}) > 1
            if not budgets:
                budgets, weak = _report_budget(view, para, spend)
            budgets = [b for b in budgets if b.value > spend.value]
            if not budgets:
                continue
            results = []
            for budget in budgets:
                exact = (budget.value - spend.value) / balance.scale
                results.append((judge_exact(balance, exact), budget, exact))
            verdict, budget, exact = max(results, key=lambda r: VERDICT_ORDER[r[0]])
            if verdict is Verdict.INCONSISTENT and (weak or len(spends) > 1 and spend is not spends[-1]):
                continue
            formula = f"{balance.label[-6:]} {balance.text} = {budget.text} − {spend.text}"
            tied = f"“{balance.label[-6:]}”为预算“{_word(budget)}”减支出“{_word(spend)}”"
            checks.append(check(citer, "balance", formula, balance, exact, tied, [budget, spend], verdict=verdict))
    return checks


# 年末结转结余 = 年初结转结余 + 本年收入 − 本年支出: a department's year-end carry-over from the year's accounts
_CLOSING = re.compile(r"(?<!预计)(?:年末|期末)(?:结转结余|结余|滚存结余)(?:资金)?(?:为|共|计)?$")
_OPENING = re.compile(r"(?:年初|期初|上年)(?:结转结余|结转和结余|结余)(?:资金)?(?:为|共|计)?$")
_INCOME = re.compile(r"本年(?:度)?收入(?:合计|总计)?(?:为|共|计)?$")
_YEAR_SPEND = re.compile(r"^(?:全年|本年|本年度)(?:实际)?支出(?:合计|总计)?(?:为|共|计)?$")


def carry_over_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "期初结余A…本年收入B…本年支出C…期末结余D": D = A + B − C, where the report states each of A,
    B and C before D with one value (a budget less spending is another balance, read in balance_checks)."""
    checks = []
    for para in view.paras:
        for closing in para.figs:
            if closing.family != "元" or not _CLOSING.search(closing.label) or in_parentheses(para.text, closing.local):
                continue
            earlier = [f for other in view.paras[: para.index + 1] for f in other.figs if f.start < closing.start]
            terms = [_one_stated(earlier, pattern) for pattern in (_OPENING, _INCOME, _YEAR_SPEND)]
            if any(t is None for t in terms):
                continue
            opening, income, spend = terms
            exact = (opening.value + income.value - spend.value) / closing.scale
            formula = f"{closing.label[-6:]} {closing.text} = {opening.text} + {income.text} − {spend.text}"
            tied = "年末结转结余 = 年初结转结余 + 本年收入 − 本年支出"
            slack = sum_slack(closing, [opening, income, spend])
            checks.append(check(citer, "carry_over", formula, closing, exact, tied, [opening, income, spend], slack))
    return checks


def _one_stated(figs: list[Fig], pattern: re.Pattern[str]) -> Fig | None:
    """The figure of money the words name, where the report states it with one value only."""
    found = [f for f in figs if f.family == "元" and pattern.search(f.label) and not CHANGE_WORDS.search(f.label)]
    return found[-1] if found and len({f.value for f in found}) == 1 else None


# "四季度还需拨付…", "仍需支付…": what is left of the year's budget to spend after what is spent so far
_STILL_TO_SPEND = re.compile(r"(?:尚|还|仍)需(?:支出|拨付|支付|使用)(?:资金|金额)?(?:为|共|计)?$")


# "到6月底剩余预算…": the budget left after the running total spent so far, stated earlier in the paragraph
_LEFT_OF_BUDGET = re.compile(r"(?:剩余预算|预算(?:尚|还|仍)?(?:剩余?|余|剩下))(?:为|共|计)?$")


def _spent_so_far(para: Para, start: int, previous_start: int | None = None) -> list[Fig]:
    """The running total of this year's spending ("1—9月累计拨付…") stated in the sentence before (or from
    `previous_start` on): one figure."""
    if previous_start is None:
        previous_start = max(para.text.rfind("。", 0, max(start - 1, 0)), -1) + 1
    found = [
        f
        for f in para.figs
        if previous_start <= f.local < start
        and f.family == "元"
        and is_spend(f)
        and not is_budget(f)
        and re.search(r"累计|已", f.label)
        and not previous_year_cue(para, f)
        and not re.search(r"上年|去年|同期|其中", f.label)
        and not CHANGE_WORDS.search(f.label)
    ]
    return found if len(found) == 1 else []


def _running_total(para: Para, start: int) -> list[Fig]:
    """ "一季度支出A，二季度支出B，上半年累计C。到9月末累计达到D": in a paragraph that tells what was spent, the
    latest of its running totals, which grow as they run (one figure, or nothing)."""
    totals = [
        f
        for f in para.figs
        if f.local < start
        and f.family == "元"
        and "累计" in f.label
        and not is_budget(f)
        and re.search(r"支出|拨付|支付|使用", para.text[: f.local])
        and not previous_year_cue(para, f)
        and not CHANGE_WORDS.search(f.label)
    ]
    rising = all(a.value < b.value for a, b in zip(totals, totals[1:], strict=False))
    return totals[-1:] if rising else []


_PART_SPEND = re.compile(r"其中|季度|半年|\d+月|中央|省级|市级|县级|区级|配套|自筹|上年|去年|基本支出|项目支出")


def _spending_just_before(para: Para, start: int) -> list[Fig]:
    """ "全年实际支出A万元，执行率x%。年末结余B万元，已上缴…": a sentence that opens with the balance continues
    the one before it, when that one states a single spending of the whole (no part, period or source)."""
    previous_start = max(para.text.rfind("。", 0, max(start - 1, 0)), -1) + 1
    amounts = [f for f in para.figs if previous_start <= f.local < start and f.family == "元"]
    spends = [f for f in amounts if is_spend(f) and not is_budget(f)]
    if len(spends) != 1 or _PART_SPEND.search(spends[0].label) or CHANGE_WORDS.search(spends[0].label):
        return []
    return spends


_ARRIVED_BALANCE = re.compile(r"(?<!未)到位[^，。；、]{0,4}(?:未支出|未使用|结余|余额|未拨付)")
_ARRIVED_PART = re.compile(r"中央|省级|市级|县级|区级|配套|自筹|计划|应到位|未到位|其中|上年")


def _arrived_total(view: ReportView, balance: Fig, spend: Fig) -> list[Fig]:
    """The funds stated as arrived ("资金实际到位…") before a balance of arrived money, more than was spent
    from them: one value, or nothing."""
    found = [
        f
        for other in view.paras
        for f in other.figs
        if f.family == "元"
        and f.start < balance.start
        and "到位" in f.label
        and f.value > spend.value
        and not _ARRIVED_PART.search(f.label)
        and not in_parentheses(other.text, f.local)
    ]
    return found[-1:] if len({f.value for f in found}) == 1 else []


_BUDGET_LESS_SPEND = re.compile(r"预算[^，。；\d]{0,6}(?:与|和|减去?|扣除)[^，。；\d]{0,4}支出")


def _year_spending(view: ReportView, para: Para, balance: Fig, paras: list[Para] | None = None) -> list[Fig]:
    """The year's spending stated before a balance in its part of the report (or in `paras`): one value, or
    nothing."""
    if paras is None:
        paras = [para, *earlier_in_section(view, para)]
    found = [
        f
        for other in paras
        for f in other.figs
        if f.family == "元"
        and f.start < balance.start
        and is_spend(f)
        and not is_budget(f)
        and _ANNUAL_SPEND.search(f.label)
        and not re.search(r"季度|半年|其中|基本支出|项目支出|上年|去年|\d+月", f.label)
        and not CHANGE_WORDS.search(f.label)
    ]
    return found[-1:] if len({f.value for f in found}) == 1 else []


_AS_OF = re.compile(
    r"截至\s*(?:20\d{2}\s*年)?\s*(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:底|末|\s*3[01]\s*日)"
)
_AS_OF_QUARTER = re.compile(r"截至\s*(?:20\d{2}\s*年)?\s*(?:第)?(?P<q>[一二三1-3])季度末|(?P<h>上半年)")


def _time_progress(para: Para, rate: Fig, citer: Citer) -> AuditCheck | None:
    """ "截至6月底…低于序时进度50%": the months gone by over twelve, from the date the sentence (or the one
    before) states."""
    from ingest.numbers import parse_number

    start = max(para.text.rfind("。", 0, max(para.text.rfind("。", 0, rate.local), 0)), -1) + 1
    window = para.text[start : rate.local]
    months = None
    dated = list(_AS_OF.finditer(window))
    if dated:
        months = parse_number(dated[-1]["m"])
    else:
        quarter = list(_AS_OF_QUARTER.finditer(window))
        if quarter:
            last = quarter[-1]
            months = Decimal(6) if last["h"] else (parse_number(last["q"]) or Decimal(0)) * 3
    if not months or not 0 < months <= 12:
        return None
    exact = Decimal(months) / 12 * 100
    tied = f"“{(dated[-1].group(0) if dated else '')}…序时进度”：已过月数 ÷ 12"
    return check(citer, "time_progress", f"序时进度 = {int(months)}个月 ÷ 12个月", rate, exact, tied, [])


def _word(fig: Fig) -> str:
    return fig.label[-6:] or fig.text


def _completion(para: Para, rate: Fig, word: str, citer: Citer) -> AuditCheck | None:
    text = para.text
    start = max(text.rfind("。", 0, rate.local), -1) + 1
    before = [f for f in para.figs if start <= f.local < rate.local and f is not rate]
    # "…进度33.33%；…占年度任务的68.18%；…安装完成45.00%": the rates of other items before a "；" are no operands
    # ("目标值：18个；实际值：16个；完成率：…" keeps its counts)
    own_item = max(text.rfind("；", 0, rate.local), -1) + 1
    before = [f for f in before if f.family != "%" or f.local >= own_item]
    before = [f for f in before if not (f.family == "%" and _COMPLETION.search(name_of(para, f)))]
    last_completion = [
        f
        for f in para.figs
        if start <= f.local < rate.local and f.family == "%" and _COMPLETION.search(name_of(para, f))
    ]
    if last_completion:
        before = [f for f in before if f.local > last_completion[-1].local]
    _, after = _segment(para, rate)
    candidates = before or []
    excess = _excess_over_target(para, rate, word, candidates, citer)
    if excess is not None:
        return excess
    # "年初计划完善临水临崖、急弯路段防护工程85.0公里": the plan word may stand before a 、 in the figure's clause
    targets = [f for f in candidates if is_target(f) or _PLANNED.search(clause_before(para, f))]
    actuals = [f for f in candidates if f not in targets]
    after = [f for f in after if in_parentheses(text, f.local) or text.rfind("即", rate.local, f.local) >= 0]
    if not targets:
        targets = [f for f in after if is_target(f)]
    if not actuals and targets:
        actuals = [f for f in after if not is_target(f)]
    pairs = []
    for actual in reversed(actuals):
        for target in targets:
            if actual.family == target.family and target.value > 0 and _same_object(actual, target, para):
                pairs.append(([actual], [target], word))
    if not pairs:
        return None
    result = _best(
        citer, "completion_rate", rate, pairs, f"“{_word(pairs[0][1][0])}”“{_word(pairs[0][0][0])}”与“{word}”"
    )
    return None if _absurd(result, rate) else result


_PLANNED = re.compile(r"^(?:[^，。；：]{0,12}?)(?:年初|年度|全年)?(?:计划|目标|任务)(?!外)")
_EXCESS = re.compile(
    r"(?:比|较)(?:年度|全年|年初)?(?:计划|目标|任务)(?:数|值)?(?P<dir>多出?|超出?|超额|少|减少|差)(?:了)?$"
)


def _excess_over_target(para: Para, rate: Fig, word: str, candidates: list[Fig], citer: Citer) -> AuditCheck | None:
    """ "实际完成1,312.5公里，比年度计划多出52.5公里，完成率104.17%": the target is the actual less the excess
    (plus the shortfall, "比计划少…")."""
    for gap in candidates:
        match = _EXCESS.search(gap.label)
        if not match:
            continue
        actuals = [f for f in candidates if f.local < gap.local and f.family == gap.family and not is_target(f)]
        if not actuals:
            return None
        actual = actuals[-1]
        more = not re.match(r"少|减少|差", match["dir"])
        target = actual.value - gap.value if more else actual.value + gap.value
        if target <= 0:
            return None
        exact = actual.value / target * 100
        sign = "−" if more else "+"
        formula = f"{word} = {actual.text} ÷ ({actual.text} {sign} {gap.text})"
        tied = f"“{match.group(0)}”：目标数为实际数{sign}差额"
        return check(citer, "completion_rate", formula, rate, exact, tied, [actual, gap])
    return None


_OBJECT_FILLER = re.compile(
    r"年度|全年|本年|年内|年初|年末|年底|截至|截止|当年|计划|目标|任务|指标值?|实际|累计|完成|完工|竣工|实现|已|共|新|建设|建成|"
    r"开展|组织|改造|为|是|达到?|约|了|的|月[底末]|季度末|"
    r"超额|预期|\d+年|[\d,.]|"
    r"不少于|不低于|不小于|至少|以上|[（(≥]"  # a target's bound ("目标（不少于24座）") names no object
)


def _same_object(actual: Fig, target: Fig, para: Para | None = None) -> bool:
    """ "目标建设停车位1,200个" and "完成充电桩建设85个" count different things: a completion rate never pairs
    them. Where either label names no object of its own, the pairing stands. (With the paragraph, the target's
    whole clause counts: "计划采购DR、彩超等设备156台".)"""
    a, t = _OBJECT_FILLER.sub("", actual.label), _OBJECT_FILLER.sub("", target.label)
    if len(a) < 2 or len(t) < 2:
        return True
    wide = _OBJECT_FILLER.sub("", clause_before(para, target)) if para is not None else t
    return bool(_pairs(a) & (_pairs(t) | _pairs(wide))) or a in t or t in a or a in wide


def _absurd(result: AuditCheck | None, rate: Fig) -> bool:
    """A recomputation off by more than half or double the stated rate paired the wrong figures (a slip in a
    report moves a rate by points, not by multiples): such a pairing is dropped, never reported."""
    if result is None or result.verdict is not Verdict.INCONSISTENT or not rate.value:
        return False
    ratio = Decimal(str(result.recomputed)) / rate.value
    return ratio > 2 or ratio < Decimal("0.5")


_SATISFACTION = re.compile(r"满意度|满意率")
_RESPONSES = re.compile(r"有效|问卷|样本|受访|调查|回收|收回|答卷")
# "发放问卷N份，收回M份": a rate of the answers is over those that came back, not those handed out
_RETURNED = re.compile(r"回收|收回|收到|返回")


def _satisfaction(para: Para, rate: Fig, word: str, citer: Citer) -> AuditCheck | None:
    """ "回收有效问卷588份…其中表示满意或比较满意的548份，满意度为93.20%": the satisfied count over the valid
    responses stated before it in the paragraph (a survey score with no counts is left alone)."""
    start = max(para.text.rfind("。", 0, rate.local), -1) + 1
    satisfied = [
        f
        for f in para.figs
        if start <= f.local < rate.local
        and f.family not in ("%", "分")
        and "满意" in clause_before(para, f) + f.after
        and not re.match(r"(?:合计|共计|相加|之和|加总)", f.after)  # "二者合计满意度": the count of levels added
    ]
    if not satisfied or "不满意" in clause_before(para, satisfied[-1]) + satisfied[-1].after:
        return None
    part = satisfied[-1]
    listed = _summed_levels(para, satisfied, rate)
    wholes = [
        f
        for f in para.figs
        if f.local < part.local
        and f.family == part.family
        and f.value >= part.value
        and _RESPONSES.search(clause_before(para, f) + f.after)
    ]
    valid = [f for f in wholes if "有效" in clause_before(para, f) + f.after]
    returned = [f for f in wholes if _RETURNED.search(clause_before(para, f))]
    wholes = valid[-1:] or returned[-1:] or wholes
    if not wholes:
        return None
    if listed:
        # "回收有效问卷N份，其中很满意a份、满意b份，二者合计满意度x%": the levels listed, added up
        tied = f"“{_word(wholes[0])}”与所列各满意档次之和、“{word}”"
        result = _best(citer, "rate", rate, [(listed, [w], word) for w in wholes], tied)
        if result is not None and result.verdict is Verdict.INCONSISTENT and (len(wholes) > 1 or _absurd(result, rate)):
            return None
        return result
    levels = _listed_levels(para, satisfied, rate)
    if len(levels) > 1 and len(wholes) == 1 and not _WEIGHTED.search(para.text):
        # "回收有效问卷N份，其中满意a份、基本满意b份，满意度为x%": the rate does not say which levels it counts,
        # so the first (the most satisfied) alone or it with the next levels down; a rate that is none is wrong
        tied = f"“{_word(wholes[0])}”与所列满意档次（首档或自首档起相加）、“{word}”"
        readings = [(levels[:k], wholes, word) for k in range(1, len(levels) + 1)]
        result = _best(citer, "rate", rate, readings, tied)
        if result is not None and result.verdict is Verdict.INCONSISTENT and _absurd(result, rate):
            return None
        return result
    result = _best(
        citer, "rate", rate, [([part], [w], word) for w in wholes], f"“{_word(wholes[0])}”“{_word(part)}”与“{word}”"
    )
    if result is not None and result.verdict is Verdict.INCONSISTENT and (len(wholes) > 1 or _absurd(result, rate)):
        return None
    return result


def _joined_run(para: Para, satisfied: list[Fig]) -> list[Fig]:
    """The last satisfied count and those listed right before it, joined by "、"/"和" alone, of one unit."""
    run = [satisfied[-1]]
    for previous in reversed(satisfied[:-1]):
        between = para.text[previous.end - para.start : run[0].local]
        if (
            re.search(r"[，,；。]", between)
            or not re.search(r"[、和及与]", between)
            or previous.family != run[0].family
        ):
            break
        run.insert(0, previous)
    return run


# "按满意100分、基本满意80分加权", "赋分", "折算": a satisfaction score weighted by level, no count over the whole
_WEIGHTED = re.compile(r"加权|权重|赋分|赋值|计分|折算|折合|分值|[\d０-９]\s*分[、，,）)]")


def _listed_levels(para: Para, satisfied: list[Fig], rate: Fig) -> list[Fig]:
    """The satisfied counts listed one after another ("其中满意a份、基本满意b份"), each named by its own level
    word, with nothing but words between the last and the rate; none where a count is of 不满意 or of no level."""
    text = para.text
    run = _joined_run(para, satisfied)
    words = text[run[-1].end - para.start : rate.local]
    if "不满意" in words or re.search(r"\d", words):
        return []
    level_words = [_level_word(para, f) for f in run]
    if "\0" in level_words or len(set(level_words)) < len(level_words):
        return []
    return run


# "二者合计满意度", "三项合计…满意率", "合计满意度": the rate says the levels before it are added
_LEVELS_ADDED = re.compile(r"(?:[两二三]项|二者|两者|以上)?(?:合计|共计|相加|之和|加总)")


def _summed_levels(para: Para, satisfied: list[Fig], rate: Fig) -> list[Fig]:
    """The satisfied counts a rate adds up: two or more, joined by "、"/"和" alone, the rate's own words (after the
    last of them) saying they are added; none otherwise."""
    text = para.text
    run = _joined_run(para, satisfied)
    if len(run) < 2:
        return []
    words = text[run[-1].end - para.start : rate.local]
    if "不满意" in words or re.search(r"\d", words):
        return []
    if _LEVELS_ADDED.search(words):
        return run
    included = _LEVELS_INCLUDED.search(words)
    if included and all(_level_word(para, f) in included["levels"] for f in run[1:]):
        # "其中满意a份、较满意b份，满意度（含较满意）x%": the rate names the levels it counts beside the first
        return run
    return []


# "满意度（含较满意）为…": the rate's name with the levels it counts in parentheses (which cut the figure's label)
_LEVELS_NAMED = re.compile(r"满意(?:度|率)[（(](?:含|包括|包含)[^）)]{1,12}[）)](?:为|是|达到?)?$")
# "满意度（含较满意）", "满意率（包括基本满意）": the levels the rate counts besides the plainly satisfied
_LEVELS_INCLUDED = re.compile(r"满意(?:度|率)[（(](?:含|包括|包含)(?P<levels>[^）)]{1,12})[）)]")


def _level_word(para: Para, fig: Fig) -> str:
    """The satisfaction level a count in a list is of: the words of its own item ("、“较满意”61份" -> 较满意)."""
    words = re.split(r"[、，,：:]|其中", clause_before(para, fig))[-1]
    words = re.sub(r"[“”\"「」『』‘’]|的$|为$|有$", "", words)
    return words if "满意" in words else "\0"


_PASS_RATE = re.compile(r"合格率|达标率|通过率|优良率|取证率")
_TESTED = re.compile(
    r"抽检|检测|检查|监测|抽查|考核|送检|验收|参加|参训|培训|评定|抽取|抽样|参测|受测|受检|实考|参考|测试|测评|考试"
)
_PASSED = re.compile(r"合格|达标|通过|优良|取得|获得")


def _pass_rate(para: Para, rate: Fig, word: str, citer: Citer) -> AuditCheck | None:
    """ "抽检水样312份，合格305份，水质达标率97.76%": the count that passed over the count tested, both stated in
    the rate's sentence (a rate with no such counts, a monitoring statistic, is left alone)."""
    start = max(para.text.rfind("。", 0, rate.local), -1) + 1
    figs = [f for f in para.figs if start <= f.local < rate.local and f.family not in ("%", "分", "元", "")]
    passed = [f for f in figs if _PASSED.search(clause_before(para, f))]
    if len(passed) != 1:
        return None
    part = passed[0]
    tested = [
        f
        for f in figs
        if f.local < part.local
        and f.family == part.family
        and f.value >= part.value
        and _TESTED.search(clause_before(para, f))
        and not _PASSED.search(clause_before(para, f))
    ]
    plans = [f for f in tested if _planned(para, f)]
    tested = [f for f in tested if f not in plans]
    if not tested and len(plans) == 1:
        tested = _done_instead(para, plans[0], figs, part)
    if len(tested) != 1:
        return None
    result = _best(citer, "rate", rate, [([part], tested, word)], f"“{_word(tested[0])}”“{_word(part)}”与“{word}”")
    return None if _absurd(result, rate) else result


_PLAN_WORDS = re.compile(r"计划|目标|(?<!完成)任务|指标值|预期")


def _planned(para: Para, fig: Fig) -> bool:
    """A planned quantity ("全年计划检测1,500批次", "目标值…"): never the base of a rate other than a
    completion rate."""
    return bool(_PLAN_WORDS.search(clause_before(para, fig))) or bool(
        re.match(r"的(?:年度)?(?:目标|计划|任务)", fig.after)
    )


def _done_instead(para: Para, plan: Fig, figs: list[Fig], part: Fig) -> list[Fig]:
    """ "计划完成N批次，实际完成M批次，…不合格率x%": the count actually done answers the plan, and is what the
    rate counts over (one such figure, or none)."""
    done = [
        f
        for f in figs
        if plan.local < f.local < part.local
        and f.family == plan.family
        and f.value >= part.value
        and not _planned(para, f)
        and re.search(r"实际|完成|已", clause_before(para, f))
    ]
    return done if len(done) == 1 else []


def _generic(para: Para, rate: Fig, word: str, citer: Citer) -> AuditCheck | None:
    stem = word[:-1]
    keys = bigrams(stem) or ({stem} if len(stem) >= 2 else set())  # "有效率": filler words may be the stem
    for short, synonyms in _SYNONYMS.items():
        if short in stem:
            keys |= set(synonyms)
    keys = {k for k in keys if k not in ("资金", "项目", "全年", "年度")}
    if not keys:
        return None
    before, after = _segment(para, rate)
    numerators = [f for f in before + after if any(k in f.label + f.after for k in keys)]
    numerators = [f for f in numerators if not in_parentheses(para.text, f.local) or f in after]
    if not numerators:
        return None
    numerator = ([f for f in numerators if f in before] or numerators)[-1]
    carried = [
        f
        for f in before + after
        if f is not numerator
        and in_parentheses(para.text, f.local)
        and "未结" in f.label
        and f.family == numerator.family
    ]
    wholes = [
        f
        for f in para.figs
        if f is not numerator
        and f not in carried
        and f.family == numerator.family
        and f.value + sum((c.value for c in carried), Decimal(0)) >= numerator.value
        and f.local < rate.local + 40
    ]
    # a planned quantity is the base of a completion rate only, never of this one; last year's figure, or one of a
    # later sentence ("…结余率x%。上年支出A…"), is no base of this year's rate either
    rate_end = _sentence_end(para.text, rate.local)
    wholes = [f for f in wholes if not _planned(para, f) and not previous_year_cue(para, f) and f.local < rate_end]
    if "结余" in stem:  # a balance is a share of the budget or income it is left of, never of the spending
        wholes = [f for f in wholes if not is_spend(f)]
    if not wholes:
        return None
    wholes.sort(
        key=lambda f: (
            not re.search(r"受理|应|总|全部|共|常住|适龄", f.label + f.after[:1]),
            abs(f.local - numerator.local),
        )
    )
    pairs = [([numerator], [w, *carried], word) for w in wholes]
    kind = "closure_rate" if "结" in stem else "rate"
    tied = f"“{_word(wholes[0])}”“{_word(numerator)}”与“{word}”" + ("，“含…未结”" if carried else "")
    result = _best(citer, kind, rate, pairs, tied)
    if result is not None and result.verdict is Verdict.INCONSISTENT:
        whole = result.sources[-1 - len(carried)]
        named = next((w for w in wholes if w.start == whole.start), None)
        if named is None or not _tied_whole(para, rate, numerator, named, keys):
            # "参保职工A人，其中已体检B人…": the nearest figure failed as a base; the one the words tie as the whole
            tied_wholes = [w for w in wholes if w is not named and _tied_whole(para, rate, numerator, w, keys)]
            if not tied_wholes:
                return None  # the base is not stated as the whole (days in the year, the road network): only confirms
            named = tied_wholes[0]
            tied = f"“{_word(named)}”“{_word(numerator)}”与“{word}”" + ("，“含…未结”" if carried else "")
            result = _best(citer, kind, rate, [([numerator], [named, *carried], word)], tied)
        if result is None or _absurd(result, rate):
            return None
    return result


_WHOLE_WORDS = re.compile(
    r"受理|应[^用]|总|全部|共|常住|适龄|在册|在校|登记|参保|户籍|辖区|接收|收到|发放|调查|抽查|抽取|检查"
)


# "登记对象中已签约N人", "参保职工中已享受N人": the group named before 中 is the whole, the figure a part of it
# (a 中 of a word, "其中", "集中", "中央", "中心", "初中", is no "among")
_AMONG = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![其集初高期年空])中(?![央心小学期等级医药标途国华长])")


def _after_among(label: str) -> str:
    """The words naming the figure itself, without a group it is counted among ("登记对象中已签约" -> "已签约")."""
    parts = _AMONG.split(label)
    return parts[-1]


def _tied_whole(para: Para, rate: Fig, numerator: Fig, whole: Fig, keys: set[str]) -> bool:
    """The words make `whole` the rate's base: it is named as a whole ("受理…", "全县312个行政村中"), or it stands
    in the rate's own clause group with a numerator named by the rate's own words ("排查隐患3,418项，已整改
    3,362项，整改率…"). A base left implicit (the days of the year) or a figure of another clause is not."""
    text = para.text
    sentence_start = text.rfind("。", 0, numerator.local) + 1
    if whole.local < sentence_start and not re.match(r"\s*其中|[^，]{0,12}中[，,]", text[sentence_start:]):
        # "…年末在册294人。帮扶方面，衔接对象163人，衔接率100%": a whole of an earlier sentence counts only when
        # the rate's own sentence shares out that whole ("其中…", "X中，…"), or names it
        own = bigrams(text[sentence_start : numerator.local] + numerator.after)
        if not own & bigrams(whole.label + whole.after[:4]):
            return False
    if _WHOLE_WORDS.search(_after_among(whole.label) + whole.after[:2]) or whole.after.endswith("中"):
        return True
    group_start = max(text.rfind("；", 0, rate.local), text.rfind("。", 0, rate.local)) + 1
    if whole.local < group_start or numerator.local < group_start:
        return False
    named = numerator.label + numerator.after
    return len([k for k in keys if k in named]) * 2 > len(keys)


def _listed_rates(view: ReportView, para: Para, citer: Citer) -> list[AuditCheck]:
    """ "累计支出分别为A、B、C，支出进度分别为x%、y%、z%": the i-th rate from the i-th amount."""
    checks = []
    for match in re.finditer(r"(进度|执行率|完成率|到位率)分别为", para.text):
        rates = [f for f in para.figs if f.family == "%" and f.local >= match.end()]
        rates = _run(para, rates)
        amounts_start = para.text.rfind("分别为", 0, match.start())
        if amounts_start < 0:
            continue
        amounts = _run(para, [f for f in para.figs if f.local >= amounts_start and f.family != "%"])
        if len(amounts) != len(rates) or len(rates) < 2:
            continue
        budgets = []
        for other in reversed(view.paras[max(0, para.index - 3) : para.index + 1]):
            budgets = [f for f in other.figs if f.family == amounts[0].family and is_budget(f)]
            if budgets:
                break
        if not budgets:
            continue
        budgets = [f for f in budgets if re.search(r"全年|调整后", f.label)] or budgets
        for amount, rate in zip(amounts, rates, strict=True):
            result = _best(
                citer,
                "execution_rate",
                rate,
                [([amount], [b], match.group(1)) for b in budgets],
                f"“分别为”按顺序对应，“{_word(budgets[0])}”“{match.group(1)}”",
            )
            if result:
                checks.append(result)
    return checks


def _run(para: Para, figs: list[Fig]) -> list[Fig]:
    """Consecutive figures joined only by 、/和/及 (a list)."""
    run: list[Fig] = []
    for fig in figs:
        if run:
            gap = para.text[run[-1].end - para.start : fig.local]
            if not re.fullmatch(r"\s*[、和及与,，]?\s*", gap):
                break
        run.append(fig)
    return run


# ---- shares -------------------------------------------------------------------------------------------

_OF = re.compile(
    r"(?P<verb>占|为|完成|达到)(?P<base>[^，。；占]{0,30}?)的(?:比重|比例|比例为|比重为)?(?:为|达|达到|约)?"
    r"(?:[一二三四五六七八九十]+分之[一二三四五六七八九十]+|[一二三四五六七八九]成)?$"
)


# "在基础设施类小计中占到了x%", "在基本支出里的比重是x%", "在种植补助中的份额为x%": the whole named after 在
IN_WHOLE_SHARE = re.compile(
    r"在(?P<base>[^，。；在占]{2,30}?)(?:当中|之中|中|里|内)(?:的)?(?:(?P<verb>占)(?:到了|了|到)?|比重|比例|份额|占比)"
    r"(?:为|是|达|达到|约)?$"
)


def share_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks = []
    for para in view.paras:
        text = para.text
        named_base: Fig | None = None  # the whole the last "占…的" of this sentence named
        named_at = 0
        for rate in (f for f in para.figs if f.family == "%"):
            if named_base is not None and "。" in text[named_at : rate.local]:
                named_base = None
            head = text[max(text.rfind("。", 0, rate.local), -1) + 1 : rate.local]
            clause_start = max((head.rfind(c) for c in "，；"), default=-1) + 1
            clause = head[clause_start:]
            base_paren = re.search(r"（$|\($", head) and "三分之" in head[-8:]
            of = (
                _OF.search(clause)
                or IN_WHOLE_SHARE.search(clause)
                or (_OF.search(re.sub(r"[（(][^）)]*$", "", head[clause_start:])) if base_paren else None)
            )
            bare = re.search(r"(?:占比|所?占(?:比重|比例)?)(?:达到|达|为|约)?$", clause)
            if not of and not bare:
                continue
            sentence_at = para.start + max(text.rfind("。", 0, rate.local), -1) + 1
            in_sentence = [f for f in para.figs if sentence_at - para.start <= f.local < rate.local and f.family != "%"]
            verb_at = (
                para.start
                + max(text.rfind("。", 0, rate.local), -1)
                + 1
                + clause_start
                + (of.start() if of else bare.start())
            )
            base: list[Fig] = []
            weak = continued = False
            if of:
                inner = [f for f in in_sentence if verb_at <= f.start < para.start + rate.local]
                if inner:
                    base = [inner[0]]
                elif of["base"]:
                    base = _named(para, of["base"], rate)
                    if not base:
                        base, weak = _named_earlier(view, para, of["base"])
            period = _period(of["base"]) if of else None
            if period is not None:
                # "占1—8月累计拨付的…": the whole of that period, never a figure of another ("上半年累计…")
                base = [b for b in base if _period(b.label) in (None, period)]
                if not base:
                    base, weak = _period_whole(view, para, of["base"], period, rate), False
            if of and (so_far := _SO_FAR_WHOLE.fullmatch(_PERIOD.sub("", of["base"]))):
                # "甲已支出A万元，占1—6月已支出的x%": the whole spent so far, never a part stated as spent
                base, weak = _spent_to_date(view, para, so_far["verb"], rate)
                if not base:
                    continue
            nearest = [f for f in in_sentence if f.start < verb_at]
            if len(base) > 1 and nearest and nearest[-1] in base:
                base = [b for b in base if b is not nearest[-1]]  # the figure the clause shares out is not its base
            elif base and nearest and base == nearest[-1:] and of and of["base"] not in base[0].label:
                base = []  # "全年支出1,862.40万元，占项目支出的…": named loosely, the figure shared out is not its base
            # "甲1,480万元，占全年的18%；乙执行率96%，占全年的82%": a "；" closes one subject's statements, so the
            # part shared out is stated after it
            semicolon = text.rfind("；", sentence_at - para.start, verb_at - para.start)
            subjects = [
                f
                for f in in_sentence
                if f.start < verb_at
                and f.local > semicolon
                and f not in base
                and not previous_year_cue(para, f)
                and not CHANGE_WORDS.search(f.label)
            ]
            clause_words = re.sub(r"^.*[，,；。]", "", text[: verb_at - para.start])
            if clause_words and not re.search(r"\d", clause_words) and len(clause_words) >= 2:
                named = [f for f in _named(para, clause_words, rate) if f not in base]
                subjects = _best_named(para, clause_words, named) or subjects
            within = of is not None and of.re is IN_WHOLE_SHARE
            if within and len(clause_words) >= 2:
                # "财政资金在总投入中占x%": the part is the figure its own words name, never the nearest amount
                subjects = [f for f in subjects if clause_words in _own_words(para, f)]
            # "人均人员经费28.43万元；人员经费占基本支出的…": an average is never the part shared out
            subjects = [f for f in subjects if not AVERAGED.search(f.label)]
            if not subjects:
                continue
            part = subjects[-1]
            whole_named = re.sub(r"[的\d,.%]|约|达|为", "", of["base"]) if of else ""
            subject = re.sub(r"^(?:其中|而|另)", "", clause_words)
            own = clause_across_colon(para, part)
            if len(whole_named) >= 2 and whole_named in own and not (len(subject) >= 2 and subject in own):
                # "本级资金（区级和街道）A万元…，其中区级资金占本级资金的x%": the figure before the share is the
                # named whole itself; the part (区级资金) states no figure of its own here ("基本支出中人员经费
                # A万元；人员经费占基本支出的x%" names its part in the figure's clause and stays)
                continue
            if of and re.search(r"分别$", clause[: of.start()]) and re.match(r"[和、及与]", rate.after):
                continue  # "甲a、乙b，分别占…的x%和y%": each in turn, checked with the listed shares
            if base and base[0] is part and of and of["base"]:
                others = [f for f in para.figs if f.local < rate.local and f.family == part.family and f is not part]
                base = [f for f in others if _pairs(of["base"]) & _pairs(f.label)][-1:]
            if of and _bare_period(of["base"]):
                base, weak = _period_total(view, para, of["base"], part, rate)
            own_whole = _OWN_WHOLE.match(part.label)
            if not base and bare and own_whole and own_whole["whole"][-2:] in own_whole["rest"]:
                # "现有托位中普惠性托位1,160个，占比48.01%": the part names its whole ("现有托位"), which is then
                # the figure so named before, not the latest total ("建成后托位总数增至2,836个")
                keys = _pairs(own_whole["whole"])
                named = _named(para, own_whole["whole"], part)
                most = max((len(keys & _pairs(f.label)) for f in named), default=0)
                base = [f for f in named if len(keys & _pairs(f.label)) == most]  # the nearest naming alone
                if not base:
                    base, weak = _named_earlier(view, para, own_whole["whole"])
            if not base:
                base, weak = _whole_before(para, part), False
            if not base and bare:
                # "项目总投资2,000万元，财政资金1,200万元，占比60%": the one total the sentence states before the part
                # a total itself shared out of a whole it names ("两项合计A万元，占全部支出的x%；…丙B万元，约占y%")
                # is one of the items, not the whole of the next
                totals = [
                    f
                    for f in in_sentence
                    if f.local < part.local
                    and f.family == part.family
                    and re.search(r"总|全部|合计|共计", f.label)
                    and not _shared_out(para, f)
                ]
                base = totals if len(totals) == 1 else []
            if not base and bare and named_base is None:
                # "资金总额为6,480万元…。从用途看，培训补贴2,592万元，所占比重为40.00%": the total the sentence
                # before states, when it states one
                previous_start = max(text.rfind("。", 0, max(sentence_at - para.start - 1, 0)), -1) + 1
                totals = [
                    f
                    for f in para.figs
                    if previous_start <= f.local < sentence_at - para.start
                    and f.family == part.family
                    and f.value >= part.value
                    and re.search(r"总额|总计|合计|总|共|全年", f.label)
                    and not CHANGE_WORDS.search(f.label)
                    and not previous_year_cue(para, f)
                ]
                if len({f.value for f in totals}) == 1:
                    named_base, named_at = totals[0], rate.local
                elif sentence_at == para.start and _BREAKDOWN_OPENING.match(text):
                    # "全年实际支出A万元…。¶从支出结构看，基本支出B万元，约占x%": a paragraph opening a breakdown
                    # shares out the total of the part's measure the paragraph before states
                    whole = _previous_paragraph_total(view, para, part)
                    if whole is not None:
                        named_base, named_at = whole, rate.local
            if not base and bare and named_base is not None and named_base.family == part.family:
                # "中央资金1,500万元，占全年预算的37.31%；省级资金980万元，占24.38%": the whole named before
                base, continued = [named_base], True
            if not base:
                whole_words = re.search(
                    r"^(?:.*[，,])?(?P<w>[^，,]{0,8}?(?:预算|资金|支出|收入|总额|总数|人数))中", part.label
                )
                if whole_words:
                    base = _named(para, whole_words["w"], part) or []
                    if not base:
                        base, weak = _named_earlier(view, para, whole_words["w"])
            if not base and bare and named_base is None:
                # "甲支出A万元，占比为x%；乙支出B万元，占部门支出的y%": a list of shares names its whole once, in
                # a later item of the same sentence
                later = text[rate.end - para.start : _sentence_end(text, rate.local)]
                named_later = re.search(r"占(?P<base>[^，。；占\d]{2,30}?)的(?:比重|比例)?(?:为|达|约)?[\d.]+%", later)
                if named_later:
                    base, weak = _named_in_report(view, para, named_later["base"], part, rate)
                    base = [b for b in base if _shared_out(para, b) is None]
            whole_words = of["base"] if of else ""
            base = [b for b in base if _shared_out(para, b) not in ("", whole_words) or b is named_base]
            base = [b for b in base if b.family == part.family and b.value > 0 and b is not part]
            if rate.value <= 100:  # a share of at most 100% is of a whole at least as large as the part
                base = [b for b in base if b.value >= part.value]
            if not base and of and of["base"]:
                # "全年支出1,862.40万元，占项目支出的41.49%" with 项目支出 stated in another part of the report
                base, weak = _named_in_report(view, para, of["base"], part, rate)
            if period is not None:
                base = [b for b in base if _period(b.label) in (None, period)]
            if not base:
                continue
            word = "占比" if not of or of["verb"] == "占" else "比例"
            tied = f"“{of.group(0) if of else bare.group(0)}”" + (
                "，承前所指的总数" if continued else "，“其中”所指的总数" if not of else ""
            )
            # several wholes of different values the words may name: one that agrees confirms, none is no finding
            weak = weak or len({b.value for b in base}) > 1
            readings = [([part], [b], word) for b in base]
            head = _listed_head(para, part)
            if head is not None and head not in base:
                # "总数A，其中甲a、乙b，占…的x%": the share may be the whole list's or its last item's; one
                # reading that agrees confirms, none is no finding
                readings += [([head], [b], word) for b in base if b.value >= head.value]
                weak = True
            result = _best(citer, "share", rate, readings, tied)
            if result is not None and not (weak and result.verdict is Verdict.INCONSISTENT):
                checks.append(result)
                if of and of["base"] and len(base) == 1 and not within:
                    # (a share "在…里的比重" is nested in its clause: the next bare share is not of its whole)
                    named_base, named_at = base[0], rate.local
    return checks


# "占已拨付资金的", "占上半年已支付的": the whole of what is spent so far, as a running total states it
_SO_FAR_WHOLE = re.compile(r"已(?P<verb>支出|拨付|支付|使用)(?:资金|金额|总额)?的?")


def _spent_to_date(view: ReportView, para: Para, verb: str, rate: Fig) -> tuple[list[Fig], bool]:
    """The running total of the verb ("累计支出A万元" for 支出), stated before the share in its part of the report:
    this year's, no part of it; one value, or nothing."""
    # the section's paragraphs up to this one, across a table that stands between them
    section = [o for o in view.paras[: para.index + 1] if o.section[:1] == para.section[:1] and o.section]
    found = [
        f
        for other in section
        for f in other.figs
        if f.family == "元"
        and f.start < rate.start
        and re.search(rf"累计(?:实际)?{verb}", f.label)
        and not _NOT_THE_TOTAL.search(f.label)
        and not CHANGE_WORDS.search(f.label)
        and not previous_year_cue(other, f)
        and not in_parentheses(other.text, f.local)
    ]
    return (found[:1], False) if len({f.value for f in found}) == 1 else ([], True)


def _bare_period(words: str) -> bool:
    """ "占全年的…", "占上半年的…": the words name a period and no measure."""
    return _period(words) is not None and not re.sub(r"[的\d,.%\s]|约|达|为|累计|合计|总", "", _PERIOD.sub("", words))


def _period_total(view: ReportView, para: Para, words: str, part: Fig, rate: Fig) -> tuple[list[Fig], bool]:
    """ "下半年拨付600万元，占全年的40%": the whole is the part's own measure over the period named, stated
    before and this year's; never last year's figure or a figure of another measure that names the period.
    Several values only confirm."""
    measure = re.sub(r"[的\d,.%\s]|约|达|为|仅|共|累计|合计", "", _PERIOD.sub("", part.label.split("，")[-1]))
    measure = re.sub(r"^第|^[一二三四1-4]季度|^\d+月份?", "", measure)
    if len(measure) < 2:
        return [], True
    period = _period(words)
    found = [
        f
        for f in _wholes_before(view, para, part, rate)
        if measure in f.label
        and _period(f.label) == period
        and not CHANGE_WORDS.search(f.label[f.label.find(measure) :])
    ]
    return found[-1:], len({f.value for f in found}) != 1


def _wholes_before(view: ReportView, para: Para, part: Fig, rate: Fig) -> list[Fig]:
    """This year's figures of the part's kind, stated before the share and no smaller than its part."""
    return [
        f
        for other in view.paras[: para.index + 1]
        for f in other.figs
        if f.family == part.family
        and f.start < rate.start
        and f is not part
        and f.value >= part.value
        and not previous_year_cue(other, f)
    ]


def _sentence_end(text: str, position: int) -> int:
    end = text.find("。", position)
    return end if end >= 0 else len(text)


def _shared_out(para: Para, fig: Fig) -> str | None:
    """What the figure is itself a share of, when its own clause goes on to state one: "" for a bare "…，占比为x%",
    the named whole for "…，占全部支出的x%"; None when it states no share."""
    text = para.text
    after = text[fig.end - para.start :]
    stop = min([i for i in (after.find("；"), after.find("。")) if i >= 0] or [len(after)])
    share = re.match(r"[，,]\s*(?:占比|所?占)(?P<w>[^，。；]{0,20}?)[\d.]+%", after[:stop])
    if not share:
        return None
    return re.sub(r"^(?:比重|比例)|的(?:比重|比例)?(?:为|达|约)?$|^(?:为|达|约)$", "", share["w"])


_MONTH = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_PERIOD = re.compile(
    rf"(?P<a>{_MONTH})\s*(?:月份?)?\s*(?:—|－|-|~|～|至|到)\s*(?P<b>{_MONTH})\s*月"
    r"|前(?P<nq>[一二三])(?:个)?季度|(?P<half>[上下])半年|第?(?P<q>[一二三四1-4])季度|(?P<year>全年)"
    r"|截至\s*(?:20\d{2}\s*年)?\s*(?P<upto>" + _MONTH + r")\s*月"
)


def _month(text: str) -> int:
    return int(parse_number(text))


def _period(words: str) -> tuple[int, int] | None:
    """The months a figure's words name, first to last: "1—9月" and "前三季度" (1, 9), "上半年" (1, 6), "三季度"
    (7, 9), "全年" (1, 12); None where they name no period. The last naming counts ("二季度拨付占1—6月…")."""
    found = list(_PERIOD.finditer(words))
    if not found:
        return None
    m = found[-1]
    if m["a"]:
        return _month(m["a"]), _month(m["b"])
    if m["nq"]:
        return 1, 3 * _month(m["nq"])
    if m["half"]:
        return (1, 6) if m["half"] == "上" else (7, 12)
    if m["q"]:
        q = _month(m["q"])
        return 3 * q - 2, 3 * q
    if m["upto"]:
        return 1, _month(m["upto"])
    return 1, 12


def _period_whole(view: ReportView, para: Para, words: str, period: tuple[int, int], rate: Fig) -> list[Fig]:
    """ "四季度拨付占全年累计拨付的30.0%" with "累计拨付1,500万元" stated before: the figure of the measure the
    words name (without the period) that names no other period; one value, or nothing."""
    measure = re.sub(r"[的\d,.%]|约|达|为", "", _PERIOD.sub("", words))
    if len(measure) < 2:
        return []
    found = [
        f
        for other in view.paras[: para.index + 1]
        for f in other.figs
        if f.family not in ("%", "百分点")
        and f.start < rate.start
        and measure in f.label
        and _period(f.label) in (None, period)
        and not CHANGE_WORDS.search(f.label)
        and not re.search(r"上年|去年|同期|上一年", f.label)
        and not previous_year_cue(other, f)
    ]
    if not found:
        return []
    # "累计拨付1,512.40万元…累计拨付约0.15亿元": a rounded restatement is the same figure
    precise = min(found, key=lambda f: f.last_digit)
    coarse = max(f.last_digit for f in found)
    return [precise] if all(abs(f.value - precise.value) <= coarse / 2 for f in found) else []


# "从支出结构看，", "分用途看，", "按资金性质分，": the paragraph breaks down a whole stated before it
_BREAKDOWN_OPENING = re.compile(r"(?:从|分|按)[^，。；\d]{1,8}(?:来看|看|分)[，,]")


def _previous_paragraph_total(view: ReportView, para: Para, part: Fig) -> Fig | None:
    """The one whole of the part's measure ("支出" of "基本支出", or 收入) the paragraph before states as a total of
    this year ("全年实际支出A万元"): no part, change, last year's or rounded restatement of it."""
    measure = re.sub(r"[^\u4e00-\u9fff]", "", part.label)[-2:]
    earlier = earlier_in_section(view, para, reach=1)
    # only a spending or income structure: "资金", "经费" name too many wholes, and "调整后预算中甲…" names its own
    if measure not in ("支出", "收入") or _AMONG.search(part.label) or not earlier:
        return None
    other = earlier[0]
    totals = [
        f
        for f in other.figs
        if f.family == part.family
        and f.value >= part.value
        and measure in f.label
        and re.search(r"总额|总计|合计|总|共|全年", f.label)
        and not _NOT_THE_TOTAL.search(f.label)
        and not CHANGE_WORDS.search(f.label)
        and not previous_year_cue(other, f)
        and not in_parentheses(other.text, f.local)
    ]
    return totals[0] if len({f.value for f in totals}) == 1 else None


# "现有托位中普惠性托位", "全部案件中调解结案的案件": a part named inside the whole its clause names first
_OWN_WHOLE = re.compile(r"(?:.*[，,])?(?P<whole>[\u4e00-\u9fff]{2,8}?)中(?P<rest>[\u4e00-\u9fff]{2,12})$")


def _named(para: Para, words: str, rate: Fig) -> list[Fig]:
    """The figure the words name ("占公用经费支出的…" -> the 公用经费支出 stated before)."""
    words = re.sub(r"[的\d,.%]|约|达|为", "", words)
    exact = [f for f in para.figs if f.local < rate.local and f.family != "%" and words and words in f.label]
    if not AVERAGED.search(words):  # "人员经费" names the whole, not "人均人员经费"
        exact = [f for f in exact if not AVERAGED.search(f.label)] or exact
    # "财政拨款收入341,287.64万元（其中…政府性基金预算财政拨款收入4,382.43万元）": the figure named by the words
    # themselves, not one inside a nested breakdown that names more
    plain = [f for f in exact if not in_parentheses(para.text, f.local)] or exact
    if plain:
        named = min(plain, key=lambda f: (len(f.label) - len(words), -f.local))
        return [_restated(para, named) or named]
    keys = _pairs(words)
    if not keys:
        return []
    candidates = [f for f in para.figs if f.local < rate.local and f.family != "%"]
    if _NAMED_TOTAL.search(words):
        # "占到位资金总额的…": the whole of the measure, never a part of it the sentence opens with 其中
        candidates = [f for f in candidates if not clause_before(para, f).startswith("其中")]
    # "培训4,000人次 … 占培训总人次的…": the unit is part of what a figure names
    scored = [(len(keys & _pairs(f.label + f.unit)), f) for f in candidates]
    scored = [s for s in scored if s[0] >= max(1, len(keys) // 2)]
    if not scored:
        return []
    # Near-best namings all stay: "政府采购实际金额" is nearer "实际采购金额" in meaning than in characters.
    top = max(score for score, _ in scored)
    return [f for score, f in sorted(scored, key=lambda s: (-s[0], -s[1].local)) if score >= top - 1]


def _restated(para: Para, fig: Fig) -> Fig | None:
    """ "共计5,480.00万元（总额约0.55亿元）": a rounded figure in parentheses right after a figure it rounds
    restates that figure; a share of it is of the exact one."""
    text = para.text
    opening = text.rfind("（", 0, fig.local)
    if opening < 0 or not in_parentheses(text, fig.local):
        return None
    exact = [f for f in para.figs if f.end - para.start == opening and f.family == fig.family]
    if exact and abs(exact[0].value - fig.value) <= fig.last_digit / 2:
        return exact[0]
    return None


def _best_named(para: Para, words: str, named: list[Fig]) -> list[Fig]:
    """The part a share's own words name, of the figures `_named` found ("市级资金占…" among 市级补助资金、
    区级配套资金、社会投入资金): only the best-named, the nearest of those last; none where two differently named
    figures tie."""
    if len(named) <= 1:
        return named
    keys = _pairs(words)
    # each figure scored by its own words only: a label runs back over the figures listed before it
    score = {id(f): len(keys & _pairs(_own_words(para, f) + f.unit)) for f in named}
    top = max(score.values())
    best = [f for f in named if score[id(f)] == top]
    if len(best) > 1 and len({_own_words(para, f) for f in best}) > 1:
        return []
    return sorted(best, key=lambda f: f.local)


# "实际支出总额", "到位资金总数": a measure named as the whole of itself
_NAMED_TOTAL = re.compile(r"(?:的)?(?:总额|总数|总量|合计|总计)$")
_NOT_THE_TOTAL = re.compile(
    r"其中|中央|省级|市级|县级|区级|配套|自筹|上年|去年|同期|\d{4}年|季度|半年|\d+月|计划|预算|目标|片区|小计"
)


def _named_earlier(view: ReportView, para: Para, words: str) -> tuple[list[Fig], bool]:
    """The figure named by `words` in an earlier paragraph of the same part of the report, and whether
    the naming is loose (bigrams rather than the words themselves): a loose one only confirms."""
    words = re.sub(r"[的\d,.%]|约|达|为", "", words)
    if len(words) < 2:
        return [], True
    earlier = [f for other in earlier_in_section(view, para) for f in other.figs if f.family != "%"]
    exact = [f for f in earlier if words in f.label]
    undated = [f for f in exact if not re.search(r"20\d{2}\s*年|较|比|上年|去年", f.label)]
    if undated:
        return undated[:1], False
    if exact:
        return exact[:1], True
    measure = _NAMED_TOTAL.sub("", words)
    if measure != words and len(measure) >= 4:
        # "占实际支出总额的x%": the total of the measure named, the one figure an earlier paragraph states under
        # that measure itself ("专项资金实际支出A万元"), of this year, no part or change of it
        # (the section's paragraphs before it, across a table that stands between them)
        section = [o for o in view.paras[: para.index] if o.section[:1] == para.section[:1] and o.section]
        stated = [
            f
            for other in section
            for f in other.figs
            if f.family != "%"
            and measure in f.label
            and not in_parentheses(other.text, f.local)
            and not _NOT_THE_TOTAL.search(f.label)
            and not CHANGE_WORDS.search(f.label)
            and not previous_year_cue(other, f)
        ]
        if len({f.value for f in stated}) == 1:
            return stated[-1:], False
    keys = _pairs(words)
    scored = sorted(((len(keys & _pairs(f.label)), f) for f in earlier), key=lambda s: -s[0])
    top = scored[0][0] if scored else 0
    return [f for score, f in scored if score >= max(2, top - 1)][:3], True


_TOTAL_MARK = re.compile(r"全年|年度|总额|合计|总计|总数|总")


# the reporting unit naming its own whole: "部门全年支出", "本单位支出总额", "我局全年预算"
_REPORTING_UNIT = re.compile(r"^(?:本|我|全)?(?:部门|单位|局|委|办|中心|院|站|所|馆|队)(?:整体)?")


def _named_in_report(view: ReportView, para: Para, words: str, part: Fig, rate: Fig) -> tuple[list[Fig], bool]:
    """The whole a share names, stated anywhere before it: the figures whose words contain the name itself
    ("项目支出"), or, for a name of a total ("全年支出", "支出总额"), the figures naming that measure as a total
    ("部门支出合计"). Held to the report only when all such figures state one value; otherwise they only confirm."""
    words = re.sub(r"[的\d,.%]|约|达|为", "", words)
    if len(words) < 2:
        return [], True
    measure = _TOTAL_MARK.sub("", words)
    earlier = [f for f in _wholes_before(view, para, part, rate) if not CHANGE_WORDS.search(f.label)]
    found = [f for f in earlier if words in f.label]
    own = _REPORTING_UNIT.sub("", words)
    if not found and own != words and len(own) >= 4:
        # "占部门全年支出的…": the reporting unit's own whole, stated as "全年支出…"
        found = [f for f in earlier if own in f.label]
    if not found and own != words:
        measure = _TOTAL_MARK.sub("", own)  # "中心全年支出": the unit's total spending, however it is labelled
    if not found and measure != words and len(measure) >= 2:
        found = [f for f in earlier if measure in f.label and _TOTAL_MARK.search(f.label)]
    if not found:
        return [], True
    return found[-1:], len({f.value for f in found}) != 1


def _pairs(words: str) -> set[str]:
    words = re.sub(r"[的\d,.%，。；：、\s]", "", words)
    return {words[i : i + 2] for i in range(len(words) - 1)}


_PREVIOUS_LABEL = re.compile(r"上年|去年|上一年|同期")


def _compared_base(para: Para, fig: Fig, which: int) -> bool:
    """A last-year figure that a change clause compares this year's against before the "其中"."""
    between = para.text[fig.end - para.start : which]
    return bool(_PREVIOUS_LABEL.search(fig.label) and CHANGE_WORDS.search(between))


def _sibling_after_among(para: Para, which: int, part: Fig) -> bool:
    """ "甲A万元，占全部支出的x%，其中人员经费a万元；乙B万元，所占比重为y%": the "其中" breaks down 甲, which
    states its own share of a larger whole before it, and its part states none; after the "；" 乙 is 甲's sibling,
    never one of 甲's parts."""
    text = para.text
    semicolon = text.find("；", which, part.local)
    if semicolon < 0:
        return False
    if any(f.family == "%" and which <= f.local < semicolon for f in para.figs):
        return False  # "其中甲a，占x%；乙b，占y%": the parts listed each with its share, 乙 one of them
    start, _ = sentence_bounds(text, which)
    return any(f.family == "%" and start <= f.local < which and re.search(r"占|比重|比例", f.label) for f in para.figs)


def _breakdown_closed(para: Para, which: int, part: Fig) -> bool:
    """ "甲A万元，占x%，其中丁在甲里的比重为y%；乙B万元，占z%": a "；" after a 其中 that lists no amount of the part's
    family closes it, so 乙 is no item of 甲 ("其中丙C万元，占…；丁D万元，占…" lists items and goes on)."""
    stop = para.text.find("；", which, part.local)
    return stop >= 0 and not any(which <= f.local < stop and f.family == part.family for f in para.figs)


def _whole_before(para: Para, part: Fig) -> list[Fig]:
    """The whole a part belongs to: the figure before "其中", or the figure followed by "中"."""
    text = para.text
    head = text[: part.local]
    sentence_start = max(head.rfind("。"), -1) + 1
    which = head.rfind("其中", sentence_start)
    candidates = [
        f for f in para.figs if f.local < part.local and f.family == part.family and f.local >= sentence_start
    ]
    if which >= 0 and (_sibling_after_among(para, which, part) or _breakdown_closed(para, which, part)):
        which = -1
    if which >= 0:
        before = [f for f in candidates if f.local < which and not in_parentheses(text, f.local)]
        if before and _compared_base(para, before[-1], which):
            # "本年接诊A例，去年为B例，同比上升x%；其中…": the 其中 shares out this year's A, not the base B
            current = [f for f in before if not _PREVIOUS_LABEL.search(f.label)]
            return current[-1:]
        if before:
            return [before[-1]]
    for fig in reversed(candidates):
        if fig.after.endswith("中"):  # "在全部1,245宗案件中，…", "资金1,060万元中，…"
            return [fig]
    return []


def listed_share_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "中央资金1,500万元、省级资金1,000万元，分别占60%和40%" (of the total stated before)."""
    checks = []
    for para in view.paras:
        for match in re.finditer(r"分别占", para.text):
            rates = _run(para, [f for f in para.figs if f.family == "%" and f.local >= match.end()])
            sentence_start = (
                max(para.text.rfind("；", 0, match.start()), para.text.rfind("。", 0, match.start()), -1) + 1
            )
            parts = [f for f in para.figs if sentence_start <= f.local < match.start() and f.family != "%"]
            parts = parts[-len(rates) :] if len(parts) >= len(rates) else []
            if not parts or len(rates) < 2:
                continue
            wholes = [f for f in para.figs if f.local < parts[0].local and f.family == parts[0].family]
            if not wholes:
                continue
            whole = (
                wholes[0]
                if sentence_start > 0 and not [f for f in wholes if f.local >= sentence_start]
                else ([f for f in wholes if f.local >= sentence_start] or wholes)[-1]
            )
            if whole.value <= 0:
                continue
            for part, rate in zip(parts, rates, strict=False):
                exact = part.value / whole.value * 100
                checks.append(
                    check(
                        citer,
                        "share",
                        f"占比 = {part.text} ÷ {whole.text}",
                        rate,
                        exact,
                        "“分别占”按顺序对应",
                        [part, whole],
                        ratio_slack(part, whole, exact),
                    )
                )
    return checks


def _listed_head(para: Para, fig: Fig) -> Fig | None:
    """ "总数A，其中甲a、乙b": the total a "其中" list in the figure's sentence is of, when the figure is in it."""
    start = max(para.text.rfind("。", 0, fig.local), para.text.rfind("；", 0, fig.local), -1) + 1
    at = para.text.rfind("其中", start, fig.local)
    if at < 0:
        return None
    heads = [f for f in para.figs if start <= f.local < at and f.family == fig.family]
    return heads[-1] if heads and heads[-1].value > fig.value else None


# ---- ratios ("是…的N倍") ------------------------------------------------------------------------------

# "是上年600件的3倍", "为全省平均水平的1.8倍", "相当于上年末的2.5倍": the figure before the verb over the whole
# the words after it name; "增长了2倍" (a change, not a ratio) is left alone
_TIMES = re.compile(r"(?:是|为|相当于|达到|达)(?P<base>[^，。；是为]{0,30}?)的?$")


def _own_words(para: Para, fig: Fig) -> str:
    """The words before a figure since the figure before it in its clause ("由上年的30家增加到75家": 75's own
    words are "增加到")."""
    since = max((f.end - para.start for f in para.figs if f.local < fig.local), default=0)
    return clause_before(para, fig)[-max(fig.local - since, 0) :] if fig.local > since else ""


def ratio_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "办理业务1,800件，是上年600件的3倍", "站点由上年的30家增加到75家，是上年的2.5倍": the ratio of the
    figure the sentence states before the verb to the base its words name (a figure inside those words, or the
    figure of the sentence those words mark, "上年的30家")."""
    checks = []
    for para in view.paras:
        for times in para.figs:
            if times.unit != "倍":
                continue
            head = para.text[: times.local]
            clause_start = max(head.rfind(c) for c in "，。；：;") + 1  # "1,200件的": a thousands comma is no clause
            match = _TIMES.search(head[clause_start:])
            if not match:
                continue
            verb_at = clause_start + match.start()
            sentence_start = max(para.text.rfind("。", 0, times.local), para.text.rfind("；", 0, times.local)) + 1
            inner = [f for f in para.figs if verb_at <= f.local < times.local and f.family not in ("%", "百分点", "倍")]
            before = [
                f
                for f in para.figs
                if sentence_start <= f.local < verb_at
                and f.family not in ("%", "百分点", "倍")
                and (not CHANGE_WORDS.search(f.label) or LEVEL_AFTER_CHANGE.search(f.label))
            ]
            if len(inner) == 1:
                base = inner[0]
            elif not inner and len(match["base"]) >= 2:
                words = re.sub(r"[的\s]", "", match["base"])
                named = [f for f in before if words in _own_words(para, f)]
                if len(named) != 1:
                    continue
                base = named[0]
            else:
                continue
            subjects = [f for f in before if f is not base and f.family == base.family and f.local < verb_at]
            # "1,862.50万元（约0.19亿元），为…的N倍": a rounded restatement in parentheses is not the subject
            subjects = [f for f in subjects if not in_parentheses(para.text, f.local)] or subjects
            if not subjects or base.value <= 0:
                continue
            subject = subjects[-1]
            head = _listed_head(para, subject)
            if head is not None and head is not base:
                # "总数A，其中甲a、乙b，是上年B的N倍": a comparison after a "其中" list is of the list's total,
                # unless its last item is what agrees
                agreeing = judge_exact(
                    times, subject.value / base.value, ratio_slack(subject, base, subject.value / base.value)
                )
                subject = subject if agreeing is not Verdict.INCONSISTENT else head
            exact = subject.value / base.value
            slack = ratio_slack(subject, base, exact)
            formula = f"倍数 = {subject.text} ÷ {base.text}"
            tied = f"“{match.group(0)}”：比较基数 {base.text}"
            checks.append(check(citer, "ratio", formula, times, exact, tied, [subject, base], slack))
    return checks


__all__ = ["balance_checks", "listed_share_checks", "rate_checks", "ratio_checks", "share_checks"]
