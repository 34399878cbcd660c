"""The words that tie figures, read from the general vocabulary (ingest/vocabulary.toml) and the genre."""

from __future__ import annotations

import re

from assistant.audit_relations.text import Fig, Para
from ingest.vocabulary import vocabulary

# Filler and function words left out when comparing what two figures are about.
_FILLER = re.compile(
    r"[\d,.%\s]|的|了|为|是|达到|达|约|共计|共|合计|累计|其中|已|有|该|这|此|上述|前述|综上|全年|年内|截至|年底|年末"
    r"|本年度|年度|全部|各|计|按|在|中|对|与|和|及|并|将|其|上年|同年|为止|实现|完成了|“|”"
)
# A change word that heads a name ("质量提升工程", "能力提升行动", "工业增加值") names a thing, not a change.
CHANGE_WORDS = re.compile(
    r"(?:增长|下降|减少|增加|提高|降低|提升|上升|回落|增幅|降幅|压减|减幅|涨幅|下滑|缩减)"
    r"(?!工程|行动|项目|计划|专项|资金|工作|活动|改造|建设|试点|示范|补助|值|类|型)"
)
LEVEL_AFTER_CHANGE = re.compile(r"(?:增长|下降|减少|增加|提高|降低|提升|上升|压减|调减|调增|追加)(?:至|到)$")
# "日均约614人次", "月均", "人均", "平均每…": an average of a total, never the total nor one of its parts
AVERAGED = re.compile(r"[人日月周年户季]均|平均")


def name_of(para: Para, fig: Fig) -> str:
    """The words naming a figure: its clause, or the clause before a colon ("完成率：86.89%")."""
    if fig.label:
        return fig.label
    before = para.text[: fig.local].rstrip()
    if before.endswith(("：", ":")):
        head = re.split(r"[，。；、（(]", before[:-1])[-1]
        return head
    return ""


def metric(label: str) -> str | None:
    return vocabulary().metric_of(label)


def qualifiers(text: str) -> frozenset[str]:
    return vocabulary().qualifiers_of(text)


def is_budget(fig: Fig) -> bool:
    return metric(fig.label) == "预算" or bool(
        re.search(
            r"应到位|应拨付|应配套|应筹集|计划投资|下达|批复|安排(?:[\u4e00-\u9fff]{0,4}(?:资金|经费))?(?:为|了)?$|(?:追加|调整|调减|调增|增加)(?:至|为|到)$",
            fig.label,
        )
    )


def is_spend(fig: Fig) -> bool:
    label = fig.label
    return metric(label) == "支出" or bool(re.search(r"执行|支出|拨付|支付|使用|列支|兑付", label))


def is_target(fig: Fig) -> bool:
    """A planned quantity: "年度目标值85公里", "计划完成12,500户", "6.8平方公里的年度目标"."""
    return (
        "目标" in qualifiers(fig.label)
        or bool(re.search(r"应[^用]|计划|目标|任务|指标值", fig.label))
        or bool(re.match(r"的(?:年度)?(?:目标|计划|任务)", fig.after))
    )


def content(text: str) -> str:
    return _FILLER.sub("", text)


def bigrams(text: str) -> set[str]:
    text = content(text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def previous_year_cue(para: Para, fig: Fig) -> bool:
    """The figure is last year's: "较上年的26.4万吨", "上年为…", "（2022年为…）", "上年同期…", "由上年的…"."""
    window = para.text[max(0, fig.local - 12) : fig.local]
    window = window[max((m.end() for m in re.finditer(r"[，。；]", window)), default=0) :]
    return bool(re.search(r"上年|去年|上一年|同期|前一年|上年度", window))


def sentence_bounds(text: str, position: int, stops: str = "。；") -> tuple[int, int]:
    start = max((text.rfind(s, 0, position) for s in stops), default=-1) + 1
    ends = [text.find(s, position) for s in stops]
    ends = [e for e in ends if e >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def in_parentheses(text: str, position: int) -> bool:
    head = text[:position]
    return max(head.rfind("（"), head.rfind("(")) > max(head.rfind("）"), head.rfind(")"))
