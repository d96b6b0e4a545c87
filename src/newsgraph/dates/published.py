"""Normalise publication dates from feeds, HTML and JSONL; find a dateline's date.

Standard library only: ``datetime.fromisoformat`` (ISO 8601), ``email.utils`` (RFC 2822,
as in RSS), and the patterns of :mod:`newsgraph.dates.expressions` for prose dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from .expressions import find_expressions, numeric_date, parse_reference, resolve

MIN_YEAR, MAX_YEAR = 1900, 2100
_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?",
                   re.I)
_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)$")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)\b")
_YEAR_MONTH = re.compile(r"^(?:19|20)\d\d-[01]\d$")


def _iso(moment: datetime) -> str:
    if moment.time() == datetime.min.time() and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat()


def _in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _from_iso(value: str) -> str | None:
    if len(value) == 10:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.isoformat() if _in_range(moment.year) else None


def _from_rfc2822(value: str) -> str | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment.isoformat() if moment and _in_range(moment.year) else None


def _with_time(day: str, value: str) -> str:
    """Attach a clock time written in ``value`` ("10:00 AM") to an ISO ``day``."""
    m = _TIME.search(value)
    if m is None:
        return day
    hour = int(m.group("h"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{day}T{hour:02d}:{m.group('m')}:{m.group('s') or '00'}"


def _from_prose(value: str, *, dayfirst: bool) -> str | None:
    for expr in find_expressions(value, entity_spans=[(0, len(value))]):
        if expr.kind in ("iso", "numeric", "mdy", "dmy"):
            day = resolve(expr, None, dayfirst=dayfirst).value
            return _with_time(day, value[expr.end:]) if day else None
        if expr.kind == "my":
            return resolve(expr, None).value
    return None


def parse_published(value: str | None, *, dayfirst: bool = True) -> str | None:
    """Normalise a publication date to ISO 8601 (a date, or a datetime when a time is given).

    Accepts ISO 8601, RFC 2822 (RSS ``pubDate``), "August 17, 2023", "17 Aug 2023 10:00",
    "17/08/2023" (an ambiguous ``05/08/2023`` is day-first unless ``dayfirst=False``),
    "20230817" and Unix epoch seconds. Returns None when nothing date-like is found.

    Example:
        >>> parse_published("Thu, 17 Aug 2023 10:00:00 GMT")
        '2023-08-17T10:00:00+00:00'
        >>> parse_published("August 17, 2023")
        '2023-08-17'
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if _YEAR_MONTH.match(text):
        return text
    if m := _COMPACT.match(text):
        return _from_iso(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
    if _EPOCH.match(text):
        return datetime.fromtimestamp(float(text), tz=timezone.utc).isoformat()
    if m := _NUMERIC.match(text):
        day = numeric_date(int(m.group("a")), int(m.group("b")), int(m.group("y")), dayfirst=dayfirst)
        return _with_time(day, text[m.end():]) if day else None
    if text[:4].isdigit():
        found = _from_iso(text.replace(" ", "T", 1) if len(text) > 10 and text[10] == " " else text)
        if found:
            return found
    if not re.search(r"\d\s*[ap]\.?m\b", text, re.I):  # email.utils ignores AM/PM
        found = _from_rfc2822(text)
        if found:
            return found
    return _from_prose(text, dayfirst=dayfirst)


# "MOSCOW, Aug 17 (Reuters) -", "KYIV, Ukraine, August 17, 2023 —", "LONDON (AP) — "
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
    r"\s*,\s*(?P<date>[^()\n—–]{3,30}?)\s*(?:\(|/|—|–|-)")


def find_dateline(text: str, *, published: str | None = None) -> str | None:
    """The date of a wire-style dateline at the start of ``text`` ("MOSCOW, Aug 17 (Reuters) -").

    A dateline without a year takes the year nearest ``published``; without either, None.
    """
    m = _DATELINE.match(text[:200])
    if m is None:
        return None
    chunk = m.group("date")
    for expr in find_expressions(chunk, entity_spans=[(0, len(chunk))]):
        if expr.kind in ("iso", "numeric", "mdy", "dmy"):
            return resolve(expr, None).value
        if expr.kind in ("md", "dm"):
            return resolve(expr, parse_reference(published)).value
    return None
