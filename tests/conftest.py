"""Shared fixtures: real components only (Chroma on disk, the real embedding model)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest import embeddings
from ingest.settings import IndexSettings, Settings
from tests.embedding_memo import MemoEncoder
from tests.index_cache import cache_key, cached_entry, copy_data

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_REPORT = CORPUS / "huadu_hrss_2023_dept_self_eval.txt"


def settings_for(data_dir: Path, **groups) -> Settings:
    return Settings(index=IndexSettings(data_dir=data_dir), **groups)


def assistant_on_report(factory: pytest.TempPathFactory, file_name: str, text: str) -> Assistant:
    """An assistant whose archive is one report written by a test."""
    folder = factory.mktemp("report")
    (folder / file_name).write_text(text, encoding="utf-8")
    assistant = Assistant(settings_for(factory.mktemp("index")))
    report = assistant.sync_corpus(folder, progress=False)
    assert not report.failed and report.added, report.summary()
    return assistant


def _index_corpus(entry: Path) -> None:
    report = Assistant(settings_for(entry / "data")).sync_corpus(CORPUS, progress=False)
    assert not report.failed and report.added, report.summary()


@pytest.fixture(scope="session")
def corpus_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The corpus report indexed once for the whole session (read-only for tests).

    The built index is cached in .cache/test-index between runs (tests/index_cache.py); this
    session works on its own copy.
    """
    settings = settings_for(tmp_path_factory.mktemp("corpus-index"))
    entry = cached_entry("corpus", cache_key(CORPUS, settings), _index_corpus)
    copy_data(entry, settings.index.data_dir)
    assistant = Assistant(settings)
    report = assistant.sync_corpus(CORPUS, progress=False)  # a no-op on a valid copy
    assert not report.failed and not report.added, report.summary()
    return assistant


SMALL_REPORT = """广州市示例区测试局
2022 年部门整体支出绩效自评报告
一、基本情况
（一）部门整体收支情况
2022 年部门整体总收入合计 1,234.50 万元，其中财政拨款收入 1,200.00 万元。
总支出 1,230.00 万元，执行率为 99.64%。
二、存在的主要问题
一是指标设置不够细化。二是绩效监控不够及时。
"""


_MEMOS: list[MemoEncoder] = []


@pytest.fixture(scope="session", autouse=True)
def _embed_each_text_once():
    """Every encoder of the session is the real model behind a memory of texts it already embedded
    (tests/embedding_memo.py): the corpus and sample reports are indexed by many tests."""
    original = embeddings._cached_encoder

    @functools.cache
    def remembering(backend, path):
        memo = MemoEncoder(original(backend, path))
        _MEMOS.append(memo)
        return memo

    embeddings._cached_encoder = remembering
    yield
    embeddings._cached_encoder = original


def pytest_terminal_summary(terminalreporter) -> None:
    """How much of the run the embedding model took in this process (where a cold make test spends most)."""
    for memo in _MEMOS:
        terminalreporter.write_line(
            f"embedding ({memo.name}): {memo.embedded:,} texts in {memo.seconds:.0f} s, "
            f"{memo.repeats:,} repeats answered from memory"
        )
