"""The narrow storage interface: what the pipeline and the queries need from a backend."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Article

Row = dict[str, Any]


@dataclass(slots=True)
class LoadResult:
    added: int = 0
    skipped: int = 0  # already stored (same stable id)
    replaced: int = 0  # stored by an earlier load from the same source, not brought again: deleted


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    category: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None  # a place id: events placed there
    story: str | None = None  # a story id: events of its articles
    min_confidence: float | None = None
    limit: int = 50
    mentions: bool = False  # every event (mention), not one row per happening


class Store(Protocol):
    """A backend stores analyzed articles and answers read-only queries.

    :class:`~newsgraph.store.sqlite.SQLiteStore` and
    :class:`~newsgraph.store.postgres.PostgresStore` both implement it through
    :class:`~newsgraph.store.core.SQLStore`, and return the same rows for the same calls.
    """

    @property
    def path(self) -> Any:
        """What messages name: the file, or the DSN with its password hidden."""

    def load(self, articles: Iterable[Article], *, batch_size: int = 100,
             max_seconds: float = 10.0) -> LoadResult:
        """Store articles, one transaction per batch (``batch_size`` articles or ``max_seconds``
        since its first); already-stored ids are skipped, re-read sources replaced."""

    def search(self, query: str, *, limit: int = 20) -> list[Row]:
        """Full-text hits (id, title, published, uri, snippet); FTS5-style query syntax."""

    def events(self, query: EventQuery) -> list[Row]:
        """Event rows (the events table, ``when_``, ``title``, ``uri``, ``story``, ``mentions``)
        matching ``query``: one per happening, or every event with ``query.mentions``."""

    def events_by_place(self, query: EventQuery) -> list[Row]:
        """(place, category, events, name, country, lat, lon) for the events matching ``query``;
        place None (and no name) for events without a place."""

    def story_articles(self, story: str, *, limit: int = 200) -> list[Row]:
        """(id, title, published, uri, duplicate_of, n_events) of a story, in time order."""

    def pairs(self, *, limit: int = 10, mentions: bool = False) -> list[Row]:
        """(source, target, events, happenings, mentions, mean_intensity), most frequent first;
        ``events`` counts happenings, or every mention with ``mentions``."""

    def timeline(self, source: str, target: str, *, period: int = 7,
                 mentions: bool = False) -> list[Row]:
        """(period, events, happenings, mentions, mean_intensity) between two actors, either
        direction; ``events`` counts happenings, or every mention with ``mentions``."""

    def summary(self, *, mentions: bool = False) -> dict[str, Any]:
        """Counts (with ``happenings``), happenings (or mentions) per category, top actors and
        top pairs."""

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article as CONTRACT.md JSON, or None."""

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every article as CONTRACT.md JSON, undated first, then by date and id."""

    def integrity(self) -> list[str]:
        """Problems found, [] when the store is sound."""

    def close(self) -> None:
        """Close the connection."""
