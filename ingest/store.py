"""The report store: one small interface over Chroma, embedded on disk or a server by URL.

Three collections per embedding model: chunks (through llama-index's ChromaVectorStore),
sentences (for the extractive answer) and documents (the registry, one record per report).

Visibility rules, so that readers never need to repair anything:
- a document is visible only once its registry record exists (written after its chunks);
- a registry record may name the versions it replaces (`replaces`); those are hidden from the
  moment that record is written, so a replacement appears and the old version disappears in one
  step;
- chunks without a visible registry record are never returned.

Changes happen only in a `WriteSession`, which holds the writer lock of the data dir. A session
first finishes or rolls back whatever a killed writer left: replaced versions still present are
deleted (the replacement is complete), and chunks and sentences without a registry record are
removed (their write never finished). Readers delete nothing. Each session that changed something
bumps the data dir's generation number; every reader reopens Chroma when it sees a new number
(an embedded Chroma client does not see vectors other processes added after it opened).
"""

from __future__ import annotations

import atexit
import logging
import math
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import (
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
)
from llama_index.core.vector_stores.utils import metadata_dict_to_node
from llama_index.vector_stores.chroma import ChromaVectorStore

from ingest.chunker import chunk_id_of, sentence_id_of
from ingest.coordination import SharedDataDir, checkpoint
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
    """Embedded persistent Chroma in data_dir, or a Chroma server when chroma_url is set.

    An embedded client is always new: Chroma caches one per path, and a cached one keeps the
    vectors it loaded when it opened.
    """
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
    # Forget the cached system without stopping it: other threads may still be reading through it.
    SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)
    try:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        if "readonly" not in str(exc).lower().replace("-", "").replace(" ", ""):
            raise
        return _read_only_snapshot(path, chroma_settings)


def _read_only_snapshot(path: Path, chroma_settings: ChromaSettings) -> chromadb.ClientAPI:
    """Chroma cannot open a database it may not write; questions are answered from a private copy.

    Nothing can change a read-only data dir, so the copy stays current; writes are refused by the
    writer lock (see coordination.read_only_message).
    """
    logger.warning("data dir %s is read-only: answering from a temporary copy; ingest is refused", path.parent)
    snapshot = Path(tempfile.mkdtemp(prefix="perfqa-readonly-")) / "chroma"
    shutil.copytree(path, snapshot)
    atexit.register(shutil.rmtree, snapshot.parent, True)
    return chromadb.PersistentClient(path=str(snapshot), settings=chroma_settings)


CACHED_CHUNKS = 20_000  # chunks (and their sentence vectors) kept per generation
# A search within reports of at most this many chunks compares the vectors itself: reading them by id and
# one matrix product take a tenth of a Chroma query with a doc_id filter (2 ms against 14 ms at 1,000 reports).
EXACT_SEARCH_CHUNKS = 4_000
WHOLE_READ_CHUNKS = 200  # up to this many chunks of an exact search are read whole (see _chunk_vectors)
SENTENCE_ID_GUESS = 16  # sentence ids tried per chunk and read; chunks with more are read again from there


class _Handles:
    """Collections of one opened client, and the registry as read through them (loaded lazily)."""

    def __init__(self, client: chromadb.ClientAPI, suffix: str, generation: int) -> None:
        config = {"hnsw": {"space": "cosine"}}

        def collection(kind: str) -> chromadb.Collection:
            # embedding_function=None: we always bring our own vectors, never Chroma's downloading default.
            return client.get_or_create_collection(
                f"perfqa-{kind}-{suffix}", embedding_function=None, configuration=config
            )

        self.client = client
        self.generation = generation
        self.chunks = collection("chunks")
        self.sentences = collection("sentences")
        self.documents = collection("documents")
        self.vector_store = ChromaVectorStore(chroma_collection=self.chunks)
        self._visible: dict[str, DocumentInfo] | None = None
        # Records read once per generation (a change makes new handles): each question needs its passages'
        # chunks and sentence vectors again, and reading them from Chroma was a seventh of its CPU.
        self.chunk_cache: dict[str, Chunk] = {}
        self.vector_cache: dict[str, dict[str, np.ndarray]] = {}  # by chunk id: its sentences' vectors
        self.chunk_vector_cache: dict[str, np.ndarray] = {}  # by chunk id: the chunk's own unit vector

    def remember(self, cache: dict, items: dict) -> None:
        if len(cache) + len(items) > CACHED_CHUNKS:
            cache.clear()
        cache.update(items)

    def visible(self) -> dict[str, DocumentInfo]:
        if self._visible is None:
            records = self.documents.get(include=["metadatas"])
            metas = records["metadatas"]
            hidden = {target for meta in metas for target in _replaced_by(meta)}
            documents = sorted(
                (_document_from_meta(m) for m in metas if m["doc_id"] not in hidden), key=lambda d: (d.source, d.doc_id)
            )
            self._visible = {d.doc_id: d for d in documents}
        return self._visible

    def forget_registry(self) -> None:
        self._visible = None


class ReportStore:
    """Documents, chunks and sentences of one embedding model in one Chroma database."""

    def __init__(self, settings: IndexSettings, embedding_name: str) -> None:
        self._settings = settings
        self._suffix = re.sub(r"[^a-zA-Z0-9_-]", "-", embedding_name)
        self.shared = SharedDataDir(settings.data_dir)
        self._reopen_lock = threading.Lock()
        self._handles = self._open(self.shared.generation())

    def _open(self, generation: int) -> _Handles:
        return _Handles(open_client(self._settings), self._suffix, generation)

    def _current(self) -> _Handles:
        """The collections, reopened when another process (or this one) has changed the index since."""
        generation = self.shared.generation()
        if self._handles.generation != generation:
            with self._reopen_lock:
                if self._handles.generation != generation:
                    self._handles = self._open(generation)
        return self._handles

    @property
    def generation(self) -> int:
        """Generation of the index as this store currently sees it."""
        return self._current().generation

    # ---- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Visible documents, sorted by source."""
        return list(self._current().visible().values())

    def visible_documents(self) -> dict[str, DocumentInfo]:
        """Visible documents by id (shared and cached per generation: do not modify)."""
        return self._current().visible()

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self._current().visible().get(doc_id)

    def find_by_source(self, source: str) -> list[DocumentInfo]:
        return [d for d in self._current().visible().values() if d.source == source]

    @contextmanager
    def writing(self, timeout_s: float = 300.0) -> Iterator[WriteSession]:
        """The only way to change the store: holds the writer lock, repairs first, bumps the generation after."""
        with self.shared.writer(timeout_s):
            handles = self._open(self.shared.generation())
            session = WriteSession(handles, self.shared)
            session.recover()
            try:
                yield session
            finally:
                session.publish()

    # ---- reads -----------------------------------------------------------------------------
    def warm(self) -> None:
        """Read one report's chunks and sentences with their vectors: Chroma loads its stored vectors on the
        first such read (0.4 s at 1,000 reports), which would otherwise fall on the first question."""
        handles = self._current()
        first = next(iter(handles.visible()), None)
        if first is not None:
            _chunk_vectors(handles, [first])
            self.get_chunks([chunk_id_of(first, 0)])

    def query_chunks(self, vector: np.ndarray, top_k: int, doc_ids: list[str] | None = None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the nearest visible chunks, optionally within some documents."""
        handles = self._current()
        visible = handles.visible()
        pool = list(visible) if doc_ids is None else [d for d in doc_ids if d in visible]
        if not pool:
            return []
        if sum(visible[d].chunk_count for d in pool) <= EXACT_SEARCH_CHUNKS:
            return _nearest(vector, _chunk_vectors(handles, pool), top_k)
        count = handles.chunks.count()
        if count == 0:
            return []
        if doc_ids is None and count != sum(d.chunk_count for d in visible.values()):
            doc_ids = pool  # a write is in progress or was interrupted: keep its chunks out
        filters = None
        if doc_ids is not None:
            filters = MetadataFilters(filters=[MetadataFilter(key="doc_id", value=pool, operator=FilterOperator.IN)])
        result = handles.vector_store.query(
            VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=min(top_k, count), filters=filters)
        )
        # ChromaVectorStore reports exp(-distance); with cosine space distance = 1 - cosine.
        return [(node_id, 1.0 + math.log(sim)) for node_id, sim in zip(result.ids, result.similarities, strict=True)]

    def get_chunks(self, chunk_ids: list[str]) -> list[Chunk]:
        """Chunks by id (in the order asked), with their sentences."""
        if not chunk_ids:
            return []
        handles = self._current()
        found = {cid: chunk for cid in chunk_ids if (chunk := handles.chunk_cache.get(cid)) is not None}
        missing = [cid for cid in dict.fromkeys(chunk_ids) if cid not in found]
        if missing:
            nodes = {node.node_id: node for node in handles.vector_store.get_nodes(node_ids=missing)}
            sentences = _read_sentences(handles, [cid for cid in missing if cid in nodes])
            read = {cid: _chunk_from_node(node, sentences.get(cid, ())) for cid, node in nodes.items()}
            handles.remember(handles.chunk_cache, read)
            found |= read
        return [found[cid] for cid in chunk_ids if cid in found]

    def sentence_vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """Stored sentence embeddings of these chunks, by sentence id (read-only arrays)."""
        if not chunk_ids:
            return {}
        handles = self._current()
        missing = [cid for cid in dict.fromkeys(chunk_ids) if cid not in handles.vector_cache]
        if missing:
            _read_sentences(handles, missing)
        found = handles.vector_cache
        return {sid: vector for cid in dict.fromkeys(chunk_ids) for sid, vector in found.get(cid, {}).items()}

    def chunk_tokens(self) -> tuple[list[str], list[str], list[list[str]]]:
        """(chunk ids, their doc ids, their BM25 tokens) for every chunk of a visible document."""
        handles = self._current()
        visible = handles.visible()
        records = handles.chunks.get(include=["metadatas"])
        kept = [(cid, m) for cid, m in zip(records["ids"], records["metadatas"], strict=True) if m["doc_id"] in visible]
        return [cid for cid, _ in kept], [m["doc_id"] for _, m in kept], [m["tokens"].split() for _, m in kept]

    def chunk_counts(self) -> dict[str, int]:
        """Stored chunks per doc_id, visible or not (for consistency checks)."""
        return _count_by_doc(self._current().chunks)

    def sentence_counts(self) -> dict[str, int]:
        """Stored sentences per doc_id, visible or not (for consistency checks)."""
        return _count_by_doc(self._current().sentences)

    def registry_records(self) -> list[dict]:
        """Raw registry records, hidden ones included (for consistency checks)."""
        return list(self._current().documents.get(include=["metadatas"])["metadatas"])


class WriteSession:
    """Changes to the store while the writer lock is held (see `ReportStore.writing`)."""

    def __init__(self, handles: _Handles, shared: SharedDataDir) -> None:
        self._h = handles
        self._shared = shared
        self._unpublished = False
        self.changed = False
        self.repairs: list[str] = []

    def _changing(self) -> None:
        self.changed = self._unpublished = True
        self._h.forget_registry()

    def publish(self) -> None:
        """Bump the generation if something changed since the last bump: readers reload."""
        if self._unpublished:
            self._unpublished = False
            try:
                self._shared.bump()
            except OSError:  # e.g. a full disk; the next writer's bump tells readers
                logger.exception("could not bump the registry generation")

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self._h.visible().get(doc_id)

    def find_by_source(self, source: str) -> list[DocumentInfo]:
        return [d for d in self._h.visible().values() if d.source == source]

    def recover(self) -> None:
        """Finish interrupted replacements and roll back interrupted writes (see the module docstring)."""
        h = self._h
        metas = h.documents.get(include=["metadatas"])["metadatas"]
        known = {m["doc_id"] for m in metas}
        for meta in metas:
            targets = _replaced_by(meta)
            if not targets:
                continue
            for target in targets:
                self._remove(target)
                known.discard(target)
            h.documents.update(ids=[meta["doc_id"]], metadatas=[{"replaces": ""}])
            self.repairs.append(f"完成了中断的替换：{meta['source']}")
            logger.warning("finished an interrupted replacement by %s", meta["doc_id"])
        # Records without a registry record exist only where a write or removal stopped midway (it leaves its mark)
        # or chunks outnumber the registered ones; looking for them reads every record, so only then.
        registered = sum(m["chunk_count"] for m in metas if m["doc_id"] in known)
        if self._shared.records_in_flux() or h.chunks.count() != registered:
            self._remove_unregistered(known)
        if self.repairs:
            self._changing()
            self.publish()

    def _remove_unregistered(self, known: set[str]) -> None:
        h = self._h
        where = {"doc_id": {"$nin": sorted(known)}} if known else None
        for collection in (h.chunks, h.sentences):
            orphans = collection.get(where=where, include=[])["ids"]
            if orphans:
                collection.delete(ids=orphans)
                self.repairs.append(f"撤销了中断的写入：删除 {len(orphans)} 条未登记的记录")
                logger.warning("removed %d records of an interrupted write", len(orphans))
        self._shared.records_settled()

    def write_document(self, parsed: ParsedDocument, vectors: DocumentVectors, replaces: list[str] = ()) -> None:
        """Add a document completely or not at all; the versions in `replaces` vanish when it appears."""
        doc = parsed.info
        self._changing()
        meta = _document_meta(doc) | {"replaces": ",".join(replaces)}
        self._shared.mark_records_in_flux()
        try:
            _add_sentences(self._h, parsed.chunks, vectors.sentences)
            checkpoint("sentences-written")
            _add_chunks(self._h, doc, parsed.chunks, vectors)
            checkpoint("chunks-written")
            self._h.documents.add(
                ids=[doc.doc_id], embeddings=[vectors.title.tolist()], documents=[doc.title], metadatas=[meta]
            )
        except BaseException:
            logger.warning("writing %s failed; removing its partial records", doc.source)
            try:
                self._remove(doc.doc_id)
                self._shared.records_settled()
            except Exception:  # e.g. the disk is still full: the next session's recovery removes them
                logger.exception("could not remove the partial records of %s", doc.doc_id)
            raise
        self._changing()
        self.publish()
        try:
            checkpoint("registered")
            for old in replaces:
                self._remove(old)
            checkpoint("retired")
            if replaces:
                self._h.documents.update(ids=[doc.doc_id], metadatas=[{"replaces": ""}])
            self._shared.records_settled()
        except Exception:  # e.g. a full disk: the new version is in, the next writer's recovery removes the old
            logger.exception("removing the replaced versions of %s failed; the next write finishes it", doc.source)

    def update_document(self, document: DocumentInfo) -> None:
        """Replace a document's registry record (metadata corrected by a user)."""
        self._h.documents.update(ids=[document.doc_id], metadatas=[_document_meta(document)])
        self._changing()

    def delete_document(self, doc_id: str) -> None:
        self._shared.mark_records_in_flux()
        self._h.documents.delete(ids=[doc_id])
        self._changing()
        self.publish()  # gone for every reader now; its records follow
        checkpoint("unregistered")
        self._remove(doc_id)
        self._shared.records_settled()

    def _remove(self, doc_id: str) -> None:
        # Registry first: the document disappears at once, its records follow.
        self._h.documents.delete(ids=[doc_id])
        self._h.vector_store.delete(ref_doc_id=doc_id)
        self._h.sentences.delete(where={"doc_id": doc_id})


def _count_by_doc(collection: chromadb.Collection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for meta in collection.get(include=["metadatas"])["metadatas"]:
        counts[meta["doc_id"]] = counts.get(meta["doc_id"], 0) + 1
    return counts


def _replaced_by(meta: dict) -> list[str]:
    return [target for target in str(meta.get("replaces") or "").split(",") if target]


def _add_chunks(h: _Handles, doc: DocumentInfo, chunks: tuple[Chunk, ...], vectors: DocumentVectors) -> None:
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
        h.vector_store.add(nodes[start : start + _CHROMA_BATCH])


def _add_sentences(h: _Handles, chunks: tuple[Chunk, ...], vectors: np.ndarray) -> None:
    sentences = [s for chunk in chunks for s in chunk.sentences]
    doc_of = {chunk.chunk_id: chunk.doc_id for chunk in chunks}
    for start in range(0, len(sentences), _CHROMA_BATCH):
        batch = sentences[start : start + _CHROMA_BATCH]
        h.sentences.add(
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


def _read_sentences(h: _Handles, chunk_ids: list[str]) -> dict[str, tuple[Sentence, ...]]:
    """The sentences of these chunks in reading order; their vectors go to the handles' cache on the way
    (a question needs both, and one read by id is a few times faster than two by metadata)."""
    grouped: dict[str, list[Sentence]] = {cid: [] for cid in chunk_ids}
    vectors: dict[str, dict[str, np.ndarray]] = {cid: {} for cid in chunk_ids}
    pending, first = list(chunk_ids), 0
    while pending:
        ids = [sentence_id_of(cid, i) for cid in pending for i in range(first, first + SENTENCE_ID_GUESS)]
        records = h.sentences.get(ids=ids, include=["metadatas", "documents", "embeddings"])
        for sid, meta, text, vec in zip(
            records["ids"], records["metadatas"], records["documents"], records["embeddings"], strict=True
        ):
            cid = meta["chunk_id"]
            grouped[cid].append(
                Sentence(sid, cid, text, meta["start"], meta["end"], meta["raw_start"], meta["raw_end"])
            )
            vector = np.asarray(vec, dtype=np.float32)
            vector.setflags(write=False)  # shared by every question that retrieves this chunk
            vectors[cid][sid] = vector
        pending = [cid for cid in pending if len(vectors[cid]) == first + SENTENCE_ID_GUESS]
        first += SENTENCE_ID_GUESS
    h.remember(h.vector_cache, vectors)
    return {cid: tuple(sorted(items, key=lambda s: s.start)) for cid, items in grouped.items()}


def _chunk_vectors(h: _Handles, doc_ids: list[str]) -> dict[str, np.ndarray]:
    """Unit vectors of every chunk of these visible documents, by chunk id (read by id, cached).

    A few documents are read whole, chunks and sentences too: the question searched within them
    reads its passages from them next, and one read of all is quicker than three of some.
    """
    visible = h.visible()
    wanted = [chunk_id_of(d, i) for d in doc_ids for i in range(visible[d].chunk_count)]
    found = {cid: vector for cid in wanted if (vector := h.chunk_vector_cache.get(cid)) is not None}
    missing = [cid for cid in wanted if cid not in found]
    if missing:
        whole = len(missing) <= WHOLE_READ_CHUNKS
        fields = ["embeddings", "metadatas", "documents"] if whole else ["embeddings"]
        records = h.chunks.get(ids=missing, include=fields)
        read = {}
        for cid, vec in zip(records["ids"], records["embeddings"], strict=True):
            vector = np.asarray(vec, dtype=np.float32)
            vector /= np.linalg.norm(vector) or 1.0
            vector.setflags(write=False)
            read[cid] = vector
        h.remember(h.chunk_vector_cache, read)
        found |= read
        if whole:
            sentences = _read_sentences(h, records["ids"])
            chunks = {
                cid: _chunk_from_node(metadata_dict_to_node(meta, text=text), sentences.get(cid, ()))
                for cid, meta, text in zip(records["ids"], records["metadatas"], records["documents"], strict=True)
            }
            h.remember(h.chunk_cache, chunks)
    return {cid: found[cid] for cid in wanted if cid in found}


def _nearest(query: np.ndarray, vectors: dict[str, np.ndarray], top_k: int) -> list[tuple[str, float]]:
    """(id, cosine similarity) of the top_k vectors nearest the query, best first: an exact search."""
    if not vectors:
        return []
    ids = list(vectors)
    similarities = np.stack([vectors[i] for i in ids]) @ (query / (np.linalg.norm(query) or 1.0))
    order = np.argsort(-similarities, kind="stable")[:top_k]
    return [(ids[i], float(similarities[i])) for i in order]


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
