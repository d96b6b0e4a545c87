"""The CASE 2021 snippet classifier's mapping rules (fast, no model)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.events import acled_type


@pytest.mark.parametrize(("category", "cameo", "pattern", "words", "kwargs", "expected"), [
    ("ASSAULT", "190", "verb:kill", {"killed", "civilians"}, {"target_text": "six civilians"}, "ATTACK"),
    ("ASSAULT", "190", "verb:clash", {"clashed", "rebels"}, {"target_text": "rebels"}, "ARMED_CLASH"),
    ("ASSAULT", "183", "noun:blast", {"suicide", "bomber"}, {}, "SUIC_BOMB"),
    ("ASSAULT", "190", "verb:attack", {"grenade"}, {}, "GRENADE"),
    ("ASSAULT", "190", "verb:hit", {"mortar", "shells"}, {}, "ART_MISS_ATTACK"),
    ("ASSAULT", "190", "verb:attack", {"chlorine"}, {}, "CHEM_WEAP"),
    ("ASSAULT", "192", "verb:capture", {"captured"}, {"source_state": True}, "GOV_REGAINS_TERIT"),
    ("ASSAULT", "192", "verb:capture", {"captured"}, {}, "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("PROTEST", "141", "verb:protest", {"stones", "protesters"}, {}, "VIOL_DEMONSTR"),
    ("PROTEST", "141", "verb:protest", {"protesters"}, {}, "PEACE_PROTEST"),
    ("COERCE", "171", "verb:seize", {"weapons"}, {}, "DISR_WEAP"),
    ("COERCE", "173", "verb:arrest", set(), {}, "ARREST"),
])
def test_acled_type_maps_by_code_and_words(category: str, cameo: str, pattern: str, words: set[str],
                                           kwargs: dict, expected: str) -> None:
    assert acled_type(category, cameo, pattern, words, **kwargs) == expected
