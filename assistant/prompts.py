"""Prompt texts live in prompts/ as files; the refusal phrase is defined there once.

prompts/ is a package whose .txt files are package data, so an installed wheel (not only a source
checkout) finds them: they are read through importlib.resources, never through a source-tree path.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from importlib.resources.abc import Traversable

PROMPTS_DIR: Traversable = files("prompts")


@functools.cache
def load_prompt(name: str) -> str:
    return PROMPTS_DIR.joinpath(name).read_text(encoding="utf-8").strip()


REFUSAL = load_prompt("refusal.txt")
