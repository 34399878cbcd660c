"""Answer "数字有没有对不上的？" / "执行率算得对吗？" from the arithmetic audit, with citations.

The answer quotes the figures the report states (the formula's parts and the stated result); the
recomputed value and the difference of a check found wrong are marked as computed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck, Verdict
from assistant.figures import FigureCheck, check_figures, contains_figure
from ingest.models import ParsedDocument
from ingest.normalize import compact
from ingest.numbers import format_number

# Consistency questions in their ordinary wordings. "加起来" alone asks for a sum ("两块加起来花了多少"),
# so it counts only with a word that asks whether the sum holds.
AUDIT_QUESTION = re.compile(
    r"对不上|对得上|对不对|算得?对|算错|算得?准|核对|复算|复核|勾稽|矛盾|一致吗|是否一致|一不一致|前后一致|"
    r"有没有错|有无错|错没错|错了吗|准确吗|正确吗|是否正确|对不对得上|相符|吻合|"
    r"有误|有没有误|出错|差错|核得上|核不上|对应得上|对应不上|对应吗|平不平|一样吗|是否一样|不一样|相同吗|"
    r"算得?没问题|没算错|能对上|对上了?吗|"
    r"(?:加起来|加总|合起来|相加|之和)[^多少几]{0,8}(?:对|等于|一致|相符|吻合|是不是|符合)|"
    r"(?:率|合计|总计|总数|之和|得分|总分|占比|增长|增幅|降幅)[^，。？?]{0,8}对吗|"
    r"数字.{0,4}(?:问题|错误)|"
    r"\b(?:is (?:it|this|that|the [a-z ]{1,30}) (?:right|correct)|adds? up|double[- ]check"
    r"|check (?:the|whether|if|that)|(?:in)?consistent|verify)\b",
    re.IGNORECASE,
)
_KIND_WORDS = (
    ({"execution_rate", "arrival_rate", "table_rate", "table_cumulative"}, re.compile(r"执行率|到位率|进度|execution")),
    ({"completion_rate", "table_rate"}, re.compile(r"完成率|达成率|completion")),
    ({"closure_rate"}, re.compile(r"结案率|办结率")),
    ({"rate"}, re.compile(r"(?<!执行|完成|达成|结案|办结|到位|增长)率|满意度|覆盖面")),
    ({"balance"}, re.compile(r"结余|结转|余额|剩余|balance")),
    ({"share", "table_share"}, re.compile(r"占比|比重|占了|所占|share|proportion")),
    ({"change"}, re.compile(r"增长|下降|增幅|降幅|同比|比上年|较上年|上年|去年|百分点|growth|year")),
    (
        {"total", "table_total"},
        re.compile(r"合计|总数|总收入|总支出|加起来|加总|总额|分项|之和|小计|其中|total|sum|add"),
    ),
    ({"score", "mean", "total", "table_total"}, re.compile(r"得分|分数|评分|总分|平均|score")),
    ({"per_head", "average"}, re.compile(r"人均|每人|每户|标准|平均|均值|per capita|per head|average")),
    ({"repeat"}, re.compile(r"前后|两处|重复|两次|不同的数")),
    ({"periods", "total", "table_total", "table_cumulative"}, re.compile(r"季度|半年|全年累计|quarter")),
)
MAX_CHECKS_IN_ANSWER = 6


# "…为什么不一样？差额是什么？" asks the report's reason for a difference, not whether its arithmetic holds.
_ASKS_WHY = re.compile(r"为什么|为啥|怎么会|什么原因|原因是|\bwhy\b", re.IGNORECASE)


# "县里如何复核补贴名单？", "How does the bureau check the subsidy lists?": how the department checks its own
# work is asked, not whether the report's figures hold.
_ASKS_HOW_CHECKED = re.compile(
    r"(?:怎么|如何|怎样|咋)(?:样|么)?(?:进行|开展|做)?(?:核对|复核|复算|核查|审核|核实)"
    r"|^\W*how (?:does|do|did|will|can|should) [\w' -]{1,60}? (?:check|verify|review|inspect)(?:s|ed)?\b",
    re.IGNORECASE,
)


def is_audit_question(question: str) -> bool:
    return (
        AUDIT_QUESTION.search(question) is not None
        and _ASKS_WHY.search(question) is None
        and _ASKS_HOW_CHECKED.search(question) is None
    )


def asked_kinds(question: str) -> set[str]:
    """The relation kinds a question names (none: every kind)."""
    return {kind for kinds, pattern in _KIND_WORDS if pattern.search(question) for kind in kinds}


def _paragraph_citation(marker: int, parsed: ParsedDocument, check: AuditCheck) -> Citation:
    doc = parsed.normalized
    figures = (*check.sources, check.stated)
    # The passage runs from the paragraph of the first figure to that of the last, so every figure the
    # answer quotes (the formula's operands and the stated result) stands in the cited text.
    first, last = min(f.start for f in figures), max(f.start for f in figures)
    start = next((s for s, e in doc.paragraphs if s <= first < e), check.stated.start)
    end = next((e for s, e in doc.paragraphs if s <= last < e), check.stated.end)
    raw_start, raw_end = doc.raw_span(start, end)
    return Citation(
        marker=marker,
        doc_id=parsed.info.doc_id,
        title=parsed.info.title,
        source=parsed.info.source,
        section=check.stated.section,
        page_start=doc.page_at(start),
        page_end=doc.page_at(end - 1),
        raw_start=raw_start,
        raw_end=raw_end,
        passage=doc.text[start:end],
        raw_passage=doc.raw[raw_start:raw_end],
        quotes=(check.sentence,),
    )


def _recomputed_text(check: AuditCheck) -> str:
    """The recomputed value written as the stated figure is (same decimals and unit): "90.50%"."""
    stated = check.stated
    return format_number(Decimal(str(check.recomputed)), stated.decimals) + stated.unit


def _relevance(question: str) -> Callable[[AuditCheck], tuple[bool, int, bool]]:
    """How closely a check is what the question asks: it checks a figure the question writes ("参与率91.36%
    对得上吗"), it is about what the question names ("中小学校新建及改扩建工程项目的…分项"), it found an error."""
    asked = compact(question)
    words = {asked[i : i + 2] for i in range(len(asked) - 1)} - _ASKING_PAIRS

    def key(check: AuditCheck) -> tuple[bool, int, bool]:
        figures = (check.stated, *check.sources)
        writes = any(compact(f.text) in asked for f in figures if len(compact(f.text)) >= 3)
        sentence = compact(check.sentence)
        return (writes, sum(1 for pair in words if pair in sentence), check.verdict is Verdict.INCONSISTENT)

    return key


# two-character pieces of asking words, not of what is asked about
_ASKING_PAIRS = {"一致", "对得", "得上", "对不", "不上", "算得", "加起", "起来", "吗？", "多少", "是否", "有没", "没有"}


def _difference_text(check: AuditCheck) -> str:
    """How far the stated figure is from the recomputed one, written as the stated figure is: "20.00万元"."""
    stated = check.stated
    unit = "个百分点" if stated.unit == "%" else stated.unit  # two rates differ by points, not by a rate
    return format_number(abs(Decimal(str(check.difference))), stated.decimals) + unit


def _as_written(check: AuditCheck, passage: str) -> Callable[[str], str]:
    """Each figure as the cited passage writes it: a table cell "14.2" under a "得分" header or a caption's
    "单位：万元" is quoted bare, not as the audit reads it ("14.2分"), so every quoted figure is verbatim."""
    bare: dict[str, str] = {}
    for figure in (check.stated, *check.sources):
        unit = figure.unit
        if unit and figure.text.endswith(unit) and not contains_figure(passage, figure.text):
            number = figure.text[: -len(unit)]
            if contains_figure(passage, number):
                bare[figure.text] = number
    if not bare:
        return lambda text: text
    written = re.compile("|".join(rf"(?<![\d.,]){re.escape(t)}" for t in sorted(bare, key=len, reverse=True)))
    return lambda text: written.sub(lambda m: bare[m.group(0)], text)


def answer_from_audit(question: str, audited: list[tuple[ParsedDocument, list[AuditCheck]]]) -> Answer:
    started = time.perf_counter()
    kinds = asked_kinds(question)
    selected = [(parsed, check) for parsed, checks in audited for check in checks if not kinds or check.kind in kinds]
    # What the question is about first (stable: the report's order among equals)
    relevance = _relevance(question)
    selected.sort(key=lambda pair: relevance(pair[1]), reverse=True)
    if not selected:
        text = (
            "报告中没有找到可以复算的"
            + ("相应比率或合计" if kinds else "比率或合计")
            + "（原文没有把相关数字联系起来的表述）。"
        )
        return Answer(question, text, False, [], [], [], 1.0, time.perf_counter() - started)
    # Tallies are worded, not numbered: every number in an answer must be one the report states.
    verdicts = {check.verdict for _, check in selected}
    parts = ["发现与其组成部分对不上的数字：" if Verdict.INCONSISTENT in verdicts else "未发现对不上的数字。"]
    if Verdict.ROUNDING in verdicts:
        parts.append("标为“尾差”的相差不超过末位一个单位，多为四舍五入或截尾所致。")
    if Verdict.UNCERTAIN in verdicts:
        parts.append("标为“待核”的是原文没有说明已列全的分项，其和小于总数，请对照原文核实是否漏列。")
    by_place: dict[tuple[str, int], Citation] = {}
    computed: dict[str, str] = {}
    for parsed, check in selected[:MAX_CHECKS_IN_ANSWER]:
        citation = _paragraph_citation(len(by_place) + 1, parsed, check)
        citation = by_place.setdefault((citation.doc_id, citation.raw_start), citation)
        recomputed = ""
        if check.verdict is Verdict.INCONSISTENT:
            value, gap = _recomputed_text(check), _difference_text(check)
            computed[value] = computed[gap] = check.formula
            recomputed = f"，按原文各数复算应为{value}，相差{gap}（计算值）"
        as_written = _as_written(check, citation.passage)
        parts.append(
            f"{VERDICT_LABELS[check.verdict]}：{check.stated.label}{as_written(check.stated.text)}"
            f"（{as_written(check.formula)}）{recomputed}[{citation.marker}]"
        )
    parts.append("全部核对项及复算值、差额见“核对”页或 python -m assistant audit。")
    text = "\n".join(parts)
    citations = list(by_place.values())
    checks = [
        # A recomputed value is the audit's own result from cited operands, not a quote: marked as computed.
        FigureCheck(c.figure, c.cited, True, None, True, computed[c.figure]) if c.figure in computed else c
        for c in check_figures(text, {c.marker: c.passage for c in citations})
    ]
    return Answer(question, text, False, citations, checks, citations, 1.0, time.perf_counter() - started)
