"""The dashboard on a store of hand-built articles: served self-contained, and working in a
real browser (see browsing.py for how Chromium is driven): counts, search, filters, the map,
the article, story and pair views.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from web.browsing import Visit, assert_clean, dashboard_app, open_dashboard

from newsgraph.model import Actor, Article, Entity, Event, Place, Quote, Source, Span
from newsgraph.store import open_store
from newsgraph.web import STATIC_DIR

ROOT = Path(__file__).resolve().parents[2]

ACTORS = {
    "USA": Actor("USA", "United States", "state", "USA", "GOV", "Q30", 0),
    "RUS": Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 0),
    "UKR": Actor("UKR", "Ukraine", "state", "UKR", "GOV", "Q212", 0),
    "EU": Actor("EU", "European Union", "organization", None, "IGO", "Q458", 0),
}
NAMES = {"Washington": "USA", "Moscow": "RUS", "Kremlin": "RUS", "Kyiv": "UKR", "Brussels": "EU"}

# the first article sits after a preamble in a shared dump, so its offsets start past 0
DUMP_PREFIX = "Wire digest, 4 March 2024.\n\n"

# ids are "<slug>-<GeoNames id>"; 2017370 is the id of the country Russia itself
PLACES = {
    "moscow": Place("moscow-524901", "Moscow", "RUS", 55.75204, 37.61781, feature="city"),
    "russia": Place("russia-2017370", "Russia", "RUS", 60.0, 100.0, feature="country"),
    "kyiv": Place("kyiv-703448", "Kyiv", "UKR", 50.45466, 30.5238, feature="city"),
    "brussels": Place("brussels-2800866", "Brussels", "BEL", 50.85045, 4.34878, feature="city"),
    "washington": Place("washington-4140963", "Washington", "USA", 38.89511, -77.03637, feature="city"),
}


@dataclass(slots=True)
class EventSpec:
    category: str
    source: str | None
    target: str | None
    sentence: str
    trigger: str
    date: str | None = None
    intensity: float = -4.0
    place: str | None = None  # a key of PLACES
    confidence: float = 0.9


@dataclass(slots=True)
class ArticleSpec:
    ident: str
    text: str
    title: str
    published: str | None
    events: list[EventSpec]
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quoted words, speaker id)
    prefix: str = ""
    story: str | None = None
    named_places: tuple[str, ...] = ()  # keys of PLACES named in the text where no event is placed


SPECS = [
    ArticleSpec("a1", "Washington imposed sanctions on Moscow on Monday. "
                      "\"We act now,\" a Washington official said.",
                "Sanctions on Moscow", "2024-03-04",
                [EventSpec("SANCTION", "USA", "RUS", "Washington imposed sanctions on Moscow on Monday.",
                           "imposed", "2024-03-04", place="moscow")],
                quotes=[("We act now,", "USA")], prefix=DUMP_PREFIX, story="s-sanctions",
                named_places=("washington",)),
    ArticleSpec("a2", "Moscow accused Washington of lying, Kremlin officials said in April.",
                "Accusation", "2024-04-02",
                [EventSpec("ACCUSE", "RUS", "USA", "Moscow accused Washington of lying, Kremlin officials "
                           "said in April.", "accused", "2024-04", -2.0, place="russia")], story="a2"),
    ArticleSpec("a3", "Brussels sent aid to Kyiv. Washington imposed new sanctions on Moscow.",
                "Aid and more sanctions", "2024-05-20",
                [EventSpec("AID", "EU", "UKR", "Brussels sent aid to Kyiv.", "sent", None, 7.0, place="kyiv",
                           confidence=0.4),
                 EventSpec("SANCTION", "USA", "RUS", "Washington imposed new sanctions on Moscow.",
                           "imposed", place="moscow")], story="s-sanctions"),
    ArticleSpec("a4", "Kyiv <b>asked</b> Brussels for help & <script>alert(1)</script> more.",
                "<img src=x onerror=alert(1)> markup stays text", "2024-05-21",
                [EventSpec("REQUEST", "UKR", "EU", "Kyiv <b>asked</b> Brussels for help & "
                           "<script>alert(1)</script> more.", "asked", "2024-05-21", 3.0,
                           place="brussels")], story="a4"),
]


def build_article(spec: ArticleSpec) -> Article:
    """An analyzed article from ``spec``; every offset found in the text, so it indexes the source."""
    source_text = spec.prefix + spec.text + "\n"
    base = len(spec.prefix)

    def at(words: str, *, after: int = 0) -> int:
        index = spec.text.index(words, after)
        return base + index

    article = Article(id=spec.ident, source=Source(uri=f"file:///dump-{spec.ident}.txt", format="text",
                                                    text=source_text),
                      start=base, end=base + len(spec.text), title=spec.title,
                      published=spec.published, language="en", story=spec.story)
    for name, actor_id in NAMES.items():
        position = spec.text.find(name)
        while position >= 0:
            article.entities.append(Entity(name, "GPE", base + position, base + position + len(name),
                                           actor_id))
            position = spec.text.find(name, position + 1)
    ids = sorted({e.actor for e in article.entities if e.actor})
    article.actors = [replace(ACTORS[i], mentions=sum(e.actor == i for e in article.entities))
                      for i in ids]
    for ev in spec.events:
        start = at(ev.sentence)
        trigger = start + ev.sentence.index(ev.trigger)
        article.events.append(Event(ev.category, ev.source, ev.target, start, start + len(ev.sentence),
                                    Span(trigger, trigger + len(ev.trigger)), "test:hand",
                                    date=ev.date, intensity=ev.intensity, confidence=ev.confidence,
                                    place=PLACES[ev.place].id if ev.place else None))
    for words, speaker in spec.quotes:
        start = at(words)
        article.quotes.append(Quote(words, start, start + len(words), speaker, None, None, "said"))
    for key in sorted({ev.place for ev in spec.events if ev.place} | set(spec.named_places)):
        place = PLACES[key]
        named = [Span(base + m.start(), base + m.end()) for m in re.finditer(place.name, spec.text)]
        article.places.append(replace(place, mentions=named))
    return article


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "news.sqlite"
    store = open_store(path)
    store.load([build_article(spec) for spec in SPECS])
    store.close()
    return path


@pytest.fixture
def visit(browser: Any, serve: Any, dashboard_db: Path) -> Iterator[Visit]:
    context, seen = open_dashboard(browser, serve(dashboard_db))
    yield seen
    context.close()


# -- helpers ---------------------------------------------------------------------------

@pytest.fixture
def client(dashboard_db: Path) -> Any:
    with TestClient(dashboard_app(dashboard_db), raise_server_exceptions=False) as test_client:
        yield test_client


def cell_texts(visit: Visit, column: int) -> list[str]:
    return visit.page.locator(f"#events-table tbody tr td:nth-child({column})").all_inner_texts()


# -- served, self-contained ------------------------------------------------------------

def test_mount_dashboard_serves_page_script_and_style(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'src="ui/app.js"' in page.text and 'href="ui/style.css"' in page.text
    script, style = client.get("/ui/app.js"), client.get("/ui/style.css")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")


def test_dashboard_leaves_api_routes_and_error_shape_alone(client: TestClient) -> None:
    assert client.get("/summary").json()["articles"] == len(SPECS)
    missing = client.get("/ui/nothing.js")
    assert missing.status_code == 404
    assert client.get("/no-such-endpoint").json()["code"] == "E404"
    assert "/" not in client.get("/openapi.json").json()["paths"]


STATIC_FILES = sorted(p.name for p in STATIC_DIR.iterdir() if p.is_file())


def test_dashboard_files_are_the_ones_the_tests_know() -> None:
    assert STATIC_FILES == ["app.js", "index.html", "map.js", "style.css", "util.js", "views.js",
                            "world-110m.json"]


@pytest.mark.parametrize("name", STATIC_FILES)
def test_dashboard_assets_load_nothing_from_elsewhere(name: str) -> None:
    text = (STATIC_DIR / name).read_text(encoding="utf-8")
    text = text.replace("http://www.w3.org/2000/svg", "")  # a namespace name, never fetched
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), "external URL in " + name
    assert "@import" not in text and "@font-face" not in text


def test_package_data_ships_every_dashboard_file() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["newsgraph"]
    package = STATIC_DIR.parents[1]
    for path in STATIC_DIR.rglob("*"):
        name = path.relative_to(package).as_posix()
        assert any(fnmatch(name, pattern) for pattern in patterns), f"{name} left out of the wheel"


@pytest.mark.parametrize("name", [n for n in STATIC_FILES if n.endswith(".js")])
def test_dashboard_script_never_parses_strings_as_markup(name: str) -> None:
    script = (STATIC_DIR / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, f"{sink} in {name}: store text must go in as textContent"


# -- in the browser ----------------------------------------------------------------------

def test_page_shows_counts_and_category_bars(visit: Visit) -> None:
    page = visit.page
    assert page.inner_text("[data-count=articles] dd") == str(len(SPECS))
    assert page.inner_text("[data-count=events] dd") == str(sum(len(s.events) for s in SPECS))
    bars = page.locator("#categories button")
    assert bars.count() == 4
    assert bars.first.get_attribute("data-category") == "SANCTION"  # most events first
    assert page.locator("#top-actors li").count() == 4
    assert_clean(visit)


def test_search_lists_matching_articles_with_marked_words(visit: Visit) -> None:
    page = visit.page
    page.fill("#q", "Kremlin")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li").evaluate_all("items => items.map(i => i.dataset.id)") == ["a2"]
    assert page.inner_text("#search-results li mark") == "Kremlin"
    page.fill("#q", "nonexistentword")
    page.press("#q", "Enter")
    page.wait_for_selector("#search-count:has-text('No article')")
    assert page.locator("#search-results li").count() == 0
    assert_clean(visit)


def test_category_filter_narrows_events_table(visit: Visit) -> None:
    page = visit.page
    assert sorted(cell_texts(visit, 2)) == ["ACCUSE", "AID", "REQUEST", "SANCTION", "SANCTION"]
    page.select_option("#f-category", "SANCTION")
    page.click("#event-filter button[type=submit]")
    page.wait_for_selector("#events-count:has-text('category SANCTION')")
    assert cell_texts(visit, 2) == ["SANCTION", "SANCTION"]
    page.click("#event-filter button[type=reset]")
    # locators, not wait_for_function: the page's CSP forbids the eval that one needs
    page.locator("#events-table tbody tr").nth(4).wait_for()
    assert page.locator("#events-table tbody tr").count() == 5
    assert_clean(visit)


def test_category_bar_lists_that_category(visit: Visit) -> None:
    visit.page.click("#categories button[data-category=AID]")
    visit.page.wait_for_selector("#events-count:has-text('category AID')")
    assert cell_texts(visit, 2) == ["AID"]
    assert visit.page.input_value("#f-category") == "AID"
    assert_clean(visit)


def test_actor_and_date_filters_narrow_events_table(visit: Visit) -> None:
    page = visit.page
    page.fill("#f-actor", "EU")
    page.click("#event-filter button[type=submit]")
    page.wait_for_selector("#events-count:has-text('actor EU')")
    assert sorted(cell_texts(visit, 2)) == ["AID", "REQUEST"]
    page.fill("#f-actor", "")
    page.fill("#f-since", "2024-05-01")
    page.fill("#f-until", "2024-05-20")
    page.click("#event-filter button[type=submit]")
    page.wait_for_selector("#events-count:has-text('since 2024-05-01')")
    assert sorted(cell_texts(visit, 2)) == ["AID", "SANCTION"]  # undated AID: its article's date
    assert_clean(visit)


def test_events_table_marks_each_trigger_in_its_sentence(visit: Visit) -> None:
    marks = visit.page.locator("#events-table tbody tr .evidence mark.trigger").all_inner_texts()
    expected = [ev.trigger for spec in SPECS for ev in spec.events]
    assert sorted(marks) == sorted(expected)
    assert_clean(visit)


def test_open_event_highlights_its_evidence_and_trigger_in_the_article(visit: Visit) -> None:
    page = visit.page
    page.locator("#events-table tbody tr[data-article=a1] a.open").click()
    page.wait_for_selector("#article:not([hidden]) #evidence")
    assert page.url.endswith("#article=a1&event=0")
    sentence = SPECS[0].events[0].sentence
    assert page.inner_text("#evidence") == sentence  # offsets past a dump prefix still line up
    assert page.inner_text("#evidence .focus-trigger") == "imposed"
    assert page.evaluate("document.activeElement.id") == "evidence"
    assert page.inner_text("#article-text") == SPECS[0].text
    assert page.inner_text("#article-h") == "Sanctions on Moscow"
    assert_clean(visit)


def test_article_view_highlights_entities_and_quotes_from_offsets(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.url + "#article=a1")
    page.wait_for_selector("#article:not([hidden]) #article-text .hl")
    assert DUMP_PREFIX  # the article starts past 0 in its source
    entities = page.locator("#article-text .hl.entity").all_inner_texts()
    assert entities == ["Washington", "Moscow", "Washington"]
    assert page.locator("#article-text .hl.quote").all_inner_texts() == ["We act now,"]
    assert page.locator("#evidence").count() == 0  # no event chosen, none singled out
    page.uncheck(".legend input[data-kind=entity]")
    assert "hide-entity" in (page.get_attribute("#article-text", "class") or "")
    assert_clean(visit)


def test_second_event_of_an_article_focuses_its_own_sentence(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.url + "#article=a3&event=1")
    page.wait_for_selector("#evidence")
    assert page.inner_text("#evidence") == "Washington imposed new sanctions on Moscow."
    assert page.locator("#article-events li").count() == 2
    page.click("#article-events li >> nth=0 >> a")
    page.locator("#evidence", has_text=re.compile(r"^Brussels")).wait_for()  # CSP: no eval
    assert page.inner_text("#evidence .focus-trigger") == "sent"
    page.click("#article-close")
    assert page.is_hidden("#article")
    assert "#" not in page.url
    assert_clean(visit)


def test_pair_view_draws_bars_intensity_line_and_the_pairs_events(visit: Visit) -> None:
    page = visit.page
    page.click("#pair-list a[data-pair='USA|RUS']")
    page.wait_for_selector("#timeline svg rect")
    assert page.url.endswith("#source=USA&target=RUS")
    bars = page.locator("#timeline svg rect").evaluate_all(
        "rects => rects.map(r => [r.dataset.period, Number(r.dataset.events)])")
    assert bars == [["2024-03", 1], ["2024-04", 1], ["2024-05", 1]]  # both directions counted
    line = page.get_attribute("#timeline svg polyline.intensity", "data-values")
    assert line == "-4 -2 -4"  # the mean intensity of each month, in order
    assert page.locator("#timeline svg circle.intensity").count() == 3
    assert page.get_attribute("#pair-list a[data-pair='USA|RUS']", "aria-current") == "true"
    events = page.locator("#pair-events li")
    assert events.evaluate_all("items => items.map(i => i.dataset.category)") == [
        "SANCTION", "ACCUSE", "SANCTION"]  # USA->RUS and RUS->USA, in date order
    assert page.inner_text("#pair-events-h") == "Events between USA and RUS (3)"
    assert page.locator("#pair-events li .evidence mark.trigger").all_inner_texts() == [
        "imposed", "accused", "imposed"]
    assert_clean(visit)


def test_pair_view_opens_from_its_address(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.url + "#source=EU&target=UKR")
    page.wait_for_selector("#pair-view[data-pair='EU|UKR'] #timeline svg rect")
    assert page.locator("#pair-events li").evaluate_all("items => items.map(i => i.dataset.category)") == [
        "AID", "REQUEST"]
    assert page.get_attribute("#timeline svg polyline.intensity", "data-values") == "5"  # (7 + 3) / 2
    assert_clean(visit)


def test_markup_in_stored_text_is_shown_as_text(visit: Visit) -> None:
    page = visit.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(visit.url + "#article=a4&event=0")
    page.wait_for_selector("#evidence")
    assert page.inner_text("#article-h") == SPECS[3].title
    assert "<script>alert(1)</script>" in page.inner_text("#evidence")
    assert page.inner_text("#evidence .focus-trigger") == "asked"
    assert page.locator("main img, main script, #article-text b").count() == 0
    assert dialogs == []
    assert_clean(visit)


def test_missing_article_is_reported_in_the_status_line(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.url + "#article=nope")
    page.wait_for_selector("#status.error")
    assert "no article with id 'nope'" in page.inner_text("#status")
    assert page.is_hidden("#article")
    assert all("404" in error for error in visit.errors)  # the browser logs the failed fetch only


def test_every_control_has_a_name_and_the_page_a_language(visit: Visit) -> None:
    page = visit.page
    page.click("#pair-list a[data-pair='USA|RUS']")
    page.wait_for_selector("#timeline svg")
    page.goto(visit.url + "#story=s-sanctions")
    page.wait_for_selector("#story-map svg circle")
    unnamed = page.evaluate("""() => [...document.querySelectorAll(
        'input, select, button, a[href], svg[role=img], svg[role=group], [role=button]')].filter(node => {
          const labelled = node.labels && node.labels.length > 0;
          const named = node.getAttribute('aria-label') || (node.textContent || '').trim();
          return !(labelled || named);
        }).map(node => node.outerHTML.slice(0, 80))""")
    assert unnamed == []
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").count() == 1
    assert_clean(visit)


def test_category_bar_works_from_the_keyboard(visit: Visit) -> None:
    page = visit.page
    page.focus("#categories button[data-category=ACCUSE]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#events-count:has-text('category ACCUSE')")
    assert cell_texts(visit, 2) == ["ACCUSE"]
    assert_clean(visit)


def test_page_fits_a_phone_screen_without_sideways_scrolling(visit: Visit) -> None:
    page = visit.page
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(visit.url + "#article=a1&event=0")
    page.wait_for_selector("#evidence")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert page.is_visible("#events-table tbody tr .evidence mark.trigger")
    assert_clean(visit)


# -- the map -----------------------------------------------------------------------------

def test_map_endpoint_counts_markers_and_country_shades(client: TestClient) -> None:
    answer = client.get("/map").json()
    assert (answer["events"], answer["placed"]) == (5, 5)
    places = {p["id"]: (p["events"], p["cooperation"], p["conflict"]) for p in answer["places"]}
    assert places == {"moscow-524901": (2, 0, 2), "kyiv-703448": (1, 1, 0),
                      "brussels-2800866": (1, 1, 0)}
    [russia] = answer["countries"]  # the event placed only in "Russia" shades the country
    assert (russia["country"], russia["events"], russia["conflict"], russia["places"]) == (
        "RUS", 1, 1, ["russia-2017370"])


@pytest.mark.parametrize(("params", "places", "total"), [
    ({"category": "SANCTION"}, {"moscow-524901"}, 2),
    ({"min_confidence": 0.5}, {"moscow-524901", "brussels-2800866"}, 4),  # the AID is 0.4
    ({"actor": "EU"}, {"kyiv-703448", "brussels-2800866"}, 2),
    ({"since": "2024-05-21"}, {"brussels-2800866"}, 1),
])
def test_map_endpoint_applies_the_event_filters(client: TestClient, params: dict[str, Any],
                                                places: set[str], total: int) -> None:
    answer = client.get("/map", params=params).json()
    assert {p["id"] for p in answer["places"]} == places
    assert answer["events"] == total


def test_events_endpoint_filters_by_place_story_and_confidence(client: TestClient) -> None:
    def ids(**params: Any) -> list[tuple[str, int]]:
        return [(e["article_id"], e["n"]) for e in client.get("/events", params=params).json()]

    assert ids(place="moscow-524901") == [("a1", 0), ("a3", 1)]
    assert ids(story="s-sanctions") == [("a1", 0), ("a3", 0), ("a3", 1)]
    assert ids(min_confidence=0.5, actor="EU") == [("a4", 0)]
    assert client.get("/events", params={"min_confidence": 2}).json()["code"] == "E422"
    assert client.get("/events").json()[0]["story"] == "s-sanctions"


def test_map_draws_country_shapes_and_a_marker_per_place(visit: Visit) -> None:
    page = visit.page
    shapes = page.locator("#map svg path.country")
    assert shapes.count() > 150  # Natural Earth's countries, Antarctica left out
    assert page.locator("#map svg path.country[data-iso=FRA]").count() == 1
    markers = page.locator("#map svg circle.marker").evaluate_all(
        "cs => cs.map(c => [c.dataset.place, Number(c.dataset.events), c.classList[1]])")
    assert sorted(markers) == [["brussels-2800866", 1, "cooperation"], ["kyiv-703448", 1, "cooperation"],
                               ["moscow-524901", 2, "conflict"]]
    assert page.get_attribute("#map svg path[data-iso=RUS]", "data-events") == "1"
    assert "shade-" in (page.get_attribute("#map svg path[data-iso=RUS]", "class") or "")
    assert page.get_attribute("#map svg path[data-iso=USA]", "data-events") is None
    radius = {m[0]: float(page.get_attribute(f"#map circle[data-place='{m[0]}']", "r") or 0) for m in markers}
    assert radius["moscow-524901"] > radius["kyiv-703448"]  # sized by count
    assert_clean(visit)


def test_each_marker_sits_inside_its_country(visit: Visit) -> None:
    inside = visit.page.evaluate("""() => [...document.querySelectorAll('#map circle.marker')].map(c => {
        const iso = {"moscow-524901": "RUS", "kyiv-703448": "UKR", "brussels-2800866": "BEL"}[c.dataset.place];
        const shape = document.querySelector(`#map path[data-iso=${iso}]`);
        const point = new DOMPoint(Number(c.getAttribute('cx')), Number(c.getAttribute('cy')));
        return [c.dataset.place, shape.isPointInFill(point)];
    })""")
    assert sorted(inside) == [["brussels-2800866", True], ["kyiv-703448", True], ["moscow-524901", True]]


def test_clicking_a_marker_lists_its_events_with_evidence(visit: Visit) -> None:
    page = visit.page
    page.click("#map circle[data-place='moscow-524901']")
    page.wait_for_selector("#map-detail:not([hidden]) #map-events li")
    assert page.inner_text("#map-detail-h") == "Events at Moscow (2)"
    assert page.locator("#map-events li .evidence").all_inner_texts() == [
        "Washington imposed sanctions on Moscow on Monday.", "Washington imposed new sanctions on Moscow."]
    assert page.locator("#map-events li mark.trigger").all_inner_texts() == ["imposed", "imposed"]
    assert "selected" in (page.get_attribute("#map circle[data-place='moscow-524901']", "class") or "")
    assert page.evaluate("document.activeElement.id") == "map-detail-h"
    assert_clean(visit)


def test_a_shaded_country_and_the_keyboard_list_events_too(visit: Visit) -> None:
    page = visit.page
    page.focus("#map path[data-iso=RUS]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#map-detail-h:has-text('placed in Russia')")
    assert page.locator("#map-events li").evaluate_all("items => items.map(i => i.dataset.category)") == ["ACCUSE"]
    page.focus("#map circle[data-place='kyiv-703448']")
    page.keyboard.press(" ")
    page.wait_for_selector("#map-detail-h:has-text('Kyiv')")
    assert page.inner_text("#map-events li .evidence") == "Brussels sent aid to Kyiv."
    assert_clean(visit)


def test_filters_apply_to_the_map(visit: Visit) -> None:
    page = visit.page
    page.select_option("#f-confidence", "0.5")
    page.select_option("#f-category", "REQUEST")
    page.click("#event-filter button[type=submit]")
    page.wait_for_selector("#map-count:has-text('category REQUEST')")
    page.locator("#map circle.marker >> nth=1").wait_for(state="detached")  # CSP: no eval
    assert page.locator("#map circle.marker").count() == 1
    assert page.get_attribute("#map circle.marker", "data-place") == "brussels-2800866"
    assert page.locator("#map path[data-events]").count() == 0
    assert cell_texts(visit, 2) == ["REQUEST"]
    page.click("#map circle.marker")
    page.wait_for_selector("#map-events li")
    assert page.locator("#map-events li").count() == 1
    assert_clean(visit)


def test_places_list_offers_the_map_without_a_pointer(visit: Visit) -> None:
    page = visit.page
    names = page.locator("#map-places button").all_inner_texts()
    assert names[0] == "Moscow" and set(names) == {"Moscow", "Kyiv", "Brussels", "Russia"}
    page.click("#map-places button[data-place=RUS]")
    page.wait_for_selector("#map-detail-h:has-text('Russia')")
    assert_clean(visit)


def view_box(visit: Visit) -> list[float]:
    return [float(v) for v in (visit.page.get_attribute("#map svg", "viewBox") or "").split()]


def test_zoom_closes_in_on_the_chosen_place_and_fit_goes_back(visit: Visit) -> None:
    page = visit.page
    fit = view_box(visit)
    radius = float(page.get_attribute("#map circle[data-place='kyiv-703448']", "r") or 0)
    page.click("#map circle[data-place='kyiv-703448']")
    page.wait_for_selector("#map-events li")
    page.click("#map-zoom-in")  # the map is drawn again before the click returns
    x, y, width, height = view_box(visit)
    assert width == pytest.approx(fit[2] / 2, abs=0.2)
    kyiv = page.locator("#map circle[data-place='kyiv-703448']")
    cx, cy = float(kyiv.get_attribute("cx") or 0), float(kyiv.get_attribute("cy") or 0)
    assert x <= cx <= x + width and y <= cy <= y + height  # the chosen place stays in view
    assert "selected" in (kyiv.get_attribute("class") or "")
    assert float(kyiv.get_attribute("r") or 0) == pytest.approx(radius / 2, rel=0.05)  # same on screen
    page.click("#map-fit")
    assert view_box(visit) == fit
    for _ in range(4):
        page.click("#map-zoom-out")
    assert view_box(visit)[2] == 1000  # never wider than the world
    assert_clean(visit)


# -- the story view -----------------------------------------------------------------------

def test_story_endpoint_gathers_articles_events_places_and_actors(client: TestClient) -> None:
    story = client.get("/stories/s-sanctions").json()
    assert [a["id"] for a in story["articles"]] == ["a1", "a3"]  # in time order
    assert [a["events"] for a in story["articles"]] == [1, 2]
    assert [(e["article_id"], e["category"]) for e in story["events"]] == [
        ("a1", "SANCTION"), ("a3", "AID"), ("a3", "SANCTION")]
    places = {p["id"]: (p["events"], p["mentions"]) for p in story["places"]}
    assert places == {"moscow-524901": (2, 2), "kyiv-703448": (1, 1), "washington-4140963": (0, 2)}
    assert [(a["id"], a["mentions"]) for a in story["actors"]] == [
        ("USA", 3), ("RUS", 2), ("EU", 1), ("UKR", 1)]
    assert client.get("/stories/none").status_code == 404


def test_story_view_opens_from_an_event_and_shows_its_parts(visit: Visit) -> None:
    page = visit.page
    page.locator("#events-table tbody tr[data-article=a3] a.story-link").first.click()
    page.wait_for_selector("#story:not([hidden]) #story-map svg circle")
    assert page.url.endswith("#story=s-sanctions")
    assert page.inner_text("#story-h") == "Story: Sanctions on Moscow"
    assert page.locator("#story-articles li").evaluate_all("items => items.map(i => i.dataset.id)") == ["a1", "a3"]
    assert page.locator("#story-events li .evidence").all_inner_texts() == [
        "Washington imposed sanctions on Moscow on Monday.", "Brussels sent aid to Kyiv.",
        "Washington imposed new sanctions on Moscow."]
    assert sorted(page.locator("#story-map circle").evaluate_all("cs => cs.map(c => [c.dataset.place, c.classList[1]])")) == [
        ["kyiv-703448", "cooperation"], ["moscow-524901", "conflict"],
        ["washington-4140963", "mentioned"]]  # named twice, no event placed there
    assert page.locator("#story-actors li").count() == 4
    assert page.evaluate("document.activeElement.id") == "story-h"
    page.click("#story-map circle[data-place='kyiv-703448']")
    page.wait_for_selector("#story-place:not([hidden]) li")
    assert page.inner_text("#story-place-events li .evidence") == "Brussels sent aid to Kyiv."
    page.click("#story-map circle[data-place='washington-4140963']")
    page.wait_for_selector("#story-place-h:has-text('Washington (0)')")
    assert page.inner_text("#story-place-events") == "Washington is named, but no event is placed there."
    page.click("#story-close")
    assert page.is_hidden("#story")
    assert_clean(visit)


def test_story_view_opens_from_search_and_from_the_article(visit: Visit) -> None:
    page = visit.page
    page.fill("#q", "aid")
    page.press("#q", "Enter")
    page.wait_for_selector("#search-results li[data-id=a3] a.story-link")
    page.click("#search-results li[data-id=a3] a.story-link")
    page.wait_for_selector("#story[data-story=s-sanctions]:not([hidden])")
    page.goto(visit.url + "#article=a2")
    page.wait_for_selector("#article-story a")
    page.click("#article-story a")
    page.wait_for_selector("#story[data-story=a2]")
    assert page.inner_text("#story-h") == "Story: Accusation"
    assert page.get_attribute("#story-map path[data-iso=RUS]", "data-events") == "1"
    assert_clean(visit)


def test_actor_in_a_story_lists_that_actors_events(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.url + "#story=s-sanctions")
    page.wait_for_selector("#story-actors button")
    page.click("#story-actors button[aria-label='List events of European Union']")
    page.wait_for_selector("#events-count:has-text('actor EU')")
    assert sorted(cell_texts(visit, 2)) == ["AID", "REQUEST"]
    assert_clean(visit)
