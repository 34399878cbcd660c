"""Concurrent chats through the real server: python -m evals.bench.chats [--chats 50] [--hung-model] [--rounds 3]

Starts `python -m assistant serve` on the corpus (index built in a work dir on first use), then opens N
browser sessions at once and asks one question in each, speaking the Gradio queue protocol the browser
speaks (join, then the event stream; the chained events a browser fires after an answer are fired too).
A chat's latency is from its question being sent to its answer shown. With --hung-model the server is
given a model endpoint (tests/fake_openai.py, the real OpenAI protocol) that never answers: one user
asks in model mode, and once that request hangs at the endpoint the N extractive chats start.

Prints each figure beside its target (issue 10: 50 concurrent extractive chats on 2 cores, p95 ≤ 1.5 s,
also while one model request hangs), with the load average, since the machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from evals.bench.processes import child_env, free_port
from evals.bench.run import line
from evals.bench.worker import percentile

CHAT_P95_TARGET_S = 1.5
ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "evals" / "dataset.jsonl"
NOT_READY = "索引尚未就绪"
WARM_UP = "你好"  # a question none of the measured chats asks
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Question:
    text: str
    figure: str  # a figure the answer must state (the dataset's first); "" when none is expected


def dataset_questions(dataset: Path = DATASET) -> list[Question]:
    """The eval set's questions that expect a figure, each once."""
    items = [json.loads(row) for row in dataset.read_text(encoding="utf-8").splitlines() if row.strip()]
    return list({i["question"]: Question(i["question"], i["figures"][0]) for i in items if i.get("figures")}.values())


def chat_questions(count: int, dataset: Path = DATASET) -> list[Question]:
    """`count` questions with an expected figure, distinct as far as the dataset allows."""
    usable = dataset_questions(dataset)
    return [usable[n % len(usable)] for n in range(count)]


def reply_text(reply: str) -> str:
    """The chat message as the reader sees it (tags dropped, entities read)."""
    return html.unescape(TAG.sub("", reply))


def answered_with(reply: str, figure: str) -> bool:
    """A cited answer stating the figure: its number, marked ✓ as checked, and a numbered source."""
    text = reply_text(reply)
    return bool(figure) and figure in text and "✓" in text and "[1]" in text


class AppConfig:
    """The served app's components and events, read from /config as the browser reads them."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.elem_ids = {c["id"]: c.get("props", {}).get("elem_id") for c in config["components"]}
        self.events = {d["id"]: d for d in config["dependencies"]}

    def event(self, api_name: str) -> dict[str, Any]:
        return next(d for d in self.events.values() if d.get("api_name") == api_name)

    def on_load(self) -> list[dict[str, Any]]:
        """Events the browser fires when the page loads."""
        return [d for d in self.events.values() if any(t[1] == "load" for t in d["targets"])]

    def chained(self, event_id: int, changed_states: list[int] = ()) -> list[dict[str, Any]]:
        """Events the browser fires after `event_id` completes (`.then` / `.success`), and the `change`
        events of the states it changed (the server names them in changed_state_ids)."""
        return [
            d
            for d in self.events.values()
            if d.get("trigger_after") == event_id
            or any(kind == "change" and block in changed_states for block, kind in d["targets"])
        ]

    def inputs(self, event: dict[str, Any], values: dict[str, Any]) -> list[Any]:
        """The event's input values by elem_id; state and unnamed inputs go as null, as the browser sends them."""
        return [values.get(self.elem_ids.get(i)) for i in event["inputs"]]


class Session:
    """One browser tab: its own session hash, events joined on the queue, results read from one event
    stream per session (as the browser reads them), each handed to the call waiting for it."""

    def __init__(self, client: httpx.AsyncClient, url: str, app: AppConfig) -> None:
        self.client, self.url, self.app = client, url, app
        self.hash = uuid.uuid4().hex
        self._waiting: dict[str, asyncio.Future] = {}
        self._finished: dict[str, dict[str, Any]] = {}  # results that came before their caller looked
        self._reader: asyncio.Task | None = None
        self.outputs: dict[str, list[Any]] = {}  # the last output of each event, by its api_name

    async def call(self, event: dict[str, Any], data: list[Any]) -> list[Any]:
        return (await self._call(event, data))[0]

    async def _call(self, event: dict[str, Any], data: list[Any]) -> tuple[list[Any], list[int]]:
        """The event's output, and the states it changed."""
        body = {"data": data, "fn_index": event["id"], "session_hash": self.hash, "event_data": None}
        joined = await self.client.post(f"{self.url}/gradio_api/queue/join", json={**body, "trigger_id": None})
        joined.raise_for_status()
        event_id = joined.json()["event_id"]
        result = asyncio.get_running_loop().create_future()
        if event_id in self._finished:
            result.set_result(self._finished.pop(event_id))
        else:
            self._waiting[event_id] = result
            if self._reader is None or self._reader.done():
                self._reader = asyncio.create_task(self._read())
        message = await result
        if not message.get("success", True):
            raise RuntimeError(f"event {event['api_name']} failed: {message.get('output')}")
        self.outputs[event["api_name"]] = message["output"]["data"]
        return message["output"]["data"], message["output"].get("changed_state_ids") or []

    async def _read(self) -> None:
        """Read the session's stream until the server closes it (after its last pending event); again while
        calls still wait. Never closed from this side: the server would drop the session's other events."""
        params = {"session_hash": self.hash}
        while self._waiting:
            try:
                async with self.client.stream("GET", f"{self.url}/gradio_api/queue/data", params=params) as stream:
                    async for row in stream.aiter_lines():
                        if row.startswith("data:"):
                            self._dispatch(json.loads(row[5:]))
            except httpx.HTTPError as error:
                for waiting in self._waiting.values():
                    waiting.set_exception(error)
                self._waiting.clear()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if message.get("msg") != "process_completed":
            return
        event_id = message.get("event_id")
        if (waiting := self._waiting.pop(event_id, None)) is not None:
            waiting.set_result(message)
        else:
            self._finished[event_id] = message

    async def open(self) -> Session:
        """Load the page as the browser does (fills the document lists); the session starts here."""
        for event in self.app.on_load():
            _, changed = await self._call(event, self.app.inputs(event, {}))
            await self._chained(event["id"], {}, changed)
        return self

    async def chat(self, question: str, mode: str | None = None) -> tuple[str, float, asyncio.Task | None]:
        """Ask in a fresh chat; (the answer shown, seconds until shown, the chained events still running)."""
        respond = self.app.event("respond")
        values = {"question": question, "chat": [], "answer-mode": mode}
        started = time.perf_counter()
        output, changed = await self._call(respond, self.app.inputs(respond, values))
        seconds = time.perf_counter() - started
        chat = output[1]
        # The browser goes on with the events that follow the answer (in model mode, the model's answer).
        follow = asyncio.create_task(self._chained(respond["id"], {"chat": chat}, changed))
        return _last_reply(chat), seconds, follow

    async def _chained(self, event_id: int, values: dict[str, Any], changed_states: list[int] = ()) -> str:
        """Run the events that follow `event_id` at once, as the browser does; the last chat message shown."""
        follow = self.app.chained(event_id, changed_states)
        replies = await asyncio.gather(*(self._run_chain(e, dict(values)) for e in follow))
        return next((r for r in replies if r), "")

    async def _run_chain(self, event: dict[str, Any], values: dict[str, Any]) -> str:
        reply = ""
        output, changed = await self._call(event, self.app.inputs(event, values))
        for value in output:
            if isinstance(value, list) and value and isinstance(value[-1], dict) and "role" in value[-1]:
                reply = _last_reply(value)
                values["chat"] = value
        return await self._chained(event["id"], values, changed) or reply


def _last_reply(chat: list[dict[str, Any]]) -> str:
    content = chat[-1]["content"] if chat else ""
    if isinstance(content, list):  # Gradio 6 messages: a list of {"type": "text", "text": ...}
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


@dataclass
class ChatResult:
    question: Question
    seconds: float = float("nan")
    finished: float = float("nan")  # perf_counter when its answer was shown
    reply: str = ""
    error: str = ""

    @property
    def correct(self) -> bool:
        return not self.error and answered_with(self.reply, self.question.figure)


@dataclass
class Burst:
    results: list[ChatResult]
    wall_s: float
    server_cpu_s: float
    load_before: float
    load_after: float
    hung: ChatResult | None = None  # the model-mode chat, with --hung-model
    hung_model_s: float = float("nan")  # its model answer (or notice) shown after this many seconds
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def latencies(self) -> list[float]:
        return [r.seconds for r in self.results if not r.error]


class Server:
    """`python -m assistant serve` as `make run` starts it, on a given data dir and corpus."""

    def __init__(self, data_dir: Path, corpus: Path, env: dict[str, str | None] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = child_env(PERFQA_INDEX__DATA_DIR=str(data_dir), PERFQA_UI__CORPUS_DIR=str(corpus), **(env or {}))
        self.log = tempfile.NamedTemporaryFile(prefix="perfqa-serve-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def cpu_s(self) -> float:
        """User and system CPU seconds the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    async def ready(self, client: httpx.AsyncClient, timeout_s: float = 600) -> AppConfig:
        """Wait until the app answers a chat (index built and warm); its config."""
        deadline = time.perf_counter() + timeout_s
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"assistant serve exited ({self.process.returncode}); log: {self.log.name}")
            try:
                app = AppConfig((await client.get(f"{self.url}/config")).json())
                session = Session(client, self.url, app)
                reply, _, follow = await session.chat(WARM_UP, "extractive")
                await follow
                if NOT_READY not in reply:
                    return app
            except (httpx.HTTPError, ValueError):
                pass  # not listening yet
            if time.perf_counter() > deadline:
                raise RuntimeError(f"no answer from the server after {timeout_s:.0f} s; log: {self.log.name}")
            await asyncio.sleep(0.5)

    def log_tail(self, lines: int = 40) -> str:
        self.log.flush()
        return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


def _client() -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=500, max_keepalive_connections=500)
    return httpx.AsyncClient(timeout=httpx.Timeout(300), limits=limits)


async def burst(
    server: Server, app: AppConfig, questions: list[Question], mode: str | None = "extractive", hung: Any = None
) -> Burst:
    """All `questions` asked at once, each in its own session; with `hung` (a FakeOpenAI), after one
    model-mode question is hanging at that endpoint."""
    async with _client() as client:
        hung_result, hung_task = await _model_user(client, server, app, questions[0], hung)
        # Every user has the page open; then all ask at the same moment.
        sessions = await asyncio.gather(*(Session(client, server.url, app).open() for _ in questions))
        load_before, cpu_before, client_before = os.getloadavg()[0], server.cpu_s(), time.process_time()
        results = [ChatResult(q) for q in questions]
        started = time.perf_counter()
        follows = await asyncio.gather(*(_timed_chat(s, r, mode) for s, r in zip(sessions, results, strict=True)))
        wall = time.perf_counter() - started
        answers_cpu = server.cpu_s() - cpu_before  # follow-up events of early chats included
        client_cpu = time.process_time() - client_before
        await asyncio.gather(*(f for f in follows if f is not None), return_exceptions=True)
        cpu = server.cpu_s() - cpu_before
        done = Burst(results, wall, cpu, load_before, os.getloadavg()[0], hung_result)
        if hung_task is not None:
            done.hung_model_s, done.extra["hung_done_at"] = await hung_task
        done.extra |= {"answers_cpu_s": answers_cpu, "client_cpu_s": client_cpu}
        return done


async def _model_user(
    client: httpx.AsyncClient, server: Server, app: AppConfig, question: Question, hung: Any
) -> tuple[ChatResult | None, asyncio.Task | None]:
    """With `hung` (a FakeOpenAI): one user asks in model mode; back once that request hangs at the endpoint."""
    if hung is None:
        return None, None
    before = len(hung.requests)
    result = ChatResult(question)
    session = await Session(client, server.url, app).open()
    task = asyncio.create_task(_hung_chat(session, result))
    while len(hung.requests) == before:  # the model request has reached the endpoint and hangs
        if task.done():
            await task  # raises what went wrong
            raise RuntimeError("the model-mode chat finished without asking the model")
        await asyncio.sleep(0.02)
    return result, task


async def _timed_chat(session: Session, result: ChatResult, mode: str | None) -> asyncio.Task | None:
    try:
        result.reply, result.seconds, follow = await session.chat(result.question.text, mode)
        result.finished = time.perf_counter()
        return follow
    except Exception as error:  # counted and shown, never hidden
        result.error = f"{type(error).__name__}: {error}"
        return None


async def _hung_chat(session: Session, result: ChatResult) -> tuple[float, float]:
    """The model-mode chat: its first answer, then the chained model answer; (seconds until the latter,
    perf_counter then)."""
    started = time.perf_counter()
    result.reply, result.seconds, follow = await session.chat(result.question.text, "model")
    result.finished = time.perf_counter()
    final = await follow
    result.reply = final or result.reply
    done = time.perf_counter()
    return done - started, done


def report(label: str, bursts: list[Burst]) -> None:
    """Two lines per round (latency beside the target; server CPU and load), then the median round's p95."""
    for n, b in enumerate(bursts, start=1):
        lat = b.latencies
        errors = sum(1 for r in b.results if r.error)
        correct = sum(1 for r in b.results if r.correct)
        p95 = percentile(lat, 0.95)
        line(
            f"{label} round {n}",
            f"p50 {percentile(lat, 0.5):.2f} s, p95 {p95:.2f} s, max {max(lat, default=float('nan')):.2f} s; "
            f"{errors} errors; {correct}/{len(b.results)} cited",
            f"p95 ≤ {CHAT_P95_TARGET_S} s",
            p95 <= CHAT_P95_TARGET_S and not errors,
        )
        per_chat = 1000 / len(b.results)
        line(
            "",
            f"server CPU {b.extra['answers_cpu_s'] * per_chat:.0f} ms/chat until answered, "
            f"{b.server_cpu_s * per_chat:.0f} with the events that follow; "
            f"this client {b.extra['client_cpu_s'] * per_chat:.0f} on the same cores; "
            f"load average {b.load_before:.1f}→{b.load_after:.1f}",
        )
        for r in b.results:
            if r.error:
                print(f"    error: {r.question.text}: {r.error}")
        if b.hung is not None:
            before = sum(1 for r in b.results if not r.error and r.finished < b.extra["hung_done_at"])
            line(
                "",
                f"the model user: extractive answer after {b.hung.seconds:.2f} s, the model's answer or notice "
                f"after {b.hung_model_s:.1f} s; {before}/{len(b.results)} extractive chats done before it",
            )
    p95s = sorted(percentile(b.latencies, 0.95) for b in bursts)
    median = statistics.median(p95s)
    line(
        f"{label} p95, median round",
        f"{median:.2f} s (rounds: {', '.join(f'{p:.2f}' for p in p95s)})",
        f"≤ {CHAT_P95_TARGET_S} s",
        median <= CHAT_P95_TARGET_S,
    )


@contextmanager
def _work_dir(given: Path | None) -> Iterator[Path]:
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        yield given.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="perfqa-chat-bench-") as tmp:
        yield Path(tmp)


@contextmanager
def _fake_model(hang_s: float) -> Iterator[Any]:
    """A local endpoint speaking the OpenAI protocol where every request hangs for `hang_s`."""
    sys.path.insert(0, str(ROOT))
    from tests.fake_openai import FakeOpenAI, Reply

    with FakeOpenAI() as fake:
        fake.default = Reply("", delay_s=hang_s)
        yield fake


@dataclass(frozen=True)
class ChatBenchmark:
    chats: int = 50
    rounds: int = 3
    hung_model: bool = False
    paced: bool = False  # also: each user asks `turns` questions at reading pace instead of all at once
    turns: int = 3
    think_s: tuple[float, float] = (5.0, 15.0)
    corpus: Path = ROOT / "corpus"
    work_dir: Path | None = None
    reuse: bool = False
    hang_s: float = 120.0


def run(bench: ChatBenchmark) -> None:
    """Each round on a freshly started server (no answer or vector cached from the round before)."""
    with _work_dir(bench.work_dir) as folder, ExitStack() as stack:
        data = folder / "data"
        if not bench.reuse:
            shutil.rmtree(data, ignore_errors=True)
        scenarios: list[tuple[str, Any]] = [("extractive", None)]
        if bench.hung_model:
            scenarios.append(("model hangs", stack.enter_context(_fake_model(bench.hang_s))))
        print(
            f"{bench.chats} concurrent chats × {bench.rounds} rounds, a fresh server each round; corpus "
            f"{bench.corpus}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}"
        )
        for label, fake in scenarios:
            env = _model_env(fake) if fake else {}
            bursts = [
                _round(bench, data, env, lambda s, a, fake=fake: burst(s, a, chat_questions(bench.chats), hung=fake))
                for _ in range(bench.rounds)
            ]
            report(f"[{label}]", bursts)
        if bench.paced:
            asked = chat_questions(bench.chats * bench.turns)
            distinct = len({q.text for q in asked})
            print(
                f"paced: {bench.chats} users × {bench.turns} questions ({distinct} distinct), "
                f"{bench.think_s[0]:g}–{bench.think_s[1]:g} s apart"
            )
            for label, fake in scenarios:
                # The model request hangs through the whole paced run (its timeout and budget outlast it).
                env = _model_env(fake, timeout_s=bench.think_s[1] * bench.turns + 30) if fake else {}
                rounds = [
                    _round(bench, data, env, lambda s, a, n=n, fake=fake: paced(s, a, asked, bench, n, fake))
                    for n in range(bench.rounds)
                ]
                report(f"[paced, {label}]", rounds)


def _model_env(fake: Any, timeout_s: float | None = None) -> dict[str, str]:
    """Server settings for a model at `fake`; with `timeout_s`, request timeout and budget that long."""
    env = {"PERFQA_LLM__BASE_URL": fake.base_url, "PERFQA_LLM__MODEL": "hung"}
    if timeout_s is not None:
        budget = str(min(120.0, timeout_s))
        env |= {"PERFQA_LLM__TIMEOUT_S": budget, "PERFQA_LLM__BUDGET_S": budget}
    return env


def _round(bench: ChatBenchmark, data: Path, env: dict[str, str], measure: Any) -> Burst:
    server = Server(data, bench.corpus.resolve(), env)
    try:
        app = asyncio.run(_ready(server))
        return asyncio.run(measure(server, app))
    except Exception:
        print(server.log_tail(), file=sys.stderr)
        raise
    finally:
        server.stop()


async def _ready(server: Server) -> AppConfig:
    async with _client() as client:
        return await server.ready(client)


async def paced(
    server: Server, app: AppConfig, questions: list[Question], bench: ChatBenchmark, seed: int, hung: Any = None
) -> Burst:
    """`bench.chats` users with the page open, each asking `bench.turns` questions in one chat, the first
    within the first think time, each next one a think time (reading the cited answer) after the last;
    with `hung`, while one model request hangs."""
    rng = random.Random(seed)
    low, high = bench.think_s
    async with _client() as client:
        hung_result, hung_task = await _model_user(client, server, app, questions[0], hung)
        sessions = await asyncio.gather(*(Session(client, server.url, app).open() for _ in range(bench.chats)))
        results: list[ChatResult] = []
        follows: list[asyncio.Task] = []

        async def user(session: Session, asked: list[Question], pauses: list[float]) -> None:
            for question, pause in zip(asked, pauses, strict=True):
                await asyncio.sleep(pause)
                result = ChatResult(question)
                results.append(result)
                if (follow := await _timed_chat(session, result, "extractive")) is not None:
                    follows.append(follow)

        plans = [
            (
                questions[n * bench.turns : (n + 1) * bench.turns],
                [rng.uniform(0, high)] + [rng.uniform(low, high) for _ in range(bench.turns - 1)],
            )
            for n in range(bench.chats)
        ]
        load_before, cpu_before, client_before = os.getloadavg()[0], server.cpu_s(), time.process_time()
        started = time.perf_counter()
        await asyncio.gather(*(user(s, asked, pauses) for s, (asked, pauses) in zip(sessions, plans, strict=True)))
        wall = time.perf_counter() - started
        answers_cpu = server.cpu_s() - cpu_before
        client_cpu = time.process_time() - client_before
        await asyncio.gather(*follows, return_exceptions=True)
        done = Burst(results, wall, server.cpu_s() - cpu_before, load_before, os.getloadavg()[0], hung_result)
        if hung_task is not None:
            done.hung_model_s, done.extra["hung_done_at"] = await hung_task
        done.extra |= {"answers_cpu_s": answers_cpu, "client_cpu_s": client_cpu}
        return done


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.bench.chats", description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=50, help="同时进行的对话数（默认 50）")
    parser.add_argument("--rounds", type=int, default=3, help="重复几轮（机器共用，取中位数）")
    parser.add_argument("--hung-model", action="store_true", help="再测一次：一个用户的模型请求挂起时的摘录式对话")
    parser.add_argument("--hang-s", type=float, default=120, help="模型端点挂起的秒数（远超每题预算）")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--work-dir", type=Path, help="索引放在这里并保留（默认临时目录）")
    parser.add_argument("--reuse", action="store_true", help="复用 --work-dir 中已建好的索引")
    parser.add_argument(
        "--paced", action="store_true", help="再测一次：每个用户按阅读速度连续提问（见 --turns、--think）"
    )
    parser.add_argument("--turns", type=int, default=3, help="--paced 时每个用户提问的次数")
    parser.add_argument("--think", type=float, nargs=2, default=(5.0, 15.0), help="--paced 时两次提问的间隔（秒）")
    args = parser.parse_args(argv)
    if args.chats < 1 or args.rounds < 1 or args.turns < 1:
        parser.error("--chats、--rounds 和 --turns 至少为 1")
    run(
        ChatBenchmark(
            chats=args.chats,
            rounds=args.rounds,
            hung_model=args.hung_model,
            paced=args.paced,
            turns=args.turns,
            think_s=tuple(args.think),
            corpus=args.corpus,
            work_dir=args.work_dir,
            reuse=args.reuse,
            hang_s=args.hang_s,
        )
    )


if __name__ == "__main__":
    main()
