"""Answers as text for the terminal and as JSON for machines."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from assistant.answer import Answer, Citation
from assistant.audit import VERDICT_LABELS, AuditCheck, Verdict
from assistant.figure_table import StatedFigure
from assistant.figures import FigureCheck


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
        marks = "，".join(_figure_mark(c) for c in answer.figure_checks)
        lines.append(f"数字核对：{marks}")
    for citation in answer.citations:
        lines.append(f"[{citation.marker}] {citation_heading(citation)}")
        lines.append(f"    {citation.passage}")
    if answer.refused and answer.closest is not None:
        lines.append(f"最接近的是（不是答案）：{answer.closest.quotes[0]}")
        lines.append(f"    {citation_heading(answer.closest)}")
    if answer.refused and answer.related:
        lines.append("最接近的段落：")
        for citation in answer.related[:3]:
            lines.append(f"- {citation_heading(citation)}")
            lines.append(f"    {citation.passage}")
    return "\n".join(lines)


def _figure_mark(check: FigureCheck) -> str:
    if check.computed:
        return f"{check.figure}{'✓计算值，已复算' if check.verified else '✗复算不符'}"
    return f"{check.figure}{'✓' if check.verified else '✗未在引文中找到'}"


def answer_to_json(answer: Answer) -> dict[str, Any]:
    data = asdict(answer)
    data["all_figures_verified"] = answer.all_figures_verified
    return data


FIGURE_COLUMNS = (
    *("文档", "章节", "页码", "指标", "数值", "单位", "类型", "原文写法", "句子", "原文起", "原文止"),
    *("口径", "限定", "对象"),
)
KIND_LABELS = {"amount": "金额", "rate": "比率", "score": "得分", "target": "目标", "count": "数量"}


def figure_rows(figures: list[StatedFigure], title: str) -> list[list[str | int | float | None]]:
    return [
        [
            title,
            f.section,
            f.page,
            f.label,
            f.value,
            f.unit,
            KIND_LABELS[f.kind],
            f.text,
            f.sentence,
            f.raw_start,
            f.raw_end,
            f.metric,
            "、".join(f.qualifiers),
            f.subject or "部门整体",
        ]
        for f in figures
    ]


def audit_to_text(checks: list[AuditCheck]) -> str:
    if not checks:
        return "报告中没有可以复算的比率或合计（没有找到把数字联系起来的原文表述）。"
    counts = {v: sum(c.verdict is v for c in checks) for v in Verdict}
    lines = [
        f"共 {len(checks)} 项核对：不一致 {counts[Verdict.INCONSISTENT]}，待核 {counts[Verdict.UNCERTAIN]}，"
        f"尾差 {counts[Verdict.ROUNDING]}，一致 {counts[Verdict.CONSISTENT]}"
    ]
    for check in checks:
        lines.append(
            f"[{VERDICT_LABELS[check.verdict]}] {check.formula}；报告写 {check.stated.text}，"
            f"复算 {check.recomputed:.4f}{check.stated.unit}，差 {check.difference:+.4f}"
        )
        stated = check.stated
        page = f"第{stated.page}页 · " if stated.page else ""
        lines.append(f"    依据：{check.tied_by} · {stated.section} · {page}原文 {stated.raw_start}-{stated.raw_end}")
        lines.append(f"    {check.sentence}")
    return "\n".join(lines)


def audit_to_json(checks: list[AuditCheck]) -> list[dict[str, Any]]:
    return [asdict(check) | {"verdict_label": VERDICT_LABELS[check.verdict]} for check in checks]
