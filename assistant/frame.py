"""Questions as frames: what is asked (look-up, list, compute, qualitative, audit), about which metric,
subject, scope and period.

Colloquial Chinese ("用掉多少钱"), English ("How much was spent") and traditional characters reach the
same frame through the field's general vocabulary (ingest/vocabulary.toml). What remains of the question
once its metric, role, qualifiers, question words, years and department are read is its subject: the
words an answer's context must contain (the project, the indicator, the group of people).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from jieba import posseg
from pypinyin import lazy_pinyin

from assistant.question import QuestionIntent, blank_years, read_question
from ingest.chinese import to_simplified
from ingest.tokenize import jieba_tokenizer, tokenize
from ingest.vocabulary import RATE_WORD, Entry, vocabulary

_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LIST = re.compile(r"哪些|有什么|都有啥|列举|几方面|几个方面|哪几|分别|what (are|were)|list", re.I)
_WHEN = re.compile(r"什么时候|何时|哪天|哪一天|几月|when\b", re.I)
_WHO = re.compile(r"是谁|谁是|叫什么名字|who\b", re.I)
# "哪个项目执行率最低", "Which project spent the most": the item with the greatest or least value is asked
_WHICH = re.compile(r"哪|\bwhich\b", re.I)
EXTREME_WORDS = {"max": "最(?:高|多|大|快|好|长|强)", "min": "最(?:低|少|小|慢|差|短|弱)"}
_MOST = re.compile(EXTREME_WORDS["max"] + r"|\b(?:highest|most|largest|biggest|greatest|best|fastest|longest)\b", re.I)
_LEAST = re.compile(EXTREME_WORDS["min"] + r"|\b(?:lowest|least|smallest|worst|slowest|shortest|fewest)\b", re.I)
# Words of a question that only say "this report" / "this project" (its subject is the report itself).
_SELF_REFERENCE = re.compile(
    r"(这个|该|本|这份|此|那个)(项目|报告|部门|单位|资金|专项)|评价(?:机构|组|工作组|方|团队)"  # the report's authors
)
_NUMBERS = re.compile(r"[\d.,%]+")
BUDGET_STAGES = frozenset({"年初", "调整后"})  # as first approved, as adjusted: a question may name one
_LATIN_TERM = re.compile(r"(?=(?:[\d.\-]*[a-z]){2})[a-z][a-z\d.\-]*")  # "pqi", "pm2.5", "app": two letters or more
# "光荣院跟烈士纪念设施两块一共花了多少": two named parts joined, asked together.
_JOINED_PARTS = re.compile(r"(?P<left>.+?)(?:以及|加上|和|跟|与|及|同|、|\band\b|&)(?P<right>.+)", re.I)
# "差了多少没到", "还有多少未到位", "没到账的有多少": money due that has not arrived.
_NOT_ARRIVED = re.compile(r"(?:没|未|没有|尚未)(?:足额)?(?:到位|到账|拨付到位|拨到位|拨下来|到)(?![期时])")
_LEFT_OVER = re.compile(r"年底|年末|年终|(?:没|未)(?:花|用|花掉|用掉|花完|用完|支出|使用)")
_EACH = re.compile(r"各(?:是|为|有|自|花了|用了|占)?(?:多少|几)|分别|\beach\b|respectively")
_TOTAL_ASKED = re.compile(
    r"一共|总共|合计|共计|总计|加起来|加在一起|合起来|in total|combined|altogether|together", re.I
)
_QUANTITY = re.compile(r"多少|几[个项次人家所]?|多大|how (?:many|much|big|large)", re.I)
# An English question that asks for a figure says so: "how much", "what amount", "the total", "what percentage".
_FIGURE_ASKED_EN = re.compile(
    r"how (?:many|much|big|large)|\b(?:amount|total|figure|sum|percent|percentage|rate|score|number)s?\b", re.I
)
# "资金是怎么拨付的", "补贴如何发放": the way money moves is asked, not an amount
_MANNER = re.compile(
    r"(?:怎么|如何|怎样|咋)(?:样|么)?(?:进行|来)?(?:拨付|拨|发放|发|支付|使用|用|花|管理|分配|兑付|核算)"
)
# "占支出的比例", "占水务局项目支出的比例": 占 earlier in the clause makes the ratio a share of what follows it.
_SHARE_OF = re.compile(r"占(?![用地有])[^，,。；;？?]{0,16}$")
_POSSESSIVE = re.compile(r"'s$|'$")
_SCRIPT = re.compile(r"<\s*(script|style)\b.*?(?:<\s*/\s*\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"<\s*/?\s*[a-z][^<>]{0,200}>", re.I)
# "跟2023年比", "比23年高了几分": the year after a comparison word is the base (two digits: a year of this decade).
_BASE_YEAR = re.compile(
    r"(?:跟|和|与|同|比|较|相比|对比)\s*(20\d{2}|2\d)\s*年度?(?=\s*(?:比|相比|比较|对比|的?时候|多|少|高|低|增|减|涨|降|提))"
)
# "比上年多了几户", "比23年高了几分", "较去年少了多少人": a comparative verb asked by how much, against a base.
_COMPARED = re.compile(r"比|较|相比|同比|上年|去年|前年|上一年")
_CHANGE_ASKED = re.compile(r"(?:多|少|高|低|增加|减少|提高|提升|下降|降低|上升|涨|降)了?(?:多少|几)")
_DEDUCTION = re.compile(
    r"[扣丢失]了?(?:几|多少)分|扣分多少|points?\b.*\b(?:lo(?:se|st)|deducted)\b|lo(?:se|st) (?:\S+ )?points", re.I
)
_BASE_YEAR_EN = re.compile(r"\b(?:compared (?:with|to)|than(?: in)?|versus|vs\.?|over)\s*(20\d{2})\b", re.I)
# "exceed its farmland retention target", "beat the 2024 enrolment goal": words may stand between verb and target.
_GAP_EN = re.compile(
    r"\b(?:exceed(?:ed|s)?|surpass(?:ed|es)?|beat|outperform(?:ed|s)?|overshot|miss(?:ed|es)?)\b"
    r"((?:\s+[\w'-]+){0,5}?)\s+(?:targets?|goals?)\b",
    re.I,
)
_CHANGE_EN = re.compile(
    r"\b(?:chang|increas|decreas|ris|rose|fell|fall|grow|grew|drop|improv|declin|climb|jump|went (?:up|down))\w*", re.I
)
# "一辆车多少钱", "人均多少", "每亩补多少": a per-unit figure is asked, not a total.
_PER_UNIT = re.compile(
    r"(?:一|每|单)(?:辆|个|台|家|人|户|所|套|座|亩|件|批|张|名|场|吨|平方米|公里|间|处)|单价|人均|户均|亩均|均价|平均每"
    r"|per (?:unit|person|capita|household|head|mu|vehicle)|unit (?:price|cost)|average cost",
    re.I,
)
# Endings of the name of one fee or subsidy ("农机购置补贴", "公务接待费"); 资金 and 基金 name no one sum.
_SUM_ENDINGS = ("补贴", "补助", "奖励", "奖补", "费", "金")
_QUOTED = re.compile(r"“[^”]{2,30}”|「[^」]{2,30}」|\"[^\"]{2,30}\"")
# "学校、医院这些单位": the words before 这些/这类/之类 are examples of the noun after it, which is
# what is asked about; a report may name the group without the examples.
_EXAMPLES = re.compile(r"[^，,。？?；;：:]*?(?:这些|这类|那些|之类的?|等等)(?=[\u4e00-\u9fff])")
# jieba part-of-speech tags of content words: nouns of every kind, verbal nouns, abbreviations, and
# the field's own dictionary words (tagged x).
_CONTENT_TAGS = ("n", "vn", "j", "x", "l")
# Tags of proper names: of a place, a body, a person or another named thing.
_NAME_TAGS = ("ns", "nt", "nr", "nz")
# A word built on a question word asks; it never names what is asked about ("哪几个", "干嘛", "怎么弄").
_ASKING = re.compile(r"哪|啥|咋|嘛|谁|什么|怎么|多少|如何")
# Any word by which a piece of Chinese asks something, yes-or-no included ("完成了吗", "是否达标").
ASKS_SOMETHING = re.compile(r"多少|几|哪|什么|啥|怎么|怎样|咋|如何|为何|是否|有没有|多大|多高|多久|多长|吗|呢|谁")
# Words for the unit of an answer ("几个百分点", "percentage points"): how a result is written, not what it is about.
_UNIT_WORD = re.compile(r"(?:个)?百?分点|百分比|[万亿]?元")
# "自评时说了哪些问题", "报告里提到了什么": the report's saying something is how a question is asked.
_REPORTING = re.compile(
    r"(?<=[时里中上])(?:说|讲|谈|写)(?:到|了|过)*|(?<=[时里中上])提(?:到|了|过)+|(?:说|讲|谈|写|提)(?:到|了|过)+(?=[哪什啥几])"
)


# "帮我把执行率改成100%", "将得分调整为95分后重新出报告", "Change the score to 95": a request to rewrite what a
# report states, not a question about it. Without a word that asks ("哪些经费改成了结转？" asks).
_EDIT_REQUEST = re.compile(
    r"(?:把|将)[^，。？?；;]{1,40}?(?:改成|改为|修改为|修改成|改写为|调成|调整为|调整成|换成|写成|填成|变成)"
    r"|(?:帮我|给我|替我|请|你)[^，。？?；;]{0,6}?(?:编造|捏造|伪造|篡改|虚构|杜撰|瞎编|编一?[份个套组篇条])"
    r"|^\s*(?:please\s+|can you\s+|could you\s+)?(?:change|alter|modify|edit|rewrite|falsify|fabricate|invent|"
    r"make up|fake)\b",
    re.I,
)


# Section roles whose words also say "planned" ("打算", "计划"): a quantity asked in a unit is not about them.
_PLAN_ROLES = ("measures", "targets", "achievements")


@dataclass(frozen=True)
class QuestionFrame:
    question: str  # as asked, sanitized, in simplified characters
    intent: str  # lookup | list | compute | qualitative | audit
    metrics: tuple[str, ...]  # vocabulary metric names, or rate words the question names ("失业率")
    role: str | None  # the section role a qualitative question asks about
    computation: str | None  # difference | gap | remaining | share | growth | sum
    qualifiers: frozenset[str]
    subject_terms: tuple[str, ...]  # the question's nouns: tokens an answer's context must contain
    # Its other words (verbs, times…): they count only where the reports use them ("退管" does, "开始" does not).
    soft_terms: tuple[str, ...]
    search_text: str  # the question with its Chinese expansions, for retrieval
    scope: QuestionIntent  # years, departments, units, report types, comparison
    english: bool = False
    unknown_words: tuple[str, ...] = ()  # English words the vocabulary does not know
    # Of those, the ones the archive writes in Chinese, or common English words (assistant/english_words.py).
    unknown_but_written: tuple[str, ...] = ()
    asks_when: bool = False
    asks_who: bool = False
    quarter: str | None = None  # "1".."4" or "H1": a period within the year the question names
    asks_quantity: bool = False  # a target or an actual asked "多少", whatever it counts
    per_unit: bool = False  # a per-unit figure is asked ("一辆车多少钱")
    named_sums: tuple[str, ...] = ()  # names of funds, fees or subsidies the question asks about
    # "A和B一共…", "A、B各多少": the subject words of each part the question names, summed or asked one by one
    parts: tuple[tuple[str, ...], ...] = ()
    names: tuple[str, ...] = ()  # subject terms that are proper names ("城关", "某某中心")
    # Words naming what an asked rate is of, written right before it ("验收" of 验收通过率, "药品" of 药品抽检合格率)
    rate_names: tuple[str, ...] = ()
    requests_edit: bool = False  # asks to change or invent a report's content, which no answer may do

    @property
    def absent_words(self) -> tuple[str, ...]:
        """Unknown English words that may name just what the reports lack."""
        return tuple(w for w in self.unknown_words if w not in self.unknown_but_written)

    @property
    def metric_kinds(self) -> frozenset[str]:
        metrics = vocabulary().metrics
        return frozenset(metrics[m].kind if m in metrics else "rate" for m in self.metrics)

    @property
    def asks_figure(self) -> bool:
        return bool(self.metrics or self.scope.units or self.computation or self.asks_quantity)

    @property
    def extreme(self) -> str | None:
        """ "哪个项目执行率最低" asks for the item of least value ("min"), "哪项完成率最高" the greatest ("max")."""
        if not _WHICH.search(self.question):
            return None
        most, least = _MOST.search(self.question), _LEAST.search(self.question)
        if bool(most) == bool(least):
            return None  # neither, or both ("哪家执行率最低、得分最高"): asked item by item, not one extreme
        return "max" if most else "min"

    @property
    def empty(self) -> bool:
        """Nothing a report could answer: no metric, no role, no subject. A figure asked of what a verb
        names ("罚没了多少钱") has a subject in that verb."""
        return not (
            self.metrics
            or self.role
            or self.subject_terms
            or self.computation
            or self.asks_quantity
            or (self.scope.units and self.soft_terms)
        )


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str  # metric | role | qualifier | compute | compound | report | phrase | general
    name: str


def _find(text: str, surfaces: tuple[tuple[str, str, str], ...]) -> list[_Hit]:
    """Every occurrence of each surface form; forms inside a longer found form are dropped."""
    hits = []
    words: set[tuple[int, int]] | None = None
    for surface, kind, name in surfaces:
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if len(surface) == 1 and _HAN.match(surface):
                # A one-character form is a word only where it stands alone: "占" in "占总预算", not in "占用".
                words = _word_spans(text) if words is None else words
                if (start, end) not in words:
                    start = text.find(surface, start + 1)
                    continue
            hits.append(_Hit(start, end, kind, name))
            start = text.find(surface, start + 1)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        if any(k.start <= hit.start and hit.end <= k.end and (k.end - k.start) > (hit.end - hit.start) for k in kept):
            continue
        kept.append(hit)
    return kept


def _word_spans(text: str) -> set[tuple[int, int]]:
    """Where jieba's words of the text start and end."""
    return {(start, end) for _, start, end in jieba_tokenizer().tokenize(blank_years(text))}


def _names_in_quotes(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Words inside quotation marks name an indicator or a document ("“国库集中支付笔数”"): no metric or role
    inside a name is asked for; the name stays as the subject."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    if not quoted:
        return hits
    return [
        _Hit(h.start, h.end, "compound", h.name)
        if h.kind in ("metric", "role", "qualifier") and any(a <= h.start and h.end <= b for a, b in quoted)
        else h
        for h in hits
    ]


def _sources_as_subject(hits: list[_Hit]) -> list[_Hit]:
    """ "上级补助的钱花了多少": with another amount asked, a source of funds says whose money, not what is measured."""
    amounts = {h.name for h in hits if h.kind == "metric" and vocabulary().metrics[h.name].kind == "amount"}
    if "资金来源" not in amounts or len(amounts) < 2:
        return hits
    return [_Hit(h.start, h.end, "compound", h.name) if h.name == "资金来源" else h for h in hits]


# "占项目支出总额的比例是多少", "在全部支出中的比重是多少": the part's share of a whole the question names
_SHARE_OF_NAMED_WHOLE = re.compile(r"(?:占(?![用地有])|在)[^，。；？?占]{2,30}?(?:中)?的(?:比例|比重|份额)")


def _as_rates(text: str, metrics: list[str], units: tuple[str, ...], hits: list[_Hit]) -> list[str]:
    """ "钱花掉了百分之多少", "花出去的比例": an amount asked as a percentage is its rate (支出 -> 执行率)."""
    entries = vocabulary().metrics
    found = [h for h in hits if h.kind == "metric"]
    # "花出去的比例": the proportion of the amount itself, not its share of something else.
    own_ratio = [
        (a, b)
        for a, b in zip(found, found[1:], strict=False)
        if entries[a.name].rate
        and b.name == "占比"
        and b.start - a.end <= 1
        and not text[b.start : b.end].startswith("占")  # "支出占全年的比例", "支出占比": a share of a whole
        and not _SHARE_OF.search(text[: a.start])
    ]
    if own_ratio:
        merged = {a.name: entries[a.name].rate for a, _ in own_ratio}
        return list(dict.fromkeys(merged.get(m, m) for m in metrics if m != "占比"))
    if "%" not in units:
        return metrics
    if any(entries[m].kind == "rate" for m in metrics if m in entries):
        return metrics
    return [entries[m].rate if m in entries and entries[m].rate else m for m in metrics]


def _mask(text: str, hits: list[_Hit]) -> str:
    """The question with what the vocabulary read blanked out; an English phrase leaves its Chinese."""
    pieces, position = [], 0
    for hit in hits:
        if hit.kind == "compound" or hit.start < position:
            continue  # a compound stays in the subject, though no metric inside it counts
        pieces.append(text[position : hit.start])
        surface = text[hit.start : hit.end]
        if hit.kind == "phrase":
            pieces.append(f" {hit.name} ")
        elif hit.kind == "metric" and surface != hit.name and hit.name in surface:
            pieces.append(surface.replace(hit.name, " "))  # "财政拨款收入": the metric is 收入, of 财政拨款
        else:
            pieces.append(" ")
        position = hit.end
    pieces.append(text[position:])
    return "".join(pieces)


@functools.cache
def _surfaces(english: bool) -> tuple[tuple[str, str, str], ...]:
    vocab = vocabulary()
    groups: list[tuple[str, dict[str, Entry], bool]] = [
        ("metric", vocab.metrics, True),
        ("role", vocab.roles, True),
        ("qualifier", vocab.qualifiers, True),
        ("compute", vocab.computations, False),
    ]
    surfaces = []
    for kind, entries, with_terms in groups:
        for name, entry in entries.items():
            forms = set(entry.asked) | (set(entry.terms) if with_terms else set())
            if english:
                forms |= {e.lower() for e in entry.english}
            surfaces.extend((form, kind, name) for form in forms if form)
    surfaces.extend((word, "compound", word) for word in vocab.compound_words)
    surfaces.extend((name, "report", name) for name in vocab.report_names)
    if english:
        surfaces.extend(
            (phrase, "general" if phrase in vocab.english_general else "phrase", chinese)
            for phrase, chinese in vocab.english.items()
            if " " in phrase
        )
    return tuple(surfaces)


def _inside_rate_names(text: str, hits: list[_Hit]) -> list[_Hit]:
    """ "兑付到户率", "发放到位率": a word of money inside a rate the vocabulary does not know names that rate
    (what was paid out to households), it does not ask an amount or the budget's execution rate."""
    vocab = vocabulary()
    spans = [
        m.span()
        for m in RATE_WORD.finditer(text)
        if (named := vocab.metric_of(m.group())) is not None and vocab.metrics[named].kind != "rate"
    ]
    return [h for h in hits if h.kind != "metric" or not any(s <= h.start and h.end <= e for s, e in spans)]


def _rate_words(text: str) -> list[str]:
    """Rate words a question names that the vocabulary does not ("本科上线率" -> "上线率")."""
    found = []
    for word in RATE_WORD.findall(text):
        named = vocabulary().metric_of(word)
        if named is not None and vocabulary().metrics[named].kind == "rate":
            found.append(named)
        else:
            found.append(_rate_of_same_sound(word) or (word[-3:] if len(word) > 3 else word))
    return found


@functools.cache
def _rates_by_sound() -> dict[str, str]:
    vocab = vocabulary()
    return {
        "".join(lazy_pinyin(term)): name
        for name, entry in vocab.metrics.items()
        if entry.kind == "rate"
        for term in entry.terms
        if term.endswith("率") and len(term) >= 3
    }


def _rate_of_same_sound(word: str) -> str | None:
    """A rate typed with a character of the same sound ("执形率" for 执行率, as a pinyin keyboard offers it)."""
    for length in (4, 3):
        named = _rates_by_sound().get("".join(lazy_pinyin(word[-length:])))
        if named is not None and len(word) >= length:
            return named
    return None


_ASKED_KINDS = ("metric", "role", "qualifier", "compute")


def _is_english(text: str) -> bool:
    return len(_ENGLISH_WORD.findall(text)) >= 3


def subject_phrase(question: str) -> str:
    """What a question is about, as written before it asks anything ("某项目23年预算多少" -> "某项目23年"): its
    words before the first metric, section role, qualifier, computation, rate word ("…回收率") or asking word."""
    text = to_simplified(question.strip())
    if _is_english(text):
        return ""  # English names the subject after the question word
    words = {start for start, _ in _word_spans(text)}
    # A metric word inside a longer word ("支出" of "基本支出") is part of the subject's name.
    starts = [h.start for h in _find(text.lower(), _surfaces(False)) if h.kind in _ASKED_KINDS and h.start in words]
    starts += [m.end() - 3 for m in RATE_WORD.finditer(text) if m.end() - m.start() >= 3]  # "…回收率": 回收率
    starts += [m.start() for m in ASKS_SOMETHING.finditer(text)][:1]
    return text[: min(starts, default=len(text))].rstrip("的是有在了为各，,、 ")


def read_frame(question: str) -> QuestionFrame:
    # Markup says nothing about a report: "<script>alert('预算')</script>" asks nothing.
    text = _TAG.sub(" ", _SCRIPT.sub(" ", to_simplified(question.strip()))).strip()
    # "跟2023年比多花了多少": a year named as the base of a comparison is last year's figure, not the scope.
    base_years = _BASE_YEAR.findall(text) if _asks_change(text) else []
    # "Compared with 2024, how did the score change?": the named year is the base, the change is asked.
    english_base = _BASE_YEAR_EN.findall(text) if _CHANGE_EN.search(text) or _asks_change(text) else []
    based = _BASE_YEAR.sub("上年", text) if base_years else text
    scope = read_question(_BASE_YEAR_EN.sub(" 上年 ", based) if english_base else based)
    base_years += english_base
    lowered = text.lower()
    english = _is_english(text)
    hits = _inside_rate_names(text, _names_in_quotes(lowered, _sources_as_subject(_find(lowered, _surfaces(english)))))
    metrics = [h.name for h in hits if h.kind == "metric"]
    rate_words = _rate_words(text)
    metrics += [w for w in rate_words if w not in metrics]
    roles = [h.name for h in hits if h.kind == "role"]
    computations = [h.name for h in hits if h.kind == "compute"]
    qualifiers = frozenset(h.name for h in hits if h.kind == "qualifier") | ({"上年"} if base_years else set())
    # "年初预算", "调整后预算" are read as the metric 预算; the stage they name is asked too.
    metric_words = " ".join(lowered[h.start : h.end] for h in hits if h.kind == "metric")
    qualifiers |= vocabulary().qualifiers_of(metric_words) & BUDGET_STAGES

    gap_en = _GAP_EN.search(lowered) if english and not computations else None
    if gap_en is not None:
        computations.append("gap")
        # Only the words between verb and target name what was exceeded; the verb and "target" ask.
        (start, end), (inner_start, inner_end) = gap_en.span(), gap_en.span(1)
        lowered = (
            lowered[:start]
            + " " * (inner_start - start)
            + lowered[inner_start:inner_end]
            + " " * (end - inner_end)
            + lowered[end:]
        )
    remainder = _EXAMPLES.sub(" ", _mask(lowered, hits))
    for name in scope.departments:
        remainder = remainder.replace(name, " ")
    remainder = _SELF_REFERENCE.sub(" ", blank_years(remainder))
    remainder = _REPORTING.sub(" ", remainder)

    expansions: list[str] = []
    general_words: list[str] = []  # Chinese of general English words: soft terms, never the subject
    unknown: list[str] = []
    if english:
        glossary = vocabulary().english
        # Names (of a district, a city, a fund) are capitalized as asked; the remainder is lower-cased.
        names = {_POSSESSIVE.sub("", w).lower() for w in _ENGLISH_WORD.findall(text) if w[0].isupper()}
        expansions += [h.name for h in hits if h.kind == "phrase"]  # "food safety" -> 食品安全, for retrieval
        general_words += [h.name for h in hits if h.kind == "general"]  # "carry out" -> 开展: found where written
        for word in _ENGLISH_WORD.findall(remainder):
            word = _POSSESSIVE.sub("", word)
            if word.lower() in _ENGLISH_FILLERS:
                continue  # "report", "mention": how a question is asked, whatever a glossary translates
            form = next((f for f in word_forms(word.lower()) if f in glossary), None)
            if form is not None:
                (general_words if form in vocabulary().english_general else expansions).append(glossary[form])
            elif len(word) > 3 and word.lower() not in _ENGLISH_FILLERS | names | _quarter_words():
                unknown.append(word.lower())
        expansions = [e for e in expansions if not _SELF_REFERENCE.fullmatch(e)]  # "the evaluators"
        remainder = _ENGLISH_WORD.sub(" ", remainder) + " " + " ".join(expansions + general_words)
        metrics += [w for w in _rate_words(remainder) if w not in metrics]  # "pass rate" -> 合格率
    fillers = vocabulary().question_words
    # Translated English terms, and a source of funds standing as the subject, are content by construction.
    tagged = _tagger().lcut(remainder)  # tagged once: content words, names of sums and proper names read it
    content = _content_words(tagged) + expansions + [lowered[h.start : h.end] for h in hits if h.kind == "compound"]
    content = [w for w in content if w not in general_words]
    tokens = dict.fromkeys(tokenize(remainder))
    words = [
        t
        for t in tokens
        if t not in fillers
        and not _ASKING.search(t)
        and not _UNIT_WORD.fullmatch(t)
        and not _NUMBERS.fullmatch(t)
        and not t.isascii()
    ]
    # A rate the vocabulary does not list ("知晓率") is what is asked, not what it is asked about.
    rates = [m for m in metrics if m not in vocabulary().metrics]
    subject = [
        t for t in words if any(t in w for w in content) and not any(t in r for r in rates) and not t.endswith("率")
    ]
    if not english:
        # "路面PQI平均多少", "asdf 预算 qwer": a Latin term of a Chinese question names what is asked; a report
        # without it does not answer, however well its other words match.
        subject += [t for t in tokens if _LATIN_TERM.fullmatch(t) and t not in vocabulary().english]
    soft = [t for t in words if t not in subject]
    quarter = _quarter_asked(lowered)
    if quarter is not None and quarter.startswith("H"):
        # "上半年支出了多少": a half year is matched on its own (its quarters' clauses never say 上半年), not as
        # words to cover
        forms = [f for f in vocabulary().quarters[quarter] if f in lowered]
        subject = [t for t in subject if not any(t in f for f in forms)]
        soft = [t for t in soft if not any(t in f for f in forms)]
    proper_names = _proper_names(tagged)

    role = roles[-1] if roles else None  # "针对存在的问题，下一步怎么改进": the ask comes last
    # "目标值和实际完成值分别是多少": a target and an actual asked as quantities are figures, not the targets section.
    # "办了多少法律援助案件", "How many cases": a count of what the question names, whatever its unit.
    asks_quantity = _QUANTITY.search(text) is not None and (
        bool(qualifiers & {"目标", "实际"}) or not (metrics or scope.units or roles or _LIST.search(text))
    )
    if "目标" in qualifiers and _asks_actual_too(text):
        qualifiers |= {"实际"}  # "做了多少批？目标是多少？": the part without a target word asks the actual
    # "原本打算建多少亩": a quantity asked in a unit is a figure, whatever section word the question uses.
    asks_in_unit = bool(scope.units and _QUANTITY.search(text) and (metrics or subject or asks_quantity))
    if (asks_quantity and role == "targets") or (asks_in_unit and role in _PLAN_ROLES):
        role = None
        expansions_roles = []
    else:
        expansions_roles = roles
    computation = computations[0] if computations else None
    if computation is None and _SHARE_OF_NAMED_WHOLE.search(text):
        computation = "share"  # "甲支出占项目支出总额的比例是多少": a share of the whole named after 占
    if computation is None and (english_base or (_changed_by_how_much(text) and "增长率" not in metrics)):
        computation = "difference"
    if _DEDUCTION.search(text):
        # "那个指标扣了几分": what an indicator was worth less what it scored.
        computation, metrics = "difference", ["分值", "得分", *(m for m in metrics if m not in ("分值", "得分"))]
    if computation is None and _TOTAL_ASKED.search(text) and _names_two_parts(text, subject):
        computation = "sum"
        subject = [t for t in subject if not _TOTAL_ASKED.fullmatch(t)]
    if computation == "gap" and "remaining" in computations:
        computation = "remaining"  # "还差多少没花出去": what is short is what is left unspent
    if (computation == "share" and ("增长率" in metrics or "上年" in qualifiers)) or (
        computation is None and "增长率" in metrics and "上年" in qualifiers
    ):
        computation = "growth"  # "同比涨了百分之几", "比上年增幅多少": the change over last year's figure
    if computation != "share":  # a share is computed of amounts, never asked as their rate
        metrics = _as_rates(lowered, metrics, scope.units, hits)
    if computation is None and "增长率" in metrics and _QUANTITY.search(text) and _names_a_rate(metrics):
        # "网上办的比例涨了多少", "满意度涨了多少": how far a rate moved is the difference of its two values
        computation, metrics = "difference", [m for m in metrics if m != "增长率"]
    expansions += _expansions(metrics, expansions_roles)
    if computation == "difference" and metrics == ["预算"] and "上年" not in qualifiers:
        metrics.append("支出")  # "比预算省了多少": what was spent against the budget
    counted = [u for u in scope.units if u not in ("元", "%")]
    if _NOT_ARRIVED.search(text) and _QUANTITY.search(text) and not counted:
        # "配套的钱差了多少没到": what was due less what arrived, not the budget less the spending
        computation = "remaining"
        metrics = [m for m in metrics if m not in ("支出", "到位资金", "资金来源", "预算")]
        metrics += ["到位资金", "资金来源", "预算"]  # what was due: a source's share or the budget
        expansions += _expansions(["到位资金"], [])
    elif computation == "remaining" and "结余" not in metrics and not counted:
        operands = [m for m in ("预算", "支出") if m not in metrics]
        metrics += operands  # what is left is budget minus spending
        expansions += _expansions(operands, [])
    if computation == "remaining":
        # "年底还剩多少钱没花": what is left is at the year's end and unspent by definition; those words ask it
        subject = [t for t in subject if not _LEFT_OVER.fullmatch(t)]
        soft = [t for t in soft if not _LEFT_OVER.fullmatch(t)]
    # How money moves, asked of a thing the question names ("钱是怎么花的" names none and keeps its spending)
    asks_manner = _MANNER.search(text) is not None and not _QUANTITY.search(text) and bool(subject)
    if computation is None and (asks_manner or (english and role is not None and not _FIGURE_ASKED_EN.search(text))):
        # "What did the evaluators recommend about how compensation is allocated?", "What problems were found in
        # how the funds were spent?", "资金是怎么拨付的": a verb of money asked how, not how much, asks for no figure
        metrics = [m for m in metrics if m not in vocabulary().metrics or vocabulary().metrics[m].kind != "amount"]
        scope = replace(scope, units=tuple(u for u in scope.units if u != "元"))
    if computation is not None:
        intent = "compute"
    elif asks_quantity and not metrics:
        intent = "lookup"
    elif role is not None and not metrics:
        intent = "qualitative"
    elif _LIST.search(text) and not metrics:
        intent = "list"
    else:
        intent = "lookup"
    return QuestionFrame(
        question=text,
        intent=intent,
        metrics=tuple(dict.fromkeys(metrics)),
        role=role,
        computation=computation,
        qualifiers=qualifiers,
        subject_terms=tuple(subject),
        soft_terms=tuple(soft),
        search_text=" ".join([text, *dict.fromkeys(expansions + general_words)]),
        scope=scope,
        english=english,
        unknown_words=tuple(unknown),
        asks_when=_WHEN.search(text) is not None,
        asks_quantity=asks_quantity,
        quarter=quarter,
        asks_who=_WHO.search(text) is not None,
        per_unit=_PER_UNIT.search(lowered) is not None,
        named_sums=_named_sums(tagged),
        parts=_parts_of(text, subject) if computation == "sum" or _EACH.search(lowered) else (),
        names=tuple(t for t in subject if any(t in name for name in proper_names)),
        rate_names=_rate_names(lowered, hits, rate_words, (*subject, *soft)),
        requests_edit=_EDIT_REQUEST.search(text) is not None and not _ASKING.search(text),
    )


def _quarter_asked(text: str) -> str | None:
    """The period within the year a question names; a half year before its quarters ("下半年（三、四季度）")."""
    quarters = sorted(vocabulary().quarters.items(), key=lambda item: not item[0].startswith("H"))
    return next((q for q, forms in quarters if any(f in text for f in forms)), None)


@functools.cache
def _tagger() -> posseg.POSTokenizer:
    return posseg.POSTokenizer(jieba_tokenizer())


def _content_words(tagged: list[posseg.pair]) -> list[str]:
    """The nouns of a question's remainder: what it is about. Verbs, adverbs, times and pronouns
    ("开始", "准备", "年初一", "这个") say how it is asked, and a report need not contain them."""
    return [w.word for w in tagged if w.flag.startswith(_CONTENT_TAGS) and _HAN.search(w.word)]


@functools.cache
def _quarter_words() -> frozenset[str]:
    """English words naming a period within the year ("mid-year", "q3"): known, though not translated."""
    return frozenset(f for forms in vocabulary().quarters.values() for f in forms if f.isascii() and " " not in f)


def word_forms(word: str) -> list[str]:
    """An English word and its base forms ("orphans" -> "orphan", "subsidies" -> "subsidy", "recommended")."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    return forms


def _proper_names(tagged: list[posseg.pair]) -> list[str]:
    """Words the tagger reads as names of places, bodies or people."""
    return [w.word for w in tagged if w.flag.startswith(_NAME_TAGS) and _HAN.search(w.word)]


def _names_a_rate(metrics: list[str]) -> bool:
    """A rate or share of the vocabulary other than the growth rate itself."""
    entries = vocabulary().metrics
    return any(m != "增长率" and m in entries and entries[m].kind == "rate" for m in metrics)


def _asks_change(text: str) -> bool:
    """The question asks how much something changed ("多花了多少", "涨了百分之几"), not a figure of that year."""
    vocab = vocabulary()
    growth = vocab.metrics["增长率"]
    difference = vocab.computations["difference"]
    forms = (*difference.asked, *difference.english, *growth.asked, *growth.terms, *growth.english)
    return any(f in text.lower() for f in forms) or _changed_by_how_much(text)


def _changed_by_how_much(text: str) -> bool:
    """ "比上年多了几户", "较23年提高了多少": by how much a figure moved against a base, in any classifier."""
    return _CHANGE_ASKED.search(text) is not None and _COMPARED.search(text) is not None


def _names_two_parts(text: str, subject: list[str]) -> bool:
    """The question joins two named things ("A和B"), each with a word of the subject."""
    return bool(_parts_of(text, [t for t in subject if not _TOTAL_ASKED.fullmatch(t)]))


def _parts_of(text: str, subject: list[str]) -> tuple[tuple[str, ...], ...]:
    """The subject words on each side of "A和B", or none when a side has none."""
    joined = _JOINED_PARTS.search(text)
    if joined is None:
        return ()
    parts = tuple(tuple(t for t in subject if t in joined.group(side)) for side in ("left", "right"))
    return parts if all(parts) else ()


def _asks_actual_too(text: str) -> bool:
    """A question in parts, one asking a quantity without any word for a target."""
    target_forms = [*vocabulary().qualifiers["目标"].terms, *vocabulary().qualifiers["目标"].asked]
    parts = [p for p in re.split(r"[？?，,；;。]", text) if _QUANTITY.search(p)]
    return len(parts) >= 2 and any(not any(t in p for t in target_forms) for p in parts)


_RATE_NAME_WORDS = 3  # "畜产品兽药残留检测合格率": the words before a rate name what it is a rate of
# Words before a rate that say whose or when, not what of: "项目执行率", "全年执行率", "整体满意度".
_RATE_NAME_FILLERS = frozenset(
    "项目 部门 单位 整体 全年 年度 本年 当年 今年 去年 总体 综合 平均 实际 最终 指标".split()
)
_FILLER_INSIDE = re.compile("|".join(sorted(_RATE_NAME_FILLERS, key=len, reverse=True)))


def _rate_names(text: str, hits: list[_Hit], rate_words: list[str], content: tuple[str, ...]) -> tuple[str, ...]:
    """The content words written right before each rate the question asks ("验收通过率" -> 验收)."""
    metrics = vocabulary().metrics
    starts = [
        h.start
        for h in hits
        if h.kind == "metric"
        and h.name in metrics
        and metrics[h.name].kind == "rate"
        and text[h.start : h.end].endswith(("率", "度"))  # the rate itself is written, not "完成得怎么样"
    ]
    starts += [text.find(w) for w in rate_words if w not in metrics and w in text]  # "通过率", "合格率"
    found: list[str] = []
    for start in starts:
        before = re.split(r"[^\u4e00-\u9fff]", text[:start])[-1]
        for word in reversed(jieba_tokenizer().lcut(before)[-_RATE_NAME_WORDS:]):
            if word in _RATE_NAME_FILLERS or word not in content:
                break
            name = _FILLER_INSIDE.sub("", word)  # "服务项目执行率" names 服务, whatever the report calls the item
            if len(name) >= 2:
                found.append(name)
    return tuple(dict.fromkeys(found))


def _named_sums(tagged: list[posseg.pair]) -> tuple[str, ...]:
    """Names of one fee or subsidy: a run of nouns ending in a word for a sum ("农机购置补贴")."""
    found, run = [], []
    for token in tagged:
        content = token.flag.startswith(_CONTENT_TAGS) and _HAN.search(token.word)
        if not content or token.word in vocabulary().question_words:
            run = []
            continue
        run.append(token.word)
        name = "".join(run)
        if token.word.endswith(_SUM_ENDINGS) and not token.word.endswith(("资金", "基金")) and len(name) >= 4:
            found.append(name)
    return tuple(dict.fromkeys(found))


def _expansions(metrics: list[str], roles: list[str]) -> list[str]:
    """Chinese terms that let retrieval find what a colloquial or English question means."""
    vocab = vocabulary()
    found = [m for m in metrics if m in vocab.metrics]
    for role in roles:
        found.extend(vocab.roles[role].terms[:3])
    return found


# English words that only carry the grammar of a question.
_ENGLISH_FILLERS = frozenset(
    """what which how much many does did do was were is are the this that there their they have has had
    with from into about for and or of in on at to by as be been being any some all each per than then
    please tell me show give list report reports say says said according mentioned mention its it
    could would should can will may much more most less also only just very
    compare compared comparison change changed total overall through before after during""".split()
)
