"""CLI commands end to end on small inputs."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow


def test_analyze_stdin_jsonl_with_configured_fields():
    line = json.dumps({"story": "Chile and Peru signed a fisheries pact on Tuesday.", "when": "2024-05-07"})
    result = run_cli("analyze", "-", "--jsonl-field", "text=story", "--jsonl-field", "published=when",
                     stdin=line.encode())
    [article] = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert article["source"]["format"] == "jsonl"
    assert article["published"] == "2024-05-07"
    events = [e for e in article["events"] if e["category"] == "AGREE"]
    # a reciprocal act: both signatories are its actor, no target (PLOVER)
    assert {(e["source"], e["target"]) for e in events} == {("CHL", None), ("PER", None)}
    assert all(e["date"] == "2024-05-07" for e in events)


def test_bad_jsonl_field_option_is_a_clear_error():
    result = run_cli("analyze", "-", "--jsonl-field", "body", stdin=b"{}")
    assert result.returncode != 0
    assert b"--jsonl-field wants KEY=NAME" in result.stderr


def test_ingest_search_events_export_round_trip(tmp_path):
    text = tmp_path / "news.txt"
    text.write_text("Kenya and Uganda agreed on Monday to reopen the border crossing at Busia.\n")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(text), "--db", db, "--date", "2025-03-05").returncode == 0
    assert b"Busia" in run_cli("search", "Busia", "--db", db).stdout
    events = [json.loads(x) for x in run_cli("events", "--db", db, "--json").stdout.decode().splitlines()]
    assert events and events[0]["category"] == "AGREE"
    out = tmp_path / "events.csv"
    assert run_cli("export", "--format", "csv", "-o", str(out), "--db", db).returncode == 0
    assert out.read_text().splitlines()[0].startswith("article_id,")
    pq = tmp_path / "events.parquet"
    assert run_cli("export", "--format", "parquet", "-o", str(pq), "--db", db).returncode == 0
    import pyarrow.parquet as parquet

    assert parquet.read_table(pq).num_rows == len(events)
    again = run_cli("ingest", str(text), "--db", db, "--date", "2025-03-05")
    assert b"0 articles added, 1 already stored" in again.stderr
