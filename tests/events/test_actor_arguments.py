"""Sources and targets of events on short written texts, one row per actor rule (slow:
loads the model). Each sentence is written for the rule it checks."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.events import analyze_text
from newsgraph.model import Event

pytestmark = pytest.mark.slow


def _events(text: str, category: str | None = None) -> list[Event]:
    return [e for e in analyze_text(text).events if category is None or e.category == category]


def _pairs(text: str, category: str) -> set[tuple[str | None, str | None]]:
    return {(e.source, e.target) for e in _events(text, category)}


def test_an_official_acting_on_unnamed_people_acts_on_his_own_citizens() -> None:
    text = "Kenyan Chief Justice Paul Mwangi urged the protesters to go home."
    assert ("paul-mwangi", "KEN-CVL") in _pairs(text, "REQUEST")


def test_expelled_diplomats_are_no_citizens_of_the_expelling_state() -> None:
    text = "Peru expelled three diplomats on Monday."
    assert all(t != "PER-CVL" for _, t in _pairs(text, "SANCTION"))


def test_a_backer_named_before_the_act_is_not_its_actor() -> None:
    text = "The Chilean-backed offensive killed dozens of villagers near Arica."
    assert all(s != "CHL" for s, _ in _pairs(text, "ASSAULT"))


@pytest.mark.parametrize("text", [
    "Chile accuses Bolivia of spying on its navy, a claim that Bolivia denies.",
    "Argentina blamed Uruguay in the dispute, which Uruguay firmly denies.",
])
def test_a_denial_in_a_relative_clause_targets_who_made_the_claim(text: str) -> None:
    pairs = _pairs(text, "REJECT")
    assert pairs and all(t in ("CHL", "ARG") for _, t in pairs)


def test_a_person_owning_an_arrest_is_its_target() -> None:
    text = "Rosa Quispe, a teacher, spoke in Lima on Monday. Quispe's arrest angered her family."
    targets = {t for _, t in _pairs(text, "COERCE")}
    assert "rosa-quispe" in targets


def test_the_of_phrase_of_a_reversed_conviction_is_the_target() -> None:
    text = "Chile's supreme court reversed the conviction of a journalist, Pablo Rojas."
    assert ("CHL-JUD", "pablo-rojas") in _pairs(text, "CONCEDE")


def test_an_object_pronoun_finds_a_person_named_sentences_before() -> None:
    text = ("A court in Lima jailed the activist Rosa Quispe in May. The ruling was appealed. "
            "Lawyers filed papers in June. On Friday the supreme court freed her.")
    assert any(t == "rosa-quispe" for _, t in _pairs(text, "RETREAT"))


def test_a_passive_participle_names_its_patient() -> None:
    text = "Some of the 40 Chilean diplomats being expelled from Peru left Lima on Monday."
    assert ("PER", "CHL") in _pairs(text, "SANCTION")


def test_the_owner_of_a_decision_acts_in_its_infinitive() -> None:
    text = "Bolivia condemned Chilean President Luis Rojas's decision to deploy troops."
    assert any(s == "luis-rojas" for s, _ in _pairs(text, "MOBILIZE"))


def test_troops_an_actor_deploys_are_not_its_target() -> None:
    text = ("Peru said Chile had deployed extra troops on Monday. Peru's president and "
            "Peru's congress met in Lima, Peru.")
    pairs = _pairs(text, "MOBILIZE")
    assert ("CHL", None) in pairs and not any(t == "PER-MIL" for _, t in pairs)


def test_an_actor_acting_on_its_own_thing_still_acts() -> None:
    assert ("PER", None) in _pairs("Peru's government withdrew its pension bill on Tuesday.",
                                   "RETREAT")


def test_those_a_clause_describes_are_people_of_the_official() -> None:
    text = "Kenyan Chief Justice Paul Mwangi advised those dissatisfied with rulings to appeal."
    assert ("paul-mwangi", "KEN-CVL") in _pairs(text, "REQUEST")
