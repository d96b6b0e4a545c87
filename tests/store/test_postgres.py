"""PostgreSQL store: the SQLite store's behaviours, and the same rows, on a real server.

Needs a server: ``export NEWSGRAPH_TEST_PG="$(scripts/postgres.sh)"``. Without that
variable the server tests are skipped (with the reason); with it set, an unreachable
server or a missing psycopg is a failure, never a skip. Each test works in a fresh
schema, dropped afterwards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Entity, Event, Place, Quote, Source, Span
from newsgraph.store import EventQuery, open_store
from newsgraph.store.postgres import (PostgresStore, hide_password, open_postgres, redact_dsn,
                                      tsquery_sql)

try:
    import psycopg
except ImportError:  # the skip/fail decision is made per test, below
    psycopg = None

PG_ENV = "NEWSGRAPH_TEST_PG"
DSN = os.environ.get(PG_ENV, "")


def make_article(text: str = "Washington imposed sanctions on Moscow on Monday.", *,
                 uri: str = "file:///a.txt", ident: str = "a1", published: str | None = "2024-03-04",
                 date: str | None = "2024-03-04", country: str | None = "USA") -> Article:
    article = Article(id=ident, source=Source(uri=uri, format="text", text=text), start=0,
                      end=len(text), title="Sanctions", published=published, language="en")
    article.entities = [Entity("Washington", "GPE", 0, 10, "USA"), Entity("Moscow", "GPE", 32, 38, "RUS")]
    article.actors = [Actor("USA", "United States", "state", country, "GOV", "Q30", 1),
                      Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 1)]
    article.events = [Event("SANCTION", "USA", "RUS", 0, len(text), Span(11, 18), "verb:impose+sanction",
                            cameo="163", intensity=-4.0, date=date)]
    article.quotes = [Quote("We act", 0, 6, "USA", "Washington", Span(0, 10), "said")]
    article.places = [Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62, [Span(32, 38)])]
    return article


def varied_articles() -> list[Article]:
    """Articles with missing dates, several categories, ties and late-known actor facts."""
    second = make_article("Moscow accused Washington of meddling and threatened a response.",
                          ident="b2", published="2024-04-01", date=None, country=None)
    second.title = "Accusations"
    second.events = [
        Event("ACCUSE", "RUS", "USA", 0, 30, Span(7, 14), "verb:accuse", cameo="112",
              intensity=-2.0),
        Event("THREATEN", "RUS", "USA", 31, 64, Span(35, 45), "verb:threaten", cameo="13",
              intensity=-4.4, negated=True, modality="reported", confidence=0.7),
    ]
    third = make_article("Kenya and Ethiopia agreed to open the border in Nairobi.", ident="c3",
                         published=None, date=None)
    third.title = "Border deal"
    third.actors = [Actor("KEN", "Kenya", "state", "KEN", "GOV", None, 2),
                    Actor("ETH", "Ethiopia", "state", None, "GOV", None, 1),
                    Actor("USA", "United States", "state", "USA", "GOV", "Q30", 3)]
    third.events = [Event("AGREE", "KEN", "ETH", 0, 56, Span(19, 25), "verb:agree",
                          cameo="057", intensity=4.0, confidence=0.9),
                    Event("COOPERATE", None, None, 0, 56, Span(26, 30), "verb:open")]
    third.quotes = []
    third.places = [Place("nairobi-184745", "Nairobi", "KEN", -1.28, 36.82, [Span(48, 55)]),
                    Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62, [])]
    fourth = make_article("Washington imposed new sanctions on Moscow.", ident="d4",
                          published="2024-03-20", date="2024-03-19")
    fourth.title = "More sanctions"
    return [make_article(), second, third, fourth]


def _need_psycopg() -> None:
    if psycopg is None:
        if DSN:
            pytest.fail(f"{PG_ENV} is set but psycopg is not installed: pip install 'psycopg[binary]'")
        pytest.skip("psycopg is not installed (pip install 'newsgraph[postgres]')")


@pytest.fixture(scope="module")
def server() -> str:
    if not DSN:
        pytest.skip(f"{PG_ENV} is not set, so there is no PostgreSQL server to test against;"
                    f' run: export {PG_ENV}="$(scripts/postgres.sh)"')
    _need_psycopg()
    try:
        psycopg.connect(DSN, connect_timeout=5).close()
    except psycopg.Error as err:
        pytest.fail(f"{PG_ENV} is set but the server is unreachable: {redact_dsn(DSN)}: "
                    f"{hide_password(str(err), DSN)}")
    return DSN


@pytest.fixture
def schema(server: str) -> Iterator[str]:
    name = f"newsgraph_test_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
            psycopg.sql.Identifier(name)))


@pytest.fixture
def store(server: str, schema: str) -> Iterator[PostgresStore]:
    opened = open_postgres(server, schema=schema)
    yield opened
    opened.close()


# -- the behaviours of test_sqlite.py -------------------------------------------------------
def test_load_is_idempotent_on_stable_ids(store):
    first = store.load([make_article(), make_article(ident="a2", text="Other text here.")])
    again = store.load([make_article()])
    assert (first.added, again.added, again.skipped) == (2, 0, 1)
    assert store.summary()["articles"] == 2
    assert store.integrity() == []


def test_load_skips_an_id_repeated_inside_one_batch(store):
    result = store.load([make_article(), make_article()], batch_size=10)
    assert (result.added, result.skipped) == (1, 1)
    assert store.summary()["events"] == 1


def test_events_query_filters_and_cuts_evidence(store):
    store.load([make_article()])
    [row] = store.events(EventQuery(actor="RUS", category="sanction", since="2024-03"))
    assert row["sentence"] == "Washington imposed sanctions on Moscow on Monday."
    assert (row["source"], row["target"], row["cameo"]) == ("USA", "RUS", "163")
    assert store.events(EventQuery(until="2024-02")) == []
    assert store.events(EventQuery(until="2024-03")) != []


def test_fulltext_search_finds_words_and_survives_bad_syntax(store):
    store.load([make_article()])
    assert [r["id"] for r in store.search("sanctions Moscow")] == ["a1"]
    assert store.search('"unbalanced') == []
    assert store.search("Beijing") == []


def test_search_marks_the_match_in_a_snippet(store):
    long = ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "Washington imposed sanctions on Moscow on Monday. Then a long tail of words goes "
            "here and there for a while until the end of the text arrives.")
    store.load([make_article(), make_article(long, ident="b2")])
    hits = {r["id"]: r for r in store.search("moscow")}
    assert hits["a1"]["snippet"] == "Washington imposed sanctions on [Moscow] on Monday."
    assert hits["b2"]["snippet"].startswith(" … ") and hits["b2"]["snippet"].endswith(" … ")
    assert "[Moscow]" in hits["b2"]["snippet"]
    assert set(hits["a1"]) == {"id", "title", "published", "uri", "snippet"}
    phrase = {r["id"]: r for r in store.search('"imposed sanctions"')}["a1"]
    assert phrase["snippet"] == "Washington [imposed sanctions] on Moscow on Monday."


@pytest.mark.parametrize(("query", "expected"), [
    ('"imposed sanctions"', ["a1"]),
    ('"sanctions imposed"', []),
    ("sanct*", ["a1", "d4"]),
    ("Kenya OR accused", ["b2", "c3"]),
    ("sanctions NOT new", ["a1"]),
    ("sanctions AND new", ["d4"]),
    ("SANCTIONS", ["a1", "d4"]),
])
def test_search_operators_match_the_sqlite_store(store, tmp_path, query, expected):
    store.load(varied_articles())
    lite = open_store(tmp_path / "s.db")
    lite.load(varied_articles())
    assert sorted(r["id"] for r in store.search(query)) == expected
    assert sorted(r["id"] for r in lite.search(query)) == expected


def test_failed_batch_leaves_no_partial_article(store):
    good = make_article()
    bad = make_article(ident="bad")
    bad.events[0].trigger = None  # breaks while writing this article's events
    with pytest.raises(AttributeError):
        store.load([good, bad], batch_size=10)
    assert store.summary()["articles"] == 0  # the whole transaction rolled back
    assert store.load([good]).added == 1
    assert store.integrity() == []


def test_schema_version_mismatch_is_a_clear_error(server, schema, store):
    store.db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    store.close()
    with pytest.raises(StoreError) as info:
        open_postgres(server, schema=schema)
    assert info.value.code == "E401"
    assert "version 99" in str(info.value)
    assert redact_dsn(server) in str(info.value)  # the DSN, its password hidden


def test_pairs_and_timeline(store):
    store.load([make_article(), make_article(ident="a2", published="2024-04-01",
                                             text="Washington imposed sanctions on Moscow again.")])
    assert store.pairs()[0]["events"] == 2
    assert [r["period"] for r in store.timeline("RUS", "USA")] == ["2024-03"]


@pytest.mark.parametrize("query", ["", "   ", "\x00", '"', "AND", "OR", "NOT", "*", "(", ")",
                                   "'", "\\", ":", "!!", "a:b", "-", "sanctions OR",
                                   "x" * 3000, "&|!<->", "''''"])
def test_search_odd_queries_return_nothing_not_crash(store, query):
    store.load([make_article()])
    assert store.search(query) == []


# -- PostgreSQL specifics -----------------------------------------------------------------
def test_every_query_returns_the_same_rows_as_sqlite(store, tmp_path):
    lite = open_store(tmp_path / "s.db")
    for backend in (store, lite):
        backend.load(varied_articles(), batch_size=2)
    queries = [EventQuery(), EventQuery(actor="USA"), EventQuery(source="RUS"),
               EventQuery(target="ETH"), EventQuery(category="accuse"),
               EventQuery(since="2024-03-05"), EventQuery(until="2024-03"), EventQuery(limit=2)]
    for query in queries:
        assert store.events(query) == lite.events(query), query
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


def test_actor_facts_known_later_fill_in_missing_ones(store):
    store.load([make_article(country=None)])
    store.load([make_article(ident="a2")])
    [usa] = [r for r in store.summary()["top_actors"] if r["id"] == "USA"]
    assert (usa["country"], usa["mentions"]) == ("USA", 2)


def test_nul_characters_are_stored_without_moving_offsets(store):
    text = "Washington imposed sanctions\x00on Moscow on Monday."
    store.load([make_article(text)])
    [row] = store.events(EventQuery())
    assert row["sentence"] == text.replace("\x00", "\ufffd")
    assert store.article("a1")["text"] == text  # the JSON document keeps the original


def test_a_huge_article_is_stored_and_found_by_its_opening(store):
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


def test_nul_in_a_filter_matches_nothing_instead_of_failing(store):
    store.load([make_article()])
    assert store.events(EventQuery(actor="US\x00A")) == []
    assert store.timeline("US\x00A", "RUS") == []
    assert store.article("a\x001") is None


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


def test_a_locked_table_is_a_clear_error(server, schema, store):
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
from test_postgres import make_article
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


def test_iter_articles_streams_in_published_order(store):
    store.load(varied_articles())
    assert [a["id"] for a in store.iter_articles()] == ["c3", "a1", "d4", "b2"]


# -- without a server -------------------------------------------------------------------
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


def test_schema_file_is_packaged_next_to_sqlite_one():
    here = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "store"
    pg, lite = (here / "schema_pg.sql").read_text(), (here / "schema.sql").read_text()
    for table in ("meta", "articles", "actors", "article_actors", "entities", "events", "quotes",
                  "places", "article_places"):
        assert f"CREATE TABLE IF NOT EXISTS {table} (" in pg
        assert f"CREATE TABLE IF NOT EXISTS {table} (" in lite
