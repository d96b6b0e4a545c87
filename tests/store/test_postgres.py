"""PostgreSQL store specifics: concurrency, locks, crashes, huge texts, DSNs, query parsing.

The behaviours both backends share are in test_store.py, run on each. Needs a server:
``export NEWSGRAPH_TEST_PG="$(scripts/postgres.sh)"``. Without that variable the server
tests are skipped (with the reason); with it set, an unreachable server or a missing
psycopg is a failure, never a skip (see conftest.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from store.samples import make_article, varied_articles

from newsgraph.errors import StoreError
from newsgraph.store import EventQuery, open_store
from newsgraph.store.postgres import (PostgresStore, hide_password, open_postgres, redact_dsn,
                                      tsquery_sql)

try:
    import psycopg
    import psycopg.sql
except ImportError:  # the skip/fail decision is made per test (conftest.pg_server)
    psycopg = None


def _need_psycopg() -> None:
    if psycopg is None:
        if os.environ.get("NEWSGRAPH_TEST_PG"):
            pytest.fail("NEWSGRAPH_TEST_PG is set but psycopg is not installed: pip install 'psycopg[binary]'")
        pytest.skip("psycopg is not installed (pip install 'newsgraph[postgres]')")


@pytest.fixture
def pg(server: str, schema: str) -> Iterator[PostgresStore]:
    opened = open_postgres(server, schema=schema)
    yield opened
    opened.close()


# -- PostgreSQL specifics -----------------------------------------------------------------
def test_every_query_returns_the_same_rows_on_both_backends(pg, tmp_path):
    lite = open_store(tmp_path / "s.db")
    store = pg
    for backend in (store, lite):
        backend.load(varied_articles(), batch_size=2)
    queries = [EventQuery(), EventQuery(actor="USA"), EventQuery(source="RUS"),
               EventQuery(target="ETH"), EventQuery(category="accuse"),
               EventQuery(since="2024-03-05"), EventQuery(until="2024-03"), EventQuery(limit=2),
               EventQuery(since="2024", until="2024-03-19")]
    for query in queries:
        assert store.events(query) == lite.events(query), query
        assert store.events_by_place(query) == lite.events_by_place(query), query
    assert store.story_articles("none") == lite.story_articles("none") == []
    assert store.pairs() == lite.pairs()
    assert store.timeline("USA", "RUS") == lite.timeline("USA", "RUS")
    assert store.timeline("USA", "RUS", period=10) == lite.timeline("USA", "RUS", period=10)
    assert store.summary() == lite.summary()
    assert list(store.iter_articles()) == list(lite.iter_articles())
    assert store.article("c3") == lite.article("c3")
    assert store.article("missing") is None
    # the same hits; their order may differ (ts_rank is not FTS5's bm25)
    assert sorted((r["id"], r["title"]) for r in store.search("Moscow")) == \
        sorted((r["id"], r["title"]) for r in lite.search("Moscow"))
    assert store.integrity() == lite.integrity() == []


def test_a_huge_article_is_stored_and_found_by_its_opening(pg):
    store = pg
    words = [f"w{n}x" for n in range(200_000)]  # all distinct: the largest possible tsvector
    text = "Washington imposed sanctions. " + " ".join(words)
    article = make_article(text)
    article.events[0].end = 30
    assert store.load([article]).added == 1
    assert [r["id"] for r in store.search("w100x")] == ["a1"]
    assert store.article("a1")["text"] == text


def test_stores_opened_at_once_create_the_schema_once(server, schema):
    opened: list[PostgresStore] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(open_postgres(server, schema=schema))
        except Exception as err:  # noqa: BLE001 - collected for the assertion below
            errors.append(err)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 4
    for each in opened:
        each.close()


def test_two_loaders_at_once_store_each_article_once(server, schema):
    articles = [make_article(f"Washington imposed sanctions on Moscow, report {n}.", ident=f"x{n}")
                for n in range(30)]
    stores = [open_postgres(server, schema=schema) for _ in range(2)]
    results = [None, None]

    def run(i: int) -> None:
        order = articles if i == 0 else articles[::-1]
        results[i] = stores[i].load(order, batch_size=3)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.added for r in results) == 30
    assert sum(r.skipped for r in results) == 30
    assert stores[0].summary()["articles"] == 30
    assert stores[0].integrity() == []
    for opened in stores:
        opened.close()


def test_a_locked_table_is_a_clear_error(server, schema, pg):
    with psycopg.connect(server) as other:  # not autocommit: holds the lock until rollback
        other.execute(psycopg.sql.SQL("LOCK TABLE {}.articles IN ACCESS EXCLUSIVE MODE").format(
            psycopg.sql.Identifier(schema)))
        impatient = open_postgres(server, schema=schema, lock_timeout=0.2)
        with pytest.raises(StoreError) as info:
            impatient.load([make_article()])
        other.rollback()
    assert info.value.code == "E402"
    assert impatient.load([make_article()]).added == 1  # the connection is usable again
    impatient.close()


_LOADER = """
import sys
from newsgraph.store.postgres import open_postgres
sys.path.insert(0, sys.argv[3])
from samples import make_article
store = open_postgres(sys.argv[1], schema=sys.argv[2])
store.load((make_article(f"Washington imposed sanctions on Moscow, report {n}.", ident=f"k{n}")
            for n in range(5000)), batch_size=1)
"""


def _count(server: str, schema: str) -> int:
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", (f"{schema}.articles",)).fetchone()[0]
        if exists is None:
            return 0
        return int(conn.execute(psycopg.sql.SQL("SELECT count(*) FROM {}.articles").format(
            psycopg.sql.Identifier(schema))).fetchone()[0])


def test_killed_loader_leaves_whole_articles_and_reload_completes(server, schema):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(Path(__file__).resolve().parents[2] / "src"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, "-c", _LOADER, server, schema,
                             str(Path(__file__).parent)], env=env)
    deadline = time.time() + 60
    while _count(server, schema) < 20 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(server, schema)
    assert 20 <= partial < 5000
    store = open_postgres(server, schema=schema)
    assert store.integrity() == []
    articles = [make_article(f"Washington imposed sanctions on Moscow, report {n}.", ident=f"k{n}")
                for n in range(5000)]
    result = store.load(articles, batch_size=500)
    assert (result.added, result.skipped) == (5000 - partial, partial)
    assert store.integrity() == []
    store.close()


def test_unreachable_server_is_e403_without_the_password():
    _need_psycopg()
    with pytest.raises(StoreError) as info:
        open_postgres("postgresql://newsgraph:hunter2@127.0.0.1:1/nowhere", connect_timeout=2)
    message = str(info.value)
    assert info.value.code == "E403"
    assert "hunter2" not in message
    assert "postgresql://newsgraph:***@127.0.0.1:1/nowhere" in message


@pytest.mark.parametrize(("dsn", "shown"), [
    ("postgresql://u:p%40ss@h:5432/db", "postgresql://u:***@h:5432/db"),
    ("postgres://u@h/db", "postgres://u@h/db"),
    ("postgresql://h/db?user=u&password=pw&sslmode=require",
     "postgresql://h/db?user=u&password=***&sslmode=require"),
    ("host=h user=u password='a b' dbname=d", "host=h user=u password=*** dbname=d"),
])
def test_dsn_password_is_hidden(dsn, shown):
    assert redact_dsn(dsn) == shown


def test_error_text_loses_the_password_in_any_spelling():
    dsn = "postgresql://u:p%40ss@h/db"
    assert hide_password("failed for p@ss and p%40ss", dsn) == "failed for *** and ***"


@pytest.mark.parametrize(("query", "args"), [
    ("sanctions Moscow", ["sanctions", "Moscow"]),
    ('"U.S. sanctions" OR Iran', ["U.S. sanctions", "Iran"]),
    ("sanct*", ["sanct:*"]),
    ("AND", ["AND"]),
    ("NOT x", ["NOT", "x"]),
    ('"a ""b"" c"', ['a "b" c']),
])
def test_query_words_become_parameters_never_sql(query, args):
    sql, found = tsquery_sql(query)
    assert found == args
    assert all(arg not in sql for arg in args if arg)


@pytest.mark.parametrize("query", ["", "   ", "\x00"])
def test_empty_queries_have_no_tsquery(query):
    assert tsquery_sql(query) == ("", [])
