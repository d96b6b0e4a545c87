"""Month and weekday names, read once from ``data/months.tsv`` and ``data/weekdays.tsv``.

The one place newsgraph knows them: date expressions, datelines, photo-caption cues, byline
cleanup and the places filter all build their word sets and patterns from here.

Example:
    >>> MONTHS["sept"], MONTHS["december"]
    (9, 12)
    >>> import re
    >>> re.fullmatch(month_pattern(), "Sept.") is not None
    True
"""

from __future__ import annotations

from .datafiles import read_records

_MONTH_ROWS = read_records("data/months.tsv")
_WEEKDAY_ROWS = read_records("data/weekdays.tsv")

MONTH_NAMES: tuple[str, ...] = tuple(row["name"] for row in _MONTH_ROWS)  # January .. December
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(a for row in _MONTH_ROWS for a in row["abbreviations"].split())
WEEKDAY_NAMES: tuple[str, ...] = tuple(row["name"] for row in _WEEKDAY_ROWS)  # Monday .. Sunday

MONTHS: dict[str, int] = {  # lowercase name or abbreviation -> 1..12
    word.lower(): int(row["number"])
    for row in _MONTH_ROWS for word in (row["name"], *row["abbreviations"].split())
}
WEEKDAYS: dict[str, int] = {row["name"].lower(): int(row["number"]) for row in _WEEKDAY_ROWS}


def month_pattern(*, abbreviations: bool = True, dot: bool = True,
                  exclude: tuple[str, ...] = ()) -> str:
    """A regex alternation of the month names, without those in ``exclude`` ("May" is also a
    name and a verb). With ``abbreviations`` ("Sept" before "Sep"), each may end in a dot
    unless ``dot`` is False (for a caller that allows the dot after any name itself)."""
    names = "|".join(name for name in MONTH_NAMES if name not in exclude)
    if not abbreviations:
        return f"(?:{names})"
    short = "|".join(MONTH_ABBREVIATIONS)
    optional_dot = r"\.?" if dot else ""
    return f"(?:{names}|(?:{short}){optional_dot})"


def weekday_pattern() -> str:
    """A regex alternation of the weekday names."""
    return f"(?:{'|'.join(WEEKDAY_NAMES)})"
