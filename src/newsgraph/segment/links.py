"""Pairs of lines that should lie in different articles.

Two kinds of evidence say "an article boundary lies somewhere between line i and line j"
without saying where:

- *repeats*: line j nearly repeats line i (most of its word 3-grams are shared). Wire copy
  and rewrites of one story reuse background paragraphs, but one article does not say the
  same paragraph twice.
- *re-introductions*: line j introduces a person or organisation in full (see
  :mod:`newsgraph.segment.mentions`) that line i, shortly before, already named.

Each pair becomes a :class:`Link`; the splitter then favours the best-scoring gap inside
every link that no chosen boundary satisfies yet.

Example:
    >>> from newsgraph.segment.paragraphs import split_lines
    >>> para = "The two countries agreed in a deal brokered by China to end the rift and restore ties."
    >>> lines = split_lines("\\n".join([para, "Other words here.", "More news today.", para]))
    >>> [(link.first, link.last, link.kind) for link in repeat_links(lines)]
    [(0, 3, 'repeat')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newsgraph.segment.paragraphs import Line

__all__ = ["Link", "reintro_links", "repeat_links"]

_MIN_GRAMS = 6  # lines with fewer content-word 3-grams are too short to call a repeat
_REPEAT_SHARE = 0.75  # share of the smaller line's 3-grams found in the other ...
_REPEAT_JACCARD = 0.5  # ... and of all 3-grams of the two
_REPEAT_REACH = 30  # lines searched back for a repeat
_REPEAT_GAP = 3  # a repeat this close is a headline echoed by its lede
_INTRO_REACH = 16  # lines searched back for an earlier mention of an introduced name
_MAX_POSTINGS = 50  # a 3-gram found in more lines than this is boilerplate, not evidence


@dataclass(frozen=True, slots=True)
class Link:
    """A boundary should lie in one of the gaps ``first + 1 .. last`` (text-line indices)."""

    first: int
    last: int
    kind: str  # "repeat" | "reintro"


def repeat_links(texts: list[Line]) -> list[Link]:
    """Links between a text line and the nearest earlier line it nearly repeats."""
    postings: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    pairs: dict[int, int] = {}
    grams_of: list[frozenset[tuple[str, str, str]]] = []
    for j, line in enumerate(texts):
        grams = _grams(line)
        grams_of.append(grams)
        if len(grams) >= _MIN_GRAMS:
            hit = _best_repeat(j, grams, grams_of, postings)
            if hit is not None:
                pairs[j] = hit
        for gram in grams:
            bucket = postings[gram]
            if len(bucket) <= _MAX_POSTINGS:
                bucket.append(j)
    # A run of repeated lines is a block the page or scraper copied, not a rewrite.
    return [
        Link(first=i, last=j, kind="repeat")
        for j, i in pairs.items()
        if pairs.get(j - 1) != i - 1 and pairs.get(j + 1) != i + 1
    ]


def _best_repeat(
    j: int,
    grams: frozenset[tuple[str, str, str]],
    grams_of: list[frozenset[tuple[str, str, str]]],
    postings: dict[tuple[str, str, str], list[int]],
) -> int | None:
    shared: dict[int, int] = defaultdict(int)
    for gram in grams:
        for i in postings.get(gram, ()):
            if _REPEAT_GAP <= j - i <= _REPEAT_REACH:
                shared[i] += 1
    best = None
    for i, count in shared.items():
        other = len(grams_of[i])
        smaller = min(len(grams), other)
        if (
            smaller >= _MIN_GRAMS
            and count / smaller >= _REPEAT_SHARE
            and count / (len(grams) + other - count) >= _REPEAT_JACCARD
            and (best is None or i > best)
        ):
            best = i
    return best


def _grams(line: Line) -> frozenset[tuple[str, str, str]]:
    words = line.head_words if line.tail_words is line.head_words else line.head_words + line.tail_words
    return frozenset(zip(words, words[1:], words[2:]))


def reintro_links(texts: list[Line]) -> list[Link]:
    """Links from a recent short mention of a name to a line that introduces it in full.

    A name introduced in full twice with no short mention between (a caption repeating the
    lede's "Foreign Minister X Y") gives no link.
    """
    links: list[Link] = []
    for j, line in enumerate(texts):
        if not line.intros or line.caption_like >= 0.4 or not line.terminal:
            continue
        keys = set(line.intros)
        for i in range(j - 1, max(-1, j - 1 - _INTRO_REACH), -1):
            if keys & set(texts[i].intros):
                break  # introduced in full there too: no short form in between
            if keys & set(texts[i].all_names):
                links.append(Link(first=i, last=j, kind="reintro"))
                break
    return links
