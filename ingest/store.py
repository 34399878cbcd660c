"""The report store: one small interface over Chroma, embedded on disk or a server by URL.

Three collections per embedding model: chunks (through llama-index's ChromaVectorStore),
sentences (for the extractive answer) and documents (the registry, one record per report). A
document becomes visible only when its registry record is written, which happens last; a failed
write removes whatever it had added, and records left by a killed process are swept on open.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import (
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

from ingest.models import Chunk, DocumentInfo, ParsedDocument, Sentence
from ingest.settings import IndexSettings

logger = logging.getLogger(__name__)

SECTION_SEPARATOR = " > "
_CHROMA_BATCH = 2000


@dataclass(frozen=True)
class DocumentVectors:
    """Embeddings computed for one parsed document, aligned with its chunks and sentences."""

    title: np.ndarray
    chunks: np.ndarray
    sentences: np.ndarray
    chunk_tokens: list[list[str]]


def open_client(settings: IndexSettings) -> chromadb.ClientAPI:
    """Embedded persistent Chroma in data_dir, or a Chroma server when chroma_url is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"Chroma 服务地址无效：{settings.chroma_url}（应为 http://主机:端口）")
        return chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    path = Path(settings.data_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class ReportStore:
    """Documents, chunks and sentences of one embedding model in one Chroma database."""

    def __init__(self, client: chromadb.ClientAPI, embedding_name: str) -> None:
        suffix = re.sub(r"[^a-zA-Z0-9_-]", "-", embedding_name)
        config = {"hnsw": {"space": "cosine"}}

        def collection(kind: str) -> chromadb.Collection:
            # embedding_function=None: we always bring our own vectors, never Chroma's downloading default.
            return client.get_or_create_collection(
                f"perfqa-{kind}-{suffix}", embedding_function=None, configuration=config
            )

        self._chunks = collection("chunks")
        self._sentences = collection("sentences")
        self._documents = collection("documents")
        self._vector_store = ChromaVectorStore(chroma_collection=self._chunks)
        self._sweep_orphans()

    # ---- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        records = self._documents.get(include=["metadatas"])
        return sorted((_document_from_meta(m) for m in records["metadatas"]), key=lambda d: (d.source, d.doc_id))

    def document(self, doc_id: str) -> DocumentInfo | None:
        records = self._documents.get(ids=[doc_id], include=["metadatas"])
        return _document_from_meta(records["metadatas"][0]) if records["ids"] else None

    def find_by_source(self, source: str) -> list[DocumentInfo]:
        records = self._documents.get(where={"source": source}, include=["metadatas"])
        return [_document_from_meta(m) for m in records["metadatas"]]

    def write_document(self, parsed: ParsedDocument, vectors: DocumentVectors) -> None:
        """Add a document completely or not at all."""
        doc = parsed.info
        try:
            self._add_sentences(parsed.chunks, vectors.sentences)
            self._add_chunks(doc, parsed.chunks, vectors)
            self._documents.add(
                ids=[doc.doc_id],
                embeddings=[vectors.title.tolist()],
                documents=[doc.title],
                metadatas=[_document_meta(doc)],
            )
        except BaseException:
            logger.exception("writing %s failed; removing its partial records", doc.source)
            self._delete_records(doc.doc_id)
            raise

    def update_document(self, document: DocumentInfo) -> None:
        """Replace a document's registry record (metadata corrected by a user)."""
        self._documents.update(ids=[document.doc_id], metadatas=[_document_meta(document)])

    def delete_document(self, doc_id: str) -> None:
        # Registry first: the document disappears at once, its records follow.
        self._documents.delete(ids=[doc_id])
        self._delete_records(doc_id)

    def _delete_records(self, doc_id: str) -> None:
        self._vector_store.delete(ref_doc_id=doc_id)
        self._sentences.delete(where={"doc_id": doc_id})

    def _sweep_orphans(self) -> None:
        """Remove chunks and sentences whose document never reached the registry.

        Asks Chroma for ids only: this runs on every open and must not load every chunk's metadata.
        """
        known = self._documents.get(include=[])["ids"]
        where = {"doc_id": {"$nin": known}} if known else None
        for collection in (self._chunks, self._sentences):
            orphans = collection.get(where=where, include=[])["ids"]
            if orphans:
                logger.warning("removing %d records of incompletely ingested documents", len(orphans))
                collection.delete(ids=orphans)

    # ---- writes ----------------------------------------------------------------------------
    def _add_chunks(self, doc: DocumentInfo, chunks: tuple[Chunk, ...], vectors: DocumentVectors) -> None:
        nodes = []
        for chunk, vector, tokens in zip(chunks, vectors.chunks, vectors.chunk_tokens, strict=True):
            node = TextNode(
                id_=chunk.chunk_id,
                text=chunk.text,
                embedding=vector.tolist(),
                metadata={
                    "doc_id": doc.doc_id,
                    "section": SECTION_SEPARATOR.join(chunk.section_path),
                    "start": chunk.start,
                    "end": chunk.end,
                    "raw_start": chunk.raw_start,
                    "raw_end": chunk.raw_end,
                    "raw_text": chunk.raw_text,
                    "page_start": chunk.page_start if chunk.page_start is not None else -1,
                    "page_end": chunk.page_end if chunk.page_end is not None else -1,
                    "department": doc.department,
                    "year": doc.year or 0,
                    "report_type": doc.report_type,
                    "tokens": " ".join(tokens),
                },
            )
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc.doc_id)
            nodes.append(node)
        for start in range(0, len(nodes), _CHROMA_BATCH):
            self._vector_store.add(nodes[start : start + _CHROMA_BATCH])

    def _add_sentences(self, chunks: tuple[Chunk, ...], vectors: np.ndarray) -> None:
        sentences = [s for chunk in chunks for s in chunk.sentences]
        doc_of = {chunk.chunk_id: chunk.doc_id for chunk in chunks}
        for start in range(0, len(sentences), _CHROMA_BATCH):
            batch = sentences[start : start + _CHROMA_BATCH]
            self._sentences.add(
                ids=[s.sentence_id for s in batch],
                embeddings=vectors[start : start + len(batch)].tolist(),
                documents=[s.text for s in batch],
                metadatas=[
                    {
                        "chunk_id": s.chunk_id,
                        "doc_id": doc_of[s.chunk_id],
                        "start": s.start,
                        "end": s.end,
                        "raw_start": s.raw_start,
                        "raw_end": s.raw_end,
                    }
                    for s in batch
                ],
            )

    # ---- reads -----------------------------------------------------------------------------
    def query_chunks(self, vector: np.ndarray, top_k: int, doc_ids: list[str] | None = None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the nearest chunks, optionally within some documents."""
        filters = None
        if doc_ids is not None:
            if not doc_ids:
                return []
            filters = MetadataFilters(filters=[MetadataFilter(key="doc_id", value=doc_ids, operator=FilterOperator.IN)])
        count = self._chunks.count()
        if count == 0:
            return []
        result = self._vector_store.query(
            VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=min(top_k, count), filters=filters)
        )
        # ChromaVectorStore reports exp(-distance); with cosine space distance = 1 - cosine.
        return [(node_id, 1.0 + math.log(sim)) for node_id, sim in zip(result.ids, result.similarities, strict=True)]

    def get_chunks(self, chunk_ids: list[str]) -> list[Chunk]:
        """Chunks by id (in the order asked), with their sentences."""
        if not chunk_ids:
            return []
        nodes = {node.node_id: node for node in self._vector_store.get_nodes(node_ids=list(chunk_ids))}
        sentences = self._sentences_of(chunk_ids)
        return [_chunk_from_node(nodes[cid], sentences.get(cid, ())) for cid in chunk_ids if cid in nodes]

    def sentence_vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """Stored sentence embeddings of these chunks, by sentence id."""
        if not chunk_ids:
            return {}
        records = self._sentences.get(where={"chunk_id": {"$in": list(chunk_ids)}}, include=["embeddings"])
        return {
            sid: np.asarray(vec, dtype=np.float32)
            for sid, vec in zip(records["ids"], records["embeddings"], strict=True)
        }

    def _sentences_of(self, chunk_ids: list[str]) -> dict[str, tuple[Sentence, ...]]:
        records = self._sentences.get(where={"chunk_id": {"$in": list(chunk_ids)}}, include=["metadatas", "documents"])
        grouped: dict[str, list[Sentence]] = {}
        for sid, meta, text in zip(records["ids"], records["metadatas"], records["documents"], strict=True):
            grouped.setdefault(meta["chunk_id"], []).append(
                Sentence(sid, meta["chunk_id"], text, meta["start"], meta["end"], meta["raw_start"], meta["raw_end"])
            )
        return {cid: tuple(sorted(items, key=lambda s: s.start)) for cid, items in grouped.items()}

    def chunk_tokens(self) -> tuple[list[str], list[str], list[list[str]]]:
        """(chunk ids, their doc ids, their BM25 tokens) for every stored chunk."""
        records = self._chunks.get(include=["metadatas"])
        metas = records["metadatas"]
        return records["ids"], [m["doc_id"] for m in metas], [m["tokens"].split() for m in metas]


def _document_meta(doc: DocumentInfo) -> dict[str, str | int]:
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "title": doc.title,
        "department": doc.department,
        "district": doc.district,
        "year": doc.year or 0,
        "report_type": doc.report_type,
        "pages": doc.pages or 0,
        "chunk_count": doc.chunk_count,
    }


def _document_from_meta(meta: dict) -> DocumentInfo:
    return DocumentInfo(
        doc_id=meta["doc_id"],
        source=meta["source"],
        title=meta["title"],
        department=meta["department"],
        district=meta["district"],
        year=meta["year"] or None,
        report_type=meta["report_type"],
        pages=meta["pages"] or None,
        chunk_count=meta["chunk_count"],
    )


def _chunk_from_node(node: TextNode, sentences: tuple[Sentence, ...]) -> Chunk:
    meta = node.metadata
    section = meta["section"]
    return Chunk(
        chunk_id=node.node_id,
        doc_id=meta["doc_id"],
        text=node.get_content(),
        section_path=tuple(section.split(SECTION_SEPARATOR)) if section else (),
        start=meta["start"],
        end=meta["end"],
        raw_start=meta["raw_start"],
        raw_end=meta["raw_end"],
        page_start=meta["page_start"] if meta["page_start"] >= 0 else None,
        page_end=meta["page_end"] if meta["page_end"] >= 0 else None,
        raw_text=meta["raw_text"],
        sentences=sentences,
    )
