"""Build evals/synthetic_dataset.jsonl from the FICTIONAL corpus of evals.synthetic.generate (same seed).

Every item is derived from the generator's facts; each figure and evidence string is checked against the
text each source document is laid out with (whitespace removed), and with --verify also against what
pdfplumber / python-docx / a GBK decode read back from freshly generated files.

    python -m evals.synthetic.make_dataset [--seed 7] [--out evals/synthetic_dataset.jsonl] [--verify]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from evals.synthetic.generate import (
    DEPARTMENTS,
    YEARS,
    DeptSpec,
    Report,
    build_reports,
    expected_text,
    file_name,
    generate,
    layout,
    pct,
    score_text,
    wan,
)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "evals" / "synthetic_dataset.jsonl"
REFUSAL = (ROOT / "prompts" / "refusal.txt").read_text(encoding="utf-8").strip()


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Draft:
    question: str
    category: str
    answer: str
    figures: list[str]
    # Each entry: alternatives for one evidence string; the first found in a source document is used.
    evidence: list[tuple[str, ...]]
    difficulty: str
    sources: list[str] = field(default_factory=list)  # report keys
    chosen: list[str] = field(default_factory=list)


class Corpus:
    def __init__(self, seed: int) -> None:
        self.reports = {r.key: r for r in build_reports(seed)}
        self._texts: dict[str, list[str]] = {}

    def dept(self, code: str, year: int) -> Report:
        return self.reports[f"{code}_{year}_dept"]

    def project(self, code: str, year: int) -> Report:
        return self.reports[f"{code}_{year}_project"]

    def texts(self, key: str) -> list[str]:
        """Compacted expected text of every format of a report."""
        if key not in self._texts:
            report = self.reports[key]
            pages = layout(report.blocks)
            self._texts[key] = [compact(expected_text(report, fmt, pages)) for fmt in report.formats]
        return self._texts[key]


def _in_all(corpus: Corpus, key: str, needle: str) -> bool:
    return all(needle in text for text in corpus.texts(key))


def resolve(corpus: Corpus, draft: Draft) -> None:
    """Pick evidence alternatives present in every format of a source; check figures; enforce the format."""
    draft.chosen = []
    for options in draft.evidence:
        # A clause of an option is the fallback when a page break (running header, page number) splits it.
        # Failing that, the longest piece (>= 10 characters) of the first option.
        clauses = [c for option in options for c in re.split("[，。]", option) if len(c) >= 8 and c not in options]
        first = options[0][:40]
        pieces = [first[i : i + n] for n in range(len(first) - 1, 9, -1) for i in range(len(first) - n + 1)]
        for option in [*options, *clauses, *pieces]:
            option = option[:40]
            if any(_in_all(corpus, key, option) for key in draft.sources):
                draft.chosen.append(option)
                break
        else:
            raise AssertionError(f"{draft.question}: 证据不在来源文档中：{options}")
    for text in draft.chosen:
        if not 8 <= len(text) <= 40 or re.search(r"\s", text):
            raise AssertionError(f"{draft.question}: 证据长度或空白不合格：{text!r}")
    for figure in draft.figures:
        if not any(_in_all(corpus, key, compact(figure)) for key in draft.sources):
            raise AssertionError(f"{draft.question}: 数字不在来源文档中：{figure}")
        if figure not in draft.answer:
            raise AssertionError(f"{draft.question}: 答案中没有数字 {figure}")


def _alias(rng: random.Random, dept: DeptSpec) -> str:
    return rng.choice(dept.aliases)


def _exec_evidence(facts) -> tuple[str, ...]:
    return (
        f"执行数为{wan(facts.total_spend)}，预算执行率为{pct(facts.execution_rate)}",
        f"预算执行率为{pct(facts.execution_rate)}",
    )


def _project_evidence(name: str, year: int, project) -> tuple[tuple[str, ...], tuple[str, ...]]:
    budget = (f"{name}。{year}年，预算安排{wan(project.budget)}", f"预算安排{wan(project.budget)}")
    spend = (f"全年执行数为{wan(project.spend)}，预算执行率为{pct(project.rate)}", f"预算执行率为{pct(project.rate)}")
    return budget, spend


def _window(text: str, figure: str) -> str:
    """The clause of `text` that ends with `figure` (8-40 characters)."""
    end = text.index(figure) + len(figure)
    start = max(text.rfind(mark, 0, text.index(figure)) for mark in "，。；：") + 1
    start = max(start, end - 40)
    while end - start < 8 and end < len(text) and text[end] not in "，。；":
        end += 1  # too short ("新改扩建学校6所" is fine, "对33个项目" is not): take the clause's rest
    return text[start:end]


def spending(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int, variant: int) -> Draft:
    report = corpus.dept(dept.code, year)
    f = report.facts
    who = f"{year}年{_alias(rng, dept)}"
    key = report.key
    if variant == 0:
        return Draft(
            f"{who}部门整体总收入合计多少？",
            "spending",
            f"{year}年{dept.short}部门整体总收入合计{wan(f.total_income)}，其中财政拨款收入{wan(f.fiscal_income)}。",
            [wan(f.total_income)],
            [(f"部门整体总收入合计{wan(f.total_income)}",)],
            "easy",
            [key],
        )
    if variant == 1:
        return Draft(
            f"{who}部门整体预算执行率是多少？",
            "spending",
            f"全年部门预算数为{wan(f.total_budget)}，执行数为{wan(f.total_spend)}，"
            f"预算执行率为{pct(f.execution_rate)}。",
            [pct(f.execution_rate)],
            [_exec_evidence(f)],
            "easy",
            [key],
        )
    if variant == 2:
        return Draft(
            f"{who}的基本支出和项目支出各是多少？",
            "spending",
            f"总支出{wan(f.total_spend)}，其中基本支出{wan(f.basic_spend)}，项目支出{wan(f.project_spend)}。",
            [wan(f.basic_spend), wan(f.project_spend)],
            [
                (
                    f"其中基本支出{wan(f.basic_spend)}，项目支出{wan(f.project_spend)}",
                    f"其中基本支出{wan(f.basic_spend)}",
                )
            ],
            "medium",
            [key],
        )
    if variant == 3:
        return Draft(
            f"{who}的财政拨款收入有多少？",
            "spending",
            f"财政拨款收入{wan(f.fiscal_income)}，其他收入{wan(f.other_income)}。",
            [wan(f.fiscal_income)],
            [(f"其中财政拨款收入{wan(f.fiscal_income)}", f"财政拨款收入{wan(f.fiscal_income)}")],
            "easy",
            [key],
        )
    return Draft(
        f"{who}全年部门预算数是多少？",
        "spending",
        f"全年部门预算数为{wan(f.total_budget)}，执行数为{wan(f.total_spend)}。",
        [wan(f.total_budget)],
        [(f"全年部门预算数为{wan(f.total_budget)}", f"部门预算数为{wan(f.total_budget)}")],
        "easy",
        [key],
    )


def table(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int, index: int, variant: int) -> Draft:
    report = corpus.dept(dept.code, year)
    project = report.facts.projects[index % len(report.facts.projects)]
    who = f"{year}年{_alias(rng, dept)}"
    budget_ev, spend_ev = _project_evidence(project.name, year, project)
    line = (
        f"{project.name}预算数{wan(project.budget)}，执行数{wan(project.spend)}，执行率{pct(project.rate)}（见表1）。"
    )
    if variant == 0:
        question, figures, evidence = f"{who}{project.name}项目预算安排了多少？", [wan(project.budget)], [budget_ev]
    elif variant == 1:
        question, figures, evidence = f"{who}{project.name}项目全年执行数是多少？", [wan(project.spend)], [spend_ev]
    else:
        question, figures, evidence = f"{who}{project.name}项目的执行率？", [pct(project.rate)], [spend_ev]
    return Draft(question, "spending", line, figures, evidence, "medium", [report.key])


def target(corpus: Corpus, rng: random.Random, report: Report, dept: DeptSpec, index: int, project: bool) -> Draft:
    f = report.facts
    year = f.year
    ind = f.indicators[index % len(f.indicators)]
    who = f"{year}年{_alias(rng, dept)}" + (f"{f.project}项目" if project else "")
    if ind.completion is None:
        return Draft(
            f"{who}“{ind.name}”的实际值是多少？",
            "target",
            f"{ind.name}年度目标值为不低于{ind.target}，实际值为{ind.actual}，完成年初目标。",
            [ind.actual],
            [(f"实际值为{ind.actual}，完成年初目标",)],
            "easy",
            [report.key],
        )
    status = "完成年初目标" if ind.met else "未完成年初目标"
    answer = f"{ind.name}目标值为{ind.target}，实际完成{ind.actual}，完成率为{pct(ind.completion)}，{status}。"
    evidence = [
        (f"{ind.name}：{year}年度目标值为{ind.target}", f"{year}年度目标值为{ind.target}"),
        (f"实际完成{ind.actual}，完成率为{pct(ind.completion)}",),
    ]
    if index % 2:
        question = f"{who}“{ind.name}”指标的完成率是多少？是否完成年初目标？"
        figures = [pct(ind.completion)]
    else:
        question = f"{who}“{ind.name}”的年度目标值和实际完成值分别是多少？"
        figures = [ind.target, ind.actual]
    return Draft(question, "target", answer, figures, evidence, "medium", [report.key])


def outcome(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int, index: int) -> Draft:
    report = corpus.dept(dept.code, year)
    item = report.facts.outcomes[index % len(report.facts.outcomes)]
    sentence = re.sub(r"^\d+\.", "", item.sentence)
    return Draft(
        f"{year}年{_alias(rng, dept)}{item.ask}？",
        "outcome",
        sentence,
        [item.figure],
        [(_window(item.sentence, item.figure),)],
        "easy" if index % 2 == 0 else "medium",
        [report.key],
    )


def evaluation(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int, variant: int) -> Draft:
    report = corpus.dept(dept.code, year)
    f = report.facts
    who = f"{year}年{_alias(rng, dept)}"
    score_ev = (f"自评得分{score_text(f.self_score)}，自评级次为{f.grade}",)
    if variant == 0:
        return Draft(
            f"{who}的部门整体自评得分是多少？",
            "evaluation",
            f"部门整体绩效自评得分{score_text(f.self_score)}，自评级次为{f.grade}。",
            [score_text(f.self_score)],
            [score_ev],
            "easy",
            [report.key],
        )
    if variant == 1:
        project = f.projects[year % len(f.projects)]
        return Draft(
            f"{who}{project.name}项目自评得分多少分？等级是什么？",
            "evaluation",
            f"{project.name}项目自评得分{score_text(project.score)}，等级为{'优' if project.score >= 90 else '良'}。",
            [score_text(project.score)],
            [(f"预算执行率为{pct(project.rate)}。自评得分{score_text(project.score)}",)],
            "medium",
            [report.key],
        )
    return Draft(
        f"{who}部门整体绩效自评的级次是什么？",
        "evaluation",
        f"自评级次为{f.grade}（自评得分{score_text(f.self_score)}）。",
        [score_text(f.self_score)],
        [score_ev],
        "easy",
        [report.key],
    )


def problems(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int, measures: bool) -> Draft:
    report = corpus.dept(dept.code, year)
    items = report.facts.measures if measures else report.facts.problems
    what = "提出了哪些下一步改进措施" if measures else "指出了哪些主要问题"
    answer = "；".join(f"{n}是{text}" for n, text in zip("一二三", items, strict=False)) + "。"
    return Draft(
        f"{year}年{_alias(rng, dept)}部门整体支出绩效自评报告{what}？",
        "evaluation",
        answer,
        [],
        [(f"一是{items[0]}",), (f"二是{items[1]}",)],
        "medium",
        [report.key],
    )


FUNCTION_TOPICS = {"edu": ("学生资助", 4), "health": ("疾病预防控制", 1), "civil": ("社会救助", 1),
                   "hrss": ("劳动关系", 4), "finance": ("国库和政府采购", 2)}  # fmt: skip


def function(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int) -> Draft:
    report = corpus.dept(dept.code, year)
    topic, index = FUNCTION_TOPICS[dept.code]
    text = report.facts.functions[index]
    return Draft(
        f"根据{year}年{_alias(rng, dept)}的绩效自评报告，该局在{topic}方面承担什么职能？",
        "function",
        text,
        [],
        [(text[:40],)],
        "medium",
        [report.key],
    )


def key_tasks(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int) -> Draft:
    report = corpus.dept(dept.code, year)
    summary = report.facts.summary
    start = summary.index("围绕")
    tasks = summary[start + 2 : summary.index("等重点任务")]
    return Draft(
        f"{year}年{_alias(rng, dept)}年度重点工作任务有哪些？",
        "function",
        f"围绕{tasks}等重点任务开展工作。",
        [],
        [(summary[start : summary.rindex("、", start, start + 40)],)],
        "medium",
        [report.key],
    )


def subitem(corpus: Corpus, rng: random.Random, dept: DeptSpec, year: int, index: int) -> Draft:
    report = corpus.project(dept.code, year)
    f = report.facts
    row = f.projects[index % len(f.projects)]
    return Draft(
        f"{year}年{_alias(rng, dept)}{f.project}项目支出绩效自评报告中，{row.name}的预算数和执行率是多少？",
        "spending",
        f"{row.name}预算安排{wan(row.budget)}，执行数{wan(row.spend)}，执行率{pct(row.rate)}（见表1）。",
        [wan(row.budget), pct(row.rate)],
        [(f"{row.name}：预算安排{wan(row.budget)}",), (f"全年执行数为{wan(row.spend)}，预算执行率为{pct(row.rate)}",)],
        "medium",
        [report.key],
    )


def _higher(a: float, b: float, first: str, second: str) -> str:
    if a == b:
        return "两者相同"
    return f"{first if a > b else second}更高"


def multi_hop(corpus: Corpus, rng: random.Random) -> list[Draft]:
    by_code = {d.code: d for d in DEPARTMENTS}
    drafts: list[Draft] = []

    def alias(code: str) -> str:
        return _alias(rng, by_code[code])

    # 1. One department, two years: execution rate.
    a, b = corpus.dept("edu", 2022).facts, corpus.dept("edu", 2023).facts
    drafts.append(
        Draft(
            f"{alias('edu')}2022年和2023年的部门预算执行率相比，哪一年更高？",
            "multi_hop",
            f"2022年预算执行率为{pct(a.execution_rate)}，2023年为{pct(b.execution_rate)}，"
            f"{_higher(a.execution_rate, b.execution_rate, '2022年', '2023年')}。",
            [pct(a.execution_rate), pct(b.execution_rate)],
            [_exec_evidence(a), _exec_evidence(b)],
            "hard",
            ["edu_2022_dept", "edu_2023_dept"],
        )
    )
    # 2. Two departments, one year: self-evaluation score.
    a, b = corpus.dept("health", 2023).facts, corpus.dept("civil", 2023).facts
    drafts.append(
        Draft(
            f"2023年{alias('health')}和民政局的部门整体自评得分哪个更高？",
            "multi_hop",
            f"卫生健康局自评得分{score_text(a.self_score)}，民政局{score_text(b.self_score)}，"
            f"{_higher(a.self_score, b.self_score, '卫生健康局', '民政局')}。",
            [score_text(a.self_score), score_text(b.self_score)],
            [
                (f"自评得分{score_text(a.self_score)}，自评级次为{a.grade}",),
                (f"自评得分{score_text(b.self_score)}，自评级次为{b.grade}",),
            ],
            "hard",
            ["health_2023_dept", "civil_2023_dept"],
        )
    )
    # 3. A project's budget in two years.
    pa, pb = corpus.dept("hrss", 2021).facts.projects[0], corpus.dept("hrss", 2023).facts.projects[0]
    drafts.append(
        Draft(
            f"{alias('hrss')}{pa.name}2021年和2023年的预算安排分别是多少？哪一年更多？",
            "multi_hop",
            f"2021年预算安排{wan(pa.budget)}，2023年预算安排{wan(pb.budget)}，"
            f"{'2021年' if pa.budget > pb.budget else '2023年'}更多。",
            [wan(pa.budget), wan(pb.budget)],
            [_project_evidence(pa.name, 2021, pa)[0], _project_evidence(pb.name, 2023, pb)[0]],
            "hard",
            ["hrss_2021_dept", "hrss_2023_dept"],
        )
    )
    # 4. Department budget in two years.
    a, b = corpus.dept("finance", 2021).facts, corpus.dept("finance", 2022).facts
    drafts.append(
        Draft(
            f"{alias('finance')}2021年和2022年的全年部门预算数分别是多少？2022年比2021年增加还是减少？",
            "multi_hop",
            f"2021年部门预算数为{wan(a.total_budget)}，2022年为{wan(b.total_budget)}，"
            f"2022年{'增加' if b.total_budget > a.total_budget else '减少'}。",
            [wan(a.total_budget), wan(b.total_budget)],
            [(f"全年部门预算数为{wan(a.total_budget)}",), (f"全年部门预算数为{wan(b.total_budget)}",)],
            "hard",
            ["finance_2021_dept", "finance_2022_dept"],
        )
    )
    # 5. Two departments, one year: execution rate.
    a, b = corpus.dept("edu", 2021).facts, corpus.dept("hrss", 2021).facts
    drafts.append(
        Draft(
            f"2021年{alias('edu')}与{alias('hrss')}的部门预算执行率分别是多少？哪个更高？",
            "multi_hop",
            f"教育局为{pct(a.execution_rate)}，人力资源和社会保障局为{pct(b.execution_rate)}，"
            f"{_higher(a.execution_rate, b.execution_rate, '教育局', '人力资源和社会保障局')}。",
            [pct(a.execution_rate), pct(b.execution_rate)],
            [_exec_evidence(a), _exec_evidence(b)],
            "hard",
            ["edu_2021_dept", "hrss_2021_dept"],
        )
    )
    # 6. A table row in two years.
    pa, pb = corpus.dept("health", 2022).facts.projects[1], corpus.dept("health", 2023).facts.projects[1]
    drafts.append(
        Draft(
            f"{alias('health')}{pa.name}项目2022年和2023年的执行率比较",
            "multi_hop",
            f"2022年执行率为{pct(pa.rate)}，2023年为{pct(pb.rate)}，{_higher(pa.rate, pb.rate, '2022年', '2023年')}。",
            [pct(pa.rate), pct(pb.rate)],
            [_project_evidence(pa.name, 2022, pa)[1], _project_evidence(pb.name, 2023, pb)[1]],
            "hard",
            ["health_2022_dept", "health_2023_dept"],
        )
    )
    # 7. An indicator's actual value in two years.
    ia, ib = corpus.dept("civil", 2021).facts.indicators[0], corpus.dept("civil", 2022).facts.indicators[0]
    drafts.append(
        Draft(
            f"{alias('civil')}2021年和2022年{ia.name}的实际完成数分别是多少？",
            "multi_hop",
            f"2021年实际完成{ia.actual}（目标{ia.target}），2022年实际完成{ib.actual}（目标{ib.target}）。",
            [ia.actual, ib.actual],
            [
                (f"实际完成{ia.actual}，完成率为{pct(ia.completion)}",),
                (f"实际完成{ib.actual}，完成率为{pct(ib.completion)}",),
            ],
            "hard",
            ["civil_2021_dept", "civil_2022_dept"],
        )
    )
    # 8. A project's score against its department's score, same report.
    f = corpus.dept("civil", 2022).facts
    p = f.projects[0]
    drafts.append(
        Draft(
            f"2022年{alias('civil')}{p.name}项目的自评得分与该局部门整体自评得分相比，哪个更高？",
            "multi_hop",
            f"{p.name}项目自评得分{score_text(p.score)}，部门整体自评得分{score_text(f.self_score)}，"
            f"{_higher(p.score, f.self_score, '项目得分', '部门整体得分')}。",
            [score_text(p.score), score_text(f.self_score)],
            [
                (f"预算执行率为{pct(p.rate)}。自评得分{score_text(p.score)}",),
                (f"自评得分{score_text(f.self_score)}，自评级次为{f.grade}",),
            ],
            "hard",
            ["civil_2022_dept"],
        )
    )
    # 9. Project-level report against the department report: same project, sub-item vs whole.
    pr = corpus.project("edu", 2023).facts
    sub = pr.projects[1]
    drafts.append(
        Draft(
            f"2023年{alias('edu')}{pr.project}项目中，{sub.name}的执行率与整个项目的预算执行率各是多少？",
            "multi_hop",
            f"{sub.name}执行率为{pct(sub.rate)}，{pr.project}项目整体预算执行率为{pct(pr.execution_rate)}。",
            [pct(sub.rate), pct(pr.execution_rate)],
            [
                (f"全年执行数为{wan(sub.spend)}，预算执行率为{pct(sub.rate)}",),
                (f"全年执行数为{wan(pr.total_spend)}，预算执行率为{pct(pr.execution_rate)}",),
            ],
            "hard",
            ["edu_2023_project", "edu_2023_dept"],
        )
    )
    return drafts


UNANSWERABLE = (
    ("2020年教育局的部门整体自评得分是多少？", "hard"),
    ("2023年交通运输局部门整体预算执行率是多少？", "easy"),
    ("2024年卫健局家庭医生签约项目的执行率？", "hard"),
    ("2022年住房和城乡建设局项目支出执行情况如何？", "easy"),
    ("2019年民政局城乡低保救助项目预算安排多少？", "hard"),
    ("2023年教育局校车购置项目的预算是多少？", "hard"),
    ("2021年城市管理和综合执法局的部门整体自评得分是多少？", "easy"),
    ("2022年财政局“三公”经费支出是多少？", "medium"),
)


def build_drafts(seed: int = 7) -> tuple[Corpus, list[Draft]]:
    corpus = Corpus(seed)
    rng = random.Random(seed)
    drafts: list[Draft] = []
    k = 0
    for dept in DEPARTMENTS:
        for year in YEARS:
            drafts.append(spending(corpus, rng, dept, year, k % 5))
            drafts.append(table(corpus, rng, dept, year, k, (k // 5) % 3))
            drafts.append(target(corpus, rng, corpus.dept(dept.code, year), dept, k, project=False))
            drafts.append(outcome(corpus, rng, dept, year, k))
            drafts.append(evaluation(corpus, rng, dept, year, k % 3))
            k += 1
    for n, dept in enumerate(DEPARTMENTS):
        year = YEARS[n % len(YEARS)]
        other = YEARS[(n + 1) % len(YEARS)]
        drafts.append(function(corpus, rng, dept, year))
        drafts.append(subitem(corpus, rng, dept, year, n))
        drafts.append(target(corpus, rng, corpus.project(dept.code, other), dept, n, project=True))
        drafts.append(problems(corpus, rng, dept, other, measures=bool(n % 2)))
        if n < 2:
            drafts.append(key_tasks(corpus, rng, dept, other))
    drafts.extend(multi_hop(corpus, rng))
    for question, difficulty in UNANSWERABLE:
        drafts.append(Draft(question, "unanswerable", REFUSAL, [], [], difficulty))
    for draft in drafts:
        resolve(corpus, draft)
    questions = [d.question for d in drafts]
    if len(set(questions)) != len(questions):
        raise AssertionError("重复的问题")
    return corpus, drafts


def to_items(drafts: list[Draft]) -> list[dict]:
    return [
        {
            "id": f"syn-{n:03d}",
            "question": d.question,
            "category": d.category,
            "answer": d.answer,
            "figures": d.figures,
            "evidence": d.chosen,
            "difficulty": d.difficulty,
        }
        for n, d in enumerate(drafts, start=1)
    ]


def extract(path: Path) -> str:
    """What a reader gets back from a generated file: pdfplumber text, python-docx text, or GBK text."""
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.sections[0].header.paragraphs]
        parts += [p.text for p in document.paragraphs]
        parts += [cell.text for t in document.tables for row in t.rows for cell in row.cells]
        return "\n".join(parts)
    return path.read_bytes().decode("gbk")


def verify(corpus: Corpus, drafts: list[Draft], seed: int) -> int:
    """Generate the files and check every evidence string and figure against their extracted text."""
    problems_found = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate(out, seed)
        texts: dict[str, list[str]] = {}
        for key, report in corpus.reports.items():
            texts[key] = [compact(extract(out / file_name(report, fmt))) for fmt in report.formats]
        for d in drafts:
            for needle in [*d.chosen, *(compact(f) for f in d.figures)]:
                if not any(all(needle in t for t in texts[key]) for key in d.sources):
                    problems_found += 1
                    print(f"未找到：{d.question} -> {needle}", file=sys.stderr)
    return problems_found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.synthetic.make_dataset", description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--verify", action="store_true", help="同时生成文件并用 pdfplumber/python-docx/GBK 核对")
    args = parser.parse_args(argv)
    corpus, drafts = build_drafts(args.seed)
    items = to_items(drafts)
    args.out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    counts: dict[str, int] = {}
    for item in items:
        counts[item["category"]] = counts.get(item["category"], 0) + 1
    print(f"已写入 {len(items)} 题到 {args.out}：" + "，".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if args.verify:
        missing = verify(corpus, drafts, args.seed)
        print("核对通过：所有证据和数字都在抽取文本中" if not missing else f"核对失败：{missing} 处")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
