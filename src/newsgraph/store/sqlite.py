"""SQLite backend: one file, WAL, versioned schema, FTS5 full-text search.

Articles are written in batches, one transaction per batch, so a crash leaves
each article either fully stored or absent. Ids are stable, so re-ingesting the
same input adds nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Article
from .base import EventQuery, LoadResult, load_in_batches

SCHEMA_VERSION = 1


class SQLiteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError.make("E403", path=path, detail=err) from err
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.OperationalError as err:
            if "locked" in str(err):
                raise StoreError.make("E402", path=path) from err
            raise StoreError.make("E403", path=path, detail=err) from err
        except sqlite3.DatabaseError as err:
            raise StoreError.make("E403", path=path, detail=err) from err

    def _migrate(self) -> None:
        row = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if row:
            found = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if found and int(found[0]) != SCHEMA_VERSION:
                raise StoreError.make("E401", path=self.path, found=found[0],
                                      expected=SCHEMA_VERSION)
        schema = resources.files(__package__).joinpath("schema.sql").read_text("utf-8")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(schema):
                self.db.execute(statement)
            self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                            (str(SCHEMA_VERSION),))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # -- writing -------------------------------------------------------------------
    def load(self, articles: Iterable[Article], *, batch_size: int = 100) -> LoadResult:
        """Store articles, one transaction per batch; already-stored ids are skipped."""
        return load_in_batches(articles, self._write, batch_size=batch_size)

    def _write(self, batch: list[Article], result: LoadResult) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError.make("E402", path=self.path) from err
        try:
            for article in batch:
                if self.db.execute("SELECT 1 FROM articles WHERE id=?", (article.id,)).fetchone():
                    result.skipped += 1
                    continue
                self._insert(article, now)
                result.added += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _insert(self, article: Article, now: str) -> None:
        doc = article.to_dict()
        cur = self.db.execute(
            "INSERT INTO articles(id, uri, format, source_start, source_end, title, published,"
            " language, duplicate_of, story, text, n_events, n_quotes, n_entities, doc, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.source.uri, article.source.format, article.start, article.end,
             article.title, article.published, article.language, article.duplicate_of,
             article.story, doc["text"], len(article.events), len(article.quotes),
             len(article.entities), json.dumps(doc, ensure_ascii=False), now))
        self.db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)",
                        (cur.lastrowid, article.title or "", doc["text"]))
        aid = article.id
        self.db.executemany(
            "INSERT INTO actors(id, name, kind, country, role, wikidata) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET wikidata=coalesce(actors.wikidata, excluded.wikidata),"
            " country=coalesce(actors.country, excluded.country)",
            [(a.id, a.name, a.kind, a.country, a.role, a.wikidata) for a in article.actors])
        self.db.executemany(
            "INSERT OR REPLACE INTO article_actors(article_id, actor_id, mentions) VALUES (?,?,?)",
            [(aid, a.id, a.mentions) for a in article.actors])
        self.db.executemany(
            'INSERT INTO entities(article_id, n, text, label, start, "end", actor) VALUES (?,?,?,?,?,?,?)',
            [(aid, n, e.text, e.label, e.start, e.end, e.actor) for n, e in enumerate(article.entities)])
        self.db.executemany(
            'INSERT INTO events(article_id, n, category, cameo, source, target, date, place, negated,'
            ' modality, attributed_to, intensity, start, "end", trigger_start, trigger_end, pattern,'
            ' date_from, confidence, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(aid, n, e.category, e.cameo, e.source, e.target, e.date, e.place, int(e.negated),
              e.modality, e.attributed_to, e.intensity, e.start, e.end, e.trigger.start,
              e.trigger.end, e.pattern, e.date_from, e.confidence, article.local(e.start, e.end))
             for n, e in enumerate(article.events)])
        self.db.executemany(
            'INSERT INTO quotes(article_id, n, text, start, "end", speaker, speaker_text, cue, direct)'
            ' VALUES (?,?,?,?,?,?,?,?,?)',
            [(aid, n, q.text, q.start, q.end, q.speaker, q.speaker_text, q.cue, int(q.direct))
             for n, q in enumerate(article.quotes)])
        self.db.executemany(
            "INSERT OR IGNORE INTO places(id, name, country, lat, lon) VALUES (?,?,?,?,?)",
            [(p.id, p.name, p.country, p.lat, p.lon) for p in article.places])
        self.db.executemany(
            "INSERT OR REPLACE INTO article_places(article_id, place_id, mentions) VALUES (?,?,?)",
            [(aid, p.id, len(p.mentions)) for p in article.places])

    # -- reading -------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5 syntax; plain words are ANDed)."""
        query = query.replace("\x00", " ")
        if not query.strip():
            return []
        sql = ("SELECT a.id, a.title, a.published, a.uri,"
               " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            rows = self.db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            if not quoted:
                return []
            rows = self.db.execute(sql, (quoted, limit)).fetchall()
        return [dict(r) for r in rows]

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events filtered by actor (either side), source, target, category and date range."""
        where, args = ["1=1"], []
        if query.actor:
            where.append("(e.source = ? OR e.target = ?)")
            args += [query.actor, query.actor]
        for column, value in (("e.source", query.source), ("e.target", query.target),
                              ("e.category", query.category.upper() if query.category else None)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        date = "coalesce(e.date, a.published)"
        if query.since:  # compare at the precision of the stored date ("2024-04" vs "2024-04-01")
            where.append(f"{date} >= substr(?, 1, length({date}))")
            args.append(query.since)
        if query.until:
            where.append(f"substr({date}, 1, length(?)) <= ?")
            args += [query.until, query.until]
        sql = (f"SELECT e.*, {date} AS when_, a.title, a.uri FROM events e"
               f" JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(where)}"
               f" ORDER BY when_, e.article_id, e.n LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (*args, query.limit))]

    def pairs(self, *, limit: int = 10) -> list[dict[str, Any]]:
        """Most frequent (source, target) actor pairs with their mean intensity."""
        sql = ("SELECT source, target, count(*) AS events, round(avg(intensity), 2) AS mean_intensity"
               " FROM events WHERE source IS NOT NULL AND target IS NOT NULL AND source != target"
               " GROUP BY source, target ORDER BY events DESC, source, target LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (limit,))]

    def timeline(self, source: str, target: str, *, period: int = 7) -> list[dict[str, Any]]:
        """Events between two actors (either direction) per month (period=7) or day (10)."""
        sql = ("SELECT substr(coalesce(e.date, a.published), 1, ?) AS period, count(*) AS events,"
               " round(avg(e.intensity), 2) AS mean_intensity FROM events e"
               " JOIN articles a ON a.id = e.article_id"
               " WHERE (e.source=? AND e.target=?) OR (e.source=? AND e.target=?)"
               " GROUP BY period ORDER BY period")
        return [dict(r) for r in self.db.execute(sql, (period, source, target, target, source))]

    def summary(self) -> dict[str, Any]:
        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "actors": one("SELECT count(*) FROM actors"),
            "events": one("SELECT count(*) FROM events"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "places": one("SELECT count(*) FROM places"),
            "by_category": {r[0]: r[1] for r in self.db.execute(
                "SELECT category, count(*) FROM events GROUP BY category ORDER BY 2 DESC")},
            "top_actors": [dict(r) for r in self.db.execute(
                "SELECT a.id, a.name, a.country, sum(m.mentions) AS mentions FROM actors a"
                " JOIN article_actors m ON m.actor_id = a.id GROUP BY a.id"
                " ORDER BY mentions DESC LIMIT 10")],
            "top_pairs": self.pairs(limit=5),
        }

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT doc FROM articles WHERE id=?", (article_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT doc FROM articles ORDER BY published, id"):
            yield json.loads(row[0])

    def integrity(self) -> list[str]:
        """Problems found: SQLite's integrity check plus articles whose rows are incomplete."""
        problems = [r[0] for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        sql = ("SELECT a.id FROM articles a WHERE a.n_events != (SELECT count(*) FROM events e"
               " WHERE e.article_id=a.id) OR a.n_quotes != (SELECT count(*) FROM quotes q"
               " WHERE q.article_id=a.id) OR a.n_entities != (SELECT count(*) FROM entities t"
               " WHERE t.article_id=a.id)")
        problems += [f"article {r[0]} is incomplete" for r in self.db.execute(sql)]
        try:
            self.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as err:
            problems.append(f"full-text index out of step with articles: {err}")
        return problems

    def close(self) -> None:
        self.db.close()


def _statements(schema: str) -> Iterator[str]:
    lines = [line for line in schema.splitlines() if not line.strip().startswith("--")]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            yield statement
