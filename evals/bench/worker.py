"""One benchmark phase in its own process, so its peak RSS and start-up are its own.

    python -m evals.bench.worker ingest|floor|ask --data-dir DIR --archive DIR [--chroma-url URL]

Prints one JSON object on the last line of stdout. The orchestrator is evals.benchmark.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import time
from pathlib import Path

from evals.bench.archive import bench_questions, load_archive
from ingest.models import ParsedDocument
from ingest.normalize import compact
from ingest.settings import IndexSettings, Settings


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident set size of a process in MiB (VmHWM; this process: getrusage as fallback)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == "self" else float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def texts_to_embed(parsed: ParsedDocument) -> list[str]:
    """What ingest embeds for one document: its title, every chunk, every sentence (in that order)."""
    from ingest.pipeline import chunk_embedding_text, sentence_embedding_text

    chunks = parsed.chunks
    return [
        parsed.info.title,
        *(chunk_embedding_text(c.section_path, c.text) for c in chunks),
        *(sentence_embedding_text(c.section_path, s.text) for c in chunks for s in c.sentences),
    ]


def chunk_collection(settings: Settings, embedding_name: str):
    """The store's chunk collection, opened with a client of our own (what a plain llama-index app would do)."""
    from ingest.store import open_client

    client = open_client(settings.index)
    suffix = re.sub(r"[^a-zA-Z0-9_-]", "-", embedding_name)
    return client.get_collection(f"perfqa-chunks-{suffix}")


def settings_for(data_dir: Path, chroma_url: str | None) -> Settings:
    return Settings(index=IndexSettings(data_dir=data_dir, chroma_url=chroma_url))


def run_ingest(settings: Settings, archive: Path) -> dict:
    from ingest import pipeline

    started = time.perf_counter()
    index = pipeline.ReportIndex(settings)
    open_s = time.perf_counter() - started
    documents_before = len(index.documents())  # not 0 only with a Chroma server used before
    timings = {"parse_s": 0.0, "embed_s": 0.0, "texts": 0}
    parse, embed = pipeline.parse_document, index.embed

    # Stage timings by wrapping the pipeline's own steps; whatever is left is the store's writes.
    def timed_parse(*args, **kwargs) -> ParsedDocument:
        began = time.perf_counter()
        parsed = parse(*args, **kwargs)
        timings["parse_s"] += time.perf_counter() - began
        return parsed

    def timed_embed(parsed: ParsedDocument, progress: bool = False):
        began = time.perf_counter()
        vectors = embed(parsed, progress)
        timings["embed_s"] += time.perf_counter() - began
        timings["texts"] += 1 + len(vectors.chunks) + len(vectors.sentences)
        return vectors

    pipeline.parse_document = timed_parse
    index.embed = timed_embed
    began = time.perf_counter()
    report = index.ingest([archive], progress=False)
    seconds = time.perf_counter() - began
    return {
        "reports": len(report.added) + len(report.replaced),
        "failed": [str(e) for e in report.failed],
        "chunks": report.chunks,
        "seconds": seconds,
        "open_s": open_s,
        "documents_before": documents_before,
        **timings,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_floor(settings: Settings, archive: Path, max_texts: int) -> dict:
    """The embedder alone on the texts ingest embeds (the first max_texts of them): the floor for ingest."""
    from ingest.embeddings import load_encoder
    from ingest.pipeline import expand_paths, parse_document

    texts: list[str] = []
    for path in expand_paths([archive]):
        if len(texts) >= max_texts:
            break
        texts.extend(texts_to_embed(parse_document(path, None, settings)))
    texts = texts[:max_texts]
    encoder = load_encoder(settings.embedding)
    encoder.encode_passages(texts[:2])  # load and warm
    batch = settings.embedding.batch_size
    began = time.perf_counter()
    for start in range(0, len(texts), batch):
        encoder.encode_passages(texts[start : start + batch])
    seconds = time.perf_counter() - began
    return {"texts": len(texts), "seconds": seconds, "batch_size": batch, "chars": sum(map(len, texts))}


def run_ask(settings: Settings, archive: Path) -> dict:
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.service import Assistant

    began = time.perf_counter()
    assistant = Assistant(settings)
    documents = len(assistant.index.documents())
    assistant.warm_up()
    warm_s = time.perf_counter() - began
    questions = bench_questions(load_archive(archive))
    latencies, correct, expected = [], 0, 0
    for item in questions:
        started = time.perf_counter()
        answer = assistant.ask(item.question)
        latencies.append((time.perf_counter() - started) * 1000)
        if item.expected is not None:
            expected += 1
            correct += compact(item.expected) in compact(answer.text)

    # The same question list as a plain llama-index query on the same chunk collection (retrieval only:
    # our answerer needs no LLM, and a query engine would need one).
    plain = VectorStoreIndex.from_vector_store(
        ChromaVectorStore(chroma_collection=chunk_collection(settings, assistant.index.embedding.model_name)),
        embed_model=assistant.index.embedding,
    ).as_retriever(similarity_top_k=settings.retrieval.top_k)
    plain.retrieve("预热")
    plain_latencies = []
    for item in questions:
        started = time.perf_counter()
        plain.retrieve(item.question)
        plain_latencies.append((time.perf_counter() - started) * 1000)
    return {
        "documents": documents,
        "questions": len(questions),
        "open_and_warm_s": warm_s,
        "p50_ms": statistics.median(latencies),
        "p95_ms": percentile(latencies, 0.95),
        "plain_p50_ms": statistics.median(plain_latencies),
        "plain_p95_ms": percentile(plain_latencies, 0.95),
        "expected": expected,
        "correct": correct,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.bench.worker")
    parser.add_argument("phase", choices=("ingest", "floor", "ask"))
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--chroma-url")
    parser.add_argument("--max-texts", type=int, default=3000)
    args = parser.parse_args(argv)
    settings = settings_for(args.data_dir, args.chroma_url)
    if args.phase == "ingest":
        result = run_ingest(settings, args.archive)
    elif args.phase == "floor":
        result = run_floor(settings, args.archive, args.max_texts)
    else:
        result = run_ask(settings, args.archive)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
