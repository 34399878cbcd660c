"""Figures in text: a number with its unit when one follows ("9,896.45万元", "99.99%", "13,581人").

Shared by ingest (figure facts) and the assistant (answers and their checks).
"""

from __future__ import annotations

import re

UNITS = (
    "万亿元",
    "亿元",
    "万元",
    "千元",
    "元",
    "万人次",
    "万人",
    "人次",
    "人",
    "家次",
    "家",
    "个次",
    "个",
    "宗",
    "件",
    "场",
    "张",
    "分钟",
    "分",
    "%",
    "‰",
    "天",
    "个工作日",
    "项",
    "名",
    "次",
    "户",
    "所",
    "期",
    "批",
    "篇",
    "类",
    "条",
    "套",
    "台",
    "辆",
    "平方米",
    "公里",
    "岁",
    "小时",
    "个月",
    "年度",
    "年",
    "月",
    "日",
    "倍",
    "亩",
    "个百分点",
    "百分点",
    "间",
    "座",
    "处",
    "栋",
    "吨",
    "公顷",
    "立方米",
    "千米",
    "米",
    "册",
    "门",
    "校次",
    "车次",
    "架次",
    "课时",
    "学时",
    "公斤",
    "千克",
    "笔",
    "斤",
    "块",
)
_UNIT_PATTERN = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# "3.20万亩", "1.2万人": any unit may be scaled by 万 or 亿.
FIGURE = re.compile(rf"(?<![\d.])\d[\d,]*(?:\.\d+)?(?:\s*(?:[万亿]?(?:{_UNIT_PATTERN})))?")
MARKER = re.compile(r"\[(\d{1,2})\]")

_TITLE = re.compile(r"《[^《》]*》")


def find_figures(text: str) -> list[re.Match[str]]:
    """Figures in `text`; citation markers like [2] and names in 《》 (titles, not figures) are skipped."""
    skipped = [m.span() for m in MARKER.finditer(text)] + [m.span() for m in _TITLE.finditer(text)]
    return [m for m in FIGURE.finditer(text) if not any(a <= m.start() < b for a, b in skipped)]
