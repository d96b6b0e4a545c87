"""The narrow storage interface: what the pipeline and the queries need from a backend."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Article


@dataclass(slots=True)
class LoadResult:
    added: int = 0
    skipped: int = 0  # already stored (same stable id)


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    category: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 50


def load_in_batches(articles: Iterable[Article],
                    write: Callable[[list[Article], LoadResult], None], *,
                    batch_size: int) -> LoadResult:
    """Hand ``write`` batches of ``batch_size`` articles (each one transaction); sum the counts."""
    result = LoadResult()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            write(batch, result)
            batch = []
    if batch:
        write(batch, result)
    return result


class Store(Protocol):
    """A backend stores analyzed articles and answers read-only queries."""

    def load(self, articles: Iterable[Article], *, batch_size: int = 100) -> LoadResult: ...
    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]: ...
    def events(self, query: EventQuery) -> list[dict[str, Any]]: ...
    def summary(self) -> dict[str, Any]: ...
    def article(self, article_id: str) -> dict[str, Any] | None: ...
    def close(self) -> None: ...
