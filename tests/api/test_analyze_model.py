"""POST /analyze and /ingest with the real spaCy model (slow); structure only, not findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph import core
from newsgraph.api import create_app
from newsgraph.nlp import find_entities

pytestmark = pytest.mark.slow

TEXT = ("Russia Advances Talks With Iran\n\n"
        "Moscow, Aug 17 - Russian officials met Iranian envoys in Moscow on Thursday. "
        "\"We will keep talking,\" the Iranian foreign minister said.\n")


def pipeline_ready() -> bool:
    try:
        core.default_stages()
    except ImportError:
        return False
    return True


@pytest.fixture
def client(tmp_path: Path):
    with TestClient(create_app(tmp_path / "s.db"), raise_server_exceptions=False) as test_client:
        yield test_client


def assert_contract_structure(doc: dict, posted: str) -> None:
    assert doc["schema"] == 1 and len(doc["id"]) >= 8
    start, end = doc["source"]["start"], doc["source"]["end"]
    assert doc["text"] == posted[start:end]
    for entity in doc["entities"]:
        assert posted[entity["start"]:entity["end"]] == entity["text"]
    for event in doc["events"]:
        assert start <= event["start"] <= event["end"] <= end


def test_analyze_runs_the_model_twice_in_memory_zones(client, monkeypatch):
    monkeypatch.setattr(core, "default_stages", lambda: [find_entities])
    first = client.post("/analyze", json={"text": TEXT, "published": "2023-08-17"})
    again = client.post("/analyze", json={"text": TEXT, "published": "2023-08-17"})
    assert first.status_code == 200, first.text
    assert first.json() == again.json()
    [doc] = first.json()
    assert_contract_structure(doc, TEXT)
    assert doc["published"] == "2023-08-17"
    assert any(e["text"] == "Moscow" for e in doc["entities"])


@pytest.mark.skipif(not pipeline_ready(), reason="analysis stages not all in the tree yet")
def test_full_pipeline_analyze_and_ingest_agree_on_ids(client):
    analyzed = client.post("/analyze", json={"text": TEXT})
    assert analyzed.status_code == 200, analyzed.text
    for doc in analyzed.json():
        assert_contract_structure(doc, TEXT)
    ingested = client.post("/ingest", json={"text": TEXT}).json()
    assert ingested["ids"] == [d["id"] for d in analyzed.json()]
    assert client.post("/ingest", json={"text": TEXT}).json()["added"] == 0
    stored = client.get(f"/articles/{ingested['ids'][0]}").json()
    assert stored["text"] == analyzed.json()[0]["text"]
