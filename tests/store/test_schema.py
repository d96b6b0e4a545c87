"""The store's schema comes from the model: every field is a column (or named as kept in the
doc only), both backends create the same columns, and older stores gain new ones on open."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from store.samples import full_article, varied_articles

from newsgraph.export import EVENT_COLUMNS
from newsgraph.model import Actor, Article, Entity, Event, Place, Quote, Source
from newsgraph.store import EventQuery, Store, open_store
from newsgraph.store.core import SCHEMA_VERSION, SQLStore
from newsgraph.store.rows import (ACTORS, ARTICLES, DOC_ONLY, ENTITIES, EVENTS, PLACES, QUOTES,
                                  TABLES)

# Article and Source fields stored under another column name
ARTICLE_COLUMNS = {"Article.start": "source_start", "Article.end": "source_end",
                   "Source.uri": "uri", "Source.format": "format", "Source.author": "author",
                   "Source.text": "text"}
SOURCE_ELSEWHERE = {"Source.title", "Source.published", "Source.language",  # Article's own
                    "Source.offset"}  # where a rebuilt article's text begins, not data


def _columns_for(cls: type) -> set[str]:
    names = set()
    for f in dataclasses.fields(cls):
        hint = str(f.type)
        names |= {f"{f.name}_start", f"{f.name}_end"} if "Span" in hint and "list" not in hint \
            else {f.name}
    return names


@pytest.mark.parametrize(("cls", "table"), [
    (Entity, ENTITIES), (Event, EVENTS), (Quote, QUOTES), (Actor, ACTORS), (Place, PLACES)])
def test_every_field_of_a_finding_is_a_column(cls, table):
    missing = {c for c in _columns_for(cls) - set(table.names)
               if f"{cls.__name__}.{c}" not in DOC_ONLY}
    assert not missing, (f"{cls.__name__} fields {sorted(missing)} are not columns of "
                         f"{table.name}: give them a column kind in store/rows.py or name them "
                         f"in rows.DOC_ONLY")


def test_every_field_of_an_article_and_its_source_is_stored():
    for cls in (Article, Source):
        for f in dataclasses.fields(cls):
            name = f"{cls.__name__}.{f.name}"
            if name in DOC_ONLY or name in SOURCE_ELSEWHERE:
                continue
            column = ARTICLE_COLUMNS.get(name, f.name)
            assert column in ARTICLES.names, (
                f"{name} is not a column of articles: add it to store/rows.py (its columns and "
                f"_article_row) or name it in rows.DOC_ONLY")


def test_doc_only_names_real_fields():
    classes = {c.__name__: c for c in (Article, Actor, Place)}
    for name in DOC_ONLY:
        owner, field = name.split(".")
        assert field in {f.name for f in dataclasses.fields(classes[owner])}, name


def test_export_has_a_column_for_every_event_column():
    assert EVENT_COLUMNS[:len(EVENTS.names)] == list(EVENTS.names)
    assert {"source_text", "target_text", "trigger_start", "sentence"} <= set(EVENT_COLUMNS)


def test_both_backends_create_exactly_the_models_columns(store):
    assert isinstance(store, SQLStore)
    for table in TABLES:
        assert store._table_columns(table.name) - {"tsv"} == set(table.names), table.name


def test_a_full_article_is_stored_whole(store):
    article = full_article()
    store.load([article])
    [event] = store.events(EventQuery())
    assert (event["source_text"], event["target_text"], event["negated"], event["place"]) == (
        "Moscow", "Kyiv", 1, "moscow-524901")
    assert store.article("abc") == article.to_dict()
    assert store.integrity() == []


# -- upgrading older stores ----------------------------------------------------------------
V2_COLUMNS = {"articles": ["author"], "events": ["source_text", "target_text"],
              "quotes": ["speaker_span_start", "speaker_span_end"], "places": ["feature"]}


def _raw(store: Store, sql: str, *args: object) -> list[dict]:
    assert isinstance(store, SQLStore)
    return store._query(sql, args) if sql.startswith("SELECT") else [store._run(sql, args)]


def test_a_version_1_store_gains_the_new_columns_filled_from_its_docs(backend):
    store = backend()
    store.load([full_article(), *varied_articles()])
    before = (store.events(EventQuery()), store.summary(), list(store.iter_articles()))
    for table, columns in V2_COLUMNS.items():
        for column in columns:
            _raw(store, f"ALTER TABLE {table} DROP COLUMN {column}")
    _raw(store, "UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    assert store.integrity()[0].startswith("table articles lacks columns author")
    store.close()
    again = backend()
    assert (again.events(EventQuery()), again.summary(), list(again.iter_articles())) == before
    assert _raw(again, "SELECT value FROM meta WHERE key = 'schema_version'") == [
        {"value": str(SCHEMA_VERSION)}]
    assert _raw(again, "SELECT author FROM articles WHERE id = 'abc'") == [{"author": "A. Writer"}]
    assert _raw(again, "SELECT speaker_span_start AS s FROM quotes WHERE article_id = 'abc'") == [
        {"s": full_article().quotes[0].speaker_span.start}]
    assert again.integrity() == []


def test_a_version_2_store_gains_happenings_and_counts_them(backend):
    """Schema 3 adds events.happening; an upgraded store fills it from the stored docs, and
    events stored without one each count as their own happening."""
    store = backend()
    store.load([full_article(), *varied_articles()])
    before = (store.events(EventQuery()), store.summary(), list(store.iter_articles()))
    _raw(store, "ALTER TABLE events DROP COLUMN happening")
    _raw(store, "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    store.close()
    again = backend()
    assert _raw(again, "SELECT happening FROM events WHERE article_id = 'abc'") == [{"happening": "older-3"}]
    assert (again.events(EventQuery()), again.summary(), list(again.iter_articles())) == before
    assert again.summary()["happenings"] == again.summary()["events"] == 7
    assert again.integrity() == []


def test_a_store_made_by_the_version_1_schema_file_opens_and_takes_articles(tmp_path):
    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
        db.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    store = open_store(path)
    assert store.load([full_article()]).added == 1
    assert [e["source_text"] for e in store.events(EventQuery())] == ["Moscow"]
    assert store.integrity() == []


def test_a_store_from_a_newer_newsgraph_is_refused(backend):
    store = backend()
    _raw(store, "UPDATE meta SET value = ? WHERE key = 'schema_version'", str(SCHEMA_VERSION + 1))
    store.close()
    with pytest.raises(Exception) as info:
        backend()
    assert getattr(info.value, "code", None) == "E401"
