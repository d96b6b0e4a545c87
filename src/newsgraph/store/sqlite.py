"""SQLite backend: one file, WAL, versioned schema, FTS5 full-text search.

Articles are written in batches, one transaction per batch, so a crash leaves
each article either fully stored or absent. Ids are stable, so re-ingesting the
same input adds nothing. Rows and queries are the store core's (``core.py``);
this module holds the connection, the schema, transactions and FTS5.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import Row
from .core import SCHEMA_VERSION, SQLStore

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Row:
    return {d[0]: v for d, v in zip(cursor.description, row)}


class SQLiteStore(SQLStore):
    """A newsgraph store in one SQLite file (created if missing)."""

    TYPES = {"text": "TEXT", "int": "INTEGER", "real": "REAL"}

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError.make("E403", path=path, detail=err) from err
        self.db.row_factory = _dict_row
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
        """Check the schema version; create, or upgrade, the tables when needed."""
        if self._table_columns("meta"):
            found = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            self._check_version(found["value"] if found else None)
            if found and int(found["value"]) == SCHEMA_VERSION and not self._missing_columns():
                return  # up to date: opening takes no write lock
        with self._transaction():
            self._create_schema()

    # -- engine hooks ------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError.make("E402", path=self.path) from err
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _run(self, sql: str, args: Sequence[Any] = ()) -> int:
        return self.db.execute(sql, args).rowcount

    def _run_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.db.executemany(sql, rows)

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        return self.db.execute(sql, args).fetchall()

    def _stream(self, sql: str) -> Iterator[Row]:
        yield from self.db.execute(sql)

    def _table_columns(self, table: str) -> set[str]:
        return {r["name"] for r in self.db.execute(f"PRAGMA table_info({table})")}

    def _fts_schema(self) -> list[str]:
        return ["CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text,"
                " content='articles', content_rowid='rowid', tokenize='unicode61')"]

    def _article_added(self, article_id: str) -> None:
        self.db.execute("INSERT INTO articles_fts(rowid, title, text) SELECT rowid,"
                        " coalesce(title, ''), text FROM articles WHERE id = ?", (article_id,))

    def _article_removing(self, article_id: str) -> None:
        self.db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete',"
                        " rowid, coalesce(title, ''), text FROM articles WHERE id = ?", (article_id,))

    def _engine_problems(self) -> list[str]:
        """SQLite's integrity check and FTS5's check of its index against the articles."""
        problems = [r["integrity_check"] for r in self.db.execute("PRAGMA integrity_check")
                    if r["integrity_check"] != "ok"]
        try:
            self.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as err:
            problems.append(f"full-text index out of step with articles: {err}")
        return problems

    # -- full-text search --------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20) -> list[Row]:
        """Full-text search over titles and texts (FTS5 syntax; plain words are ANDed)."""
        query = query.replace("\x00", " ")
        if not query.strip():
            return []
        sql = ("SELECT a.id, a.title, a.published, a.uri, a.story,"
               " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            return self._query(sql, (query, limit))
        except sqlite3.OperationalError:
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            return self._query(sql, (quoted, limit)) if quoted else []

    def close(self) -> None:
        self.db.close()

