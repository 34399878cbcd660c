"""Uploaded reports kept by content: `uploads/<content hash>/<original name>`.

Two different reports with the same file name (every department's `附件2.txt`) land in two
folders and stay two reports; the same file uploaded again lands where it already is.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

_HASH_CHARS = 16


def keep_upload(file: Path, uploads_dir: Path) -> Path:
    """Copy an uploaded file into its content folder (once) and return the kept path."""
    digest = hashlib.sha256(file.read_bytes()).hexdigest()[:_HASH_CHARS]
    target = uploads_dir / digest / file.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.partial")
        shutil.copyfile(file, tmp)
        tmp.replace(target)
    return target


def discard_upload(path: Path, uploads_dir: Path) -> None:
    """Remove a kept upload and its content folder; paths outside the uploads folder are left alone."""
    path = Path(path).resolve()
    root = uploads_dir.resolve()
    if not path.is_relative_to(root):
        return
    path.unlink(missing_ok=True)
    if path.parent != root and path.parent.exists() and not any(path.parent.iterdir()):
        path.parent.rmdir()
