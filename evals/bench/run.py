"""The archive benchmark: N fictional reports generated, ingested into a fresh data dir, and measured.

Every figure is printed on one line with its target beside it (from issue 11: ≥ 30 reports/min of the
sample report's size, ask p50 ≤ 60 ms and p95 ≤ 150 ms, serving RSS ≤ 1.5 GB, first answer ≤ 10 s
after start, Chroma server mode within 1.5× of embedded). Ingest, the embedder floor, question
latency and the chat UI each run in their own process, so each peak RSS is that process's own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from evals.bench.archive import bench_questions, load_archive, write_archive
from evals.bench.processes import chroma_server, disk_usage_mb, measure_serving, run_worker
from evals.bench.worker import peak_rss_mb

SAMPLE_REPORT_TEXTS = 207  # texts embedded for corpus/huadu_hrss_2023_dept_self_eval.txt
INGEST_TARGET_REPORTS_PER_MIN = 30.0  # of the sample report's size
ASK_P50_TARGET_MS = 60.0
ASK_P95_TARGET_MS = 150.0
SERVING_RSS_TARGET_MB = 1536.0
FIRST_ANSWER_TARGET_S = 10.0
SERVER_MODE_TARGET_RATIO = 1.5


@dataclass(frozen=True)
class ArchiveBenchmark:
    reports: int
    work_dir: Path | None = None  # kept when given; a temporary folder otherwise
    reuse: bool = False  # reuse the archive and index already in work_dir
    chroma_url: str | None = None  # an external Chroma server to ingest into and query
    chroma_server: bool = False  # also serve the built store with `chroma run` and measure again
    floor_texts: int = 1000
    serve: bool = True
    rounds: int = 2  # embedded and server runs taking turns (with chroma_server)


def line(label: str, measured: str, target: str = "", ok: bool | None = None) -> None:
    status = "" if ok is None else ("ok" if ok else "MISS")
    target = f"target {target}" if target else ""
    print(f"{label:<34} {measured:<68} {target:<34} {status}".rstrip())  # a space even when a column overflows


def run(bench: ArchiveBenchmark) -> None:
    with ExitStack() as stack:
        if bench.work_dir is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="perfqa-archive-bench-")))
        else:
            work = bench.work_dir.resolve()
            work.mkdir(parents=True, exist_ok=True)
        _run(bench, work)


def _run(bench: ArchiveBenchmark, work: Path) -> None:
    archive, data = work / "reports", work / "data"
    reusing = bench.reuse and (archive / "archive.json").exists() and data.exists()
    if reusing:
        reports = load_archive(archive)
    else:
        shutil.rmtree(archive, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
        started = time.perf_counter()
        reports = write_archive(archive, bench.reports)
        formats = Counter(r.format.upper() for r in reports)
        line(
            "archive",
            f"{len(reports)} fictional reports ({', '.join(f'{n} {f}' for f, n in sorted(formats.items()))}), "
            f"written in {time.perf_counter() - started:.1f} s",
        )
    chroma_url = bench.chroma_url
    mode = f"Chroma server {chroma_url}" if chroma_url else "embedded Chroma"
    print(f"mode: {mode}; data dir {data}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    if not reusing:
        ingest = run_worker("ingest", data, archive, chroma_url)
        if ingest["documents_before"]:
            print(f"warning: the store already held {ingest['documents_before']} reports; figures include them")
        if ingest["failed"]:
            print("failed:", *ingest["failed"], sep="\n  ")
        _print_ingest(ingest)
        floor = run_worker("floor", data, archive, chroma_url, "--max-texts", str(bench.floor_texts))
        floor_rate = floor["texts"] / floor["seconds"]
        ingest_rate = ingest["texts"] / ingest["seconds"]
        line(
            "embedder alone (floor)",
            f"{floor_rate:.1f} texts/s on {floor['texts']:,} of the same texts, batch {floor['batch_size']}; "
            f"ingest/floor {ingest_rate / floor_rate:.2f}",
        )
    size = disk_usage_mb(data)
    where = " (data dir only: the vectors are on the server)" if chroma_url else ""
    line("index size on disk", f"{size:,.1f} MB ({size / max(1, len(reports)):.2f} MB per report){where}")
    _query_phases(bench, data, archive, reports, chroma_url)


@contextmanager
def _no_server(url: str | None) -> Iterator[tuple[str | None, None]]:
    yield url, None


def _query_phases(bench: ArchiveBenchmark, data: Path, archive: Path, reports: list, chroma_url: str | None) -> None:
    """Question latency in each mode; with --chroma-server the modes take turns, so load changes hit both alike.

    A `chroma run` server serves the same store between embedded runs (never both at once on one store).
    """
    modes = [("", lambda: _no_server(chroma_url))]
    if bench.chroma_server and not chroma_url:
        modes.append(("[server] ", lambda: chroma_server(data / "chroma")))
    asks: dict[str, dict] = {}
    server_rss = 0.0
    for _ in range(bench.rounds if len(modes) > 1 else 1):
        for label, start in modes:
            with start() as (url, server):
                result = run_worker("ask", data, archive, url)
                if server is not None:
                    server_rss = max(server_rss, peak_rss_mb(server.pid))
            kept = asks.setdefault(label, result)
            for key in ("p50_ms", "p95_ms", "plain_p50_ms", "plain_p95_ms"):
                kept[key] = min(kept[key], result[key])
    for label, start in modes:
        if label:
            print(f"mode: Chroma server (chroma run on the same store); load average {os.getloadavg()[0]:.1f}")
        with start() as (url, server):
            _print_queries(bench, data, archive, url, reports, asks[label], label)
            if server is not None:
                server_rss = max(server_rss, peak_rss_mb(server.pid))
    if len(modes) > 1:
        ratio = asks["[server] "]["p50_ms"] / asks[""]["p50_ms"]
        target = SERVER_MODE_TARGET_RATIO
        line("[server] p50 / embedded p50", f"{ratio:.2f}×", f"≤ {target}×", ratio <= target)
        line("[server] chroma run peak RSS", f"{server_rss:,.0f} MB")


def _print_ingest(ingest: dict) -> None:
    seconds, texts, reports = ingest["seconds"], ingest["texts"], max(1, ingest["reports"])
    per_min = reports / seconds * 60
    sample_per_min = texts / seconds * 60 / SAMPLE_REPORT_TEXTS
    line(
        "ingest",
        f"{reports:,} reports in {seconds:,.1f} s = {per_min:.1f} reports/min; {texts / reports:.0f} texts/report",
    )
    line(
        "ingest, sample-report size",
        f"{texts / seconds:.1f} texts/s = {sample_per_min:.1f} reports/min of {SAMPLE_REPORT_TEXTS} texts",
        f"≥ {INGEST_TARGET_REPORTS_PER_MIN:.0f} reports/min",
        sample_per_min >= INGEST_TARGET_REPORTS_PER_MIN,
    )
    rest = seconds - ingest["parse_s"] - ingest["embed_s"]
    line(
        "ingest time by stage",
        f"parse {ingest['parse_s']:.1f} s, embed {ingest['embed_s']:.1f} s, write and rest {rest:.1f} s "
        f"({ingest['embed_s'] / seconds:.0%} embedding)",
    )
    line("ingest peak RSS", f"{ingest['peak_rss_mb']:,.0f} MB")


def _print_queries(
    bench: ArchiveBenchmark, data: Path, archive: Path, chroma_url: str | None, reports: list, ask: dict, label: str
) -> None:
    """Question latency, the plain llama-index ratio and the chat UI's start and memory."""
    runs = f", best of {bench.rounds}" if bench.chroma_server and not bench.chroma_url else ""
    line(
        f"{label}ask latency",
        f"p50 {ask['p50_ms']:.1f} ms, p95 {ask['p95_ms']:.1f} ms; {ask['questions']} questions, "
        f"{ask['documents']:,} reports{runs}",
        f"p50 ≤ {ASK_P50_TARGET_MS:.0f}, p95 ≤ {ASK_P95_TARGET_MS:.0f} ms",
        ask["p50_ms"] <= ASK_P50_TARGET_MS and ask["p95_ms"] <= ASK_P95_TARGET_MS,
    )
    line(
        f"{label}plain llama-index query",
        f"p50 {ask['plain_p50_ms']:.1f} ms, p95 {ask['plain_p95_ms']:.1f} ms (VectorStoreIndex retriever); "
        f"perfqa/plain p50 {ask['p50_ms'] / ask['plain_p50_ms']:.1f}×",
    )
    line(
        f"{label}answers with the figure",
        f"{ask['correct']}/{ask['expected']} scoped questions (sanity check, not a quality metric)",
    )
    line(f"{label}ask process peak RSS", f"{ask['peak_rss_mb']:,.0f} MB (open {ask['open_and_warm_s']:.1f} s)")
    if bench.serve:
        questions = [q.question for q in bench_questions(reports)]
        served = measure_serving(data, archive, questions, chroma_url)
        line(
            f"{label}first answer after start",
            f"{served.first_answer_s:.1f} s (python -m assistant serve → /ask answered)",
            f"≤ {FIRST_ANSWER_TARGET_S:.0f} s",
            served.first_answer_s <= FIRST_ANSWER_TARGET_S,
        )
        line(
            f"{label}serving peak RSS",
            f"{served.peak_rss_mb:,.0f} MB after {served.answered} questions through the API",
            f"≤ {SERVING_RSS_TARGET_MB / 1024:.1f} GB",
            served.peak_rss_mb <= SERVING_RSS_TARGET_MB,
        )
