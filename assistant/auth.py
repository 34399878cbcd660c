"""Who may do what in the UI: users and roles, checked on the server in every handler, and a change log.

Users come from a JSON file (`PERFQA_UI__USERS_FILE`) or from the environment variable
`PERFQA_UI_USERS` ("name:role:password;name:role:password"). A file entry is
`{"name": "li", "role": "maintainer", "password_hash": "pbkdf2_sha256$…"}` (make one with
`python -m assistant.auth hash`) or, for a quick trial, `"password"` in plain text.

Roles: a reader may ask and audit; a maintainer may also upload, delete, re-index and edit
metadata. Without any users the UI is for this machine only: every local caller is a maintainer,
and `serve` refuses to bind beyond loopback (see `check_binding`).
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import json
import os
import secrets
import sys
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

USERS_ENV = "PERFQA_UI_USERS"
CHANGE_LOG_NAME = "changes.jsonl"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
_ITERATIONS = 200_000


class Role(StrEnum):
    READER = "reader"  # ask and audit
    MAINTAINER = "maintainer"  # also upload, delete, re-index, edit metadata


class AuthError(Exception):
    """A user file or setting is wrong; the message is for the operator (Chinese, says what to fix)."""


class PermissionDenied(Exception):  # noqa: N818 - the user-facing name of the event
    """A caller tried something their role does not allow; the message is for the user."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    password_hash: str


def hash_password(password: str, salt: bytes | None = None) -> str:
    """PBKDF2-SHA256 (stdlib) as "pbkdf2_sha256$iterations$salt$hash", salt and hash base64."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _ITERATIONS)
    encode = base64.b64encode
    return f"pbkdf2_sha256${_ITERATIONS}${encode(salt).decode()}${encode(digest).decode()}"


def _matches(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    except ValueError:
        return False
    return scheme == "pbkdf2_sha256" and hmac.compare_digest(actual, expected)


class UserDirectory:
    """The users allowed in; empty means no login (this machine only)."""

    def __init__(self, users: list[User]) -> None:
        self._users = {user.name: user for user in users}

    @property
    def enabled(self) -> bool:
        return bool(self._users)

    @classmethod
    def load(cls, users_file: Path | None = None, environ: dict[str, str] | None = None) -> UserDirectory:
        environ = os.environ if environ is None else environ
        users: list[User] = []
        if users_file is not None:
            users.extend(_users_from_file(Path(users_file)))
        if environ.get(USERS_ENV):
            users.extend(_users_from_env(environ[USERS_ENV]))
        return cls(users)

    def authenticate(self, name: str, password: str) -> bool:
        """Gradio's login check (launch(auth=...))."""
        user = self._users.get(name)
        return user is not None and _matches(password, user.password_hash)

    def role_of(self, name: str | None) -> Role | None:
        if not self.enabled:
            return Role.MAINTAINER  # no users: a local, single-person installation
        user = self._users.get(name or "")
        return user.role if user else None

    def require(self, name: str | None, role: Role) -> str:
        """The caller's name when their role allows `role`'s actions; else PermissionDenied (checked on the server)."""
        actual = self.role_of(name)
        if actual is None:
            raise PermissionDenied("未登录或用户不存在：请先登录")
        if role is Role.MAINTAINER and actual is not Role.MAINTAINER:
            raise PermissionDenied(f"用户 {name} 是只读用户（reader），不能修改文档；请让维护人员（maintainer）操作")
        return name or "本机用户"


def _role(value: str, where: str) -> Role:
    try:
        return Role(value.strip())
    except ValueError:
        raise AuthError(f"{where}：角色“{value}”无效，应为 reader 或 maintainer") from None


def _users_from_file(path: Path) -> list[User]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuthError(f"用户文件 {path} 不存在：请检查 PERFQA_UI__USERS_FILE") from None
    except (OSError, ValueError) as exc:
        raise AuthError(f"用户文件 {path} 无法读取（{exc}）：应为 JSON 列表") from None
    if not isinstance(entries, list):
        raise AuthError(f"用户文件 {path} 应为 JSON 列表，每项含 name、role、password_hash")
    users = []
    for number, entry in enumerate(entries, 1):
        where = f"用户文件 {path} 第 {number} 项"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise AuthError(f"{where}：缺少 name")
        stored = entry.get("password_hash") or (hash_password(entry["password"]) if entry.get("password") else "")
        if not stored:
            raise AuthError(f"{where}：缺少 password_hash（用 python -m assistant.auth hash 生成）")
        users.append(User(str(entry["name"]), _role(str(entry.get("role", "")), where), stored))
    return users


def _users_from_env(value: str) -> list[User]:
    users = []
    for item in filter(None, (part.strip() for part in value.split(";"))):
        name, _, rest = item.partition(":")
        role, _, password = rest.partition(":")
        if not name or not password:
            raise AuthError(f"{USERS_ENV} 中的“{name or item[:20]}”格式不对：应为 用户名:角色:密码，多个用分号隔开")
        users.append(User(name, _role(role, USERS_ENV), hash_password(password)))
    return users


def check_binding(host: str, users: UserDirectory) -> None:
    """Refuse to serve beyond this machine without logins (anyone could change the archive)."""
    if host not in LOOPBACK_HOSTS and not users.enabled:
        raise AuthError(
            f"拒绝启动：监听地址 {host} 可从其他机器访问，但没有配置登录用户。"
            f"请设置 {USERS_ENV}（用户名:角色:密码）或 PERFQA_UI__USERS_FILE，或改用 PERFQA_UI__HOST=127.0.0.1"
        )


@dataclass(frozen=True)
class Change:
    when: str  # ISO 8601, UTC
    user: str
    action: str  # upload, delete, reindex, edit-metadata
    target: str  # doc_id or file name
    detail: str = ""


class ChangeLog:
    """Who changed what, when: one JSON object per line in `<data_dir>/changes.jsonl`."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / CHANGE_LOG_NAME
        self._lock = threading.Lock()

    def record(self, user: str, action: str, target: str, detail: str = "") -> Change:
        change = Change(datetime.now(UTC).isoformat(timespec="seconds"), user, action, target, detail)
        line = json.dumps(asdict(change), ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One write in append mode: lines of several processes never interleave.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        return change

    def entries(self) -> list[Change]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [Change(**json.loads(line)) for line in lines if line.strip()]


def main(argv: list[str] | None = None) -> int:
    """python -m assistant.auth hash : print a password hash for the users file."""
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["hash"]:
        print("用法：python -m assistant.auth hash（输入密码，输出 password_hash）", file=sys.stderr)
        return 2
    password = getpass.getpass("密码：")
    if not password or password != getpass.getpass("再输入一次：") or len(password) < 8:
        print("两次输入不一致，或密码少于 8 个字符", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
