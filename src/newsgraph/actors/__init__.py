"""Actors: entities and mentions -> canonical actors (states, persons, organisations, groups).

Public API:
- ``resolve_actors`` — the pipeline stage (requires doc, entities; assigns entities, actors
  and the working field actor_index);
- ``resolve_mention(article, start, end) -> str | None`` — actor id of any source span;
- ``entities_in(article, start, end) -> list[Entity]`` — entities inside a span, indexed;
- ``role_noun(token) -> (role, kind) | None`` — a role noun ("troops" -> ("MIL", "group"));
- ``resolve_owners(article, start, end) -> list[str]`` — one group per state a group noun
  names ("farmers from Belgium and France" -> BEL-CVL, FRA-CVL), else [];
- ``count_actor(article, actor)`` — one more mention of an actor, added when new (the one
  way later stages grow ``article.actors``);
- ``load_dictionary(path) -> list[DictEntry]`` — read a user actor dictionary;
- ``cameo_code(actor) -> str`` — CAMEO-style code ("IRN", "IRNMIL", a person "RUSGOV").
"""

from .dictionary import DictEntry, load_dictionary
from .mention import count_actor, entities_in, resolve_mention, resolve_owners, role_noun
from .names import cameo_code
from .resolve import resolve_actors

__all__ = ["DictEntry", "cameo_code", "count_actor", "entities_in", "load_dictionary",
           "resolve_actors", "role_noun",
           "resolve_mention", "resolve_owners"]
