"""The ``extract_quotes`` stage: direct quotes, reported speech and attributions.

Also helpers that tell, from ``article.quotes``, which text is reported and by whom
(the events stage reads ``article.quotes`` the same way, see ``events/context.py``):
:func:`reporting_cover` and :func:`reported_by`.
"""

from __future__ import annotations

import logging
from typing import Any

from ..actors import resolve_mention
from ..model import Article, Attribution, Entity, Quote, Span
from ..pipeline import stage
from ..settings import Settings
from ..spans import SpanIndex
from .marks import find_quotes
from .reported import according_quotes, attribution_phrases, indirect_quotes, object_quotes
from .speakers import Found, attribute_quotes

log = logging.getLogger(__name__)

_PERSON_FIRST = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3}


def resolve_speaker(article: Article, start: int, end: int, *,
                    entities: SpanIndex[Entity] | None = None) -> str | None:
    """Actor id for a speaker or source span (source offsets), or None.

    Asks :func:`newsgraph.actors.resolve_mention` first (which adds the actor it finds
    to ``article.actors``), then takes the actor of an entity inside the span (a person
    before an organisation before a place). ``entities`` is :func:`entity_index` of the
    article, for callers resolving many spans.
    """
    actor = resolve_mention(article, start, end)
    if actor:
        return actor
    if entities is None:
        entities = entity_index(article)
    inside = [e for e in entities.starting_in(start, end) if e.end <= end]
    inside.sort(key=lambda e: (_PERSON_FIRST.get(e.label, 9), e.start))
    return inside[0].actor if inside else None


def entity_index(article: Article) -> SpanIndex[Entity]:
    """The article's entities that have an actor, indexed by span."""
    return SpanIndex((e.start, e.end, e) for e in article.entities if e.actor)


def _to_quote(article: Article, found: Found, entities: SpanIndex[Entity]) -> Quote:
    start, end = article.span(found.start, found.end)
    speaker_span = Span(*article.span(*found.speaker)) if found.speaker else None
    speaker_text = article.local(speaker_span.start, speaker_span.end) if speaker_span else None
    speaker = resolve_speaker(article, speaker_span.start, speaker_span.end,
                              entities=entities) if speaker_span else None
    return Quote(text=article.local(start, end), start=start, end=end, speaker=speaker,
                 speaker_text=speaker_text, speaker_span=speaker_span, cue=found.cue,
                 direct=found.direct)


def _to_attribution(article: Article, phrase: Any, entities: SpanIndex[Entity]) -> Attribution:
    start, end = article.span(phrase.start_char, phrase.end_char)
    return Attribution(source=article.local(start, end),
                       actor=resolve_speaker(article, start, end, entities=entities),
                       start=start, end=end)


def _doc_text(doc: Any, text: str | None) -> str:
    """``doc.text``, cut from ``text`` (the string the doc was built from) when given: cheaper."""
    if text is None or not len(doc):
        return str(doc.text)
    last = doc[-1]
    return text[:last.idx + len(last.text_with_ws)]


def find_all(doc: Any, *, text: str | None = None) -> tuple[list[Found], list[Any]]:
    """Quotes (direct first, then reported) and attribution phrases of a doc (local offsets).

    ``text`` is the string the doc was parsed from (``article.text``), if at hand.
    """
    text = _doc_text(doc, text)
    direct = attribute_quotes(doc, find_quotes(text), text=text)
    indirect = indirect_quotes(doc, direct)
    according, sources = according_quotes(doc, direct)
    quotes = direct + indirect + according
    quotes += object_quotes(doc, quotes)
    phrases = sources + attribution_phrases(doc, quotes)
    unique = {(p.start_char, p.end_char): p for p in phrases}
    return quotes, sorted(unique.values(), key=lambda p: p.start_char)


@stage(requires=("doc", "entities", "actors", "actor_index"),
       assigns=("quotes", "attributions", "actors", "actor_index"))
def extract_quotes(article: Article, *, settings: Settings) -> None:
    """Fill ``article.quotes`` (direct and reported speech) and ``article.attributions``.

    Quote offsets exclude the quotation marks; ``speaker_text`` keeps the words
    ("he", "the minister") even when no actor id resolves. Speakers and sources are
    resolved with ``resolve_mention``, which adds actors it derives ("the Iranian police"
    -> IRN-COP) to ``article.actors`` and counts each span once in ``actor_index``:
    hence ``actors`` and ``actor_index`` among the assigns.
    """
    if article.doc is None:
        article.quotes, article.attributions = [], []
        return
    quotes, phrases = find_all(article.doc, text=article.text)
    quotes.sort(key=lambda f: (f.start, not f.direct))
    entities = entity_index(article)
    article.quotes = [_to_quote(article, f, entities) for f in quotes]
    article.attributions = [_to_attribution(article, p, entities) for p in phrases]


def reporting_cover(article: Article) -> list[tuple[int, int, str | None]]:
    """Spans of reported content and who reports them, from ``article.quotes``.

    Returns ``(start, end, who)`` in source offsets, one per quote (direct or
    reported), where ``who`` is the speaker's actor id, else the speaker's words,
    else None. Run after :func:`extract_quotes`.

    Example:
        >>> reporting_cover(article)
        [(4410, 4451, 'ali-khamenei'), (5012, 5120, 'the minister')]
    """
    return [(q.start, q.end, q.speaker or q.speaker_text) for q in article.quotes]


def reported_by(article: Article, start: int, end: int) -> tuple[bool, str | None]:
    """Is ``[start, end)`` (e.g. an event trigger) inside reported content, and whose?

    Returns ``(reported, who)``: the innermost quote containing the span wins;
    ``who`` as in :func:`reporting_cover`. ``(False, None)`` when not reported.
    """
    best: tuple[int, str | None] | None = None
    for q_start, q_end, who in reporting_cover(article):
        if q_start <= start and end <= q_end and (best is None or q_end - q_start < best[0]):
            best = (q_end - q_start, who)
    return (True, best[1]) if best else (False, None)
