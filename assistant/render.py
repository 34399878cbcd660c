"""Answers as text for the terminal and as JSON for machines."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from assistant.answer import Answer, Citation


def page_label(citation: Citation) -> str:
    if citation.page_start is None:
        return ""
    if citation.page_end and citation.page_end != citation.page_start:
        return f"第{citation.page_start}-{citation.page_end}页"
    return f"第{citation.page_start}页"


def citation_heading(citation: Citation) -> str:
    parts = [
        f"《{citation.title}》",
        citation.section,
        page_label(citation),
        f"字符 {citation.raw_start}-{citation.raw_end}",
    ]
    return " · ".join(p for p in parts if p)


def answer_to_text(answer: Answer) -> str:
    lines = [answer.text, ""]
    if answer.figure_checks:
        marks = "，".join(f"{c.figure}{'✓' if c.verified else '✗未在引文中找到'}" for c in answer.figure_checks)
        lines.append(f"数字核对：{marks}")
    for citation in answer.citations:
        lines.append(f"[{citation.marker}] {citation_heading(citation)}")
        lines.append(f"    {citation.passage}")
    if answer.refused and answer.related:
        lines.append("最接近的段落：")
        for citation in answer.related[:3]:
            lines.append(f"- {citation_heading(citation)}")
            lines.append(f"    {citation.passage}")
    return "\n".join(lines)


def answer_to_json(answer: Answer) -> dict[str, Any]:
    data = asdict(answer)
    data["all_figures_verified"] = answer.all_figures_verified
    return data
