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
