"""Facts about line splitting and the surface cues of each line."""

from __future__ import annotations

import pytest

from newsgraph.segment.paragraphs import split_lines


def test_lines_mark_blank_and_separator_kinds() -> None:
    lines = split_lines("Title\n\n---\n•\n* * *\nBody text. Ends.")
    assert [ln.kind for ln in lines] == ["text", "blank", "separator", "separator", "separator", "text"]
    assert [ln.strong for ln in lines if ln.kind == "separator"] == [True, False, True]


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("WASHINGTON — The Senate voted on Tuesday to pass the bill.", True),
        ("LONDON (Reuters) - Oil prices rose on Monday.", True),
        ("Hanoi (VNA) – Vietnam supports a greater role for Russia.", True),
        ("SOUTH WAZIRISTAN, April 5 (APP): The army chief opened two projects.", True),
        ("The Senate voted on Tuesday to pass the bill.", False),
        ("He said: the vote was close.", False),
    ],
)
def test_lines_detect_dateline_openings(line: str, dateline: bool) -> None:
    (parsed,) = split_lines(line)
    assert parsed.dateline is dateline


@pytest.mark.parametrize(
    ("line", "anaphoric"),
    [
        ("He said the talks would go on.", True),
        ("However, officials denied the report.", True),
        ("The ministry said the talks would go on.", False),
    ],
)
def test_lines_detect_continuation_openings(line: str, anaphoric: bool) -> None:
    (parsed,) = split_lines(line)
    assert parsed.anaphoric is anaphoric


def test_lines_headline_looks_like_title_not_caption() -> None:
    (title,) = split_lines("Russia Advances Mass Production Of Iranian Attack Drones")
    (caption,) = split_lines("Senior members of the IRGC during a meeting in Tehran on August 17, 2023")
    assert title.title_like > title.caption_like
    assert caption.caption_like >= 0.4


def test_lines_sentence_is_not_title_shaped() -> None:
    (line,) = split_lines("The council voted to expand the bus network on Tuesday.")
    assert line.title_like < 0.5


def test_lines_flag_open_end_and_closing() -> None:
    lines = split_lines("The Vice Chancellor, Prof.\nGet daily Slovak news directly to your inbox.")
    assert lines[0].open_end and not lines[1].open_end
    assert lines[1].closing
