"""The per-article actor index: what ``resolve_actors`` found, for ``resolve_mention``.

``resolve_actors`` builds it and sets ``article.actor_index`` (a working field, never
serialised, dropped when the article leaves the pipeline). Later stages that name
actors (quotes, events) read it through :func:`index_of`; ``resolve_mention`` adds the
group actors it derives to ``entries`` and notes each span it counted in ``counted``,
which is why those stages declare ``actor_index`` (and ``actors``) among their assigns.

Every lookup ``resolve_mention`` makes per span (the mention at an offset, the last person
with a title word, the latest earlier mention of a kind, the entities inside a span) is
answered from tables built once here, by binary search, so resolving one span costs the
same in a long article as in a short one (issue 9: no stage worse than linear).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import PipelineError
from ..model import Article, Entity
from ..spans import SpanIndex
from .gazetteer import ActorEntry


@dataclass(slots=True)
class Mention:
    start: int  # source offsets
    end: int
    actor: str
    kind: str
    country: str | None = None
    titles: tuple[str, ...] = ()  # title words said of a person ("foreign", "minister")


ANY = "*"  # the title table of every country


class _Sorted:
    """Mentions sorted by start: the latest one starting before an offset, walking back."""

    __slots__ = ("mentions", "starts")

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def before(self, pos: int) -> Iterator[Mention]:
        """Mentions that start before ``pos``, nearest first."""
        for k in range(bisect_left(self.starts, pos) - 1, -1, -1):
            yield self.mentions[k]

    def last_before(self, pos: int) -> Mention | None:
        return next(self.before(pos), None)


@dataclass(slots=True)
class ActorIndex:
    article: Article
    mentions: list[Mention]  # sorted by start
    main_state: str | None
    entries: dict[str, ActorEntry]
    dominant_state: str | None = None  # main state when it clearly leads the mentions
    counted: set[tuple[int, int]] = field(default_factory=set)  # spans already counted
    # tables built from the fields above (see the module docstring)
    spans: SpanIndex[Mention] = field(init=False)
    entity_spans: SpanIndex[Entity] = field(init=False)
    countries: Counter[str] = field(init=False)  # mentions per country, persons left out
    _kinds: dict[frozenset[str], _Sorted] = field(init=False)
    _titled: dict[tuple[str, str | None], _Sorted] = field(init=False)
    _groups: dict[str, _Sorted] = field(init=False)  # role -> group mentions
    _surnames: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.spans = SpanIndex((m.start, m.end, m) for m in self.mentions)
        self.entity_spans = SpanIndex((e.start, e.end, e) for e in self.article.entities)
        self.countries = Counter(m.country for m in self.mentions
                                 if m.country and m.kind != "person")
        self._kinds = {}
        titled: dict[tuple[str, str | None], list[Mention]] = {}
        for m in self.mentions:
            if m.kind == "person":
                for word in dict.fromkeys(m.titles):
                    titled.setdefault((word, m.country), []).append(m)
                    titled.setdefault((word, ANY), []).append(m)
        self._titled = {key: _Sorted(found) for key, found in titled.items()}
        groups: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.kind == "group" and "-" in m.actor:
                groups.setdefault(m.actor.rsplit("-", 1)[1], []).append(m)
        self._groups = {role: _Sorted(found) for role, found in groups.items()}
        self._surnames = {}
        for actor in self.article.actors:
            if actor.kind == "person" and actor.name.split():
                self._surnames.setdefault(actor.name.lower().split()[-1], actor.id)

    def at(self, pos: int) -> Mention | None:
        """The first mention holding source offset ``pos``."""
        found = self.spans.containing(pos)
        return found[0] if found else None

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``[start, end)``, by start."""
        return self.spans.overlapping(start, end)

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Entities of the article that lie inside ``[start, end)``, by start."""
        return [e for e in self.entity_spans.starting_in(start, end) if e.end <= end]

    def entities_at(self, pos: int) -> list[Entity]:
        """Entities of the article holding source offset ``pos``."""
        return self.entity_spans.containing(pos)

    def earlier(self, pos: int, kinds: frozenset[str]) -> Iterator[Mention]:
        """Mentions of one of ``kinds`` ending at or before ``pos``, nearest first."""
        table = self._kinds.get(kinds)
        if table is None:
            table = self._kinds[kinds] = _Sorted([m for m in self.mentions if m.kind in kinds])
        return (m for m in table.before(pos) if m.end <= pos)

    def last_titled(self, word: str, pos: int, country: str | None) -> Mention | None:
        """The last person mention before ``pos`` said to hold title ``word``, of
        ``country`` or of no known country (any country when ``country`` is None)."""
        if country is None:
            tables = [t for t in (self._titled.get((word, ANY)),) if t is not None]
        else:
            tables = [t for t in (self._titled.get((word, country)),
                                  self._titled.get((word, None))) if t is not None]
        found = [m for m in (t.last_before(pos) for t in tables) if m is not None]
        return max(found, key=lambda m: m.start) if found else None

    def last_group(self, role: str, pos: int) -> Mention | None:
        """The last mention before ``pos`` of a state's sector ``role`` ("the Syrian army")."""
        table = self._groups.get(role)
        return table.last_before(pos) if table is not None else None

    def surname(self, word: str) -> str | None:
        """The first person actor whose name ends with ``word`` (lower case)."""
        return self._surnames.get(word)


def index_of(article: Article, what: str) -> ActorIndex:
    """``article.actor_index``; raises :class:`PipelineError` (E303) when ``resolve_actors``
    has not run on this article (a stage-order error, never silently rebuilt)."""
    index = article.actor_index
    if not isinstance(index, ActorIndex) or index.article is not article:
        raise PipelineError.make("E303", what=what, field="actor_index", stage="resolve_actors")
    return index
