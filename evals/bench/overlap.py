"""Would parsing in a second process, while this one embeds, shorten ingest?

    python -m evals.bench.overlap [--reports 9]

Generates the fictional archive (PDF, DOCX, GBK text), takes its first --reports files and runs
parse + embed for each, twice: one after the other in this process, then with a one-worker process
pool parsing ahead while this process embeds. Prints both wall times and the parse share.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from evals.bench.worker import texts_to_embed
from evals.synthetic.generate import generate
from ingest.embeddings import load_encoder
from ingest.pipeline import expand_paths, parse_document
from ingest.settings import Settings


def _parse(path: Path) -> list[str]:
    return texts_to_embed(parse_document(path, None, Settings()))


def _embed(encoder, texts: list[str], batch: int) -> None:
    for start in range(0, len(texts), batch):
        encoder.encode_passages(texts[start : start + batch])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.bench.overlap")
    parser.add_argument("--reports", type=int, default=9)
    args = parser.parse_args(argv)
    settings = Settings()
    encoder = load_encoder(settings.embedding)
    encoder.encode_passages(["预热"])
    batch = settings.embedding.batch_size
    with tempfile.TemporaryDirectory(prefix="perfqa-overlap-") as tmp:
        generate(Path(tmp))
        files = [p for p in expand_paths([Path(tmp)]) if p.suffix != ".json"][: args.reports]
        _parse(files[0])  # imports and dictionaries loaded before timing

        parse_s = embed_s = 0.0
        texts = 0
        began = time.perf_counter()
        for path in files:
            t0 = time.perf_counter()
            report_texts = _parse(path)
            t1 = time.perf_counter()
            _embed(encoder, report_texts, batch)
            parse_s += t1 - t0
            embed_s += time.perf_counter() - t1
            texts += len(report_texts)
        sequential = time.perf_counter() - began

        with ProcessPoolExecutor(max_workers=1) as pool:
            pool.submit(_parse, files[0]).result()  # worker started and warm before timing
            began = time.perf_counter()
            for report_texts in pool.map(_parse, files):
                _embed(encoder, report_texts, batch)
            overlapped = time.perf_counter() - began
    print(
        f"{len(files)} reports, {texts} texts; load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
        f"sequential: {sequential:.1f} s (parse {parse_s:.1f} s = {parse_s / sequential:.0%}, embed {embed_s:.1f} s)\n"
        f"parse in a second process while embedding: {overlapped:.1f} s ({overlapped / sequential:.2f}× sequential)"
    )


if __name__ == "__main__":
    main()
