"""A cheap language guess from stopword rates and scripts (enough to flag non-English input)."""

from __future__ import annotations

import re

from .datafiles import read_word_table

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_STOPWORDS = read_word_table("data/stopwords.tsv")  # language code -> its commonest words
_SETS = {lang: set(words) for lang, words in _STOPWORDS.items()}
_SCRIPTS = [
    ("ru", re.compile(r"[\u0400-\u04ff]")), ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")), ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")), ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")), ("hi", re.compile(r"[\u0900-\u097f]")),
    ("fa", re.compile(r"[\u06cc\u067e\u0686\u06af]")),
]


def guess_language(text: str, *, sample: int = 5000) -> str:
    """ISO 639-1 code of the most likely language, "en" when unsure."""
    head = text[:sample]
    letters = sum(1 for ch in head if ch.isalpha())
    if not letters:
        return "en"
    for code, script in reversed(_SCRIPTS):
        if len(script.findall(head)) > 0.3 * letters:
            return "fa" if code == "ar" and _SCRIPTS[-1][1].search(head) else code
    words = [w.lower() for w in _WORD.findall(head)][:800]
    if len(words) < 8:
        return "en"
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _SETS.items()}
    best = max(scores, key=scores.__getitem__)
    if best != "en" and scores[best] > 1.5 * scores["en"] and scores[best] >= 0.08 * len(words):
        return best
    return "en"
