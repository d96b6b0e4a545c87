"""Helpers for the dashboard's browser tests: finding Chromium, opening the dashboard.

The browser tests drive Debian's /usr/bin/chromium through Playwright's Python API (install it
with ``scripts/browser.sh``; ``playwright install`` is never used) over uvicorn on a free
localhost port. Without a browser they skip, unless NEWSGRAPH_REQUIRE_BROWSER=1 (set in CI),
where they fail instead.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REQUIRE_BROWSER = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"


def dashboard_app(db: Path) -> Any:
    from newsgraph.api import create_app

    return create_app(db)


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install 'playwright>=1.40,<2')"
    if not CHROMIUM.exists() and not shutil.which(str(CHROMIUM)):
        return f"{CHROMIUM} is missing (run scripts/browser.sh as root)"
    return None


@dataclass(slots=True)
class Visit:
    """A page on the dashboard plus every console error and outside request it caused."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def open_dashboard(browser: Any, url: str, *, width: int = 1280, height: int = 900) -> tuple[Any, Visit]:
    """A new browser context on the dashboard at ``url``, loaded (counts, table and map drawn)."""
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(10000)
    seen = Visit(page, url)
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.errors.append(f"uncaught: {exc}"))

    def only_local(route: Any) -> None:
        if route.request.url.startswith(url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(url)
    page.wait_for_selector("#counts[data-state=ready]")
    page.wait_for_selector("#events-table[data-state=ready]")
    page.wait_for_selector("#map[data-state=ready] svg")
    return context, seen


def assert_clean(visit: Visit) -> None:
    assert visit.errors == [], f"console errors: {visit.errors}"
    assert visit.outside == [], f"requests outside the server: {visit.outside}"
