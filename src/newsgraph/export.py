"""Exports of a store: articles as JSON Lines, events as CSV or Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO

from .store.base import EventQuery

EVENT_COLUMNS = ["article_id", "n", "category", "cameo", "source", "target", "date", "place",
                 "negated", "modality", "attributed_to", "intensity", "start", "end",
                 "trigger_start", "trigger_end", "pattern", "date_from", "confidence", "sentence",
                 "title", "uri"]


def export_jsonl(store, out: IO[str]) -> int:
    n = 0
    for doc in store.iter_articles():
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        n += 1
    return n


def _all_events(store) -> list[dict]:
    return store.events(EventQuery(limit=10**9))


def export_csv(store, out: IO[str]) -> int:
    rows = _all_events(store)
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def export_parquet(store, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise SystemExit("Parquet export needs pyarrow: pip install 'newsgraph[parquet]'") from err
    rows = _all_events(store)
    table = pa.Table.from_pylist([{k: r.get(k) for k in EVENT_COLUMNS} for r in rows])
    pq.write_table(table, str(path))
    return len(rows)
