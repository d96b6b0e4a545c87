"""Month and weekday names come from one data file, and the patterns built from it."""

from __future__ import annotations

import re

import pytest

from newsgraph.months import MONTH_NAMES, MONTHS, WEEKDAYS, month_pattern


def test_months_map_names_and_abbreviations_to_numbers() -> None:
    assert len(MONTH_NAMES) == 12 and MONTH_NAMES[0] == "January"
    assert MONTHS["sep"] == MONTHS["sept"] == MONTHS["september"] == 9
    assert MONTHS["may"] == 5 and len(MONTHS) == 24
    assert WEEKDAYS["monday"] == 0 and WEEKDAYS["sunday"] == 6


@pytest.mark.parametrize(("text", "found"), [
    ("Sept.", "Sept."), ("Sep", "Sep"), ("Jan.", "Jan."), ("May", "May"), ("December", "December"),
    ("Mayday", "May"),  # the caller adds word boundaries
])
def test_month_pattern_takes_longest_spelling_with_its_dot(text: str, found: str) -> None:
    match = re.match(month_pattern(), text)
    assert match is not None and match.group() == found


def test_month_pattern_can_leave_out_abbreviations_and_may() -> None:
    pattern = re.compile(month_pattern(abbreviations=False, exclude=("May",)) + "$")
    assert pattern.match("November") and not pattern.match("May") and not pattern.match("Nov")
