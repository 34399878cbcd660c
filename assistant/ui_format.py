"""HTML for the chat UI: answers with their sources, audit rows; cited figures marked in place."""

from __future__ import annotations

import html
import re
from urllib.parse import quote as url_quote

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck
from assistant.figures import FigureCheck, contains_figure, find_figures
from assistant.locate import CitedRegion
from assistant.render import citation_heading
from ingest.models import ParsedDocument


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
    return tagged_html(passage, events)


def tagged_html(text: str, events: list[tuple[int, int, str]]) -> str:
    """Escape `text` and insert tags at offsets: events are (offset, order at that offset, tag)."""
    out, position = [], 0
    for index, _, tag in sorted(events):
        out.append(html.escape(text[position:index]))
        out.append(tag)
        position = index
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")


def cite_link(turn: int, marker: int, label: str, figure: str = "") -> str:
    """A link the page's script turns into a page view (assistant/ui_desk.py): turn, citation, figure."""
    key = f"{turn}-{marker}" + (f"-{url_quote(figure, safe='')}" if figure else "")
    return f"<a class='perfqa-cite' href='#perfqa-cite-{key}'>{html.escape(label)}</a>"


def _view_label(citation: Citation, page: int | None) -> str:
    page = page or citation.page_start
    return f"原文第{page}页" if page else "原文段落"


def _source_block(
    citation: Citation, figures: list[str], label: str, turn: int | None = None, page: int | None = None
) -> str:
    """A source: heading, the passage with its quotes and figures marked; with `turn`, a link to `page`."""
    body = highlight_figures(citation.passage, figures, citation.quotes)
    view = f" {cite_link(turn, citation.marker, _view_label(citation, page))}" if turn is not None else ""
    return (
        f"<details><summary>{html.escape(label)} {html.escape(citation_heading(citation))}{view}</summary>"
        f"<blockquote>{body}</blockquote></details>"
    )


def format_answer(answer: Answer, turn: int | None = None) -> str:
    """The chat message: answer, figure check, then each source with its figures highlighted.

    With `turn` (the answer's index in the conversation) each source and each verified figure links
    to its place in the original document.
    """
    parts = [f"<p><small>⚠ {html.escape(answer.notice)}</small></p>"] if answer.notice else []
    parts.append(_marked_answer(answer))
    if answer.mode == "llm":
        parts.append("<small>（模型生成，已逐项核对引用）</small>")
    if answer.figure_checks:
        checks = "，".join(_check_mark(c, turn) for c in answer.figure_checks)
        parts.append(f"<br><small>数字核对：{checks}</small>")
    figures_by_marker: dict[int, list[str]] = {}
    for check in answer.figure_checks:
        if check.found_in is not None:
            figures_by_marker.setdefault(check.found_in, []).append(check.figure)
    for citation in answer.citations:
        figures = figures_by_marker.get(citation.marker, [])
        # The link opens the page of the citation's first located figure (a passage can span pages).
        pages = [c.page for c in answer.figure_checks if c.found_in == citation.marker and c.page]
        parts.append(_source_block(citation, figures, f"[{citation.marker}]", turn, min(pages, default=None)))
    if answer.alternative is not None:
        parts.append("<hr><small>摘录式回答（直接引自原文）：</small>")
        parts.append(format_answer(answer.alternative))
    if answer.refused and answer.related:
        parts.append("<br><small>最接近的段落（仅供参考，未作为答案）：</small>")
        parts.extend(_source_block(c, [], "·") for c in answer.related[:3])
    return "\n".join(parts)


def _check_mark(check: FigureCheck, turn: int | None) -> str:
    if not check.verified:
        return f"{html.escape(check.figure)} ✗ 未在引文中找到"
    if turn is None or check.found_in is None:
        return f"{html.escape(check.figure)} ✓"
    return f"{cite_link(turn, check.found_in, check.figure, check.figure)} ✓"


def format_audit(checks: list[AuditCheck]) -> str:
    """Checks as expandable rows, inconsistent first, each with its source sentence highlighted."""
    if not checks:
        return "<p>报告中没有可以复算的比率或合计（原文没有把相关数字联系起来的表述）。</p>"
    rows = []
    for index, check in enumerate(checks):
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
            f"原文字符 {stated.raw_start}-{stated.raw_end} · "
            f"<a class='perfqa-finding' href='#perfqa-finding-{index}'>查看原文</a></p>"
            f"<blockquote>{source}</blockquote></details>"
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


def section_html(parsed: ParsedDocument, region: CitedRegion) -> str:
    """A DOCX/text passage within its section: a band over the quoted sentences, a box around each figure."""
    home = next((c for c in parsed.chunks if c.start <= region.passage[0] < c.end), None)
    start, end, path = region.passage[0], region.passage[1], ()
    if home is not None:
        same = [c for c in parsed.chunks if c.section_path == home.section_path]
        start, end = min([start] + [c.start for c in same]), max([end] + [c.end for c in same])
        path = home.section_path
    events: list[tuple[int, int, str]] = []
    for a, b in region.sentences or (region.passage,):
        events += [(a - start, 1, "<span class='band'>"), (b - start, 0, "</span>")]
    for figure in region.figures:
        events += [(figure.start - start, 2, "<mark class='figure'>"), (figure.end - start, -1, "</mark>")]
    body = tagged_html(parsed.normalized.text[start:end], events)
    heading = " &gt; ".join(html.escape(p) for p in path)
    return (
        f"<div class='perfqa-section'><p><b>{heading}</b></p><div style='line-height:1.9'>{body}</div></div>"
        "<style>.perfqa-section .band{background:rgba(250,204,21,.35)}"
        ".perfqa-section mark.figure{background:none;outline:2px solid rgb(220,38,38);color:inherit}</style>"
    )
