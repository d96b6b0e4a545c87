"""The store core: writing and querying, once, for every SQL backend.

A backend (``sqlite.py``, ``postgres.py``) supplies only what its engine does
differently: how to connect and create the schema, a transaction, how to run a
statement (its placeholder style), its full-text index and search, and its own
engine checks. Everything else, the rows (``rows.py``) and every query, is here and is
the same SQL text on both, so both backends return the same rows.

Dates are compared at the precision of the coarser side: a stored date ``d`` is
kept by ``since=s`` when ``d[:len(s)] >= s[:len(d)]`` and by ``until=u`` when
``d[:len(u)] <= u[:len(d)]``. So a month-precision event ``"2024-03"`` is returned
for ``since="2024-03-15"`` and ``until="2024-03-01"`` (the month overlaps the range),
a year ``"2024"`` for any bound inside 2024, and a datetime is compared by its date
when the bound is a date. An event without a date takes its article's publication
date; with neither it is kept only when there is no date filter.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from ..errors import StoreError
from ..model import Article
from .base import EventQuery, LoadResult, Row
from .rows import ARTICLES, CHILD_TABLES, TABLES, Column, column_sql, insert_sql, schema_sql

SCHEMA_VERSION = 3  # of the store's tables; the JSON contract's "schema" is model.SCHEMA_VERSION
MIGRATES_FROM = (1, 2)  # older versions a store is upgraded from when opened (added columns)
_WHEN = "coalesce(e.date, a.published)"
# what counts as one happening: its id, or (events stored before happenings) the event itself
_HAPPENING = "coalesce(e.happening, e.article_id || '-' || CAST(e.n AS TEXT))"
_DOC = ARTICLES.names.index("doc")


def clean(values: Sequence[Any]) -> tuple[Any, ...]:
    """Text values with NUL as U+FFFD: PostgreSQL text cannot hold NUL, and both backends
    must give the same rows. Same length, so offsets hold; the doc JSON keeps the NUL."""
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v
                 for v in values)


class SQLStore(ABC):
    """The shared part of every backend; subclasses fill in the engine hooks below."""

    path: Any  # what messages name: a file path or a DSN without its password
    TYPES: Mapping[str, str]  # the engine's type for each column kind: text, int, real

    # -- engine hooks ------------------------------------------------------------------
    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction; engine errors leave it as StoreError."""

    @abstractmethod
    def _run(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Run one statement written with ``?`` placeholders; the number of rows changed."""

    @abstractmethod
    def _run_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Run one statement for each row."""

    @abstractmethod
    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        """The rows of a query written with ``?`` placeholders, as dicts."""

    @abstractmethod
    def _stream(self, sql: str) -> Iterator[Row]:
        """The rows of a long query, a few at a time."""

    @abstractmethod
    def _table_columns(self, table: str) -> set[str]:
        """The columns ``table`` has in this store (empty when it does not exist)."""

    @abstractmethod
    def _engine_problems(self) -> list[str]:
        """What the engine's own checks find (its storage, its full-text index)."""

    @abstractmethod
    def _fts_schema(self) -> list[str]:
        """The statements creating the full-text index if it does not exist."""

    def _article_added(self, article_id: str) -> None:
        """Called after an article row is inserted, in the same transaction (FTS hook)."""

    def _article_removing(self, article_id: str) -> None:
        """Called before an article row is deleted, in the same transaction (FTS hook)."""

    # -- schema ------------------------------------------------------------------------
    def _check_version(self, found: str | None) -> None:
        """E401 unless the stored schema version is this one or one it upgrades from."""
        if found is not None and int(found) not in (SCHEMA_VERSION, *MIGRATES_FROM):
            raise StoreError.make("E401", path=self.path, found=found, expected=SCHEMA_VERSION)

    def _missing_columns(self) -> dict[str, list[Column]]:
        """Columns the model has and this store's tables lack (a missing table: all)."""
        missing = {}
        for table in TABLES:
            have = self._table_columns(table.name)
            lacking = [c for c in table.columns if c.name not in have]
            if lacking:
                missing[table.name] = lacking
        return missing

    def _create_schema(self) -> None:
        """Create what is missing, add the model's new columns to existing tables and fill
        them from the stored docs, record the version. Runs in the caller's transaction."""
        added = {name: columns for name, columns in self._missing_columns().items()
                 if self._table_columns(name)}
        for statement in [*schema_sql(self.TYPES), *self._fts_schema()]:
            self._run(statement)
        for name, columns in added.items():
            for column in columns:  # added columns may be null: old rows have no value
                self._run(f"ALTER TABLE {name} ADD COLUMN"
                          f" {column_sql(replace(column, null=True), self.TYPES)}")
        if added:
            self._backfill(added)
        self._run("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))

    def _backfill(self, added: dict[str, list[Column]]) -> None:
        """Fill added columns of stored rows from each article's doc, with the rows' builders."""
        tables = [t for t in TABLES if t.name in added]
        for row in self._stream("SELECT doc FROM articles"):
            article = Article.from_dict(_doc(row))
            for table in tables:
                names, columns = table.names, [c.name for c in added[table.name]]
                sets = ", ".join(f'"{c}" = coalesce("{c}", ?)' for c in columns)
                where = " AND ".join(f'"{k}" = ?' for k in table.key)
                values = [clean([r[names.index(c)] for c in (*columns, *table.key)])
                          for r in table.rows([article])]
                if values:
                    self._run_many(f"UPDATE {table.name} SET {sets} WHERE {where}", values)

    # -- writing -----------------------------------------------------------------------
    def load(self, articles: Iterable[Article], *, batch_size: int = 100,
             max_seconds: float = 10.0) -> LoadResult:
        """Store articles, one transaction per batch; already-stored ids are skipped.

        A batch is committed when it holds ``batch_size`` articles or its first article
        waited ``max_seconds``, so a slow analysis still reaches the store as it goes.

        A source (file or web URI) stored by an earlier load is replaced: its stored articles
        that this load does not bring again are deleted in the same transaction that writes
        the new ones, so re-ingesting a dump as it grows converges to the one-pass result.
        Such a source is never split across transactions; a source that is split (it was not
        stored when its batch filled up) deletes nothing.
        """
        seen: set[str] = set()  # source URIs this load has written
        result, batch = LoadResult(), list[Article]()
        started = time.monotonic()
        for article in articles:
            full = len(batch) >= batch_size or (batch and time.monotonic() - started >= max_seconds)
            if full and not self._replacing_run(batch, article, seen):
                uri = article.source.uri
                self._write(batch, result, seen, open_uri=uri if uri == batch[-1].source.uri else None)
                batch = []
            if not batch:
                started = time.monotonic()
            batch.append(article)
        if batch:
            self._write(batch, result, seen)
        return result

    def _replacing_run(self, batch: list[Article], article: Article, seen: set[str]) -> bool:
        """Whether ``article`` continues a source whose earlier articles the batch replaces."""
        uri = article.source.uri
        if uri != batch[-1].source.uri or uri in seen or not _replaceable(uri):
            return False
        with self._transaction():
            return bool(self._query("SELECT id FROM articles WHERE uri = ? LIMIT 1", clean((uri,))))

    def _write(self, batch: list[Article], result: LoadResult, seen: set[str] | None = None, *,
               open_uri: str | None = None) -> None:
        """One transaction: replaced articles deleted, new ones inserted in id order (two
        loaders then take row locks in the same order and cannot deadlock)."""
        seen = set() if seen is None else seen
        with self._transaction():
            result.replaced += self._delete_replaced(batch, seen | {open_uri} if open_uri else seen)
            stored = self._stored_ids([a.id for a in batch])
            fresh = sorted((a for a in batch if a.id not in stored), key=lambda a: a.id)
            rows = ARTICLES.rows(fresh)
            # NUL is escaped in the JSON doc: look for it there, not in every value
            nul = any("\\u0000" in row[_DOC] for row in rows)
            insert, added = insert_sql(ARTICLES), set()
            for article, row in zip(fresh, rows):
                if self._run(insert, clean(row) if nul else row):  # 0: a repeat, or raced
                    self._article_added(article.id)
                    added.add(id(article))
            new = [a for a in batch if id(a) in added]  # batch order: the first seen fills facts
            if new:
                for table in CHILD_TABLES:
                    values = table.rows(new)
                    if values:
                        self._run_many(insert_sql(table), [clean(r) for r in values] if nul else values)
        seen.update(a.source.uri for a in batch)
        result.added += len(new)
        result.skipped += len(batch) - len(new)

    def _stored_ids(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` are stored already (so their rows are not even built)."""
        if not ids:
            return set()
        marks = ", ".join("?" for _ in ids)
        return {r["id"] for r in self._query(f"SELECT id FROM articles WHERE id IN ({marks})",
                                             clean(ids))}

    def _delete_replaced(self, batch: list[Article], skip: set[str]) -> int:
        """Delete what earlier loads stored for the batch's sources and the batch does not bring."""
        deleted = 0
        for uri in dict.fromkeys(a.source.uri for a in batch):
            if uri in skip or not _replaceable(uri):
                continue
            brought = {a.id for a in batch if a.source.uri == uri}
            for row in self._query("SELECT id FROM articles WHERE uri = ?", clean((uri,))):
                if row["id"] not in brought:
                    self._article_removing(row["id"])
                    self._run("DELETE FROM articles WHERE id = ?", (row["id"],))
                    deleted += 1
        return deleted

    # -- reading -----------------------------------------------------------------------
    def events(self, query: EventQuery) -> list[Row]:
        """Events filtered by actor (either side), source, target, category, date range, place,
        story and least confidence: one row per happening (its first matching mention, with
        ``mentions``, how many of its mentions match), or with ``query.mentions`` every event.

        Ordered by date (undated first), article and index; dates compare at the coarser
        precision (see the module docstring).
        """
        where, args = _event_filter(query)
        inner = (f"SELECT e.*, {_WHEN} AS when_, a.title, a.uri, a.story,"
                 f" count(*) OVER (PARTITION BY {_HAPPENING}) AS mentions,"
                 f" row_number() OVER (PARTITION BY {_HAPPENING}"
                 f" ORDER BY {_WHEN} NULLS FIRST, e.article_id, e.n) AS rank_"
                 f" FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}")
        keep = "" if query.mentions else " WHERE rank_ = 1"
        sql = f"SELECT * FROM ({inner}) t{keep} ORDER BY when_ NULLS FIRST, article_id, n LIMIT ?"
        rows = self._query(sql, clean((*args, query.limit)))
        for row in rows:
            del row["rank_"]
        return rows

    def events_by_place(self, query: EventQuery) -> list[Row]:
        """Events matching ``query`` (its limit aside) counted per place and category, with the
        place's name, country and coordinates; place None for events without a place. Counts
        are of happenings, or with ``query.mentions`` of events."""
        where, args = _event_filter(query)
        sql = (f"SELECT e.place, e.category, {_counted(query.mentions)} AS events, p.name, p.country,"
               " p.lat, p.lon FROM events e JOIN articles a ON a.id = e.article_id"
               f" LEFT JOIN places p ON p.id = e.place WHERE {where}"
               " GROUP BY e.place, e.category, p.name, p.country, p.lat, p.lon"
               " ORDER BY e.place NULLS FIRST, e.category")
        return self._query(sql, clean(args))

    def story_articles(self, story: str, *, limit: int = 200) -> list[Row]:
        """The articles of one story in time order (undated first), then by id."""
        sql = ("SELECT id, title, published, uri, duplicate_of, n_events FROM articles"
               " WHERE story = ? ORDER BY published NULLS FIRST, id LIMIT ?")
        return self._query(sql, clean((story, limit)))

    def pairs(self, *, limit: int = 10, mentions: bool = False) -> list[Row]:
        """Most frequent (source, target) actor pairs with their mean intensity: ``events`` counts
        happenings (or, with ``mentions``, every event); ``happenings`` and ``mentions`` both."""
        sql = (f"SELECT e.source, e.target, {_counted(mentions)} AS events,"
               f" count(DISTINCT {_HAPPENING}) AS happenings, count(*) AS mentions,"
               " avg(e.intensity) AS mean_intensity FROM events e"
               " WHERE e.source IS NOT NULL AND e.target IS NOT NULL AND e.source != e.target"
               " GROUP BY e.source, e.target ORDER BY events DESC, e.source, e.target LIMIT ?")
        return _rounded(self._query(sql, (limit,)))

    def timeline(self, source: str, target: str, *, period: int = 7,
                 mentions: bool = False) -> list[Row]:
        """Happenings (or, with ``mentions``, events) between two actors, either direction, per
        year (4), month (7) or day (10); ``happenings`` and ``mentions`` both."""
        sql = (f"SELECT substr({_WHEN}, 1, {int(period)}) AS period, {_counted(mentions)} AS events,"
               f" count(DISTINCT {_HAPPENING}) AS happenings, count(*) AS mentions,"
               " avg(e.intensity) AS mean_intensity FROM events e"
               " JOIN articles a ON a.id = e.article_id"
               " WHERE (e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?)"
               " GROUP BY period ORDER BY period NULLS FIRST")
        return _rounded(self._query(sql, clean((source, target, target, source))))

    def summary(self, *, mentions: bool = False) -> dict[str, Any]:
        """Counts (events are mentions; ``happenings`` what they tell), happenings (or, with
        ``mentions``, events) per category, the most mentioned actors and the top pairs."""
        counts = {name: self._count(sql) for name, sql in (
            ("articles", "articles"), ("duplicates", "articles WHERE duplicate_of IS NOT NULL"),
            ("actors", "actors"), ("events", "events"), ("quotes", "quotes"),
            ("places", "places"))}
        counts["happenings"] = int(self._query(
            f"SELECT count(DISTINCT {_HAPPENING}) AS n FROM events e")[0]["n"])
        by_category = self._query(f"SELECT e.category, {_counted(mentions)} AS n FROM events e"
                                  " GROUP BY e.category ORDER BY n DESC, e.category")
        top_actors = self._query(
            "SELECT a.id, a.name, a.country, CAST(sum(m.mentions) AS BIGINT) AS mentions"
            " FROM actors a"
            " JOIN article_actors m ON m.actor_id = a.id GROUP BY a.id, a.name, a.country"
            " ORDER BY mentions DESC, a.id LIMIT 10")
        return {**counts, "counted": "mentions" if mentions else "happenings",
                "by_category": {r["category"]: r["n"] for r in by_category},
                "top_actors": top_actors, "top_pairs": self.pairs(limit=5, mentions=mentions)}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article as CONTRACT.md JSON, or None."""
        rows = self._query("SELECT doc FROM articles WHERE id = ?", clean((article_id,)))
        return _doc(rows[0]) if rows else None

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every stored article as CONTRACT.md JSON, undated first, then by date and id."""
        for row in self._stream("SELECT doc FROM articles ORDER BY published NULLS FIRST, id"):
            yield _doc(row)

    def integrity(self) -> list[str]:
        """Problems found; [] when the store is sound. Both backends check the same things:
        every table has this newsgraph's columns, every article has all its rows, every
        actor and place an article links to is stored; then the engine's own checks."""
        problems = [f"table {name} lacks columns {', '.join(sorted(c.name for c in columns))}"
                    for name, columns in self._missing_columns().items()]
        if problems:
            return problems
        problems += [f"article {r['id']} is incomplete" for r in self._query(
            "SELECT a.id FROM articles a WHERE a.n_events != (SELECT count(*) FROM events e"
            " WHERE e.article_id = a.id) OR a.n_quotes != (SELECT count(*) FROM quotes q"
            " WHERE q.article_id = a.id) OR a.n_entities != (SELECT count(*) FROM entities t"
            " WHERE t.article_id = a.id) ORDER BY a.id")]
        for kind, link, target, column in (("actor", "article_actors", "actors", "actor_id"),
                                           ("place", "article_places", "places", "place_id")):
            problems += [f"{kind} {r['id']} is mentioned but not stored" for r in self._query(
                f"SELECT DISTINCT m.{column} AS id FROM {link} m LEFT JOIN {target} t"
                f" ON t.id = m.{column} WHERE t.id IS NULL ORDER BY 1")]
        return problems + self._engine_problems()

    def _count(self, where: str) -> int:
        return int(self._query(f"SELECT count(*) AS n FROM {where}")[0]["n"])


def _event_filter(query: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (over events e joined to articles a) and its arguments for ``query``."""
    where: list[str] = ["1=1"]
    args: list[Any] = []
    if query.actor:
        where.append("(e.source = ? OR e.target = ?)")
        args += [query.actor, query.actor]
    for column, value in (("e.source", query.source), ("e.target", query.target),
                          ("e.category", query.category.upper() if query.category else None),
                          ("e.place", query.place), ("a.story", query.story)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if query.min_confidence is not None:
        where.append("e.confidence >= ?")
        args.append(float(query.min_confidence))
    for bound, op in ((query.since, ">="), (query.until, "<=")):
        if bound:
            where.append(f"substr({_WHEN}, 1, length(CAST(? AS TEXT))) {op}"
                         f" substr(CAST(? AS TEXT), 1, length({_WHEN}))")
            args += [bound, bound]
    return " AND ".join(where), args


def _counted(mentions: bool) -> str:
    """What a count counts: every event (mention), or the distinct happenings they tell."""
    return "count(*)" if mentions else f"count(DISTINCT {_HAPPENING})"


def _replaceable(uri: str) -> bool:
    """A URI that names one source across runs (a file, a web page); "text:" and "stdin:" do not."""
    return uri.startswith(("file:", "http:", "https:"))


def _rounded(rows: list[Row]) -> list[Row]:
    """mean_intensity rounded to 2 places in Python, the same on every backend."""
    for row in rows:
        if row["mean_intensity"] is not None:
            row["mean_intensity"] = round(float(row["mean_intensity"]), 2)
    return rows


def _doc(row: Row) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(row["doc"])
    return doc
