"""Score article splitting against the segment gold sets, and build held-out dumps.

A boundary is an article's start offset. The trivial first start (offset of the first
article, normally 0) is NOT counted: only the starts the splitter had to find count.
Precision/recall/F1 are micro-averaged over all dumps. ``evaluate_notitle`` also reports
``f1_within_one_line``: a predicted start matches a gold one on the same or an adjacent line.

``evaluate_polnear_notitle`` and ``evaluate_aeb_notitle`` check generalisation: they build
no-title dumps (one paragraph or one sentence a line, no blank lines) from the PolNeAR article
texts and from the English article bodies of the HTML extraction benchmark, which the segment
sets were not built from. Note: those html-aeb bodies are also the corpus that
``tools/fit_segment_weights.py`` fits the subheading cues on (the other cues keep earlier weights),
so its score is only partly held out; ``python tools/fit_segment_weights.py ... --folds 2`` gives
the held-out check across halves of that corpus.

Example:
    >>> from pathlib import Path
    >>> evaluate_concat(Path("../shared/eval/segment-concat-dev"))["f1"]  # doctest: +SKIP
    0.97
"""

from __future__ import annotations

import bisect
import logging
import random
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluation.gold import iter_gold
from newsgraph.evaluation.metrics import Counts
from newsgraph.segment.articles import split_articles

log = logging.getLogger(__name__)

_SENTENCE_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“A-Z])")
_ENGLISH_RE = re.compile(r"\b(?:the|and|of|to|in|is|that)\b")


@dataclass(slots=True)
class Dump:
    """One test item: a text and the gold article start offsets."""

    id: str
    text: str
    starts: list[int]


def load_dumps(path: Path) -> list[Dump]:
    """Read ``gold.jsonl`` of a segment gold folder."""
    return [Dump(id=row["id"], text=row["text"], starts=[a["start"] for a in row["articles"]])
            for row in iter_gold(path)]


def evaluate_concat(path: Path) -> dict:
    """Boundary P/R/F1 (exact start offsets, first start not counted) on concatenated dumps."""
    return evaluate_dumps(load_dumps(path))


def evaluate_notitle(path: Path) -> dict:
    """Boundary P/R/F1 on dumps without titles, exact line and within one line."""
    return evaluate_dumps(load_dumps(path))


def evaluate_polnear_notitle(
    path: Path, *, n_dumps: int = 40, seed: int = 7
) -> dict:
    """Same metrics on no-title dumps built from PolNeAR article texts (held out)."""
    texts = [paragraphs(row["text"])[1:] for row in iter_gold(path)]  # [0] is the headline
    return evaluate_dumps(build_notitle_dumps(texts, n_dumps=n_dumps, seed=seed))


def evaluate_aeb_notitle(
    path: Path, *, n_dumps: int = 40, seed: int = 7
) -> dict:
    """Same metrics on no-title dumps built from English article bodies of html-aeb (held out)."""
    texts = [paragraphs(row["article_body"]) for row in english_bodies(path)]
    return evaluate_dumps(build_notitle_dumps(texts, n_dumps=n_dumps, seed=seed))


def english_bodies(path: Path) -> Iterator[dict]:
    """Gold rows of an html-aeb folder whose ``article_body`` is English and 80+ words long."""
    for row in iter_gold(path):
        words = row["article_body"].split()
        if len(words) >= 80 and len(_ENGLISH_RE.findall(row["article_body"])) / len(words) >= 0.08:
            yield row


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped."""
    return [p.strip() for p in text.split("\n") if p.strip()]


def build_notitle_dumps(
    articles: list[list[str]], *, n_dumps: int, seed: int, sentence_share: float = 0.3
) -> list[Dump]:
    """Run 2-6 articles together, one paragraph (or sentence) a line, no titles or blanks."""
    rng = random.Random(seed)
    usable = [a for a in articles if a]
    dumps = []
    for n in range(n_dumps):
        picked = rng.sample(usable, k=min(len(usable), rng.randint(2, 6)))
        by_sentence = rng.random() < sentence_share
        parts: list[str] = []
        starts = []
        offset = 0
        for paragraphs in picked:
            lines = [s for p in paragraphs for s in _SENTENCE_RE.split(p)] if by_sentence else paragraphs
            starts.append(offset)
            for line in lines:
                parts.append(line)
                offset += len(line) + 1
        dumps.append(Dump(id=f"built-{n:03d}", text="\n".join(parts), starts=starts))
    return dumps


def evaluate_dumps(dumps: Iterable[Dump]) -> dict:
    """Micro-averaged boundary scores over ``dumps`` (first start not counted)."""
    exact, near = Counts(), Counts()
    n_docs = 0
    began = time.perf_counter()
    for dump in dumps:
        n_docs += 1
        predicted = [s.start for s in split_articles(dump.text)]
        _score_one(dump, predicted, exact, near)
    return {
        **exact.scores(ndigits=4),
        **{f"{k}_within_one_line": v for k, v in near.scores(ndigits=4).items()},
        "n_docs": n_docs,
        "first_start_counted": False,
        "seconds": round(time.perf_counter() - began, 3),
    }


def _score_one(dump: Dump, predicted: list[int], exact: Counts, near: Counts) -> None:
    first = min(dump.starts, default=0)
    gold = {s for s in dump.starts if s != first}
    pred = {s for s in predicted if s > first}
    exact.add(hits=len(gold & pred), predicted=len(pred), gold=len(gold))
    line_of = _line_index(dump.text)
    gold_lines = sorted(line_of(s) for s in gold)
    pred_lines = sorted(line_of(s) for s in pred)
    near.add(hits=_match_within(gold_lines, pred_lines, 1), predicted=len(pred_lines),
             gold=len(gold_lines))


def _line_index(text: str):
    breaks = [m.start() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(breaks, offset)

    return line_of


def _match_within(gold: list[int], pred: list[int], reach: int) -> int:
    """One-to-one matches of sorted line numbers that differ by at most ``reach``."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for k, p in enumerate(pred):
            if k not in used and abs(p - g) <= reach and (p == g or g not in pred):
                used.add(k)
                hits += 1
                break
    return hits

