"""The dashboard on real stores: the demo store as `make demo` leaves it, an empty store and a
store of 1,000 events. The README's screenshot (docs/dashboard.png) is taken here, on the demo
store, so it shows what the dashboard shows today.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from web.browsing import Visit, assert_clean, open_dashboard

from newsgraph.api.dashboard import COOPERATION, is_country
from newsgraph.cli import dashboard_hint
from newsgraph.model import Actor, Article, Event, Place, Source, Span
from newsgraph.store import EventQuery, open_store

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "dashboard.png"


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


HAPPENING = "coalesce(e.happening, e.article_id || '-' || e.n)"  # what the dashboard counts


def stored_events(db: Path, **query: Any) -> list[dict[str, Any]]:
    """What /events answers for ``query``: one row per happening."""
    store = open_store(db)
    try:
        return store.events(EventQuery(limit=1000, **query))
    finally:
        store.close()


# -- make demo, then newsgraph serve -------------------------------------------------------

def test_make_demo_installs_the_api_extra_and_says_how_to_serve() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = {name: (deps, recipe) for name, deps, recipe in
               re.findall(r"^([\w-]+):([^\n]*)\n((?:\t[^\n]*\n)*)", makefile, re.M)}
    deps, recipe = targets["demo"]
    installs = "".join(targets[d][1] for d in deps.split() if d in targets)
    assert re.search(r"pip install .*-e \"?\.\[[^\]]*api", installs), "make demo must install the api extra"
    assert "newsgraph demo" in recipe and "make serve" in recipe
    assert "newsgraph serve --db $(DB)" in targets["serve"][1]


def test_demo_hint_names_the_store_and_the_extra_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    hint = dashboard_hint("news.sqlite")
    assert "newsgraph serve --db news.sqlite" in hint and "http://127.0.0.1:8000/" in hint
    assert "pip install" not in hint  # the test extras include fastapi and uvicorn
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert "pip install 'newsgraph[api]'" in dashboard_hint("news.sqlite")


# -- the demo store ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `newsgraph demo` writes (the model runs: about half a minute)."""
    path = tmp_path_factory.mktemp("demo") / "newsgraph.sqlite"
    result = run_cli("demo", "--db", str(path), "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    assert f"newsgraph serve --db {path}" in result.stderr.decode()
    return path


@pytest.fixture
def demo(browser: Any, serve: Any, demo_db: Path) -> Iterator[Visit]:
    context, seen = open_dashboard(browser, serve(demo_db))
    yield seen
    context.close()


@pytest.mark.slow
def test_demo_map_marks_every_event_place_and_shades_countries(demo: Visit, demo_db: Path) -> None:
    placed = rows(demo_db, f"SELECT p.id, p.country, count(DISTINCT {HAPPENING}) FROM events e"
                           " JOIN places p ON p.id = e.place"
                           " WHERE p.lat IS NOT NULL GROUP BY p.id, p.country")
    points = {pid: n for pid, _, n in placed if not is_country(pid)}
    shades: dict[str, int] = {}
    for pid, country, n in placed:
        if is_country(pid):
            shades[country] = shades.get(country, 0) + n
    assert len(points) >= 10 and len(shades) >= 3  # the demo places events around the world
    page = demo.page
    assert page.locator("#map svg path.country").count() > 150
    markers = page.locator("#map svg circle.marker").evaluate_all(
        "cs => Object.fromEntries(cs.map(c => [c.dataset.place, Number(c.dataset.events)]))")
    assert markers == points
    shaded = page.locator("#map svg path[data-events]").evaluate_all(
        "ps => Object.fromEntries(ps.map(p => [p.dataset.iso, Number(p.dataset.events)]))")
    assert {iso: n for iso, n in shaded.items() if iso in shades} == shades
    assert set(shaded) <= set(shades) | {"SOM", "CYP"}  # a country drawn in two parts counts once each
    assert_clean(demo)


@pytest.mark.slow
def test_demo_marker_click_lists_the_events_there_with_their_evidence(demo: Visit, demo_db: Path) -> None:
    [(place, name)] = rows(demo_db, "SELECT e.place, p.name FROM events e JOIN places p ON p.id = e.place"
                                    " WHERE p.lat IS NOT NULL AND p.id IN (SELECT place FROM events)"
                                    " GROUP BY e.place, p.name ORDER BY count(*) DESC, e.place LIMIT 1")
    sentences = [r["sentence"] for r in stored_events(demo_db, place=place)]
    page = demo.page
    page.click(f"#map circle[data-place='{place}']")
    page.wait_for_selector("#map-events li")
    assert page.inner_text("#map-detail-h") == f"Events at {name} ({len(sentences)})"
    assert sorted(page.locator("#map-events li .evidence").all_inner_texts()) == sorted(
        s.strip() for s in sentences)
    assert page.locator("#map-events li mark.trigger").count() == len(sentences)
    assert_clean(demo)


@pytest.mark.slow
def test_demo_story_view_lists_a_storys_articles_events_and_places(demo: Visit, demo_db: Path) -> None:
    [(story, n)] = rows(demo_db, "SELECT story, count(*) FROM articles GROUP BY story"
                                 " ORDER BY count(*) DESC, story LIMIT 1")
    assert n >= 3
    articles = [r[0] for r in rows(demo_db, "SELECT id FROM articles WHERE story = ?"
                                            " ORDER BY published IS NOT NULL, published, id", story)]
    events = len(stored_events(demo_db, story=story))
    page = demo.page
    page.locator(f"#events-table tbody tr a.story-link[href='#story={story}']").first.click()
    page.wait_for_selector(f"#story[data-story='{story}'] #story-map svg")
    assert page.locator("#story-articles li").evaluate_all("items => items.map(i => i.dataset.id)") == articles
    assert page.locator("#story-events li.event-item").count() == events
    assert page.locator("#story-map circle.marker").count() >= 1
    assert page.locator("#story-actors li").count() >= 3
    assert_clean(demo)


@pytest.mark.slow
def test_demo_pair_view_counts_both_directions_and_draws_the_mean(demo: Visit, demo_db: Path) -> None:
    [(source, target, n)] = rows(demo_db, f"SELECT source, target, count(DISTINCT {HAPPENING}) AS n FROM events e"
                                          " WHERE source IS NOT NULL AND target IS NOT NULL AND source != target"
                                          " GROUP BY source, target ORDER BY n DESC, source, target LIMIT 1")
    [(both,)] = rows(demo_db, f"SELECT count(DISTINCT {HAPPENING}) FROM events e WHERE (source = ? AND target = ?)"
                              " OR (source = ? AND target = ?)", source, target, target, source)
    listed = len(stored_events(demo_db, source=source, target=target)) + len(
        stored_events(demo_db, source=target, target=source))
    page = demo.page
    page.click(f"#pair-list a[data-pair='{source}|{target}']")
    page.wait_for_selector(f"#pair-view[data-pair='{source}|{target}'] #timeline svg")
    bars = page.locator("#timeline rect").evaluate_all("rs => rs.map(r => Number(r.dataset.events))")
    assert sum(bars) == both >= n
    assert page.locator("#timeline polyline.intensity").count() == 1
    assert page.locator("#pair-events li.event-item").count() == listed
    assert_clean(demo)


@pytest.mark.slow
def test_demo_screenshot_for_the_readme(demo: Visit) -> None:
    """docs/dashboard.png: the top of the dashboard on the demo store, down to the map and the
    first events of the place with the most events."""
    page = demo.page
    page.click("#map-places button >> nth=0")  # a chosen place, as a reader would see it
    page.wait_for_selector("#map-events li")
    bottom = page.evaluate("""() => {  // the map, its key and the chosen place's first events
        const detail = document.querySelector('#map-detail').getBoundingClientRect();
        const map = document.querySelector('#map-figure').getBoundingClientRect();
        return Math.min(detail.bottom, map.bottom + 230) + scrollY;
    }""")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.evaluate("scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT), clip={"x": 0, "y": 0, "width": 1280, "height": bottom + 16},
                    full_page=True)
    assert SCREENSHOT.stat().st_size > 20_000
    assert_clean(demo)


# -- an empty store and a large one ------------------------------------------------------------

@pytest.fixture(scope="session")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    open_store(path).close()
    return path


def test_empty_store_shows_the_world_and_says_there_is_nothing(browser: Any, serve: Any, empty_db: Path) -> None:
    context, visit = open_dashboard(browser, serve(empty_db))
    page = visit.page
    assert page.inner_text("[data-count=events] dd") == "0"
    assert page.locator("#map svg path.country").count() > 150
    assert page.locator("#map svg circle").count() == 0
    assert page.inner_text("#map-count") == "No events to map."
    assert "store is empty" in page.inner_text("#status")
    assert page.inner_text("#pair-list") == "No pairs with two actors yet."
    page.goto(visit.url + "#story=nothing")
    page.wait_for_selector("#status.error")
    assert "no story with id 'nothing'" in page.inner_text("#status")
    assert all("404" in error for error in visit.errors)  # the browser logs the failed fetch only
    context.close()


CITIES = [(f"city{n}-{1000 + n}", f"City {n}", lat, lon) for n, (lat, lon) in enumerate(
    [(lat, lon) for lat in range(-40, 61, 20) for lon in range(-120, 151, 30)])]
ACTOR_IDS = ["AAA", "BBB", "CCC", "DDD", "EEE"]
PLOVER = sorted(COOPERATION) + ["ACCUSE", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "REJECT",
                                "SANCTION", "THREATEN"]


def big_articles(n_articles: int = 250, per_article: int = 4) -> list[Article]:
    """``n_articles`` articles of ``per_article`` events each, at 60 places, over two years."""
    articles = []
    for i in range(n_articles):
        sentences = [f"Actor {i} did thing {k} at place {(i + k) % len(CITIES)}." for k in range(per_article)]
        text = " ".join(sentences)
        article = Article(id=f"big{i:04d}", source=Source(uri=f"file:///big/{i}.txt", format="text", text=text),
                          start=0, end=len(text), title=f"Article {i}",
                          published=f"{2023 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}", story=f"story{i // 5}")
        article.actors = [Actor(a, f"Actor {a}", "state", None, "GOV", None, 1) for a in ACTOR_IDS]
        offset = 0
        for k, sentence in enumerate(sentences):
            slug, name, lat, lon = CITIES[(i + k) % len(CITIES)]
            article.events.append(Event(PLOVER[(i + k) % 16], ACTOR_IDS[i % 5], ACTOR_IDS[(i + k + 1) % 5],
                                        offset, offset + len(sentence), Span(offset + 8, offset + 11),
                                        "test:big", place=slug, intensity=float((i + k) % 21 - 10),
                                        confidence=((i + k) % 10) / 10))
            if slug not in {p.id for p in article.places}:
                article.places.append(Place(slug, name, None, float(lat), float(lon), []))
            offset += len(sentence) + 1
        articles.append(article)
    return articles


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    store = open_store(path)
    store.load(big_articles())
    assert store.summary()["events"] == 1000
    store.close()
    return path


def test_a_thousand_events_load_quickly_and_stay_usable(browser: Any, serve: Any, big_db: Path) -> None:
    url = serve(big_db)
    started = time.monotonic()
    context, visit = open_dashboard(browser, url)
    seconds = time.monotonic() - started
    page = visit.page
    assert seconds < 10, f"the dashboard took {seconds:.1f} s to load 1,000 events"
    assert page.locator("#map circle.marker").count() == len(CITIES)
    assert page.inner_text("#events-count") == "First 200 happenings."  # each event its own here
    assert page.locator("#events-table tbody tr").count() == 200
    [(at_first,)] = rows(big_db, "SELECT count(*) FROM events WHERE place = ?", CITIES[0][0])
    page.click(f"#map circle[data-place='{CITIES[0][0]}']")
    page.wait_for_selector("#map-events li")
    assert page.locator("#map-events li.event-item").count() == at_first
    [(confident,)] = rows(big_db, "SELECT count(*) FROM events WHERE confidence >= 0.9")
    page.select_option("#f-confidence", "0.9")
    page.click("#event-filter button[type=submit]")
    page.wait_for_selector("#map-count:has-text('confidence ≥ 0.9')")
    assert page.inner_text("#map-count").startswith(f"{confident} happenings of {confident} happenings")
    page.goto(url + "#story=story0")
    page.wait_for_selector("#story[data-story=story0] #story-events li")
    assert page.locator("#story-articles li").count() == 5
    assert_clean(visit)
    context.close()
