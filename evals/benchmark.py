"""python -m evals.benchmark [--corpus PATH ...] : speed figures against the product's targets.

Prints ingest time, question -> cited answer latency (index warm) and audit time per report, each
with its ratio to the target (below 1.0 is within target). Targets live here, not in unit tests.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from assistant.service import Assistant
from evals.dataset import load_dataset
from ingest.settings import IndexSettings, Settings

ANSWER_P50_TARGET_MS = 100.0
AUDIT_TARGET_S = 2.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.benchmark")
    parser.add_argument("--corpus", type=Path, nargs="+", default=[Path("corpus")])
    parser.add_argument("--dataset", type=Path, default=Path("evals/dataset.jsonl"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="perfqa-bench-") as tmp:
        assistant = Assistant(Settings(index=IndexSettings(data_dir=Path(tmp))))
        started = time.perf_counter()
        report = assistant.index.ingest(args.corpus, progress=False)
        ingest_s = time.perf_counter() - started
        print(f"ingest: {len(report.added)} reports, {report.chunks} chunks, {ingest_s:.1f} s")

        questions = [item.question for item in load_dataset(args.dataset)]
        assistant.ask(questions[0])
        latencies = []
        for question in questions:
            started = time.perf_counter()
            assistant.ask(question)
            latencies.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(latencies)
        p95 = sorted(latencies)[int(0.95 * (len(latencies) - 1))]
        print(f"answer latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms; p50/target {p50 / ANSWER_P50_TARGET_MS:.2f}")

        for doc_id, document in assistant.index.documents().items():
            started = time.perf_counter()
            checks = assistant.audit(doc_id)
            seconds = time.perf_counter() - started
            print(
                f"audit {Path(document.source).name}: {len(checks)} checks, {seconds:.3f} s "
                f"(parse included); /target {seconds / AUDIT_TARGET_S:.3f}"
            )


if __name__ == "__main__":
    main()
