"""Readings of a trigger word that are no event (GUIDE: capabilities, names, questions ...).

Each check returns the reason a candidate is rejected, or None; ``newsgraph explain``
prints the reason. The word lists are small and general (no names of places or people).

- a question ("Why did X attack Y?"): asks, reports nothing;
- a capability, a right, a bid or a plot: "drones capable of striking", "the right to
  protest", "a bid to oust the premier", "designed to hit";
- prevention: "to prevent attacks", "to avert a war": the act is what must not happen;
- a name: an event word inside a named entity ("the Vietnam War", "Sukkur Barrage",
  "North American Free Trade Agreement");
- talking to the press: "spoke to reporters" is no meeting;
- an instrument for an actor: "the law targets activists", "sanctions targeting key
  figures" (the ASSAULT reading of a verb whose subject is a measure, not an actor).
"""

from __future__ import annotations

from typing import Any

Token = Any

CAPABILITY_HEADS = frozenset({"capable", "capability", "ability", "capacity", "bid", "plot",
                              "right", "power", "means", "potential", "designed", "designate",
                              "equipped", "ploy", "scheme", "conspiracy"})
PREVENTING = frozenset({"prevent", "avert", "avoid", "deter", "forestall", "preempt",
                        "pre-empt", "thwart", "foil", "counter", "fear"})
NAME_ENTITIES = frozenset({"EVENT", "FAC", "ORG", "PRODUCT", "GPE", "LOC", "WORK_OF_ART",
                           "LAW", "PERSON", "NORP"})
MEDIA = frozenset({"reporter", "journalist", "press", "media", "newsman", "correspondent",
                   "newspaper", "television", "radio", "broadcaster", "audience", "crowd",
                   "supporter", "gathering", "rally", "conference"})
MEASURES = frozenset({"law", "measure", "sanction", "policy", "rule", "bill", "legislation",
                      "regulation", "decree", "restriction", "move", "tariff", "tax", "plan",
                      "proposal", "program", "programme", "scheme", "campaign", "rhetoric"})


def question(sent: Any) -> str | None:
    text = sent.text.rstrip(" \"'\u201d\u2019)")
    return "a question reports no event" if text.endswith("?") else None


def capability(trigger: Token) -> str | None:
    """"capable of striking", "a bid to oust", "the right to protest"."""
    tok = trigger
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
            head = head.head
        elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
            head = head.head
        elif tok.dep_ not in ("xcomp", "acl", "advcl", "ccomp", "relcl"):
            return None
        if head.lemma_.lower() in CAPABILITY_HEADS or head.lower_ in CAPABILITY_HEADS:
            return f"a capability or intention ('{head.text}'), not an act"
        tok = head
    return None


def prevented(trigger: Token) -> str | None:
    """"to prevent attacks", "avert a war": the object of a verb of prevention."""
    head = trigger.head
    if trigger.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in PREVENTING:
        return f"what '{head.text}' keeps from happening"
    if trigger.dep_ in ("xcomp", "pcomp") and head.lemma_.lower() in PREVENTING:
        return f"what '{head.text}' keeps from happening"
    return None


def named(trigger: Token) -> str | None:
    """An event word inside a multi-word name: "the Vietnam War", "Sukkur Barrage"."""
    if trigger.ent_type_ not in NAME_ENTITIES or not trigger.is_title:
        return None
    ents = [e for e in trigger.doc.ents if e.start <= trigger.i < e.end]
    if ents and len(ents[0]) > 1:
        return f"part of the name '{ents[0].text}'"
    return None


def press(targets: list[Any]) -> str | None:
    """"spoke to reporters", "told a news conference": no meeting."""
    for arg in targets:
        if arg.actor is None and arg.token.lemma_.lower() in MEDIA:
            return f"talking to '{arg.text}' is no meeting"
    return None


def instrument(subject: Token | None, category: str | None) -> str | None:
    """"the law targets activists": a measure is no assailant."""
    if subject is None or category != "ASSAULT" or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.lower() in MEASURES:
        return f"'{subject.text}' is a measure, not an assailant"
    return None
