"""Who may call the API, with what: token, Host names, body size and browser headers.

* Writes (any method but GET/HEAD/OPTIONS) need ``Authorization: Bearer <token>`` when a
  token is set (``NEWSGRAPH_TOKEN``); :func:`newsgraph.api.serve` refuses to listen beyond
  localhost without one.
* ``allowed_hosts``: requests naming another ``Host`` are refused (DNS rebinding).
* A request body over ``max_body`` bytes is refused before it is read into memory.
* Every response says ``X-Content-Type-Options: nosniff``; HTML pages (the dashboard) get a
  Content-Security-Policy that allows only the server's own scripts, styles and API.

Errors use the API's one shape: ``{"ok": false, "error": "...", "code": "E401"}``.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "NEWSGRAPH_TOKEN"
HOSTS_ENV = "NEWSGRAPH_ALLOWED_HOSTS"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_BODY = 8_000_000  # bytes; POST /analyze takes at most 1,000,000 characters of text
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
NO_CSP_PATHS = ("/docs", "/redoc")  # Swagger UI and ReDoc load their scripts from a CDN


def token_from_env() -> str | None:
    """The API token from ``NEWSGRAPH_TOKEN`` (None when unset or blank)."""
    return os.environ.get(TOKEN_ENV, "").strip() or None


def hosts_from_env() -> list[str]:
    """Extra allowed Host names from ``NEWSGRAPH_ALLOWED_HOSTS`` (comma-separated)."""
    return [h.strip().lower() for h in os.environ.get(HOSTS_ENV, "").split(",") if h.strip()]


def is_local(host: str) -> bool:
    return host.strip("[]").lower() in LOCAL_HOSTS


class Guard:
    """ASGI middleware applying the rules of this module before the app sees a request."""

    def __init__(self, app: ASGIApp, *, token: str | None, allowed_hosts: Iterable[str] | None,
                 max_body: int = MAX_BODY) -> None:
        self.app = app
        self.token = token
        self.hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal:
            await _error(send, *refusal)
            return
        if scope["method"] not in READ_METHODS and "content-length" not in headers:
            buffered = await _read_body(receive, self.max_body)  # chunked: count as it arrives
            if buffered is None:
                await _error(send, 413, f"request body over {self.max_body} bytes")
                return
            receive = _replay(buffered, receive)
        await self.app(scope, receive, _with_headers(send, scope["path"]))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        if self.hosts is not None and "*" not in self.hosts:
            host = _host_name(headers.get("host", ""))
            if host not in self.hosts:
                return 400, (f"Host {host!r} is not served here; allowed: "
                             f"{', '.join(sorted(self.hosts))} (set {HOSTS_ENV})")
        if scope["method"] not in READ_METHODS and self.token is not None:
            scheme, _, given = headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                     self.token.encode()):
                return 401, "this endpoint writes: send 'Authorization: Bearer <NEWSGRAPH_TOKEN>'"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            return 413, f"request body over {self.max_body} bytes"
        return None


async def _read_body(receive: Receive, limit: int) -> list[Message] | None:
    """The body's messages, or None as soon as they pass ``limit`` bytes."""
    messages, size = [], 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


def install_guard(app: Any, *, token: str | None, allowed_hosts: Iterable[str] | None,
                  max_body: int = MAX_BODY) -> None:
    """Add :class:`Guard` to a FastAPI app."""
    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts, max_body=max_body)


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _with_headers(send: Send, path: str) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            headers.append((b"x-content-type-options", b"nosniff"))
            content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
            if content_type.startswith(b"text/html") and not path.startswith(NO_CSP_PATHS):
                headers.append((b"content-security-policy", CSP.encode()))
            message["headers"] = headers
        await send(message)

    return sending


async def _error(send: Send, status: int, error: str) -> None:
    body = json.dumps({"ok": False, "error": error, "code": f"E{status}"}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})
