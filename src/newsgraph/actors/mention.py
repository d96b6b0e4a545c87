"""``resolve_mention``: the actor id of any source span (a subject, a speaker, "he")."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from ..model import Actor, Article
from .gazetteer import ActorEntry, RoleEntry, load_gazetteer
from .index import ArticleIndex, Mention, recall, remember
from .names import group_entry

log = logging.getLogger(__name__)

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "their"}
THING_PRONOUNS = {"it", "its"}
RELATIVE = {"who", "whom", "whose", "which", "that"}


def resolve_mention(article: Article, start: int, end: int) -> str | None:
    """The actor id a source span ``[start, end)`` refers to, or None when unsure.

    Prefers an entity at the head of the span; then role nouns ("the minister" -> the last
    person called minister, "Iranian police" -> "IRN-COP", "the government" -> the article's
    main state); then pronouns by recency (he/she -> person, they -> group or state).
    A resolved actor is added to ``article.actors`` (or its mention count bumped once per span).

    Example: ``resolve_mention(article, 0, 6)`` on "Tehran said ..." -> "IRN".
    """
    index = recall(article) or _index_from(article)
    span = _doc_span(article, start, end)
    inside = [m for m in index.mentions if m.start < end and start < m.end]
    if span is None:
        return inside[0].actor if inside else None
    head = _head(span)
    for m in inside:
        if m.start <= article.start + head.idx < m.end:
            return m.actor
    found = (_by_role(index, span, head, inside, start) or _by_pronoun(index, head, start)
             or _by_surname(index, head))
    if found is None and inside:
        found = inside[0].actor
    if found is not None:
        _count(index, found, start, end, bool(inside and inside[0].actor == found))
    return found


def _doc_span(article: Article, start: int, end: int) -> Any:
    doc = article.doc
    if doc is None or end <= start:
        return None
    i, j = max(0, start - article.start), min(len(article.text), end - article.start)
    span = doc.char_span(i, j, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _head(span: Any) -> Any:
    """The syntactic head of the span ("police" in "police in Tehran")."""
    if span.doc.has_annotation("DEP"):
        return span.root
    return span[-1]


def _role_at_head(head: Any) -> RoleEntry | None:
    roles = load_gazetteer().roles
    doc = head.doc
    lowers = [t.lower_ for t in doc[max(0, head.i - 3):head.i + 1]]
    texts = [t.text for t in doc[max(0, head.i - 3):head.i + 1]]
    for n in range(min(3, len(lowers)), 0, -1):
        found = roles.match_at(lowers, texts, len(lowers) - n, len(lowers))
        if found is not None and found[0] == n:
            return found[1]
    return None


def _by_role(index: ArticleIndex, span: Any, head: Any, inside: list[Mention],
             start: int) -> str | None:
    role = _role_at_head(head)
    if role is None:
        return None
    country = next((m.country for m in inside if m.country and m.kind != "person"), None)
    if role.kind == "title":
        person = _last_titled(index, head.lower_, start, country)
        if person is not None:
            return person
        if country is None and role.role == "GOV":
            country = index.dominant_state  # "the Minister of Oil" in an Iran story
        if country is None:
            return None
        return _group(index, country, role.role)
    if country is None:
        country = _nearby_country(index, span) or _main_country(index, role.role)
    return _group(index, country, role.role) if country else None


def _last_titled(index: ArticleIndex, word: str, start: int, country: str | None) -> str | None:
    for m in reversed(index.mentions):
        if m.start >= start or m.kind != "person":
            continue
        if word in m.titles and (country is None or m.country in (None, country)):
            return m.actor
    return None


def _nearby_country(index: ArticleIndex, span: Any) -> str | None:
    """A country or city named in the same sentence as the span (nearest first)."""
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    article = index.article
    s0, s1 = article.span(sent.start_char, sent.end_char)
    mid = article.start + span.start_char
    near = [m for m in index.mentions if s0 <= m.start < s1 and m.country and m.kind != "person"]
    if near:
        return min(near, key=lambda m: abs(m.start - mid)).country
    cities = load_gazetteer().cities
    for ent in article.entities:
        if s0 <= ent.start < s1 and ent.label == "GPE" and ent.text.lower() in cities:
            return cities[ent.text.lower()]
    return None


def _main_country(index: ArticleIndex, role: str) -> str | None:
    """The article's main state, for "the government" or a dominant-country article."""
    if index.main_state is None:
        return None
    if role == "GOV":
        return index.main_state
    counts = Counter(m.country for m in index.mentions if m.country and m.kind != "person")
    total = sum(counts.values())
    top = counts.get(index.main_state, 0)
    return index.main_state if total and top >= 2 and top / total >= 0.6 else None


def _group(index: ArticleIndex, country: str, role: str) -> str | None:
    state = index.entries.get(country) or load_gazetteer().states.get(country)
    if state is None:
        return None
    entry = group_entry(state, role)
    index.entries.setdefault(entry.id, entry)
    return entry.id


def _by_pronoun(index: ArticleIndex, head: Any, start: int) -> str | None:
    word = head.lower_
    if word in PERSON_PRONOUNS:
        kinds = {"person"}
    elif word in GROUP_PRONOUNS:
        kinds = {"group", "state", "organization"}
    elif word in THING_PRONOUNS:
        kinds = {"state", "organization"}
    else:
        return None
    for m in reversed(index.mentions):
        if m.end <= start and m.kind in kinds:
            return m.actor
    return None


def _by_surname(index: ArticleIndex, head: Any) -> str | None:
    """A capitalised word that is the last name of a person actor here ("PENCE", "Pence")."""
    if not head.text[:1].isupper() or len(head.text) < 3:
        return None
    word = head.lower_
    for actor in index.article.actors:
        if actor.kind == "person" and actor.name.lower().split()[-1] == word:
            return actor.id
    return None


def _count(index: ArticleIndex, actor_id: str, start: int, end: int, known: bool) -> None:
    """Add the actor to the article (or bump its mentions) once per resolved span."""
    article = index.article
    actor = article.actor(actor_id)
    if actor is not None and (known or (start, end) in index.counted):
        return
    index.counted.add((start, end))
    if actor is None:
        entry = index.entries.get(actor_id)
        if entry is None:
            return
        article.actors.append(_actor(entry))
        return
    actor.mentions += 1


def _actor(entry: ActorEntry) -> Actor:
    return Actor(id=entry.id, name=entry.name, kind=entry.kind, country=entry.country,
                 role=entry.role, wikidata=entry.wikidata, mentions=1)


def _index_from(article: Article) -> ArticleIndex:
    """Rebuild a (title-less) index from the entities when the stage's one is gone."""
    actors = {a.id: a for a in article.actors}
    entries = {a.id: ActorEntry(id=a.id, name=a.name, kind=a.kind, country=a.country,
                                role=a.role, wikidata=a.wikidata) for a in article.actors}
    mentions = [Mention(start=e.start, end=e.end, actor=e.actor, kind=actors[e.actor].kind,
                        country=actors[e.actor].country)
                for e in sorted(article.entities, key=lambda e: e.start)
                if e.actor and e.actor in actors]
    counts = Counter(m.country for m in mentions if m.kind in ("state", "group") and m.country)
    top = counts.most_common(2)
    main = top[0][0] if top else None
    total = sum(counts.values())
    clear = bool(top) and (len(top) < 2 or top[0][1] >= 1.5 * top[1][1])
    dominant = main if clear and top[0][1] / total >= 0.45 else None
    index = ArticleIndex(article=article, mentions=mentions, main_state=main, entries=entries,
                         dominant_state=dominant)
    remember(index)
    return index
