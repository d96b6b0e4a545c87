"""Place names found by their surroundings rather than by an entity of spaCy's.

* capitalised names no entity covers, after a cue word ("in", "near", "from", ...), when the
  gazetteer knows them as a sizeable place (or any place a qualifier after them holds);
* datelines: an upper-case place name at the start of a line followed by a wire tag, a dash
  or a state ("RALEIGH, N.C. (AP) --"), or after a sentence when a wire tag follows;
* a demonym that modifies a geographic noun ("the Syrian capital", "the Turkish border",
  "Greek islands") names its country; other demonyms ("Syrian forces") are no place mention;
* the state, region, county or country after a comma that follows a place mention
  ("New Quay, Ceredigion").
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from ..datafiles import COUNTRIES, read_records
from ..model import Article
from .gazetteer import Gazetteer, Match
from .names import normalize
from .readings import (NOT_PLACES, QUALIFIER_FEATURES, STOPLIST, Mention, context_after,
                       inside, qualifier_of)

log = logging.getLogger(__name__)

MIN_POPULATION_UNTAGGED = 15_000  # an untagged name after a cue word
MIN_POPULATION_DATELINE = 15_000  # a dateline without a state or country after it
CUE_WORDS = frozenset({"in", "at", "near", "from", "to", "outside", "across", "around",
                       "throughout", "into", "towards", "toward", "via", "inside"})


def untagged_mentions(article: Article, gazetteer: Gazetteer,
                       taken: list[tuple[int, int]]) -> list[Mention]:
    """Capitalised names after "in", "near", ... that no entity covers."""
    doc = article.doc
    if doc is None:
        return []
    mentions = []
    for i in range(1, len(doc)):
        if doc[i - 1].lower_ not in CUE_WORDS or not doc[i].is_title or doc[i].ent_type_:
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].is_title and not doc[j + 1].ent_type_ and j - i < 3:
            j += 1
        mention = _untagged(article, gazetteer, doc[i:j + 1], taken)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _untagged(article: Article, gazetteer: Gazetteer, span: Any,
              covered: list[tuple[int, int]]) -> Mention | None:
    start, end = article.span(span.start_char, span.end_char)
    if any(s < end and start < e for s, e in covered):
        return None
    text = article.source.text[start:end]
    if text.lower() in NOT_PLACES or normalize(text) in STOPLIST:
        return None
    qualifier, state_word = context_after(gazetteer, article.source.text, end)
    found = [m for m in gazetteer.lookup(text) if m.exact]
    if not any(m.entry.feature != "city" or m.entry.population >= MIN_POPULATION_UNTAGGED
               or (qualifier is not None and inside(m.entry, qualifier)) for m in found):
        return None
    matches = found  # the name is a place: any exact namesake may be the one meant
    return Mention(start, end, text, matches, qualifier=qualifier, state_word=state_word,
                   tagged=False)


_WIRE_TAG = r"\((?:AP|Reuters|AFP|UPI|CNN|APP|IANS|PTI|Xinhua|dpa|ANI|CP|Bloomberg|[A-Z]{3,5})\)"
_DATELINE = re.compile(
    r"(?m)(?:^|\)\s|[.!?]\s+)[ \t]*([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*([A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"  # ", N.C."
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # ", April 5"
    r"\s*(?:" + _WIRE_TAG + r"|(—|–|--|-\s|:))")  # "(AP)"; a dash or colon: at a line start


def dateline_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """Upper-case place names that open a line and are followed by a wire tag or a dash."""
    source = article.source.text
    out = []
    for m in _DATELINE.finditer(source, article.start, article.end):
        name = m.group(1).strip(" .-")
        start = m.start(1)
        at_line_start = source[source.rfind("\n", 0, start) + 1:start].strip() == ""
        if m.group(3) and not at_line_start:  # "... said. NATO -- " is no dateline
            continue
        if len(normalize(name)) < 3 or name.lower() in NOT_PLACES:
            continue
        qualifier = qualifier_of(gazetteer, m.group(2)) if m.group(2) else None
        matches = [x for x in gazetteer.lookup(name) if x.exact and x.entry.feature != "area"
                   and (x.entry.feature != "city" or x.entry.population >= MIN_POPULATION_DATELINE
                        or (qualifier is not None and inside(x.entry, qualifier)))]
        if matches:
            out.append(Mention(start, start + len(name), name, matches, qualifier=qualifier,
                               dateline=True))
    return out


_GEO_NOUN = re.compile(
    r"[\s-]*(?:[A-Z][a-z]+[\s-]+)?(?:border|borders|capital|coast|coastline|island|islands|city|"
    r"cities|town|towns|village|villages|region|regions|province|provinces|territory|"
    r"territories|waters|soil|airspace|mainland|countryside|frontier|enclave|port|ports|shores|"
    r"peninsula|desert|highlands|countries)\b"
    r"(?![\s-]*(?:guards?|police|patrols?|forces?|agency|control|markets?|gains?|officials?))")


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Country adjectives ("Syrian") -> ISO alpha-3, from the actors' country table."""
    table = {}
    for row in read_records(COUNTRIES):
        for adjective in filter(None, row["adjectives"].split(";")):
            table[adjective] = row["iso3"]
    return table


def demonym_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """NORP entities before a geographic noun, each part of "Syrian-Turkish" on its own."""
    source = article.source.text
    iso2_of = {iso3: iso2 for iso2, iso3 in gazetteer.iso3.items()}
    out = []
    for ent in article.entities:
        if ent.label != "NORP" or not _GEO_NOUN.match(source, ent.end):
            continue
        for part in re.finditer(r"[^\s\-–]+", source[ent.start:ent.end]):
            country = gazetteer.country(iso2_of.get(demonyms().get(part.group(), ""), ""))
            if country is not None:
                start = ent.start + part.start()
                out.append(Mention(start, start + len(part.group()), part.group(),
                                   [Match(country, True)]))
    return out


_AFTER_COMMA = re.compile(r",[ \t]*([A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,2})")


def qualifier_mentions(article: Article, gazetteer: Gazetteer, mentions: list[Mention],
                        taken: list[tuple[int, int]]) -> list[Mention]:
    """"New Quay, Ceredigion", "Portroe, Co. Tipperary": the state, county, region or country
    after a comma that follows a place mention, when no entity covers it."""
    source = article.source.text
    out = []
    for mention in mentions:
        m = _AFTER_COMMA.match(source, mention.end)
        if m is None:
            continue
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "Co. Tipperary" before "Co."
            found = _qualifier_mention(gazetteer, " ".join(words[:n]), m.start(1), taken)
            if found is not None:
                out.append(found)
                break
    return out


def _qualifier_mention(gazetteer: Gazetteer, text: str, start: int,
                       taken: list[tuple[int, int]]) -> Mention | None:
    for name in dict.fromkeys((text, text.rstrip(".,"))):  # "N.B." as spelt, "Fife." without
        end = start + len(name)
        if any(s < end and start < e for s, e in taken):
            return None
        found = [x for x in gazetteer.lookup(name) if x.exact
                 and x.entry.feature in QUALIFIER_FEATURES]
        if found:
            return Mention(start, end, name, found, tagged=False)
    return None


