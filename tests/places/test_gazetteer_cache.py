"""The place gazetteer survives its on-disk cache unchanged (pickled and loaded back)."""

from __future__ import annotations

import pickle

from newsgraph.places.gazetteer import Gazetteer

ROWS = [
    # geonameid name feature iso2 admin1 lat lon population capital alternates aliases
    ["2988507", "Paris", "city", "FR", "11", "48.85", "2.35", "2138551", "1", "Lutetia|Paname", ""],
    ["4717560", "Paris", "city", "US", "TX", "33.66", "-95.55", "24782", "0", "", ""],
    ["3017382", "France", "country", "FR", "", "46", "2", "64768389", "0", "", "French Republic"],
    ["5332921", "California", "state", "US", "CA", "", "", "0", "0", "", "Calif."],
]


def _view(gazetteer: Gazetteer, name: str) -> list[tuple[str, bool]]:
    return [(m.entry.key, m.exact) for m in gazetteer.lookup(name)]


def test_gazetteer_lookup_is_the_same_after_a_pickle_round_trip() -> None:
    built = Gazetteer(ROWS, iso3={"FR": "FRA", "US": "USA"})
    loaded = pickle.loads(pickle.dumps(built))
    for name in ("Paris", "paris", "Paname", "French Republic", "Calif.", "Lyon"):
        assert _view(loaded, name) == _view(built, name)
    assert _view(built, "Paris") == [("2988507", True), ("4717560", True)]
    assert _view(built, "Lutetia") == [("2988507", False)]  # an alternate name is not exact
    assert loaded.country("FR").name == "France" and loaded.state("CA").name == "California"
    assert loaded.iso3 == {"FR": "FRA", "US": "USA"} and len(loaded) == 4
    assert loaded.has("paname") and not loaded.has("Lyon")
