"""Unnamed people acted on by a state's own organs belong to that state (a default).

"Indian police arrested a 46-year-old man", "the court sentenced him", "the minister urged
them to ...": when the target is a person word that names no actor and every source is a
state, one of its organs (government, police, courts, army, legislature) or one of its
officials (a person with such a role) of one country, and the sentence names no other
country, the target is that country's civilians (``ISO3-CVL``), as event datasets code
domestic events and as the gold guide reads "citizens belong to their country". Diplomats,
tourists and people a nationality or "foreign" describes are left alone. The event's
pattern gains ``+domestic`` and its confidence is capped, so a user can tell and filter.
"""

from __future__ import annotations

from typing import Any

from ..actors import entities_in
from ..actors.names import WORDS
from ..model import Article
from .arguments import Argument
from .domestic import _civilians as civilians
from .triggers import is_person

PEOPLE_NOUNS = frozenset(WORDS["people_nouns"])
FOREIGN_PEOPLE = frozenset(WORDS["foreign_people"])
FOREIGN_MODIFIERS = frozenset(WORDS["foreign_modifiers"])
STATE_ROLES = frozenset({"GOV", "COP", "JUD", "MIL", "LEG", "SPY"})
CATEGORIES = frozenset({"COERCE", "SANCTION", "ACCUSE", "REQUEST", "RETREAT", "CONCEDE",
                        "ASSAULT", "SUPPORT", "CONSULT", "THREATEN", "REJECT"})
MAX_CONFIDENCE = 0.45


def domestic_target(article: Article, sources: list[Argument], targets: list[Argument],
                    category: str, *, span: tuple[int, int]) -> Argument | None:
    """The civilians' argument standing for unnamed people, or None when no default applies
    (also when the sentence ``span`` names another country: "a Chinese ship fired at a
    Philippine boat, injuring three" is no domestic event)."""
    if category not in CATEGORIES or not targets or any(a.actor for a in targets):
        return None
    words = targets[0]
    if not _unnamed_people(words.token):
        return None
    countries = {_state_country(article, a.actor) for a in sources if a.actor}
    if len(countries) != 1 or None in countries:
        return None
    if _countries_in(article, *span) - countries:
        return None
    return Argument(civilians(article, countries.pop()), words.text, words.token)


def _unnamed_people(tok: Any) -> bool:
    """"a 46-year-old man", "them", "tribal elders": people no name or country describes;
    "Western diplomats", "foreign tourists" are no one's own people."""
    if tok.ent_type_ == "PERSON":
        return False
    if not (is_person(tok) or tok.lower_ in PEOPLE_NOUNS or _described_those(tok)):
        return False
    if tok.lower_ in FOREIGN_PEOPLE or tok.lemma_.lower() in FOREIGN_PEOPLE:
        return False
    return not any(c.dep_ in ("amod", "compound", "nmod") and
                   (c.ent_type_ == "NORP" or c.lower_ in FOREIGN_MODIFIERS) for c in tok.children)


def _described_those(tok: Any) -> bool:
    """"those dissatisfied with court rulings", "those who protested": people."""
    return tok.lower_ in ("those", "anyone", "everyone") and any(
        c.dep_ in ("amod", "acl", "relcl") for c in tok.children)


def _countries_in(article: Article, start: int, end: int) -> set[str]:
    out = set()
    for ent in entities_in(article, start, end):
        if ent.actor:
            actor = article.actor(ent.actor)
            if actor is not None and actor.country:
                out.add(actor.country)
    return out


def _state_country(article: Article, actor_id: Any) -> str | None:
    actor = article.actor(actor_id)
    if actor is None or not actor.country:
        return None
    if actor.kind == "state" or (actor.kind in ("group", "person") and actor.role in STATE_ROLES):
        return actor.country  # a state, its organs and its officials
    return None
