"""Pair quotation marks in plain text, robust to unclosed and mismatched marks.

Works on characters only (no model), so it is cheap and testable without spaCy.
Rules:
- A quote never crosses a line (paragraph) end, except the news convention for a
  quote running over several paragraphs: the paragraph ends unclosed and the next
  paragraph opens with a quotation mark. Each paragraph's part becomes its own span
  with ``continued=True`` on all but the last.
- A mark's role comes from its context first (space before and a word after opens;
  a word before and space or punctuation after closes), its glyph second
  (“ „ « open, ” » close, a straight ``"`` toggles). So ``"rumors”`` pairs.
- An opening mark inside an open double quote means the first one was never closed:
  the quote restarts there. An unclosed quote at a paragraph end is dropped (logged),
  as is a quote longer than ``max_chars``.
- Single quotes (‘…’ and '…') pair only outside double quotes, within one line and
  ``max_single_chars``, opening before a letter and closing before a non-letter, so
  apostrophes (Shiraz’s, don't) never pair.
- Two apostrophes ``''`` (and two backticks ``````) are a double mark, as in older
  newswire text: ``''Yes,'' he said``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
SINGLE_MARKS = "‘’'"
_OPEN_CONTEXT = "([{—–-/"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…"
_TRIM = " \t\r\n\u00a0,;:"
_DOUBLE_RE = re.compile(f"''|``|[{DOUBLE_MARKS}]")  # '' and `` stand for a double mark
_SINGLE_RE = re.compile(f"[{SINGLE_MARKS}]")


@dataclass(slots=True, frozen=True)
class QuoteSpan:
    """A quoted stretch; ``start``/``end`` exclude the marks (local text offsets)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when it runs on
    continued: bool = False  # the quote goes on in the next paragraph
    single: bool = False  # single quotation marks


def _role(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    """'open', 'close' or 'either' for the quotation mark at ``text[i:i + width]``."""
    if width == 2:
        return "open" if text[i] == "`" else "either"
    left = text[i - 1] if i > lo else None
    right = text[i + width] if i + width < hi else None
    left_open = left is None or left.isspace() or left in _OPEN_CONTEXT or left in DOUBLE_MARKS
    right_open = right is None or right.isspace() or right in _CLOSE_CONTEXT
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    if text[i] in DOUBLE_OPEN or text[i] == "‘":
        return "open"
    if text[i] in DOUBLE_CLOSE or text[i] == "’":
        return "close"
    return "either"


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _opens_with_mark(text: str, lo: int, hi: int) -> int | None:
    """Offset of an opening double mark that starts the line, else None."""
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    if i < hi and (m := _DOUBLE_RE.match(text, i, hi)) and _role(text, i, lo, hi, m.end() - i) != "close":
        return i
    return None


def _make(text: str, open_mark: int, close_mark: int | None, end: int, *,
          continued: bool = False, single: bool = False) -> QuoteSpan | None:
    start = open_mark + (2 if text[open_mark:open_mark + 2] in ("''", "``") else 1)
    stop = close_mark if close_mark is not None else end
    while start < stop and text[start] in _TRIM:
        start += 1
    while stop > start and text[stop - 1] in _TRIM:
        stop -= 1
    if stop <= start:
        return None
    return QuoteSpan(start, stop, open_mark, close_mark, continued, single)


def _double_quotes(text: str, *, max_chars: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    lines = _lines(text)
    carried: int | None = None  # opening mark carried in from the previous paragraph
    for n, (lo, hi) in enumerate(lines):
        opened = carried
        carried = None
        for m in _DOUBLE_RE.finditer(text, lo, hi):
            i = m.start()
            if i == opened:
                continue
            role = _role(text, i, lo, hi, m.end() - i)
            if opened is None:
                if role != "close":
                    opened = i
            elif role == "open":
                log.debug("unclosed quote at %d restarts at %d", opened, i)
                opened = i
            else:
                if i - opened <= max_chars and (span := _make(text, opened, i, i)):
                    found.append(span)
                opened = None
        if opened is None:
            continue
        nxt = next((j for j in range(n + 1, len(lines)) if lines[j][0] < lines[j][1]
                    and text[lines[j][0]:lines[j][1]].strip()), None)
        reopen = _opens_with_mark(text, *lines[nxt]) if nxt is not None else None
        if reopen is not None and hi - opened <= max_chars:
            if span := _make(text, opened, None, hi, continued=True):
                found.append(span)
            carried = reopen
        else:
            log.debug("unclosed quote at %d dropped", opened)
    return found


def _single_quotes(text: str, taken: list[QuoteSpan], *, max_chars: int) -> list[QuoteSpan]:
    inside = [(q.open_mark, (q.close_mark if q.close_mark is not None else q.end)) for q in taken]
    found: list[QuoteSpan] = []
    for lo, hi in _lines(text):
        opened: int | None = None
        for m in _SINGLE_RE.finditer(text, lo, hi):
            i, ch = m.start(), m.group()
            if any(a <= i <= b + 1 for a, b in inside) or "''" in text[max(lo, i - 1):i + 2]:
                continue
            left = text[i - 1] if i > lo else " "
            right = text[i + 1] if i + 1 < hi else " "
            if opened is None or i - opened > max_chars:
                opened = None
                if ch != "’" and (left.isspace() or left in _OPEN_CONTEXT) and right.isalpha():
                    opened = i
            elif ch != "‘" and not left.isspace() and not right.isalnum():
                if span := _make(text, opened, i, i, single=True):
                    found.append(span)
                opened = None
    return found


def find_quotes(text: str, *, max_chars: int = 3000, max_single_chars: int = 300) -> list[QuoteSpan]:
    """Return the quoted spans of ``text`` in order, marks excluded.

    Args:
        text: plain text; ``\\n`` separates paragraphs.
        max_chars: longest double quote kept (per paragraph part).
        max_single_chars: longest single quote kept.

    Example:
        >>> [text[q.start:q.end] for q in find_quotes(text := 'He said "no," twice.')]
        ['no']
    """
    doubles = _double_quotes(text, max_chars=max_chars)
    singles = _single_quotes(text, doubles, max_chars=max_single_chars)
    return sorted(doubles + singles, key=lambda q: q.start)
