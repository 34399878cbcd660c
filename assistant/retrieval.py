"""Hybrid retrieval: dense vectors (Chroma) and BM25 (jieba tokens), fused by reciprocal rank.

Usage::

    retriever = HybridRetriever(index)
    passages = retriever.search("市就业补助资金执行率多少？", top_k=5)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from ingest.models import Chunk, DocumentInfo
from ingest.normalize import compact
from ingest.pipeline import ReportIndex
from ingest.settings import FusionMethod
from ingest.tokenize import tokenize


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its document and how each retriever ranked it."""

    chunk: Chunk
    document: DocumentInfo
    score: float
    dense_similarity: float | None
    lexical_score: float | None


@dataclass(frozen=True)
class RetrievalResult:
    passages: list[Passage]
    query_vector: np.ndarray
    query_tokens: list[str]


def is_title_sentence(text: str, document: DocumentInfo) -> bool:
    """A line of the report's title (a cover repeats it over several lines)."""
    line = compact(text).rstrip("。")
    return bool(line) and (line in compact(document.title) or compact(document.title) in line)


def is_title_only(chunk: Chunk, document: DocumentInfo) -> bool:
    """The opening block before any heading holds nothing but the title; a preamble there ("受市财政局委托，
    某公司于2024年4月至6月开展评价") is content."""
    if chunk.section_path:
        return False
    return all(is_title_sentence(s.text, document) for s in chunk.sentences)


def relative_score_fusion(scored: list[list[tuple[str, float]]], weights: list[float]) -> dict[str, float]:
    """Σ weight × min-max normalized score; an id missing from a list gets 0 from it."""
    fused: dict[str, float] = {}
    for ranking, weight in zip(scored, weights, strict=True):
        if not ranking:
            continue
        scores = [s for _, s in ranking]
        low, high = min(scores), max(scores)
        span = high - low or 1.0
        for item, score in ranking:
            fused[item] = fused.get(item, 0.0) + weight * (score - low) / span
    return fused


def reciprocal_rank_fusion(rankings: list[list[str]], k: int) -> dict[str, float]:
    """Σ 1/(k + rank) over the rankings each id appears in (rank starts at 1)."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


class QueryVectors:
    """Query embeddings of recent search texts (the encoder is most of a question's CPU; many users ask
    the example questions and the same figures). A vector depends on the text alone, never on the index."""

    def __init__(self, index: ReportIndex, size: int = 2048) -> None:
        self._index, self._size = index, size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, text: str) -> np.ndarray:
        with self._lock:
            if (vector := self._vectors.get(text)) is not None:
                self._vectors.move_to_end(text)
                return vector
        vector = self._index.embedding.query_vector(text)
        vector.setflags(write=False)  # shared between questions
        with self._lock:
            self._vectors[text] = vector
            if len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return vector


class HybridRetriever(BaseRetriever):
    def __init__(self, index: ReportIndex) -> None:
        super().__init__()
        self._index = index
        self._settings = index.settings.retrieval
        self._query_vectors = QueryVectors(index)

    def search(self, question: str, top_k: int | None = None, doc_ids: list[str] | None = None) -> RetrievalResult:
        top_k = top_k or self._settings.top_k
        candidates = max(self._settings.candidates, top_k)
        vector = self._query_vectors(question)
        tokens = tokenize(question)
        dense = self._index.store.query_chunks(vector, candidates, doc_ids)
        lexical = self._index.lexical().search(tokens, candidates, set(doc_ids) if doc_ids is not None else None)
        lexical_scored = [(hit.chunk_id, hit.score) for hit in lexical]
        if self._settings.fusion is FusionMethod.RRF:
            fused = reciprocal_rank_fusion(
                [[cid for cid, _ in dense], [cid for cid, _ in lexical_scored]], self._settings.rrf_k
            )
        else:
            weight = self._settings.dense_weight
            fused = relative_score_fusion([dense, lexical_scored], [weight, 1 - weight])
        # Over-fetch, then drop title blocks and second copies of a passage (a report ingested as
        # both PDF and DOCX) so the top-k holds distinct evidence.
        ranked = sorted(fused, key=fused.__getitem__, reverse=True)[: top_k * 3]
        dense_of = dict(dense)
        lexical_of = {hit.chunk_id: hit.score for hit in lexical}
        documents = self._index.documents()
        passages: list[Passage] = []
        seen: set[str] = set()
        for chunk in self._index.store.get_chunks(ranked):
            key = compact(chunk.text)
            if chunk.doc_id not in documents or not chunk.section_path or key in seen:
                continue
            seen.add(key)
            passages.append(
                Passage(
                    chunk,
                    documents[chunk.doc_id],
                    fused[chunk.chunk_id],
                    dense_of.get(chunk.chunk_id),
                    lexical_of.get(chunk.chunk_id),
                )
            )
        passages = passages[:top_k]
        return RetrievalResult(passages, vector, tokens)

    def by_terms(
        self, terms: list[str], top_k: int, doc_ids: list[str] | None = None, without: frozenset[str] = frozenset()
    ) -> list[Passage]:
        """Passages holding the given words (BM25 only): what the question means, without its wording.
        Tokens in `without` are not searched for (words every passage of the searched reports holds)."""
        tokens = list(dict.fromkeys(t for term in terms for t in tokenize(term) if t not in without))
        hits = self._index.lexical().search(tokens, top_k * 2, set(doc_ids) if doc_ids is not None else None)
        score_of = {hit.chunk_id: hit.score for hit in hits}
        documents = self._index.documents()
        chunks = [c for c in self._index.store.get_chunks(list(score_of)) if c.doc_id in documents and c.section_path]
        return [Passage(c, documents[c.doc_id], score_of[c.chunk_id], None, score_of[c.chunk_id]) for c in chunks][
            :top_k
        ]

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        """llama-index interface: the same passages as nodes."""
        result = self.search(query_bundle.query_str)
        return [
            NodeWithScore(
                node=TextNode(
                    id_=p.chunk.chunk_id,
                    text=p.chunk.text,
                    metadata={"title": p.document.title, "section": p.chunk.section, "page": p.chunk.page_start},
                ),
                score=p.score,
            )
            for p in result.passages
        ]
