"""Quotes and attribution: who said what, in quotation marks or reported.

Public:
    extract_quotes      the pipeline stage (requires doc, entities, actors, actor_index;
                        assigns quotes, attributions, and actors it resolves)
    find_quotes         pair quotation marks in plain text (no model)
    speech_verbs        the speech-verb lexicon
    reporting_cover     (start, end, who) of every reported span of an analyzed article
    reported_by         is a span reported, and by whom
    resolve_speaker     actor id of a speaker span
"""

from .extract import extract_quotes, reported_by, reporting_cover, resolve_speaker
from .lexicon import speech_verbs
from .marks import QuoteSpan, find_quotes

__all__ = ["QuoteSpan", "extract_quotes", "find_quotes", "reported_by", "reporting_cover",
           "resolve_speaker", "speech_verbs"]
