"""``newsgraph serve --db postgresql://...`` serves the PostgreSQL store (it once opened SQLite)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from store.pg import drop_schema, new_schema_name, pg_server
from store.samples import make_article

from conftest import ROOT
from newsgraph.api import serve
from newsgraph.store.postgres import PostgresStore, open_postgres


@pytest.fixture
def dsn() -> Iterator[str]:
    """A DSN whose search path is a fresh schema holding two stored articles."""
    server = pg_server()
    name = new_schema_name()
    store = open_postgres(server, schema=name)
    store.load([make_article(), make_article("Moscow accused Washington of lying.", ident="a2")])
    store.close()
    sep = "&" if "?" in server else "?"
    yield f"{server}{sep}options={quote(f'-csearch_path={name}')}"
    drop_schema(server, name)


def test_serve_with_a_dsn_opens_the_postgres_store(dsn, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    serve(dsn, port=8123)
    [app] = calls
    assert isinstance(app.state.stores.get(), PostgresStore)
    with TestClient(app, base_url="http://127.0.0.1:8123") as client:  # serve checks the Host
        assert client.get("/health").json()["articles"] == 2
        assert [r["article_id"] for r in client.get("/events").json()] == ["a1", "a2"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_command_with_a_dsn_answers_from_postgres(dsn):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", dsn,
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        body, deadline = None, time.time() + 60
        while body is None and time.time() < deadline and proc.poll() is None:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
            except httpx.TransportError:
                time.sleep(0.2)
        assert body is not None, proc.stderr.read().decode() if proc.poll() is not None else "no answer"
        assert body["articles"] == 2
        hits = httpx.get(f"http://127.0.0.1:{port}/search", params={"q": "accused"}).json()
        assert [h["id"] for h in hits] == ["a2"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
