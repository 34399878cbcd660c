"""What a question asks for: the kind of figure (by unit), named years and departments.

These are the constraints an answer must meet; the answerer refuses rather than answer a
question about 2022 from a 2023 passage, or a question about 教育局 from another bureau's report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tokenize import jieba_tokenizer, words

# "2023年", "2023?", "in 2023", and in English a year before a noun ("the 2023 project").
_YEAR = re.compile(
    r"(20\d{2})\s*年|(?<![\d.])(20\d{2})(?=\s*(?:year|年度|$|[?？,，.。]))|(?<=in )(20\d{2})\b"
    r"|(?<=the )(20\d{2})(?=\s+[a-z])"
    # "24年钱花完了没": a year of this decade written with two digits, not a span ("近20年", "这20年").
    r"|(?<![\d.近这前过多几第满成已有])(2\d)\s*年(?![代前后来间内里])",
    re.I,
)
_DEPARTMENT_SUFFIX = re.compile(r"(?:委员会|办公室|局|委|中心|厅)$")
_DEPARTMENT_NAME = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:委员会|办公室|局|委|中心|厅)")
# "广州市示例区样例局" -> "样例局"; "2023年人社局" -> "人社局": keep the department's own name.
_ADMIN_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?[省市区县](?=[\u4e00-\u9fff]{2}))+")
_LEADING_PARTICLES = re.compile(r"^(?:去年|今年|上年|本年|当年|前年|年度|年|的|在|和|与|及|里|中|对)+")
# No department's name holds these: "清淤支出占澜汐区水务局…" names the bureau after 占, not the spending before it.
_NOT_IN_NAMES = re.compile(r"[占的是在把被给向比较从]")
# "哪几个科室" asks which ones, not how many.
_COUNTER = re.compile(
    r"(?:多少|(?<!哪)几)(公里|平方米|公顷|立方米|千米|公斤|千克|课时|学时|[人户件批]次|[\u4e00-\u9fff])"
)

# Units an answer may carry for each kind of question (a figure's unit must end with one).
_UNIT_CUES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(
            r"多少钱|金额|总额|投资|花了|花出|万元|(支出|收入|预算|拨款|经费|资金)[^，。？?率]{0,6}(多少|几)"
            r"|(?<!by )how much|budget|spen[dt]|expenditure|income|revenue",
            re.I,
        ),
        ("元",),
    ),
    (re.compile(r"百分之|率|比例|percent|rate", re.I), ("%",)),
    (re.compile(r"得分|分数|几分|多少分|打分|score", re.I), ("分",)),
    (re.compile(r"多久|多长时间|用时|几天", re.I), ("天", "日", "小时", "月", "年")),
    (re.compile(r"how many (people|persons|workers|students)|人数", re.I), ("人", "名", "人次")),
)
_COMPARISON = re.compile(r"比较|对比|相比|变化|各部门|哪些部门|哪个部门|哪些单位|排名|排序|逐年|历年")
_REPORT_TYPE_CUES = (
    (re.compile(r"部门整体"), "部门整体支出绩效自评"),
    (re.compile(r"项目支出绩效|项目自评报告"), "项目支出绩效自评"),
)
_MEASURE_WORDS = set("人名家个宗件场张套项次户所期批篇条台辆亩元天吨座处栋间册门笔斤") | {
    "公里",
    "平方米",
    "公顷",
    "立方米",
    "千米",
    "公斤",
    "千克",
    "课时",
    "学时",
    "人次",  # "多少人次" counts visits, not people ("472人" does not answer it)
    "户次",
    "件次",
    "批次",
}
# 个 stands for any classifier in speech: "在岗几个" asks a count written "236名", "建了几个" one written "12座".
_COUNTER_UNITS = {
    "人": ("人", "名", "人次"),
    "名": ("名", "人"),
    "家": ("家", "家次"),
    "个": ("个", "个次", "名", "人", "家", "所", "项", "处", "座", "支", "台", "辆", "户"),
}


@dataclass(frozen=True)
class QuestionIntent:
    years: tuple[int, ...]
    departments: tuple[str, ...]
    units: tuple[str, ...]  # empty: the question does not ask for a figure of a known kind
    compares: bool = False  # several years or departments, or words of comparison / ranking
    report_types: tuple[str, ...] = ()  # "部门整体…" asks about the department-wide report
    # Places the archive's reports are of that the question names beside a department ("示例区教育局"): the
    # department's name alone fits every district's bureau of that name.
    places: tuple[str, ...] = ()


def read_question(question: str) -> QuestionIntent:
    units: list[str] = []
    for pattern, cue_units in _UNIT_CUES:
        if pattern.search(question):
            units.extend(cue_units)
    for counter in _COUNTER.findall(question):
        if counter in _MEASURE_WORDS:
            units.extend(_COUNTER_UNITS.get(counter, (counter,)))
    departments = []
    names = [w for w in words(question) if _DEPARTMENT_SUFFIX.search(w)] + _DEPARTMENT_NAME.findall(question)
    for name in names:
        core = _without_place(_LEADING_PARTICLES.sub("", _NOT_IN_NAMES.split(name)[-1]))
        if len(core) >= 2:
            departments.append(core)
    years = tuple(dict.fromkeys(_full_year(next(g for g in m if g)) for m in _YEAR.findall(question)))
    # One department found twice ("例局" inside "样例局") counts once: keep the longest name.
    departments = [d for d in dict.fromkeys(departments) if not any(d != o and d in o for o in departments)]
    return QuestionIntent(
        years=years,
        departments=tuple(departments),
        units=tuple(dict.fromkeys(units)),
        compares=len(years) > 1 or len(departments) > 1 or bool(_COMPARISON.search(question)),
        report_types=tuple(kind for cue, kind in _REPORT_TYPE_CUES if cue.search(question)),
    )


def blank_years(text: str) -> str:
    """The text with each year expression blanked out, offsets kept: "25年花的" must not read as "年花"."""
    return _YEAR.sub(lambda m: " " * len(m.group()), text)


def _full_year(digits: str) -> int:
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _without_place(name: str) -> str:
    """The department's own name without the place before it ("广州市示例区样例局" -> "样例局"), keeping a 市/区
    that starts a word of the name ("槐川市场监管局" -> "市场监管局", not "场监管局")."""
    place = _ADMIN_PREFIX.match(name)
    if place is None:
        return name
    end = place.end()
    if jieba_tokenizer().FREQ.get(name[end - 1 : end + 1], 0) > 0:
        end -= 1  # "市场", "区域", "县域": the character starts a word of the name, it ends no place
    return name[end:]


def is_abbreviation(short: str, full: str) -> bool:
    """ "人社局" abbreviates "人力资源和社会保障局": its characters appear in order."""
    position = 0
    for ch in short:
        position = full.find(ch, position)
        if position < 0:
            return False
        position += 1
    return True
