"""Name helpers: person-name keys, group actors and organisation roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..datafiles import read_word_table
from .gazetteer import ActorEntry

if TYPE_CHECKING:
    from ..model import Actor

# word lists of the actors stage (and of the events' arguments), one data file
WORDS = read_word_table("actors/data/words.tsv")
HONORIFICS = frozenset(WORDS["honorifics"])
ROLE_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "LEG": "legislature",
              "JUD": "judiciary", "REB": "rebels", "OPP": "opposition", "PTY": "parties",
              "CVL": "civilians", "REF": "refugees", "MED": "media", "BUS": "business",
              "SPY": "intelligence", "HLH": "health sector", "EDU": "education",
              "REL": "clergy", "LAB": "labour"}
# last words of company names ("Kestrel Alloys" is a company even when tagged PERSON)
COMPANY_WORDS = frozenset(WORDS["company_words"])
_POSSESSIVE = ("'s", "’s", "'", "’")
_ORG_ROLES = (
    (("news", "times", "post", "journal", "tribune", "herald", "gazette", "tv", "television",
      "radio", "broadcasting", "press", "agency", "daily", "magazine", "outlet"), "MED"),
    (("inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "co", "co.", "company",
      "corporation", "group", "holdings", "airlines", "bank", "motors", "energy", "oil"), "BUS"),
    (("university", "college", "school", "institute", "academy"), "EDU"),
    (("party",), "PTY"),
    (("church", "mosque", "diocese"), "REL"),
    (("union", "federation of labor", "confederation"), "LAB"),
    (("foundation", "watch", "international", "charity", "aid"), "NGO"),
)


def strip_name(tokens: list[str]) -> list[str]:
    """Drop a leading "the" and a trailing possessive from entity tokens."""
    out = list(tokens)
    if out and out[0].lower() == "the" and len(out) > 1:
        out = out[1:]
    while out and out[-1] in _POSSESSIVE:
        out = out[:-1]
    return out


def person_key(tokens: list[str]) -> tuple[str, ...]:
    """The name words of a PERSON entity, without honorifics and possessives."""
    out = [t for t in strip_name(tokens) if t.lower() not in HONORIFICS]
    return tuple(t for t in out if any(c.isalpha() for c in t) or t == "-")


def group_entry(state: ActorEntry, role: str) -> ActorEntry:
    """The sector group of a state: IRN + MIL -> "IRN-MIL"."""
    if role == "GOV":
        return state
    return ActorEntry(id=f"{state.id}-{role}",
                      name=f"{state.name} {ROLE_NAMES.get(role, role.lower())}",
                      kind="group", country=state.country, role=role, source="group",
                      label="NORP")


def org_role(name: str) -> str | None:
    """A role guessed from an organisation's name words ("... News Agency" -> MED)."""
    words = name.lower().split()
    if len(words) >= 2 and words[-1] in COMPANY_WORDS:
        return "BUS"
    for keys, role in _ORG_ROLES:
        if any(w in keys for w in words):
            return role
    return None


def cameo_code(actor: ActorEntry | "Actor") -> str:
    """A CAMEO-style code for an actor: "IRN", "IRNMIL", a person as country + role ("RUSGOV"),
    an organisation with a country as country + role, else its id upper-cased ("NATO")."""
    if actor.kind == "state":
        return actor.id
    if actor.country and actor.kind in ("group", "person", "organization"):
        return actor.country + (actor.role or "")
    return actor.id.upper()
