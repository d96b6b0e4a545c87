"""Per-article actor mentions kept for ``resolve_mention`` (a small identity cache)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from ..model import Article
from .gazetteer import ActorEntry

CACHE_SIZE = 8


@dataclass(slots=True)
class Mention:
    start: int  # source offsets
    end: int
    actor: str
    kind: str
    country: str | None = None
    titles: tuple[str, ...] = ()  # title words said of a person ("foreign", "minister")


@dataclass(slots=True)
class ArticleIndex:
    article: Article
    mentions: list[Mention]  # sorted by start
    main_state: str | None
    entries: dict[str, ActorEntry]
    dominant_state: str | None = None  # main state when it clearly leads the mentions
    counted: set[tuple[int, int]] = field(default_factory=set)  # spans already counted


_CACHE: OrderedDict[int, ArticleIndex] = OrderedDict()


def remember(index: ArticleIndex) -> None:
    key = id(index.article)
    _CACHE[key] = index
    _CACHE.move_to_end(key)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)


def recall(article: Article) -> ArticleIndex | None:
    index = _CACHE.get(id(article))
    if index is None or index.article is not article:
        return None
    return index
