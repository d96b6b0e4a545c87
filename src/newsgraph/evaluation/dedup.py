"""Paragraph near-duplicates scored on constructed pairs (``tests/data/dedup/paragraph-pairs.jsonl``).

Each row is ``{"a", "b", "label", "kind", "from"}``: ``label`` 1 when ``b`` is ``a`` edited
(words substituted, inserted or deleted, a clause added, sentences reordered), 0 when they are
different paragraphs (see ``tools/make_paragraph_pairs.py`` for how the set was built). A pair
is predicted a duplicate when ``b`` finds ``a`` through the product's own path: its signature,
the LSH bands and the threshold of :mod:`newsgraph.dedup.signatures`.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..dedup.signatures import THRESHOLD, SignatureIndex, signature
from .gold import iter_gold
from .metrics import Counts, ratio


def predict_pair(a: str, b: str) -> tuple[bool, float]:
    """Whether ``b`` is marked a near-duplicate of ``a``, and the similarity found (0 if not)."""
    sig_a, sig_b = signature(a), signature(b)
    if sig_a is None or sig_b is None:
        return False, 0.0
    index = SignatureIndex()
    index.add(("a", 0), sig_a)
    found, score = index.best(sig_b)
    return found is not None, score


def evaluate_paragraph_pairs(folder: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Precision, recall and F1 of near-duplicate marking, and the share marked per kind of pair."""
    counts = Counts()
    marked: dict[str, list[int]] = defaultdict(list)
    for row in iter_gold(folder / "paragraph-pairs.jsonl", limit=limit):
        hit, _ = predict_pair(row["a"], row["b"])
        counts.add(hits=int(hit and row["label"] == 1), predicted=int(hit), gold=int(row["label"] == 1))
        marked[row["kind"]].append(int(hit))
    return {**counts.scores(ndigits=3), "threshold": THRESHOLD, "pairs": sum(len(v) for v in marked.values()),
            "marked_share": {kind: round(ratio(sum(v), len(v)), 3) for kind, v in sorted(marked.items())}}
