"""``newsgraph explain``: each candidate trigger with the rule that fired or why not (slow)."""

from __future__ import annotations

import pytest

from conftest import run_cli
from newsgraph.events.explain import explain, render

pytestmark = pytest.mark.slow

TEXT = "Ankara called the new measures illegal. Why did Peru attack Chile?"


def test_explain_gives_parse_actors_rules_and_events_per_sentence() -> None:
    [(article, reports)] = explain(TEXT)
    first, second = reports
    assert any(p.startswith("0:Ankara/PROPN/nsubj>") for p in first.parse)
    assert "Ankara=TUR" in first.actors
    called = next(c for c in first.candidates if c.word == "called")
    assert (called.pattern, called.category, called.verdict) == ("verb:call+@oprd", "ACCUSE", "event")
    assert [(e.category, e.source) for e in first.events] == [("ACCUSE", "TUR")]
    attack = next(c for c in second.candidates if c.word == "attack")
    assert "question" in attack.verdict and second.events == []


def test_explain_command_prints_one_sentence() -> None:
    result = run_cli("explain", TEXT, "--sentence", "1")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "[1] Why did Peru attack Chile?" in out and "[0]" not in out
    assert "rejected: a question reports no event" in out


def test_explain_takes_a_long_one_line_text_as_text() -> None:
    # a one-line text longer than a file name may be (255 bytes) is still a text to explain
    text = "Gondor criticised Mordor over the raids on its border towns. " * 6
    assert len(text) > 300 and "\n" not in text
    [(article, reports)] = explain(text)
    assert len(reports) == 6
