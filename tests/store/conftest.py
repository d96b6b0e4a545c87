"""The ``store`` fixture: each store test runs on SQLite and on PostgreSQL.

PostgreSQL cases run, skip or fail as ``store/pg.py`` says; each works in a fresh schema,
dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store.pg import DSN, drop_schema, new_schema_name, pg_server

from newsgraph.store import Store, open_store

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(scope="session")
def server() -> str:
    return pg_server()


@pytest.fixture
def schema(server: str) -> Iterator[str]:
    """A fresh PostgreSQL schema name, dropped after the test."""
    name = new_schema_name()
    yield name
    drop_schema(server, name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """A function opening (again) one empty store of the backend named by the parameter."""
    opened: list[Store] = []
    if request.param == "sqlite":
        def open_one() -> Store:
            opened.append(open_store(tmp_path / "store.sqlite"))
            return opened[-1]
        yield open_one
    else:
        from newsgraph.store.postgres import open_postgres

        dsn = pg_server()
        name = new_schema_name()

        def open_one() -> Store:
            opened.append(open_postgres(dsn, schema=name))
            return opened[-1]
        yield open_one
    for each in opened:
        each.close()
    if request.param == "postgres":
        drop_schema(DSN, name)


@pytest.fixture
def store(backend: Callable[[], Store]) -> Store:
    """An empty store on each backend."""
    return backend()
