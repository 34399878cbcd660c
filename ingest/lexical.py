"""BM25 over jieba tokens (bm25s), persisted beside the vector store.

The index is derived data: it is rebuilt from the tokens stored with each chunk whenever the set
of documents changes (the fingerprint). On disk each version is a folder named by its fingerprint,
never changed once written, and the file `current` names the one in use; it is replaced by a
rename, so a reader never sees half an index. Folders are written under unique temporary names
(several processes may build at once); only a writer holding the lock saves and prunes.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

_META = "perfqa_lexical.json"
_CURRENT = "current"
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every build at DEBUG


@dataclass
class LexicalHit:
    chunk_id: str
    score: float


class LexicalIndex:
    def __init__(
        self,
        model: bm25s.BM25 | None,
        chunk_ids: list[str],
        doc_ids: list[str],
        fingerprint: str,
        document_frequency: dict[str, int],
    ) -> None:
        self._model = model
        self.chunk_ids = chunk_ids
        self.doc_ids = doc_ids
        self.fingerprint = fingerprint
        self.document_frequency = document_frequency
        self._doc_array = np.array(doc_ids)

    def idf(self, token: str) -> float:
        """Inverse chunk frequency; a token no chunk has weighs most (it is what a question hinges on)."""
        n = len(self.chunk_ids)
        return math.log((n + 1) / (self.document_frequency.get(token, 0) + 0.5))

    @classmethod
    def build(cls, chunk_ids: list[str], doc_ids: list[str], tokens: list[list[str]], fingerprint: str) -> LexicalIndex:
        frequency = Counter(token for chunk_tokens in tokens for token in set(chunk_tokens))
        if not chunk_ids:
            return cls(None, [], [], fingerprint, {})
        model = bm25s.BM25()
        model.index([t or ["<empty>"] for t in tokens], show_progress=False)
        return cls(model, chunk_ids, doc_ids, fingerprint, dict(frequency))

    def search(self, query_tokens: list[str], k: int, doc_filter: set[str] | None = None) -> list[LexicalHit]:
        if self._model is None or not query_tokens:
            return []
        known = [t for t in query_tokens if t in self._model.vocab_dict]
        if not known:
            return []
        mask = None
        if doc_filter is not None:
            mask = np.isin(self._doc_array, list(doc_filter)).astype(np.float32)
            if not mask.any():
                return []
        k = min(k, len(self.chunk_ids))
        # n_threads=0: a plain map in this thread (1 would start a thread pool for every question)
        results, scores = self._model.retrieve([known], k=k, show_progress=False, weight_mask=mask, n_threads=0)
        return [
            LexicalHit(self.chunk_ids[int(i)], float(s)) for i, s in zip(results[0], scores[0], strict=True) if s > 0
        ]

    def save(self, root: Path) -> None:
        """Write this index as the current version under `root`; call with the writer lock held."""
        root.mkdir(parents=True, exist_ok=True)
        name = self.fingerprint[:32]
        target = root / name
        if not (target / _META).exists():
            tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=root))
            try:
                if self._model is not None:
                    self._model.save(str(tmp), show_progress=False)
                meta = {
                    "fingerprint": self.fingerprint,
                    "chunk_ids": self.chunk_ids,
                    "doc_ids": self.doc_ids,
                    "document_frequency": self.document_frequency,
                }
                (tmp / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
                shutil.rmtree(target, ignore_errors=True)
                tmp.rename(target)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        handle, pointer = tempfile.mkstemp(prefix=f".{_CURRENT}.", suffix=".tmp", dir=root)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(name)
            os.replace(pointer, root / _CURRENT)
        finally:
            Path(pointer).unlink(missing_ok=True)
        # Older versions and temporary folders of killed writers; a reader loading one falls back to a rebuild.
        for entry in root.iterdir():
            if entry.name not in (name, _CURRENT) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)

    @classmethod
    def load(cls, root: Path) -> LexicalIndex | None:
        """The current version under `root`, or None when there is none or it cannot be read."""
        try:
            directory = root / (root / _CURRENT).read_text(encoding="utf-8").strip()
            meta = json.loads((directory / _META).read_text(encoding="utf-8"))
            model = bm25s.BM25.load(str(directory), show_progress=False) if meta["chunk_ids"] else None
        except (OSError, ValueError, KeyError) as exc:
            if not isinstance(exc, FileNotFoundError):
                logging.getLogger(__name__).warning("BM25 index in %s unreadable (%s); rebuilding", root, exc)
            return None
        return cls(model, meta["chunk_ids"], meta["doc_ids"], meta["fingerprint"], meta["document_frequency"])
