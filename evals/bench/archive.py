"""N FICTIONAL reports for the archive benchmark, and a fixed question list over them.

Built from evals.synthetic.generate: the same five fictional departments, but every (city, district,
year, department) gets its own random.Random, so every figure differs between reports. Each
department-year yields a department-wide report and a project report; formats rotate PDF, DOCX, TXT.
The order is fixed, so the first N reports of a bigger archive are the N reports of a smaller one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from evals.synthetic import generate as synthetic

# Fictional districts (they must end in 区 and be at most 4 characters for the metadata reader).
DISTRICTS = ("示例区", "样本区", "演示区", "模拟区", "范例区", "试点区", "参照区", "实验区", "虚拟区", "假设区")
CITIES = ("广州市", "江海市", "云山市", "青禾市")
YEARS = tuple(range(2023, 2013, -1))
FORMATS = ("pdf", "docx", "txt")


@dataclass(frozen=True)
class ArchiveReport:
    """What one generated file states (enough to ask about it and check the answer)."""

    path: str  # relative to the archive folder
    region: str  # e.g. "广州市样本区"
    department: str  # e.g. "教育局"
    year: int
    kind: str  # "dept" | "project"
    format: str
    project: str | None
    execution_rate: str  # as written, e.g. "97.25%"
    self_score: str  # as written, e.g. "92.50分"
    total_budget: str  # as written, e.g. "12,345.67万元"


@dataclass(frozen=True)
class BenchQuestion:
    question: str
    expected: str | None  # a figure the answer should contain; None for open questions


def _slots() -> Iterator[tuple[str, int, synthetic.DeptSpec]]:
    for city in CITIES:
        for district in DISTRICTS:
            for year in YEARS:
                for dept in synthetic.DEPARTMENTS:
                    yield city + district, year, dept


def _rebrand(report: synthetic.Report, region: str) -> synthetic.Report:
    """The same report issued in another (fictional) district."""

    def swap(value):
        if isinstance(value, str):
            return value.replace(synthetic.REGION, region)
        if isinstance(value, list | tuple):
            return type(value)(swap(v) for v in value)
        return value

    blocks = [swap(block) for block in report.blocks]
    facts = synthetic.replace(report.facts, title=swap(report.facts.title))
    return synthetic.replace(report, header=swap(report.header), blocks=blocks, facts=facts)


def _department_year(seed: int, region: str, year: int, dept: synthetic.DeptSpec) -> tuple:
    # A few draws give a project total above the department's project spending; draw again.
    for attempt in range(20):
        rng = random.Random(f"{seed}/{region}/{year}/{dept.code}/{attempt}")
        try:
            return synthetic._dept_year(rng, dept, year)
        except AssertionError:
            continue
    raise RuntimeError(f"no consistent figures for {region} {dept.name} {year}")


def write_archive(out_dir: Path, count: int, seed: int = 11, formats: tuple[str, ...] = FORMATS) -> list[ArchiveReport]:
    """Write `count` reports under out_dir plus archive.json; returns what each file states."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[ArchiveReport] = []
    for region, year, dept in _slots():
        if len(written) >= count:
            break
        for report in _department_year(seed, region, year, dept):
            if len(written) >= count:
                break
            report = _rebrand(report, region)
            fmt = formats[len(written) % len(formats)]
            name = f"{len(written):05d}_{dept.code}_{year}_{report.facts.report_type}.{fmt}"
            pages = synthetic.layout(report.blocks)
            if fmt == "pdf":
                synthetic.write_pdf(report, pages, out_dir / name)
            elif fmt == "docx":
                synthetic.write_docx(report, out_dir / name)
            else:
                synthetic.write_txt(report, pages, out_dir / name)
            facts = report.facts
            written.append(
                ArchiveReport(
                    path=name,
                    region=region,
                    department=dept.name,
                    year=year,
                    kind=facts.report_type,
                    format=fmt,
                    project=facts.project,
                    execution_rate=f"{facts.execution_rate:.2f}%",
                    self_score=synthetic.score_text(facts.self_score),
                    total_budget=synthetic.wan(facts.total_budget),
                )
            )
    payload = json.dumps([asdict(r) for r in written], ensure_ascii=False, indent=1)
    (out_dir / "archive.json").write_text(payload + "\n", encoding="utf-8")
    return written


def load_archive(out_dir: Path) -> list[ArchiveReport]:
    records = json.loads((out_dir / "archive.json").read_text(encoding="utf-8"))
    return [ArchiveReport(**record) for record in records]


# Questions with no department or year: they search the whole archive, however large.
OPEN_QUESTIONS = (
    "哪些部门自评得分低于90分？",
    "存在的主要问题有哪些？",
    "下一步改进措施是什么？",
    "绩效监控开展得怎么样？",
    "项目前期论证存在什么问题？",
    "受益群体满意度是多少？",
    "教育局部门整体总收入是多少？",
    "学位建设完成了多少？",
    "就业补助资金执行率多少？",
    "财政拨款收入是多少？",
)


def _scoped_questions(report: ArchiveReport) -> list[BenchQuestion]:
    who = f"{report.region}{report.department}{report.year}年"
    if report.kind == "project":
        return [
            BenchQuestion(f"{who}{report.project}项目预算执行率是多少？", report.execution_rate),
            BenchQuestion(f"{who}{report.project}项目自评得分多少？", report.self_score),
        ]
    return [
        BenchQuestion(f"{who}部门整体支出预算执行率是多少？", report.execution_rate),
        BenchQuestion(f"{who}部门整体自评得分是多少？", report.self_score),
        BenchQuestion(f"{who}部门整体总收入合计多少？", report.total_budget),
        BenchQuestion(f"{who}存在哪些主要问题？", None),
    ]


def bench_questions(reports: list[ArchiveReport], scoped: int = 30) -> list[BenchQuestion]:
    """A fixed list: `scoped` questions about reports spread evenly over the archive, then the open ones."""
    per_report = [_scoped_questions(r) for r in reports]
    picked: list[BenchQuestion] = []
    step = max(1, len(reports) // scoped)
    round_ = 0
    while len(picked) < scoped and round_ < 4:
        for index in range(0, len(reports), step):
            options = per_report[index]
            if round_ < len(options) and len(picked) < scoped:
                picked.append(options[round_])
        round_ += 1
    return picked + [BenchQuestion(q, None) for q in OPEN_QUESTIONS]
