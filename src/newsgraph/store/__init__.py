"""Storage: SQLite by default; the only code that writes."""

from __future__ import annotations

from pathlib import Path

from .base import EventQuery, LoadResult, Store
from .sqlite import SQLiteStore

DEFAULT_PATH = Path("newsgraph.sqlite")

__all__ = ["DEFAULT_PATH", "EventQuery", "LoadResult", "SQLiteStore", "Store", "display_name",
           "is_dsn", "open_store"]


def open_store(path: str | Path = DEFAULT_PATH) -> Store:
    """Open (creating if needed) the store at ``path``: a SQLite file or a postgresql:// DSN."""
    if is_dsn(path):
        from .postgres import open_postgres

        return open_postgres(str(path))
    return SQLiteStore(Path(path))


def is_dsn(path: str | Path) -> bool:
    return isinstance(path, str) and path.startswith(("postgresql://", "postgres://"))


def display_name(path: str | Path) -> str:
    """How to name a store in messages: a DSN with its password hidden."""
    if is_dsn(path):
        from .postgres import redact_dsn

        return redact_dsn(str(path))
    return str(path)
