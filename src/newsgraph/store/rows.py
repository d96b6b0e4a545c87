"""The store's tables as the model defines them: columns, types, rows and DDL, once.

Every table is built from the dataclasses in ``model.py``: a finding's columns are its
fields in declaration order, typed from their annotations (``int``, ``float``, ``str``,
``bool`` as 0/1; ``X | None`` may be null), a ``Span`` field as ``<name>_start`` and
``<name>_end``. A per-article table puts ``article_id`` and ``n`` (the finding's index in
its article's list) in front. Both backends create the tables from :func:`schema_sql`
and insert with :func:`insert_sql`, so a field added to the model is a column on both
(and is added to existing stores when they are opened, see ``core.py``).

Fields kept only in the ``doc`` column (the whole CONTRACT.md JSON) are named in
``DOC_ONLY`` with the reason; ``tests/store/test_schema.py`` fails for a field that is
neither a column nor named there.
"""

from __future__ import annotations

import functools
import json
import operator
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from typing import Any

from ..model import Actor, Article, Entity, Event, Place, Quote, Span

Values = tuple[Any, ...]

# model fields without a column of their own, and where they live instead
DOC_ONLY: dict[str, str] = {
    "Article.source": "columns uri, format and author; its text is cut into column text",
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


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # text | int | real
    null: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its columns, its key, what a repeated key does, and its rows."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rows: Callable[[list[Article]], list[Values]]
    on_conflict: str = "DO NOTHING"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


_KINDS = {int: "int", bool: "int", float: "real", str: "text"}


@functools.cache
def _layout(cls: type, skip: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """(field, kind, nullable) of each field of ``cls`` stored as columns: kind is a column
    kind or "span". Lists and dicts are not columns (the test names any not in DOC_ONLY)."""
    hints = typing.get_type_hints(cls)
    layout = []
    for f in fields(cls):
        hint = hints[f.name]
        union = typing.get_origin(hint) in (typing.Union, types.UnionType)
        args = typing.get_args(hint) if union else (hint,)
        kind = next(t for t in args if t is not type(None))
        if f.name not in skip and (kind is Span or kind in _KINDS):
            layout.append((f.name, "span" if kind is Span else _KINDS[kind], type(None) in args))
    return tuple(layout)


def model_columns(cls: type, *, skip: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """The columns of dataclass ``cls``: its fields in order, a Span as two columns."""
    columns: list[Column] = []
    for name, kind, null in _layout(cls, skip):
        if kind == "span":
            columns += [Column(f"{name}_start", "int", null), Column(f"{name}_end", "int", null)]
        else:
            columns.append(Column(name, kind, null))
    return tuple(columns)


def model_values(obj: Any, *, skip: tuple[str, ...] = ()) -> Values:
    """The values of ``obj`` in the order of :func:`model_columns`."""
    cls: type = type(obj)
    return _getter(cls, skip)(obj)


@functools.cache
def _getter(cls: type, skip: tuple[str, ...]) -> Callable[[Any], Values]:
    """A fast function giving :func:`model_values` of a ``cls`` instance (one per class)."""
    layout = _layout(cls, skip)
    get = operator.attrgetter(*(name for name, _, _ in layout))
    fix = [(i, kind, null) for i, (_, kind, null) in enumerate(layout) if kind == "span"]
    flags = [i for i, (name, _, _) in enumerate(layout) if typing.get_type_hints(cls)[name] is bool]
    if not fix and not flags:
        return (lambda obj: (get(obj),)) if len(layout) == 1 else get

    def values(obj: Any) -> Values:
        found: list[Any] = list(get(obj)) if len(layout) > 1 else [get(obj)]
        for i in flags:
            found[i] = int(found[i])
        for i, _, null in reversed(fix):
            span = found[i]
            found[i:i + 1] = (None, None) if span is None and null else (span.start, span.end)
        return tuple(found)
    return values


def _article_row(article: Article, now: str) -> Values:
    doc = article.to_dict()
    return (article.id, article.source.uri, article.source.format, article.start, article.end,
            article.title, article.source.author, article.published, article.language,
            article.duplicate_of, article.story, doc["text"], len(article.events),
            len(article.quotes), len(article.entities), json.dumps(doc, ensure_ascii=False), now)


_ARTICLE_COLUMNS = (
    Column("id", "text", False), Column("uri", "text", False), Column("format", "text", False),
    Column("source_start", "int", False), Column("source_end", "int", False),
    Column("title", "text"), Column("author", "text"), Column("published", "text"),
    Column("language", "text"), Column("duplicate_of", "text"), Column("story", "text"),
    Column("text", "text", False), Column("n_events", "int", False),
    Column("n_quotes", "int", False), Column("n_entities", "int", False),
    Column("doc", "text", False), Column("ingested_at", "text", False))
_ARTICLE_ID = Column("article_id", "text", False)


def _per_article(name: str, cls: type, items: Callable[[Article], list[Any]],
                 extra: tuple[Column, ...] = (),
                 more: Callable[[Article, Any], Values] = lambda a, x: ()) -> Table:
    """The table of one list of findings: rows (article_id, n, *fields, *extra)."""
    def rows(articles: list[Article]) -> list[Values]:
        return [(a.id, n, *model_values(x), *more(a, x))
                for a in articles for n, x in enumerate(items(a))]

    columns = (_ARTICLE_ID, Column("n", "int", False), *model_columns(cls), *extra)
    return Table(name, columns, ("article_id", "n"), rows)


def _shared(name: str, cls: type, items: Callable[[Article], list[Any]], *,
            fill: tuple[str, ...] = ()) -> Table:
    """A table of findings shared by articles, one row per id (``mentions`` go to links).

    Rows come in id order (so concurrent loaders lock them in one order); the first one
    seen wins, except that each ``fill`` column takes the first value that is not null,
    in the batch and, through ``ON CONFLICT``, in the store.
    """
    columns = model_columns(cls, skip=("mentions",))
    names = [c.name for c in columns]

    def rows(articles: list[Article]) -> list[Values]:
        merged: dict[str, list[Any]] = {}
        for article in articles:
            for item in items(article):
                row = merged.setdefault(item.id, list(model_values(item, skip=("mentions",))))
                for column in fill:
                    i = names.index(column)
                    row[i] = getattr(item, column) if row[i] is None else row[i]
        return [tuple(merged[k]) for k in sorted(merged)]

    if not fill:
        return Table(name, columns, ("id",), rows)
    sets = ", ".join(f"{c} = coalesce({name}.{c}, excluded.{c})" for c in fill)
    when = " OR ".join(f"({name}.{c} IS NULL AND excluded.{c} IS NOT NULL)" for c in fill)
    return Table(name, columns, ("id",), rows, f"DO UPDATE SET {sets} WHERE {when}")


def _links(name: str, column: str, items: Callable[[Article], list[Any]],
           count: Callable[[Any], int]) -> Table:
    """Which actors or places an article mentions, and how often."""
    def rows(articles: list[Article]) -> list[Values]:
        return [(a.id, x.id, count(x)) for a in articles for x in items(a)]

    columns = (_ARTICLE_ID, Column(column, "text", False), Column("mentions", "int", False))
    return Table(name, columns, ("article_id", column), rows,
                 "DO UPDATE SET mentions = excluded.mentions")


ARTICLES = Table("articles", _ARTICLE_COLUMNS, ("id",), lambda articles: [
    _article_row(a, datetime.now(timezone.utc).isoformat(timespec="seconds")) for a in articles])
ACTORS = _shared("actors", Actor, lambda a: a.actors, fill=("country", "wikidata"))
PLACES = _shared("places", Place, lambda a: a.places)
ARTICLE_ACTORS = _links("article_actors", "actor_id", lambda a: a.actors, lambda x: x.mentions)
ARTICLE_PLACES = _links("article_places", "place_id", lambda a: a.places,
                        lambda x: len(x.mentions))
ENTITIES = _per_article("entities", Entity, lambda a: a.entities)
EVENTS = _per_article("events", Event, lambda a: a.events, (Column("sentence", "text", False),),
                      lambda a, e: (a.local(e.start, e.end),))
QUOTES = _per_article("quotes", Quote, lambda a: a.quotes)

# in the order they are written: articles, shared rows, then each article's own rows
CHILD_TABLES = (ACTORS, PLACES, ARTICLE_ACTORS, ENTITIES, EVENTS, QUOTES, ARTICLE_PLACES)
TABLES = (ARTICLES, *CHILD_TABLES)
INDEXES = (("articles", "published"), ("articles", "uri"), ("events", "source"),
           ("events", "target"), ("events", "category"), ("events", "date"), ("article_actors", "actor_id"))


def column_sql(column: Column, types: Mapping[str, str]) -> str:
    """One column definition; ``types`` maps text/int/real to the engine's type names."""
    sql = f'"{column.name}" {types[column.kind]}' + ("" if column.null else " NOT NULL")
    return sql + (" REFERENCES articles(id) ON DELETE CASCADE" if column.name == "article_id" else "")


def schema_sql(types: Mapping[str, str]) -> Iterator[str]:
    """The statements creating every table and index that does not exist yet."""
    yield "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    for table in TABLES:
        columns = ", ".join(column_sql(c, types) for c in table.columns)
        yield (f"CREATE TABLE IF NOT EXISTS {table.name} ({columns},"
               f" PRIMARY KEY ({', '.join(table.key)}))")
    for table_name, column in INDEXES:
        yield f"CREATE INDEX IF NOT EXISTS {table_name}_{column} ON {table_name}({column})"


def insert_sql(table: Table) -> str:
    """The one INSERT of ``table`` (``?`` placeholders; a backend may rewrite them)."""
    columns = ", ".join(f'"{c}"' for c in table.names)
    marks = ", ".join("?" for _ in table.columns)
    return (f"INSERT INTO {table.name}({columns}) VALUES ({marks})"
            f" ON CONFLICT ({', '.join(table.key)}) {table.on_conflict}")
