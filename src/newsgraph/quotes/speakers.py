"""Who said a direct quote: surface patterns around the marks, then the parse.

Order: ``"...," X said`` / ``"...," said X`` (after the quote), ``X said: "..."`` /
``X said "..."`` / ``..., saying "..."`` (before it), the dependency parse (a speech
verb above the quote's words), and last a quote that goes on after the previous one
(``"...," he said. "..."``) takes the previous speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ..spans import SpanIndex
from .lexicon import PRONOUNS, is_break, is_quote_mark, is_speech, verb_kind
from .marks import QuoteSpan

MAX_SPEAKER_TOKENS = 20
AFTER_WINDOW = 12
BEFORE_WINDOW = 7
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "ccomp")
_NP_TAGS = ("PROPN", "NOUN", "PRON")
_NOT_FIRST = ("ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PART")


@dataclass(slots=True)
class Found:
    """A quote or reported clause found in a doc (local char offsets)."""

    start: int
    end: int
    speaker: tuple[int, int] | None
    cue: str | None
    direct: bool
    cue_i: int | None = None  # token index of the cue word
    continued: bool = False
    open_mark: int = -1
    close_mark: int | None = None
    cue_end: int = -1  # char offset after the cue word


class TokenIndex:
    """Char offset -> token lookup for one doc."""

    def __init__(self, doc: Any, text: str | None = None) -> None:
        self.doc = doc
        self.text: str = doc.text if text is None else text
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []

    def at(self, char: int) -> Any:
        i = max(0, bisect.bisect_right(self.starts, char) - 1)
        return self.doc[i]


def trim(span: Any) -> Any:
    """Drop punctuation and spaces at both ends of a Span."""
    doc, a, b = span.doc, span.start, span.end
    while a < b and (doc[a].is_punct or doc[a].is_space) and not is_quote_mark(doc[a]):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and not is_quote_mark(doc[b - 1]) \
            and not (doc[b - 1].text == ")" and any(t.text == "(" for t in doc[a:b - 1])):
        b -= 1
    return doc[a:b]


def noun_phrase(token: Any, *, lo: int = 0, hi: int | None = None) -> Any | None:
    """The phrase a noun heads (its subtree), clipped to ``[lo, hi)`` and capped in length."""
    doc = token.doc
    hi = len(doc) if hi is None else hi
    a, b = max(token.left_edge.i, lo), min(token.right_edge.i + 1, hi)
    relcl = next((c for c in token.rights if c.dep_ == "relcl" and c.left_edge.i > token.i), None)
    if relcl is not None and relcl.left_edge.i <= hi and any(
            t.tag_ in ("WP", "WDT") and t.dep_ in ("nsubj", "nsubjpass") for t in relcl.children):
        b = min(b, relcl.left_edge.i)
    if b - a > MAX_SPEAKER_TOKENS or any(is_quote_mark(t) or "\n" in t.text for t in doc[a:b]):
        a = token.i
        while a - 1 >= lo and doc[a - 1].head.i == token.i and doc[a - 1].dep_ in (
                "compound", "flat", "det", "amod", "poss", "nmod", "case", "punct") \
                and not is_quote_mark(doc[a - 1]):
            a -= 1
        b = token.i + 1
    span = trim(doc[a:b])
    return span if len(span) else None


def _left_noun(verb: Any) -> Any | None:
    """A noun phrase right before a subjectless verb (``... state media reported``): parser slips."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].lower_ not in ("'s", "’s"):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].dep_ in ("pobj", "dobj"):
        return None
    a = i
    while a - 1 >= 0 and i - a < 5 and (doc[a - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM")
                                         or doc[a - 1].text in ("-", "'s", "’s")):
        a -= 1
    span = trim(doc[a:i + 1])
    return span if len(span) else None


def _nsubj(verb: Any) -> Any | None:
    """The verb's subject: the nearest word one on its left, else the first on its right."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct]
    left = [c for c in subjects if c.i < verb.i]
    return left[-1] if left else (subjects[0] if subjects else None)


def _antecedent(subj: Any) -> Any:
    """``an architect who said``: a relative pronoun stands for the noun its clause modifies."""
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl" and subj.head.head.pos_ in _NP_TAGS:
        return subj.head.head
    return subj


def subject_of(verb: Any) -> Any | None:
    """The subject phrase of a speech verb, climbing from a participle (``..., saying``).

    A participle hanging on the clause a speech verb reports (``emphasized that the US
    is ..., saying``) climbs on to that speech verb.
    """
    v = verb
    for _ in range(4):
        subj = _nsubj(v)
        if subj is not None and subj.dep_ == "nsubj":
            return noun_phrase(_antecedent(subj))
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is not None:
            return noun_phrase(pobj)
        if subj is None and v.pos_ in ("VERB", "AUX") and (left := _left_noun(v)) is not None:
            return left
        if subj is not None or v.dep_ not in _CLIMB or v.head is v:
            return None
        from_participle = v.tag_ == "VBG"
        v = v.head
        if v.pos_ == "ADP" and v.dep_ == "prep" and v.head is not v:  # "... after accusing X"
            v = v.head
        if from_participle and v.dep_ == "ccomp" and is_speech(v.head):
            v = v.head
    return None


def _convention_ok(text: str, quote: QuoteSpan, first: Any) -> bool:
    """The quote is set off as speech: ``,"`` ``?"`` ``"—`` or a cue right after it."""
    if quote.close_mark is None:
        return False
    before = text[quote.close_mark - 1] if quote.close_mark > 0 else ""
    k = quote.close_mark + 1
    while k < len(text) and text[k] in "'`":
        k += 1
    after = text[k:k + 1]
    return before in ",?!—–-…" or after in (",", "—", "–") or is_speech(first) or (
        first.lower_ in PRONOUNS and first.i + 1 < len(first.doc) and is_speech(first.doc[first.i + 1]))


def _after(doc: Any, index: TokenIndex, quote: QuoteSpan) -> tuple[Any | None, Any] | None:
    """``"...," X said`` or ``"...," said X``: (speaker span or None, cue token)."""
    if quote.close_mark is None or quote.close_mark + 1 >= len(index.text):
        return None
    i = index.at(quote.close_mark).i + 1
    while i < len(doc) and doc[i].text in (",", "—", "–", "-") or i < len(doc) and doc[i].is_space \
            and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or not _convention_ok(index.text, quote, doc[i]):
        return None
    k = next((t.i for t in doc[i:i + AFTER_WINDOW] if is_speech(t)), None)
    if k is None or any(is_break(t) for t in doc[i:k]):
        return None
    cue = doc[k]
    if k == i:  # said X
        subj = next((c for c in cue.rights if c.dep_ == "nsubj"), None)
        if subj is None:
            subj = next((t for t in doc[k + 1:k + 5] if t.pos_ in _NP_TAGS), None)
            while subj is not None and subj.dep_ in ("compound", "flat") and subj.head.i > subj.i:
                subj = subj.head
        return (noun_phrase(subj, lo=k + 1) if subj is not None else None), cue
    subj = next((c for c in cue.lefts if c.dep_ == "nsubj" and c.i >= i), None)
    if subj is not None:
        return noun_phrase(subj, lo=i, hi=k), cue
    stretch = trim(doc[i:k])
    if 0 < len(stretch) <= 8 and stretch[0].pos_ not in _NOT_FIRST \
            and any(t.pos_ in _NP_TAGS for t in stretch):
        return stretch, cue
    return None


def _dash(doc: Any, index: TokenIndex, quote: QuoteSpan) -> tuple[Any | None, Any] | None:
    """``"..." ― Pamela Padilla``: a name after a dash closes a quoted line (no cue word)."""
    if quote.close_mark is None:
        return None
    text, k = index.text, quote.close_mark + 1
    while k < len(text) and text[k] in " \u00a0\t":
        k += 1
    if k >= len(text) or text[k] not in "―—–":
        return None
    start = index.at(k).i + 1
    while start < len(doc) and doc[start].is_space and "\n" not in doc[start].text:
        start += 1
    stop = start
    while stop < len(doc) and stop - start < 8 and not is_break(doc[stop]) and "\n" not in doc[stop].text \
            and doc[stop].text != ",":
        stop += 1
    name = trim(doc[start:stop])
    if len(name) and name[0].pos_ == "PROPN":
        return name, None
    return None


def _before(doc: Any, index: TokenIndex, quote: QuoteSpan) -> tuple[Any | None, Any] | None:
    """``X said: "..."`` / ``X said "..."`` / ``..., saying, "..."``."""
    j = index.at(quote.open_mark).i - 1
    skipped = 0
    while j >= 0 and skipped < 3 and (doc[j].text in (",", ":", "—") or doc[j].lower_ == "that"
                                     or doc[j].is_space and "\n" not in doc[j].text):
        j, skipped = j - 1, skipped + 1
    for v in reversed(doc[max(0, j - BEFORE_WINDOW):j + 1]):
        if is_break(v):
            break
        if is_speech(v) and all(t.is_punct or t.is_space or t.lower_ == "that" or v.is_ancestor(t)
                                for t in doc[v.i + 1:j + 1]):
            return subject_of(v), v
    return _colon(doc, j + 1, index.at(quote.open_mark).i)


def _colon(doc: Any, start: int, open_i: int) -> tuple[Any | None, Any] | None:
    """``X scolded him: "..."``: a colon right before the quote makes its clause's verb the cue."""
    if not any(t.text == ":" for t in doc[start:open_i]):
        return None
    for v in reversed(doc[max(0, start - BEFORE_WINDOW - 3):start]):
        if is_break(v):
            return None
        if v.pos_ == "VERB" and (subj := _nsubj(v)) is not None and subj.dep_ == "nsubj":
            return noun_phrase(_antecedent(subj)), v
    return None


def _parse(doc: Any, quote: QuoteSpan) -> tuple[Any | None, Any] | None:
    """A speech verb above the quote's words in the dependency tree."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    for root in roots[:3]:
        h = root
        for _ in range(4):
            if h.head is h:
                break
            h = h.head
            if span.start <= h.i < span.end:
                break
            if verb_kind(h) in ("speech", "label", "report"):
                return subject_of(h), h
    return None


def _has_clause(doc: Any, quote: QuoteSpan) -> bool:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    return len(words) >= 6 and any(t.pos_ in ("VERB", "AUX") for t in words)


def _char_span(span: Any | None) -> tuple[int, int] | None:
    return (span.start_char, span.end_char) if span is not None else None


def attribute_quotes(doc: Any, quotes: list[QuoteSpan], *, text: str | None = None) -> list[Found]:
    """Find the speaker of each direct quote; drop speakerless scare quotes.

    ``text`` is ``doc.text`` when the caller has it. Returns one :class:`Found` per
    kept quote, in text order (local offsets).
    """
    index = TokenIndex(doc, text)
    found = []
    for quote in quotes:
        hit = (_after(doc, index, quote) or _dash(doc, index, quote) or _before(doc, index, quote)
               or _parse(doc, quote))
        speaker, cue = hit if hit else (None, None)
        found.append(Found(quote.start, quote.end, _char_span(speaker),
                           cue.text if cue is not None else None, True,
                           cue.i if cue is not None else None, quote.continued,
                           quote.open_mark, quote.close_mark,
                           cue.idx + len(cue.text) if cue is not None else -1))
    _carry_speakers(index.text, found)
    kept = [f for f, q in zip(found, quotes) if f.cue is not None or f.speaker is not None
            or f.continued or _has_clause(doc, q)]
    spans = SpanIndex((f.start, f.end, f) for f in kept)
    return [f for f in kept if not any(o is not f and o.start <= f.start and f.end <= o.end
                                       for o in spans.containing(f.start))]


def _carry_speakers(text: str, found: list[Found]) -> None:
    """``"A," he said. "B."``: B takes A's speaker; paragraphs of one quote share one."""
    for prev, cur in zip(found, found[1:]):
        if cur.cue is not None or cur.speaker is not None or prev.cue is None:
            continue
        gap_start = prev.close_mark + 1 if prev.close_mark is not None else prev.end
        gap = text[gap_start:cur.open_mark]
        said = max(prev.speaker[1] if prev.speaker else -1, prev.cue_end)
        inside = gap_start <= said <= cur.open_mark and len(text[said:cur.open_mark]) <= 60 \
            and text[said:cur.open_mark].count(". ") <= 1
        if prev.continued or len(gap) <= 150 and (inside or not gap.strip(" \n\t,.;:—–-")):
            cur.speaker, cur.cue, cur.cue_i, cur.cue_end = prev.speaker, prev.cue, prev.cue_i, -1
    for cur, nxt in reversed(list(zip(found, found[1:]))):
        if cur.continued and cur.cue is None and nxt.cue is not None:
            cur.speaker, cur.cue, cur.cue_i = nxt.speaker, nxt.cue, nxt.cue_i
