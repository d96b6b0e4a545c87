"""The PostgreSQL test server, for the store and API tests.

PostgreSQL runs when NEWSGRAPH_TEST_PG holds a DSN (``export NEWSGRAPH_TEST_PG="$(scripts/postgres.sh)"``);
without it those tests are skipped with the reason. With it set, a missing psycopg or an
unreachable server fails them: never a silent skip.
"""

from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "NEWSGRAPH_TEST_PG"
DSN = os.environ.get(PG_ENV, "")


def pg_server() -> str:
    """The DSN of the test server: skips without one, fails when it is set but unusable."""
    if not DSN:
        pytest.skip(f"{PG_ENV} is not set, so there is no PostgreSQL server to test against;"
                    f' run: export {PG_ENV}="$(scripts/postgres.sh)"')
    try:
        import psycopg
    except ImportError:
        pytest.fail(f"{PG_ENV} is set but psycopg is not installed: pip install 'psycopg[binary]'")
    from newsgraph.store.postgres import hide_password, redact_dsn

    try:
        psycopg.connect(DSN, connect_timeout=5).close()
    except psycopg.Error as err:
        pytest.fail(f"{PG_ENV} is set but the server is unreachable: {redact_dsn(DSN)}: "
                    f"{hide_password(str(err), DSN)}")
    return DSN


def drop_schema(dsn: str, name: str) -> None:
    import psycopg
    import psycopg.sql

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
            psycopg.sql.Identifier(name)))




def new_schema_name() -> str:
    return f"newsgraph_test_{uuid.uuid4().hex[:12]}"
