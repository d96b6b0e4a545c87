"""The dashboard: served beside the API, self-contained, and working in a real browser.

The browser tests drive Debian's /usr/bin/chromium through Playwright's Python API (install it
with ``scripts/browser.sh``; ``playwright install`` is never used) over uvicorn on a free
localhost port, with a store filled with hand-built articles. Without a browser they skip,
unless NEWSGRAPH_REQUIRE_BROWSER=1 (set in CI), where they fail instead.
"""

from __future__ import annotations

import os
import re
import tomllib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Actor, Article, Entity, Event, Quote, Source, Span
from newsgraph.store import open_store
from newsgraph.web import STATIC_DIR

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REQUIRE_BROWSER = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"

ACTORS = {
    "USA": Actor("USA", "United States", "state", "USA", "GOV", "Q30", 0),
    "RUS": Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 0),
    "UKR": Actor("UKR", "Ukraine", "state", "UKR", "GOV", "Q212", 0),
    "EU": Actor("EU", "European Union", "organization", None, "IGO", "Q458", 0),
}
NAMES = {"Washington": "USA", "Moscow": "RUS", "Kremlin": "RUS", "Kyiv": "UKR", "Brussels": "EU"}

# the first article sits after a preamble in a shared dump, so its offsets start past 0
DUMP_PREFIX = "Wire digest, 4 March 2024.\n\n"


@dataclass(slots=True)
class EventSpec:
    category: str
    source: str | None
    target: str | None
    sentence: str
    trigger: str
    date: str | None = None
    intensity: float = -4.0


@dataclass(slots=True)
class ArticleSpec:
    ident: str
    text: str
    title: str
    published: str | None
    events: list[EventSpec]
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (quoted words, speaker id)
    prefix: str = ""


SPECS = [
    ArticleSpec("a1", "Washington imposed sanctions on Moscow on Monday. "
                      "\"We act now,\" a Washington official said.",
                "Sanctions on Moscow", "2024-03-04",
                [EventSpec("SANCTION", "USA", "RUS", "Washington imposed sanctions on Moscow on Monday.",
                           "imposed", "2024-03-04")],
                quotes=[("We act now,", "USA")], prefix=DUMP_PREFIX),
    ArticleSpec("a2", "Moscow accused Washington of lying, Kremlin officials said in April.",
                "Accusation", "2024-04-02",
                [EventSpec("ACCUSE", "RUS", "USA", "Moscow accused Washington of lying, Kremlin officials "
                           "said in April.", "accused", "2024-04", -2.0)]),
    ArticleSpec("a3", "Brussels sent aid to Kyiv. Washington imposed new sanctions on Moscow.",
                "Aid and more sanctions", "2024-05-20",
                [EventSpec("AID", "EU", "UKR", "Brussels sent aid to Kyiv.", "sent", None, 7.0),
                 EventSpec("SANCTION", "USA", "RUS", "Washington imposed new sanctions on Moscow.",
                           "imposed")]),
    ArticleSpec("a4", "Kyiv <b>asked</b> Brussels for help & <script>alert(1)</script> more.",
                "<img src=x onerror=alert(1)> markup stays text", "2024-05-21",
                [EventSpec("REQUEST", "UKR", "EU", "Kyiv <b>asked</b> Brussels for help & "
                           "<script>alert(1)</script> more.", "asked", "2024-05-21", 3.0)]),
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
                      published=spec.published, language="en")
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
                                    date=ev.date, intensity=ev.intensity, confidence=0.9))
    for words, speaker in spec.quotes:
        start = at(words)
        article.quotes.append(Quote(words, start, start + len(words), speaker, None, None, "said"))
    return article


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "news.sqlite"
    store = open_store(path)
    store.load([build_article(spec) for spec in SPECS])
    store.close()
    return path


def dashboard_app(db: Path) -> Any:
    from newsgraph.api import create_app
    from newsgraph.web import mount_dashboard

    app = create_app(db)
    if not any(getattr(route, "path", None) == "/" for route in app.routes):
        mount_dashboard(app)  # the lead may already mount it in create_app
    return app


@pytest.fixture(scope="session")
def server_url(dashboard_db: Path) -> Iterator[str]:
    """The API and dashboard served by uvicorn on a free localhost port, in a thread."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(dashboard_app(dashboard_db), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install 'playwright>=1.40,<2')"
    if not CHROMIUM.exists() and not shutil.which(str(CHROMIUM)):
        return f"{CHROMIUM} is missing (run scripts/browser.sh as root)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = browser_missing()
    if reason:
        if REQUIRE_BROWSER:
            pytest.fail(f"NEWSGRAPH_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass(slots=True)
class Visit:
    """A page on the dashboard plus every console error and outside request it caused."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser: Any, server_url: str) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(5000)
    seen = Visit(page, server_url)
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.errors.append(f"uncaught: {exc}"))

    def only_local(route: Any) -> None:
        if route.request.url.startswith(server_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server_url)
    page.wait_for_selector("#counts[data-state=ready]")
    page.wait_for_selector("#events-table[data-state=ready]")
    yield seen
    context.close()


# -- helpers ---------------------------------------------------------------------------

@pytest.fixture
def client(dashboard_db: Path) -> Any:
    with TestClient(dashboard_app(dashboard_db), raise_server_exceptions=False) as test_client:
        yield test_client


def assert_clean(visit: Visit) -> None:
    assert visit.errors == [], f"console errors: {visit.errors}"
    assert visit.outside == [], f"requests outside the server: {visit.outside}"


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


@pytest.mark.parametrize("name", ["index.html", "app.js", "style.css"])
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


def test_dashboard_script_never_parses_strings_as_markup() -> None:
    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, f"{sink} in app.js: store text must go in as textContent"


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
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 5")
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
    page.wait_for_function("document.querySelector('#evidence').textContent.startsWith('Brussels')")
    assert page.inner_text("#evidence .focus-trigger") == "sent"
    page.click("#article-close")
    assert page.is_hidden("#article")
    assert "#" not in page.url
    assert_clean(visit)


def test_pair_timeline_draws_a_bar_per_month(visit: Visit) -> None:
    page = visit.page
    page.click("#pair-list button[data-pair='USA|RUS']")
    page.wait_for_selector("#timeline svg rect")
    bars = page.locator("#timeline svg rect").evaluate_all(
        "rects => rects.map(r => [r.dataset.period, Number(r.dataset.events)])")
    assert bars == [["2024-03", 1], ["2024-04", 1], ["2024-05", 1]]  # both directions counted
    assert page.get_attribute("#pair-list button[data-pair='USA|RUS']", "aria-pressed") == "true"
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
    page.click("#pair-list button[data-pair='USA|RUS']")
    page.wait_for_selector("#timeline svg")
    unnamed = page.evaluate("""() => [...document.querySelectorAll(
        'input, select, button, a[href], svg[role=img]')].filter(node => {
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
