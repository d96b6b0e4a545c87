"""Geocode the place names of an article against the offline gazetteer.

Candidates come from :mod:`newsgraph.places.mentions` (entities, cue words, datelines,
demonyms, comma qualifiers). Each name's gazetteer readings are scored:

* a prior: log10(population) plus a bonus by feature (countries, continents and national
  capitals first), a penalty for readings found only under a foreign alternate name; a US
  state is at least as likely as a city of 3 million ("Wyoming" is the state); a US county's
  prior is its state's population discounted (no county figures offline);
* a qualifier right after the name ("Paris, Texas", "Portland, Ore.", "London, Ont.");
* "Washington state"; a dateline names a city ("WASHINGTON (AP)" is the capital);
* a neighbour in a list: a name listed among states is a state ("California, Washington");
* the other places of the article: a reading in a country that other mentions resolve to
  wins over a bigger namesake elsewhere (any vote), and within the US a reading in a state
  the other mentions resolve to, in proportion to that state's share of the votes.

Points: a city has its GeoNames point, a country the point GeoNames gives the country
(mostly its rounded geographic centre), a state or region the centre of its cities, a county
its county town (or its namesake city, else its state's centre), a named area a hand-picked
representative point.
"""

from __future__ import annotations

import logging
import math
from collections import Counter

from ..model import Article, Place, Span
from ..pipeline import stage
from ..settings import Settings
from .gazetteer import GazEntry, Gazetteer, Match, load_gazetteer, normalize
from .mentions import Mention, find_mentions, inside

log = logging.getLogger(__name__)

FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "region": -1.0, "state": -1.0, "city": 0.0,
                 "area": 0.0, "county": -1.0}
US_COUNTY_BONUS = -1.5  # on top: a US county's population field is its state's
# (state and region populations are sums over GeoNames places, neighbourhoods included: inflated)
FEATURE_RANK = {"city": 0, "county": 1, "region": 1, "state": 1, "country": 2, "area": 3,
                "continent": 3}
REGION_BASE = 6.5  # for a region or named area without a population
CAPITAL_BONUS = 1.0
ALTERNATE_PENALTY = 1.5
QUALIFIER_BONUS = 6.0
COUNTRY_CONTEXT_BONUS = 2.0
STATE_CONTEXT_BONUS = 1.5
STATE_WORD_BONUS = 4.0
LIST_FEATURE_BONUS = 2.0  # "California, Washington, Utah": a state among states
DATELINE_CITY_BONUS = 2.0  # a dateline names a city ("WASHINGTON (AP)" is the capital)
STATE_FLOOR = 6.5  # a US state's prior is at least that of a 3-million city: "Wyoming" is the state


def prior(match: Match) -> float:
    """Context-free plausibility of one reading of a name."""
    entry = match.entry
    if entry.feature in ("region", "area") and entry.population == 0:
        base = REGION_BASE
    else:
        base = math.log10(max(entry.population, 100))
    if entry.feature == "state":
        base = max(base, STATE_FLOOR)
    elif entry.feature == "county" and entry.iso2 == "US":
        base += US_COUNTY_BONUS
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
        if inside(entry, mention.qualifier) and entry.feature in ("city", "region", "county"):
            score += QUALIFIER_BONUS
    if mention.state_word and entry.feature == "state":
        score += STATE_WORD_BONUS
    if mention.dateline and entry.feature == "city":
        score += DATELINE_CITY_BONUS
    if entry.feature != "continent" and countries[entry.iso2] > 0:
        score += COUNTRY_CONTEXT_BONUS
    if entry.iso2 == "US" and entry.feature in ("city", "state", "county"):
        score += STATE_CONTEXT_BONUS * _share(states, entry.admin1)
    return score


def _share(votes: Counter[str], code: str) -> float:
    """``code``'s votes relative to the best-supported code (0 when it has none)."""
    count = votes[code]
    return count / max(votes.values()) if count else 0.0


def _choose(mention: Mention, countries: Counter[str], states: Counter[str],
            listed: frozenset[str] = frozenset()) -> GazEntry:
    scored = [(_score(mention, m, countries, states)
               + (LIST_FEATURE_BONUS if m.entry.feature in listed - {"city"} else 0.0),
               -(m.entry.geonameid or 0), m.entry)
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
        if entry.iso2 == "US" and entry.feature in ("city", "state", "county"):
            states[entry.admin1] += 1
            own[1][entry.admin1] += 1
    other_countries = {name: countries - own[0] for name, own in by_name.items()}
    other_states = {name: states - own[1] for name, own in by_name.items()}
    return other_countries, other_states


def resolve_mentions(mentions: list[Mention]) -> None:
    """Choose a reading for each mention: priors first, then again with the article's context
    (the countries and states of the other mentions, the features of a listed neighbour)."""
    empty: Counter[str] = Counter()
    for m in mentions:
        m.chosen = _choose(m, empty, empty)
    countries, states = _context(mentions)
    listed = [_listed_features(m, mentions) for m in mentions]
    for m, features in zip(mentions, listed):
        key = normalize(m.text)
        m.chosen = _choose(m, countries.get(key, empty), states.get(key, empty), features)


def _listed_features(mention: Mention, mentions: list[Mention]) -> frozenset[str]:
    """Features of the first-pass readings of the mentions listed beside ``mention``."""
    chosen = (mentions[k].chosen for k in mention.neighbours or ())
    return frozenset(entry.feature for entry in chosen if entry is not None)


def _place(entry: GazEntry, gazetteer: Gazetteer) -> Place:
    return Place(id=entry.place_id, name=entry.name,
                 country=gazetteer.iso3.get(entry.iso2), lat=entry.lat, lon=entry.lon,
                 feature=entry.feature)


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
