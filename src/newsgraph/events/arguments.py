"""Event arguments: the words that name a source or target, and the actor they resolve to."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..actors import entities_in, resolve_mention, resolve_owners, role_noun
from ..actors.names import WORDS
from ..model import Article

log = logging.getLogger(__name__)

Token = Any  # spacy.tokens.Token

# children kept inside an argument's span ("the new Russian defence minister of X")
_KEEP = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case", "quantmod",
                   "flat", "nn", "predet", "prep", "pobj", "advmod"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(slots=True)
class Argument:
    actor: str | None
    text: str
    token: Token


def _keep(tok: Token, top: Token) -> bool:
    if tok.dep_ not in _KEEP:
        return False
    if tok.dep_ == "prep":  # only "of" phrases belong to a name: "the president of France"
        return tok.lower_ == "of" and tok.head.i == top.i
    return True


def argument_bounds(tok: Token) -> tuple[int, int]:
    """Token index range [i, j) of the noun phrase headed by ``tok`` (no clauses, lists, appositions)."""
    lo, hi = tok.i, tok.i
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if _keep(child, tok):
                lo, hi = min(lo, child.i), max(hi, child.i)
                stack.append(child)
    return lo, hi + 1


def resolve(article: Article, tok: Token) -> Argument:
    """Resolve the phrase headed by ``tok`` to an actor id (or None)."""
    doc = tok.doc
    i, j = argument_bounds(tok)
    span = doc[i:j]
    start, end = article.span(span.start_char, span.end_char)
    actor = resolve_mention(article, start, end)
    if actor is None:
        actor = _entity_actor(article, start, end, tok)
    if actor is not None and _only_as_sympathy(article, actor, start, end):
        actor = None  # "a pro-Iran cleric" is no Iranian actor
    if actor is None:
        for child in tok.children:  # "its ally, Gondor, ..."
            if child.dep_ == "appos":
                return resolve(article, child)
    return Argument(actor, span.text, tok)


SYMPATHY_PREFIXES = tuple(p + sep for p in WORDS["sympathy_prefixes"] for sep in ("-", " "))
BACKER_SUFFIXES = tuple("-" + s for s in WORDS["backer_suffixes"])


def _only_as_sympathy(article: Article, actor: str, start: int, end: int) -> bool:
    """Whether every mention of ``actor`` in the span is a stance or a backer ("a pro-Iran
    cleric", "anti-US", "the Russian-backed offensive")."""
    ents = [e for e in entities_in(article, start, end) if e.actor == actor]
    return bool(ents) and all(
        article.local(max(start, e.start - 5), e.start).lower().endswith(SYMPATHY_PREFIXES)
        or article.local(e.end, min(end, e.end + 12)).lower().startswith(BACKER_SUFFIXES)
        for e in ents)


def _entity_actor(article: Article, start: int, end: int, tok: Token) -> str | None:
    head_start = article.span(tok.idx, tok.idx)[0]
    best = None
    for ent in entities_in(article, start, end):
        if ent.actor is None:
            continue
        if ent.start <= head_start < ent.end:
            return ent.actor
        best = best or ent.actor
    return best


def conjuncts(tok: Token) -> Iterator[Token]:
    """``tok`` and the tokens joined to it by "and"/"or" ("Russia and Iran"), including a
    name the parser hung on a name as an apposition inside a list ("Mordor, the Shire,
    Fornost and Bree": "the Shire" is a list member, not a description of Mordor)."""
    yield tok
    for child in tok.children:
        if child.dep_ == "conj" or (child.dep_ == "appos" and _list_member(tok, child)):
            yield from conjuncts(child)


_NAME_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTITIES


def _list_member(head: Token, appos: Token) -> bool:
    """An apposition that is one more item of a list: a name next to a name, with the
    list's "and"/"or" on either of them ("X, the Y, and Z"); "X, the state's foe" and
    "the president, Y, and Z" stay descriptions."""
    if not (head.pos_ == "PROPN" and _is_name(appos)):
        return False
    if head.ent_type_ and head.ent_iob_ != "O" and appos.ent_type_ and _same_entity(head, appos):
        return False
    return any(c.dep_ in ("cc", "conj") for c in (*head.children, *appos.children))


def _same_entity(a: Token, b: Token) -> bool:
    ents = [e for e in a.doc.ents if e.start <= a.i < e.end]
    return bool(ents) and ents[0].start <= b.i < ents[0].end


def arguments(article: Article, tok: Token | None) -> list[Argument]:
    """All arguments a phrase names: one per conjunct; a relative pronoun stands for its noun.

    Coordinated names the parser folded into one phrase ("Fornost and the evil Gondor")
    and coordinated modifiers ("Russian and Chinese officials") give one argument each.
    """
    if tok is None:
        return []
    if tok.tag_ in _RELATIVE and tok.head.dep_ in ("relcl", "acl"):
        tok = tok.head.head
    tok = through_quantity(_past_dateline(tok))
    out: list[Argument] = []
    for t in conjuncts(tok):
        arg = resolve(article, t)
        out.extend(_coordinated_names(article, t, arg) or _coordinated_modifiers(article, t, arg)
                   or _several_owners(article, t, arg) or [arg])
    return out


# words that only count or gather the noun after "of": "thousands of people"
QUANTITY_HEADS = frozenset(WORDS["quantity_heads"])


def through_quantity(tok: Token) -> Token:
    """"Thousands of people", "a group of farmers from Peru": the counted noun."""
    if tok.lower_ not in QUANTITY_HEADS:
        return tok
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = child(prep, "pobj")
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.tag_ in ("NNS", "NNPS"):
                return obj
    return tok


DASHES = frozenset({"—", "–", "-", "--"})


def _past_dateline(tok: Token) -> Token:
    """"KHUJAND — Kyrgyz and Tajik officials agreed", "ASTANA, Sept 16 – The ministers met":
    the parser may make the dateline the subject and the real one its apposition; the
    apposition is the argument."""
    doc, sent = tok.doc, tok.sent
    if sent.start > tok.i or not tok.is_upper:
        return tok
    dash = next((t for t in doc[tok.i + 1:min(sent.end, tok.i + 8)] if t.text in DASHES), None)
    if dash is None or not all(_dateline_word(t) for t in doc[sent.start:dash.i]):
        return tok
    app = next((c for c in tok.children if c.dep_ == "appos" and c.i > dash.i), None)
    return app if app is not None else tok


def _dateline_word(tok: Token) -> bool:
    return tok.is_upper or tok.is_punct or tok.like_num or tok.ent_type_ == "DATE"


def _several_owners(article: Article, tok: Token, arg: Argument) -> list[Argument]:
    """"farmers from Belgium and France": a group noun of several states, one each."""
    if arg.actor is not None:
        return []
    i, j = argument_bounds(tok)
    span = tok.doc[i:j]
    start, end = article.span(span.start_char, span.end_char)
    return [Argument(actor, arg.text, tok) for actor in resolve_owners(article, start, end)]


_COORDINATORS = frozenset({"and", "or", "nor", "&", ","})


def _coordinated_names(article: Article, tok: Token, arg: Argument) -> list[Argument]:
    """Actor entities inside one argument span joined by "and"/","/"or", when the
    phrase's head is itself one of the names (a flat parse of a coordination)."""
    doc = tok.doc
    i, j = argument_bounds(tok)
    start, end = article.span(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
    ents = [e for e in entities_in(article, start, end) if e.actor]
    if len(ents) < 2 or len({e.actor for e in ents}) < 2:
        return []
    head = article.span(tok.idx, tok.idx)[0]
    if not any(e.start <= head < e.end for e in ents):
        return []
    for a, b in zip(ents, ents[1:]):
        gap = article.local(a.end, b.start).lower().replace(",", " , ").split()
        if not any(w in _COORDINATORS for w in gap):
            return []
    return [Argument(e.actor, e.text, tok) for e in ents]


_GROUP_PREPS = frozenset({"of", "in", "from"})


def _coordinated_modifiers(article: Article, tok: Token, arg: Argument) -> list[Argument]:
    """"Russian and Chinese officials", "lawmakers in France and Italy": the head's actor
    for the first modifier, each further modifier's own actor."""
    if arg.actor is None:
        return []
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    mods += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in _GROUP_PREPS
             for o in p.children if o.dep_ == "pobj"]
    for mod in mods:
        if not any(c.dep_ == "conj" for c in mod.children):
            continue
        others = [resolve(article, m) for m in conjuncts(mod)][1:]
        extra = [a for a in others if a.actor and a.actor != arg.actor]
        if extra:
            return [arg, *extra]
    return []


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def pobjs_of(tok: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions in ``preps`` hanging on ``tok`` ("on Monday" left out)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in _NOT_ACTORS:
                out.append(obj)
    return out


def pobj_of(tok: Token, preps: frozenset[str]) -> Token | None:
    """The object of the first preposition in ``preps`` hanging on ``tok``."""
    found = pobjs_of(tok, preps)
    return found[0] if found else None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subjects_of(verb: Token) -> list[Token]:
    """Every subject of a verb: a misparse can give a verb two ("Lions, tigers, and
    Gondor welcomed" -> "Lions" and "Gondor")."""
    first = subject_of(verb)
    if first is None:
        return []
    extra = [c for c in first.head.children
             if c.dep_ == first.dep_ and c.i != first.i and first.dep_ in SUBJECTS]
    return [first, *extra]


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject (active) or agent (passive) of a verb, inherited along
    conjunctions and control chains ("Russia and Iran agreed to restore ties")."""
    cur = verb
    for _ in range(6):
        if is_passive(cur):
            if cur is not verb:  # "X is expected to travel", "X was attacked and hit back"
                return child(cur, "nsubjpass") or pobj_of(cur, frozenset({"by"}))
            return pobj_of(cur, frozenset({"by"}))
        subj = child(cur, "nsubj", "csubj")
        if subj is not None:
            return subj
        if cur.dep_ == "relcl":
            return cur.head
        owner = _plan_owner(cur)
        if owner is not None:  # "Trump's decision to deploy troops"
            return owner
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "said after meeting X": the one who said met
            continue
        if cur.dep_ in ("xcomp", "acomp", "conj", "advcl") and cur.head.i != cur.i:
            head = cur.head
            if cur.dep_ == "xcomp":
                obj = child(head, "dobj")
                if obj is not None:  # object control: "urged Iran to ..."
                    return obj
            cur = head
            continue
        return None
    return None


def claimant(article: Article, verb: Token, sources: list[Argument]) -> list[Argument]:
    """Who made the claim a relative clause denies: "Britain blames Russia in the case,
    which Russia denies", "Britain says Russia was involved, a charge that Russia denies",
    "May blamed Moscow, a charge denied by the Kremlin": the subject of the nearest clause
    above the claim noun whose subject is not the denier."""
    if verb.dep_ == "relcl":
        obj = child(verb, "dobj")
        if obj is None or obj.tag_ not in _RELATIVE:
            return []
    elif verb.dep_ != "acl":
        return []
    own = {a.actor for a in sources if a.actor}
    cur = verb.head
    for _ in range(10):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        subj = child(cur, "nsubj", "nsubjpass")
        found = [a for a in arguments(article, subj) if a.actor] if subj is not None else []
        if found and not {a.actor for a in found} & own:
            return found
    return []


def patient_noun(verb: Token) -> Token | None:
    """The noun a passive participle describes, which undergoes the act: "some of the 60
    diplomats being expelled from the US", "three men detained by police"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" and not is_passive(verb):
        return None
    if verb.tag_ not in ("VBN", "VBG") or verb.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return verb.head if verb.head.i < verb.i else None


POSSESSIVE_PERSONS = frozenset({"his", "her", "their"})


def possessed_person(article: Article, tok: Token | None) -> bool:
    """A possessor naming a person: "Park's" (conviction), "his" (arrest)."""
    if tok is None or tok.dep_ != "poss":
        return False
    if tok.ent_type_ == "PERSON" or tok.lower_ in POSSESSIVE_PERSONS:
        return True
    found = resolve(article, tok).actor
    actor = article.actor(found) if found is not None else None
    return actor is not None and actor.kind == "person"


def _plan_owner(verb: Token) -> Token | None:
    """The owner of the noun an infinitive completes: "Trump's decision to deploy troops",
    "the plan by Russia to expel diplomats", "Iran's refusal to allow inspectors"."""
    if verb.dep_ != "acl" or verb.head.pos_ != "NOUN" or verb.head.i > verb.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return child(verb.head, "poss") or pobj_of(verb.head, frozenset({"by"}))


FORCE_ROLES = frozenset({"MIL", "COP"})
_OWNER_ENTITIES = frozenset({"GPE", "NORP"})


def unowned_forces(tok: Token) -> bool:
    """Troops or police with no state named in their own phrase ("deployed National Guard
    troops", "sent extra troops"): the forces an actor moves, never whom it moves them
    against; "deployed troops near the Ukrainian border" names no target either."""
    role = role_noun(tok)
    if role is None or role[0] not in FORCE_ROLES or role[1] != "group":
        return False
    i, j = argument_bounds(tok)
    return not any(t.ent_type_ in _OWNER_ENTITIES or t.dep_ == "poss" for t in tok.doc[i:j])
