"""Storage: SQLite by default; the only code that writes."""

from __future__ import annotations

from pathlib import Path

from .base import EventQuery, LoadResult, Store
from .sqlite import SQLiteStore

DEFAULT_PATH = Path("newsgraph.sqlite")

__all__ = ["DEFAULT_PATH", "EventQuery", "LoadResult", "SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path = DEFAULT_PATH) -> Store:
    """Open (creating if needed) the store at ``path``."""
    return SQLiteStore(Path(path))
