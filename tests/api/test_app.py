"""REST API: every endpoint over a hand-filled store, one error shape, documented responses."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import app as api_app
from newsgraph.api import create_app, serve
from newsgraph.api.app import StoreProvider
from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Entity, Event, Place, Quote, Source, Span
from newsgraph.store import SQLiteStore, open_store

TEXT = "Washington imposed sanctions on Moscow on Monday."
OTHER = "Moscow accused Washington of lying, Kremlin officials said in April."


def make_article(text: str = TEXT, *, ident: str = "a1", published: str | None = "2024-03-04",
                 title: str = "Sanctions", event: tuple[str, str, str, str] | None = None,
                 uri: str = "file:///a.txt") -> Article:
    """A hand-built analyzed article; ``event`` is (category, source, target, date)."""
    category, source, target, date = event or ("SANCTION", "USA", "RUS", "2024-03-04")
    article = Article(id=ident, source=Source(uri=uri, format="text", text=text), start=0,
                      end=len(text), title=title, published=published, language="en")
    article.entities = [Entity("Washington", "GPE", text.find("Washington"),
                               text.find("Washington") + 10, "USA")]
    article.actors = [Actor("USA", "United States", "state", "USA", "GOV", "Q30", 2),
                      Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 1)]
    article.events = [Event(category, source, target, 0, len(text), Span(11, 18), "verb:test",
                            cameo="163", intensity=-4.0, date=date, confidence=0.8)]
    article.quotes = [Quote("We act", 0, 6, "USA", "Washington", Span(0, 10), "said")]
    article.places = [Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62, [Span(32, 38)])]
    return article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.sqlite"
    store = open_store(path)
    store.load([
        make_article(),
        make_article(OTHER, ident="a2", published="2024-04-02", title="Accusation",
                     event=("ACCUSE", "RUS", "USA", "2024-04")),
        make_article("Washington imposed new sanctions on Moscow.", ident="a3",
                     published="2024-04-20", title="More sanctions", event=("SANCTION", "USA", "RUS", None)),
    ])
    store.close()
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client


def assert_error_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "code"}
    assert body["ok"] is False and body["code"] == code and body["error"]
    return body


# -- reading ----------------------------------------------------------------------------
def test_health_reports_version_and_article_count(client):
    body = client.get("/health").json()
    assert body["ok"] is True and body["articles"] == 3 and body["version"]


def test_article_is_contract_json_whose_offsets_cut_the_evidence(client):
    response = client.get("/articles/a1")
    assert response.status_code == 200
    doc = response.json()
    assert doc["schema"] == 1 and doc["id"] == "a1" and doc["source"]["uri"] == "file:///a.txt"
    [event] = doc["events"]
    assert doc["text"][event["trigger"]["start"]:event["trigger"]["end"]] == "imposed"
    [quote] = doc["quotes"]
    assert quote["speaker_span"] == {"start": 0, "end": 10}
    assert doc["places"][0]["mentions"] == [{"start": 32, "end": 38}]
    assert "dates" in doc and "duplicate_of" in doc  # extensions pass through the model


def test_unknown_article_is_404_in_error_shape(client):
    body = assert_error_shape(client.get("/articles/nope"), 404, "E404")
    assert "nope" in body["error"]


@pytest.mark.parametrize(("method", "path", "status"), [
    ("get", "/no/such/path", 404), ("post", "/summary", 405), ("get", "/ingest", 405)])
def test_routing_errors_use_the_error_shape(client, method, path, status):
    assert_error_shape(getattr(client, method)(path), status, f"E{status}")


def test_search_finds_words_ranked_with_snippets(client):
    hits = client.get("/search", params={"q": "sanctions Moscow"}).json()
    assert sorted(h["id"] for h in hits) == ["a1", "a3"]
    assert all("[" in h["snippet"] for h in hits)
    assert len(client.get("/search", params={"q": "sanctions", "limit": 1}).json()) == 1
    assert client.get("/search", params={"q": '"unbalanced'}).json() == []


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "war\x00"}, {"q": "x" * 501}])
def test_search_without_words_is_422_in_error_shape(client, params):
    body = assert_error_shape(client.get("/search", params=params), 422, "E422")
    assert "query.q" in body["error"]


@pytest.mark.parametrize("q", ["*", "AND", "a OR", "NEAR(", '"', "col:x", "^", "title:"])
def test_search_survives_fulltext_syntax(client, q):
    assert client.get("/search", params={"q": q}).status_code == 200


def test_events_filter_by_actor_category_and_dates(client):
    rows = client.get("/events", params={"actor": "RUS"}).json()
    assert [r["article_id"] for r in rows] == ["a1", "a2", "a3"]  # ordered by date
    [accuse] = client.get("/events", params={"category": "accuse"}).json()
    assert (accuse["source"], accuse["target"], accuse["when"]) == ("RUS", "USA", "2024-04")
    assert accuse["sentence"] == OTHER and accuse["negated"] is False
    assert accuse["trigger"] == {"start": 11, "end": 18}
    april = client.get("/events", params={"since": "2024-04", "until": "2024-04"}).json()
    assert [r["article_id"] for r in april] == ["a2", "a3"]  # a3 dated by its publication
    assert [r["article_id"] for r in client.get("/events", params={"source": "USA", "target": "RUS",
                                                                   "limit": 1}).json()] == ["a1"]


def test_events_filter_by_minimum_confidence(client):
    assert len(client.get("/events", params={"min_confidence": 0.8}).json()) == 3
    assert client.get("/events", params={"min_confidence": 0.81}).json() == []


@pytest.mark.parametrize(("params", "field"), [
    ({"min_confidence": 2}, "query.min_confidence"),
    ({"category": "INVADE"}, "query.category"),
    ({"since": "last week"}, "query.since"),
    ({"until": "2024-13-45x"}, "query.until"),
    ({"since": "2026-13-45"}, "expected a real ISO 8601 date"),  # same message as the CLI
    ({"actor": "two words"}, "expected an actor id"),
    ({"limit": 0}, "query.limit"),
    ({"limit": 100000}, "query.limit"),
    ({"limit": "ten"}, "query.limit"),
])
def test_events_rejects_bad_parameters_in_error_shape(client, params, field):
    body = assert_error_shape(client.get("/events", params=params), 422, "E422")
    assert field in body["error"]


def test_pairs_count_events_per_direction(client):
    pairs = client.get("/pairs").json()
    assert pairs[0] == {"source": "USA", "target": "RUS", "events": 2, "happenings": 2, "mentions": 2,
                        "mean_intensity": -4.0}
    assert {(p["source"], p["target"]) for p in pairs} == {("USA", "RUS"), ("RUS", "USA")}
    assert len(client.get("/pairs", params={"limit": 1}).json()) == 1


def test_timeline_counts_both_directions_per_period(client):
    months = client.get("/pairs/RUS/USA/timeline").json()
    assert [(m["period"], m["events"]) for m in months] == [("2024-03", 1), ("2024-04", 2)]
    days = client.get("/pairs/USA/RUS/timeline", params={"period": "day"}).json()
    assert [d["period"] for d in days] == ["2024-03-04", "2024-04", "2024-04-20"]
    assert client.get("/pairs/USA/CHN/timeline").json() == []
    assert_error_shape(client.get("/pairs/USA/RUS/timeline", params={"period": "week"}), 422, "E422")


def test_summary_counts_categories_actors_and_pairs(client):
    summary = client.get("/summary").json()
    assert (summary["articles"], summary["events"], summary["quotes"]) == (3, 3, 3)
    assert summary["by_category"] == {"SANCTION": 2, "ACCUSE": 1}
    assert summary["top_actors"][0]["id"] == "USA" and summary["top_actors"][0]["mentions"] == 6
    assert summary["top_pairs"][0]["events"] == 2


# -- the documented interface ----------------------------------------------------------
def test_openapi_documents_every_path_and_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/health", "/articles/{article_id}", "/search", "/events", "/pairs",
        "/pairs/{source}/{target}/timeline", "/summary", "/analyze", "/ingest", "/map",
        "/stories/{story_id}"}
    error_ref = "#/components/schemas/ErrorOut"
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            responses = operation["responses"]
            assert "$ref" in str(responses["200"]), path  # a response model, not "any"
            assert responses["422"]["content"]["application/json"]["schema"]["$ref"] == error_ref
    assert "404" in spec["paths"]["/articles/{article_id}"]["get"]["responses"]
    assert "404" in spec["paths"]["/stories/{story_id}"]["get"]["responses"]
    assert "schema" in spec["components"]["schemas"]["ArticleOut"]["properties"]


# -- errors from newsgraph and from bugs --------------------------------------------------
def test_locked_store_is_503_with_the_store_code(client, monkeypatch):
    def locked(self, **_):
        raise StoreError.make("E402", path=self.path)

    monkeypatch.setattr(SQLiteStore, "summary", locked)
    body = assert_error_shape(client.get("/summary"), 503, "E402")
    assert "locked" in body["error"]


def test_unexpected_failure_is_500_in_error_shape(client, monkeypatch):
    def broken(self, **_):
        raise RuntimeError("boom")

    monkeypatch.setattr(SQLiteStore, "pairs", broken)
    body = assert_error_shape(client.get("/pairs"), 500, "E500")
    assert "RuntimeError" in body["error"] and "boom" not in body["error"]


def test_store_of_another_schema_version_fails_at_startup(db):
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as raw:
        raw.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
        raw.commit()
    with pytest.raises(StoreError) as info:
        create_app(db)
    assert info.value.code == "E401"


def test_each_thread_gets_its_own_connection(db):
    provider = StoreProvider(db)
    assert provider.get() is provider.get()
    other: list[SQLiteStore] = []
    worker = threading.Thread(target=lambda: other.append(provider.get()))
    worker.start()
    worker.join()
    assert other[0] is not provider.get()
    assert other[0].path == provider.get().path


# -- analyze and ingest without spaCy: the analysis path is replaced by a stub ------------
@pytest.fixture
def stub_analysis(monkeypatch) -> list[Source]:
    """Replace the NLP stages with one that marks each source as a hand-built article."""
    seen: list[Source] = []

    def fake_analyze(sources: Iterable[Source], *, settings) -> Iterator[Article]:
        for source in sources:
            seen.append(source)
            article = make_article(source.text, ident=f"id-{len(source.text)}",
                                   published=source.published, uri=source.uri)
            article.source = source
            article.doc = object()
            yield article

    monkeypatch.setattr(api_app, "analyze_sources", fake_analyze)
    monkeypatch.setattr(api_app, "_memory_zone", lambda settings: contextlib.nullcontext())
    return seen


def test_analyze_returns_contract_articles_without_storing(client, stub_analysis):
    response = client.post("/analyze", json={"text": TEXT + " More.", "published": "2024-05-01"})
    assert response.status_code == 200
    [doc] = response.json()
    assert doc["schema"] == 1 and doc["text"] == TEXT + " More." and doc["published"] == "2024-05-01"
    assert client.get("/summary").json()["articles"] == 3


def test_analyze_takes_text_never_a_server_path(client, stub_analysis):
    client.post("/analyze", json={"text": "/etc/passwd"})
    assert [(s.text, s.format) for s in stub_analysis] == [("/etc/passwd", "text")]


def test_ingest_stores_once_and_reports_ids(client, stub_analysis):
    body = {"text": "Beijing hosted talks with Hanoi on trade.", "uri": "https://example.org/x"}
    first = client.post("/ingest", json=body).json()
    again = client.post("/ingest", json=body).json()
    assert (first["added"], first["skipped"], again["added"], again["skipped"]) == (1, 0, 0, 1)
    assert first["ids"] == again["ids"] and first["ok"] is True
    stored = client.get(f"/articles/{first['ids'][0]}").json()
    assert stored["source"]["uri"] == "https://example.org/x"
    assert client.get("/summary").json()["articles"] == 4


@pytest.mark.parametrize(("body", "field"), [
    ({}, "body.text"),
    ({"text": ""}, "body.text"),
    ({"text": "Some news.", "published": "yesterday"}, "body.published"),
    ({"text": 42}, "body.text"),
])
def test_bad_bodies_are_422_in_error_shape(client, stub_analysis, body, field):
    for path in ("/analyze", "/ingest"):
        result = assert_error_shape(client.post(path, json=body), 422, "E422")
        assert field in result["error"]
    assert stub_analysis == []


def test_blank_text_is_an_input_error_with_its_code(client, stub_analysis):
    assert_error_shape(client.post("/analyze", json={"text": "   \n "}), 400, "E102")


def test_serve_runs_uvicorn_on_the_app(db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    serve(db, host="127.0.0.1", port=8123)
    [(app, options)] = calls
    assert app.title == "newsgraph" and (options["host"], options["port"]) == ("127.0.0.1", 8123)
