"""Statements that are acts by what they say (PLOVER's verbal categories without a verb of
accusing or rejecting):

- a judgement of an actor: "Britain says the Russian government was involved in the
  poisoning", "they say that Weinstein is bad", "Cerar said Russia is most likely
  responsible" -> ACCUSE, the speaker against the judged actor;
- a judgement of a claim: "the ministry said the allegations were baseless" -> REJECT by the
  speaker (against whoever made the claim, when the claim names them);
- a hostile act told of another state: "Tajik officials said Kyrgyz troops opened fire"
  -> ACCUSE Tajikistan -> Kyrgyzstan, besides the reported ASSAULT.

The predicates are data (``data/judgements.tsv``). Each finding is a ``Match`` on the
verb of saying with the roles it gives; the events stage emits it like any trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Article, Event
from .arguments import Argument, arguments, child, subjects_of
from .lexicon import Lexicon
from .triggers import Match

Token = Any

SAYING = frozenset({"say", "claim", "allege", "insist", "state", "add", "argue", "assert",
                    "maintain", "contend", "charge", "write", "tweet", "declare", "stress",
                    "tell", "warn", "complain"})
CLAIMS = frozenset({"accusation", "allegation", "claim", "charge", "report", "story", "rumor",
                    "rumour", "it", "this", "that", "these", "those", "assertion", "suggestion"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN"})
ACCUSE_CODE, REJECT_CODE = "112", "120"
PATTERN = "verb:say+"


def _predicate(clause: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The judging word of a clause and the subject it judges: "Y is bad" (acomp), "Y is a
    threat" (attr), "Y was involved in" (a passive participle), "Y is behind it",
    "Y is in breach of the law"."""
    subj = child(clause, "nsubj", "nsubjpass")
    if subj is None:
        return None
    if _judgement(clause, lex):  # "was involved", or an adjective the parser made the head
        return clause, subj
    for c in clause.children:
        if c.dep_ in ("acomp", "attr", "oprd") and _judgement(c, lex):
            return c, subj
        if c.dep_ == "prep" and c.lower_ == "behind" and "behind" in lex.judgements:
            return c, subj
        if c.dep_ == "prep" and c.lower_ == "in":
            obj = child(c, "pobj")
            if obj is not None and _judgement(obj, lex):
                return obj, subj
    return None


def _judgement(tok: Token, lex: Lexicon) -> str | None:
    return lex.judgements.get(tok.lower_) or lex.judgements.get(tok.lemma_.lower())


def _clauses(verb: Token) -> Iterator[Token]:
    """The said clauses of a verb of saying, with clauses joined to them by "and"."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis"):
            yield c
            yield from (g for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX"))


def _main_act(tok: Token, clause: Token) -> bool:
    """The act the said clause is about: its verb, or an event noun as its subject or object
    ("said Peruvian troops opened fire", "said an airstrike hit the school")."""
    return tok.i == clause.i or (tok.head.i == clause.i and tok.dep_ in ("nsubj", "dobj"))


def _country(article: Article, actor: str | None) -> str | None:
    found = article.actor(actor) if actor else None
    return found.country if found is not None else None


def statement_matches(article: Article, sent: Any, events: list[Event],
                      lex: Lexicon) -> list[tuple[Match, list[Argument], list[Argument]]]:
    """Accusations and rejections a sentence makes by what it says: (match, sources,
    targets) on each verb of saying (see the module docstring)."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SAYING:
            continue
        speakers = [a for t in subjects_of(verb) for a in arguments(article, t)]
        if not any(a.actor for a in speakers):
            continue
        for clause in _clauses(verb):
            found = _judged(article, verb, clause, speakers, lex) or _told(
                article, verb, clause, speakers, events)
            if found is not None:
                out.append(found)
                break
    return out


def _judged(article: Article, verb: Token, clause: Token, speakers: list[Argument],
            lex: Lexicon) -> tuple[Match, list[Argument], list[Argument]] | None:
    judged = _predicate(clause, lex)
    if judged is None:
        return None
    pred, subj = judged
    own = {a.actor for a in speakers if a.actor}
    if _judgement(pred, lex) == "REJECT":
        if subj.lemma_.lower() not in CLAIMS:
            return None
        owner = child(subj, "poss")
        targets = [a for a in arguments(article, owner) if a.actor and a.actor not in own]
        return Match(verb, REJECT_CODE, PATTERN + "reject", 1, None, [pred]), speakers, targets
    targets = [a for a in arguments(article, subj) if a.actor and a.actor not in own]
    if not targets:
        return None
    return Match(verb, ACCUSE_CODE, PATTERN + "accuse", 1, None, [pred]), speakers, targets


def _told(article: Article, verb: Token, clause: Token, speakers: list[Argument],
          events: list[Event]) -> tuple[Match, list[Argument], list[Argument]] | None:
    """A hostile act in the said clause whose doer is of another country than the speaker."""
    lo, hi = min(t.i for t in clause.subtree), max(t.i for t in clause.subtree)
    doc = clause.doc
    start, end = article.span(doc[lo].idx, doc[hi].idx + len(doc[hi]))
    said = {_country(article, a.actor) for a in speakers if a.actor} - {None}
    if len(said) != 1:
        return None
    at = {article.span(t.idx, t.idx)[0]: t for t in clause.subtree}
    for e in events:
        if e.category not in HOSTILE or not (start <= e.trigger.start < end) or e.source is None:
            continue
        tok = at.get(e.trigger.start)
        if tok is None or not _main_act(tok, clause):
            continue  # "insists they occurred before Russia's invasion": no claim about it
        doer = _country(article, e.source)
        if doer is not None and doer not in said:
            target = Argument(e.source, e.source_text or "", at.get(e.trigger.start, clause))
            return Match(verb, ACCUSE_CODE, PATTERN + "accuse", 1, None, []), speakers, [target]
    return None
