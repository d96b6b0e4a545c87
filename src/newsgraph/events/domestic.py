"""Default dyad for domestic protests, as event datasets code them.

A protest whose protesters and addressee go unnamed ("the price rise sparked widespread
protests") is coded, as ICEWS and PETRARCH do for domestic unrest, as civilians of the
country where it happens (``ISO3-CVL``) protesting against its government (``ISO3``).
The country is the event's place, else the article's clearly dominant state. The event's
pattern gains ``+domestic`` and its confidence is capped, so a user can tell and filter.
"""

from __future__ import annotations

from ..model import Actor, Article, Event

DOMINANT_SHARE = 0.5
MAX_CONFIDENCE = 0.4


def dominant_state(article: Article) -> str | None:
    """The state with at least half of all state mentions, and more than any other."""
    states = sorted((a for a in article.actors if a.kind == "state"), key=lambda a: -a.mentions)
    total = sum(a.mentions for a in states)
    if not total:
        return None
    top = states[0]
    if len(states) > 1 and states[1].mentions == top.mentions:
        return None
    return top.id if top.mentions / total >= DOMINANT_SHARE else None


def _place_country(article: Article, place_id: str | None) -> str | None:
    for place in article.places:
        if place.id == place_id:
            return place.country
    return None


def fill_domestic_protests(article: Article, events: list[Event]) -> None:
    """Give unnamed sides of PROTEST events the domestic default dyad."""
    main = None
    for event in events:
        if event.category != "PROTEST" or (event.source and event.target):
            continue
        country = _place_country(article, event.place) or main or dominant_state(article)
        main = main or dominant_state(article)
        if country is None or not any(a.id == country for a in article.actors):
            continue
        if event.source is None and event.target is not None and event.target != country:
            continue  # protesters against a foreign actor: their origin is unknown
        if event.source is None:
            event.source = _civilians(article, country)
        if event.target is None and event.source != country:
            event.target = country
        if event.source == event.target:
            continue
        event.pattern += "+domestic"
        event.confidence = min(event.confidence, MAX_CONFIDENCE)


def _civilians(article: Article, country: str) -> str:
    group = f"{country}-CVL"
    for actor in article.actors:
        if actor.id == group:
            actor.mentions += 1
            return group
    state = next(a for a in article.actors if a.id == country)
    article.actors.append(Actor(id=group, name=f"{state.name} civilians", kind="group",
                                country=country, role="CVL", mentions=1))
    return group


def drop_own_forces_as_target(article: Article, events: list[Event]) -> None:
    """"X deployed its troops": the troops are what X moves, not whom it acts on.

    A MOBILIZE event whose target is the source's own sector group (KGZ -> KGZ-MIL)
    loses that target rather than claiming a dyad the text does not state.
    """
    for event in events:
        if event.category != "MOBILIZE" or not event.source or not event.target:
            continue
        src, tgt = _country_of(article, event.source), _country_of(article, event.target)
        if src and src == tgt and event.target != event.source and "-" in event.target:
            event.target = None
            event.target_text = None


def _country_of(article: Article, actor_id: str) -> str | None:
    actor = article.actor(actor_id)
    return actor.country if actor else None
