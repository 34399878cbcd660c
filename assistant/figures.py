"""Figures in text and the check that each one is verbatim in the passage it cites.

A figure is a number with its unit when one follows ("9,896.45万元", "99.99%", "13,581人").
Comparison is on the compact form (no spaces, no thousands separators) and respects number
boundaries, so "99" never counts as found inside "99.99%".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.figure_text import FIGURE, MARKER, UNITS, find_figures
from ingest.normalize import compact, normalize_chars

__all__ = ["FIGURE", "MARKER", "UNITS", "FigureCheck", "check_figures", "contains_figure", "find_figures"]

_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")


@dataclass(frozen=True)
class FigureCheck:
    """One figure of an answer and whether the passages its claim cites contain it verbatim."""

    figure: str
    cited: tuple[int, ...]
    verified: bool
    found_in: int | None
    computed: bool = False  # a result the answer computed from cited operands, verified by recomputing it
    formula: str = ""
    # Where the verified figure stands in a PDF source (assistant/locate.py): 1-based page and
    # (x0, top, x1, bottom) in PDF points as pdfplumber measures them; None elsewhere.
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


def contains_figure(passage: str, figure: str) -> bool:
    """True when `figure` appears in `passage` as a whole number (with its unit, if it has one)."""
    wanted = compact(figure)
    if not wanted:
        return False
    # A bare number must not continue into more digits; a unit already closes the figure.
    tail = r"(?!\d|\.\d)" if wanted[-1].isdigit() else ""
    pattern = rf"(?<![\d.]){re.escape(wanted)}{tail}"
    # Numbers that only whitespace separates ("8,402.08 7,982.99" in a text table) stay separate.
    return re.search(pattern, compact(_DIGIT_GAP.sub("|", passage))) is not None


def split_claims(answer: str) -> list[tuple[str, tuple[int, ...]]]:
    """The answer cut after each run of markers: (claim text, the markers that close it)."""
    claims: list[tuple[str, tuple[int, ...]]] = []
    position = 0
    for run in re.finditer(r"(?:\[\d{1,2}\])+", answer):
        markers = tuple(int(n) for n in MARKER.findall(run.group(0)))
        claims.append((answer[position : run.start()], markers))
        position = run.end()
    if answer[position:].strip():
        claims.append((answer[position:], ()))
    return claims


def check_figures(answer: str, passages: dict[int, str]) -> list[FigureCheck]:
    """Check every figure of every claim against the passages that claim cites."""
    checks: list[FigureCheck] = []
    for claim, markers in split_claims(normalize_chars(answer)):
        for match in find_figures(claim):
            figure = match.group(0)
            found = next((n for n in markers if n in passages and contains_figure(passages[n], figure)), None)
            checks.append(FigureCheck(re.sub(r"\s+", "", figure), markers, found is not None, found))
    return checks
