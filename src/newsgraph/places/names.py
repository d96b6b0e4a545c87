"""Name keys shared by the gazetteer and its builder."""

from __future__ import annotations

import re
import unicodedata

from ..slugs import slugify

_SPACES = re.compile(r"[\s\-]+")
_SAINT = re.compile(r"\bsaint\b|\bste?\b")


def normalize(name: str) -> str:
    """Lookup key: lowercase, accents folded, curly quotes and dots unified, spaces collapsed."""
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
        name = "".join(c for c in folded if not unicodedata.combining(c))
    key = name.casefold().replace(".", "")
    if "-" in key or "  " in key or not key.isprintable() or key != key.strip():
        key = _SPACES.sub(" ", key).strip()
    if "st" in key or "saint" in key:  # "Saint Petersburg" = "St. Petersburg"
        key = _SAINT.sub("st", key)
    return key


def place_slug(name: str) -> str:
    """The name part of a place id: ``"São Paulo"`` -> ``"sao-paulo"``, ``"Xi'an"`` -> ``"xi-an"``."""
    return slugify(normalize(name), keep_words_apart=True) or "place"
