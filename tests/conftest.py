"""Shared fixtures: real components only (Chroma on disk, the real embedding model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from ingest.settings import IndexSettings, Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_REPORT = CORPUS / "huadu_hrss_2023_dept_self_eval.txt"


def settings_for(data_dir: Path, **groups) -> Settings:
    return Settings(index=IndexSettings(data_dir=data_dir), **groups)


@pytest.fixture(scope="session")
def corpus_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The corpus report indexed once for the whole session (read-only for tests)."""
    assistant = Assistant(settings_for(tmp_path_factory.mktemp("corpus-index")))
    report = assistant.sync_corpus(CORPUS, progress=False)
    assert not report.failed
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
