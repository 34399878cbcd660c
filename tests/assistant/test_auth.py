"""Logins and roles on the real Gradio server: nothing changes without a maintainer's login."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

from assistant.auth import AuthError, ChangeLog, PermissionDenied, Role, UserDirectory, check_binding, hash_password
from assistant.service import Assistant
from assistant.ui import IndexState, build_app
from ingest.settings import IndexSettings, Settings, UISettings
from tests.ingest.samples import write_report

CHANGING = ("upload", "delete", "reindex", "replace_report", "save_metadata")


def test_users_from_environment_and_file(tmp_path: Path):
    users_file = tmp_path / "users.json"
    users_file.write_text(
        json.dumps([{"name": "wang", "role": "reader", "password_hash": hash_password("reader-pass")}]),
        encoding="utf-8",
    )
    users = UserDirectory.load(users_file, {"PERFQA_UI_USERS": "li:maintainer:maint-pass"})
    assert users.authenticate("li", "maint-pass") and users.authenticate("wang", "reader-pass")
    assert not users.authenticate("li", "reader-pass") and not users.authenticate("nobody", "x")
    assert users.role_of("wang") is Role.READER and users.require("li", Role.MAINTAINER) == "li"
    with pytest.raises(PermissionDenied, match="只读用户"):
        users.require("wang", Role.MAINTAINER)
    with pytest.raises(PermissionDenied, match="未登录"):
        users.require(None, Role.READER)
    with pytest.raises(AuthError, match="角色“admin”无效"):
        UserDirectory.load(None, {"PERFQA_UI_USERS": "li:admin:x"})


def test_binding_beyond_loopback_without_users_is_refused():
    check_binding("127.0.0.1", UserDirectory([]))
    with pytest.raises(AuthError, match="拒绝启动：监听地址 0.0.0.0"):
        check_binding("0.0.0.0", UserDirectory([]))
    check_binding("0.0.0.0", UserDirectory.load(None, {"PERFQA_UI_USERS": "li:maintainer:pw"}))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("auth")
    settings = Settings(index=IndexSettings(data_dir=root / "data"), ui=UISettings(corpus_dir=root / "corpus"))
    assistant = Assistant(settings)
    assistant.index.ingest([write_report(root / "corpus" / "a.txt")], progress=False)
    state = IndexState()
    state.set(True, "索引就绪")
    users = UserDirectory.load(None, {"PERFQA_UI_USERS": "li:maintainer:maint-pass;wang:reader:reader-pass"})
    app = build_app(assistant, state, users)
    port = _free_port()
    app.queue().launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, auth=users.authenticate
    )
    handlers = {fn.fn.__name__: index for index, fn in app.fns.items() if fn.fn is not None}
    yield f"http://127.0.0.1:{port}", handlers, assistant
    app.close()


def _call(client: httpx.Client, url: str, fn_index: int, data: list) -> tuple[int, object]:
    """What the browser does: join the queue, then read the event stream until the result."""
    session = client.headers["x-test-session"]
    joined = client.post(
        f"{url}/gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None, "trigger_id": None},
    )
    if joined.status_code != 200:
        return joined.status_code, joined.text
    with client.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return 200, message["output"]["data"]
    return 0, None


def _sources(data: object) -> set[str]:
    """Every "source" value anywhere in an answer's JSON."""
    if isinstance(data, dict):
        return {v for k, v in data.items() if k == "source"} | {s for v in data.values() for s in _sources(v)}
    if isinstance(data, list):
        return {s for item in data for s in _sources(item)}
    return set()


def _browser() -> httpx.Client:
    """An HTTP client with one session of the app (as one open browser tab)."""
    return httpx.Client(timeout=60, headers={"x-test-session": uuid.uuid4().hex})


def _login(url: str, handlers: dict[str, int], name: str, password: str) -> httpx.Client:
    client = _browser()
    assert client.post(f"{url}/login", data={"username": name, "password": password}).json() == {"success": True}
    assert _call(client, url, handlers["refresh"], [])[0] == 200  # as the page does on load: fills the choices
    return client


def test_unauthenticated_calls_to_every_changing_handler_are_refused(served):
    url, handlers, assistant = served
    before = assistant.index.documents()
    doc_id = next(iter(before))
    arguments = {
        "upload": [None],
        "delete": [doc_id],
        "reindex": [doc_id],
        "replace_report": [doc_id, None],
        "save_metadata": [doc_id, "篡改局", 1999, "篡改"],
    }
    with _browser() as anonymous:
        for name in CHANGING:
            status, _ = _call(anonymous, url, handlers[name], arguments[name])
            assert status == 401, name
        assert anonymous.post(f"{url}/login", data={"username": "li", "password": "wrong"}).status_code == 400
    assert assistant.index.documents() == before


def test_a_reader_can_ask_but_not_change_and_a_maintainer_change_is_logged(served):
    url, handlers, assistant = served
    doc_id = next(iter(assistant.index.documents()))
    reader = _login(url, handlers, "wang", "reader-pass")
    refused = {
        "delete": [doc_id],
        "reindex": [doc_id],
        "replace_report": [doc_id, None],
        "save_metadata": [doc_id, "篡改局", 1999, "x"],
    }
    for name, data in refused.items():
        status, output = _call(reader, url, handlers[name], data)
        assert status == 200 and "只读用户" in output[0], name
    assert assistant.index.documents()[doc_id].department == "广州市样板区示范局"
    status, output = _call(reader, url, handlers["run_audit"], [doc_id])
    assert status == 200 and "无法核对" not in output[0]
    status, output = _call(reader, url, handlers["ask_api"], ["2021年预算执行率是多少？"])
    assert status == 200 and output[0]["citations"]
    assert _sources(output[0]) == {"corpus/a.txt"}  # relative to the archive, never a server path

    maintainer = _login(url, handlers, "li", "maint-pass")
    status, output = _call(maintainer, url, handlers["save_metadata"], [doc_id, "广州市样板区审计局", 2021, "部门整体"])
    assert status == 200 and output[0] == "元数据已保存。"
    assert assistant.index.documents()[doc_id].department == "广州市样板区审计局"
    [change] = ChangeLog(assistant.settings.index.data_dir).entries()
    assert (change.user, change.action, change.target) == ("li", "edit-metadata", doc_id)
    assert "广州市样板区审计局" in change.detail and change.when.endswith("+00:00")


def test_serve_on_all_interfaces_without_users_refuses_to_start(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "PERFQA_UI_USERS"} | {"PERFQA_INDEX__DATA_DIR": str(tmp_path)}
    started = subprocess.run(
        [sys.executable, "-m", "assistant", "serve", "--host", "0.0.0.0", "--port", str(_free_port())],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode != 0
    assert "拒绝启动：监听地址 0.0.0.0" in started.stderr and "Traceback" not in started.stderr
