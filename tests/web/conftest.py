"""Fixtures for the dashboard tests: a browser and one uvicorn server per store."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from web.browsing import CHROMIUM, CHROMIUM_ARGS, REQUIRE_BROWSER, browser_missing, dashboard_app


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve the API and dashboard over a store with uvicorn on a free localhost port, in a
    thread; one server per store for the whole session."""
    import uvicorn

    servers: dict[Path, tuple[str, Any, threading.Thread, socket.socket]] = {}

    def start(db: Path) -> str:
        if db in servers:
            return servers[db][0]
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(dashboard_app(db), log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("uvicorn did not start within 15 s")
            time.sleep(0.02)
        servers[db] = (f"http://127.0.0.1:{port}/", server, thread, sock)
        return servers[db][0]

    yield start
    for _, server, thread, sock in servers.values():
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = browser_missing()
    if reason:
        if REQUIRE_BROWSER:
            pytest.fail(f"NEWSGRAPH_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
