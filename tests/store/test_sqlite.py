"""SQLite store: schema, idempotent loads, transactions, queries."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Entity, Event, Place, Quote, Source, Span
from newsgraph.store import EventQuery, open_store


def make_article(text: str = "Washington imposed sanctions on Moscow on Monday.", *,
                 uri: str = "file:///a.txt", ident: str = "a1", published: str = "2024-03-04") -> Article:
    article = Article(id=ident, source=Source(uri=uri, format="text", text=text), start=0,
                      end=len(text), title="Sanctions", published=published, language="en")
    article.entities = [Entity("Washington", "GPE", 0, 10, "USA"), Entity("Moscow", "GPE", 32, 38, "RUS")]
    article.actors = [Actor("USA", "United States", "state", "USA", "GOV", "Q30", 1),
                      Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 1)]
    article.events = [Event("SANCTION", "USA", "RUS", 0, len(text), Span(11, 18), "verb:impose+sanction",
                            cameo="163", intensity=-4.0, date="2024-03-04")]
    article.quotes = [Quote("We act", 0, 6, "USA", "Washington", Span(0, 10), "said")]
    article.places = [Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62, [Span(32, 38)])]
    return article


def test_load_is_idempotent_on_stable_ids(tmp_path):
    store = open_store(tmp_path / "s.db")
    first = store.load([make_article(), make_article(ident="a2", text="Other text here.")])
    again = store.load([make_article()])
    assert (first.added, again.added, again.skipped) == (2, 0, 1)
    assert store.summary()["articles"] == 2
    assert store.integrity() == []


def test_events_query_filters_and_cuts_evidence(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load([make_article()])
    [row] = store.events(EventQuery(actor="RUS", category="sanction", since="2024-03"))
    assert row["sentence"] == "Washington imposed sanctions on Moscow on Monday."
    assert (row["source"], row["target"], row["cameo"]) == ("USA", "RUS", "163")
    assert store.events(EventQuery(until="2024-02")) == []
    assert store.events(EventQuery(until="2024-03")) != []


def test_fulltext_search_finds_words_and_survives_bad_syntax(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load([make_article()])
    assert [r["id"] for r in store.search("sanctions Moscow")] == ["a1"]
    assert store.search('"unbalanced') == []
    assert store.search("Beijing") == []


def test_failed_batch_leaves_no_partial_article(tmp_path):
    store = open_store(tmp_path / "s.db")
    good = make_article()
    bad = make_article(ident="bad")
    bad.events[0].trigger = None  # breaks while writing this article's events
    with pytest.raises(AttributeError):
        store.load([good, bad], batch_size=10)
    assert store.summary()["articles"] == 0  # the whole transaction rolled back
    assert store.load([good]).added == 1
    assert store.integrity() == []


def test_schema_version_mismatch_is_a_clear_error(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert info.value.code == "E401"


def test_pairs_and_timeline(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load([make_article(), make_article(ident="a2", published="2024-04-01",
                                             text="Washington imposed sanctions on Moscow again.")])
    assert store.pairs()[0]["events"] == 2
    assert [r["period"] for r in store.timeline("RUS", "USA")] == ["2024-03"]


@pytest.mark.parametrize("query", ["", "   ", "\x00", '"', "AND"])
def test_search_odd_queries_return_nothing_not_crash(tmp_path, query):
    store = open_store(tmp_path / "s.db")
    store.load([make_article()])
    assert store.search(query) == []


def test_since_compares_at_the_stored_precision(tmp_path):
    store = open_store(tmp_path / "s.db")
    article = make_article()
    article.events[0].date = "2024-03"
    store.load([article])
    assert len(store.events(EventQuery(since="2024-03-01"))) == 1
    assert store.events(EventQuery(since="2024-04-01")) == []
