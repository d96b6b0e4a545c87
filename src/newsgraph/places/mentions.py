"""Find the place names of an article and their gazetteer readings.

Candidates, each with a precision guard:

* GPE and LOC entities (LOC never as a small town); a hyphen or slash compound that is no
  name as a whole is split ("Asia-Pacific" is a name, "Syria/Turkey" two);
* entities spaCy labelled otherwise (ORG, PERSON, FAC, NORP, PRODUCT, EVENT) when the whole
  entity is exactly a gazetteer name and either a cue stands before it ("in", "near", "from",
  "outside", ...), a qualifier after it ("Boise, Idaho"), or the name is a country, state,
  region or named area, or (not for PERSON) a city of 100,000 people or more; never when the
  article uses the name as a surname ("Ms. Nelson", "Cristina Nelson"), never an acronym
  that is no country or state, never a word of the stoplist;
* the candidates of :mod:`newsgraph.places.patterns` (datelines, demonyms, names after cue
  words, qualifiers after a comma).

Overlapping candidates are reduced to one; neighbours are linked: a mention right after a
qualified city is its qualifier ("Tacoma, Washington"), other comma/"and" neighbours a list.
"""

from __future__ import annotations

import re
from typing import Any

from ..datafiles import read_word_table
from ..model import Article
from .gazetteer import Gazetteer, Match
from .names import normalize
from .patterns import dateline_mentions, demonym_mentions, qualifier_mentions, untagged_mentions
from .readings import (QUALIFIER_FEATURES, STOPLIST, Mention, context_after, inside, is_big,
                       lookup, plausible, qualifier_of, strip_possessive, word_before)

__all__ = ["Mention", "find_mentions", "inside"]

PLACE_LABELS = frozenset({"GPE", "LOC"})
SLIP_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC", "PRODUCT", "EVENT"})
# cues strong enough to read an ORG/PERSON entity as a place ("at", "to" are not: "to Allen")
LOCATIVE = frozenset({"in", "near", "outside", "across", "around", "throughout", "from",
                      "into", "inside", "towards", "toward", "via"})
_PERSON_WORDS = read_word_table("places/data/person_words.tsv")
TITLES = frozenset(_PERSON_WORDS["titles"])  # "Mayor Austin": a person
KIN = frozenset(_PERSON_WORDS["kin"])  # "his son Jordan", "a baby named Paris": a person


def _surnames(article: Article) -> set[str]:
    """Normalised words the article uses as surnames: the last word of a longer PERSON name."""
    names = set()
    for ent in article.entities:
        if ent.label == "PERSON":
            words = strip_possessive(ent.text).split()
            if len(words) >= 2:
                names.add(normalize(words[-1]))
    return names


_MOTION = re.compile(r"\b(?:mov|travel|fl[yie]|flew|flight|driv|drove|return|went|go|head|trip|"
                     r"journey|relocat|came|com|arriv|sail|walk|ran|run|rode|rid|bus|train|"
                     r"rout|road|deport|transfer|visit|way|back)\w*\s+to\s*$", re.IGNORECASE)


def _motion_before(source: str, start: int) -> bool:
    """Whether "to" before ``start`` follows a word of motion ("moved to", "trip to")."""
    return _MOTION.search(source[max(0, start - 30):start]) is not None


def _slip_label(article: Article, gazetteer: Gazetteer, ent: Any, text: str,
                surnames: set[str]) -> str | None:
    """How an ORG/PERSON/... entity may be read as a place (a label for ``_plausible``)."""
    source = article.source.text
    before = word_before(source, ent.start)
    key = normalize(strip_possessive(text))
    if key in surnames:
        return None
    if before in LOCATIVE or source.startswith("-based", ent.end) or (
            before == "to" and _motion_before(source, ent.start)):
        return "SLIP_CUE"
    if context_after(gazetteer, source, ent.end)[0] is not None:  # "Boise, Idaho"
        return "SLIP_CUE"
    if text.isupper() and "." not in text and len(key) <= 4:  # "UN", "OAS": acronyms
        return "SLIP_NAMED"
    if ent.label == "PERSON" or key in STOPLIST:
        return "SLIP_NAMED"
    return "SLIP"


def _entity_label(article: Article, gazetteer: Gazetteer, ent: Any,
                  surnames: set[str]) -> str | None:
    if ent.label not in PLACE_LABELS and ent.label not in SLIP_LABELS:
        return None
    if _STORM_LIST.search(article.source.text, max(0, ent.start - 80), ent.start):
        return None  # "Hurricane Harvey", "hurricanes Harvey, Irma and Maria"
    if _person_word_before(article.source.text, ent.start):  # "his brother Tyler", "Mr. Houston"
        return None
    if ent.label in PLACE_LABELS:
        if normalize(strip_possessive(ent.text)) in surnames and not _big_place(gazetteer,
                                                                                ent.text):
            return None  # "Villanueva" after "Maria Villanueva": the person, not the town
        return ent.label
    return _slip_label(article, gazetteer, ent, ent.text, surnames)


_STORM_LIST = re.compile(r"\b(?:[Hh]urricanes?|[Ss]torms?|[Tt]yphoons?|[Cc]yclones?)"
                         r"(?:(?:\s+\w+){0,3}:)?\s+(?:[A-Z][a-z]+,?\s+(?:and\s+|or\s+)?)*$")
_PERSON_WORD = re.compile(r"(\w+)\.?[ \t]+$")


def _person_word_before(source: str, start: int) -> bool:
    """A title or kinship word right before the name, with no comma between."""
    m = _PERSON_WORD.search(source[max(0, start - 20):start])
    return m is not None and (m.group(1).lower() in TITLES or m.group(1).lower() in KIN)


def _big_place(gazetteer: Gazetteer, text: str) -> bool:
    return any(m.exact and is_big(m.entry) for m in gazetteer.lookup(strip_possessive(text)))


def _entity_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    surnames = _surnames(article)
    for ent in article.entities:
        label = _entity_label(article, gazetteer, ent, surnames)
        if label is not None:
            mentions += _mentions_in(article, gazetteer, ent.start, ent.end, label)
    return mentions


def _mentions_in(article: Article, gazetteer: Gazetteer, ent_start: int, ent_end: int,
                 label: str) -> list[Mention]:
    """The mentions inside one entity: the name, a qualifier after a comma, compound parts."""
    source = article.source.text
    text = source[ent_start:ent_end]
    head, sep, rest = text.partition(",")
    if sep and lookup(gazetteer, text, ent_start, label)[2]:  # "Washington, D.C."
        head, sep, rest = text, "", ""
    name, start, matches = lookup(gazetteer, head.strip(),
                                  ent_start + len(head) - len(head.lstrip()), label)
    if not matches:
        matches = _qualified_namesakes(gazetteer, source, head.strip(), ent_start, ent_end)
        name, start = head.strip(), ent_start + len(head) - len(head.lstrip())
    if not matches:
        return _compound_parts(article, gazetteer, ent_start, head, label)
    longer = _longer_name(gazetteer, source, start, start + len(name))
    if longer is not None:  # "Kansas" + " City", "Washington" + ", D.C."
        name, matches = longer
    elif _names_an_organisation(gazetteer, source, start + len(name), name, matches):
        return []
    qualifier = qualifier_of(gazetteer, rest.strip()) if sep and rest.strip() else None
    after_q, state_word = context_after(gazetteer, source, start + len(name))
    out = [Mention(start, start + len(name), name, matches, qualifier=qualifier or after_q,
                   state_word=state_word)]
    if sep and qualifier is not None:  # "Paris, Texas": Texas is a place mention too
        q_text = rest.strip()
        q_start = source.find(q_text, start + len(name), ent_end)
        q_matches = [m for m in gazetteer.lookup(q_text) if plausible(m, q_text, "GPE")]
        if q_start >= 0 and q_matches:
            out.append(Mention(q_start, q_start + len(q_text), q_text, q_matches))
    return out


_CONTINUATION = re.compile(r"\s+City\b|,\s*[A-Z][A-Za-z.]*\.")


def _longer_name(gazetteer: Gazetteer, source: str, start: int,
                 end: int) -> tuple[str, list[Match]] | None:
    """The name with the words after it when that is a name itself ("Kansas City")."""
    more = _CONTINUATION.match(source, end)
    if more is None:
        return None
    name = source[start:more.end()]
    matches = [m for m in gazetteer.lookup(name) if m.exact]
    return (name, matches) if matches else None


def _qualified_namesakes(gazetteer: Gazetteer, source: str, name: str, ent_start: int,
                        ent_end: int) -> list[Match]:
    """Small places the usual filters drop, kept when a qualifier after the name holds them:
    "New Quay, Ceredigion", "Springfield, Ill."."""
    if not name[:1].isupper():
        return []
    end = source.find(name, ent_start, ent_end) + len(name)
    qualifier = context_after(gazetteer, source, end)[0]
    if qualifier is None:
        return []
    return [m for m in gazetteer.lookup(name) if m.exact and m.entry.feature == "city"
            and inside(m.entry, qualifier)]


_ORG_SUFFIX = re.compile(r"\s+(?:FC|AFC|United|Rovers|Wanderers|Athletic|Limited|Ltd|Inc|Corp|"
                         r"Corporation|University|College|Group|Holdings)\b")


def _names_an_organisation(gazetteer: Gazetteer, source: str, end: int, name: str,
                           matches: list[Match]) -> bool:
    """A place name that begins an organisation's name: "Liverpool FC", "Birmingham City"
    (no place "Birmingham City"), "Mississippi State" (a US state + "State")."""
    tail = source[end:end + 16]
    if _ORG_SUFFIX.match(tail):
        return True
    if re.match(r"\s+City\b", tail) and not gazetteer.has(f"{name} City"):
        return True
    return re.match(r"\s+State\b(?!\s+of)", tail) is not None and any(
        m.entry.feature == "state" for m in matches)


_COMPOUND = re.compile(r"[^\-/–]+")


def _compound_parts(article: Article, gazetteer: Gazetteer, ent_start: int, text: str,
                    label: str) -> list[Mention]:
    """"Syria/Turkey", "Asia-Pacific" when no name as a whole: each part that is a name."""
    if label not in PLACE_LABELS or not any(c in text for c in "-/–"):
        return []
    out = []
    for part in _COMPOUND.finditer(text):
        word = part.group().strip()
        if len(word) < 3:
            continue
        start = ent_start + part.start() + part.group().index(word)
        name, offset, matches = lookup(gazetteer, word, start, "LOC")  # parts: no small towns
        if matches:
            out.append(Mention(offset, offset + len(name), name, matches))
    return out


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


def find_mentions(article: Article, gazetteer: Gazetteer, *, untagged: bool = True) -> list[Mention]:
    """The place-name mentions of an article: datelines, entities, untagged names after cues."""
    mentions = dateline_mentions(article, gazetteer)
    mentions += [m for m in _entity_mentions(article, gazetteer) if not _overlaps(m, mentions)]
    mentions += demonym_mentions(article, gazetteer)
    if untagged:
        taken = [(e.start, e.end) for e in article.entities] + [(m.start, m.end) for m in mentions]
        mentions += untagged_mentions(article, gazetteer, taken)
        taken += [(m.start, m.end) for m in mentions]
        mentions += qualifier_mentions(article, gazetteer, mentions, taken)
    mentions = _without_overlaps(mentions)
    _link_pairs(mentions, article.source.text)
    return mentions


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order; of overlapping ones the first found (longer on ties) stays."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.start - m.end)):
        if not kept or kept[-1].end <= m.start:
            kept.append(m)
    return kept


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or|&))\s*$")


def _link_pairs(mentions: list[Mention], source: str) -> None:
    """A mention right after a qualified one, past a comma, is that qualifier: keep only its
    qualifier readings ("Tacoma, Washington" is the state). Other neighbours joined by a comma
    or "and" form a list ("California, Washington, Utah"), noted for the geocoder."""
    for k in range(1, len(mentions)):
        prev, cur = mentions[k - 1], mentions[k]
        gap = source[prev.end:cur.start]
        if len(gap) > 6 or _LIST_GAP.match(gap) is None:
            continue
        if prev.qualifier is not None and gap.strip() == "," and prev.neighbours is None and \
                any(inside(m.entry, prev.qualifier) for m in prev.matches):
            readings = [m for m in cur.matches if m.entry.feature in QUALIFIER_FEATURES]
            cur.matches = readings or cur.matches
            continue
        prev.qualifier = None  # "California, Washington, Utah": a list, not qualifiers
        prev.neighbours = [*(prev.neighbours or []), k]
        cur.neighbours = [*(cur.neighbours or []), k - 1]
