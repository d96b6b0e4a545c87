"""Event triggers: verb patterns and event nouns matched on a parsed sentence.

Cheap first: a token is looked at only when its lemma is a trigger in the lexicon; only
then are its parse children inspected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, NounPattern, VerbPattern

Token = Any

TARGET_PREPS = frozenset({"on", "against", "with", "to", "at", "into", "upon", "toward",
                          "towards", "onto"})
BETWEEN = frozenset({"between", "among"})
BY = frozenset({"by"})
OF = frozenset({"of"})
# verbs that only carry an event noun: "launched strikes", "held talks", "carried out a raid"
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "hold", "make", "impose", "sign", "reach",
    "begin", "start", "resume", "continue", "step", "intensify", "escalate", "announce",
    "order", "approve", "authorize", "authorise", "unleash", "wage", "perpetrate", "commit",
    "execute", "conclude", "strike", "seal", "ink", "open", "file", "lodge", "issue", "give",
    "provide", "send", "deliver", "extend", "offer", "host", "have", "organize", "organise",
    "lead", "plan", "agree", "declare", "initiate", "undertake", "pursue", "press", "expand",
    "renew", "step", "orchestrate", "mastermind", "claim", "pledge", "promise", "propose",
    "sign", "finalize", "finalise", "broker", "attend", "join", "tighten", "slap", "levy",
})
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
CARRIER_CATEGORIES = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT",
                                "PROTEST", "CONCEDE"})
VERB_POS = frozenset({"VERB"})
# a noun inside these entities names a time or an amount, not an event ("in March")
NON_EVENT_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                "QUANTITY", "WORK_OF_ART", "LAW"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_OBJECTS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp"})
PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative", "advmod"})


@dataclass(slots=True)
class Match:
    token: Token
    cameo: str
    pattern: str
    specificity: int
    obj: Token | None = None  # the object token the pattern consumed
    extra: list[Token] = field(default_factory=list)  # other trigger words
    noun: NounPattern | None = None
    converse: bool = False  # the subject receives: source is the "from" phrase


# objects that only measure or hold the real one ("40 tonnes of supplies", "food baskets")
MEASURES = frozenset({"tonne", "ton", "thousand", "hundred", "dozen", "million", "billion",
                      "batch", "shipment", "consignment", "load", "truckload", "planeload",
                      "number", "amount", "quantity", "lot", "wave", "convoy", "unit"})
CURRENCIES = frozenset({"dollar", "euro", "pound", "yuan", "yen", "rupee", "franc", "rouble",
                        "ruble", "dinar", "riyal", "lira", "peso", "shekel", "krona", "krone",
                        "rand", "dirham", "taka", "naira", "shilling", "renminbi"})
CONTAINERS = frozenset({"basket", "parcel", "package", "kit", "packet", "crate", "box", "bag",
                        "pack", "ration", "supply"})


def is_money(tok: Token) -> bool:
    """"$5 million", "50 million yuan" (the small model may miss the MONEY entity)."""
    return tok.ent_type_ == "MONEY" or (tok.lemma_.lower() in CURRENCIES and any(
        c.dep_ in ("nummod", "compound", "quantmod") and (c.like_num or c.ent_type_)
        for c in tok.children))


# objects that name a person: "executed a cleric", "released him", "fired the minister"
PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them", "me", "us", "you",
                             "himself", "herself", "themselves", "whom", "who"})
PERSON_NOUNS = frozenset({
    "man", "woman", "child", "boy", "girl", "person", "people", "journalist", "reporter",
    "activist", "blogger", "cleric", "imam", "priest", "prisoner", "detainee", "hostage",
    "captive", "leader", "official", "minister", "president", "premier", "governor", "mayor",
    "general", "commander", "officer", "chief", "head", "member", "worker", "student", "citizen",
    "national", "lawyer", "opponent", "critic", "dissident", "soldier", "civilian", "protester",
    "demonstrator", "politician", "lawmaker", "legislator", "senator", "judge", "diplomat",
    "envoy", "ambassador", "consul", "attaché", "d'affaire", "spy", "agent", "suspect",
    "convict", "inmate", "fisherman", "sailor",
    "crew", "tourist", "aide", "adviser", "advisor", "spokesman", "spokeswoman", "director",
    "executive", "employee", "staff", "farmer", "refugee", "migrant", "militant", "rebel",
    "fighter", "insurgent", "terrorist", "gunman", "opposition", "dissenter", "brother",
    "sister", "son", "daughter", "father", "mother", "wife", "husband", "family", "nun"})


def is_person(tok: Token) -> bool:
    """Whether an object names a person ("a pro-Iran cleric", "him", "Aziz Orujov")."""
    if tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRONOUNS:
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in PERSON_NOUNS


def predicate_object(verb: Token) -> Token | None:
    """The object of a verb with an object predicate: "called the measures illegal" (an
    ``oprd``, or a small clause the parser made a ``ccomp`` of an adjective or noun)."""
    for c in verb.children:
        if c.dep_ == "oprd":
            return child_of(verb, "dobj") or c
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("ADJ", "NOUN", "PROPN"):
            subj = child_of(c, "nsubj")
            if subj is not None:
                return subj
    return None


def controlled_object(verb: Token) -> Token | None:
    """The object of "wants Britain to answer", "told the cadets to retire": an object
    followed by an infinitive clause it is the subject of."""
    obj = child_of(verb, "dobj")
    clause = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in a_children(c))), None)
    if clause is None:
        return None
    return obj or child_of(clause, "nsubj")


def a_children(tok: Token) -> list[Token]:
    return list(tok.children)


def child_of(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def object_keys(tok: Token, depth: int = 0) -> set[str]:
    """Lemmas an object stands for: its own, "modifier head", "money" for an amount of
    money, "@person" for a person, the measured noun ("tonnes of supplies" -> supply) and
    the content of a container ("food baskets" -> food)."""
    lemma = tok.lemma_.lower()
    keys = {lemma}
    if is_money(tok):
        keys.add("money")
    if is_person(tok):
        keys.add("@person")
    for c in tok.children:
        if c.dep_ in ("amod", "compound"):
            keys.add(f"{c.lemma_.lower()} {lemma}")
            if lemma in CONTAINERS and c.dep_ == "compound":
                keys.add(c.lemma_.lower())
        elif (c.dep_ == "prep" and depth == 0 and (
                (c.lower_ == "of" and (lemma in MEASURES or tok.ent_type_ in ("QUANTITY", "CARDINAL")))
                or (c.lower_ == "in" and is_money(tok)))):  # "$6 billion in frozen funds"
            for g in c.children:
                if g.dep_ == "pobj":
                    keys |= object_keys(g, depth + 1)
    return keys



def _particles(verb: Token) -> dict[str, Token]:
    out: dict[str, Token] = {}
    for c in verb.children:
        if c.dep_ in PARTICLE_DEPS:
            out.setdefault(c.lower_, c)
            for g in c.children:  # "pulled out of": out -> of
                if g.dep_ in ("prep", "prt"):
                    out.setdefault(g.lower_, g)
    return out


def _verb_objects(verb: Token, particles: dict[str, Token]) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in VERB_OBJECTS]
    for p in particles.values():
        objs.extend(c for c in p.children if c.dep_ == "pobj")
    return objs


def match_verb(verb: Token, patterns: list[VerbPattern]) -> Match | None:
    """The most specific verb pattern whose particles, object and frame fit the parse."""
    particles = _particles(verb)
    objs = _verb_objects(verb, particles)
    has_obj = any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
    has_clause = any(c.dep_ == "ccomp" for c in verb.children)
    keyed: list[tuple[Token, set[str]]] | None = None
    for p in patterns:
        if p.obj in ("@oprd", "@to"):
            obj = predicate_object(verb) if p.obj == "@oprd" else controlled_object(verb)
            if obj is not None and all(x in particles for x in p.particles):
                return Match(verb, p.cameo, p.name, p.specificity, obj, [])
            continue
        if any(x not in particles for x in p.particles):
            continue
        if (p.frame == "intr" and (has_obj or has_clause)) or (p.frame == "tr" and not (
                has_obj or any(child_of(particles[x], "pobj") is not None for x in p.particles))):
            continue  # "tr" with a particle: "stood by Gondor", not "will not stand by"
        extra = [particles[x] for x in p.particles]
        conv = p.frame == "from"
        if p.obj is None:
            return Match(verb, p.cameo, p.name, p.specificity, None, extra, converse=conv)
        if keyed is None:
            keyed = [(o, object_keys(o)) for o in objs]
        for obj, keys in keyed:
            if p.obj in keys:
                return Match(verb, p.cameo, p.name, p.specificity, obj, extra + [obj],
                             converse=conv)
    return None


def match_noun(noun: Token, patterns: list[NounPattern]) -> Match | None:
    """The first noun pattern whose modifier (a compound, an adjective or the object of
    "of": "diplomat expulsions", "the expulsion of Russian diplomats") fits."""
    mods = {c.lemma_.lower(): c for c in noun.children if c.dep_ in ("amod", "compound")}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            mods.update((g.lemma_.lower(), g) for g in prep.children if g.dep_ == "pobj")
    for p in patterns:
        if p.modifier is None:
            return Match(noun, p.cameo, p.name, 0, None, [], p)
        if p.modifier in mods:
            return Match(noun, p.cameo, p.name, 1, None, [mods[p.modifier]], p)
    return None


def find_triggers(sent: Any, lex: Lexicon) -> tuple[list[Match], list[Match]]:
    """Verb and noun triggers of one sentence (lexicon lookup first, parse second)."""
    verbs, nouns = [], []
    for tok in sent:
        lemma = tok.lemma_.lower()
        pos = tok.pos_
        if pos in VERB_POS and lemma in lex.verbs:
            m = match_verb(tok, lex.verbs[lemma])
            if m is not None:
                verbs.append(m)
        elif (pos in NOUN_POS and lemma in lex.nouns and tok.dep_ != "compound"
              and tok.ent_type_ not in NON_EVENT_ENTITIES):
            m = match_noun(tok, lex.nouns[lemma])
            if m is not None:
                nouns.append(m)
    return verbs, nouns
