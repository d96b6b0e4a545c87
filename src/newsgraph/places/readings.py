"""Gazetteer readings of a name: shorter forms, plausibility filters, qualifiers after it.

Shared by :mod:`newsgraph.places.mentions` (entities) and :mod:`newsgraph.places.patterns`
(datelines, demonyms, names after cue words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..datafiles import read_table, read_words
from ..months import MONTH_NAMES, WEEKDAY_NAMES
from .gazetteer import GazEntry, Gazetteer, Match
from .names import normalize

MIN_POPULATION_LOC_CITY = 100_000  # a LOC entity (or an abbreviation) read as a city
MIN_POPULATION_SLIP = 15_000  # an ORG/PERSON entity after a cue word read as a city
MIN_POPULATION_LONE_SLIP = 100_000  # an ORG entity without a cue read as a city
LEADING = re.compile(r"^(?:the|northern|southern|eastern|western|central|north|south|east|west|"
                     r"northeast(?:ern)?|northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|"
                     r"downtown|greater|upstate|rural)\s+", re.IGNORECASE)
TRAILING = re.compile(r"\s+(?:province|city|region|governorate|oblast|district|state|"
                      r"prefecture|municipality|area)$", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
NOT_PLACES = read_words("places/data/not_places.txt") | {
    name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES)}
# Generic words and common given names that are also names of sizeable places (see the file).
STOPLIST = read_words("places/data/stoplist.txt")
# AP style abbreviations of US states ("Portland, Ore.") -> USPS code; postal codes match too
AP_STATES = dict(read_table("places/data/ap_states.tsv", header=True))

QUALIFIER_FEATURES = frozenset({"state", "region", "county", "country"})  # after a comma


@dataclass(slots=True)
class Mention:
    """A place name in the article, its gazetteer readings and the words around it."""

    start: int  # source offsets of the name itself
    end: int
    text: str
    matches: list[Match]
    qualifier: tuple[str, str] | None = None  # ("state", "TX") or ("country", "US")
    state_word: bool = False  # "Washington state"
    tagged: bool = True  # from an entity (False: a capitalised name after "in", "near", ...)
    dateline: bool = False
    neighbours: list[int] | None = None  # indexes of the mentions listed next to this one
    chosen: GazEntry | None = None


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text) if text.endswith(("'s", "’s", "'", "’")) else text


def _forms(text: str, start: int) -> list[tuple[str, int]]:
    """The name and its shorter forms: without "the"/direction words, without "province"."""
    text = strip_possessive(text).rstrip(" ,;:")
    forms = [(text, start)]
    while (m := LEADING.match(text)) is not None:
        text, start = text[m.end():], start + m.end()
        forms.append((text, start))
    if TRAILING.search(text):
        forms.append((TRAILING.sub("", text), start))
    return forms


def _is_abbreviation(name: str) -> bool:
    return "." in name or len(normalize(name)) <= 3


def is_big(entry: GazEntry) -> bool:
    return entry.feature != "city" or entry.population >= MIN_POPULATION_LOC_CITY


def plausible(match: Match, name: str, label: str) -> bool:
    """Drop readings that only a tagging slip or an abbreviation clash would produce."""
    entry = match.entry
    if label == "LOC" and not is_big(entry):  # "Atlantic", "Valley": not the small towns
        return False
    if label == "SLIP_CUE":  # ORG/PERSON after "in", "near": "in Liverpool", "in Tamil Nadu"
        if not match.exact:  # another spelling ("from Misrata"): big cities only
            return entry.feature == "city" and entry.population >= MIN_POPULATION_LOC_CITY
        return entry.feature != "city" or entry.population >= MIN_POPULATION_SLIP
    if label == "SLIP":  # no cue: a country, state, region or area, or (ORG) a big city
        return match.exact and (entry.feature != "city"
                                or entry.population >= MIN_POPULATION_LONE_SLIP)
    if label == "SLIP_NAMED":  # PERSON without cue, or a stoplist word: no city at all
        return match.exact and entry.feature not in ("city", "county")
    if _is_abbreviation(name):
        return match.exact and is_big(entry)
    return True


def lookup(gazetteer: Gazetteer, text: str, start: int,
           label: str) -> tuple[str, int, list[Match]]:
    """Find the readings of a name, trying shorter forms ("northern Idlib" -> "Idlib")."""
    for k, (name, offset) in enumerate(_forms(text, start)):
        if not name or name.lower() in NOT_PLACES or not name[0].isupper():
            continue
        found = gazetteer.lookup(name)
        matches = [m for m in found if plausible(m, name, label)
                   and (k == 0 or is_big(m.entry))]  # "West Wing" is not the village Wing
        if matches and label.startswith("SLIP"):  # a place name: any exact namesake may be it
            matches += [m for m in found if m.exact and m not in matches
                        and m.entry.feature == "city"]
        if matches:
            return name, offset, matches
    return text, start, []


def qualifier_of(gazetteer: Gazetteer, text: str) -> tuple[str, str] | None:
    """What ``text`` after a comma names: ("state", USPS code) for a US state (name, postal
    or AP abbreviation) or county, ("admin1", "CA.08") for a region or county elsewhere,
    ("country", ISO2) for a country."""
    key = normalize(text).replace(" ", "")
    if key in AP_STATES and (text[:1].isupper()):
        return ("state", AP_STATES[key])
    for match in gazetteer.lookup(text):
        entry = match.entry
        if not match.exact:
            continue
        if entry.feature == "state" or (entry.feature == "county" and entry.iso2 == "US"):
            return ("state", entry.admin1)
        if entry.feature in ("region", "county"):
            return ("admin1", f"{entry.iso2}.{entry.admin1}") if entry.admin1 \
                else ("country", entry.iso2)
        if entry.feature == "country":
            return ("country", entry.iso2)
    return None


def inside(entry: GazEntry, qualifier: tuple[str, str]) -> bool:
    """Whether ``entry`` lies in the state, region or country a qualifier names."""
    kind, code = qualifier
    if kind == "state":
        return entry.iso2 == "US" and entry.admin1 == code
    if kind == "admin1":
        return f"{entry.iso2}.{entry.admin1}" == code
    return entry.iso2 == code


_QUALIFIER_AFTER = re.compile(r"(?:,\s*\(?|\s*\()([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})")
_STATE_AFTER = re.compile(r"\s+state\b")


def context_after(gazetteer: Gazetteer, source: str,
                  end: int) -> tuple[tuple[str, str] | None, bool]:
    """The qualifier after a name (", Texas", ", Ore.") and whether "state" follows it."""
    tail = source[end:end + 40]
    state_word = _STATE_AFTER.match(tail) is not None
    m = _QUALIFIER_AFTER.match(tail)
    if m is None:
        return None, state_word
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # longest qualifier first: "New York" before "New"
        found = qualifier_of(gazetteer, " ".join(words[:n]))
        if found is not None:
            return found, state_word
    return None, state_word


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def word_before(source: str, start: int) -> str:
    m = _WORD_BEFORE.search(source[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


