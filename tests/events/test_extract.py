"""Events on real spaCy parses (slow: loads the model)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.events import analyze_text, acled_type
from newsgraph.model import Event

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    return analyze_text(text).events


def _find(events: list[Event], category: str) -> Event:
    found = [e for e in events if e.category == category]
    assert found, [(e.category, e.pattern) for e in events]
    return found[0]


@pytest.mark.parametrize(("text", "category", "source", "target", "negated", "modality"), [
    ("Washington imposed sanctions on Moscow on Monday.", "SANCTION", "USA", "RUS", False, "asserted"),
    ("Kyiv was shelled by Russian forces on Tuesday.", "ASSAULT", "RUS", "UKR", False, "asserted"),
    ("Israel did not attack Lebanon.", "ASSAULT", "ISR", "LBN", True, "asserted"),
    # PLOVER: a future meeting or cooperation is AGREE (mode planned)
    ("Putin will meet Erdogan in Ankara next week.", "AGREE", "vladimir-putin", "recep-tayyip-erdogan", False, "planned"),
    ("The minister said that Israel attacked Syria.", "ASSAULT", "ISR", "SYR", False, "reported"),
    ("Russia agreed to restore diplomatic ties with France.", "AGREE", "RUS", "FRA", False, "planned"),
    ("The United States urged Iran to release the sailors.", "REQUEST", "USA", "IRN", False, "asserted"),
    ("Iran threatened to attack Israel.", "THREATEN", "IRN", "ISR", False, "asserted"),
    # GUIDE/PLOVER: refusing to meet is a REJECT, not a negated meeting
    ("Egypt refused to meet Ethiopia.", "REJECT", "EGY", "ETH", False, "asserted"),
    ("China condemned Japan on Friday.", "ACCUSE", "CHN", "JPN", False, "asserted"),
    ("Germany sent humanitarian aid to Turkey.", "AID", "DEU", "TUR", False, "asserted"),
    ("France could withdraw its troops from Mali.", "RETREAT", "FRA", "MLI", False, "hypothetical"),
])
def test_events_find_who_did_what_to_whom(text: str, category: str, source: str, target: str,
                                          negated: bool, modality: str) -> None:
    event = _find(_events(text), category)
    assert event.source is not None and event.source.startswith(source)
    assert event.target is not None and event.target.startswith(target)
    assert (event.negated, event.modality) == (negated, modality)


def test_events_conjoined_subjects_give_one_event_each() -> None:
    # a reciprocal act: every participant is its actor, no target (PLOVER, GUIDE)
    events = [e for e in _events("Russia and Iran signed an agreement.") if e.category == "AGREE"]
    assert {(e.source, e.target) for e in events} == {("RUS", None), ("IRN", None)}


def test_events_reported_speech_names_the_speaker() -> None:
    event = _find(_events("Biden said that Russia attacked Ukraine."), "ASSAULT")
    assert event.modality == "reported" and event.attributed_to == "joe-biden"


def test_events_according_to_marks_reported() -> None:
    event = _find(_events("Turkish jets bombed Syria, according to Reuters."), "ASSAULT")
    assert event.modality == "reported" and event.attributed_to


def test_events_carry_evidence_trigger_pattern_and_intensity() -> None:
    text = "Washington imposed sanctions on Moscow."
    event = _find(_events(text), "SANCTION")
    assert text[event.start:event.end] == text
    assert text[event.trigger.start:event.trigger.end] == "imposed sanctions"
    assert event.pattern == "verb:impose+sanction" and event.cameo == "163"
    assert event.intensity == -8.0 and 0 < event.confidence <= 1


def test_events_noun_trigger_takes_modifier_source_and_on_target() -> None:
    event = _find(_events("Russian airstrikes on Syria continued."), "ASSAULT")
    assert (event.source, event.target, event.cameo) == ("RUS", "SYR", "195")


def test_events_need_an_actor() -> None:
    assert _events("The weather attacked the picnic.") == []


def test_acled_type_maps_air_strikes_and_arrests() -> None:
    assert acled_type("ASSAULT", "195", "noun:airstrike") == "AIR_STRIKE"
    assert acled_type("COERCE", "173", "verb:arrest") == "ARREST"
