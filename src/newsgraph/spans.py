"""Character spans indexed for position and range queries without scanning them all.

A stage that asks "which quotes hold this offset" or "which mentions fall in this
clause" once per token or per event would, with a plain loop over every span, cost
time proportional to the square of the article's length. :class:`SpanIndex` sorts the
spans once and answers each query with a binary search plus the spans that can match
(those starting no earlier than the longest span before the query), so a stage stays
linear in its input for the short, mostly disjoint spans news text has.

>>> index = SpanIndex([(0, 5, "a"), (3, 9, "b"), (20, 25, "c")])
>>> index.containing(4)
['a', 'b']
>>> index.overlapping(8, 21)
['b', 'c']
>>> index.starting_in(1, 21)
['b', 'c']
>>> index.covered(0, 10)
11
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Half-open spans ``[start, end)`` with an item each, sorted by start."""

    __slots__ = ("_spans", "_starts", "_longest")

    def __init__(self, spans: Iterable[tuple[int, int, T]]):
        self._spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self._starts = [s[0] for s in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def _from(self, start: int, stop: int) -> list[tuple[int, int, T]]:
        """Spans that start in ``[start - longest, stop)``: every span reaching ``start``."""
        return self._spans[bisect_left(self._starts, start - self._longest):
                           bisect_left(self._starts, stop)]

    def containing(self, pos: int) -> list[T]:
        """Items whose span holds offset ``pos`` (``start <= pos < end``), by start."""
        return [item for s, e, item in self._from(pos, pos + 1) if s <= pos < e]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items whose span shares at least one character with ``[start, end)``."""
        return [item for s, e, item in self._from(start, end) if s < end and e > start]

    def starting_in(self, start: int, end: int) -> list[T]:
        """Items whose span starts inside ``[start, end)``."""
        return [item for _, _, item in
                self._spans[bisect_left(self._starts, start):bisect_left(self._starts, end)]]

    def covered(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside the spans, summed over spans (overlapping
        spans count each)."""
        return sum(max(0, min(end, e) - max(start, s)) for s, e, _ in self._from(start, end))
