"""The places gazetteer is also the one city -> country table (actors read it)."""

from __future__ import annotations

import pytest

from newsgraph.places.gazetteer import Gazetteer


def _row(key: str, name: str, feature: str, iso2: str, population: int) -> list[str]:
    return [key, name, feature, iso2, "01", "0", "0", str(population), "0", "", ""]


def test_city_countries_takes_the_most_populous_city_of_a_name() -> None:
    gazetteer = Gazetteer([
        _row("1", "Paris", "city", "FR", 2_100_000),
        _row("2", "Paris", "city", "US", 25_000),
        _row("3", "Tripoli", "city", "LB", 230_000),
        _row("4", "Tripoli", "city", "LY", 1_150_000),
        _row("5", "Smallton", "city", "GB", 9_000),
        _row("6", "France", "country", "FR", 67_000_000),
    ], iso3={"FR": "FRA", "US": "USA", "LB": "LBN", "LY": "LBY", "GB": "GBR"})
    assert gazetteer.city_countries() == {"paris": "FRA", "tripoli": "LBY"}
    assert gazetteer.city_countries(min_population=5_000)["smallton"] == "GBR"


@pytest.mark.slow
def test_actor_gazetteer_cities_come_from_the_places_gazetteer() -> None:
    from newsgraph.actors.gazetteer import load_gazetteer as load_actors
    from newsgraph.places.gazetteer import load_gazetteer as load_places

    actors = load_actors()
    assert actors.cities["shiraz"] == "IRN"
    for name, iso3 in load_places().city_countries().items():  # a capital's state wins
        assert actors.cities[name] == actors.capitals.get(name, iso3)
