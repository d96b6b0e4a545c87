"""The ``resolve_dates`` stage and ``date_for_span``: time expressions of an article, resolved."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from datetime import date
from typing import Any

from ..model import Article, DateMention
from ..pipeline import stage
from ..settings import Settings
from .expressions import find_expressions, parse_reference, resolve
from .published import find_dateline

log = logging.getLogger(__name__)

TIME_LABELS = frozenset({"DATE", "TIME"})
FUTURE_SENSITIVE = frozenset({"weekday", "md", "dm", "month", "weekend"})
# words that put a clause in the future: "will meet on Thursday", "is scheduled for Friday"
FUTURE = re.compile(r"\b(?:will|won't|shall|'ll|scheduled|due to|expected to|plans? to|planned|"
                    r"going to|set to|upcoming)\b", re.I)
FUTURE_AUX = frozenset({"will", "wo", "'ll", "shall", "ll"})
FUTURE_VERBS = frozenset({"schedule", "plan", "expect", "set", "due", "go"})


def reference_date(article: Article) -> date | None:
    """The publication date, else the date of the article's dateline."""
    published = parse_reference(article.published)
    if published is not None:
        return published
    return parse_reference(find_dateline(article.text))


def _governing_verb(token: Any) -> Any:
    """The nearest verb above ``token`` in the parse (or None)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def is_future(article: Article, start: int, end: int) -> bool:
    """Whether the clause around text offsets ``start:end`` speaks of the future."""
    doc = article.doc
    if doc is None:
        return FUTURE.search(article.text[max(0, start - 80):start]) is not None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = _governing_verb(span.root)
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_.startswith("aux") and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if verb.lemma_ in FUTURE_VERBS and verb.dep_ != "ROOT" or verb.lemma_ in ("schedule", "plan"):
            return True
        verb = _governing_verb(verb.head) if verb.dep_ in ("xcomp", "advcl", "prep", "pobj") else None
    return False


def _entity_spans(article: Article) -> list[tuple[int, int]]:
    """DATE/TIME entity spans in text offsets (from the doc, else from article.entities)."""
    if article.doc is not None:
        return [(e.start_char, e.end_char) for e in article.doc.ents if e.label_ in TIME_LABELS]
    return [(e.start - article.start, e.end - article.start)
            for e in article.entities if e.label in TIME_LABELS]


def find_dates(article: Article) -> list[DateMention]:
    """Every time expression of the article with its resolved value (source offsets)."""
    text = article.text
    reference = reference_date(article)
    mentions = []
    for expr in find_expressions(text, entity_spans=_entity_spans(article)):
        future = expr.kind in FUTURE_SENSITIVE and is_future(article, expr.start, expr.end)
        result = resolve(expr, reference, future=future)
        start, end = article.span(expr.start, expr.end)
        mentions.append(DateMention(text=expr.text, start=start, end=end, value=result.value,
                                    relative=result.relative))
    return mentions


@stage(requires=("doc",), assigns=("dates",))
def resolve_dates(article: Article, *, settings: Settings) -> None:
    """Fill ``article.dates`` with the article's time expressions and their ISO values."""
    article.dates = find_dates(article)


def date_for_span(article: Article, start: int, end: int) -> tuple[str | None, str | None]:
    """(date, date_from) for an evidence span: the most precise dated expression inside it
    ("sentence"), else the dateline's date ("dateline"), else the publication date ("article").
    """
    dates = article.dates  # sorted by start: bisect to the span instead of scanning them all
    inside = []
    for i in range(bisect_left(dates, start, key=lambda m: m.start), len(dates)):
        m = dates[i]
        if m.start >= end:
            break
        if m.end <= end and m.value:
            inside.append(m)
    if inside:  # the most precise one: "talks begun in 2019 collapsed on Thursday"
        best = max(inside, key=lambda m: (len(m.value or ""), -m.start))
        return best.value, "sentence"
    dateline = find_dateline(article.text, published=article.published)
    if dateline:
        return dateline, "dateline"
    published = parse_reference(article.published)
    if published is not None:
        return published.isoformat(), "article"
    if article.published and re.match(r"^\d{4}(?:-\d{2})?$", article.published):
        return article.published, "article"
    return None, None
