"""Publication dates and datelines normalised to ISO 8601."""

from __future__ import annotations

import pytest

from newsgraph.dates import find_dateline, parse_published


@pytest.mark.parametrize(("value", "expected"), [
    ("Thu, 17 Aug 2023 10:00:00 GMT", "2023-08-17T10:00:00+00:00"),
    ("Thu, 17 Aug 2023 10:00:00 +0300", "2023-08-17T10:00:00+03:00"),
    ("2023-08-17T10:00:00Z", "2023-08-17T10:00:00+00:00"),
    ("2023-08-17T10:00:00.123+02:00", "2023-08-17T10:00:00.123000+02:00"),
    ("2023-08-17 10:00:00", "2023-08-17T10:00:00"),
    ("2023-08-17", "2023-08-17"),
    ("2023-08", "2023-08"),
    ("20230817", "2023-08-17"),
    ("August 17, 2023", "2023-08-17"),
    ("Aug. 17, 2023 10:05 p.m.", "2023-08-17T22:05:00"),
    ("17 August 2023", "2023-08-17"),
    ("Thursday, August 17, 2023 - 10:00am", "2023-08-17T10:00:00"),
    ("17/08/2023", "2023-08-17"),
    ("08/17/2023", "2023-08-17"),
    ("05/08/2023", "2023-08-05"),
    ("1692266400", "2023-08-17T10:00:00+00:00"),
    ("  ", None),
    ("not a date", None),
    ("2023-13-45", None),
])
def test_parse_published_normalises_to_iso(value: str, expected: str | None) -> None:
    assert parse_published(value) == expected


def test_parse_published_month_first_on_request() -> None:
    assert parse_published("05/08/2023", dayfirst=False) == "2023-05-08"


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("MOSCOW, Aug 17 (Reuters) - Russia said", "2023-08-18", "2023-08-17"),
    ("KYIV, Ukraine, August 17, 2023 — The", None, "2023-08-17"),
    ("MOSCOW, Aug 17 (Reuters) - Russia said", None, None),
    ("WASHINGTON (AP) — The", "2023-08-18", None),
    ("The minister said on Aug 17 (a Thursday) that", "2023-08-18", None),
])
def test_find_dateline_reads_wire_datelines(text: str, published: str | None, expected: str | None) -> None:
    assert find_dateline(text, published=published) == expected
