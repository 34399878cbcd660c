"""Figure facts: every stated figure with what it measures, of what, when, and how qualified.

"2.学生资助补助经费 > 2024年预算安排3,712.40万元，全年支出3,627.85万元，执行率97.72%" gives three facts:
预算 3,712.40万元 (2024), 支出 3,627.85万元, 执行率 97.72%, all of the subject "学生资助补助经费".
The metric comes from the general vocabulary (ingest/vocabulary.toml) or, for any "X率" the report
names, from the word itself; the subject comes from the section path and the sentence's own head.
Facts derive deterministically from a chunk's stored sentences and section path, so they travel with
the index without a second store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.figure_text import find_figures
from ingest.numbers import Quantity, parse_quantity
from ingest.structure import TABLE_ROW
from ingest.tables import TABLE_UNIT, caption_unit
from ingest.vocabulary import RATE_WORD, vocabulary

NOT_MEASURES = ("年", "年度", "月", "日", "分钟")  # dates, and "15分钟服务圈" (a name, not a score)
CLAUSE_START = re.compile(r"[，。；：:、（(）)“”]|,(?!\d)")  # an ASCII comma before a digit is a thousands separator
_LEADING = re.compile(r"^(?:其中|共|累计|全年|截至目前|目前|已|并|同时|先后|合计|另)+")
_TRAILING = re.compile(r"(?:为|达到|达|是|共计|共|合计|约|超过|超|近|计)+$")
_NUMBER = re.compile(r"^[\d,]+(?:\.\d+)?")
_YEAR = re.compile(r"(20\d{2})\s*年(?!度?[）)]?》)")
_CELL = re.compile(r"(?:^|[｜，])(?P<header>[^｜，：]{1,20})：(?P<value>[^，。｜]+)")
_CELL_FIGURE = re.compile(r"([\d,]+(?:\.\d+)?)(\S{0,4})")
_ORDINAL_HEADER = re.compile(r"序号|编号|序|排序|排名|No\.?", re.I)
_DIGIT = re.compile(r"\d")
# The head of an indicator line: "1.新增公办中小学学位数：年初目标值为…" names what the line is about.
_SENTENCE_HEAD = re.compile(r"^(?:[（(]?\d{1,2}[）).．、]\s*)?(?P<head>[^：:，。；]{2,30})[：:]")
# A section that names one project, fund or work item rather than the department as a whole.
_NAMED_ITEM = re.compile(r"(项目|经费|资金|工程|专项|补助|补贴|计划|行动|服务|建设|改造)[。.]?$")
# "由上年的31%提高到46%", "从2024年的518人次增加至642人次": the figure after the move is this period's value.
_MOVED_TO = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|回落)(?:到|至)\s*$")
# "…达到83.6%，2022年该指标为79.9%": a figure of the measure named before it in the sentence.
# So is a figure labelled only by the year it is compared with: "支出880.00万元，较2024年度的812.50万元".
_REFERS_BACK = re.compile(
    r"(?:该|此|这一|这个|同一)(?:项|个)?(?:指标|比例|比率|数值|数据|数字|指数)"
    r"|^(?:较|比|与|同)(?:上年|去年|上一年|上年度|20\d{2}年度?)(?:同期)?的?$"
)
# A bound is a target or a standard, not a measurement: "不低于90%", "≥95%", "90分（含）以上".
_BOUND_BEFORE = re.compile(r"(?:不低于|不少于|不高于|不超过|不超出|控制在|≥|≤|>=|<=)\s*$")
_BOUND_AFTER = re.compile(
    r"^\s*(?:[（(]含[）)]\s*(?:以上|以下|以内|至|到)|(?:以上|以下)?\s*(?:至|到|为)\s*[“\"「]?[优良中差好]|以上为|以下为"
    r"|的?(?:年度|预期|计划|绩效)?目标|的(?:年度|预期|计划|绩效)?(?:计划|任务))"
)  # "90分（含）以上", "60分以下为“差”" (a grading scale); "未达到20公里的年度目标", "下达的127万亩目标任务"
_LIST_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])\s*")


@dataclass(frozen=True)
class FigureFact:
    """One stated figure of a sentence; offsets are into the sentence."""

    text: str  # as written, spaces removed: "9,896.45万元"
    quantity: Quantity
    metric: str | None  # vocabulary name ("执行率"), a stated rate word ("本科上线率"), or None
    label: str  # the words that name the figure in its clause
    qualifiers: frozenset[str]  # 目标 / 实际 / 上年 / 调整后
    year: int | None  # a year stated in the figure's clause; None: the report's year
    start: int
    end: int

    @property
    def kind(self) -> str:
        unit = self.quantity.unit
        if unit == "%" or unit.endswith("百分点"):
            return "rate"
        if unit == "分":
            return "score"
        if unit.endswith("元"):
            return "amount"
        return "count"


# "占…的x%": the percentage is a share of the whole named after 占 (not 占用, 占地)
_SHARE_OF = re.compile(r"占(?![用地有])[^，。；]*$")


def figure_label(sentence: str, position: int) -> str:
    """Words before `position` back to the start of the clause, trimmed of filler.

    Inside parentheses ("13,581人（任务数10,500人，完成率129%）") the subject in front of them is kept:
    "城镇新增就业 · 任务数".
    """
    head = sentence[:position]
    cut = max((m.end() for m in CLAUSE_START.finditer(head)), default=0)
    label = _TRAILING.sub("", _LEADING.sub("", head[cut:].strip()))
    open_paren = max(head.rfind("（"), head.rfind("("))
    if open_paren > max(head.rfind("）"), head.rfind(")")):
        subject = figure_label(sentence, open_paren)
        subject = _TRAILING.sub("", re.sub(r"[\d,.]+\s*\S{0,2}$", "", subject))
        if subject:
            label = f"{subject} · {label}" if label else subject
    return label


def metric_of(label: str, unit: str) -> str | None:
    """What a figure with this label and unit measures."""
    named = vocabulary().metric_of(label)
    if unit == "%":
        rate_words = RATE_WORD.findall(label)
        if rate_words and (named is None or vocabulary().metrics[named].kind != "rate"):
            return _shortest_rate(rate_words[-1])
        if _SHARE_OF.search(label) and (named is None or vocabulary().metrics[named].kind != "rate"):
            return "占比"  # "占调整后预算的92.37%", "第四季度支出占全年支出的33.60%": a share, not the whole it is of
    return named


def _shortest_rate(word: str) -> str:
    """'课后服务学生参与率' -> '参与率' when the vocabulary lists none of it: the suffix that names the rate."""
    named = vocabulary().metric_of(word)
    if named is not None and vocabulary().metrics[named].kind == "rate":
        return named
    return word[-3:] if len(word) > 3 else word


def _clause_year(sentence: str, position: int) -> int | None:
    head = sentence[:position]
    cut = max((m.start() for m in re.finditer(r"[。；]", head)), default=0)
    years = _YEAR.findall(head[cut:])
    return int(years[-1]) if years else None


def _occurrences(sentence: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, figure text, unit) of each figure with a unit; table rows labelled row · column."""
    row = TABLE_ROW.match(sentence)
    if row:
        caption = row.group(1)
        cells = list(_CELL.finditer(sentence, row.end() - 1))  # from the "｜" that opens the first cell
        row_name = _row_name(cells)
        found = []
        for cell in cells:
            figure = _CELL_FIGURE.fullmatch(cell["value"])
            if figure is None:
                continue
            # A bare cell takes the unit its column header or the table's caption states ("（单位：万元）").
            header_unit = TABLE_UNIT.search(cell["header"])
            unit = figure.group(2) or (header_unit.group(1) if header_unit else caption_unit(caption, cell["header"]))
            if unit:
                label = f"{row_name} · {TABLE_UNIT.sub('', cell['header'])}" if row_name else cell["header"]
                found.append((cell.start("value"), cell.end("value"), label, figure.group(0), unit))
        return found
    found = []
    for match in find_figures(sentence):
        text = re.sub(r"\s+", "", match.group(0))
        unit = text[len(_NUMBER.match(text).group(0)) :]
        if unit and unit not in NOT_MEASURES:
            found.append((match.start(), match.end(), figure_label(sentence, match.start()), text, unit))
    return found


def _row_name(cells: list[re.Match[str]]) -> str:
    """What a table row is about: its last name before any figure ("一级指标：产出，…，三级指标：新建面积，…"
    is the row of 新建面积); a row number ("序号：3") is no figure of it."""
    name = ""
    for cell in cells:
        if _ORDINAL_HEADER.fullmatch(cell["header"]) and _DIGIT.search(cell["value"]):
            continue  # "序号：3"; but "序号：合计" names the row of the total
        if _DIGIT.search(cell["value"]):
            break
        name = cell["value"]
    return name


def sentence_facts(sentence: str) -> list[FigureFact]:
    """The figure facts a sentence states, in order."""
    facts = []
    for start, end, label, text, unit in _occurrences(sentence):
        quantity = parse_quantity(text if text.endswith(unit) else text + unit)
        if quantity is None:
            continue
        clause = sentence[max((m.end() for m in CLAUSE_START.finditer(sentence[:start])), default=0) : start]
        if not label and facts and sentence[:start].rstrip().endswith("、"):
            label = facts[-1].label  # "分值分别为15分、20分、30分": each item of a list has the list's label
        qualifiers = vocabulary().qualifiers_of(clause + label) | _bound(sentence, start, end)
        antecedent = _antecedent(facts, quantity.unit) if _REFERS_BACK.search(label) else None
        if antecedent is not None:
            label, qualifiers = antecedent.label, qualifiers | antecedent.qualifiers
        year = _clause_year(sentence, start)
        moved = sentence[facts[-1].end : start] if facts else ""
        if _MOVED_TO.search(moved) and not _YEAR.search(moved):
            qualifiers, year = qualifiers - {"上年"}, None  # the words of the earlier value are not its own
        facts.append(
            FigureFact(
                text=text,
                quantity=quantity,
                metric=metric_of(label, quantity.unit),
                label=label,
                qualifiers=qualifiers,
                year=year,
                start=start,
                end=end,
            )
        )
    return facts


def _antecedent(facts: list[FigureFact], unit: str) -> FigureFact | None:
    """The latest measured (not target) figure of the same unit: what "该指标" points back to."""
    return next(
        (f for f in reversed(facts) if f.metric and f.quantity.unit == unit and "目标" not in f.qualifiers), None
    )


def _bound(sentence: str, start: int, end: int) -> frozenset[str]:
    if _BOUND_BEFORE.search(sentence[:start]) or _BOUND_AFTER.match(sentence[end:]):
        return frozenset({"目标"})
    return frozenset()


def sentence_head(sentence: str) -> str:
    """The subject a sentence announces before a colon ("新增公办中小学学位数"), else ''."""
    match = _SENTENCE_HEAD.match(sentence)
    return match.group("head") if match else ""


def heading_name(heading: str) -> str:
    """A heading without its list number: "2.学生资助补助经费。" -> "学生资助补助经费"."""
    return _LIST_NUMBER.sub("", heading).strip("。. ")


def section_subject(section_path: tuple[str, ...]) -> str:
    """The project or work item a section is about ('' for the department as a whole)."""
    for heading in reversed(section_path[1:]):
        name = heading_name(heading)
        if _NAMED_ITEM.search(name) and vocabulary().role_of_heading(name) is None:
            return name
    return ""
