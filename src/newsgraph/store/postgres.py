"""PostgreSQL backend, for teams: the same tables, methods and rows as the SQLite store.

Articles are written in batches, one transaction per batch; ids are stable and
inserted with ``ON CONFLICT DO NOTHING``, so re-ingesting adds nothing and two
loaders may run at once. Full-text search uses a stored ``tsvector`` with a GIN
index and ``ts_headline`` snippets; queries take the same syntax as the SQLite
store (words ANDed, ``"phrases"``, ``OR``, ``NOT``, ``prefix*``) and never fail on
odd input. Needs psycopg 3 (``pip install 'newsgraph[postgres]'``).

    store = open_postgres("postgresql://newsgraph:secret@db.example.org/news")
    store = open_postgres(dsn, schema="team_a")   # several stores in one database

Tables go in ``schema`` (created if missing) or else the first schema on the
connection's search path (``public``; set another with ``?options=-csearch_path%3Dx``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit, urlunsplit

from ..errors import NewsgraphError, StoreError
from .base import Row
from .core import SCHEMA_VERSION, SQLStore

if TYPE_CHECKING:
    from psycopg import Connection

_LOCK_KEY = 0x6E657773  # pg_advisory_xact_lock key serialising schema creation ("news")
_CURSORS = itertools.count()
_HEADLINE = "StartSel=\x01, StopSel=\x02, MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1"
_ELLIPSIS = " … "
_MAX_TERMS = 32
_WORD = re.compile(r"\w")
_ADJACENT = re.compile(r"\x02([ \t]+)\x01")


def open_postgres(dsn: str, *, schema: str | None = None, lock_timeout: float = 30.0,
                  connect_timeout: int = 10) -> "PostgresStore":
    """Open (creating tables if needed) the store in the database at ``dsn``."""
    return PostgresStore(dsn, schema=schema, lock_timeout=lock_timeout,
                         connect_timeout=connect_timeout)


class PostgresStore(SQLStore):
    """A newsgraph store in a PostgreSQL database (optionally in its own ``schema``).

    Text columns use COLLATE "C" (byte order, like SQLite's BINARY), so ORDER BY and
    date-range filters agree with SQLite whatever the database's locale.
    """

    TYPES = {"text": 'TEXT COLLATE "C"', "int": "BIGINT", "real": "DOUBLE PRECISION"}

    def __init__(self, dsn: str, *, schema: str | None = None, lock_timeout: float = 30.0,
                 connect_timeout: int = 10) -> None:
        psycopg = _psycopg()
        self.dsn = dsn
        # what messages show: the DSN with its password hidden, and the schema if any
        self.path = redact_dsn(dsn) + (f" (schema {schema})" if schema else "")
        self.schema = schema
        try:
            self.db: Connection[Row] = psycopg.connect(
                dsn, autocommit=True, row_factory=psycopg.rows.dict_row,
                connect_timeout=connect_timeout, application_name="newsgraph")
        except psycopg.Error as err:
            raise StoreError.make("E403", path=self.path, detail=self._hide(err)) from err
        try:
            self.db.execute("SELECT set_config('lock_timeout', %s, false)",
                            (f"{max(1, int(lock_timeout * 1000))}ms",))
            self._migrate()
        except psycopg.Error as err:
            self.db.close()
            raise self._error(err) from err
        except StoreError:
            self.db.close()
            raise

    def _migrate(self) -> None:
        psycopg = _psycopg()
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            if self.schema:  # session setting, kept after the commit
                ident = psycopg.sql.Identifier(self.schema)
                self.db.execute(psycopg.sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(ident))
                self.db.execute("SELECT set_config('search_path', %s, false)",
                                (ident.as_string(self.db),))
            if self._one("SELECT to_regclass('meta') IS NOT NULL") is True:
                found = self.db.execute(
                    "SELECT value FROM meta WHERE key='schema_version'").fetchone()
                self._check_version(found["value"] if found else None)
                if found and int(found["value"]) == SCHEMA_VERSION and not self._missing_columns():
                    return  # up to date: no DDL, so opening never waits on a loader
            self._create_schema()

    # -- engine hooks ------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        psycopg = _psycopg()
        try:
            with self.db.transaction():
                yield
        except (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected,
                psycopg.OperationalError) as err:
            raise self._error(err) from err

    def _run(self, sql: str, args: Sequence[Any] = ()) -> int:
        return self.db.execute(_marks(sql), args).rowcount

    def _run_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.db.cursor().executemany(_marks(sql), rows)

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        return self.db.execute(_marks(sql), args).fetchall()

    def _stream(self, sql: str) -> Iterator[Row]:
        """Rows through a server-side cursor, 200 at a time."""
        with self.db.transaction(), self.db.cursor(name=f"newsgraph_{next(_CURSORS)}") as cur:
            cur.itersize = 200
            cur.execute(sql)
            yield from cur

    def _table_columns(self, table: str) -> set[str]:
        return {r["column_name"] for r in self.db.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s", (table,))}

    def _fts_schema(self) -> list[str]:
        """A stored tsvector with a GIN index, 'simple' configuration (lower-cased words, no
        stemming, no stop words: like FTS5's unicode61). A tsvector holds at most 1 MB, so
        the first 300,000 characters of a text are indexed (all words distinct stays near
        half that limit)."""
        return ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv TSVECTOR GENERATED ALWAYS AS ("
                "setweight(to_tsvector('simple', left(coalesce(title, ''), 2000)), 'A')"
                " || setweight(to_tsvector('simple', left(text, 300000)), 'B')) STORED",
                "CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv)"]

    def _engine_problems(self) -> list[str]:
        """None to run: PostgreSQL checks pages itself and the tsvector is a generated column."""
        return []

    # -- full-text search --------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5-like syntax; plain words are ANDed).

        Ranked by ts_rank_cd normalised by log length: on the demo corpus and the seed dump
        its top 5 hits share 90% with FTS5's bm25 order (plain ts_rank: 79%).
        """
        expr, args = tsquery_sql(query)
        if not expr:
            return []
        sql = (f"WITH q AS (SELECT {expr} AS q),"
               " hits AS (SELECT a.id, a.title, a.published, a.uri, a.story, a.text,"
               " ts_rank_cd(a.tsv, q.q, 1) AS rank FROM articles a, q WHERE a.tsv @@ q.q"
               " ORDER BY rank DESC, a.id LIMIT %s)"
               " SELECT h.id, h.title, h.published, h.uri, h.story, s.snippet,"
               " CASE WHEN s.pos > 0 THEN left(h.text, s.pos - 1) END AS head,"
               " CASE WHEN s.pos > 0 THEN substr(h.text, s.pos + length(s.plain)) END AS tail"
               " FROM hits h, q, LATERAL (SELECT x.snippet, x.plain, strpos(h.text, x.plain) AS pos"
               " FROM (SELECT y.snippet, translate(y.snippet, E'\\x01\\x02', '') AS plain"
               " FROM (SELECT ts_headline('simple', h.text, q.q, %s) AS snippet) y) x) s"
               " ORDER BY h.rank DESC, h.id")
        rows = self.db.execute(sql, (*args, limit, _HEADLINE)).fetchall()
        return [{"id": r["id"], "title": r["title"], "published": r["published"],
                 "uri": r["uri"], "story": r["story"], "snippet": _snippet(r)} for r in rows]

    def close(self) -> None:
        self.db.close()

    # -- helpers ---------------------------------------------------------------------
    def _one(self, sql: str) -> Any:
        row = self.db.execute(sql).fetchone()
        return next(iter(row.values())) if row else None

    def _hide(self, err: BaseException) -> str:
        return hide_password(str(err).strip(), self.dsn)

    def _error(self, err: BaseException) -> StoreError:
        psycopg = _psycopg()
        if isinstance(err, (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected)):
            found = StoreError.make("E402", path=self.path)
        else:
            found = StoreError.make("E403", path=self.path, detail=self._hide(err))
        assert isinstance(found, StoreError)  # make() builds the class it is called on
        return found


def _marks(sql: str) -> str:
    """The core's ``?`` placeholders as psycopg's ``%s`` (no SQL here has a literal ? or %)."""
    return sql.replace("?", "%s")


def _snippet(row: Row) -> str:
    """The headline with [marks], ' … ' where text was left out, like FTS5's snippet()."""
    text = _ADJACENT.sub(r"\1", str(row["snippet"] or ""))  # [Prime Minister], one mark
    text = text.replace("\x01", "[").replace("\x02", "]")
    head, tail = row["head"], row["tail"]
    before = _ELLIPSIS if head is None or _WORD.search(head) else head.lstrip()
    after = _ELLIPSIS if tail is None or _WORD.search(tail) else tail.rstrip()
    return before + text + after


# -- full-text queries ------------------------------------------------------------------
_TOKEN = re.compile(r'"((?:[^"]|"")*)"?|([^\s"]+)')
_OPERATORS = {"AND", "OR", "NOT"}


def tsquery_sql(query: str) -> tuple[str, list[str]]:
    """An SQL tsquery expression (and its parameters) for an FTS5-style query.

    Words and "phrases" are ANDed; upper-case ``OR`` and ``NOT`` combine them (``NOT``
    binds tighter than ``AND``, ``AND`` than ``OR``); ``word*`` matches a prefix. An
    operator with nothing on one side is an ordinary word. Returns ``("", [])`` when the
    query has no terms.
    """
    groups: list[list[tuple[bool, str, str]]] = [[]]
    negate = False
    for kind, text in _tokens(query)[:_MAX_TERMS]:
        if kind == "OR":
            groups.append([])
        elif kind == "NOT":
            negate = True
        elif kind != "AND":
            groups[-1].append((negate, kind, text))
            negate = False
    parts, args = [], []
    for group in (g for g in groups if g):
        leaves = []
        for negated, kind, text in group:
            leaf = ("to_tsquery('simple', %s)" if kind == "prefix"
                    else "phraseto_tsquery('simple', %s)")
            leaves.append(f"!!{leaf}" if negated else leaf)
            args.append(text)
        parts.append("(" + " && ".join(leaves) + ")")
    return " || ".join(parts), args


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: kind is 'phrase', 'prefix' or an operator."""
    raw: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(query.replace("\x00", " ")):
        phrase, word = match.groups()
        if phrase is not None:
            raw.append(("phrase", phrase.replace('""', '"')))
        elif word in _OPERATORS:
            raw.append((word, word))
        elif word.endswith("*") and re.sub(r"[\W_]", "", word):
            raw.append(("prefix", re.sub(r"[\W_]", "", word) + ":*"))
        else:
            raw.append(("phrase", word))
    tokens: list[tuple[str, str]] = []
    for i, (kind, text) in enumerate(raw):
        if kind in _OPERATORS:
            before = bool(tokens) and tokens[-1][0] not in _OPERATORS
            after = i + 1 < len(raw) and raw[i + 1][0] not in _OPERATORS
            if not (before and after):  # FTS5 operators are binary
                kind = "phrase"
        tokens.append((kind, text))
    return tokens


# -- DSNs --------------------------------------------------------------------------------
_PASSWORD_FIELD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)", re.IGNORECASE)


def redact_dsn(dsn: str) -> str:
    """The DSN with its password (URI userinfo or ``password=`` field) replaced by ***."""
    if "://" in dsn:
        parts = urlsplit(dsn)
        userinfo, at, host = parts.netloc.rpartition("@")
        if at and ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
            dsn = urlunsplit(parts._replace(netloc=netloc))
    return _PASSWORD_FIELD.sub(r"\1***", dsn)


def hide_password(text: str, dsn: str) -> str:
    """``text`` (an error message) with the DSN's password, if it shows up, replaced by ***."""
    secrets = set()
    if "://" in dsn:
        userinfo, at, _ = urlsplit(dsn).netloc.rpartition("@")
        if at and ":" in userinfo:
            secrets.add(userinfo.split(":", 1)[1])
    for match in _PASSWORD_FIELD.finditer(dsn):
        secrets.add(match.group(2).strip("'"))
    for secret in sorted(secrets | {unquote(s) for s in secrets}, key=len, reverse=True):
        if secret:
            text = text.replace(secret, "***")
    return redact_dsn(text)


def _psycopg() -> Any:
    """The psycopg module, imported on first use so SQLite users need not install it."""
    try:
        import psycopg
        import psycopg.rows
        import psycopg.sql
    except ImportError as err:
        raise NewsgraphError("E502 the PostgreSQL store needs psycopg 3. Run: "
                             "pip install 'newsgraph[postgres]'", code="E502") from err
    return psycopg
