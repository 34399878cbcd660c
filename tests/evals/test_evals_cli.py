"""python -m evals run: invalid settings give one line naming the variable, not a pydantic traceback."""

from pathlib import Path

import pytest

from evals.__main__ import main

DATASET = Path(__file__).resolve().parents[2] / "evals" / "dataset.jsonl"


def test_invalid_settings_give_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("PERFQA_UI__MODEL_CONCURRENCY", "0")
    assert main(["run", "--dataset", str(DATASET)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "设置 PERFQA_UI__MODEL_CONCURRENCY=0 无效：应为整数，范围 ≥ 1，≤ 64" in err
