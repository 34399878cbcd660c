"""Which files an ingest of some paths reads, and every file it skips with the reason."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.file_kinds import unsupported_type
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.models import IngestError


@dataclass
class FoundFiles:
    files: list[Path] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)


def find_files(paths: Iterable[Path]) -> FoundFiles:
    """Files as given, and supported files under given folders (sorted).

    Inside a folder, a symbolic link whose target lies outside that folder is refused (it could
    expose any file of the server); linked folders are not entered.
    """
    found = FoundFiles()
    for path in paths:
        if path.is_dir():
            _walk(Path(path), found)
        else:
            found.files.append(path)
    return found


def _walk(folder: Path, found: FoundFiles) -> None:
    root = folder.resolve()
    for current, dirs, names in os.walk(folder, followlinks=False):
        base = Path(current)
        dirs.sort()
        for name in list(dirs):
            path = base / name
            if path.is_symlink():
                dirs.remove(name)
                found.skipped.append(_link_error(path, root, "文件夹"))
        for name in sorted(names):
            path = base / name
            if path.is_symlink():
                found.skipped.append(_link_error(path, root, "文件"))
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                found.skipped.append(unsupported_type(path))
            elif not path.is_file():
                found.skipped.append(IngestError(path, "不是普通文件（或链接已失效），已跳过"))
            else:
                found.files.append(path)


def _link_error(path: Path, root: Path, kind: str) -> IngestError:
    target = path.resolve()
    if target.is_relative_to(root):
        return IngestError(path, f"是指向本文件夹内另一{kind}的链接，不重复读取")
    return IngestError(
        path, f"是指向文件夹之外（{target}）的符号链接，已拒绝", "请把报告文件本身（而不是链接）放进要导入的文件夹"
    )
