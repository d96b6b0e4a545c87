"""Checks for what a user passes in, shared by the CLI and the REST API.

Each check returns the value (normalised) or raises ``ValueError`` with the one message
both front ends show: the CLI as an argparse error, the API as a 422 response.

>>> iso_date("2023-08-17")
'2023-08-17'
>>> category("sanction")
'SANCTION'
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .model import PLOVER_CATEGORIES

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\s]")
MAX_ID = 200

DATE_MESSAGE = ("expected a real ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or a datetime "
                "such as 2023-08-17T10:00:00Z")


def iso_date(value: str) -> str:
    """A real date at any ISO precision ("2023", "2023-08", "2023-08-17", a datetime)."""
    text = value.strip()
    partial = _PARTIAL.match(text)
    if partial:
        if partial.group(2) is None or 1 <= int(partial.group(2)) <= 12:
            return text
        raise ValueError(f"{DATE_MESSAGE}; got {value!r}")
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        elif len(text) > 10 and text[10] in "T ":
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        else:
            raise ValueError(text)
    except ValueError:
        raise ValueError(f"{DATE_MESSAGE}; got {value!r}") from None
    return text


def category(value: str) -> str:
    """A PLOVER event category, upper-cased."""
    if value.strip().upper() not in PLOVER_CATEGORIES:
        raise ValueError(f"unknown PLOVER category {value!r}; one of {', '.join(PLOVER_CATEGORIES)}")
    return value.strip().upper()


def actor_id(value: str) -> str:
    """An actor id as stored ("USA", "vladimir-putin"): 1-200 characters, no spaces."""
    if not value or len(value) > MAX_ID or _CONTROL.search(value):
        raise ValueError(f"expected an actor id such as USA or vladimir-putin (1-{MAX_ID} "
                         f"characters, no spaces); got {value!r}")
    return value
