"""Find time expressions in text and resolve them to ISO 8601 values, without spaCy.

``find_expressions(text)`` scans for absolute dates ("August 17, 2023", "17/08/2023",
"mid-2022"), yearless dates ("Aug. 17", "in March") and relative expressions ("yesterday",
"on Thursday", "last week", "two days ago", "earlier this month").
``resolve(expr, reference)`` turns one into a value at the precision the text gives:
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

Relative rules (``reference`` is the publication date):

* a bare weekday ("on Thursday", "Monday night") is the latest such day on or before the
  reference (news reports the past); with ``future=True`` the first on or after it;
  "last Thursday" is strictly before, "next Thursday" strictly after;
* a week ("last week", "this week") is ``YYYY-MM`` when its Monday..Sunday lie in one month,
  else the date of its Monday; a weekend is the date of its Saturday ("over the weekend": the
  one just past, or the current one when published on a weekend or said of the future);
* a month or a yearless date takes the year that puts it nearest the reference, future
  distances counting 1.5 times (reversed with ``future=True``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from ..months import MONTHS, WEEKDAYS, month_pattern, weekday_pattern

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": None, "few": None}
FUTURE_FACTOR = 1.5

_MONTH = f"(?P<month>{month_pattern()})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_WEEKDAY = f"(?P<weekday>{weekday_pattern()})"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_COUNT = r"(?P<count>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CUE = r"(?i:in|since|until|till|by|from|of|during|before|after|through|early|late|mid|end of|start of)"

# (kind, pattern) in priority order; earlier kinds win overlapping matches
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*[-–]\s*[0-3]?\d)?,?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![:.]\d)")),
    ("dm", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?!\w)")),
    ("my", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("ago", re.compile(rf"\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("day_word", re.compile(r"\b(?P<word>the day before yesterday|yesterday|today|tonight|"
                            r"tomorrow|this (?:morning|afternoon|evening))\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?{_WEEKDAY}{_PART}\b")),
    ("weekend", re.compile(r"\b(?:over|at|during|on)\s+the\s+weekend\b", re.I)),
    ("period", re.compile(r"\b(?P<rel>last|this|next|coming|previous|earlier this|"
                          r"later this|early this|late last|earlier last|late this)\s+"
                          r"(?P<unit>week|weekend|month|year)\b", re.I)),
    ("year", re.compile(rf"\b(?:(?P<cue>{_CUE})[\s-]+)?(?:the\s+(?:summer|spring|autumn|fall|"
                        rf"winter|end|start|beginning)\s+of\s+)?{_YEAR}\b(?!\s*(?:%|percent))")),
    ("month", re.compile(rf"\b(?:(?P<cue>{_CUE}|(?i:last|next|this))[\s-]+)?{_MONTH}(?!\w)")),
]
# kinds that count only inside a DATE/TIME entity or after a cue word ("in March", "in 2019")
NEEDS_CUE = frozenset({"year", "month"})


@dataclass(slots=True)
class Expression:
    """A time expression found in text (offsets into that text)."""

    kind: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None]


@dataclass(slots=True, frozen=True)
class Resolution:
    value: str | None
    relative: bool


def find_expressions(text: str, *, entity_spans: list[tuple[int, int]] | None = None) -> list[Expression]:
    """Time expressions in ``text``, longest/most specific first, without overlaps.

    ``entity_spans`` (DATE/TIME entities, text offsets) license bare years and months; when
    it is None they need a cue word ("in 2019", "early March"). Linear in the text: each
    match is checked against a map of taken characters, and each licence by bisection.
    """
    taken = bytearray(len(text))  # 1 where an earlier (higher-priority) match sits
    licence = _Licence(entity_spans)
    found = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if 1 in taken[start:end]:
                continue
            if kind in NEEDS_CUE and not (m.group("cue") or licence.covers(start, end)):
                continue
            if kind == "month" and m.group("month") == "May" and not m.group("cue"):
                continue  # "May" alone is too often the verb
            taken[start:end] = b"\x01" * (end - start)
            found.append(Expression(kind, start, end, m.group(0), m.groupdict()))
    found.sort(key=lambda e: e.start)
    return found


class _Licence:
    """Answers "is ``start:end`` inside one of these spans?" in O(log n) per question."""

    def __init__(self, spans: list[tuple[int, int]] | None) -> None:
        self.starts: list[int] = []
        self.reach: list[int] = []  # the furthest end among spans starting at or before
        for s, e in sorted(spans or ()):
            self.starts.append(s)
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int | None, reference: date, *, future: bool) -> int | None:
    """The year that puts ``month``/``day`` nearest the reference (past preferred)."""
    best: tuple[float, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        point = _safe_date(year, month, day or 15)
        if point is None:
            continue
        if day is None and (year, month) == (reference.year, reference.month):
            return year
        delta = (point - reference).days
        ahead = delta > 0
        cost = abs(delta) * (FUTURE_FACTOR if ahead != future else 1.0)
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def week_value(monday: date) -> str:
    """``YYYY-MM`` when the week lies in one month, else the Monday's date."""
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}"
    return monday.isoformat()


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _weekday(groups: dict[str, str | None], reference: date, future: bool) -> str:
    target = WEEKDAYS[(groups["weekday"] or "").lower()]
    rel = (groups.get("rel") or "").lower()
    back = (reference.weekday() - target) % 7
    if rel in ("last", "past"):
        return (reference - timedelta(days=back or 7)).isoformat()
    if rel in ("next", "coming"):
        return (reference + timedelta(days=(target - reference.weekday()) % 7 or 7)).isoformat()
    if rel == "this":
        return (reference - timedelta(days=reference.weekday()) + timedelta(days=target)).isoformat()
    if future:
        return (reference + timedelta(days=(target - reference.weekday()) % 7)).isoformat()
    return (reference - timedelta(days=back)).isoformat()


def _period(groups: dict[str, str | None], reference: date) -> str:
    rel = (groups["rel"] or "").lower()
    unit = (groups["unit"] or "").lower()
    step = -1 if rel.endswith("last") or rel in ("previous", "past") else (1 if rel in ("next", "coming") else 0)
    if unit == "year":
        return f"{reference.year + step:04d}"
    if unit == "month":
        year, month = _shift_month(reference.year, reference.month, step)
        return f"{year:04d}-{month:02d}"
    monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=step)
    if unit == "weekend":
        return (monday + timedelta(days=5)).isoformat()
    return week_value(monday)


def _ago(groups: dict[str, str | None], reference: date) -> str | None:
    raw = (groups["count"] or "").lower()
    count = int(raw) if raw.isdigit() else NUMBERS.get(raw)
    if count is None:
        return None
    unit = (groups["unit"] or "").lower()
    if unit == "day":
        return (reference - timedelta(days=count)).isoformat()
    if unit == "week":
        return (reference - timedelta(weeks=count)).isoformat()
    if unit == "month":
        year, month = _shift_month(reference.year, reference.month, -count)
        return f"{year:04d}-{month:02d}"
    return f"{reference.year - count:04d}"


DAY_WORDS = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
             "tomorrow": 1}


def _absolute(expr: Expression, *, dayfirst: bool) -> str | None:
    g = expr.groups
    if expr.kind == "iso":
        d = _safe_date(int(g["year"] or 0), int(g["mon"] or 0), int(g["day"] or 0))
        return d.isoformat() if d else None
    if expr.kind == "numeric":
        return numeric_date(int(g["a"] or 0), int(g["b"] or 0), int(g["year"] or 0), dayfirst=dayfirst)
    if expr.kind in ("mdy", "dmy"):
        d = _safe_date(int(g["year"] or 0), _month(g["month"] or ""), int(g["day"] or 0))
        return d.isoformat() if d else None
    if expr.kind == "my":
        return f"{int(g['year'] or 0):04d}-{_month(g['month'] or ''):02d}"
    if expr.kind == "year":
        return g["year"]
    return None


def numeric_date(a: int, b: int, year: int, *, dayfirst: bool = True) -> str | None:
    """``17/08/2023`` or ``08/17/2023``: a part over 12 decides; else ``dayfirst``."""
    if a > 12 or (dayfirst and b <= 12):
        day, month = a, b
    else:
        month, day = a, b
    d = _safe_date(year, month, day)
    return d.isoformat() if d else None


def resolve(expr: Expression, reference: date | None, *, future: bool = False,
            dayfirst: bool = True) -> Resolution:
    """The ISO value of ``expr`` (None when it needs a reference date that is missing)."""
    value = _absolute(expr, dayfirst=dayfirst)
    if value is not None or expr.kind in ("iso", "numeric", "mdy", "dmy", "my", "year"):
        return Resolution(value, False)
    if reference is None:
        return Resolution(None, True)
    return Resolution(_relative(expr, reference, future=future), True)


def _relative(expr: Expression, reference: date, *, future: bool) -> str | None:
    g = expr.groups
    if expr.kind in ("md", "dm"):
        month, day = _month(g["month"] or ""), int(g["day"] or 0)
        year = _nearest_year(month, day, reference, future=future)
        d = _safe_date(year, month, day) if year else None
        return d.isoformat() if d else None
    if expr.kind == "month":
        return _month_value(_month(g["month"] or ""), (g.get("cue") or "").lower(), reference, future)
    if expr.kind == "day_word":
        word = (g["word"] or "").lower()
        return (reference + timedelta(days=DAY_WORDS.get(word, 0))).isoformat()
    if expr.kind == "weekday":
        return _weekday(g, reference, future)
    if expr.kind == "period":
        return _period(g, reference)
    if expr.kind == "weekend":  # the weekend just past, or the coming one
        saturday = reference - timedelta(days=reference.weekday()) + timedelta(days=5)
        ahead = future or reference.weekday() >= 5
        return (saturday if ahead else saturday - timedelta(weeks=1)).isoformat()
    if expr.kind == "ago":
        return _ago(g, reference)
    return None


def _month_value(month: int, cue: str, reference: date, future: bool) -> str | None:
    if cue == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif cue == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif cue == "this":
        year = reference.year
    else:
        found = _nearest_year(month, None, reference, future=future)
        if found is None:
            return None
        year = found
    return f"{year:04d}-{month:02d}"


def parse_reference(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_text(text: str, published: str | None, *, future: bool = False) -> Resolution | None:
    """Resolve the first time expression of ``text`` (every kind licensed): test helper and API."""
    found = find_expressions(text, entity_spans=[(0, len(text))])
    if not found:
        return None
    return resolve(found[0], parse_reference(published), future=future)
