"""Traditional -> simplified Chinese (OpenCC), so 預算執行率 and 预算执行率 meet in search and questions."""

from __future__ import annotations

import functools
import re

import opencc

_TRADITIONAL_HINT = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in simplified characters; length-preserving for the characters OpenCC maps one to one."""
    if not _TRADITIONAL_HINT.search(text):
        return text
    return _converter().convert(text)
