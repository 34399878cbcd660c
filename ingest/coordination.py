"""Processes that share one data dir: one writer at a time, and a generation number readers watch.

The writer lock is a `filelock.FileLock` on `<data_dir>/writer.lock` (an OS lock: it is released
when its process dies, even by `kill -9`). Every change to the index bumps the generation number
in `<data_dir>/registry-generation`; a reader compares it with the number it loaded at and
reloads when it differs, so a UI sees documents that a CLI ingest added.

A test hook, `PERFQA_TEST_WRITER_HOOK="<stage>:pause:<marker path>"` or `"<stage>:enospc"`,
pauses the writer at a stage (after touching the marker, so a test can `kill -9` it there) or
fails it there with a full-disk error. Unset, `checkpoint` does nothing.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

logger = logging.getLogger(__name__)

TEST_HOOK_ENV = "PERFQA_TEST_WRITER_HOOK"
_LOCK_NAME = "writer.lock"
_GENERATION_NAME = "registry-generation"
_IN_FLUX_NAME = "records-in-flux"


class IndexUnavailableError(Exception):
    """The index cannot be changed now; the message is for the user (Chinese, says what to do)."""


class SharedDataDir:
    """The coordination files of one data dir."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._generation_path = self.data_dir / _GENERATION_NAME

    @contextmanager
    def writer(self, timeout_s: float = 300.0) -> Iterator[None]:
        """Hold the writer lock; raises IndexUnavailableError when the dir is read-only or another writer stays."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            lock = FileLock(self.data_dir / _LOCK_NAME, timeout=timeout_s)
            lock.acquire()
        except Timeout as exc:
            raise IndexUnavailableError(
                f"另一个进程正在写入索引（{self.data_dir}），等待 {timeout_s:.0f} 秒后仍未结束；请稍后再试"
            ) from exc
        except OSError as exc:
            raise IndexUnavailableError(read_only_message(self.data_dir, exc)) from exc
        try:
            yield
        finally:
            lock.release()

    def generation(self) -> int:
        """The number of the last completed change (0 for a new data dir)."""
        try:
            return int(self._generation_path.read_text(encoding="ascii").strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def bump(self) -> int:
        """Count one more change; call with the writer lock held. Written by rename: never half a number."""
        number = self.generation() + 1
        handle, tmp = tempfile.mkstemp(prefix=_GENERATION_NAME + ".", suffix=".tmp", dir=self.data_dir)
        try:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(str(number))
            os.replace(tmp, self._generation_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return number

    def records_in_flux(self) -> bool:
        """A writer began adding or removing a document's records and did not say it finished."""
        return (self.data_dir / _IN_FLUX_NAME).exists()

    def mark_records_in_flux(self) -> None:
        """Call with the writer lock held, before records are added or removed."""
        (self.data_dir / _IN_FLUX_NAME).write_text(str(os.getpid()), encoding="ascii")

    def records_settled(self) -> None:
        (self.data_dir / _IN_FLUX_NAME).unlink(missing_ok=True)


def read_only_message(data_dir: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return f"数据目录 {data_dir} 所在磁盘已满；索引保持不变。请清理磁盘空间后再导入"
    return (
        f"数据目录 {data_dir} 不可写（{exc.strerror or exc}）：可以继续提问，但不能导入、删除或修改报告。"
        "请检查该目录的权限，或用 PERFQA_INDEX__DATA_DIR 指定可写的目录"
    )


def checkpoint(stage: str) -> None:
    """Test hook: pause or fail the writer at `stage` when PERFQA_TEST_WRITER_HOOK names it."""
    hook = os.environ.get(TEST_HOOK_ENV)
    if not hook:
        return
    name, _, rest = hook.partition(":")
    if name != stage:
        return
    action, _, argument = rest.partition(":")
    if action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    if action == "pause":
        logger.warning("test hook: writer paused at %s", stage)
        if argument:
            Path(argument).write_text(str(os.getpid()), encoding="ascii")
        while True:  # until the test kills this process
            time.sleep(1)
