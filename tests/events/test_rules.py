"""Parsing rules of the events stage, one row per rule (slow: loads the model)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.events import analyze_text
from newsgraph.model import Event

pytestmark = pytest.mark.slow


def _events(text: str, category: str) -> list[Event]:
    return [e for e in analyze_text(text).events if e.category == category]


def _pairs(text: str, category: str) -> set[tuple[str | None, str | None]]:
    return {(e.source, e.target) for e in _events(text, category) if not e.negated}


@pytest.mark.parametrize(("text", "category", "expected"), [
    # coordinated subjects, each its own source
    ("Russia, China and Iran condemned Israel.", "ACCUSE", {("RUS", "ISR"), ("CHN", "ISR"), ("IRN", "ISR")}),
    # a motion pattern's own preposition names the target
    # (one event: the visitor is the actor, the host the recipient; "for talks" is its purpose)
    ("Turkey arrived in Egypt for talks on Monday.", "CONSULT", {("TUR", "EGY")}),
    # an object that is no actor leaves the "to" phrase as target
    ("Germany contributed a million euros to Ukraine.", "AID", {("DEU", "UKR")}),
    # the maker of the object is the target
    ("France welcomed the proposal from Egypt.", "SUPPORT", {("FRA", "EGY")}),
    # the noun's infinitive complement gives the target
    ("Egypt's refusal to meet Ethiopia angered Sudan.", "REJECT", {("EGY", "ETH")}),
    # "their" stands for the conjoined subject: a reciprocal act, both are its actor
    ("Russia and China delayed their meeting.", "CONSULT", {("RUS", None), ("CHN", None)}),
    ("Russia and China postponed their talks.", "SANCTION", {("RUS", None), ("CHN", None)}),
    # receiving: the giver is the source
    ("Ukraine received weapons from Germany.", "AID", {("DEU", "UKR")}),
    # breaking relations
    ("Morocco broke relations with Iran.", "SANCTION", {("MAR", "IRN")}),
    # a carrier verb takes the target of its event noun; the noun is no event of its own
    ("Iran called for sanctions against Israel.", "REQUEST", {("IRN", "ISR")}),
])
def test_rules_find_the_pairs(text: str, category: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _pairs(text, category)


def test_rules_carrier_noun_is_not_a_second_event() -> None:
    assert _events("Iran called for sanctions against Israel.", "SANCTION") == []


def test_rules_neither_nor_negates() -> None:
    events = _events("Neither Russia nor China attacked Japan.", "ASSAULT")
    assert events and all(e.negated for e in events)


def test_rules_never_pair_an_actor_with_itself() -> None:
    events = analyze_text("Macron and the French president held a meeting.").events
    assert all(e.source is None or e.source != e.target for e in events)


def test_rules_light_verb_leaves_the_event_to_its_noun() -> None:
    events = analyze_text("Iran promised strikes on Israel.").events
    assert [e.category for e in events] == ["ASSAULT"]
    assert events[0].modality == "planned" and events[0].target == "ISR"


@pytest.mark.parametrize(("text", "category", "words"), [
    ("Gunmen attacked a bus near the market.", "ASSAULT", "Gunmen"),
    ("A bomb exploded near the market.", "ASSAULT", "A bomb"),
    ("Protesters marched through the capital.", "PROTEST", "Protesters"),
])
def test_rules_generic_agents_give_events_without_actors(text: str, category: str, words: str) -> None:
    [event] = _events(text, category)
    assert event.source is None and event.source_text == words and event.confidence <= 0.35


def test_rules_no_event_without_actor_or_generic_agent() -> None:
    assert analyze_text("The weather attacked the picnic.").events == []
