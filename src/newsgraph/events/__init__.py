"""Events: who did what to whom (PLOVER category, CAMEO code, actors, modality, evidence).

An event names an actor as source or target, with one documented exception: a violent,
protest or coercive act (PLOVER ASSAULT or PROTEST; CAMEO 171 seize or damage property,
173 arrest, 175 repress, 181 abduct, 1821 sexual assault) whose trigger is an event noun
("an explosion", "the protest") or whose source or target is a generic agent from
``data/agents.tsv`` ("gunmen", "police", "protesters", "a bomb") is kept with
``source``/``target`` None, the words in ``source_text``/``target_text``, confidence <= 0.35.
Likewise any other act whose doer the text names though it resolves to no actor (a pronoun,
a person's name or a person or group noun: "we urge ...", "Najib denies any wrongdoing"):
the words stay in ``source_text``, confidence <= 0.3, so ``--min-confidence`` can drop them.

Defaults filled after extraction (``domestic.py``), each marked in ``pattern`` and with a
capped confidence:
- ``+domestic``: a street protest (protests, marches, rallies, strikes, sit-ins, road blocks,
  "protested" without an object) with unnamed sides is the country's civilians against its
  government; named protesters keep it only if they are a civilian sector of that country.
  A diplomatic protest ("lodged a formal protest", "a protest note", "rejected the protest")
  never gets it, and a later "the protest" pointing back to one is no new event;
- ``+recipient``: aid without a named recipient goes to the country of the sentence's place
  when most places of the article lie there and it is not the giver's own.
A protest held outside an actor's building targets that actor ("outside the US embassy").
A state protecting its own people ("protected its farmers") is no AID event. A definite
event noun ("the protests") repeating an earlier event's category, source and target in the
same article is a mention of that event and is dropped. Violence by natural forces
("floods hit X") is no event.

Public:
- ``extract_events(article, *, settings)``: the pipeline stage filling ``article.events``.
- ``load_lexicon()``: the bundled CAMEO/PLOVER lexicon (``data/*.tsv``).
"""

from .extract import extract_events
from .lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "extract_events", "load_lexicon"]
