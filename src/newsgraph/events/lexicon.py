"""The event lexicon: CAMEO codes, verb patterns and event nouns, read from ``data/*.tsv``.

Each file is a small tab-separated table with a header row; ``#`` starts a comment line.
``load_lexicon()`` reads them once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..datafiles import read_table


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    goldstein: float
    plover: str | None  # None: CAMEO 01 statements, which are no PLOVER event
    name: str


@dataclass(frozen=True, slots=True)
class VerbPattern:
    verb: str
    particles: tuple[str, ...]  # particle/preposition lemmas that must hang on the verb
    obj: str | None  # object lemma, or "modifier head" for a modified object
    cameo: str
    frame: str  # "-" any, "intr" no object or clause, "tr" needs an object, "from" the subject
    # receives and the "from" phrase is the source ("received aid from X")

    @property
    def specificity(self) -> int:
        return (2 if self.obj else 0) + (1 if self.particles else 0) + (1 if self.obj and " " in self.obj else 0)

    @property
    def name(self) -> str:
        parts = [self.verb, *self.particles]
        if self.obj:
            parts.append(self.obj.replace(" ", "_"))
        return "verb:" + "+".join(parts)


@dataclass(frozen=True, slots=True)
class NounPattern:
    noun: str  # head lemma
    modifier: str | None  # compound/amod lemma that must modify the head
    cameo: str
    of_role: str | None  # "target" | "source" | None

    @property
    def name(self) -> str:
        return "noun:" + (f"{self.modifier}_{self.noun}" if self.modifier else self.noun)


@dataclass(slots=True)
class Lexicon:
    codes: dict[str, CameoCode] = field(default_factory=dict)
    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)  # by verb lemma
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)  # by head lemma
    agents: dict[str, str] = field(default_factory=dict)  # generic agent lemma -> kind
    judgements: dict[str, str] = field(default_factory=dict)  # predicate lemma -> category

    def plover(self, code: str) -> str | None:
        entry = self.codes.get(code)
        return entry.plover if entry else None

    def goldstein(self, code: str) -> float | None:
        entry = self.codes.get(code)
        return entry.goldstein if entry else None


def _rows(name: str) -> list[list[str]]:
    return read_table(f"events/data/{name}", header=True)


def _opt(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


def read_codes() -> dict[str, CameoCode]:
    return {r[0]: CameoCode(r[0], float(r[1]), _opt(r[2]), r[3]) for r in _rows("cameo.tsv")}


def read_verbs() -> list[VerbPattern]:
    out = []
    for verb, particle, obj, cameo, frame in _rows("verbs.tsv"):
        particles = tuple(particle.split()) if _opt(particle) else ()
        out.append(VerbPattern(verb, particles, _opt(obj), cameo, frame))
    return out


def read_nouns() -> list[NounPattern]:
    out = []
    for noun, cameo, of_role in _rows("nouns.tsv"):
        words = noun.split()
        modifier, head = (words[0], words[1]) if len(words) == 2 else (None, words[0])
        out.append(NounPattern(head, modifier, cameo, _opt(of_role)))
    return out


def read_agents() -> dict[str, str]:
    return {lemma: kind for lemma, kind in _rows("agents.tsv")}


def read_judgements() -> dict[str, str]:
    return {lemma: category for lemma, category in _rows("judgements.tsv")}


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the bundled lexicon once per process."""
    lex = Lexicon(codes=read_codes(), agents=read_agents(), judgements=read_judgements())
    for pattern in read_verbs():
        lex.verbs.setdefault(pattern.verb, []).append(pattern)
    for noun in read_nouns():
        lex.nouns.setdefault(noun.noun, []).append(noun)
    for patterns in lex.verbs.values():
        patterns.sort(key=lambda p: -p.specificity)
    for nouns in lex.nouns.values():
        nouns.sort(key=lambda n: n.modifier is None)
    return lex


# CAMEO codes a stated intention ("will meet", "plans to send aid") as 03x by the intended act
_INTENT = {"04": "036", "045": "039", "046": "036", "05": "032", "057": "030", "06": "031",
           "061": "0311", "062": "0312", "063": "0313", "064": "0314", "07": "033",
           "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035"}


def cameo_intent(code: str) -> str:
    """The CAMEO 03x "express intent to ..." code for a planned cooperative act, else ``code``."""
    return _INTENT.get(code[:3]) or _INTENT.get(code[:2]) or code
