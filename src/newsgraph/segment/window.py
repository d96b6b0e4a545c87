"""The analysed window: bound what every stage sees, cut at a natural boundary.

An article longer than ``Settings.max_chars`` keeps only its first ``max_chars``
characters (cut at a line end, else a sentence end, else a space), so no stage ever
works on more than that. A paragraph longer than :data:`PIECE_CHARS` (a one-line dump,
a page with no line breaks) is split into pieces at sentence ends, so every paragraph
is an analysable unit. Both steps are linear in the article's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Paragraph

PIECE_CHARS = 10_000  # no real paragraph is this long; a longer one is cut into pieces
_SENTENCE_END = re.compile(r"([.!?…][\"'”’)\]]*)\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Window:
    end: int  # source offset where the analysed text ends
    paragraphs: list[Paragraph]
    cut: bool  # True when text beyond ``end`` was left out


def cut_point(text: str, start: int, limit: int) -> int:
    """The best end offset in ``text[start:start + limit]`` (absolute), never before half of it.

    A line end wins over a sentence end, which wins over a space; with none of them in the
    second half, the cut falls at ``start + limit``.
    """
    stop = start + limit
    if stop >= len(text):
        return len(text)
    floor = start + limit // 2
    newline = text.rfind("\n", floor, stop)
    if newline > floor:
        return newline
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(text, floor, stop):
            pass
        if last is not None and last.start() > floor:
            return last.end(1) if pattern is _SENTENCE_END else last.start()
    return stop


def pieces(text: str, start: int, end: int, *, size: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into spans of at most ``size`` characters, stripped of spaces."""
    pos = start
    while pos < end:
        stop = min(end, cut_point(text, pos, size)) if end - pos > size else end
        lo, hi = pos, stop
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            yield lo, hi
        pos = stop


def fit_window(text: str, start: int, end: int, paragraphs: list[Paragraph], *,
               max_chars: int) -> Window:
    """The analysed part of the article ``text[start:end]`` and its paragraphs.

    Args:
        text: the source text; ``start``/``end`` and the paragraphs are offsets into it.
        max_chars: the window (``Settings.max_chars``).
    Returns:
        a :class:`Window`; its paragraphs lie inside ``[start, window.end)``, none longer
        than :data:`PIECE_CHARS`.
    """
    stop = cut_point(text, start, max_chars) if end - start > max_chars else end
    kept: list[Paragraph] = []
    for p in paragraphs:
        if p.start >= stop:
            break
        p_end = min(p.end, stop)
        if p_end - p.start <= PIECE_CHARS and p_end == p.end:
            kept.append(p)
            continue
        kept.extend(Paragraph(lo, hi, p.kind) for lo, hi in pieces(text, p.start, p_end))
    return Window(stop, kept, stop < end)
