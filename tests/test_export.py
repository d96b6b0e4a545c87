"""Exports: CSV columns follow the store's events table; a missing extra is a NewsgraphError."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from store.samples import make_article, varied_articles

from conftest import ROOT
from newsgraph.errors import NewsgraphError
from newsgraph.export import EVENT_COLUMNS, export_csv, export_jsonl, export_parquet
from newsgraph.store import open_store


def test_csv_has_every_event_column_and_row(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load(varied_articles())
    out = io.StringIO()
    assert export_csv(store, out) == 6
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == EVENT_COLUMNS and len(rows) == 6
    assert rows[-1]["sentence"] == "Moscow accused Washington of meddling and threatened a response."[31:64]


def test_jsonl_is_every_article_as_stored(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.load([make_article()])
    out = io.StringIO()
    assert export_jsonl(store, out) == 1
    assert out.getvalue().count("\n") == 1 and '"id": "a1"' in out.getvalue()


def test_parquet_without_pyarrow_is_a_newsgraph_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    store = open_store(tmp_path / "s.db")
    with pytest.raises(NewsgraphError) as info:
        export_parquet(store, tmp_path / "x.parquet")
    assert info.value.code == "E503"


def test_export_command_reports_a_missing_extra_in_one_line(tmp_path):
    blocker = tmp_path / "blocked" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('pyarrow is blocked for this test')\n")
    db = tmp_path / "s.db"
    open_store(db).close()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(blocker.parent), str(ROOT / "src")]))
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "export", "--format", "parquet",
                             "-o", str(tmp_path / "x.parquet"), "--db", str(db)],
                            capture_output=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "newsgraph: E503 Parquet export needs pyarrow. Run: pip install 'newsgraph[parquet]'"]
