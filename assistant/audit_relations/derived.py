"""Figures derived from others by a stated rule of calculation, each in one sentence or paragraph:

- spreads      "最高为甲x%，最低为乙y%，相差D个百分点" = x − y
- chained      "两年分别增长a%、b%，累计增长c%" = (1 + a)(1 + b) − 1
- tax          "含税价A，税率t%，不含税价B，税额C": B = A ÷ (1 + t), C = A − A ÷ (1 + t)
- delays       "计划Y1年M1月完工，…实际Y2年M2月完工，延期N个月" = the months between the two dates;
               "Y1年M1月至Y2年M2月，共N个月" = the months of the span, both ends counted
- projections  "…收入A。次年收入按增长g%测算，将达到P" = A × (1 + g)
- depreciation "原值A，折旧年限N年，残值率r%，…年折旧额D" = A × (1 − r) ÷ N
- matching     "甲与乙的配比为1:x" = 乙 ÷ 甲, each the one figure its words name in the paragraph
- nested       "资金的a%用于甲，甲中又有b%用于乙，乙占资金的c%" = a × b
- interest     "贷款A，期限N个月，贴息I" = A × the one 年贴息率 stated × N ÷ 12
- payback      "年净收益N，静态投资回收期T年" = the total investment as first stated ÷ N
- leverage     "…合计B万元，每投入1元财政资金，带动社会投入z元" = B ÷ the amount the words name (财政资金)
- per period   "每生全年A元，折合每生每天B元" = A ÷ the days a year the report counts ("全年按在校N天计算");
               "每天a元…每年b元" = a × those days; 每月 ↔ 每年 by twelve
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.audit_relations.core import AuditCheck, Citer, check
from assistant.audit_relations.text import Fig, Para, ReportView, make_fig
from assistant.audit_relations.words import CHANGE_WORDS, bigrams, in_parentheses, previous_year_cue, sentence_bounds

_HUNDRED = Decimal(100)


def _sentence(para: Para, fig: Fig) -> tuple[int, int]:
    return sentence_bounds(para.text, fig.local, "。")


def _lead(para: Para, fig: Fig) -> str:
    """The words between the figure before this one (or the sentence start) and this one."""
    start, _ = _sentence(para, fig)
    ends = [f.end - para.start for f in para.figs if start <= f.end - para.start <= fig.local]
    return para.text[max([start, *ends]) : fig.local]


# ---- the spread between the highest and the lowest ---------------------------------------------------------------

_SPREAD = re.compile(r"(?:相差|差距为?|极差为?|差值为?|相距)(?:约|达|为)?$")
_HIGHEST = re.compile(r"最高|最大|最多")
_LOWEST = re.compile(r"最低|最小|最少")


def spread_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """A difference stated right after one highest and one lowest figure of its sentence is their difference."""
    checks = []
    for para in view.paras:
        for gap in para.figs:
            if not _SPREAD.search(_lead(para, gap)):
                continue
            family = "%" if gap.family == "百分点" else gap.family
            start, _ = _sentence(para, gap)
            earlier = [f for f in para.figs if start <= f.local < gap.local and f.family == family]
            high = [f for f in earlier if _HIGHEST.search(_lead(para, f))]
            low = [f for f in earlier if _LOWEST.search(_lead(para, f))]
            if len(high) != 1 or len(low) != 1 or len(earlier) != 2:
                continue
            exact = (high[0].value - low[0].value) / gap.scale
            formula = f"相差 {gap.text} = {high[0].text} − {low[0].text}"
            tied = "“最高…最低…相差”：最高值与最低值之差"
            checks.append(check(citer, "spread", formula, gap, exact, tied, [high[0], low[0]]))
    return checks


# ---- growth over two periods --------------------------------------------------------------------------------------

_EACH_GROWTH = re.compile(r"分别(?:增长|提高|上升)(?:了)?$")
_CHAINED = re.compile(r"(?:两年|二年|[三四五]年)?累计(?:增长|增幅|提高|上升)(?:了|为|达)?$")


def chained_growth_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "分别增长a%、b%，(两年)累计增长c%": growth compounds, c = (1 + a)(1 + b)… − 1."""
    checks = []
    for para in view.paras:
        rates = [f for f in para.figs if f.family == "%"]
        for i, first in enumerate(rates):
            if not _EACH_GROWTH.search(_lead(para, first)):
                continue
            run = [first]
            for nxt in rates[i + 1 :]:
                if re.fullmatch(r"[、和及与]", _lead(para, nxt)):
                    run.append(nxt)
                else:
                    break
            stated = rates[i + len(run)] if i + len(run) < len(rates) else None
            if len(run) < 2 or stated is None or not _CHAINED.search(_lead(para, stated)):
                continue
            if _sentence(para, stated) != _sentence(para, first):
                continue
            product = Decimal(1)
            for rate in run:
                product *= 1 + rate.value / _HUNDRED
            exact = (product - 1) * _HUNDRED
            formula = f"累计 {stated.text} = " + " × ".join(f"(1 + {r.text})" for r in run) + " − 1"
            tied = "“分别增长…累计增长”：逐年增长连乘"
            checks.append(check(citer, "chained_growth", formula, stated, exact, tied, run))
    return checks


# ---- amounts without tax -------------------------------------------------------------------------------------------

_TAX_RATE = re.compile(r"增值税|税率")
_NET_OF_TAX = re.compile(r"不含税(?:金额|价款|价格|合同价|造价|额)?(?:为|是|约)?$")
_TAX_AMOUNT = re.compile(r"(?:增值税|税)额(?:为|是|约)?$")


def tax_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """A gross amount "含税" with the tax rate stated: the amount without tax and the tax it holds."""
    checks = []
    for para in view.paras:
        for rate in (f for f in para.figs if f.family == "%" and _TAX_RATE.search(_lead(para, f) + f.after)):
            start, end = _sentence(para, rate)
            gross = [
                f
                for f in para.figs
                if start <= f.local < rate.local
                and f.family == "元"
                and re.search(r"(?<!不)含税", para.text[start : f.local])
            ]
            if not gross:
                continue
            amount = gross[-1]
            net_value = amount.value / (1 + rate.value / _HUNDRED)
            for fig in (f for f in para.figs if rate.local < f.local < end and f.family == "元"):
                lead = _lead(para, fig)
                if _NET_OF_TAX.search(lead):
                    exact, formula = net_value, f"不含税 {fig.text} = {amount.text} ÷ (1 + {rate.text})"
                elif _TAX_AMOUNT.search(lead):
                    exact = amount.value - net_value
                    formula = f"税额 {fig.text} = {amount.text} − {amount.text} ÷ (1 + {rate.text})"
                else:
                    continue
                tied = "“含税…税率…不含税/税额”：含税价 ÷ (1 + 税率)"
                checks.append(check(citer, "tax", formula, fig, exact / fig.scale, tied, [amount, rate]))
    return checks


# ---- months between dates -----------------------------------------------------------------------------------------

_DATE = re.compile(r"(20\d{2})\s*年\s*(1[0-2]|[1-9])\s*月")
_DELAY = re.compile(r"(?:延期|推迟|滞后|延迟|拖延|晚)(?:了|约)?$")
_SPAN = re.compile(rf"{_DATE.pattern}\s*(?:至|到|—|－|-|~|～)\s*{_DATE.pattern}[，,]?\s*(?:共|历时|为期|合计)(?:约)?$")


def _months(year: str, month: str) -> int:
    return int(year) * 12 + int(month)


def month_span_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """A delay in months after a planned and an actual date; the months of a span "A至B，共N个月"."""
    checks = []
    for para in view.paras:
        for fig in (f for f in para.figs if f.unit == "个月"):
            start, _ = _sentence(para, fig)
            span = _SPAN.search(para.text[start : fig.local])
            if span:
                inclusive = _months(span[3], span[4]) - _months(span[1], span[2]) + 1
                # "Y年1月至Y+1年1月，共12个月" counts one end only: either reading agrees
                exact = Decimal(inclusive if fig.number != inclusive - 1 else inclusive - 1)
                formula = f"共 {fig.text} = {span[1]}年{span[2]}月至{span[3]}年{span[4]}月（首尾月均计入）"
                checks.append(check(citer, "month_span", formula, fig, exact, "“…至…，共N个月”：起止月份", []))
                continue
            if not _DELAY.search(_lead(para, fig)):
                continue
            actual = list(_DATE.finditer(para.text, start, fig.local))
            planned = _planned_date(para.text[: actual[-1].start()]) if actual else None
            if not actual or planned is None:
                continue
            exact = Decimal(_months(actual[-1][1], actual[-1][2]) - planned)
            formula = f"延期 {fig.text} = {actual[-1][0]} − 计划 {planned // 12}年{planned % 12 or 12}月"
            if planned % 12 == 0:
                formula = f"延期 {fig.text} = {actual[-1][0]} − 计划 {planned // 12 - 1}年12月"
            checks.append(check(citer, "delay", formula, fig, exact, "“计划…实际…延期N个月”：两个日期相隔的月数", []))
    return checks


# ---- what one yuan of a fund brings in ----------------------------------------------------------------------------

# "每投入1元财政奖补，带动村民和社会投入0.46元", "每1元财政资金撬动社会资本…元"
_LEVERAGE = re.compile(
    r"每(?:投入|使用|安排|花)?\s*1\s*元(?P<source>[^，,。；\d]{2,12}?)(?:资金)?[，,]?\s*(?:可|能|就|共)?"
    r"(?:带动|撬动|拉动|吸引)[^，,。；\d]{0,16}?(?:约|达|达到)?$"
)


def leverage_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "…两块加起来B万元，也就是说，每投入1元财政奖补，带动村民和社会投入z元": z = B (the amount just before the
    phrase) ÷ the one amount the phrase's source words name, stated before in the report."""
    checks = []
    for para in view.paras:
        for ratio in para.figs:
            start, _ = _sentence(para, ratio)
            leverage = _LEVERAGE.search(para.text[start : ratio.local])
            if ratio.family != "元" or leverage is None:
                continue
            phrase_at = start + leverage.start()
            brought = [f for f in para.figs if start <= f.local < phrase_at and f.family == "元"]
            source_words = leverage["source"]
            sources = [
                f
                for other in view.paras[: para.index + 1]
                for f in other.figs
                if f.family == "元" and f.start < ratio.start and source_words in f.label and f not in brought[-1:]
            ]
            if not brought or len({f.value for f in sources}) != 1 or not sources[-1].value:
                continue
            amount, source = brought[-1], sources[-1]
            exact = amount.value / source.value / ratio.scale
            formula = f"{ratio.text} = {amount.text} ÷ {source.text}"
            tied = f"“每…1元{source_words}…带动”：带动的金额 ÷ {source_words}"
            checks.append(check(citer, "leverage", formula, ratio, exact, tied, [amount, source]))
    return checks


# ---- amounts per year, per month and per day ----------------------------------------------------------------------

# "全年按在校200天计算", "每年按250个工作日计": the days a year the report's per-day amounts count
_DAYS_A_YEAR = re.compile(r"(?:全年|每年|一年)[^，。；\d]{0,6}?(?P<n>\d{2,3})\s*(?:个)?(?:工作日|天|日)")
_PER_PERIOD = re.compile(r"每(?:[\u4e00-\u9fff]{1,2})?(?P<p>天|日|月|年)|(?P<y>全年|年均|月均|日均)")
# "折合", "相当于", "也就是", "即": the second figure restates the first per another period
_RESTATED = re.compile(r"折合|折算|相当于|也就是|换算|即")


def _period_of(words: str) -> str | None:
    """天, 月 or 年: the period an amount is per ("每生每天", "每人每年", "全年"), its last naming."""
    found = list(_PER_PERIOD.finditer(words))
    if not found:
        return None
    last = found[-1]
    if last["y"]:
        return {"全年": "年", "年均": "年", "月均": "月", "日均": "天"}[last["y"]]
    return last["p"].replace("日", "天")


def per_period_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """An amount per one period restated per another in its sentence ("每生全年实际拨付约966.07元，折合每生每天
    4.83元"): a year has twelve months and the days the report counts a year by (stated once, else no check)."""
    stated_days = {int(m["n"]) for para in view.paras for m in _DAYS_A_YEAR.finditer(para.text)}
    periods_a_year = {"年": 1, "月": 12}
    if len(stated_days) == 1:
        periods_a_year["天"] = stated_days.pop()
    checks = []
    for para in view.paras:
        for fig in para.figs:
            restated = _RESTATED.search(_lead(para, fig))
            if fig.family != "元" or restated is None:
                continue
            start, _ = _sentence(para, fig)
            before = [f for f in para.figs if start <= f.local < fig.local and f.family == "元"]
            if not before:
                continue
            base = before[-1]
            to, of = _period_of(fig.label[-8:]), _period_of(re.split(r"[，；]", base.label)[-1])
            if to is None or of is None or to == of or to not in periods_a_year or of not in periods_a_year:
                continue
            times, over = periods_a_year[of], periods_a_year[to]
            exact = base.value * times / over / fig.scale
            formula = f"{fig.text} = {base.text}" + f" × {times}" * (times > 1) + f" ÷ {over}" * (over > 1)
            counted = ["每年12个月"] * ("月" in (to, of)) + [f"全年按{periods_a_year['天']}天计"] * ("天" in (to, of))
            tied = f"“{restated.group(0)}”：同一金额按{of}与按{to}换算（{'，'.join(counted)}）"
            checks.append(check(citer, "per_period", formula, fig, exact, tied, [base]))
    return checks


def _planned_date(text: str) -> int | None:
    """The planned date of completion stated last before: the end of a planned span, or a date after 计划."""
    planned = None
    for sentence in re.split(r"[。；]", text):
        at = sentence.find("计划")
        if at < 0:
            continue
        dates = list(_DATE.finditer(sentence, at))
        if dates:
            planned = _months(dates[-1][1], dates[-1][2])
    return planned


# ---- a projection from a stated growth ----------------------------------------------------------------------------

_PROJECTED_GROWTH = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,6}?)按(?:比上年|较上年|年均|每年)?(?:增长|递增|上涨)$")
_WILL_REACH = re.compile(r"^(?:测算|计算|预测|预计)[，,]?(?:将|预计|可)?(?:达到|达|增至|增加到|为)(?:约)?$")


def projection_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "…收入A。次年收入按增长g%测算，将达到P": P = A × (1 + g), A the last figure its noun names before."""
    checks = []
    for para in view.paras:
        for i, rate in enumerate(para.figs):
            lead = _PROJECTED_GROWTH.search(_lead(para, rate))
            if rate.family != "%" or not lead or i + 1 >= len(para.figs):
                continue
            projected = para.figs[i + 1]
            if projected.family != "元" or not _WILL_REACH.match(para.text[rate.end - para.start : projected.local]):
                continue
            noun = re.sub(r"^(?:20\d{2}|[次明后下])?年度?", "", lead["noun"])
            bases = [
                f
                for f in para.figs[:i]
                if f.family == "元"
                and noun
                and f.label.endswith(noun)
                and not previous_year_cue(para, f)
                and not CHANGE_WORDS.search(f.label)
                and not in_parentheses(para.text, f.local)
            ]
            if not bases:
                continue
            base = bases[-1]
            exact = base.value * (1 + rate.value / _HUNDRED) / projected.scale
            formula = f"{projected.text} = {base.text} × (1 + {rate.text})"
            tied = "“按…增长…测算，将达到”：基数 × (1 + 增长率)"
            checks.append(check(citer, "projection", formula, projected, exact, tied, [base, rate]))
    return checks


# ---- straight-line depreciation -----------------------------------------------------------------------------------

_ORIGINAL = re.compile(r"原值(?:为|约|共)?$")
_LIFE = re.compile(
    r"(?P<n>\d+)\s*年(?:的)?(?:折旧年限|使用年限|折旧期)|(?:折旧年限|使用年限|折旧期)(?:为|按)?(?P<m>\d+)\s*年"
)
_RESIDUAL = re.compile(r"^的?(?:预计)?(?:净)?残值率")
_YEARLY = re.compile(r"年折旧额(?:为|约|是)?$")


def depreciation_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "原值A，折旧年限N年，残值率r%，年折旧额D": D = A × (1 − r) ÷ N (no residual stated: r = 0)."""
    checks = []
    for para in view.paras:
        for yearly in (f for f in para.figs if f.family == "元" and _YEARLY.search(_lead(para, f))):
            start, _ = _sentence(para, yearly)
            previous_start = sentence_bounds(para.text, max(start - 1, 0), "。")[0]
            before = [f for f in para.figs if previous_start <= f.local < yearly.local]
            original = [f for f in before if f.family == "元" and _ORIGINAL.search(_lead(para, f))]
            lives = list(_LIFE.finditer(para.text, previous_start, yearly.local))
            residual = [f for f in before if f.family == "%" and _RESIDUAL.match(f.after)]
            if len(original) != 1 or len(lives) != 1 or len(residual) > 1:
                continue
            years = int(lives[0]["n"] or lives[0]["m"])
            rate = residual[0].value / _HUNDRED if residual else Decimal(0)
            if not years:
                continue
            exact = original[0].value * (1 - rate) / years / yearly.scale
            kept = f" × (1 − {residual[0].text})" if residual else ""
            formula = f"年折旧额 {yearly.text} = {original[0].text}{kept} ÷ {years}年"
            tied = "“原值…折旧年限…残值率…年折旧额”：直线法"
            checks.append(check(citer, "depreciation", formula, yearly, exact, tied, original + residual))
    return checks


# ---- a matching ratio "1:x" ---------------------------------------------------------------------------------------

_MATCHING = re.compile(
    r"(?P<a>[\u4e00-\u9fff]{2,12})(?:与|和|同)(?P<b>[\u4e00-\u9fff（）()、]{2,24}?)(?:的|之)?"
    r"(?:配比|配套比例|比例|比)(?:为|是|约为|达到)?\s*1\s*[:：]\s*(?P<x>\d+(?:\.\d+)?)"
)


def _named_once(para: Para, words: str) -> Fig | None:
    """The one money figure of the paragraph the words name (all figures so named agree)."""
    words = re.sub(r"[（(][^）)]*[）)]", "", words)
    named = [f for f in para.figs if f.family == "元" and words and f.label.endswith(words)]
    if not named:
        named = [f for f in para.figs if f.family == "元" and words and words in f.label]
    return named[0] if len({f.value for f in named}) == 1 else None


def matching_ratio_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    checks = []
    for para in view.paras:
        for match in _MATCHING.finditer(para.text):
            first, second = _named_once(para, match["a"]), _named_once(para, match["b"])
            if first is None or second is None or first is second or not first.value:
                continue
            stated = _bare(view, para, match, "x")
            if stated is None:
                continue
            exact = second.value / first.value
            formula = f"配比 1:{stated.text} = {second.text} ÷ {first.text}"
            tied = "“甲与乙的配比为1:x”：乙 ÷ 甲"
            checks.append(check(citer, "matching_ratio", formula, stated, exact, tied, [first, second]))
    return checks


# ---- a share of a share --------------------------------------------------------------------------------------------

_USED_FOR = re.compile(r"^(?:用于|投向|安排(?:用于)?|拨付(?:给)?)")
_WITHIN = re.compile(r"中(?:又|再)?(?:有|的)?$|(?:其中|部分中)(?:又|再)?(?:有)?$")
_SHARE_OF = re.compile(r"占(?P<whole>[^，。；占]{2,20}?)的(?:比重|比例)?(?:为|约|达)?$")


def nested_share_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "资金的a%用于甲，甲中又有b%用于乙，乙占资金的c%": c = a × b, the whole the first share is of."""
    checks = []
    for para in view.paras:
        for share in (f for f in para.figs if f.family == "%"):
            of = _SHARE_OF.search(_lead(para, share))
            if not of:
                continue
            start, _ = _sentence(para, share)
            earlier = [f for f in para.figs if start <= f.local < share.local and f.family == "%"]
            if len(earlier) != 2 or not all(_USED_FOR.match(f.after) for f in earlier):
                continue
            outer, inner = earlier
            if not _WITHIN.search(_lead(para, inner)):
                continue
            whole_words = _content_words(of["whole"])
            if not whole_words or not whole_words & _content_words(_lead(para, outer)):
                continue
            exact = outer.value * inner.value / _HUNDRED
            formula = f"占比 {share.text} = {outer.text} × {inner.text}"
            tied = "“…的a%用于甲，甲中又有b%用于乙”：比例连乘"
            checks.append(check(citer, "nested_share", formula, share, exact, tied, [outer, inner]))
    return checks


def _content_words(text: str) -> set[str]:
    return bigrams(text) - {"资金", "支出", "部分", "用于"}


# ---- interest on a loan --------------------------------------------------------------------------------------------

_ANNUAL_RATE = re.compile(r"年(?:贴息|利)率(?:为|是|约)?$|^的?年(?:贴息|利)率")
_LOAN = re.compile(r"贷款(?:金额|本金)?(?:为|共|计)?$")
_INTEREST = re.compile(r"(?:贴息|利息)(?:资金|金额|额)?(?:为|共|计|约)?$")
_TERM = re.compile(r"(?:期限|贴息期|计息期)(?:为|约)?(?P<n>\d+)\s*个月")


def interest_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "贷款A，期限N个月，贴息I" with one annual rate of subsidy stated: I = A × rate × N ÷ 12 (a year if no
    months are stated)."""
    rates = [f for p in view.paras for f in p.figs if f.family == "%" and _ANNUAL_RATE.search(_lead(p, f))]
    if len({f.value for f in rates}) != 1:
        return []
    rate = rates[0]
    checks = []
    for para in view.paras:
        for interest in (f for f in para.figs if f.family == "元" and _INTEREST.search(_lead(para, f))):
            start, _ = _sentence(para, interest)
            loans = [f for f in para.figs if start <= f.local < interest.local and f.family == "元"]
            loans = [f for f in loans if _LOAN.search(_lead(para, f))]
            term = list(_TERM.finditer(para.text, start, interest.local))
            if len(loans) != 1 or len(term) > 1:
                continue
            months = int(term[0]["n"]) if term else 12
            exact = loans[0].value * rate.value / _HUNDRED * months / 12 / interest.scale
            formula = f"贴息 {interest.text} = {loans[0].text} × {rate.text} × {months}/12"
            tied = "“贷款…年贴息率…期限N个月”：本金 × 年率 × 月数 ÷ 12"
            checks.append(check(citer, "interest", formula, interest, exact, tied, [loans[0], rate]))
    return checks


# ---- a static payback period ---------------------------------------------------------------------------------------

_PAYBACK = re.compile(r"(?:静态)?(?:投资)?回收期(?:约|为|约为)*$")
_NET_INCOME = re.compile(r"净收益|净收入|净现金流量?")
_INVESTMENT = re.compile(r"总投资(?:额)?(?:为|约|共)?$")
_REVISED = re.compile(r"核减|核增|调整|审定|核定|评审")


def payback_checks(view: ReportView, citer: Citer) -> list[AuditCheck]:
    """ "年净收益N，投资回收期T年": T = the project's total investment (one value as first stated,
    before any revision) ÷ N."""
    investments = [
        f
        for p in view.paras
        for f in p.figs
        if f.family == "元" and _INVESTMENT.search(_lead(p, f)) and not _REVISED.search(_lead(p, f))
    ]
    if len({f.value for f in investments}) != 1:
        return []
    investment = investments[0]
    checks = []
    for para in view.paras:
        text = para.text
        for match in re.finditer(r"(?P<n>\d+(?:\.\d+)?)\s*年", text):
            if not _PAYBACK.search(text[max(0, match.start() - 14) : match.start()]):
                continue
            nets = [f for f in para.figs if f.end - para.start <= match.start() and f.family == "元"]
            nets = [f for f in nets if _NET_INCOME.search(_lead(para, f))]
            if not nets or not nets[-1].value:
                continue
            stated = _bare(view, para, match, "n")
            if stated is None:
                continue
            exact = investment.value / nets[-1].value
            formula = f"回收期 {stated.text}年 = {investment.text} ÷ {nets[-1].text}"
            tied = "“净收益…投资回收期”：总投资 ÷ 年净收益"
            checks.append(check(citer, "payback", formula, stated, exact, tied, [investment, nets[-1]]))
    return checks


def _bare(view: ReportView, para: Para, match: re.Match[str], group: str) -> Fig | None:
    """A figure the figure reader leaves out (a number of years, the x of "1:x"), at a match in the paragraph."""
    at, end = para.start + match.start(group), para.start + match.end(group)
    raw_start, raw_end = view.parsed.normalized.raw_span(at, end)
    return make_fig(
        match[group],
        "",
        match[group],
        start=at,
        end=end,
        raw_start=raw_start,
        raw_end=raw_end,
        para=para.index,
        local=match.start(group),
        label=para.text[max(0, match.start(group) - 12) : match.start(group)],
    )
