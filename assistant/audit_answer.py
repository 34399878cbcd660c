"""Answer "数字有没有对不上的？" / "执行率算得对吗？" from the arithmetic audit, with citations.

The answer quotes only figures the report states (the formula's parts and the stated result), so
the figure check still holds; the recomputed values and differences are in the audit view.
"""

from __future__ import annotations

import re
import time

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck, Verdict
from assistant.figures import check_figures
from ingest.models import ParsedDocument

AUDIT_QUESTION = re.compile(
    r"对不上|算得?对|算错|核对|复算|勾稽|矛盾|加起来|加总|一致吗|有没有错|数字.{0,4}(问题|错误)"
)
_KIND_WORDS = (
    ("execution_rate", re.compile(r"执行率")),
    ("completion_rate", re.compile(r"完成率")),
    ("closure_rate", re.compile(r"结案率")),
    ("total", re.compile(r"合计|总数|总收入|总支出|加起来|加总|总额")),
)
MAX_CHECKS_IN_ANSWER = 6


def is_audit_question(question: str) -> bool:
    return AUDIT_QUESTION.search(question) is not None


def asked_kinds(question: str) -> set[str]:
    return {kind for kind, pattern in _KIND_WORDS if pattern.search(question)}


def _paragraph_citation(marker: int, parsed: ParsedDocument, check: AuditCheck) -> Citation:
    doc = parsed.normalized
    start, end = next((s, e) for s, e in doc.paragraphs if s <= check.stated.start < e)
    first = min(f.start for f in check.sources + (check.stated,))
    start = min(start, next(s for s, e in doc.paragraphs if s <= first < e))
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


def answer_from_audit(question: str, audited: list[tuple[ParsedDocument, list[AuditCheck]]]) -> Answer:
    started = time.perf_counter()
    kinds = asked_kinds(question)
    selected = [(parsed, check) for parsed, checks in audited for check in checks if not kinds or check.kind in kinds]
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
    by_place: dict[tuple[str, int], Citation] = {}
    for parsed, check in selected[:MAX_CHECKS_IN_ANSWER]:
        citation = _paragraph_citation(len(by_place) + 1, parsed, check)
        citation = by_place.setdefault((citation.doc_id, citation.raw_start), citation)
        parts.append(
            f"{VERDICT_LABELS[check.verdict]}：{check.stated.label}{check.stated.text}（{check.formula}）[{citation.marker}]"
        )
    parts.append("全部核对项及复算值、差额见“核对”页或 python -m assistant audit。")
    text = "\n".join(parts)
    citations = list(by_place.values())
    checks = check_figures(text, {c.marker: c.passage for c in citations})
    return Answer(question, text, False, citations, checks, citations, 1.0, time.perf_counter() - started)
