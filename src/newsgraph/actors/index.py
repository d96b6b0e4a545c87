"""The per-article actor index: what ``resolve_actors`` found, for ``resolve_mention``.

``resolve_actors`` builds it and sets ``article.actor_index`` (a working field, never
serialised, dropped when the article leaves the pipeline). Later stages that name
actors (quotes, events) read it through :func:`index_of`; ``resolve_mention`` adds the
group actors it derives to ``entries`` and notes each span it counted in ``counted``,
which is why those stages declare ``actor_index`` (and ``actors``) among their assigns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import PipelineError
from ..model import Article
from .gazetteer import ActorEntry


@dataclass(slots=True)
class Mention:
    start: int  # source offsets
    end: int
    actor: str
    kind: str
    country: str | None = None
    titles: tuple[str, ...] = ()  # title words said of a person ("foreign", "minister")


@dataclass(slots=True)
class ActorIndex:
    article: Article
    mentions: list[Mention]  # sorted by start
    main_state: str | None
    entries: dict[str, ActorEntry]
    dominant_state: str | None = None  # main state when it clearly leads the mentions
    counted: set[tuple[int, int]] = field(default_factory=set)  # spans already counted


def index_of(article: Article, what: str) -> ActorIndex:
    """``article.actor_index``; raises :class:`PipelineError` (E303) when ``resolve_actors``
    has not run on this article (a stage-order error, never silently rebuilt)."""
    index = article.actor_index
    if not isinstance(index, ActorIndex) or index.article is not article:
        raise PipelineError.make("E303", what=what, field="actor_index", stage="resolve_actors")
    return index
