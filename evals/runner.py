"""Score the assistant on an eval dataset.

Metrics (answerable items unless said otherwise):
- hit@1/@3/@5, MRR: a retrieved passage is a hit when it contains an evidence string (both sides
  compacted: ingest's character normalization, no whitespace, no thousands separators).
- figure_accuracy: the answer contains every gold figure and cites no report of another year or
  department than the question names; a qualitative item (no gold figures) must quote at least half of
  a gold evidence passage (character bigrams), not merely avoid refusing.
- citation_support: share of all answer figures found verbatim in the passages they cite.
- cited_evidence: share of answered answerable items whose cited passages hold a gold evidence string.
- refusal_recall (unanswerable items refused) and false_refusals (answerable items refused).
- latency p50/p95 of question -> cited answer, index warm.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.answer import Answer
from assistant.figures import contains_figure
from assistant.question import is_abbreviation, read_question
from assistant.service import Assistant
from evals.dataset import EvalItem
from ingest.chinese import to_simplified
from ingest.models import DocumentInfo
from ingest.normalize import compact
from ingest.pipeline import ReportIndex
from ingest.settings import IndexSettings, Settings

# A qualitative answer must quote at least this share of a gold evidence passage's character bigrams.
QUALITATIVE_OVERLAP = 0.5


@dataclass
class ItemResult:
    id: str
    category: str
    question: str
    answer: str
    refused: bool
    hit_rank: int | None
    figures_ok: bool | None
    answer_figures: int
    supported_figures: int
    seconds: float
    wrong_document: bool | None = None  # for questions naming a year/department: cited another's report
    cites_evidence: bool | None = None  # answered answerable items: a cited passage holds gold evidence
    model_used: bool | None = None  # model mode: the model's answer was shown (not the extractive fallback)


@dataclass
class EvalReport:
    items: int
    hit_at_1: float
    hit_at_3: float
    hit_at_5: float
    mrr: float
    figure_accuracy: float
    citation_support: float
    refusal_recall: float
    false_refusals: float
    wrong_document_answers: int
    latency_p50_ms: float
    latency_p95_ms: float
    results: list[ItemResult] = field(default_factory=list)
    cited_evidence: float = 0.0
    model_fallbacks: int = 0

    def metrics(self) -> dict[str, float]:
        data = asdict(self)
        data.pop("results")
        return data


def hit_rank(item: EvalItem, answer: Answer) -> int | None:
    evidence = [compact(e) for e in item.evidence]
    for rank, passage in enumerate(answer.retrieved, start=1):
        text = compact(passage.passage)
        if any(e in text for e in evidence):
            return rank
    return None


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# "比23年高了几分", "跟2023年比", "compared with 2023": a year named as the base of a comparison is not the year
# asked about; "2022年和2023年各多少" asks both.
_COMPARED_WITH_YEAR = re.compile(
    r"(?:比|较|相比|对比)\s*(?:20)?\d{2}\s*年度?"
    r"|(?:跟|和|与|同)\s*(?:20)?\d{2}\s*年度?(?=\s*(?:比|相比|比较|对比|的?时候|多|少|高|低|增|减|涨|降|提))"
    r"|\b(?:compared (?:with|to)|than(?: in)?|over)\s+20\d{2}\b",
    re.I,
)


def cites_wrong_document(question: str, answer: Answer, documents: dict[str, DocumentInfo]) -> bool | None:
    """True when the question names a year or department and a citation comes from a report of another.

    Counted even when the archive holds no report of the named year: answering 2023's figure to a
    question about 2024 is wrong, not a lucky guess. A question in traditional characters names the
    department as the assistant reads it, in simplified ones.
    """
    intent = read_question(_COMPARED_WITH_YEAR.sub("上年", to_simplified(question)))
    if answer.refused or not (intent.years or intent.departments) or not answer.citations:
        return None
    return any(
        not _matches(intent.years, intent.departments, documents[c.doc_id], c.passage)
        for c in answer.citations
        if c.doc_id in documents
    )


def _matches(years: tuple[int, ...], departments: tuple[str, ...], document: DocumentInfo, passage: str) -> bool:
    """The cited report is of the named department, and of the named year or states it in the cited passage
    (a 2024 report quoting "2023年度项目实际支出…" answers a question about 2023)."""
    year_ok = not years or document.year in years or any(f"{y}年" in compact(passage) for y in years)
    department_ok = not departments or any(
        is_abbreviation(n, document.department or document.title) for n in departments
    )
    return year_ok and department_ok


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def evidence_overlap(item: EvalItem, answer: Answer) -> float:
    """The largest share of one gold evidence passage's character bigrams that the answer quotes."""
    quoted = _bigrams(compact(answer.text))
    shares = [len(_bigrams(compact(e)) & quoted) / len(_bigrams(compact(e))) for e in item.evidence if len(e) > 1]
    return max(shares, default=0.0)


def cites_evidence(item: EvalItem, answer: Answer) -> bool | None:
    if not item.answerable or answer.refused or not item.evidence:
        return None
    evidence = [compact(e) for e in item.evidence]
    return any(e in compact(c.passage) for c in answer.citations for e in evidence)


def score_item(item: EvalItem, answer: Answer, documents: dict[str, DocumentInfo] | None = None) -> ItemResult:
    wrong_document = cites_wrong_document(item.question, answer, documents or {})
    figures_ok = None
    if item.answerable:
        if item.figures:
            content_ok = all(contains_figure(answer.text, f) for f in item.figures)
        else:
            content_ok = evidence_overlap(item, answer) >= QUALITATIVE_OVERLAP
        figures_ok = not answer.refused and content_ok and not wrong_document
    return ItemResult(
        id=item.id,
        category=item.category,
        question=item.question,
        answer=answer.text,
        refused=answer.refused,
        hit_rank=hit_rank(item, answer) if item.answerable else None,
        figures_ok=figures_ok,
        answer_figures=len(answer.figure_checks),
        supported_figures=sum(check.verified for check in answer.figure_checks),
        seconds=answer.seconds,
        wrong_document=wrong_document,
        cites_evidence=cites_evidence(item, answer),
    )


def summarize(results: list[ItemResult]) -> EvalReport:
    answerable = [r for r in results if r.figures_ok is not None]
    unanswerable = [r for r in results if r.figures_ok is None]
    ranks = [r.hit_rank for r in answerable]

    def share(predicate, pool) -> float:
        return sum(1 for x in pool if predicate(x)) / len(pool) if pool else 0.0

    figures = sum(r.answer_figures for r in results)
    latencies = [r.seconds * 1000 for r in results]
    return EvalReport(
        items=len(results),
        hit_at_1=share(lambda r: r is not None and r <= 1, ranks),
        hit_at_3=share(lambda r: r is not None and r <= 3, ranks),
        hit_at_5=share(lambda r: r is not None and r <= 5, ranks),
        mrr=statistics.fmean(1 / r if r else 0.0 for r in ranks) if ranks else 0.0,
        figure_accuracy=share(lambda r: r.figures_ok, answerable),
        citation_support=sum(r.supported_figures for r in results) / figures if figures else 1.0,
        refusal_recall=share(lambda r: r.refused, unanswerable),
        false_refusals=share(lambda r: r.refused, answerable),
        wrong_document_answers=sum(1 for r in results if r.wrong_document),
        latency_p50_ms=_percentile(latencies, 0.5),
        latency_p95_ms=_percentile(latencies, 0.95),
        results=results,
        cited_evidence=share(lambda r: r.cites_evidence, [r for r in results if r.cites_evidence is not None]),
        model_fallbacks=sum(1 for r in results if r.model_used is False),
    )


def run_eval(items: list[EvalItem], settings: Settings, corpus: list[Path] | None = None) -> EvalReport:
    """Evaluate on the configured index, or on a fresh temporary index of `corpus`."""
    if corpus:
        with tempfile.TemporaryDirectory(prefix="perfqa-eval-") as tmp:
            settings = settings.model_copy(update={"index": IndexSettings(data_dir=Path(tmp))})
            index = ReportIndex(settings)
            report = index.ingest(corpus, progress=False)
            if report.failed:
                raise RuntimeError("评测语料索引失败：" + "；".join(str(e) for e in report.failed))
            return _run(items, index)
    return _run(items, ReportIndex(settings))


def _run(items: list[EvalItem], index: ReportIndex) -> EvalReport:
    assistant = Assistant(index=index)
    assistant.warm_up()  # load models and caches before timing
    documents = index.documents()
    results = []
    for item in items:
        started = time.perf_counter()
        answer = assistant.ask(item.question)
        result = score_item(item, answer, documents)
        result.seconds = time.perf_counter() - started
        if assistant.llm is not None and not answer.refused:
            result.model_used = answer.mode == "llm"
        results.append(result)
    return summarize(results)


def format_table(report: EvalReport) -> str:
    rows = [
        ("条目 items", f"{report.items}"),
        ("hit@1", f"{report.hit_at_1:.3f}"),
        ("hit@3", f"{report.hit_at_3:.3f}"),
        ("hit@5", f"{report.hit_at_5:.3f}"),
        ("MRR", f"{report.mrr:.3f}"),
        ("数字准确率 figure accuracy", f"{report.figure_accuracy:.3f}"),
        ("引用支撑率 citation support", f"{report.citation_support:.3f}"),
        ("引文含金标证据 cited evidence", f"{report.cited_evidence:.3f}"),
        ("拒答召回 refusal recall", f"{report.refusal_recall:.3f}"),
        ("误拒率 false refusals", f"{report.false_refusals:.3f}"),
        ("答错文档 wrong-document answers", f"{report.wrong_document_answers}"),
        ("模型回退 model fallbacks", f"{report.model_fallbacks}"),
        ("延迟 p50 (ms)", f"{report.latency_p50_ms:.1f}"),
        ("延迟 p95 (ms)", f"{report.latency_p95_ms:.1f}"),
    ]
    width = max(len(name) for name, _ in rows) + 2
    return "\n".join(f"{name:<{width}}{value:>10}" for name, value in rows)


def threshold_failures(metrics: dict[str, float], thresholds: dict[str, float]) -> list[str]:
    """Metrics below their floor (or, for "<name>_max", above their ceiling); keys starting "_" are notes."""
    failures = []
    for key, limit in thresholds.items():
        if key.startswith("_"):
            continue
        if key.endswith("_max"):
            name = key.removesuffix("_max")
            if metrics[name] > limit:
                failures.append(f"{name}: {metrics[name]:.3f} > {limit}")
        elif metrics[key] < limit:
            failures.append(f"{key}: {metrics[key]:.3f} < {limit}")
    return failures
