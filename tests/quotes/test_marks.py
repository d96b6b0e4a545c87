"""Quotation-mark pairing (no model)."""

from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ('"We had good talks," he said.', ["We had good talks"]),
    ("“We must raise our voice,” he said.", ["We must raise our voice"]),
    ('people are reacting to "rumors” with concern', ["rumors"]),  # straight open, curly close
    ("the US as ‘the enemy.’ “We must act,” he said.", ["the enemy.", "We must act"]),
    ("''I don't judge,'' he said.", ["I don't judge"]),
    ('He said: "Yes." Then: "No."', ["Yes.", "No."]),
])
def test_find_quotes_pairs_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "Shiraz’s representative said the officials’ plan doesn't work and it's late.",
    "The 1990s' boom and the '90s.",
])
def test_find_quotes_ignores_apostrophes(text: str) -> None:
    assert quoted(text) == []


def test_unclosed_quote_does_not_swallow_the_article() -> None:
    text = 'He called it "a hoax and left.\nThe next paragraph is plain.\n"Fine," she said.'
    assert quoted(text) == ["Fine"]


def test_unclosed_quote_restarts_at_the_next_opening_mark() -> None:
    text = 'He called it "a hoax. Later he said "we will see" and left.'
    assert quoted(text) == ["we will see"]


def test_quote_over_paragraphs_when_the_next_paragraph_reopens() -> None:
    text = '"The first part of it.\n"The second part," she said.'
    spans = find_quotes(text)
    assert [text[q.start:q.end] for q in spans] == ["The first part of it.", "The second part"]
    assert [q.continued for q in spans] == [True, False]


def test_quote_longer_than_the_limit_is_dropped() -> None:
    text = '"' + "word " * 200 + '" he said.'
    assert find_quotes(text, max_chars=100) == []


def test_offsets_exclude_the_marks() -> None:
    text = 'Nejabat stated, "Gasoline has not been supplied."'
    [q] = find_quotes(text)
    assert text[q.open_mark] == '"' and text[q.close_mark] == '"'
    assert text[q.start:q.end] == "Gasoline has not been supplied."


def test_single_quotes_inside_double_quotes_are_not_separate() -> None:
    assert quoted("“He called it ‘a joke’ today,” she said.") == ["He called it ‘a joke’ today"]
