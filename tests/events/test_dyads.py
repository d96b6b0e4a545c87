"""Dyads on short written texts, one row per rule (slow: loads the model).

Street protests versus diplomatic ones, repeated mentions, self-protection, aid recipients,
and arguments the parser hides (datelines, passive raising verbs, coordinated owners)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.events import analyze_text
from newsgraph.model import Event

pytestmark = pytest.mark.slow


def _events(text: str, category: str | None = None) -> list[Event]:
    return [e for e in analyze_text(text).events if category is None or e.category == category]


def _pairs(text: str, category: str) -> set[tuple[str | None, str | None]]:
    return {(e.source, e.target) for e in _events(text, category)}


def test_diplomatic_protest_back_reference_is_no_street_protest() -> None:
    text = ("Ghana summoned Togo's ambassador and lodged a formal diplomatic protest over the "
            "arrest of two fishermen. Togo rejected the protest.")
    assert all(not e.pattern.endswith("+domestic") for e in _events(text))
    assert _events(text, "PROTEST") == []


def test_protest_note_is_no_street_protest() -> None:
    text = ("Chile handed Bolivia a strong protest on Monday. Chile said the protest was "
            "delivered in La Paz.")
    assert all("+domestic" not in e.pattern for e in _events(text))


def test_natural_force_hitting_a_country_is_no_assault() -> None:
    assert _events("Floods hit Kenya on Monday.", "ASSAULT") == []


def test_street_protest_still_gets_the_domestic_default() -> None:
    text = "Kenya raised fuel taxes. Thousands of people protested in Nairobi on Monday."
    assert ("KEN-CVL", "KEN") in _pairs(text, "PROTEST")


def test_police_blocking_a_road_get_no_domestic_addressee() -> None:
    text = "Kenya raised fuel taxes. Kenyan police blocked the main road on Monday."
    events = _events(text, "PROTEST")
    assert events and all(e.target is None and "+domestic" not in e.pattern for e in events)


def test_protest_outside_a_building_targets_its_owner() -> None:
    text = ("Kenya raised fuel taxes. Dozens of farmers from Uganda protested outside the "
            "Kenyan embassy in Kampala.")
    assert ("UGA-CVL", "KEN") in _pairs(text, "PROTEST")


def test_group_noun_of_two_states_gives_one_source_each() -> None:
    text = ("Peru and Chile signed a deal. Hundreds of farmers from Peru and Chile protested "
            "outside the World Bank office in Lima.")
    sources = {s for s, _ in _pairs(text, "PROTEST")}
    assert {"PER-CVL", "CHL-CVL"} <= sources


def test_right_to_protest_is_no_protest_event() -> None:
    text = "Kenya's ombudsman urged the police to respect the right to peaceful protest."
    assert _events(text, "PROTEST") == []


def test_definite_repeat_of_an_event_noun_is_one_event() -> None:
    text = ("Kenya raised fuel taxes, sparking a week of protests in Nairobi. The minister "
            "resigned over the police response to the protests.")
    assert len(_events(text, "PROTEST")) == 1


def test_state_protecting_its_own_people_is_no_aid() -> None:
    text = "Kenya said it had protected its farmers in the trade deal with Uganda."
    assert _events(text, "AID") == []


def test_dateline_subject_gives_way_to_its_apposition() -> None:
    text = ("NAIROBI — Kenyan and Ugandan officials agreed on Monday to open two border "
            "crossings.")
    assert {("KEN", None), ("UGA", None)} <= _pairs(text, "AGREE")  # reciprocal


def test_passive_raising_verb_passes_its_subject_on() -> None:
    text = "Kenyan President William Ruto is expected to travel to Uganda next week."
    assert ("william-ruto", "UGA") in _pairs(text, "AGREE")  # PLOVER: a future visit is AGREE


def test_sanction_target_through_linked_to() -> None:
    text = ("Canada imposed sanctions on five companies linked to Syria's chemical weapons "
            "programme.")
    assert ("CAN", "SYR") in _pairs(text, "SANCTION")


@pytest.mark.parametrize(("text", "expected"), [
    # an amount of money in aid: the verb carries it, the noun is no second event
    ("Floods hit Kenya. Mombasa and Nairobi were cut off. Germany's embassy in Nairobi said "
     "Berlin would provide 5 million euros in emergency assistance.", ("DEU", "KEN")),
    # measured goods count as their object
    ("Floods hit Kenya. Mombasa and Nairobi were cut off. The Red Cross said it had sent 20 "
     "tonnes of supplies from Mombasa to Nairobi.", (None, "KEN")),
])
def test_aid_without_recipient_goes_to_the_story_country(
        text: str, expected: tuple[str | None, str]) -> None:
    events = _events(text, "AID")
    assert len(events) == 1, [(e.pattern, e.source, e.target) for e in events]
    source, target = expected
    assert events[0].target == target and events[0].pattern.endswith("+recipient")
    assert source is None or events[0].source == source


def test_aid_pledged_at_a_foreign_venue_has_no_guessed_recipient() -> None:
    text = ("Floods hit Kenya. Mombasa and Nairobi were cut off. At a conference in Geneva, "
            "Germany said it would provide 5 million euros in emergency assistance.")
    assert all(e.target is None for e in _events(text, "AID"))


def test_name_listed_as_apposition_is_a_list_member() -> None:
    text = "Senegal, the Gambia, and Mali criticised France."  # "the Gambia" parsed as apposition
    assert {e.source for e in _events(text)} == {"SEN", "GMB", "MLI"}


def test_descriptive_apposition_is_no_list_member() -> None:
    text = "Kenya, the region's largest economy, and Chile welcomed a resumption of ties with Mexico."
    assert {e.source for e in _events(text)} == {"KEN", "CHL"}


def test_sender_hung_on_the_verb_is_the_target() -> None:
    text = "France welcomed memos from Germany on its role in forthcoming peace talks."
    assert ("FRA", "DEU") in {(e.source, e.target) for e in _events(text)}


def test_own_possessive_is_no_target() -> None:
    text = "France welcomed memos from Germany on its role in forthcoming peace talks."
    assert all(e.target != "FRA" for e in _events(text) if e.source == "FRA")
