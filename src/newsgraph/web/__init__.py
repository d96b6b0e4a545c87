"""The web dashboard: static HTML, JavaScript and CSS served beside the REST API.

No build step and nothing fetched from elsewhere: ``static/`` holds hand-written
``index.html``, ``style.css`` and JavaScript modules (``app.js`` the page, ``util.js`` helpers,
``map.js`` the world map, ``views.js`` the article and story views), plus ``world-110m.json``,
the country shapes (built by ``tools/build_world_map.py`` from Natural Earth via the npm
package world-atlas). They call the API's own endpoints (/summary, /search, /events, /map,
/pairs, /pairs/{source}/{target}/timeline, /articles/{id}, /stories/{id}) with URLs relative
to the page.

>>> from newsgraph.api import create_app
>>> app = create_app(Path("news.sqlite"))
>>> mount_dashboard(app)        # GET / -> the dashboard, GET /ui/app.js -> its script
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"
ASSETS_PATH = "/ui"

__all__ = ["ASSETS_PATH", "STATIC_DIR", "mount_dashboard"]


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page at ``/`` and its script and style under ``/ui``.

    Args:
        app: the API application (from ``create_app``); its routes keep precedence.

    Example::

        >>> app = create_app(Path("news.sqlite")); mount_dashboard(app)
        >>> TestClient(app).get("/").headers["content-type"]
        'text/html; charset=utf-8'
    """
    index = STATIC_DIR / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    app.mount(ASSETS_PATH, StaticFiles(directory=STATIC_DIR), name="dashboard-assets")
