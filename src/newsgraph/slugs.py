"""The one ``slugify``: lowercase ASCII ids for actors ("vladimir-putin") and places ("sao-paulo").

Example:
    >>> slugify("Côte d’Ivoire Times")
    'cote-divoire-times'
    >>> slugify("xi'an", keep_words_apart=True)
    'xi-an'
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’]")


def slugify(text: str, *, keep_words_apart: bool = False) -> str:
    """Lowercase ASCII letters and digits, every other run of characters one ``-``.

    Accents are folded ("São" -> "sao"). By default an apostrophe or a letter with no ASCII
    form joins its neighbours ("Ombudsman's Office" -> "ombudsmans-office"); with
    ``keep_words_apart`` it separates them ("Xi'an" -> "xi-an"), as place ids are made.
    Returns ``""`` when nothing is left (a name in another script).
    """
    if not keep_words_apart:
        text = _APOSTROPHES.sub("", text)
    folded = unicodedata.normalize("NFKD", text)
    if keep_words_apart:
        folded = "".join(char for char in folded if not unicodedata.combining(char))
    else:
        folded = folded.encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", folded.lower()).strip("-")
