"""A local HTTP server speaking the OpenAI chat-completions protocol, with scripted replies.

No model service is reachable here, so tests talk to this instead: plain JSON responses and
server-sent-event streams, exactly as the real endpoint shapes them. Each reply is scripted:
text, an HTTP status, a delay (for timeouts) or a hold until released (a hung model). Every request
body is recorded.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    text: str = ""
    status: int = 200
    delay_s: float = 0.0
    raw_body: str | None = None  # sent as is (garbage, not JSON)
    hold: threading.Event | None = None  # the reply waits until this is set (a hung model, released at will)


class FakeOpenAI:
    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.default = Reply("")
        self.requests: list[dict[str, Any]] = []
        self.authorizations: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def script(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                try:
                    self._reply()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (its timeout or budget), as a real endpoint sees it

            def _reply(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                fake.authorizations.append(self.headers.get("Authorization", ""))
                reply = fake.replies.popleft() if fake.replies else fake.default
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                if reply.hold is not None:
                    reply.hold.wait(timeout=600)
                if reply.status != 200:
                    self._send(
                        reply.status, json.dumps({"error": {"message": "scripted failure", "type": "server_error"}})
                    )
                elif reply.raw_body is not None:
                    self._send(200, reply.raw_body)
                elif body.get("stream"):
                    self._stream(body["model"], reply.text)
                else:
                    self._send(200, json.dumps(_completion(body["model"], reply.text), ensure_ascii=False))

            def _send(self, status: int, payload: str) -> None:
                data = payload.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, model: str, text: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [text[i : i + 4] for i in range(0, len(text), 4)] or [""]
                for index, piece in enumerate(pieces):
                    chunk = _chunk(model, {"role": "assistant", "content": piece} if index == 0 else {"content": piece})
                    self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(f"data: {json.dumps(_chunk(model, {}, 'stop'))}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        return Handler


def _completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(model: str, delta: dict[str, str], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
