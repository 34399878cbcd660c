"""Child processes of the archive benchmark: workers, the chat UI as `make run` starts it, a Chroma server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from evals.bench.worker import peak_rss_mb

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
}


def child_env(**extra: str | None) -> dict[str, str]:
    env = {**os.environ, **OFFLINE_ENV}
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_worker(phase: str, data_dir: Path, archive: Path, chroma_url: str | None, *extra: str) -> dict:
    """Run one evals.bench.worker phase in a fresh interpreter; its JSON result."""
    command = [sys.executable, "-m", "evals.bench.worker", phase, "--data-dir", str(data_dir)]
    command += ["--archive", str(archive), *extra]
    if chroma_url:
        command += ["--chroma-url", chroma_url]
    done = subprocess.run(command, capture_output=True, text=True, env=child_env())
    if done.returncode != 0:
        raise RuntimeError(f"benchmark phase {phase} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class ServeResult:
    first_answer_s: float
    peak_rss_mb: float
    answered: int


def measure_serving(data_dir: Path, archive: Path, questions: list[str], chroma_url: str | None) -> ServeResult:
    """`python -m assistant serve` as `make run` starts it, with the archive as its (already indexed) corpus.

    Times process start to the first real answer through the Gradio API, then asks the questions
    through the API and reads the process's peak RSS.
    """
    from gradio_client import Client

    port = free_port()
    env = child_env(
        PERFQA_INDEX__DATA_DIR=str(data_dir),
        PERFQA_INDEX__CHROMA_URL=chroma_url,
        PERFQA_UI__CORPUS_DIR=str(archive),
    )
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = _connect(Client, f"http://127.0.0.1:{port}/", process, deadline=started + 600)
        while True:
            reply = client.predict(questions[0], api_name="/ask")
            if "error" not in reply:
                break
            if time.perf_counter() - started > 600:
                raise RuntimeError(f"no answer after 600 s: {reply['error']}")
            time.sleep(0.1)
        first = time.perf_counter() - started
        for question in questions[1:]:
            client.predict(question, api_name="/ask")
        return ServeResult(first, peak_rss_mb(process.pid), len(questions))
    finally:
        process.terminate()
        process.wait(timeout=30)


def _connect(client_class, url: str, process: subprocess.Popen, deadline: float):
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"assistant serve exited with status {process.returncode}")
        try:
            return client_class(url, verbose=False)
        except Exception:  # not listening yet
            if time.perf_counter() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def chroma_server(path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real `chroma run` server on `path`; yields its URL and process."""
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 120
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("Chroma 服务器没有启动")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=30)


def disk_usage_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20
