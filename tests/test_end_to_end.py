"""End to end: `newsgraph analyze` on the demo corpus and the seed dump, against reviewed golden files.

Regenerate with `pytest --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DEMO, ROOT, SEED, run_cli

pytestmark = pytest.mark.slow
GOLDEN = ROOT / "tests" / "data" / "golden"


def _analyze(path: Path) -> list[dict]:
    result = run_cli("analyze", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def _digest(article: dict) -> dict:
    """What a reviewer checks: the shape of each article, not every float."""
    return {
        "id": article["id"],
        "uri": article["source"]["uri"].rsplit("/", 1)[-1],
        "title": article["title"],
        "published": article["published"],
        "kinds": [p["kind"] for p in article["paragraphs"]],
        "actors": sorted(a["id"] for a in article["actors"]),
        "events": sorted(f"{e['category']} {e['source']} -> {e['target']}" for e in article["events"]),
        "speakers": sorted(str(q["speaker"] or q["speaker_text"]) for q in article["quotes"]),
        "places": sorted(p["id"] for p in article["places"]),
    }


def _check_golden(name: str, articles: list[dict], update: bool) -> None:
    path = GOLDEN / f"{name}.jsonl"
    got = [_digest(a) for a in articles]
    if update or not path.exists():
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in got), "utf-8")
        if not update:
            pytest.fail(f"wrote missing golden file {path}; review it and rerun")
    want = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert got == want


def _check_offsets(article: dict) -> None:
    base, text = article["source"]["start"], article["text"]
    cut = lambda x: text[x["start"] - base:x["end"] - base]  # noqa: E731
    for ent in article["entities"]:
        assert cut(ent) == ent["text"]
    for quote in article["quotes"]:
        assert cut(quote) == quote["text"]
    for event in article["events"]:
        assert event["category"] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                     "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                                     "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
        assert base <= event["start"] <= event["trigger"]["start"] < event["trigger"]["end"] <= event["end"]


def _has_dyad(events: list[dict]) -> bool:
    """A directed event (source and target) or a reciprocal one: several participants as
    actors of one happening, no target ("Iran and Saudi Arabia met", PLOVER)."""
    sides: dict[int, set[str]] = {}
    for e in events:
        if e["source"] and not e["target"]:
            sides.setdefault(e["trigger"]["start"], set()).add(e["source"])
    return any(e["source"] and e["target"] for e in events) or any(len(s) > 1 for s in sides.values())


@pytest.fixture(scope="module")
def demo() -> list[dict]:
    return _analyze(DEMO)


def test_demo_corpus_every_format_and_golden(demo, update_golden):
    assert {a["source"]["format"] for a in demo} == {"text", "html", "rss", "atom", "jsonl"}
    assert 20 <= len(demo) <= 40
    for article in demo:
        _check_offsets(article)
    assert sum(1 for a in demo if a["duplicate_of"]) >= 1
    _check_golden("demo", demo, update_golden)


def test_demo_ids_are_stable_across_runs(demo):
    again = _analyze(DEMO)
    assert [a["id"] for a in again] == [a["id"] for a in demo]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed-news-dump.txt not present")
def test_seed_dump_six_articles_with_actors_events_quotes(update_golden):
    articles = _analyze(SEED)
    assert len(articles) == 6
    first = articles[0]
    assert first["title"] == "Russia Advances Mass Production Of Iranian Attack Drones"
    assert [p["kind"] for p in first["paragraphs"][:2]] == ["title", "caption"]
    for article in articles:
        _check_offsets(article)
        assert any(a["country"] for a in article["actors"]), article["id"]
        assert _has_dyad(article["events"]), article["id"]
    assert sum(1 for a in articles if a["quotes"]) >= 3
    assert all(q["speaker_text"] for a in articles for q in a["quotes"] if q["direct"])
    _check_golden("seed", articles, update_golden)
