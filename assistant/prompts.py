"""Prompt texts live in prompts/ as files; the refusal phrase is defined there once."""

from __future__ import annotations

import functools
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


@functools.cache
def load_prompt(name: str) -> str:
    return (PROMPTS_DIR / name).read_text(encoding="utf-8").strip()


REFUSAL = load_prompt("refusal.txt")
