"""Paths as users see them: relative to the archive (corpus folder or uploads), never server paths."""

from __future__ import annotations

from pathlib import Path

from ingest.settings import Settings


def uploads_dir(settings: Settings) -> Path:
    """Where uploaded reports are kept, each in a folder named by its content hash."""
    return Path(settings.index.data_dir) / "uploads"


def archive_path(source: str, settings: Settings) -> str:
    """`source` relative to the archive root it lies under ("corpus/x.pdf", "uploads/<hash>/x.pdf").

    A file outside every archive root shows as its bare name: the server's folders stay private.
    """
    path = Path(source)
    for root in (Path(settings.ui.corpus_dir), uploads_dir(settings)):
        root = root.resolve()
        if path.is_relative_to(root):
            return (Path(root.name) / path.relative_to(root)).as_posix()
    return path.name


def with_archive_paths(data: object, settings: Settings) -> object:
    """A copy of JSON-like data in which every "source" string is archive-relative (for answers sent out)."""
    if isinstance(data, dict):
        return {
            key: archive_path(value, settings)
            if key == "source" and isinstance(value, str)
            else with_archive_paths(value, settings)
            for key, value in data.items()
        }
    if isinstance(data, list | tuple):
        return [with_archive_paths(item, settings) for item in data]
    return data
