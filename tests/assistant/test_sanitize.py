"""Questions from careless or hostile callers reach the real query encoder and BM25 safely."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.sanitize import QUESTION_MAX_CHARS, sanitize_question
from ingest.embeddings import ReportEmbedding, load_encoder
from ingest.settings import EmbeddingSettings
from ingest.tokenize import tokenize


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("执行率\ud800多少？", "执行率多少？"),
        ("\udfff", ""),
        ("执行率\x00\x1b[31m多少\x7f？", "执行率 [31m多少 ？"),
        ("  2021年\t\n收入\r\n是多少  ", "2021年 收入 是多少"),
        ("执\u200b行\ufeff率\u2060多少", "执行率多少"),
        ("２０２１年收入是多少？", "2021年收入是多少？"),
        ("私用区\ue000字符", "私用区字符"),
        (None, ""),
    ],
)
def test_sanitize(question, expected):
    assert sanitize_question(question) == expected


def test_long_questions_are_cut():
    assert len(sanitize_question("执行率" * 1000)) == QUESTION_MAX_CHARS


def test_a_sanitized_hostile_question_goes_through_the_real_encoder_and_tokenizer():
    embedding = ReportEmbedding(load_encoder(EmbeddingSettings()))
    question = sanitize_question("预算\ud83d执行率\x00是多少" + "？" * 5000)
    vector = embedding.query_vector(question)
    assert np.isfinite(vector).all() and "执行率" in tokenize(question)
