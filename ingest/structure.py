"""Heading hierarchy of a report: 一、 > （一） > 1. > （1）.

Each paragraph of the normalized text gets the section path it sits under, e.g.
("二、绩效自评情况", "（三）项目自评情况", "1.市就业补助资金"). A numbered item whose paragraph goes on
after its first sentence ("1.市就业补助资金。2023年，…") is labelled by that first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import NormalizedText

_LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]")),
    (3, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
)
MAX_LABEL_CHARS = 30
TABLE_ROW = re.compile(r"^(表\s*\d+[^｜]{0,40}|表格)｜")


@dataclass(frozen=True)
class Block:
    """A paragraph with the section path it belongs to (offsets into the normalized text)."""

    start: int
    end: int
    section_path: tuple[str, ...]
    heading_level: int | None
    is_bare_heading: bool = False


def heading_level(paragraph: str) -> int | None:
    for level, pattern in _LEVELS:
        if pattern.match(paragraph):
            return level
    return None


def heading_label(paragraph: str) -> str:
    """Short label of a heading paragraph: the whole line, or its first clause."""
    if len(paragraph) <= MAX_LABEL_CHARS and "。" not in paragraph.rstrip("。"):
        return paragraph.rstrip("。：:")
    first = re.split(r"[。：:；;]", paragraph, maxsplit=1)[0]
    if len(first) > MAX_LABEL_CHARS:
        first = first.split("，", 1)[0]
    return first if len(first) <= MAX_LABEL_CHARS else first[:MAX_LABEL_CHARS] + "…"


def parse_blocks(doc: NormalizedText, styled_headings: dict[int, int] | None = None) -> list[Block]:
    """Assign every paragraph its section path.

    `styled_headings` maps a raw offset where a paragraph starts to a heading level the file itself
    declares (Word heading styles); it wins over the numbering pattern.
    """
    styled_headings = styled_headings or {}
    stack: list[tuple[int, str]] = []
    blocks: list[Block] = []
    for start, end in doc.paragraphs:
        paragraph = doc.text[start:end]
        table = TABLE_ROW.match(paragraph)
        if table:
            # A table row sits in its own section named by the caption, under the current level-1/2 headings.
            path = tuple(label for lvl, label in stack if lvl < 3) + (table.group(1),)
            blocks.append(Block(start, end, path, None))
            continue
        level = styled_headings.get(doc.origin[start]) or heading_level(paragraph)
        if level is not None:
            stack = [(lvl, label) for lvl, label in stack if lvl < level]
            stack.append((level, heading_label(paragraph)))
        bare = level is not None and heading_label(paragraph) == paragraph
        blocks.append(Block(start, end, tuple(label for _, label in stack), level, bare))
    return blocks
