"""Link events that tell the same happening: one happening, several mentions.

News tells one happening many times: a caption and the body, the lede and a later
paragraph, a repeated (edited) paragraph, and the several articles of one story. Each event
gets ``event.happening``, the id of the happening it mentions (``"<article id>-<n>"`` of its
first mention), so counts can be of happenings, not of mentions.

An event joins an earlier happening of the same category and polarity (negated or not;
planned or hypothetical against asserted, reported or historical) whose actors, dates and
places do not conflict with its own, when one of these holds, the strongest first:

1. the same words: another event of the same category on the same trigger whose actors fit
   ("Iran and Saudi Arabia agreed": one happening with both as participants; "sanctions on
   Russia and Iran" stays two, one per target, as pairs count them);
2. a repeated paragraph: the event's paragraph is a near-duplicate of an earlier one
   (``duplicate_of``) that holds such an event (places are not compared: an edit such as
   "a China-brokered deal" moves the geocoded place, not the happening);
3. the same article, and they share an actor;
4. the same story, they share an actor, and they share a date the text gives (not the
   publication date) or a place.

Actors are compared loosely: "IRN" matches "IRN-MIL" and an Iranian person, but
"IRN-CVL" and "IRN-MIL" differ. Dates conflict when neither is a prefix of the other
("2023-03" fits "2023-03-10"); places when they differ and are in different countries, or
are two different cities. For AGREE, CONSULT and COOPERATE the sides are not ordered
("Iran met Saudi Arabia" = "Saudi Arabia met Iran"). Memory grows with the number of
happenings of the run (a few hundred bytes each).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Event

RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_UNSURE = frozenset({"planned", "hypothetical"})


@dataclass(slots=True)
class Happening:
    """The merged profile of a happening's mentions so far."""

    id: str
    category: str
    negated: bool
    unsure: bool
    story: str | None
    article: str
    sources: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    places: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # id: country, feature
    mentions: int = 0

    @property
    def participants(self) -> set[str]:
        return self.sources | self.targets


@dataclass(slots=True)
class _Mention:
    """What linking needs of one event: its sides, strong date, place."""

    event: Event
    source: str | None
    target: str | None
    date: str | None  # only a date the sentence gives
    place: tuple[str, str | None, str | None] | None  # id, country, feature

    @property
    def participants(self) -> set[str]:
        return {a for a in (self.source, self.target) if a}


@dataclass(slots=True)
class HappeningLinker:
    """Assigns ``event.happening`` on each article's events, in run order (after stories)."""

    countries: dict[str, str] = field(default_factory=dict)  # actor id: country, seen so far
    by_story: dict[str, list[Happening]] = field(default_factory=dict)
    by_paragraph: dict[tuple[str, int], list[tuple[str, Happening]]] = field(default_factory=dict)

    def link(self, article: Article) -> None:
        for actor in article.actors:
            if actor.country:
                self.countries[actor.id] = actor.country
        places = {p.id: (p.country, p.feature) for p in article.places}
        own: list[Happening] = []
        triggers: dict[tuple[str, int, int], Happening] = {}
        for n, event in enumerate(article.events):
            mention = _Mention(event, event.source, event.target,
                               event.date if event.date_from == "sentence" else None,
                               (event.place, *places.get(event.place, (None, None))) if event.place else None)
            para = _paragraph_of(article, event.start)
            found = triggers.get((event.category, event.trigger.start, event.trigger.end))
            if found is None or not self._fits(found, mention):
                found = self._best(article, mention, own, para)
            if found is None:
                found = Happening(f"{article.id}-{n}", event.category, event.negated,
                                  event.modality in _UNSURE, article.story, article.id)
                own.append(found)
                if article.story:
                    self.by_story.setdefault(article.story, []).append(found)
            self._add(found, mention)
            event.happening = found.id
            triggers[(event.category, event.trigger.start, event.trigger.end)] = found
            if para is not None:
                self.by_paragraph.setdefault((article.id, para), []).append((event.category, found))

    def _best(self, article: Article, mention: _Mention, own: list[Happening],
              para: int | None) -> Happening | None:
        """The happening this mention joins, by the strongest reason that holds."""
        dup = article.paragraphs[para].duplicate_of if para is not None else None
        if dup is not None:
            for category, happening in self.by_paragraph.get((dup["article"], dup["paragraph"]), ()):
                if category == mention.event.category and self._fits(happening, mention, places=False):
                    return happening
        for happening in own:
            if self._fits(happening, mention) and self._shares_actor(happening, mention):
                return happening
        for happening in self.by_story.get(article.story or "", ()):
            if (happening.article != article.id and self._fits(happening, mention)
                    and self._shares_actor(happening, mention) and _shares_when_or_where(happening, mention)):
                return happening
        return None

    def _add(self, happening: Happening, mention: _Mention) -> None:
        happening.mentions += 1
        if mention.source:
            happening.sources.add(mention.source)
        if mention.target:
            happening.targets.add(mention.target)
        if mention.date:
            happening.dates.add(mention.date)
        if mention.place:
            happening.places[mention.place[0]] = mention.place[1:]

    # -- compatibility ---------------------------------------------------------------
    def _fits(self, happening: Happening, mention: _Mention, *, places: bool = True) -> bool:
        """Same category and polarity, and no conflict of actors, dates or (with ``places``) places."""
        event = mention.event
        if (event.category != happening.category or event.negated != happening.negated
                or (event.modality in _UNSURE) != happening.unsure):
            return False
        if any(not _dates_fit(mention.date, d) for d in happening.dates if mention.date):
            return False
        if places and mention.place and any(not _places_fit(mention.place, (pid, *info))
                                 for pid, info in happening.places.items()):
            return False
        return self._actors_fit(happening, mention)

    def _actors_fit(self, happening: Happening, mention: _Mention) -> bool:
        directed = all(self._side_fits(side, group) for side, group in
                       ((mention.source, happening.sources), (mention.target, happening.targets)))
        if directed or happening.category not in RECIPROCAL:
            return directed
        mine, theirs = mention.participants, happening.participants
        if len(mine) < 2 or len(theirs) < 2:
            return all(any(self._same(a, b) for b in theirs) for a in mine) or len(theirs) < 2
        return (all(any(self._same(a, b) for b in theirs) for a in mine)
                or all(any(self._same(a, b) for b in mine) for a in theirs))

    def _side_fits(self, actor: str | None, group: set[str]) -> bool:
        return actor is None or not group or any(self._same(actor, other) for other in group)

    def _shares_actor(self, happening: Happening, mention: _Mention) -> bool:
        return any(self._same(a, b) for a in mention.participants for b in happening.participants)

    def _same(self, a: str, b: str) -> bool:
        """One actor, or a country and one of its own (a sector group or a person)."""
        if a == b:
            return True
        return (_is_country(a) and self.countries.get(b) == a) or (
            _is_country(b) and self.countries.get(a) == b)


def _is_country(actor: str) -> bool:
    return len(actor) == 3 and actor.isupper()


def _dates_fit(a: str, b: str) -> bool:
    return a.startswith(b[:10]) or b.startswith(a[:10])


def _places_fit(a: tuple[str, str | None, str | None], b: tuple[str, str | None, str | None]) -> bool:
    if a[0] == b[0]:
        return True
    if a[1] and b[1] and a[1] != b[1]:
        return False
    return not (a[2] == "city" and b[2] == "city")


def _shares_when_or_where(happening: Happening, mention: _Mention) -> bool:
    return bool((mention.date and any(_dates_fit(mention.date, d) for d in happening.dates))
                or (mention.place and mention.place[0] in happening.places))


def _paragraph_of(article: Article, offset: int) -> int | None:
    """The index of the paragraph holding source offset ``offset``."""
    for n, para in enumerate(article.paragraphs):
        if para.start <= offset < para.end:
            return n
    return None
