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
* capitalised names no entity covers, after a cue word, when the gazetteer knows them as a
  sizeable place (or any place when a state or country qualifies them);
* a demonym that modifies a geographic noun ("the Syrian capital", "the Turkish border",
  "Greek islands") names its country; other demonyms ("Syrian forces") are no place mention;
* datelines: an upper-case place name at the start of a line followed by a wire tag, a dash
  or a state ("RALEIGH, N.C. (AP) --").
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..model import Article
from .gazetteer import GazEntry, Gazetteer, Match
from .names import normalize

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
SLIP_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC", "PRODUCT", "EVENT"})
MIN_POPULATION_UNTAGGED = 15_000  # an untagged name after a cue word
MIN_POPULATION_LOC_CITY = 100_000  # a LOC entity (or an abbreviation) read as a city
MIN_POPULATION_SLIP = 15_000  # an ORG/PERSON entity after a cue word read as a city
MIN_POPULATION_LONE_SLIP = 100_000  # an ORG entity without a cue read as a city
MIN_POPULATION_DATELINE = 15_000  # a dateline without a state or country after it
CUE_WORDS = frozenset({"in", "at", "near", "from", "to", "outside", "across", "around",
                       "throughout", "into", "towards", "toward", "via", "inside"})
# cues strong enough to read an ORG/PERSON entity as a place ("at", "to" are not: "to Allen")
LOCATIVE = frozenset({"in", "near", "outside", "across", "around", "throughout", "from",
                      "into", "inside", "towards", "toward", "via"})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "col", "capt",
                    "lt", "sgt", "prof", "rev", "sir", "lord", "lady", "judge", "justice",
                    "president", "senator", "governor", "mayor", "coach", "officer",
                    "minister", "secretary", "chancellor", "king", "queen", "prince",
                    "princess", "pope", "saint", "st"})
KIN = frozenset({"brother", "sister", "girlfriend", "boyfriend", "wife", "husband", "son",
                 "daughter", "mother", "father", "uncle", "aunt", "cousin", "friend", "partner",
                 "fiance", "fiancee", "grandson", "granddaughter", "baby", "named", "dubbed"})

LEADING = re.compile(r"^(?:the|northern|southern|eastern|western|central|north|south|east|west|"
                     r"northeast(?:ern)?|northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|"
                     r"downtown|greater|upstate|rural)\s+", re.IGNORECASE)
TRAILING = re.compile(r"\s+(?:province|city|region|governorate|oblast|district|state|"
                      r"prefecture|municipality|area)$", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
NOT_PLACES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "god", "christ", "english", "internet", "parliament", "congress",
})
# Words and given names that are also place names: read as places only after a cue word.
STOPLIST = frozenset({
    "time", "alliance", "union", "unity", "liberty", "independence", "victory", "hope",
    "justice", "progress", "freedom", "national", "federal", "central", "royal", "metro",
    "vista", "mesa", "orange", "apple", "bishop", "marine", "bravo", "portal", "university",
    "college", "school", "church", "hospital", "police", "army", "navy", "court", "senate",
    "council", "commission", "ministry", "bank", "club", "city", "state", "county", "republic",
    "jordan", "georgia", "chad", "india", "israel", "victoria", "virginia", "carolina",
    "dakota", "florence", "austin", "dallas", "houston", "lincoln", "jackson", "madison",
    "washington", "clinton", "eugene", "tyler", "allen", "sutton", "bolton", "nelson",
    "adrian", "young", "david", "evans", "francis", "marion", "franklin", "hamilton", "kent",
    "paris", "sydney", "chelsea", "brooklyn", "aurora", "charlotte", "elizabeth", "helena",
    "savannah", "regina", "santa", "newton", "winston", "salem", "troy", "jesus", "salome",
})

# AP style abbreviations of US states ("Portland, Ore.") -> USPS code; postal codes match too
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "nh": "NH", "nj": "NJ",
    "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA",
    "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}


@dataclass(slots=True)
class Mention:
    """A place name in the article, its gazetteer readings and the words around it."""

    start: int  # source offsets of the name itself
    end: int
    text: str
    matches: list[Match]
    qualifier: tuple[str, str] | None = None  # ("state", "TX") or ("country", "US")
    state_word: bool = False  # "Washington state"
    tagged: bool = True  # from an entity (False: a capitalised name after "in", "near", ...)
    dateline: bool = False
    neighbours: list[int] | None = None  # indexes of the mentions listed next to this one
    chosen: GazEntry | None = None


def _strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text) if text.endswith(("'s", "’s", "'", "’")) else text


def _forms(text: str, start: int) -> list[tuple[str, int]]:
    """The name and its shorter forms: without "the"/direction words, without "province"."""
    text = _strip_possessive(text).rstrip(" ,;:")
    forms = [(text, start)]
    while (m := LEADING.match(text)) is not None:
        text, start = text[m.end():], start + m.end()
        forms.append((text, start))
    if TRAILING.search(text):
        forms.append((TRAILING.sub("", text), start))
    return forms


def _is_abbreviation(name: str) -> bool:
    return "." in name or len(normalize(name)) <= 3


def _big(entry: GazEntry) -> bool:
    return entry.feature != "city" or entry.population >= MIN_POPULATION_LOC_CITY


def _plausible(match: Match, name: str, label: str) -> bool:
    """Drop readings that only a tagging slip or an abbreviation clash would produce."""
    entry = match.entry
    if label == "LOC" and not _big(entry):  # "Atlantic", "Valley": not the small towns
        return False
    if label == "SLIP_CUE":  # ORG/PERSON after "in", "near": "in Liverpool", "in Tamil Nadu"
        if not match.exact:  # another spelling ("from Misrata"): big cities only
            return entry.feature == "city" and entry.population >= MIN_POPULATION_LOC_CITY
        return entry.feature != "city" or entry.population >= MIN_POPULATION_SLIP
    if label == "SLIP":  # no cue: a country, state, region or area, or (ORG) a big city
        return match.exact and (entry.feature != "city"
                                or entry.population >= MIN_POPULATION_LONE_SLIP)
    if label == "SLIP_NAMED":  # PERSON without cue, or a stoplist word: no city at all
        return match.exact and entry.feature not in ("city", "county")
    if _is_abbreviation(name):
        return match.exact and _big(entry)
    return True


def lookup(gazetteer: Gazetteer, text: str, start: int,
           label: str) -> tuple[str, int, list[Match]]:
    """Find the readings of a name, trying shorter forms ("northern Idlib" -> "Idlib")."""
    for k, (name, offset) in enumerate(_forms(text, start)):
        if not name or name.lower() in NOT_PLACES or not name[0].isupper():
            continue
        found = gazetteer.lookup(name)
        matches = [m for m in found if _plausible(m, name, label)
                   and (k == 0 or _big(m.entry))]  # "West Wing" is not the village Wing
        if matches and label.startswith("SLIP"):  # a place name: any exact namesake may be it
            matches += [m for m in found if m.exact and m not in matches
                        and m.entry.feature == "city"]
        if matches:
            return name, offset, matches
    return text, start, []


def qualifier_of(gazetteer: Gazetteer, text: str) -> tuple[str, str] | None:
    """What ``text`` after a comma names: ("state", USPS code) for a US state (name, postal
    or AP abbreviation) or county, ("admin1", "CA.08") for a region or county elsewhere,
    ("country", ISO2) for a country."""
    key = normalize(text).replace(" ", "")
    if key in AP_STATES and (text[:1].isupper()):
        return ("state", AP_STATES[key])
    for match in gazetteer.lookup(text):
        entry = match.entry
        if not match.exact:
            continue
        if entry.feature == "state" or (entry.feature == "county" and entry.iso2 == "US"):
            return ("state", entry.admin1)
        if entry.feature in ("region", "county"):
            return ("admin1", f"{entry.iso2}.{entry.admin1}") if entry.admin1 \
                else ("country", entry.iso2)
        if entry.feature == "country":
            return ("country", entry.iso2)
    return None


def inside(entry: GazEntry, qualifier: tuple[str, str]) -> bool:
    """Whether ``entry`` lies in the state, region or country a qualifier names."""
    kind, code = qualifier
    if kind == "state":
        return entry.iso2 == "US" and entry.admin1 == code
    if kind == "admin1":
        return f"{entry.iso2}.{entry.admin1}" == code
    return entry.iso2 == code


_QUALIFIER_AFTER = re.compile(r"(?:,\s*\(?|\s*\()([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})")
_STATE_AFTER = re.compile(r"\s+state\b")


def context_after(gazetteer: Gazetteer, source: str,
                  end: int) -> tuple[tuple[str, str] | None, bool]:
    """The qualifier after a name (", Texas", ", Ore.") and whether "state" follows it."""
    tail = source[end:end + 40]
    state_word = _STATE_AFTER.match(tail) is not None
    m = _QUALIFIER_AFTER.match(tail)
    if m is None:
        return None, state_word
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # longest qualifier first: "New York" before "New"
        found = qualifier_of(gazetteer, " ".join(words[:n]))
        if found is not None:
            return found, state_word
    return None, state_word


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def word_before(source: str, start: int) -> str:
    m = _WORD_BEFORE.search(source[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _surnames(article: Article) -> set[str]:
    """Normalised words the article uses as surnames: the last word of a longer PERSON name."""
    names = set()
    for ent in article.entities:
        if ent.label == "PERSON":
            words = _strip_possessive(ent.text).split()
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
    key = normalize(_strip_possessive(text))
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
        if normalize(_strip_possessive(ent.text)) in surnames and not _big_place(gazetteer,
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
    return any(m.exact and _big(m.entry) for m in gazetteer.lookup(_strip_possessive(text)))


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
        q_matches = [m for m in gazetteer.lookup(q_text) if _plausible(m, q_text, "GPE")]
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


def _untagged_mentions(article: Article, gazetteer: Gazetteer,
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


def _dateline_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
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
    try:
        text = (resources.files("newsgraph.actors") / "data" / "countries.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as err:
        log.warning("no country adjectives for places (%s)", err)
        return {}
    table = {}
    for line in text.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) >= 6:
            for adjective in filter(None, fields[5].split(";")):
                table[adjective] = fields[0]
    return table


def _demonym_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
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
QUALIFIER_FEATURES = frozenset({"state", "region", "county", "country"})


def _qualifier_mentions(article: Article, gazetteer: Gazetteer, mentions: list[Mention],
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


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


def find_mentions(article: Article, gazetteer: Gazetteer, *, untagged: bool = True) -> list[Mention]:
    """The place-name mentions of an article: datelines, entities, untagged names after cues."""
    mentions = _dateline_mentions(article, gazetteer)
    mentions += [m for m in _entity_mentions(article, gazetteer) if not _overlaps(m, mentions)]
    mentions += _demonym_mentions(article, gazetteer)
    if untagged:
        taken = [(e.start, e.end) for e in article.entities] + [(m.start, m.end) for m in mentions]
        mentions += _untagged_mentions(article, gazetteer, taken)
        taken += [(m.start, m.end) for m in mentions]
        mentions += _qualifier_mentions(article, gazetteer, mentions, taken)
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
