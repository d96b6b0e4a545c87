"""The REST API over a newsgraph store: read-only queries plus analyze and ingest.

Each worker thread opens its own store connection (sqlite3 connections may not
cross threads), and every endpoint is a plain ``def`` so it runs whole in one
worker thread. Analysis is serialised by a lock: one spaCy pipeline per process.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request

from .. import __version__
from ..core import analyze_sources
from ..ingest import read_text
from ..model import Article
from ..settings import Settings
from ..store import EventQuery, Store, is_dsn, open_store
from .dashboard import add_dashboard_routes
from .errors import install_error_handlers
from .security import MAX_BODY, install_guard, token_from_env
from .models import (ActorIdValue, ArticleOut, Category, ErrorOut, EventHit, Health, IngestIn, IngestResult,
                     IsoDate, Pair, SearchHit, SearchWords, Summary, TextIn, TimelinePoint)

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
PERIODS = {"year": 4, "month": 7, "day": 10}
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "Invalid parameters"},
    500: {"model": ErrorOut, "description": "Server or store error"},
}


class StoreProvider:
    """Hands each worker thread its own connection to one store, opened on first use.

    ``path`` is a SQLite file or a postgresql:// DSN (see :func:`newsgraph.store.open_store`).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._local = threading.local()
        open_store(path).close()  # create or migrate now: a bad store fails at startup

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path)
            self._local.store = store
        return store


class Analyzer:
    """Runs the analysis path on posted text, one request at a time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()

    def run(self, text: str, *, uri: str, published: str | None) -> list[Article]:
        """The analyzed articles of ``text``, spaCy docs dropped; ``text`` is never a path."""
        with self._lock, _memory_zone(self.settings):
            sources = list(read_text(text, uri=uri, settings=self.settings))
            for source in sources:
                source.published = source.published or published
            articles = list(analyze_sources(sources, settings=self.settings))
            for article in articles:
                article.doc = None
        return articles


@contextlib.contextmanager
def _memory_zone(settings: Settings) -> Iterator[None]:
    """spaCy's memory zone, so a long-running server does not grow its string store."""
    from ..nlp import load_model

    with load_model(settings.model).memory_zone():
        yield


def _store(request: Request) -> Store:
    provider: StoreProvider = request.app.state.stores
    return provider.get()


def _analyzer(request: Request) -> Analyzer:
    analyzer: Analyzer = request.app.state.analyzer
    return analyzer


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
ActorId = Annotated[ActorIdValue | None, Query(min_length=1, max_length=200)]
Mentions = Annotated[bool, Query(description="count (or list) every event mention, not each happening once")]


def create_app(db_path: Path | str, *, settings: Settings | None = None, token: str | None = None,
               allowed_hosts: Iterable[str] | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The FastAPI application over the store at ``db_path`` (created if missing).

    ``token`` (default: ``NEWSGRAPH_TOKEN``) guards the write endpoints, ``allowed_hosts``
    (default: any) the Host header, ``max_body`` the request size; see :mod:`.security`.

    Raises:
        StoreError: the file is not a newsgraph store or has another schema version.

    Example::

        >>> from fastapi.testclient import TestClient
        >>> client = TestClient(create_app(Path("news.sqlite")))
        >>> client.get("/summary").json()["articles"]
    """
    app = FastAPI(title="newsgraph", version=__version__, responses=ERRORS,
                  description="Event data with evidence spans from news text. "
                              "Every error is {\"ok\": false, \"error\": ..., \"code\": ...}.")
    app.state.stores = StoreProvider(db_path if is_dsn(db_path) else Path(db_path))
    app.state.analyzer = Analyzer(settings or Settings())
    install_error_handlers(app)
    install_guard(app, token=token or token_from_env(), allowed_hosts=allowed_hosts,
                  max_body=max_body)
    _add_read_routes(app)
    _add_write_routes(app)
    add_dashboard_routes(app, store=_store, event_hit=_event_hit)  # /map, /stories/{id}
    from ..web import mount_dashboard

    mount_dashboard(app)  # the dashboard at "/", last so API routes win
    return app


def _add_read_routes(app: FastAPI) -> None:
    @app.get("/health", response_model=Health, tags=["meta"])
    def health(request: Request) -> dict[str, Any]:
        """The server is up and its store answers."""
        articles = _store(request).summary()["articles"]
        return {"ok": True, "version": __version__, "articles": articles}

    @app.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"],
             responses={404: {"model": ErrorOut, "description": "No such article"}})
    def get_article(request: Request,
                    article_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One stored article as CONTRACT.md JSON."""
        doc = _store(request).article(article_id)
        if doc is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return doc

    @app.get("/search", response_model=list[SearchHit], tags=["articles"])
    def search(request: Request, q: Annotated[SearchWords, Query(min_length=1, max_length=500)],
               limit: Limit = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (FTS5 syntax; plain words are ANDed)."""
        return _store(request).search(q, limit=limit)

    @app.get("/events", response_model=list[EventHit], tags=["events"])
    def events(request: Request, actor: ActorId = None, source: ActorId = None,
               target: ActorId = None, category: Annotated[Category | None, Query()] = None,
               since: Annotated[IsoDate | None, Query()] = None,
               until: Annotated[IsoDate | None, Query()] = None,
               place: ActorId = None, story: ActorId = None,
               min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
               limit: Limit = 50, mentions: Mentions = False) -> list[dict[str, Any]]:
        """Events by actor (either side), source, target, PLOVER category, date range, place
        id, story id and least confidence: one per happening (its first mention, with how many
        mentions match), or every event with ``mentions=true``."""
        query = EventQuery(actor=actor, source=source, target=target, category=category,
                           since=since, until=until, place=place, story=story,
                           min_confidence=min_confidence, limit=limit, mentions=mentions)
        return [_event_hit(row) for row in _store(request).events(query)]

    @app.get("/pairs", response_model=list[Pair], tags=["events"])
    def pairs(request: Request, limit: Limit = 10, mentions: Mentions = False) -> list[dict[str, Any]]:
        """The (source, target) actor pairs with the most happenings (or, with ``mentions=true``,
        event mentions) and their mean intensity."""
        return _store(request).pairs(limit=limit, mentions=mentions)

    @app.get("/pairs/{source}/{target}/timeline", response_model=list[TimelinePoint],
             tags=["events"])
    def timeline(request: Request, source: Annotated[str, PathParam(max_length=200)],
                 target: Annotated[str, PathParam(max_length=200)],
                 period: Literal["year", "month", "day"] = "month",
                 mentions: Mentions = False) -> list[dict[str, Any]]:
        """Happenings (or, with ``mentions=true``, event mentions) between two actors, either
        direction, counted per period."""
        return _store(request).timeline(source, target, period=PERIODS[period], mentions=mentions)

    @app.get("/summary", response_model=Summary, tags=["meta"])
    def summary(request: Request, mentions: Mentions = False) -> dict[str, Any]:
        """Counts, happenings (or, with ``mentions=true``, event mentions) per category, the most
        mentioned actors and the top pairs."""
        return _store(request).summary(mentions=mentions)


def _event_hit(row: dict[str, Any]) -> dict[str, Any]:
    hit = dict(row)
    hit["when"] = hit.pop("when_", None)
    ts, te = hit.pop("trigger_start", None), hit.pop("trigger_end", None)
    hit["trigger"] = {"start": ts, "end": te} if ts is not None and te is not None else None
    return hit


def _add_write_routes(app: FastAPI) -> None:
    @app.post("/analyze", response_model=list[ArticleOut], tags=["analysis"],
              responses={400: {"model": ErrorOut, "description": "Unreadable input"},
                         503: {"model": ErrorOut, "description": "Model not installed"}})
    def analyze(request: Request, body: TextIn) -> list[dict[str, Any]]:
        """Analyze posted text and return its articles (nothing is stored)."""
        articles = _analyzer(request).run(body.text, uri="text:", published=body.published)
        return [a.to_dict() for a in articles]

    @app.post("/ingest", response_model=IngestResult, tags=["analysis"],
              responses={400: {"model": ErrorOut, "description": "Unreadable input"},
                         503: {"model": ErrorOut, "description": "Store locked or model missing"}})
    def ingest(request: Request, body: IngestIn) -> dict[str, Any]:
        """Analyze posted text and store its articles; posting the same text again adds nothing."""
        articles = _analyzer(request).run(body.text, uri=body.uri or "text:",
                                               published=body.published)
        result = _store(request).load(articles)
        return {"ok": True, "ids": [a.id for a in articles], "added": result.added,
                "skipped": result.skipped}
