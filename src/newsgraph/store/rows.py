"""The store's tables as the model defines them: one column list and one row builder each.

Every table below is built from the dataclasses in ``model.py``: a finding's columns are
its dataclass fields in declaration order, a ``Span`` field becomes ``<name>_start`` and
``<name>_end``, a ``bool`` an integer 0/1. A per-article table adds ``article_id`` and
``n`` (the finding's index in its article's list) in front. Both backends insert these
rows with the same statements (:func:`insert_sql`), so a field added to the model is a
column in both, or ``tests/store/test_schema.py`` names the field that is missing.

Fields kept only in the ``doc`` column (the whole CONTRACT.md JSON) are named in
``DOC_ONLY`` with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from typing import Any

from ..model import Actor, Article, Entity, Event, Place, Quote

Values = tuple[Any, ...]

# model fields that have no column of their own: where they live instead
DOC_ONLY: dict[str, str] = {
    "Article.source": "split into uri, format and author; its text is cut into text",
    "Article.paragraphs": "doc only (structure, not queried)",
    "Article.entities": "table entities (n_entities counts them)",
    "Article.actors": "tables actors and article_actors",
    "Article.events": "table events (n_events counts them)",
    "Article.quotes": "table quotes (n_quotes counts them)",
    "Article.attributions": "doc only (events carry attributed_to)",
    "Article.places": "tables places and article_places",
    "Article.dates": "doc only (events carry their resolved date)",
    "Article.errors": "doc only (stage errors, [{stage, error}]; see pipeline.py)",
    "Article.doc": "transient spaCy Doc, never stored",
    "Article.actor_index": "transient working field of the stages, never stored",
    "Article.cached_text": "transient cache of text",
    "Actor.mentions": "article_actors.mentions (per article)",
    "Place.mentions": "article_places.mentions (their count, per article)",
}


def _is_span(annotation: object) -> bool:
    return str(annotation).replace(" ", "") in ("Span", "Span|None")


def model_columns(cls: type, *, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The columns of dataclass ``cls``: its fields in order, a Span as two columns."""
    names: list[str] = []
    for f in fields(cls):
        if f.name in skip:
            continue
        names += [f"{f.name}_start", f"{f.name}_end"] if _is_span(f.type) else [f.name]
    return tuple(names)


def model_values(obj: Any, *, skip: tuple[str, ...] = ()) -> Values:
    """The values of ``obj`` in the order of :func:`model_columns`."""
    values: list[Any] = []
    for f in fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        if _is_span(f.type):
            values += [value.start, value.end] if value is not None else [None, None]
        else:
            values.append(int(value) if isinstance(value, bool) else value)
    return tuple(values)


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its columns, its key, what a repeated key does, and its rows."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    rows: Callable[[list[Article]], list[Values]]
    on_conflict: str = "DO NOTHING"


ARTICLE_COLUMNS = ("id", "uri", "format", "source_start", "source_end", "title", "published",
                   "language", "duplicate_of", "story", "text", "n_events", "n_quotes",
                   "n_entities", "doc", "ingested_at")
ENTITY_SKIP: tuple[str, ...] = ()
EVENT_SKIP = ("source_text", "target_text")
QUOTE_SKIP = ("speaker_span",)
ACTOR_SKIP = ("mentions",)
PLACE_SKIP = ("mentions", "feature")


def _per_article(cls: type, items: Callable[[Article], list[Any]], skip: tuple[str, ...],
                 extra: tuple[str, ...] = (),
                 more: Callable[[Article, Any], Values] = lambda a, x: ()) -> Table:
    """The table of one list of findings: rows (article_id, n, *fields, *extra)."""
    def rows(articles: list[Article]) -> list[Values]:
        return [(a.id, n, *model_values(x, skip=skip), *more(a, x))
                for a in articles for n, x in enumerate(items(a))]

    return Table(_TABLE_NAMES[cls], ("article_id", "n", *model_columns(cls, skip=skip), *extra),
                 ("article_id", "n"), rows)


def _shared(cls: type, items: Callable[[Article], list[Any]], skip: tuple[str, ...], *,
            fill: tuple[str, ...] = ()) -> Table:
    """A table of findings shared by articles, one row per id.

    Rows come in id order (so concurrent loaders lock them in one order); the first one
    seen wins, except that each ``fill`` column takes the first value that is not null,
    in the batch and, through ``ON CONFLICT``, in the store.
    """
    columns = model_columns(cls, skip=skip)

    def rows(articles: list[Article]) -> list[Values]:
        merged: dict[str, list[Any]] = {}
        for article in articles:
            for item in items(article):
                row = merged.setdefault(item.id, list(model_values(item, skip=skip)))
                for column in fill:
                    i = columns.index(column)
                    row[i] = getattr(item, column) if row[i] is None else row[i]
        return [tuple(merged[k]) for k in sorted(merged)]

    if fill:
        sets = ", ".join(f"{c}=coalesce({_TABLE_NAMES[cls]}.{c}, excluded.{c})" for c in fill)
        when = " OR ".join(f"({_TABLE_NAMES[cls]}.{c} IS NULL AND excluded.{c} IS NOT NULL)"
                           for c in fill)
        return Table(_TABLE_NAMES[cls], columns, ("id",), rows, f"DO UPDATE SET {sets} WHERE {when}")
    return Table(_TABLE_NAMES[cls], columns, ("id",), rows)


def _links(name: str, column: str, items: Callable[[Article], list[Any]],
           count: Callable[[Any], int]) -> Table:
    """article -> actor/place links with the number of mentions in that article."""
    def rows(articles: list[Article]) -> list[Values]:
        return [(a.id, x.id, count(x)) for a in articles for x in items(a)]

    return Table(name, ("article_id", column, "mentions"), ("article_id", column), rows,
                 "DO UPDATE SET mentions=excluded.mentions")


_TABLE_NAMES: dict[type, str] = {Entity: "entities", Event: "events", Quote: "quotes",
                                 Actor: "actors", Place: "places"}

ARTICLES = Table("articles", ARTICLE_COLUMNS, ("id",), lambda articles: [
    _article_row(a, datetime.now(timezone.utc).isoformat(timespec="seconds")) for a in articles])
ACTORS = _shared(Actor, lambda a: a.actors, ACTOR_SKIP, fill=("country", "wikidata"))
PLACES = _shared(Place, lambda a: a.places, PLACE_SKIP)
ARTICLE_ACTORS = _links("article_actors", "actor_id", lambda a: a.actors, lambda x: x.mentions)
ARTICLE_PLACES = _links("article_places", "place_id", lambda a: a.places,
                        lambda x: len(x.mentions))
ENTITIES = _per_article(Entity, lambda a: a.entities, ENTITY_SKIP)
EVENTS = _per_article(Event, lambda a: a.events, EVENT_SKIP, ("sentence",),
                      lambda a, e: (a.local(e.start, e.end),))
QUOTES = _per_article(Quote, lambda a: a.quotes, QUOTE_SKIP)

# in the order they are written: shared rows first, then each article's own rows
CHILD_TABLES = (ACTORS, PLACES, ARTICLE_ACTORS, ENTITIES, EVENTS, QUOTES, ARTICLE_PLACES)
TABLES = (ARTICLES, *CHILD_TABLES)


def _article_row(article: Article, now: str) -> Values:
    """The articles row: source span, metadata, text, finding counts and the whole doc."""
    doc = article.to_dict()
    return (article.id, article.source.uri, article.source.format, article.start, article.end,
            article.title, article.published, article.language, article.duplicate_of,
            article.story, doc["text"], len(article.events), len(article.quotes),
            len(article.entities), json.dumps(doc, ensure_ascii=False), now)


def insert_sql(table: Table) -> str:
    """The one INSERT of ``table`` (``?`` placeholders; a backend may rewrite them)."""
    columns = ", ".join(f'"{c}"' for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    key = ", ".join(table.key)
    return (f"INSERT INTO {table.name}({columns}) VALUES ({marks})"
            f" ON CONFLICT ({key}) {table.on_conflict}")


def child_rows(articles: list[Article]) -> Iterator[tuple[str, list[Values]]]:
    """(statement, rows) for every table but articles, for these newly stored articles."""
    for table in CHILD_TABLES:
        rows = table.rows(articles)
        if rows:
            yield insert_sql(table), rows
