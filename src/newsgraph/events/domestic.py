"""Default dyad for domestic protests, as event datasets code them.

A protest whose protesters and addressee go unnamed ("the price rise sparked widespread
protests") is coded, as ICEWS and PETRARCH do for domestic unrest, as civilians of the
country where it happens (``ISO3-CVL``) protesting against its government (``ISO3``).
The country is the event's place, else the article's clearly dominant state. The event's
pattern gains ``+domestic`` and its confidence is capped, so a user can tell and filter.

Only street protests get the default (``street_protest``): protests, demonstrations,
rallies, marches, strikes, sit-ins, riots, road blocks, and the verb "protest" without an
object. A diplomatic protest ("lodged a formal protest", "a diplomatic protest", "a protest
note", "rejected the protest") is an act between governments, never civilians against
their own government. Named protesters keep the default target only when they are a
civilian sector of that country (civilians, workers, opposition, students ...).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..actors import count_actor
from ..model import Actor, Article, Event

Token = Any

DOMINANT_SHARE = 0.5
MAX_CONFIDENCE = 0.4
STREET_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "vigil", "sit-in",
                          "strike", "walkout", "riot", "unrest", "roadblock", "blockade"})
# modifiers that make a protest a government's formal act ("a formal diplomatic protest")
DIPLOMATIC_MODIFIERS = frozenset({"diplomatic", "formal", "official", "written", "verbal",
                                  "strong", "stern", "strongly", "note", "letter"})
# verbs whose object protest is a document handed over or answered ("lodged a protest")
FILING_VERBS = frozenset({"lodge", "file", "deliver", "submit", "register", "hand", "send",
                          "issue", "convey", "reject", "dismiss", "receive", "accept", "voice",
                          "express"})
# sectors of a country whose protests address their own government
CIVIL_ROLES = frozenset({"CVL", "LAB", "OPP", "EDU", "REL", "REF", "BUS", "NGO", "HLH"})


def street_protest(tok: Token, *, noun: bool) -> bool:
    """Whether a PROTEST trigger is unrest in the street rather than a diplomatic note."""
    lemma = tok.lemma_.lower()
    if noun:
        return lemma in STREET_NOUNS and not diplomatic_protest(tok)
    if lemma != "protest":
        return True  # demonstrate, march, rally, block roads, riot ...
    return not any(c.dep_ in ("dobj", "ccomp") or (c.dep_ == "prep" and c.lower_ == "to")
                   for c in tok.children)


def diplomatic_protest(tok: Token) -> bool:
    """"a formal diplomatic protest", "a protest note", "lodged/rejected the protest"."""
    if tok.lemma_.lower() != "protest":
        return False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in DIPLOMATIC_MODIFIERS:
        return True  # "a protest note"
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in DIPLOMATIC_MODIFIERS
           for c in tok.children):
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in FILING_VERBS


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


def fill_domestic_protests(article: Article, events: list[Event], *,
                           street: Collection[int] | None = None) -> None:
    """Give unnamed sides of street-protest events the domestic default dyad.

    ``street``: trigger starts of street protests (see ``street_protest``); None takes
    every PROTEST event as one.
    """
    main = None
    for event in events:
        if event.category != "PROTEST" or (event.source and event.target):
            continue
        if street is not None and event.trigger.start not in street:
            continue
        country = _place_country(article, event.place) or main or dominant_state(article)
        main = main or dominant_state(article)
        if country is None or not any(a.id == country for a in article.actors):
            continue
        if event.source is None and event.target is not None and event.target != country:
            continue  # protesters against a foreign actor: their origin is unknown
        if event.source is not None and not _civil_of(article, event.source, country):
            continue  # police blocking a road, a state protesting: no default addressee
        if event.source is None:
            event.source = _civilians(article, country)
        if event.target is None and event.source != country:
            event.target = country
        if event.source == event.target:
            continue
        event.pattern += "+domestic"
        event.confidence = min(event.confidence, MAX_CONFIDENCE)


def _civil_of(article: Article, actor_id: str, country: str) -> bool:
    actor = article.actor(actor_id)
    return actor is not None and actor.country == country and actor.role in CIVIL_ROLES


def _civilians(article: Article, country: str) -> str:
    """The country's civilians ("ISO3-CVL"), counted in ``article.actors`` (added when new)."""
    group = f"{country}-CVL"
    state = article.actor(country)
    name = f"{state.name if state else country} civilians"
    count_actor(article, Actor(id=group, name=name, kind="group", country=country, role="CVL"))
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


MAX_RECIPIENT_CONFIDENCE = 0.5


def fill_aid_recipients(article: Article, events: list[Event]) -> None:
    """"Beijing would provide 50 million yuan in emergency assistance" in a story on floods
    in Pakistan: aid without a named recipient goes to the country it is told to reach,
    when the sentence's place lies in the country most places of the article lie in and
    that is not the giver's own. The pattern gains ``+recipient``, confidence is capped."""
    main = None
    for event in events:
        if event.category != "AID" or event.target is not None or event.source is None:
            continue
        country = _place_country(article, event.place)
        if country is None:
            continue
        main = main or main_place_country(article)
        if country != main or _country_of(article, event.source) == country:
            continue
        if len(_sentence_countries(article, event) - {_country_of(article, event.source)}) > 1:
            continue  # "families on both sides of the Kyrgyz-Tajik border": no single recipient
        state = article.actor(country)
        if state is None:
            continue
        count_actor(article, state)
        event.target = country
        event.pattern += "+recipient"
        event.confidence = min(event.confidence, MAX_RECIPIENT_CONFIDENCE)


def _sentence_countries(article: Article, event: Event) -> set[str | None]:
    """Countries of the actors named inside the event's sentence."""
    return {_country_of(article, e.actor) for e in article.entities
            if e.actor and event.start <= e.start < event.end} - {None}


def main_place_country(article: Article) -> str | None:
    """The country holding most place mentions of the article (None on a tie)."""
    counts: dict[str, int] = {}
    for place in article.places:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + max(1, len(place.mentions))
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


PROTECTION_CODES = frozenset({"074"})


def drop_self_protection(article: Article, events: list[Event]) -> list[Event]:
    """"India had protected its farmers", "would protect its citizens": a state shielding
    its own people gives no aid to anyone; such protection events are dropped."""
    out = []
    for event in events:
        if event.cameo in PROTECTION_CODES and event.source and event.target:
            source = article.actor(event.source)
            if (source is not None and source.kind == "state"
                    and _country_of(article, event.target) == source.country
                    and event.target != event.source):
                continue
        out.append(event)
    return out


def _country_of(article: Article, actor_id: str) -> str | None:
    actor = article.actor(actor_id)
    return actor.country if actor else None
