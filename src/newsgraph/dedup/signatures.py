"""Paragraph near-duplicates: MinHash signatures over character shingles, found through LSH bands.

A paragraph's text is normalised (Unicode NFKC, lower case, words joined by one space, so
CRLF, extra spaces and decomposed accents do not matter) and cut into overlapping
character 5-grams. Its signature is the minimum of ``NUM_PERM`` hash functions over those
shingles; the share of equal positions in two signatures estimates the Jaccard similarity
of their shingle sets (standard error about 0.04 at 0.5). Character shingles keep a
paragraph with a few words inserted, replaced or moved close to its original ("Tehran and
Riyadh agreed to end a diplomatic rift" / "Iran and Saudi Arabia agreed ... to end the
diplomatic rift": 0.67), where word 3-grams fall to 0.49.

Candidates come from ``BANDS`` bands of ``ROWS`` signature values: two paragraphs whose
similarity is ``s`` share at least one band with probability ``1 - (1 - s**ROWS)**BANDS``
(0.99 at 0.5, 0.29 at 0.2), so each new paragraph is compared with the few that share a
band, never with every earlier one. ``THRESHOLD`` was chosen on constructed pairs
(``tests/data/dedup/paragraph-pairs.jsonl``, see ``docs/quality.md``).

>>> a = signature("Under the deal, Tehran and Riyadh agreed to end a diplomatic rift and restore ties.")
>>> b = signature("Under the deal, Tehran and Riyadh agreed to end the diplomatic rift and restore ties.")
>>> similarity(a, b) > THRESHOLD
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

NUM_PERM = 126
ROWS = 3
BANDS = NUM_PERM // ROWS  # 42
SHINGLE = 5
THRESHOLD = 0.5  # least estimated Jaccard similarity of a near-duplicate paragraph
MIN_WORDS = 8  # shorter paragraphs (datelines, bylines, "Read more") are never duplicates
MAX_CHARS = 20_000  # a paragraph's signature covers at most its first MAX_CHARS characters

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)


def _seeds(tag: str) -> np.ndarray:
    return np.array([int.from_bytes(hashlib.sha256(f"{tag}{i}".encode()).digest()[:8], "big") | 1
                     for i in range(NUM_PERM)], dtype=np.uint64)


_A, _B = _seeds("pa"), _seeds("pb")


def normalise(text: str) -> str:
    """Lower-case words of ``text`` (NFKC) joined by single spaces."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text[:MAX_CHARS]).lower()))


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 64-bit hashes of the character ``SHINGLE``-grams of normalised ``text``."""
    norm = normalise(text)
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(len(codes) - SHINGLE + 1, dtype=np.uint64)
        for i in range(SHINGLE):  # polynomial hash of each window, then a splitmix64 finaliser
            h = h * np.uint64(0x100000001B3) + codes[i:len(codes) - SHINGLE + 1 + i]
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return np.unique(h)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint32) of a paragraph; None when it is too short."""
    if len(_WORD.findall(text[:2000])) < MIN_WORDS:
        return None
    hashes = shingle_hashes(text)
    if not len(hashes):
        return None
    with np.errstate(over="ignore"):
        values = (np.multiply.outer(hashes, _A) + _B) >> np.uint64(32)
    return values.min(axis=0).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal positions."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (band number mixed in), for a dict or an indexed column."""
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8,
                                 person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


def to_hex(sig: np.ndarray) -> str:
    """A signature as text (for the store)."""
    return sig.astype("<u4").tobytes().hex()


def from_hex(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


@dataclass(slots=True)
class SignatureIndex:
    """Paragraph signatures by band key; ``best`` finds the most similar indexed paragraph.

    Keys are whatever the caller names a paragraph by, e.g. ``(article_id, n)``. Memory is
    about 700 bytes per indexed paragraph.
    """

    threshold: float = THRESHOLD
    buckets: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    signatures: dict[tuple[str, int], np.ndarray] = field(default_factory=dict)

    def add(self, key: tuple[str, int], sig: np.ndarray, keys: list[int] | None = None) -> None:
        if key in self.signatures:
            return
        self.signatures[key] = sig
        for band in keys if keys is not None else band_keys(sig):
            self.buckets.setdefault(band, []).append(key)

    def best(self, sig: np.ndarray, keys: list[int] | None = None, *,
             before: tuple[str, int] | None = None) -> tuple[tuple[str, int] | None, float]:
        """The indexed paragraph most similar to ``sig`` (the earliest among equals) at or above
        the threshold, and its similarity; ``(None, 0.0)`` when none is. With ``before`` =
        (article, n), that article's paragraphs from n on are skipped (a paragraph is never
        its own duplicate, even when the same article comes twice)."""
        found: dict[tuple[str, int], None] = {}
        for band in keys if keys is not None else band_keys(sig):
            for cand in self.buckets.get(band, ()):
                found[cand] = None
        best, best_sim = None, 0.0
        for cand in found:  # in insertion order: the earliest wins a tie
            if before is not None and cand[0] == before[0] and cand[1] >= before[1]:
                continue
            sim = similarity(sig, self.signatures[cand])
            if sim > best_sim:
                best, best_sim = cand, sim
        return (best, round(best_sim, 3)) if best is not None and best_sim >= self.threshold else (None, 0.0)
