"""Geocoding on real spaCy parses."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Source
from newsgraph.settings import Settings

pytestmark = pytest.mark.slow
SETTINGS = Settings()


def _analyze(text: str) -> Article:
    from newsgraph.nlp import find_entities, parse
    from newsgraph.places import geocode

    article = Article(id="t", source=Source(uri="t", format="text", text=text), start=0,
                      end=len(text), published="2023-08-17")
    [article] = list(parse([article], settings=SETTINGS))
    find_entities(article, settings=SETTINGS)
    geocode(article, settings=SETTINGS)
    return article


@pytest.mark.parametrize(("text", "name", "iso3"), [
    ("Russia is building a drone factory near Shiraz, officials said.", "Shiraz", "IRN"),
    ("The ministers met in Paris on Thursday to discuss the sanctions.", "Paris", "FRA"),
    ("Moscow rejected the proposal and summoned the ambassador.", "Moscow", "RUS"),
    ("Officials in Washington said the sanctions would take effect next week.", "Washington", "USA"),
])
def test_parsed_place_names_resolve(text: str, name: str, iso3: str) -> None:
    article = _analyze(text)
    place = next(p for p in article.places if p.name == name)
    assert place.country == iso3
    assert any(text[m.start:m.end] == name for m in place.mentions)


def test_place_for_span_finds_the_city_in_a_sentence() -> None:
    from newsgraph.places import place_for_span

    text = "Iran said on Monday. Drones struck a depot in Shiraz, Iran, overnight."
    article = _analyze(text)
    second = text.index("Drones")
    assert place_for_span(article, second, len(text)) == "shiraz-115019"
    assert place_for_span(article, 0, second) == "iran-130758"


def test_parsed_dateline_county_and_demonym_border() -> None:
    text = ("RALEIGH, N.C. (AP) — Schools in Wake County closed on Monday. "
            "Officials said trucks waited at the Mexican border.")
    article = _analyze(text)
    ids = {p.id for p in article.places}
    assert "raleigh-4487042" in ids
    assert "wake-county-us-37183" in ids
    assert "mexico-3996063" in ids
