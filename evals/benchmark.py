"""python -m evals.benchmark [--corpus PATH ...] : speed figures against the product's targets.

Prints ingest time, question -> cited answer latency (index warm) and audit time per report, each
with its ratio to the target (below 1.0 is within target). Targets live here, not in unit tests.

python -m evals.benchmark --reports N [--chroma-server | --chroma-url URL] [--work-dir DIR [--reuse]]:
the archive benchmark (evals/bench/run.py): N fictional reports generated, ingested into a fresh data
dir and measured, one line per figure with its target.
"""

from __future__ import annotations

import argparse
import os
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
    archive = parser.add_argument_group("archive benchmark")
    archive.add_argument("--reports", type=int, help="生成并索引 N 份虚构报告，测量建索引、问答、内存和启动")
    archive.add_argument(
        "--chroma-url",
        default=os.environ.get("PERFQA_INDEX__CHROMA_URL") or None,
        help="写入并查询这个 Chroma 服务器（默认取 PERFQA_INDEX__CHROMA_URL）",
    )
    archive.add_argument(
        "--chroma-server", action="store_true", help="建好索引后再用 chroma run 服务同一个库，重测并与嵌入式对比"
    )
    archive.add_argument("--work-dir", type=Path, help="把报告和索引留在这个目录（默认用临时目录，结束即删）")
    archive.add_argument("--reuse", action="store_true", help="复用 --work-dir 中已建好的档案和索引，只测问答")
    archive.add_argument("--floor-texts", type=int, default=1000, help="单独测嵌入模型速度时用的文本数")
    archive.add_argument("--no-serve", action="store_true", help="不启动聊天界面（不测首个回答时间和服务内存）")
    archive.add_argument(
        "--rounds", type=int, default=2, help="与 --chroma-server 同用：嵌入式与服务器轮流测几轮，取最好"
    )
    args = parser.parse_args(argv)
    if args.reports is not None:
        if args.reports < 1:
            parser.error("--reports 至少为 1")
        from evals.bench.run import ArchiveBenchmark, run

        run(
            ArchiveBenchmark(
                reports=args.reports,
                work_dir=args.work_dir,
                reuse=args.reuse,
                chroma_url=args.chroma_url,
                chroma_server=args.chroma_server,
                floor_texts=args.floor_texts,
                serve=not args.no_serve,
                rounds=max(1, args.rounds),
            )
        )
        return
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
