"""Find where a line *introduces* a person or an organisation, with cheap regexes.

Journalists introduce a person in full once per article ("Iran Foreign Minister Hossein
Amir-Abdollahian") and use a short form after that ("Amir-Abdollahian"); an organisation is
introduced with a descriptor ("the official news agency IRNA", "the National Disaster
Management Authority (NDMA)") and named bare later. A full introduction of a name that the
lines just before already used is therefore a sign that a new article has begun.

An *introduction* here is either
- a capitalised run holding a role word followed by at least two name words
  ("Foreign Minister Hossein Amir-Abdollahian", "Prince Faisal bin Farhan"), or
- an acronym next to a descriptor ("IRNA state news agency", "news agency IRNA") or defined
  in brackets ("... Authority (NDMA)").

The key of a person is each name word after the role; the key of an organisation its acronym,
lowercased and normalised like :func:`newsgraph.segment.paragraphs._names` does.

Example:
    >>> intro_keys("Iran Foreign Minister Hossein Amir-Abdollahian left Tehran on Thursday.")
    ['hossein', 'amir-abdollahian']
    >>> intro_keys("The official government news agency IRNA reported that ...")
    ['irna']
"""

from __future__ import annotations

import re

from newsgraph.datafiles import read_word_table

__all__ = ["intro_keys"]

_CAP = r"[A-Z][\w'’.-]*"
_WORDS = read_word_table("segment/data/words.tsv")
_ROLES = frozenset(_WORDS["role_words"])
_PARTICLES = frozenset(_WORDS["name_particles"])
_RUN_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:{'|'.join(_WORDS['name_particles'])})\s+)?{_CAP})*")
_ACRONYM = r"[A-Z]{2,6}"
_DESCRIPTOR = (
    r"(?:(?:state|official|government|national|news|press|semi-official|"
    r"state-run|state-owned|private|independent|opposition|ruling)\s+){0,3}"
    r"(?:news agency|agency|broadcaster|television|tv|newspaper|daily|party|group|network|"
    r"militia|company|firm|organi[sz]ation|ministry)"
)
_ORG_INTRO_RE = re.compile(
    rf"\b(?:{_DESCRIPTOR})\s+({_ACRONYM})\b|\b({_ACRONYM})\s+{_DESCRIPTOR}\b"
    rf"|[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w'’-]*){{1,7}}\s+\(({_ACRONYM})\)"
)
_HEAD_CHARS = 600


def intro_keys(text: str) -> list[str]:
    """Keys of the persons and organisations that ``text`` introduces in full (in text order).

    Only the first ``_HEAD_CHARS`` characters are read: a lede introduces its actors early.
    """
    head = text[:_HEAD_CHARS]
    keys: list[str] = []
    for match in _RUN_RE.finditer(head):
        keys.extend(_person_keys(match.group(0).split()))
    for match in _ORG_INTRO_RE.finditer(head):
        acronym = next(group for group in match.groups() if group)
        keys.append(acronym.lower())
    return keys


def _person_keys(tokens: list[str]) -> list[str]:
    """Name words after the last role word of a capitalised run, when there are two or more."""
    last_role = -1
    for k, token in enumerate(tokens):
        if token.lower().rstrip(",") in _ROLES:
            last_role = k
    if last_role < 0:
        return []
    names = [t for t in tokens[last_role + 1 :] if t.lower() not in _PARTICLES]
    if len(names) < 2 or any(t.isupper() and len(t) > 1 for t in names):
        return []
    return [norm_word(t) for t in names]


def norm_word(token: str) -> str:
    """A word's normal form for matching: lower case, no possessive, no edge dots or
    dashes, a plural "s" dropped ("Ministers'" -> "minister"). Shared with the line cues."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip(".'-")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word
