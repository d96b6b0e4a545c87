"""When and where an event happened: the date and place of its own clause, and whether it
is background told before the story (PLOVER mode ``historical``).

- The event clause is the trigger's head word and its dependents, without nested clauses
  (reported content, adverbial and relative clauses), so "talks begun in 2019 collapsed on
  Thursday" dates the collapse to Thursday and a date in another clause is never taken.
- Date: the most precise date mention of that clause; else the dateline's or the
  publication date, except for a historical event, which keeps its own date or none.
- Historical: the clause's date is earlier than the story (a year before it, or a month
  before it in the same year), or the clause says so ("seven years ago", "last year",
  "in the 1990s"). The story's date is the publication date, else the latest date the
  article mentions.
- Place: a place named in a locative phrase ("in", "at", "near" ...) of the event clause,
  then of the sentence, then the dateline's place; never a place name that is an argument
  ("Washington invaded Iraq" happened in neither Washington nor, as far as the words say, Iraq).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from ..model import Article, DateMention, Place
from ..spans import SpanIndex

Token = Any

NESTED = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "within", "throughout",
                      "around", "off", "along", "over", "to", "into"})
BACKGROUND_WORDS = re.compile(
    r"\b(?:(?:years|decades|centuries|months)\s+ago|last\s+year|in\s+the\s+(?:19|18)\d0s|"
    r"(?:19|18)\d0s|previously|formerly|ha(?:s|ve|d)\s+long)\b", re.I)
_YM = re.compile(r"^(\d{4})(?:-(\d{2}))?")


def clause_tokens(head: Token) -> list[Token]:
    """The clause headed by ``head``: it and its dependents, nested clauses left out
    (a verb conjunct is a clause of its own)."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in NESTED and (c.dep_ != "conj" or c.pos_ in ("VERB", "AUX")):
                continue
            stack.append(c)
    return out


def clause_head(trigger: Token) -> Token:
    """The verb whose clause holds a trigger: the trigger itself for a verb, the verb an
    event noun hangs on ("launched strikes", "in the 2016 invasion")."""
    tok = trigger
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("ROOT",) or tok.head.i == tok.i:
            return tok
        if tok.dep_ in NESTED:
            return tok
        tok = tok.head
    return tok


def _char_range(article: Article, tokens: Iterable[Token]) -> list[tuple[int, int]]:
    return [article.span(t.idx, t.idx + len(t)) for t in tokens]


def clause_date(article: Article, head: Token, *, purpose: bool = False) -> str | None:
    """The most precise dated expression inside the clause (None: the clause names none).

    With ``purpose`` (the trigger is the clause's own verb), a dateless purpose infinitive
    takes the date of the clause it serves ("summoned the envoys on Tuesday to protest")."""
    tokens = clause_tokens(head)
    if head.dep_ == "relcl" and head.head.ent_type_ == "DATE":
        tokens.append(head.head)  # "in January 2016, when mobs attacked the embassy"
    found = _dates_starting_in(article.dates, _char_range(article, tokens))
    if not found:
        if (purpose and _purpose_infinitive(head)) or _temporal_clause(head) or _shared_date(head):
            return clause_date(article, clause_head(head.head), purpose=True)
        return None
    return max(found, key=lambda m: (len(m.value or ""), -m.start)).value


def _dates_starting_in(dates: list[DateMention], ranges: list[tuple[int, int]]) -> list[DateMention]:
    """Dated mentions starting inside any of ``ranges`` (token ranges, disjoint); ``dates``
    is sorted by start (the dates stage keeps it so), so each range costs a binary search."""
    found = []
    for s, e in ranges:
        i = bisect_left(dates, s, key=lambda m: m.start)
        while i < len(dates) and dates[i].start < e:
            if dates[i].value:
                found.append(dates[i])
            i += 1
    return found


def _purpose_infinitive(head: Token) -> bool:
    """A subjectless "to"-infinitive hung on another verb: it happens when that verb does."""
    return (head.dep_ in ("advcl", "xcomp") and head.tag_ == "VB" and head.head.i != head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children))


# conjunctions of a clause that happens at (about) the time of the clause it hangs on
AT_THE_TIME = frozenset({"when", "after", "as", "while", "once", "whilst"})


def _temporal_clause(head: Token) -> bool:
    """"was arrested in March 2017 shortly after she was stripped of her office": a dateless
    "when/after/as" clause is dated by the clause it hangs on ("before" is not)."""
    return (head.dep_ == "advcl" and head.head.i != head.i
            and any(c.dep_ == "mark" and c.lower_ in AT_THE_TIME for c in head.children))


def _shared_date(head: Token) -> bool:
    """"In December 2017, a court convicted X and sentenced him": a verb conjoined to an
    earlier verb shares its fronted date."""
    return (head.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and head.head.i < head.i
            and head.head.pos_ in ("VERB", "AUX"))


def reference_date(article: Article) -> str | None:
    """The story's date: the publication date, else the latest date the article mentions."""
    if article.published:
        return article.published[:10]
    values = [m.value for m in article.dates if m.value and not m.relative]
    return max(values) if values else None


def earlier(value: str, reference: str | None) -> bool:
    """Whether a date is before the story: an earlier year, or an earlier month of its year."""
    a, b = _YM.match(value), _YM.match(reference or "")
    if a is None or b is None:
        return False
    if int(a.group(1)) != int(b.group(1)):
        return int(a.group(1)) < int(b.group(1))
    return bool(a.group(2) and b.group(2)) and int(a.group(2)) < int(b.group(2))


def background(article: Article, head: Token, date: str | None, reference: str | None) -> bool:
    """Whether the clause tells background from before the story. Without a publication
    date, a past-tense clause dated by a year alone ("In 2017, X signed ...") is background."""
    if date is not None and earlier(date, reference):
        return True
    if date is not None and len(date) == 4 and not article.published and head.tag_ == "VBD":
        return True
    tokens = sorted(clause_tokens(head), key=lambda t: t.i)
    text = " ".join(t.text for t in tokens)
    return bool(BACKGROUND_WORDS.search(text))


def place_index(article: Article) -> SpanIndex[tuple[int, int, Place]]:
    """Every place mention of the article as ``(start, place order, place)``, by span."""
    return SpanIndex((m.start, m.end, (m.start, n, place))
                     for n, place in enumerate(article.places) for m in place.mentions)


def event_place(article: Article, head: Token, sent: Any, arguments: set[int], *,
                places: SpanIndex[tuple[int, int, Place]] | None = None) -> str | None:
    """The place of the event clause's locative phrase, else the sentence's, else the
    dateline's; ``arguments`` holds token indices of the event's source and target phrases.
    ``places`` is :func:`place_index` of the article, for callers placing many events."""
    if places is None:
        places = place_index(article)
    for tokens in (clause_tokens(head), list(sent)):
        place = _locative_place(article, tokens, arguments, places)
        if place is not None:
            return place
    return _dateline_place(article, places)


def _locative_place(article: Article, tokens: list[Token], arguments: set[int],
                    places: SpanIndex[tuple[int, int, Place]]) -> str | None:
    spans = []
    for prep in tokens:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
            continue
        for obj in prep.subtree:
            if obj.i != prep.i and obj.i not in arguments:
                spans.append(article.span(obj.idx, obj.idx + len(obj)))
    if not spans:
        return None
    found = [(0 if place.feature == "city" else 1, start, place.id)
             for s, e in set(spans) for start, _, place in places.starting_in(s, e)]
    return min(found)[2] if found else None


def _dateline_place(article: Article, places: SpanIndex[tuple[int, int, Place]]) -> str | None:
    """A wire dateline's place: "KOLKATA, India -", "MEXICO CITY (AP) -"."""
    head = article.text[:60]
    m = re.match(r"^\s*([A-Z][A-Z .'-]{2,})(?:,|\s+\(|\s+[-\u2013\u2014])", head)
    if m is None:
        return None
    end = article.span(0, 0)[0] + m.end(1)
    first = min(((n, place) for _, n, place in places.starting_in(-1, end)),
                key=lambda item: item[0], default=None)
    return first[1].id if first else None
