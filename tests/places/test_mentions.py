"""Finding place names beyond spaCy's GPE/LOC entities, and their precision guards."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Entity, Place, Source
from newsgraph.places import geocode, load_gazetteer
from newsgraph.settings import Settings

SETTINGS = Settings()


def _places(text: str, entities: list[tuple[str, str]]) -> list[Place]:
    article = Article(id="t", source=Source(uri="t", format="text", text=text), start=0, end=len(text))
    cursor = 0
    for name, label in entities:
        start = text.index(name, cursor)
        article.entities.append(Entity(text=name, label=label, start=start, end=start + len(name)))
        cursor = start + len(name)
    geocode(article, settings=SETTINGS)
    return article.places


def _names(places: list[Place]) -> set[str]:
    return {p.name for p in places}


@pytest.mark.parametrize(("text", "name", "iso3"), [
    ("RALEIGH, N.C. (AP) — Lawmakers met on Monday.", "Raleigh", "USA"),
    ("TORONTO — The family of a man said on Friday.", "Toronto", "CAN"),
    ("(AP Photo)\n\nCOLUMBUS, Ohio (AP) — Schools closed.", "Columbus", "USA"),
    ("NEW DELHI: The court said on Monday.", "New Delhi", "IND"),
    ("WASHINGTON (AP) — The Senate voted.", "Washington", "USA"),
])
def test_dateline_place_is_found_without_an_entity(text: str, name: str, iso3: str) -> None:
    place = next(p for p in _places(text, []) if p.name == name)
    assert place.country == iso3
    assert place.feature == "city"


def test_dateline_needs_a_wire_tag_or_dash_after_the_name() -> None:
    assert _places("TORONTO MAPLE LEAFS WIN\nThe team won.", []) == []
    assert _places("BREAKING — Markets fell.", []) == []


def test_org_entity_that_is_a_big_city_reads_as_a_place() -> None:
    [place] = _places("Tijuana promised to improve its sewage.", [("Tijuana", "ORG")])
    assert place.country == "MEX"


def test_org_entity_that_is_a_small_town_needs_a_cue() -> None:
    assert _places("Shares of Lombard rose.", [("Lombard", "ORG")]) == []
    [place] = _places("Police in Dewsbury said.", [("Dewsbury", "ORG")])
    assert place.country == "GBR"


def test_person_entity_that_names_a_region_reads_as_a_place() -> None:
    [place] = _places("Tamil Nadu said it had written to the Centre.", [("Tamil Nadu", "PERSON")])
    assert (place.country, place.feature) == ("IND", "region")


def test_person_entity_that_is_a_city_needs_a_cue() -> None:
    assert _places("Sutton predicted a win.", [("Sutton", "PERSON")]) == []
    assert _names(_places("He moved to a flat in Almelo.", [("Almelo", "PERSON")])) == {"Almelo"}


def test_surname_used_in_the_article_is_not_a_place() -> None:
    text = "Cristina Nelson spoke. Later, in Nelson's view, costs rose."
    assert _places(text, [("Cristina Nelson", "PERSON"), ("Nelson", "PERSON")]) == []


def test_title_before_a_name_is_not_a_place() -> None:
    assert _places("He met Mr. Houston in Dallas.", [("Houston", "ORG")]) == []


def test_acronym_slip_is_only_a_country_or_state() -> None:
    assert _places("The UN said.", [("UN", "ORG")]) == []
    assert [p.country for p in _places("The UAE said.", [("UAE", "ORG")])] == ["ARE"]


def test_stoplist_word_is_not_a_lone_city() -> None:
    assert _places("Alliance members met.", [("Alliance", "ORG")]) == []


def test_comma_qualifier_makes_an_org_slip_a_place() -> None:
    places = _places("He points to Boise, Idaho, as a model.", [("Boise", "ORG"), ("Idaho", "GPE")])
    assert {(p.name, p.country) for p in places} == {("Boise", "USA"), ("Idaho", "USA")}


def test_compound_entity_is_split_into_its_places() -> None:
    text = "Towns along the Syria/Turkey border were shelled."
    assert _names(_places(text, [("Syria/Turkey", "GPE")])) == {"Syria", "Turkey"}


def test_named_area_with_a_compass_word_is_the_area_not_the_continent() -> None:
    [place] = _places("Instability affecting North Africa grew.", [("North Africa", "LOC")])
    assert (place.id, place.feature) == ("north-africa-area", "area")


def test_area_names_resolve_to_areas() -> None:
    gazetteer = load_gazetteer()
    for name in ("Middle East", "Gulf of Mexico", "Mississippi River", "Himalayas", "Sahara"):
        assert any(m.entry.feature == "area" for m in gazetteer.lookup(name)), name


def test_country_point_is_the_geonames_point() -> None:
    [usa] = _places("Trade with the United States grew.", [("United States", "GPE")])
    assert (usa.lat, usa.lon) == (39.76, -98.5)  # near the centre of the contiguous states


def test_motion_word_before_to_makes_a_person_slip_a_place() -> None:
    [place] = _places("People travelling to Cirencester faced delays.", [("Cirencester", "PERSON")])
    assert place.country == "GBR"
    assert _places("He spoke to Cirencester about it.", [("Cirencester", "PERSON")]) == []


def test_dateline_after_a_byline_sentence_needs_a_wire_tag() -> None:
    text = "By Nate Raymond. BOSTON (Reuters) - A judge ruled."
    assert [p.name for p in _places(text, [])] == ["Boston"]
    assert _places("He said so. NATO -- the alliance met.", []) == []


def test_us_county_is_a_place_resolved_by_the_state_context() -> None:
    text = "Kentucky schools in Daviess County will be given money."
    places = _places(text, [("Kentucky", "GPE"), ("Daviess County", "GPE")])
    county = next(p for p in places if p.name == "Daviess County")
    assert (county.id, county.feature, county.country) == ("daviess-county-us-21059", "county", "USA")


def test_county_qualified_by_a_parenthesised_state() -> None:
    text = "The Walker County (Ga.) Sheriff's Office said."
    places = _places(text, [("Walker County", "GPE")])
    assert [p.id for p in places] == ["walker-county-us-13295"]


def test_county_takes_the_point_of_its_namesake_city() -> None:
    [county] = _places("Voters in Orange County, California, turned out.",
                       [("Orange County", "GPE"), ("California", "GPE")])[:1]
    assert county.id == "orange-county-us-06059"
    assert county.lat is not None and abs(county.lat - 33.79) < 0.2  # the city of Orange


def test_bc_without_dots_is_british_columbia() -> None:
    [place] = _places("A FrontCounter office opened in BC today.", [("BC", "GPE")])
    assert (place.name, place.country) == ("British Columbia", "CAN")


def test_small_namesake_wins_once_the_name_is_accepted_and_the_context_agrees() -> None:
    text = "A new office opened in BC. Instead of driving to Castlegar, people go to Nelson."
    places = _places(text, [("BC", "ORG"), ("Castlegar", "PERSON"), ("Nelson", "PERSON")])
    nelson = next(p for p in places if p.name == "Nelson")
    assert nelson.country == "CAN"


@pytest.mark.parametrize(("text", "names", "iso3"), [
    ("Race days: Brands Hatch, Kent, in April.", ["Kent"], "GBR"),
    ("Floods hit Essex and Suffolk.", ["Essex", "Suffolk"], "GBR"),  # Essex makes it England's
    ("A farm near Castlebar, County Mayo, was sold.", ["County Mayo"], "IRL"),
])
def test_british_and_irish_counties_are_places(text: str, names: list[str], iso3: str) -> None:
    place = next(p for p in _places(text, [(n, "GPE") for n in names]) if p.name == names[-1])
    assert (place.country, place.feature) == (iso3, "county")


@pytest.mark.parametrize(("text", "name"), [
    ("UEFA charged Liverpool FC over the attack.", "Liverpool"),
    ("Che Adams of Birmingham City scored.", "Birmingham"),
    ("Mississippi State started the game 0 for 10.", "Mississippi"),
])
def test_place_name_opening_an_organisation_name_is_not_a_place(text: str, name: str) -> None:
    assert _places(text, [(name, "GPE")]) == []


def test_entity_cut_before_city_is_extended_to_the_city() -> None:
    text = "Officials in Kansas City said."
    [place] = _places(text, [("Kansas", "GPE")])
    assert place.name == "Kansas City"
    assert text[place.mentions[0].start:place.mentions[0].end] == "Kansas City"


def test_demonym_before_a_geographic_noun_names_its_country() -> None:
    text = "Shells fell along the Syrian-Turkish border; Syrian forces advanced."
    places = _places(text, [("Syrian-Turkish", "NORP"), ("Syrian", "NORP")])
    assert sorted((p.name, len(p.mentions)) for p in places) == [("Syria", 1), ("Turkey", 1)]


def test_small_town_kept_when_a_county_after_the_comma_holds_it() -> None:
    text = "A body was found on a path near New Quay, Ceredigion, on Wednesday."
    places = _places(text, [("New Quay", "LOC")])
    assert {(p.name, p.feature) for p in places} == {("New Quay", "city"),
                                                     ("Ceredigion", "county")}
    assert _places("A path near New Quay was closed.", [("New Quay", "LOC")]) == []


def test_canadian_province_abbreviation_qualifies_a_place() -> None:
    text = "It was stolen in Fredericton, N.B. last week."
    places = _places(text, [("Fredericton", "GPE")])
    assert {p.name for p in places} == {"Fredericton", "New Brunswick"}


def test_region_qualifier_picks_the_namesake_inside_the_region() -> None:
    [london] = _places("Police in London, Ont., said.", [("London", "GPE")])[:1]
    assert london.country == "CAN"


def test_demonym_before_an_agency_noun_is_no_place() -> None:
    text = "A Chinese coast guard ship fired; Syrian border police watched."
    assert _places(text, [("Chinese", "NORP"), ("Syrian", "NORP")]) == []


def test_org_after_a_cue_may_be_a_big_city_under_another_spelling() -> None:
    [place] = _places("A coalition of militias from Misrata formed it.", [("Misrata", "ORG")])
    assert place.country == "LBY"
    assert _places("A coalition from Misrata formed it.", [("Misrata", "GPE")])[0].country == "LBY"


def test_kinship_word_before_a_gpe_makes_it_a_person() -> None:
    assert _places("It did not include his brother Tyler.", [("Tyler", "GPE")]) == []
    [place] = _places("According to the minister, Slovenia agreed.", [("Slovenia", "GPE")])
    assert place.country == "SVN"


def test_names_listed_after_a_storm_word_are_storms() -> None:
    text = "Three hurricanes striking US soil: Harvey, Irma and Maria."
    places = _places(text, [("US", "GPE"), ("Harvey", "GPE"), ("Irma", "GPE"), ("Maria", "GPE")])
    assert [p.name for p in places] == ["United States"]
