"""Concurrent answers in one process, without the UI: python -m evals.bench.answers [--threads 8] [--questions 50]

The answering half of the chat benchmark (evals.bench.chats): N different questions of the eval set are
answered extractively by a pool of threads (the UI's default concurrency is 8), all submitted at once,
on a fresh Assistant each round (no vector or chunk cached from the round before). A question's latency
is from the start of the burst to its answer. Prints p50/p95, CPU per question, how the questions shared
encoder calls (ingest.embeddings.QueryBatcher) and the load average, since the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from assistant.service import Assistant
from evals.bench.chats import CHAT_P95_TARGET_S, ROOT, dataset_questions
from evals.bench.run import line
from evals.bench.worker import percentile
from ingest.settings import IndexSettings, Settings


def burst(assistant: Assistant, questions: list[str], threads: int) -> tuple[list[float], float]:
    """(latency of each answer in seconds, process CPU seconds) for all questions asked at once."""
    began, cpu = time.perf_counter(), time.process_time()

    def answer(question: str) -> float:
        assistant.ask(question, use_model=False)
        return time.perf_counter() - began

    with ThreadPoolExecutor(threads) as pool:
        latencies = list(pool.map(answer, questions))
    return latencies, time.process_time() - cpu


def run(data_dir: Path, corpus: Path, threads: int, count: int, rounds: int) -> None:
    settings = Settings(index=IndexSettings(data_dir=data_dir))
    report = Assistant(settings).sync_corpus(corpus, progress=False)
    if report.failed:
        raise SystemExit(report.summary())
    questions = [q.text for q in dataset_questions()][:count]
    print(f"{len(questions)} questions at once, {threads} threads, no UI; {os.cpu_count()} CPUs")
    p95s = []
    for number in range(1, rounds + 1):
        assistant = Assistant(settings)
        assistant.warm_up()
        batcher = assistant.index.embedding.query_batcher
        calls, texts = batcher.calls, batcher.texts
        load = os.getloadavg()[0]
        latencies, cpu_s = burst(assistant, questions, threads)
        p95s.append(percentile(latencies, 0.95))
        shared = (batcher.texts - texts) / max(1, batcher.calls - calls)
        line(
            f"[answers] round {number}",
            f"p50 {statistics.median(latencies):.2f} s, p95 {p95s[-1]:.2f} s; CPU {cpu_s / len(questions) * 1000:.0f} "
            f"ms/question; {shared:.1f} questions per encoder call; load {load:.1f}→{os.getloadavg()[0]:.1f}",
            f"p95 ≤ {CHAT_P95_TARGET_S} s (with the UI)",
            p95s[-1] <= CHAT_P95_TARGET_S,
        )
    print(f"p95 by round: {', '.join(f'{p:.2f}' for p in p95s)} s; median {statistics.median(p95s):.2f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.bench.answers", description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8, help="同时作答的线程数（界面默认 8）")
    parser.add_argument("--questions", type=int, default=50, help="同时提出的问题数（默认 50）")
    parser.add_argument("--rounds", type=int, default=3, help="重复几轮（机器共用）")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--work-dir", type=Path, help="索引放在这里并保留（默认临时目录）")
    args = parser.parse_args(argv)
    if min(args.threads, args.questions, args.rounds) < 1:
        parser.error("--threads、--questions 和 --rounds 至少为 1")
    if args.work_dir is not None:
        run(args.work_dir.resolve() / "data", args.corpus, args.threads, args.questions, args.rounds)
        return
    with tempfile.TemporaryDirectory(prefix="perfqa-answer-bench-") as tmp:
        run(Path(tmp) / "data", args.corpus, args.threads, args.questions, args.rounds)


if __name__ == "__main__":
    main()
