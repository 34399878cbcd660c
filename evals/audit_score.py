"""Score the arithmetic audit on a folder of reports with planted inconsistencies.

    python -m evals.audit_score --dir evals/audit_blind2 [--json OUT|-] [--verbose]

Each `<name>_audit.json` in the folder is an answer key: `document` (the report's file name, next to the key)
and `planted_inconsistencies`, each with the `stated` figure as the report writes it and a `snippet` of the
report that contains it. The audit is run on every report; then:

- a planted item is found when a check with verdict 不一致 has the stated figure among its figures (the
  figure it checks or one of its operands); a 尾差, 待核 or 一致 verdict on it does not count;
- a false alarm is a 不一致 check none of whose figures is a planted figure; 待核 checks that touch no planted
  figure are counted apart (a partial list the auditor should look at, not an error);
- time is the audit alone (parsing is timed apart), the best of `--repeat` runs;
- where the key also lists `consistent_checks` (snippet and expected, or a `stated` phrase), a relation
  counts as covered when a check touches its snippet and has the expected value among its figures: how much
  of the report's arithmetic the audit reads at all, which bounds what it could find.

A planted figure is located by its snippet in the report's text (whitespace and thousands separators aside;
a snippet written as a table row also matches the keyed row a Word or PDF table becomes, cell by cell), so
the scorer works on any folder whose keys follow this schema (evals/audit_blind2/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.audit import VERDICT_LABELS, AuditCheck, Verdict, audit_document
from assistant.figure_table import StatedFigure
from ingest.models import ParsedDocument
from ingest.pipeline import parse_document
from ingest.settings import Settings


@dataclass
class PlantedResult:
    id: str
    stated: str
    found: bool
    verdicts: list[str]  # verdict labels of the checks that touch the planted figure
    located: bool  # the stated figure was found in the report's text


@dataclass
class ReportScore:
    document: str
    planted: list[PlantedResult]
    false_alarms: list[str]  # "stated — formula" of each 不一致 check that touches no planted figure
    uncertain: list[str]  # 待核 checks that touch no planted figure
    unread: list[str]  # consistent relations of the key no check reads
    checks: int
    consistent_covered: int
    consistent_total: int
    parse_seconds: float
    audit_seconds: float

    @property
    def found(self) -> int:
        return sum(p.found for p in self.planted)


@dataclass
class FolderScore:
    reports: list[ReportScore] = field(default_factory=list)

    def totals(self) -> dict[str, object]:
        planted = sum(len(r.planted) for r in self.reports)
        found = sum(r.found for r in self.reports)
        return {
            "found": found,
            "planted": planted,
            "false_alarms": sum(len(r.false_alarms) for r in self.reports),
            "uncertain": sum(len(r.uncertain) for r in self.reports),
            "consistent_covered": sum(r.consistent_covered for r in self.reports),
            "consistent_total": sum(r.consistent_total for r in self.reports),
            "max_false_alarms_per_report": max((len(r.false_alarms) for r in self.reports), default=0),
            "max_audit_seconds": max((r.audit_seconds for r in self.reports), default=0.0),
        }


def _compact(text: str) -> tuple[str, list[int]]:
    """Text without whitespace and thousands separators, with each kept character's offset in `text`."""
    kept, where = [], []
    for at, char in enumerate(text):
        if char.isspace() or (char in ",，" and 0 < at < len(text) - 1 and _digits_around(text, at)):
            continue
        kept.append(char)
        where.append(at)
    return "".join(kept), where


def _digits_around(text: str, at: int) -> bool:
    return text[at - 1].isdigit() and text[at + 1].isdigit()


def planted_span(raw: str, snippet: str, stated: str) -> tuple[int, int] | None:
    """The raw span of the stated figure inside its snippet; None when the snippet is not in the text."""
    body, where = _compact(raw)
    snip, _ = _compact(snippet)
    figure, _ = _compact(stated)
    at = body.find(snip)
    if at < 0:
        at, matched = _keyed_row_match(body, snippet)
        figure = matched if figure == snip else figure  # a whole-snippet span stays the whole row's cells
        snip = matched
    if at < 0 or not figure:
        return None
    inner = snip.find(figure)
    number = re.match(r"-?\d[\d.]*", figure)
    if inner < 0 and number:  # the stated unit may be written apart ("86.80 分") or only once for a list
        inner = snip.find(number.group(0))
        figure = number.group(0)
    if inner < 0:
        return None
    start = where[at + inner]
    end = where[at + inner + len(figure) - 1] + 1
    return start, end


_SNIPPET_CELLS = re.compile(r"[｜|\t]| {2,}|\u3000+")
# Between two cells of a keyed row (DOCX/PDF tables): the rest of the cell (a unit the header gave it), the
# cell separator and the next column's header: "…6座，实际值：5座…" for the text row "6座    5座". The
# separator is gone where _compact took it for a thousands separator ("104.28，1—9月累计：").
_KEYED_GAP = r"[^，。｜：]{0,6}(?:，(?:[^，。｜：]{1,30}：)?|[^，。｜：]{1,30}：)"


def _keyed_row_match(body: str, snippet: str) -> tuple[int, str]:
    """Where a snippet written as a text table row ("合计｜100｜88.51") stands in a keyed row of the same table:
    every cell in order, inside one row, with only cell boundaries between. (-1, "") when there is none."""
    cells = [_compact(c)[0] for c in _SNIPPET_CELLS.split(snippet)]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return -1, ""
    found = re.search(_KEYED_GAP.join(re.escape(c) for c in cells), body)
    return (found.start(), found.group(0)) if found else (-1, "")


def _figures(check: AuditCheck) -> tuple[StatedFigure, ...]:
    return (check.stated, *check.sources)


def _touches(check: AuditCheck, span: tuple[int, int]) -> bool:
    start, end = span
    return any(f.raw_start < end and start < f.raw_end for f in _figures(check))


def _covers(check: AuditCheck, span: tuple[int, int], expected: float) -> bool:
    return _touches(check, span) and any(abs(f.value - expected) < 1e-6 for f in _figures(check))


def _expected(item: dict) -> float | None:
    """The checked figure's value: `expected`, or (keys that give only `stated`, a phrase) its last number."""
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", str(item.get("expected") or item.get("stated") or ""))
    return float(numbers[-1].replace(",", "")) if numbers else None


def _describe(check: AuditCheck) -> str:
    return f"{check.stated.text}（{check.kind}）{check.formula}；依据：{check.tied_by}"


def score_report(key_path: Path, settings: Settings, repeat: int = 1) -> ReportScore:
    key = json.loads(key_path.read_text(encoding="utf-8"))
    report = key_path.parent / key["document"]
    started = time.perf_counter()
    parsed: ParsedDocument = parse_document(report, None, settings)
    parse_seconds = time.perf_counter() - started
    audit_seconds = float("inf")
    checks: list[AuditCheck] = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        checks = audit_document(parsed)
        audit_seconds = min(audit_seconds, time.perf_counter() - started)
    raw = parsed.normalized.raw
    spans: list[tuple[int, int]] = []
    planted = []
    for item in key["planted_inconsistencies"]:
        span = planted_span(raw, item["snippet"], item["stated"])
        touching = [c for c in checks if span is not None and _touches(c, span)]
        if span is not None:
            spans.append(span)
        planted.append(
            PlantedResult(
                id=str(item.get("id", "")),
                stated=item["stated"],
                found=any(c.verdict is Verdict.INCONSISTENT for c in touching),
                verdicts=sorted({VERDICT_LABELS[c.verdict] for c in touching}),
                located=span is not None,
            )
        )
    unplanted = [c for c in checks if not any(_touches(c, s) for s in spans)]
    consistent = key.get("consistent_checks", [])
    covered, unread = 0, []
    for item in consistent:
        snippet = item.get("snippet") or item.get("stated") or ""
        span = planted_span(raw, snippet, snippet)
        expected = _expected(item)
        if span is not None and expected is not None and any(_covers(c, span, expected) for c in checks):
            covered += 1
        else:
            unread.append(f"{snippet}（{item.get('note', item.get('formula', ''))}）")
    return ReportScore(
        document=key["document"],
        planted=planted,
        false_alarms=[_describe(c) for c in unplanted if c.verdict is Verdict.INCONSISTENT],
        uncertain=[_describe(c) for c in unplanted if c.verdict is Verdict.UNCERTAIN],
        checks=len(checks),
        unread=unread,
        consistent_covered=covered,
        consistent_total=len(consistent),
        parse_seconds=parse_seconds,
        audit_seconds=audit_seconds,
    )


def score_folder(folder: Path, repeat: int = 1) -> FolderScore:
    settings = Settings()
    score = FolderScore()
    for key_path in sorted(folder.glob("*_audit.json")):
        score.reports.append(score_report(key_path, settings, repeat))
    return score


def format_score(score: FolderScore, verbose: bool = False) -> str:
    lines = [
        f"{'报告':<40} {'发现/埋设':>8} {'误报(不一致)':>10} {'待核':>4} {'核对数':>5} {'一致关系已核':>8}"
        f" {'解析s':>6} {'核对s':>6}"
    ]
    for r in score.reports:
        lines.append(
            f"{r.document:<40} {r.found:>4}/{len(r.planted):<3} {len(r.false_alarms):>12} {len(r.uncertain):>6}"
            f" {r.checks:>7} {r.consistent_covered:>7}/{r.consistent_total:<5}"
            f" {r.parse_seconds:>8.2f} {r.audit_seconds:>8.3f}"
        )
        for p in r.planted:
            mark = "✓" if p.found else "✗"
            where = "" if p.located else "（未在原文中找到该数字）"
            lines.append(f"    {mark} {p.id} {p.stated} 核对结论：{'、'.join(p.verdicts) or '无'}{where}")
        if verbose:
            lines += [f"    误报：{a}" for a in r.false_alarms]
            lines += [f"    待核：{a}" for a in r.uncertain]
            lines += [f"    未核：{a}" for a in r.unread]
    t = score.totals()
    lines.append(
        f"合计：发现 {t['found']}/{t['planted']}，误报 {t['false_alarms']}"
        f"（单份最多 {t['max_false_alarms_per_report']}），"
        f"待核 {t['uncertain']}，一致关系已核 {t['consistent_covered']}/{t['consistent_total']}，"
        f"单份核对最长 {t['max_audit_seconds']:.3f}s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.audit_score", description="在埋设了算术错误的报告上评测核对")
    parser.add_argument("--dir", type=Path, required=True, help="报告与 *_audit.json 答案所在的文件夹")
    parser.add_argument("--json", nargs="?", const="-", help="把结果写成 JSON（不给文件名则写到标准输出）")
    parser.add_argument("--repeat", type=int, default=1, help="每份报告核对几次，取最快一次计时")
    parser.add_argument("--verbose", action="store_true", help="列出每条误报、待核和答案中未被核对的一致关系")
    args = parser.parse_args(argv)
    if not sorted(args.dir.glob("*_audit.json")):
        print(f"{args.dir} 中没有 *_audit.json 答案文件，请检查 --dir", file=sys.stderr)
        return 2
    score = score_folder(args.dir, args.repeat)
    if args.json:
        payload = {
            "totals": score.totals(),
            "reports": [asdict(r) | {"found": r.found} for r in score.reports],
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text, encoding="utf-8")
            print(format_score(score, args.verbose))
    else:
        print(format_score(score, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
