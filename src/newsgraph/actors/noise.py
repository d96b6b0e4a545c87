"""Checks against spaCy entity noise: places tagged ORG/PERSON, headline fragments, company
names tagged PERSON, common nouns tagged PERSON.

Every check looks at the parse and the gazetteer, never at a particular name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Article, Entity
from .names import COMPANY_WORDS, WORDS, org_role

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

Token = Any  # spacy.tokens.Token

# prepositions after which an unknown name is a place ("near Ak-Sai", "in Sukkur")
LOCATIVE = frozenset(WORDS["noise_locatives"])
# nouns after "of" that make the object a place ("the port city of Callao", "the town of X")
PLACE_NOUNS = frozenset(WORDS["place_nouns"])
# last words of names of places and things, not actors
THING_WORDS = frozenset(WORDS["thing_words"])


def split_at_lines(entities: list[Entity]) -> list[Entity]:
    """Entities that run across a line break (a headline into the lede) cut per line."""
    out = []
    for ent in entities:
        if "\n" not in ent.text:
            out.append(ent)
            continue
        offset = 0
        for part in ent.text.split("\n"):
            stripped = part.strip()
            if stripped:
                lead = len(part) - len(part.lstrip())
                start = ent.start + offset + lead
                out.append(Entity(text=stripped, label=ent.label, start=start,
                                  end=start + len(stripped)))
            offset += len(part) + 1
    return out


def title_spans(article: Article) -> list[tuple[int, int]]:
    """Source spans of the paragraphs the segmenter marked as titles (one pass)."""
    return [(p.start, p.end) for p in article.paragraphs if p.kind == "title"]


def headline_only(article: Article, ent: Entity, name: str,
                  titles: list[tuple[int, int]]) -> bool:
    """An unknown name found only in the headline ("Floods Swamp Sindh"); ``titles`` are
    the article's :func:`title_spans`."""
    if not any(start <= ent.start < end for start, end in titles):
        return False
    body = [p for p in article.paragraphs if p.kind == "body"]
    return not any(name in article.source.text[p.start:p.end] for p in body)


def is_company(tokens: list[str]) -> bool:
    return len(tokens) >= 2 and tokens[-1].lower() in COMPANY_WORDS


def is_common_noun(doc: Any, i: int, j: int) -> bool:
    """A one-word entity the tagger reads as a common noun ("Jets based at ...")."""
    return j - i == 1 and doc[i].pos_ == "NOUN"


def place_like(doc: Any, i: int, j: int, gaz: "Gazetteer", *, roles_at: Any) -> str | bool:
    """An unknown ORG/PERSON that reads as a place or thing: its country for a known city,
    True for other places, False for an actor."""
    words = [t.text for t in doc[i:j]]
    if words and words[0].lower() == "the":
        words = words[1:]
    name = " ".join(words).lower()
    if not name:
        return False
    if org_role(name) is not None and name.split()[-1] not in THING_WORDS:
        return False
    city = gaz.cities.get(name)
    if city:
        return city
    if name.split()[-1] in THING_WORDS:
        return True
    if not doc.has_annotation("DEP"):
        return False
    root = doc[i:j].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS:
        return True
    if root.dep_ in ("compound", "nmod", "det") and root.head.i >= j and \
            root.head.pos_ == "NOUN" and roles_at(root.head.i) is None:
        return True  # "Patriot batteries", "the Kok-Tash water intake"
    return False
