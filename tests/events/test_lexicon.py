"""Lexicon integrity: fast, no spaCy."""

from __future__ import annotations

import re

from newsgraph.events.lexicon import cameo_intent, load_lexicon, read_nouns, read_verbs
from newsgraph.model import PLOVER_CATEGORIES

CODE = re.compile(r"\d{3,4}")


def test_lexicon_covers_every_plover_category() -> None:
    lex = load_lexicon()
    used = {lex.plover(p.cameo) for ps in lex.verbs.values() for p in ps}
    assert used - {None} == set(PLOVER_CATEGORIES)


def test_lexicon_codes_are_cameo_codes_with_a_plover_category() -> None:
    lex = load_lexicon()
    for code, entry in lex.codes.items():
        assert CODE.fullmatch(code), code
        assert entry.plover is None or entry.plover in PLOVER_CATEGORIES
        assert (entry.plover is None) == code.startswith("01"), code
    for pattern in [*read_verbs(), *read_nouns()]:
        assert pattern.cameo in lex.codes, pattern
        # CAMEO 010 marks a reading that is no event ("abused the power", "talked about")
        assert lex.plover(pattern.cameo) is not None or pattern.cameo == "010", pattern


def test_lexicon_intensities_lie_on_the_goldstein_scale() -> None:
    for entry in load_lexicon().codes.values():
        assert -10.0 <= entry.goldstein <= 10.0


def test_lexicon_assault_is_conflict_and_aid_is_cooperation() -> None:
    lex = load_lexicon()
    assert lex.goldstein("190") == -10.0 and lex.goldstein("070") > 5


def test_lexicon_verb_patterns_are_unique_and_well_formed() -> None:
    seen = set()
    for p in read_verbs():
        key = (p.verb, p.particles, p.obj)
        assert key not in seen, key
        seen.add(key)
        assert p.frame in ("-", "intr", "tr", "from")
        assert p.verb == p.verb.lower() and " " not in p.verb


def test_lexicon_has_hundreds_of_verb_patterns_and_event_nouns() -> None:
    assert len(read_verbs()) > 800 and len(read_nouns()) > 150


def test_cameo_intent_codes_a_planned_meeting_as_036() -> None:
    assert cameo_intent("040") == "036" and cameo_intent("190") == "190"
