"""HTML for the chat UI: answers with their sources, audit rows; cited figures marked in place."""

from __future__ import annotations

import html
import re

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck
from assistant.figures import contains_figure, find_figures
from assistant.render import citation_heading


def highlight_figures(passage: str, figures: list[str], quotes: tuple[str, ...] = ()) -> str:
    """Escape the passage; underline the quoted sentences and mark the cited figures inside them.

    Without quotes (a passage shown for reference) no figure is marked.
    """
    spans = []
    for quote in quotes:
        start = passage.find(quote)
        if start >= 0:
            spans.append((start, start + len(quote)))
    events: list[tuple[int, int, str]] = []
    for start, end in spans:
        events += [(start, 1, "<u>"), (end, 0, "</u>")]
        for match in find_figures(passage[start:end]):
            if any(contains_figure(match.group(0), f) and contains_figure(f, match.group(0)) for f in figures):
                events += [(start + match.start(), 2, "<mark>"), (start + match.end(), -1, "</mark>")]
    out, position = [], 0
    for index, _, tag in sorted(events):
        out.append(html.escape(passage[position:index]))
        out.append(tag)
        position = index
    out.append(html.escape(passage[position:]))
    return "".join(out).replace("\n", "<br>")


def _source_block(citation: Citation, figures: list[str], label: str) -> str:
    body = highlight_figures(citation.passage, figures, citation.quotes)
    return (
        f"<details><summary>{html.escape(label)} {html.escape(citation_heading(citation))}</summary>"
        f"<blockquote>{body}</blockquote></details>"
    )


def format_answer(answer: Answer) -> str:
    """The chat message: answer, figure check, then each source with its figures highlighted."""
    parts = [f"<p><small>⚠ {html.escape(answer.notice)}</small></p>"] if answer.notice else []
    parts.append(_marked_answer(answer))
    if answer.mode == "llm":
        parts.append("<small>（模型生成，已逐项核对引用）</small>")
    if answer.figure_checks:
        checks = "，".join(
            f"{html.escape(c.figure)} {'✓' if c.verified else '✗ 未在引文中找到'}" for c in answer.figure_checks
        )
        parts.append(f"<br><small>数字核对：{checks}</small>")
    figures_by_marker: dict[int, list[str]] = {}
    for check in answer.figure_checks:
        if check.found_in is not None:
            figures_by_marker.setdefault(check.found_in, []).append(check.figure)
    for citation in answer.citations:
        parts.append(_source_block(citation, figures_by_marker.get(citation.marker, []), f"[{citation.marker}]"))
    if answer.alternative is not None:
        parts.append("<hr><small>摘录式回答（直接引自原文）：</small>")
        parts.append(format_answer(answer.alternative))
    if answer.refused and answer.related:
        parts.append("<br><small>最接近的段落（仅供参考，未作为答案）：</small>")
        parts.extend(_source_block(c, [], "·") for c in answer.related[:3])
    return "\n".join(parts)


def format_audit(checks: list[AuditCheck]) -> str:
    """Checks as expandable rows, inconsistent first, each with its source sentence highlighted."""
    if not checks:
        return "<p>报告中没有可以复算的比率或合计（原文没有把相关数字联系起来的表述）。</p>"
    rows = []
    for check in checks:
        stated = check.stated
        figures = [f.text for f in (*check.sources, stated)]
        sentences = tuple(dict.fromkeys(f.sentence for f in (*check.sources, stated)))
        source = "<br>".join(highlight_figures(s, figures, (s,)) for s in sentences)
        page = f" · 第{stated.page}页" if stated.page else ""
        rows.append(
            f"<details class='audit-{check.verdict.value}'><summary><b>[{VERDICT_LABELS[check.verdict]}]</b> "
            f"{html.escape(check.formula)}：报告 {html.escape(stated.text)}，复算 {check.recomputed:.4f}{stated.unit}，"
            f"差 {check.difference:+.4f}</summary>"
            f"<p>依据：{html.escape(check.tied_by)} · {html.escape(stated.section)}{page} · "
            f"原文字符 {stated.raw_start}-{stated.raw_end}</p><blockquote>{source}</blockquote></details>"
        )
    return "\n".join(rows)


def _marked_answer(answer: Answer) -> str:
    """The answer text, with every figure that failed its check struck through and flagged."""
    failed = {c.figure for c in answer.figure_checks if not c.verified}
    if not failed:
        return html.escape(answer.text).replace("\n", "<br>")
    out, position = [], 0
    for match in find_figures(answer.text):
        if re.sub(r"\s+", "", match.group(0)) in failed:
            out.append(html.escape(answer.text[position : match.start()]))
            out.append(f"<del title='未在引文中找到'>{html.escape(match.group(0))}</del>⚠")
            position = match.end()
    out.append(html.escape(answer.text[position:]))
    return "".join(out).replace("\n", "<br>")
