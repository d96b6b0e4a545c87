"""Events: who did what to whom (PLOVER category, CAMEO code, actors, modality, evidence).

An event names an actor as source or target, with one documented exception: a violent,
protest or coercive act (PLOVER ASSAULT or PROTEST; CAMEO 171 seize or damage property,
173 arrest, 175 repress, 181 abduct, 1821 sexual assault) whose trigger is an event noun
("an explosion", "the protest") or whose source or target is a generic agent from
``data/agents.tsv`` ("gunmen", "police", "protesters", "a bomb") is kept with
``source``/``target`` None, the words in ``source_text``/``target_text``, confidence <= 0.35.

Public:
- ``extract_events(article, *, settings)``: the pipeline stage filling ``article.events``.
- ``load_lexicon()``: the bundled CAMEO/PLOVER lexicon (``data/*.tsv``).
"""

from .extract import extract_events
from .lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "extract_events", "load_lexicon"]
