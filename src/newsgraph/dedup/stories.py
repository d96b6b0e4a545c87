"""Group articles into stories: the same main actors, close in time.

An article joins the story whose main actors are most alike its own
(cosine of mention counts >= ``threshold``), among stories active within
``window_days`` of its publication date; otherwise it starts a new story,
named by its own id. Memory grows with the number of stories.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..dates.expressions import parse_reference
from ..model import Article


def story_keys(article: Article, *, top: int = 8) -> Counter[str]:
    """The actors an article is about, weighted by mentions and event roles.

    Sector groups fold into their country ("KGZ-MIL" counts for "KGZ").
    """
    counts: Counter[str] = Counter()
    for actor in article.actors:
        counts[_fold(actor.id)] += actor.mentions
    for event in article.events:
        for actor in (event.source, event.target):
            if actor:
                counts[_fold(actor)] += 1
    return Counter(dict(counts.most_common(top)))


def _fold(actor_id: str) -> str:
    head, _, tail = actor_id.partition("-")
    return head if tail and head.isupper() and len(head) == 3 else actor_id


def cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5
    return dot / norm if norm else 0.0


@dataclass(slots=True)
class _Story:
    id: str
    keys: Counter[str]
    last: date | None

    def main(self, top: int = 8) -> Counter[str]:
        return Counter(dict(self.keys.most_common(top)))


@dataclass(slots=True)
class StoryGrouper:
    """Assigns ``article.story``: the id of the first article of the story it joins."""

    threshold: float = 0.5
    window_days: int = 21
    stories: list[_Story] = field(default_factory=list)

    def assign(self, article: Article) -> None:
        counts = story_keys(article)
        when = parse_reference(article.published)
        best, best_score = None, 0.0
        for story in self.stories:
            if when and story.last and abs((when - story.last).days) > self.window_days:
                continue
            score = cosine(counts, story.main())
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < self.threshold:
            best = _Story(article.id, Counter(), when)
            self.stories.append(best)
        best.keys.update(counts)
        if when and (best.last is None or when > best.last):
            best.last = when
        article.story = best.id
