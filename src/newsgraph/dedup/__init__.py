"""Near-duplicate paragraphs (``signatures.py``) and articles (MinHash over word shingles) within a run."""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass, field

import numpy as np

from ..model import Article
from .signatures import SignatureIndex, band_keys, signature

_WORD = re.compile(r"\w+", re.UNICODE)
_NUM_PERM = 32
_BANDS = 16  # 16 bands x 2 rows: pairs with Jaccard >= 0.6 collide with probability > 0.99
_ROWS = _NUM_PERM // _BANDS
_MASK = (1 << 61) - 1
_MAX_CHARS = 100_000  # compare at most this much of an article or paragraph
_SEEDS = [(int.from_bytes(hashlib.sha256(f"a{i}".encode()).digest()[:8], "big") | 1,
           int.from_bytes(hashlib.sha256(f"b{i}".encode()).digest()[:8], "big")) for i in range(_NUM_PERM)]


def shingles(text: str, k: int = 3) -> set[int]:
    words = _WORD.findall(text.lower())
    grams = (" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1)))
    return {struct.unpack("<q", hashlib.blake2b(g.encode(), digest_size=8).digest())[0] & _MASK
            for g in grams}


_A = np.array([a for a, _ in _SEEDS], dtype=np.uint64)
_B = np.array([b for _, b in _SEEDS], dtype=np.uint64)


def minhash(items: set[int]) -> tuple[int, ...]:
    """MinHash signature (uint64 arithmetic wraps, which is what we want)."""
    if not items:
        return tuple([_MASK] * _NUM_PERM)
    x = np.fromiter(items, dtype=np.uint64, count=len(items))
    with np.errstate(over="ignore"):
        values = (np.outer(x, _A) + _B) & np.uint64(_MASK)
    return tuple(int(v) for v in values.min(axis=0))


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(slots=True)
class Deduplicator:
    """Marks paragraphs and articles already seen in this run.

    Memory grows with the number of distinct paragraphs and articles seen
    (a few hundred bytes each); a long stream can use a fresh instance per shard.
    """

    threshold: float = 0.6
    paragraphs: SignatureIndex = field(default_factory=SignatureIndex)
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = field(default_factory=dict)
    shingle_sets: dict[str, set[int]] = field(default_factory=dict)

    def mark(self, article: Article) -> None:
        """Set ``duplicate_of`` on the article and its repeated paragraphs."""
        self._mark_paragraphs(article)
        sh = shingles(_body(article)[:_MAX_CHARS])
        if len(sh) < 10:
            return
        sig = minhash(sh)
        bands = [(i, sig[i * _ROWS:(i + 1) * _ROWS]) for i in range(_BANDS)]
        candidates = {cand for band in bands for cand in self.buckets.get(band, ())}
        best = max(((jaccard(sh, self.shingle_sets[c]), c) for c in candidates if c != article.id),
                   default=(0.0, None))
        if best[1] is not None and best[0] >= self.threshold:
            article.duplicate_of = best[1]
            return
        if article.id in self.shingle_sets:
            return
        self.shingle_sets[article.id] = sh
        for band in bands:
            self.buckets.setdefault(band, []).append(article.id)

    def _mark_paragraphs(self, article: Article) -> None:
        """Mark each body or caption paragraph that repeats an earlier one, edits and all
        (MinHash over character shingles, see ``signatures.py``), with its similarity;
        only paragraphs that are not themselves duplicates are indexed."""
        for n, para in enumerate(article.paragraphs):
            if para.kind not in ("body", "caption"):
                continue
            sig = signature(article.local(para.start, para.end))
            if sig is None:
                continue
            keys = band_keys(sig)
            seen, score = self.paragraphs.best(sig, keys, before=(article.id, n))
            if seen is None:
                self.paragraphs.add((article.id, n), sig, keys)
            else:
                para.duplicate_of = {"article": seen[0], "paragraph": seen[1], "similarity": score}


def _body(article: Article) -> str:
    """The article's body paragraphs (titles and captions differ between outlets)."""
    text = article.source.text
    body = [text[p.start:p.end] for p in article.paragraphs if p.kind == "body"]
    return "\n".join(body) if body else article.text
