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
from dataclasses import dataclass

from jieba import posseg

from assistant.question import QuestionIntent, read_question
from ingest.chinese import to_simplified
from ingest.tokenize import jieba_tokenizer, tokenize
from ingest.vocabulary import RATE_WORD, Entry, vocabulary

_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LIST = re.compile(r"哪些|有什么|都有啥|列举|几方面|几个方面|哪几|分别|what (are|were)|list", re.I)
_WHEN = re.compile(r"什么时候|何时|哪天|哪一天|几月|when\b", re.I)
_WHO = re.compile(r"是谁|谁是|叫什么名字|who\b", re.I)
# Words of a question that only say "this report" / "this project" (its subject is the report itself).
_SELF_REFERENCE = re.compile(r"(这个|该|本|这份|此|那个)(项目|报告|部门|单位|资金|专项)")
_NUMBERS = re.compile(r"[\d.,%]+")
_QUANTITY = re.compile(r"多少|几[个项次人家所]?|how (?:many|much)", re.I)
_QUOTED = re.compile(r"“[^”]{2,30}”|「[^」]{2,30}」|\"[^\"]{2,30}\"")
# jieba part-of-speech tags of content words: nouns of every kind, verbal nouns, abbreviations, and
# the field's own dictionary words (tagged x).
_CONTENT_TAGS = ("n", "vn", "j", "x", "l")


@dataclass(frozen=True)
class QuestionFrame:
    question: str  # as asked, sanitized, in simplified characters
    intent: str  # lookup | list | compute | qualitative | audit
    metrics: tuple[str, ...]  # vocabulary metric names, or rate words the question names ("失业率")
    role: str | None  # the section role a qualitative question asks about
    computation: str | None  # difference | gap | share | sum
    qualifiers: frozenset[str]
    subject_terms: tuple[str, ...]  # the question's nouns: tokens an answer's context must contain
    # Its other words (verbs, times…): they count only where the reports use them ("退管" does, "开始" does not).
    soft_terms: tuple[str, ...]
    search_text: str  # the question with its Chinese expansions, for retrieval
    scope: QuestionIntent  # years, departments, units, report types, comparison
    english: bool = False
    unknown_words: tuple[str, ...] = ()  # English words the vocabulary does not know
    asks_when: bool = False
    asks_who: bool = False
    quarter: str | None = None  # "1".."4" or "H1": a period within the year the question names
    asks_quantity: bool = False  # a target or an actual asked "多少", whatever it counts

    @property
    def metric_kinds(self) -> frozenset[str]:
        metrics = vocabulary().metrics
        return frozenset(metrics[m].kind if m in metrics else "rate" for m in self.metrics)

    @property
    def asks_figure(self) -> bool:
        return bool(self.metrics or self.scope.units or self.computation or self.asks_quantity)

    @property
    def empty(self) -> bool:
        """Nothing a report could answer: no metric, no role, no subject."""
        return not (self.metrics or self.role or self.subject_terms or self.computation)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str  # metric | role | qualifier | compute | filler
    name: str


def _find(text: str, surfaces: tuple[tuple[str, str, str], ...]) -> list[_Hit]:
    """Every occurrence of each surface form; forms inside a longer found form are dropped."""
    hits = []
    for surface, kind, name in surfaces:
        start = text.find(surface)
        while start >= 0:
            hits.append(_Hit(start, start + len(surface), kind, name))
            start = text.find(surface, start + 1)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        if any(k.start <= hit.start and hit.end <= k.end and (k.end - k.start) > (hit.end - hit.start) for k in kept):
            continue
        kept.append(hit)
    return kept


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
    """"配套的钱用掉了多少": with another amount asked, a source of funds says whose money, not what is measured."""
    amounts = {h.name for h in hits if h.kind == "metric" and vocabulary().metrics[h.name].kind == "amount"}
    if "资金来源" not in amounts or len(amounts) < 2:
        return hits
    return [_Hit(h.start, h.end, "compound", h.name) if h.name == "资金来源" else h for h in hits]


def _as_rates(metrics: list[str], units: tuple[str, ...]) -> list[str]:
    """"钱花掉了百分之多少": an amount asked as a percentage is its rate (支出 -> 执行率)."""
    if "%" not in units:
        return metrics
    entries = vocabulary().metrics
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
        surfaces.extend((phrase, "phrase", chinese) for phrase, chinese in vocab.english.items() if " " in phrase)
    return tuple(surfaces)


def _rate_words(text: str) -> list[str]:
    """Rate words a question names that the vocabulary does not ("本科上线率" -> "上线率")."""
    found = []
    for word in RATE_WORD.findall(text):
        named = vocabulary().metric_of(word)
        if named is not None and vocabulary().metrics[named].kind == "rate":
            found.append(named)
        else:
            found.append(word[-3:] if len(word) > 3 else word)
    return found


def read_frame(question: str) -> QuestionFrame:
    text = to_simplified(question.strip())
    scope = read_question(text)
    lowered = text.lower()
    english = len(_ENGLISH_WORD.findall(text)) >= 3
    hits = _names_in_quotes(lowered, _sources_as_subject(_find(lowered, _surfaces(english))))
    metrics = [h.name for h in hits if h.kind == "metric"]
    metrics += [w for w in _rate_words(text) if w not in metrics]
    roles = [h.name for h in hits if h.kind == "role"]
    computations = [h.name for h in hits if h.kind == "compute"]
    qualifiers = frozenset(h.name for h in hits if h.kind == "qualifier")

    remainder = _mask(lowered, hits)
    for name in scope.departments:
        remainder = remainder.replace(name, " ")
    remainder = _SELF_REFERENCE.sub(" ", re.sub(r"20\d{2}\s*年", " ", remainder))

    expansions: list[str] = []
    unknown: list[str] = []
    if english:
        glossary = vocabulary().english
        for word in _ENGLISH_WORD.findall(remainder):
            chinese = glossary.get(word.lower())
            if chinese:
                expansions.append(chinese)
            elif len(word) > 3 and word.lower() not in _ENGLISH_FILLERS and not word[0].isupper():
                unknown.append(word.lower())
        remainder = _ENGLISH_WORD.sub(" ", remainder) + " " + " ".join(expansions)
    fillers = vocabulary().question_words
    # Translated English terms, and a source of funds standing as the subject, are content by construction.
    content = _content_words(remainder) + expansions + [lowered[h.start : h.end] for h in hits if h.kind == "compound"]
    tokens = dict.fromkeys(tokenize(remainder))
    words = [t for t in tokens if t not in fillers and not _NUMBERS.fullmatch(t) and not t.isascii()]
    subject = [t for t in words if any(t in w for w in content)]
    soft = [t for t in words if t not in subject]
    expansions += _expansions(metrics, roles)

    role = roles[-1] if roles else None  # "针对存在的问题，下一步怎么改进": the ask comes last
    # "目标值和实际完成值分别是多少": a target and an actual asked as quantities are figures, not the targets section.
    asks_quantity = bool(qualifiers & {"目标", "实际"}) and _QUANTITY.search(text) is not None
    if asks_quantity and role == "targets":
        role = None
    computation = computations[0] if computations else None
    metrics = _as_rates(metrics, scope.units)
    if computation == "remaining" and "结余" not in metrics:
        metrics += [m for m in ("预算", "支出") if m not in metrics]  # what is left is budget minus spending
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
        search_text=" ".join([text, *dict.fromkeys(expansions)]),
        scope=scope,
        english=english,
        unknown_words=tuple(unknown),
        asks_when=_WHEN.search(text) is not None,
        asks_quantity=asks_quantity,
        quarter=next((q for q, forms in vocabulary().quarters.items() if any(f in lowered for f in forms)), None),
        asks_who=_WHO.search(text) is not None,
    )


@functools.cache
def _tagger() -> posseg.POSTokenizer:
    return posseg.POSTokenizer(jieba_tokenizer())


def _content_words(text: str) -> list[str]:
    """The nouns of a question's remainder: what it is about. Verbs, adverbs, times and pronouns
    ("开始", "准备", "年初一", "这个") say how it is asked, and a report need not contain them."""
    return [w.word for w in _tagger().lcut(text) if w.flag.startswith(_CONTENT_TAGS) and _HAN.search(w.word)]


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
    could would should can will may much more most less also only just very""".split()
)
