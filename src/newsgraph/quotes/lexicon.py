"""The speech-verb lexicon (``data/speech_verbs.tsv``) and token tests built on it."""

from __future__ import annotations

import functools
from typing import Any

from ..datafiles import read_table

KINDS = ("speech", "label", "report", "belief", "intent")
QUOTE_CHARS = frozenset("\"“”„«»‘’'")
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("quotes/data/speech_verbs.tsv")}


def speech_verbs(kind: str | None = None) -> frozenset[str]:
    """Lemmas of the verbs that introduce speech.

    Args:
        kind: ``"speech"`` (takes a clause or a quote), ``"label"`` (frames a quoted
            phrase: describe, call), ``"report"`` (a source reports: also an
            attribution), ``"belief"`` (believe, expect, show: content only
            from a clause), ``"intent"`` (want, plan: content from ``to ...``);
            None for all.

    Example:
        >>> "say" in speech_verbs()
        True
    """
    return frozenset(lemma for lemma, k in _lexicon().items() if kind is None or k == kind)


@functools.lru_cache(maxsize=1)
def content_cues() -> dict[str, frozenset[str]]:
    """Verbs whose content is a noun phrase (``data/content_cues.tsv``): lemma -> slots.

    A slot is ``"dobj"`` (``criticized the deal``) or ``"prep:<word>"`` (``called for a repeal``).

    Example:
        >>> "prep:for" in content_cues()["call"]
        True
    """
    slots: dict[str, set[str]] = {}
    for lemma, slot, *_ in read_table("quotes/data/content_cues.tsv"):
        slots.setdefault(lemma, set()).add(slot)
    return {lemma: frozenset(s) for lemma, s in slots.items()}


def verb_kind(token: Any) -> str | None:
    """The lexicon kind of a verb token, or None when it is not a speech verb."""
    if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
        return None
    return _lexicon().get(token.lemma_.lower())


def is_speech(token: Any, kinds: tuple[str, ...] = ("speech", "report")) -> bool:
    return verb_kind(token) in kinds


def is_quote_mark(token: Any) -> bool:
    text = token.text
    return len(text) == 1 and text in QUOTE_CHARS or text in ("''", "``")


def is_break(token: Any) -> bool:
    """A token a speaker search never crosses: sentence end, quote mark, line break."""
    return token.text in (".", "!", "?", ";") or is_quote_mark(token) or "\n" in token.text


def tokens_with(doc: Any, words: frozenset[str], *, attr: str = "LEMMA") -> list[int]:
    """Indices of tokens whose lemma (or other ``attr``, e.g. ``"LOWER"``) is in ``words``.

    One vectorised pass over the doc; much cheaper than testing every Token object.
    """
    import numpy as np

    if not len(doc):
        return []
    strings = doc.vocab.strings
    keys = np.array([strings.add(w) for w in words], dtype="uint64")
    values = doc.to_array(attr)
    return [int(i) for i in np.flatnonzero(np.isin(values, keys))]
