"""Events: who did what to whom (PLOVER category, CAMEO code, actors, modality, evidence).

Public:
- ``extract_events(article, *, settings)``: the pipeline stage filling ``article.events``.
- ``load_lexicon()``: the bundled CAMEO/PLOVER lexicon (``data/*.tsv``).
"""

from .extract import extract_events
from .lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "extract_events", "load_lexicon"]
