"""Group articles into stories: shared actors and names, close in time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..model import Article

_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def story_keys(article: Article, *, top: int = 8) -> set[str]:
    """The names an article is about: its most mentioned entities and actors."""
    counts: Counter[str] = Counter()
    for ent in article.entities:
        if ent.label in _LABELS:
            counts["a:" + ent.actor if ent.actor else "e:" + ent.text.lower()] += 1
    for event in article.events:
        for actor in (event.source, event.target):
            if actor:
                counts["a:" + actor] += 2
        counts["c:" + event.category] += 1
    return {key for key, _ in counts.most_common(top)}


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class StoryGrouper:
    """Assigns ``article.story``: the id of the first article of a story it joins."""

    threshold: float = 0.35
    window_days: int = 21
    stories: list[tuple[str, set[str], date | None]] = field(default_factory=list)

    def assign(self, article: Article) -> None:
        keys = story_keys(article)
        when = _day(article.published)
        if article.duplicate_of:
            article.story = next((s for s, _, _ in self.stories if s == article.duplicate_of),
                                 article.duplicate_of)
        best, best_score = None, 0.0
        for n, (story, skeys, sdate) in enumerate(self.stories):
            if when and sdate and abs((when - sdate).days) > self.window_days:
                continue
            score = len(keys & skeys) / len(keys | skeys) if keys and skeys else 0.0
            if score > best_score:
                best, best_score = n, score
        if article.story is None and best is not None and best_score >= self.threshold:
            article.story = self.stories[best][0]
        if article.story is None:
            article.story = article.id
            self.stories.append((article.id, keys, when))
            return
        for n, (story, skeys, sdate) in enumerate(self.stories):
            if story == article.story:
                self.stories[n] = (story, skeys | keys, when or sdate)
                return
