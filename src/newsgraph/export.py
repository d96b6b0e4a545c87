"""Exports of a store: articles as JSON Lines, events as CSV or Parquet.

CSV and Parquet hold one row per happening (its first mention, ``mentions`` saying how many
events tell it), or every event with ``mentions=True`` (``--mentions``); every row carries
its ``happening`` id.

The event columns are the store's events table (``store.rows.EVENTS``, built from
``model.Event``) plus the article's title and URI, so a field added to the model is
exported without a change here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from .errors import NewsgraphError
from .store.base import EventQuery, Store
from .store.rows import EVENTS

EVENT_COLUMNS = [*EVENTS.names, "mentions", "title", "uri"]


def export_jsonl(store: Store, out: IO[str]) -> int:
    """Write every stored article as one CONTRACT.md JSON line; return how many."""
    n = 0
    for doc in store.iter_articles():
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        n += 1
    return n


def _all_events(store: Store, mentions: bool) -> list[dict[str, Any]]:
    return store.events(EventQuery(limit=10**9, mentions=mentions))


def export_csv(store: Store, out: IO[str], *, mentions: bool = False) -> int:
    """Write one CSV row (``EVENT_COLUMNS``) per happening (its first mention, with how many
    ``mentions`` it has), or with ``mentions`` every stored event; return how many rows."""
    rows = _all_events(store, mentions)
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def export_parquet(store: Store, path: Path, *, mentions: bool = False) -> int:
    """Write one row per happening (or, with ``mentions``, every event) to a Parquet file;
    return how many.

    Raises:
        NewsgraphError: E503 when pyarrow is not installed.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise NewsgraphError.make("E503") from err
    rows = _all_events(store, mentions)
    table = pa.Table.from_pylist([{k: r.get(k) for k in EVENT_COLUMNS} for r in rows])
    pq.write_table(table, str(path))
    return len(rows)
