"""Geocode the place names of an article against the offline gazetteer.

Candidates are the GPE and LOC entities (plus capitalised names after "in", "near", ...
that the tagger missed, when the gazetteer knows them as a sizeable place). Each name is
looked up in the gazetteer and the readings are scored:

* a prior: log10(population) plus a bonus by feature (countries, continents and national
  capitals first), a penalty for readings found only under a foreign alternate name;
* a qualifier right after the name ("Paris, Texas", "Portland, Ore.", "Kyiv, Ukraine");
* "Washington state";
* the other places of the article: a reading in a country (or US state) that other
  mentions resolve to wins over a bigger namesake elsewhere.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Article, Place, Span
from ..pipeline import stage
from ..settings import Settings
from .gazetteer import GazEntry, Gazetteer, Match, load_gazetteer, normalize

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
SLIP_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC"})  # only exact country names count
FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "region": -1.0, "state": -1.0, "city": 0.0}
# (state and region populations are sums over GeoNames places, neighbourhoods included: inflated)
FEATURE_RANK = {"city": 0, "region": 1, "state": 1, "country": 2, "continent": 3}
REGION_BASE = 6.5  # for a region without a population
CAPITAL_BONUS = 1.0
ALTERNATE_PENALTY = 1.5
QUALIFIER_BONUS = 6.0
COUNTRY_CONTEXT_BONUS = 2.0
STATE_CONTEXT_BONUS = 1.5
STATE_WORD_BONUS = 4.0
MIN_POPULATION_UNTAGGED = 50_000  # untagged names must be at least this big (or a country)
MIN_POPULATION_LOC_CITY = 100_000  # a LOC entity (or an abbreviation) read as a city
MIN_POPULATION_SLIP = 15_000  # an ORG/PERSON entity after "in", "near" read as a city
STORM_WORDS = frozenset({"hurricane", "hurricanes", "storm", "storms", "typhoon", "cyclone", "tropical"})
LOCATIVE = frozenset({"in", "near", "outside", "across", "around", "throughout"})

LEADING = re.compile(r"^(?:the|northern|southern|eastern|western|central|north|south|east|west|"
                     r"northeast(?:ern)?|northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|"
                     r"downtown|greater|upstate|rural)\s+", re.IGNORECASE)
TRAILING = re.compile(r"\s+(?:province|city|region|governorate|oblast|district|state|"
                      r"prefecture|municipality|area)$", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
CUE_WORDS = frozenset({"in", "at", "near", "from", "to", "outside", "across", "around"})
NOT_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "god", "christ", "english", "internet", "parliament", "congress",
})

# AP style abbreviations of US states ("Portland, Ore.") -> USPS code; postal codes match too
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "nh": "NH", "nj": "NJ",
    "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA",
    "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}


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
    chosen: GazEntry | None = None


def _strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text) if text.endswith(("'s", "’s", "'", "’")) else text


def _forms(text: str, start: int) -> list[tuple[str, int]]:
    """The name and its shorter forms: without "the"/direction words, without "province"."""
    text = _strip_possessive(text).rstrip(" ,;:")
    forms = [(text, start)]
    while (m := LEADING.match(text)) is not None:
        text, start = text[m.end():], start + m.end()
        forms.append((text, start))
    if TRAILING.search(text):
        forms.append((TRAILING.sub("", text), start))
    return forms


def _is_abbreviation(name: str) -> bool:
    return "." in name or len(normalize(name)) <= 3


def _big(entry: GazEntry) -> bool:
    return entry.feature != "city" or entry.population >= MIN_POPULATION_LOC_CITY


def _plausible(match: Match, name: str, label: str) -> bool:
    """Drop readings that only a tagging slip or an abbreviation clash would produce."""
    entry = match.entry
    big_city = _big(entry)
    if label == "LOC" and not big_city:  # "Atlantic", "Valley": not the small towns
        return False
    if label == "SLIP_LOCATIVE":  # ORG/PERSON after "in", "near": "in Liverpool", "in Tamil Nadu"
        return match.exact and (entry.feature != "city" or entry.population >= MIN_POPULATION_SLIP)
    if label not in PLACE_LABELS and not (match.exact and entry.feature == "country"):
        return False  # other ORG/PERSON slips: only exact country names ("DPRK", "Holy See")
    if _is_abbreviation(name):
        return match.exact and big_city
    return True


def _lookup(gazetteer: Gazetteer, text: str, start: int,
            label: str) -> tuple[str, int, list[Match]]:
    """Find the readings of a name, trying shorter forms ("northern Idlib" -> "Idlib")."""
    for k, (name, offset) in enumerate(_forms(text, start)):
        if not name or name.lower() in NOT_PLACES or not name[0].isupper():
            continue
        matches = [m for m in gazetteer.lookup(name) if _plausible(m, name, label)
                   and (k == 0 or _big(m.entry))]  # "West Wing" is not the village Wing
        if matches:
            return name, offset, matches
    return text, start, []


def qualifier_of(gazetteer: Gazetteer, text: str) -> tuple[str, str] | None:
    """A US state (name, postal or AP abbreviation) or a country named by ``text``."""
    key = normalize(text).replace(" ", "")
    if key in AP_STATES and (text[:1].isupper()):
        return ("state", AP_STATES[key])
    for match in gazetteer.lookup(text):
        if match.exact and match.entry.feature == "state":
            return ("state", match.entry.admin1)
        if match.exact and match.entry.feature in ("country", "region"):
            return ("country", match.entry.iso2)
    return None


_QUALIFIER_AFTER = re.compile(r",\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})")
_STATE_AFTER = re.compile(r"\s+state\b")


def _context_after(gazetteer: Gazetteer, source: str, end: int) -> tuple[tuple[str, str] | None, bool]:
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


def _word_before(source: str, start: int) -> str:
    m = _WORD_BEFORE.search(source[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _entity_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    mentions = []
    source = article.source.text
    for ent in article.entities:
        if ent.label not in PLACE_LABELS and ent.label not in SLIP_LABELS:
            continue
        text = source[ent.start:ent.end]
        label = ent.label
        if _word_before(source, ent.start) in STORM_WORDS:  # "Hurricane Harvey"
            continue
        if label in SLIP_LABELS and _word_before(source, ent.start) in LOCATIVE:
            label = "SLIP_LOCATIVE"
        head, sep, rest = text.partition(",")
        if sep and _lookup(gazetteer, text, ent.start, label)[2]:  # "Washington, D.C."
            head, sep, rest = text, "", ""
        name, start, matches = _lookup(gazetteer, head.strip(),
                                       ent.start + len(head) - len(head.lstrip()), label)
        if not matches:
            continue
        qualifier = qualifier_of(gazetteer, rest.strip()) if sep and rest.strip() else None
        after_q, state_word = _context_after(gazetteer, source, start + len(name))
        mentions.append(Mention(start, start + len(name), name, matches,
                                qualifier=qualifier or after_q, state_word=state_word))
        if sep and qualifier is not None:  # "Paris, Texas": Texas is a place mention too
            q_text = rest.strip()
            q_start = source.find(q_text, start + len(name), ent.end)
            q_matches = [m for m in gazetteer.lookup(q_text) if _plausible(m, q_text, "GPE")]
            if q_start >= 0 and q_matches:
                mentions.append(Mention(q_start, q_start + len(q_text), q_text, q_matches))
    return mentions


def _untagged_mentions(article: Article, gazetteer: Gazetteer,
                       taken: list[tuple[int, int]]) -> list[Mention]:
    """Capitalised names after "in", "near", ... that no entity covers."""
    doc = article.doc
    if doc is None:
        return []
    mentions = []
    covered = sorted(taken)
    for i in range(1, len(doc)):
        if doc[i - 1].lower_ not in CUE_WORDS or not doc[i].is_title or doc[i].ent_type_:
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].is_title and not doc[j + 1].ent_type_ and j - i < 3:
            j += 1
        mention = _untagged(article, gazetteer, doc[i:j + 1], covered)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _untagged(article: Article, gazetteer: Gazetteer, span: object,
              covered: list[tuple[int, int]]) -> Mention | None:
    start, end = article.span(span.start_char, span.end_char)  # type: ignore[attr-defined]
    if any(s < end and start < e for s, e in covered):
        return None
    text = article.source.text[start:end]
    if text.lower() in NOT_PLACES:
        return None
    matches = [m for m in gazetteer.lookup(text) if m.exact and (
        m.entry.feature != "city" or m.entry.population >= MIN_POPULATION_UNTAGGED)]
    if not matches:
        return None
    qualifier, state_word = _context_after(gazetteer, article.source.text, end)
    return Mention(start, end, text, matches, qualifier=qualifier, state_word=state_word,
                   tagged=False)


def prior(match: Match) -> float:
    """Context-free plausibility of one reading of a name."""
    entry = match.entry
    if entry.feature == "region" and entry.population == 0:
        base = REGION_BASE
    else:
        base = math.log10(max(entry.population, 100))
    score = base + FEATURE_BONUS.get(entry.feature, 0.0)
    if entry.capital:
        score += CAPITAL_BONUS
    if not match.exact:
        score -= ALTERNATE_PENALTY
    return score


def _score(mention: Mention, match: Match, countries: Counter[str], states: Counter[str]) -> float:
    entry = match.entry
    score = prior(match)
    if mention.qualifier is not None:
        kind, code = mention.qualifier
        inside = entry.admin1 == code and entry.iso2 == "US" if kind == "state" else entry.iso2 == code
        if inside and entry.feature in ("city", "region"):
            score += QUALIFIER_BONUS
    if mention.state_word and entry.feature == "state":
        score += STATE_WORD_BONUS
    if entry.feature != "continent" and countries[entry.iso2] > 0:
        score += COUNTRY_CONTEXT_BONUS
    if entry.iso2 == "US" and entry.feature in ("city", "state") and states[entry.admin1] > 0:
        score += STATE_CONTEXT_BONUS
    return score


def _choose(mention: Mention, countries: Counter[str], states: Counter[str]) -> GazEntry:
    scored = [(_score(mention, m, countries, states), -(m.entry.geonameid or 0), m.entry)
              for m in mention.matches]
    return max(scored, key=lambda t: (t[0], t[1]))[2]


def _context(mentions: list[Mention]) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Per name: the countries and US states the *other* names of the article resolved to."""
    countries: Counter[str] = Counter()
    states: Counter[str] = Counter()
    by_name: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for m in mentions:
        entry = m.chosen
        if entry is None:
            continue
        own = by_name.setdefault(normalize(m.text), (Counter(), Counter()))
        if entry.iso2:
            countries[entry.iso2] += 1
            own[0][entry.iso2] += 1
        if entry.iso2 == "US" and entry.feature in ("city", "state"):
            states[entry.admin1] += 1
            own[1][entry.admin1] += 1
    other_countries = {name: countries - own[0] for name, own in by_name.items()}
    other_states = {name: states - own[1] for name, own in by_name.items()}
    return other_countries, other_states


def resolve_mentions(mentions: list[Mention]) -> None:
    """Choose a reading for each mention: priors first, then again with the article's context."""
    empty: Counter[str] = Counter()
    for m in mentions:
        m.chosen = _choose(m, empty, empty)
    countries, states = _context(mentions)
    for m in mentions:
        key = normalize(m.text)
        m.chosen = _choose(m, countries.get(key, empty), states.get(key, empty))


def _place(entry: GazEntry, gazetteer: Gazetteer) -> Place:
    return Place(id=entry.place_id, name=entry.name,
                 country=gazetteer.iso3.get(entry.iso2), lat=entry.lat, lon=entry.lon,
                 feature=entry.feature)


def find_mentions(article: Article, gazetteer: Gazetteer, *, untagged: bool = True) -> list[Mention]:
    """The place-name mentions of an article (entities, then untagged names after cue words)."""
    mentions = _entity_mentions(article, gazetteer)
    if untagged:
        taken = [(e.start, e.end) for e in article.entities]
        mentions += _untagged_mentions(article, gazetteer, taken)
    mentions.sort(key=lambda m: m.start)
    return mentions


@stage(requires=("doc", "entities"), assigns=("places",))
def geocode(article: Article, *, settings: Settings) -> None:
    """Fill ``article.places``: one Place per gazetteer id with every mention's source span."""
    gazetteer = load_gazetteer()
    mentions = find_mentions(article, gazetteer)
    resolve_mentions(mentions)
    places: dict[str, Place] = {}
    for m in mentions:
        if m.chosen is None:
            continue
        place = _place(m.chosen, gazetteer)
        place = places.setdefault(place.id, place)
        place.mentions.append(Span(m.start, m.end))
    article.places = list(places.values())


def place_for_span(article: Article, start: int, end: int) -> str | None:
    """The id of a place mentioned inside ``[start, end)`` (a city before a region or country)."""
    best: tuple[int, int, str] | None = None
    for place in article.places:
        for span in place.mentions:
            if start <= span.start and span.end <= end:
                key = (FEATURE_RANK.get(place.feature or "", 4), span.start, place.id)
                if best is None or key < best:
                    best = key
    return best[2] if best is not None else None
