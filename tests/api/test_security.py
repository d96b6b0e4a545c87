"""API guard: a token for writes, allowed Host names, a body limit, browser headers, and
``serve`` refusing a public bind without a token (issue 9 item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app, serve
from newsgraph.api.security import CSP, TOKEN_ENV
from newsgraph.errors import NewsgraphError
from newsgraph.store import open_store

TOKEN = "s3cret-token"
LOCAL = "http://127.0.0.1:8000"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.sqlite"
    open_store(path).close()
    return path


def _client(db: Path, **options) -> TestClient:
    return TestClient(create_app(db, **options), base_url=LOCAL, raise_server_exceptions=False)


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["code"] == f"E{status}"
    return body["error"]


@pytest.mark.parametrize("path", ["/analyze", "/ingest"])
def test_writes_need_the_bearer_token(db, path):
    client = _client(db, token=TOKEN)
    assert "Bearer" in _error(client.post(path, json={"text": "x"}), 401)
    assert "Bearer" in _error(client.post(path, json={"text": "x"},
                                          headers={"Authorization": "Bearer wrong"}), 401)
    # the right token passes the guard; the empty body is then the app's 422
    assert client.post(path, json={}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422
    assert client.get("/health").status_code == 200  # reads need no token


def test_token_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    _error(_client(db).post("/ingest", json={"text": "x"}), 401)


def test_other_host_names_are_refused(db):
    client = _client(db, allowed_hosts=["127.0.0.1", "localhost"])
    assert client.get("/health").status_code == 200
    evil = TestClient(create_app(db, allowed_hosts=["127.0.0.1", "localhost"]),
                      base_url="http://attacker.example")
    assert "attacker.example" in _error(evil.get("/health"), 400)


def test_oversized_body_is_refused_before_it_is_read(db):
    client = _client(db, max_body=1000)
    _error(client.post("/analyze", content=b"{" + b" " * 5000 + b"}",
                       headers={"Content-Type": "application/json"}), 413)

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b" " * 500

    _error(client.post("/analyze", content=chunks(), headers={"Content-Type": "application/json"}), 413)


def test_dashboard_has_csp_and_every_response_nosniff(db):
    client = _client(db)
    page = client.get("/")
    assert page.headers["content-security-policy"] == CSP
    assert page.headers["x-content-type-options"] == "nosniff"
    api = client.get("/health")
    assert api.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in api.headers


def test_serve_refuses_a_public_bind_without_a_token(db, monkeypatch):
    import uvicorn

    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: pytest.fail("must not listen"))
    with pytest.raises(NewsgraphError) as info:
        serve(db, host="0.0.0.0", port=8123)
    assert info.value.code == "E701" and TOKEN_ENV in str(info.value)


def test_serve_public_with_token_guards_writes_and_local_checks_hosts(db, monkeypatch):
    import uvicorn

    apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    serve(db, host="0.0.0.0", port=8123)
    monkeypatch.delenv(TOKEN_ENV)
    serve(db, host="127.0.0.1", port=8123)
    public, local = (TestClient(app, base_url="http://news.example") for app in apps)
    _error(public.post("/ingest", json={"text": "x"}), 401)
    assert public.get("/health").status_code == 200
    _error(local.get("/health"), 400)  # a rebinding page names its own host
    assert TestClient(apps[1], base_url=LOCAL).get("/health").status_code == 200


def test_reads_answer_while_an_analysis_runs(db, monkeypatch):
    """Analysis runs in a worker thread, never on the event loop: a read made while a long
    POST /analyze is in progress answers at once (a real server, real sockets)."""
    import threading
    import time

    import httpx
    import uvicorn

    from newsgraph.api.app import Analyzer

    started, release = threading.Event(), threading.Event()

    def slow_run(self, text, *, uri, published):
        started.set()
        release.wait(60)
        return []

    monkeypatch.setattr(Analyzer, "run", slow_run)
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        poster = threading.Thread(target=lambda: httpx.post(f"{base}/analyze", json={"text": "x" * 500_000},
                                                            timeout=60), daemon=True)
        poster.start()
        assert started.wait(30)
        began = time.perf_counter()
        assert httpx.get(f"{base}/health", timeout=10).status_code == 200
        assert time.perf_counter() - began < 5 and not release.is_set()
    finally:
        release.set()
        server.should_exit = True
        thread.join(10)
