"""The events stage: who did what to whom, from lexicon triggers and the dependency parse."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any

from ..dates import date_for_span
from ..model import Article, Event, Place, Span
from ..pipeline import stage
from ..settings import Settings
from ..spans import SpanIndex
from .arguments import (SUBJECTS, Argument, argument_bounds, arguments, child, claimant,
                        is_passive, patient_noun, pobj_of, pobjs_of, possessed_person, resolve,
                        subject_of, subjects_of, unowned_forces)
from .context import OUTER, Context, Reporting, clause_context, reporting_index
from .domestic import (diplomatic_protest, drop_own_forces_as_target, drop_self_protection,
                       fill_aid_recipients, fill_domestic_protests, street_protest)
from .context import SPEECH
from .lexicon import Lexicon, cameo_intent, load_lexicon
from .people import MAX_CONFIDENCE as DOMESTIC_CONFIDENCE, domestic_target
from .statements import statement_matches
from .readings import capability, instrument, named, press, prevented, question
from .when import (background, clause_date, clause_head, event_place, place_index,
                   reference_date)
from .triggers import (BETWEEN, BY, CARRIER_CATEGORIES, LIGHT_VERBS, NON_EVENT_ENTITIES, OF,
                       RECIPROCAL, TARGET_PREPS, Match, find_triggers, is_money, is_person)

log = logging.getLogger(__name__)

Token = Any

# THREATEN codes by the root of the threatened act ("threatened to impose sanctions" -> 1312)
THREAT_CODES = {"16": "131", "163": "1312", "161": "1313", "162": "1311", "164": "134",
                "165": "135", "17": "137", "14": "133", "18": "138", "19": "138", "20": "138"}


@dataclass(slots=True)
class Roles:
    sources: list[Argument]
    targets: list[Argument]
    consumed: list[int] = field(default_factory=list)  # event nouns whose actor a verb took
    mutual: bool = False  # "X and Y postponed their talks": each is the other's target


@dataclass(slots=True)
class ArticleState:
    """What one pass over an article remembers between sentences."""
    street: set[int] = field(default_factory=set)  # trigger starts of street protests
    definite: set[int] = field(default_factory=set)  # trigger starts of "the <noun>" triggers
    diplomatic: bool = False  # a diplomatic protest was mentioned ("lodged a formal protest")
    reference: str | None = None  # the story's date (when.reference_date)
    trace: list[Candidate] | None = None  # filled for ``newsgraph explain``
    # the article's places and quotes by span, built on first use (linear, not a scan per event)
    places: SpanIndex[tuple[int, int, Place]] | None = None
    reporting: Reporting | None = None

    def place_index(self, article: Article) -> SpanIndex[tuple[int, int, Place]]:
        if self.places is None:
            self.places = place_index(article)
        return self.places

    def reporting_index(self, article: Article) -> Reporting:
        if self.reporting is None:
            self.reporting = reporting_index(article)
        return self.reporting


@dataclass(slots=True)
class Candidate:
    """One trigger considered in a sentence and what became of it (``newsgraph explain``)."""
    word: str
    index: int  # token index in the doc
    pattern: str
    category: str | None
    verdict: str  # "event" or the reason it was rejected


def _reject(state: ArticleState, m: Match, lex: Lexicon, reason: str) -> None:
    if state.trace is not None:
        state.trace.append(Candidate(m.token.text, m.token.i, m.pattern, lex.plover(m.cameo), reason))


# ---------------------------------------------------------------- arguments

def _noun_source_tok(noun: Token, of_role: str | None) -> Token | None:
    poss = child(noun, "poss")
    if poss is not None:
        return poss
    by = pobj_of(noun, BY)
    if by is not None:
        return by
    if of_role == "source":
        return pobj_of(noun, OF)
    return None


def _modifier_actors(article: Article, noun: Token, skip: list[Token]) -> list[Argument]:
    """"Russian airstrikes", "U.S. sanctions": a modifier that names an actor."""
    out = []
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c not in skip:
            arg = resolve(article, c)
            if arg.actor is not None:
                out.append(arg)
    return out


# light verbs that make their event noun a plan ("promised raids", "offered aid")
PLEDGES = frozenset({"promise", "pledge", "vow", "propose", "plan", "offer"})
EXTRA_TARGET_PREPS = {"RETREAT": frozenset({"from"}), "MOBILIZE": frozenset({"in"})}


# participles that tie a thing to its owner: "organisations linked to Iran's programme"
LINK_VERBS = frozenset({"link", "tie", "connect", "affiliate", "associate", "belong", "loyal",
                        "close", "attach"})


def _nested_targets(article: Article, tok: Token, depth: int = 3) -> list[Argument]:
    """An actor inside the object: "welcomed a resumption of ties with Osgiliath",
    "sanctions against people linked to Osgiliath's army"."""
    frontier = [tok]
    for _ in range(depth):
        nxt: list[Token] = []
        for cur in frontier:
            nxt.extend(c for c in cur.children if c.dep_ in ("acl", "amod")
                       and c.lemma_.lower() in LINK_VERBS)
            for prep in cur.children:
                if prep.dep_ != "prep":
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    if prep.lower_ in TARGET_PREPS or prep.lower_ in BETWEEN:
                        found = [a for a in arguments(article, obj) if a.actor]
                        if found:
                            return found
                    nxt.append(obj)
        frontier = nxt
    return []


def _dative(verb: Token) -> Token | None:
    """The indirect object: "gave Gondor aid" (a noun) or "gave aid to Gondor" (a preposition)."""
    d = child(verb, "dative")
    if d is not None and d.pos_ == "ADP":
        return child(d, "pobj")
    return d


def _target_tokens(verb: Token, m: Match, lex: Lexicon) -> list[Token]:
    """Candidate target words of a verb trigger, best first: the object (or passive
    subject), the indirect object, "with/to/against/on ..." phrases on the pattern's
    object, the objects of the pattern's own particles ("arrived in X", "left for X"),
    then target phrases on the verb."""
    skip = m.obj.i if m.obj is not None and "@to" not in m.pattern else -1
    direct = child(verb, "nsubjpass") if is_passive(verb) else child(verb, "dobj")
    if direct is None:
        direct = patient_noun(verb)  # "diplomats being expelled from the US"
    cands = [direct if direct is None or direct.i != skip else None, _dative(verb)]
    preps = TARGET_PREPS | EXTRA_TARGET_PREPS.get(lex.plover(m.cameo) or "", frozenset())
    if m.obj is not None:
        cands += pobjs_of(m.obj, preps | OF)  # "reversed the conviction of a journalist"
    cands += [child(x, "pobj") for x in m.extra if x.dep_ in ("prep", "agent", "dative")]
    cands += pobjs_of(verb, preps)
    if direct is not None and not is_passive(verb):
        cands += pobjs_of(verb, FROM)  # "welcomed memos from X": the parser hangs "from" on the verb
    if m.obj is not None and (is_person(m.obj) or "@" in m.pattern):
        # "expelled three Belarusian diplomats", "the envoy was summoned to the ministry":
        # the object names them; before a "to" phrase when the act is done to that person
        # ("sent envoys to Chile" keeps Chile)
        if lex.plover(m.cameo) in ACTED_ON and is_person(m.obj):
            cands.insert(1, m.obj)
        else:
            cands.append(m.obj)
    seen: set[int] = set()
    out = []
    for tok in cands:
        if tok is not None and tok.i not in seen and tok.i != verb.i:
            seen.add(tok.i)
            out.append(tok)
    return out


# categories whose person object is the one acted on (expelled, summoned, arrested ...)
ACTED_ON = frozenset({"ACCUSE", "SANCTION", "COERCE", "ASSAULT"})
OWNER_PREPS = frozenset({"by", "from", "of"})
FROM = frozenset({"from"})


def _inside_targets(article: Article, tok: Token, lex: Lexicon) -> list[Argument]:
    """Actors inside a non-actor object: the agent of an event noun ("condemned an attack
    by X", "urged sanctions against X"), the maker or owner of a thing ("welcomed memos
    from X", "criticised X's decision"), or an actor nested in its phrases."""
    if tok.lemma_.lower() in lex.nouns:
        inner = _noun_source_tok(tok, None) or pobj_of(tok, FROM) or pobj_of(tok, TARGET_PREPS)
        return [a for a in arguments(article, inner) if a.actor] if inner is not None else \
            [a for a in _modifier_actors(article, tok, []) if a.actor]
    owner = child(tok, "poss") or pobj_of(tok, OWNER_PREPS)
    if owner is not None and owner.tag_ not in ("PRP$", "PRP"):
        found = [a for a in arguments(article, owner) if a.actor]
        if found:
            return found
    return _nested_targets(article, tok)


def _converse_roles(article: Article, m: Match) -> Roles:
    """"Eriador received money from Osgiliath": Osgiliath gives, Eriador receives."""
    verb = m.token
    giver = pobj_of(verb, FROM) or (pobj_of(m.obj, FROM) if m.obj is not None else None)
    holders = subjects_of(verb) or ([verb.head] if verb.dep_ == "acl" else [])
    receivers = [a for t in holders for a in arguments(article, t)]  # "X, serving a sentence"
    return Roles(arguments(article, giver), receivers)


# passives whose "from" phrase names the actor: "diplomats were expelled from the US"
FROM_ACTORS = frozenset({"expel", "deport", "evict", "ban", "bar", "banish", "oust"})


def verb_roles(article: Article, m: Match, lex: Lexicon) -> Roles:
    verb = m.token
    if m.converse:
        return _converse_roles(article, m)
    if verb.lemma_.lower() in FROM_ACTORS and is_passive(verb) and subject_of(verb) is None:
        expeller = [a for a in arguments(article, pobj_of(verb, FROM)) if a.actor]
        if expeller:
            return Roles(expeller, arguments(article, child(verb, "nsubjpass")
                                             or patient_noun(verb)))
    if _reduced_passive(verb):  # "a man shot by police", "a charge denied by Lima"
        return Roles(arguments(article, pobj_of(verb, BY)), arguments(article, verb.head))
    sources: list[Argument] = []
    for src_tok in subjects_of(verb):
        found = arguments(article, src_tok)
        if src_tok.lemma_.lower() in lex.nouns and not any(a.actor for a in found):
            inner = _noun_source_tok(src_tok, None)  # "Russian airstrikes hit Kyiv"
            found = (arguments(article, inner) if inner is not None else
                     _modifier_actors(article, src_tok, [])) or found
        sources.extend(found)
    cands = _target_tokens(verb, m, lex)
    if lex.plover(m.cameo) == "MOBILIZE":
        cands = [t for t in cands if not unowned_forces(t)]  # "deployed troops"
    consumed: list[int] = []
    targets: list[Argument] = []
    own = {a.actor for a in sources if a.actor}
    for tok in cands:
        found = arguments(article, tok)
        if any(a.actor for a in found):
            if own and all(a.actor in own for a in found if a.actor) and tok is not cands[-1]:
                continue  # "X welcomed memos from Y on its role": "its" is X, not the target
            targets = found
            break
        inside = _inside_targets(article, tok, lex)
        if inside:
            targets = inside
            consumed.append(tok.i)
            break
    if not any(a.actor for a in targets):
        inner = _complement_target(verb)  # "refused to meet Ethiopia", "urged ... to talk to X"
        found = arguments(article, inner) if inner is not None else []
        if any(a.actor for a in found):
            targets = found
    if not any(a.actor for a in targets) and lex.plover(m.cameo) == "REJECT":
        targets = claimant(article, verb, sources) or targets  # "a charge that X denies"
    if not targets and cands:
        targets = arguments(article, cands[0])  # words only: "gunmen attacked a bus"
    if own and any(a.actor for a in targets) and all(a.actor in own for a in targets if a.actor):
        targets = []  # "deployed troops to its border": no one else is acted on
    mutual = not any(a.actor for a in targets) and _mutual(m.obj if m.obj is not None else
                                                           child(verb, "dobj"))
    return Roles(sources, targets, consumed, mutual)


def _reduced_passive(verb: Token) -> bool:
    """A past participle after its noun with a "by" agent: the agent acts on the noun."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i
            and verb.head.pos_ in ("NOUN", "PROPN", "PRON") and pobj_of(verb, BY) is not None)


def _mutual(obj: Token | None) -> bool:
    """"postponed their talks", "cut ties with each other": the subjects act on one another."""
    if obj is None:
        return False
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)


def noun_roles(article: Article, m: Match) -> Roles:
    noun, pattern = m.token, m.noun
    of_role = pattern.of_role if pattern else None
    between = pobj_of(noun, BETWEEN)
    if between is not None:  # "talks between Russia and Ukraine"
        return Roles(arguments(article, between), [])
    src_tok = _noun_source_tok(noun, of_role)
    tgt_tok = pobj_of(noun, TARGET_PREPS)
    if tgt_tok is None and of_role == "target":
        tgt_tok = pobj_of(noun, OF)
    if tgt_tok is None and of_role == "target" and possessed_person(article, src_tok):
        src_tok, tgt_tok = None, src_tok  # "Park's conviction", "his arrest"
    sources = arguments(article, src_tok)
    if src_tok is not None and src_tok.lower_ == "their":  # "X and Y delayed their meeting"
        shared = [a for t in subjects_of(noun.head) for a in arguments(article, t)]
        if len([a for a in shared if a.actor]) > 1:
            sources = shared
    if not sources:
        sources = _modifier_actors(article, noun, m.extra)
    if not sources and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "for"):
        part = noun.head.head  # "X was involved in the poisoning", "responsible for the attack"
        if part.lemma_.lower() in PARTAKING or part.lower_ in PARTAKING:
            sources = [a for t in _partakers(part) for a in arguments(article, t)]
    if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "on":
        verb = noun.head.head  # "departed on a visit to X"
        if verb.pos_ in ("VERB", "AUX"):
            sources = [a for t in subjects_of(verb) for a in arguments(article, t)]
    head = light_verb_of(noun)
    if head is not None:
        if not sources:
            sources = [a for t in subjects_of(head) for a in arguments(article, t)]
        if tgt_tok is None:
            tgt_tok = _dative(head) or pobj_of(head, TARGET_PREPS)
    if tgt_tok is None:
        tgt_tok = _complement_target(noun)
    return Roles(sources, arguments(article, tgt_tok))


# words that make their subject the doer of the act after "in"/"for"
PARTAKING = frozenset({"involved", "involve", "participate", "complicit", "responsible",
                       "culpable", "guilty", "implicated", "implicate"})


def _partakers(part: Token) -> list[Token]:
    """The subject of "involved"/"responsible" (as a verb or an adjective under "be")."""
    found = subjects_of(part) or [c for c in part.children if c.dep_ == "nsubjpass"]
    if not found and part.dep_ in ("acomp", "attr") and part.head.pos_ in ("AUX", "VERB"):
        found = subjects_of(part.head)
    return found


def light_verb_of(noun: Token) -> Token | None:
    """The light verb carrying an event noun: its object ("launched strikes") or what its
    object is counted in ("provide 50 million yuan in emergency assistance")."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in LIGHT_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.dep_ == "dobj":
        amount, verb = head.head, head.head.head
        if verb.lemma_.lower() in LIGHT_VERBS and (amount.ent_type_ in AMOUNTS or amount.like_num
                                                   or is_money(amount)):
            return verb
    return None


AMOUNTS = frozenset({"MONEY", "QUANTITY", "CARDINAL"})


def _complement_target(noun: Token) -> Token | None:
    """"Eriador's refusal to talk to Gondor", "a threat to attack Gondor": the target of
    the noun's infinitive complement."""
    for verb in noun.children:
        if verb.dep_ in ("acl", "xcomp") and verb.pos_ in ("VERB", "AUX"):
            return child(verb, "dobj") or _dative(verb) or pobj_of(verb, TARGET_PREPS)
    return None


# ---------------------------------------------------------------- events

# Acts that are news without a named actor ("gunmen stormed a bank", "a bomb exploded",
# "protesters blocked the road"): violence, protest, arrests, seizures, abductions.
ACTORLESS_CATEGORIES = frozenset({"ASSAULT", "PROTEST"})
ACTORLESS_CODES = frozenset({"171", "1711", "1712", "173", "175", "181", "1821"})


def actorless_allowed(m: Match, roles: Roles, category: str, cameo: str, lex: Lexicon) -> bool:
    """Whether an event may be reported with neither side resolved to an actor: a violent,
    protest or coercive act that is an event noun ("an explosion", "the protest") or whose
    source or target is a generic agent ("gunmen", "police", "protesters", "a bomb")."""
    if category not in ACTORLESS_CATEGORIES and cameo not in ACTORLESS_CODES:
        return (m.noun is None and category not in RECIPROCAL
                and any(_someone(a.token) and _own_subject(m.token, a.token) for a in roles.sources))
    if m.noun is not None:
        return True
    return any(a.token.lemma_.lower() in lex.agents for a in (*roles.sources, *roles.targets))


SOMEONE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})


def _own_subject(verb: Token, tok: Token) -> bool:
    """A subject of the verb itself, its by-agent, or the noun its relative clause is on (a
    subject inherited through other clauses may be another clause's doer)."""
    return (tok.head.i == verb.i or (tok.head.dep_ == "agent" and tok.head.head.i == verb.i)
            or (verb.dep_ in ("relcl", "acl") and tok.i == verb.head.i))


def _someone(tok: Token) -> bool:
    """Words that name who acted though no actor resolves: a personal pronoun, a person's
    name, a person or group noun ("he urged", "Najib denied", "officials met")."""
    return (tok.lower_ in SOMEONE_PRONOUNS or tok.ent_type_ in ("PERSON", "ORG", "NORP")
            or (tok.pos_ == "PROPN" and tok.ent_type_ not in NON_EVENT_ENTITIES) or is_person(tok))


def _pairs(roles: Roles, category: str,
           actorless: bool = False) -> list[tuple[Argument | None, Argument | None]]:
    sources: list[Argument | None] = [a for a in roles.sources if a.actor] or [None]
    targets: list[Argument | None] = [a for a in roles.targets if a.actor] or [None]
    if actorless and sources == [None] and targets == [None]:
        # the generic words stay as source_text/target_text: "gunmen", "a bus"
        return [(roles.sources[0] if roles.sources else None,
                 roles.targets[0] if roles.targets else None)]
    if targets == [None] and (category in RECIPROCAL or roles.mutual):
        # "Chile and Peru met": a reciprocal act, every participant is its actor (PLOVER)
        return [(s, None) for s in _distinct(sources) if s is not None]
    return [(s, t) for s in _distinct(sources) for t in _distinct(targets)
            if (s is not None or t is not None) and (s is None or t is None or s.actor != t.actor)]


def _distinct(args: list[Argument | None]) -> list[Argument | None]:
    """One argument per actor; a state gives way to its own sector named in the same
    phrase ("Indian police": IND-COP, not also IND)."""
    ids = {a.actor for a in args if a is not None}
    out, seen = [], set()
    for a in args:
        key = a.actor if a is not None else None
        if key in seen or (key is not None and "-" not in key and
                           any(i and i.startswith(key + "-") for i in ids)):
            continue
        seen.add(key)
        out.append(a)
    return out


def _confidence(m: Match, source: Argument | None, target: Argument | None, ctx: Context,
                *, reciprocal: bool = False) -> float:
    """0.05-0.95: specific patterns, verbs and named actors on both sides score higher;
    nouns without actors, hypothetical and reported events lower."""
    base = 0.45 + 0.07 * min(m.specificity, 3) if m.noun is None else 0.4 + 0.05 * m.specificity
    named = [a for a in (source, target) if a is not None and a.actor is not None]
    base += 0.12 if len(named) == 2 or (reciprocal and named) else 0.04 * len(named)
    if ctx.modality == "hypothetical":
        base -= 0.15
    elif ctx.modality == "reported":
        base -= 0.03
    if not named:
        base = min(base, 0.3)  # no named actor on either side
    return round(max(0.05, min(0.95, base)), 2)


def _emit(article: Article, m: Match, roles: Roles, ctx: Context, *, lex: Lexicon,
          sent: Any, state: ArticleState, anchor: Any) -> list[Event]:
    cameo, pattern, trig = m.cameo, m.pattern, [m.token, *m.extra]
    modality = ctx.modality
    if ctx.threatened_by is not None:
        cameo = THREAT_CODES.get(cameo) or THREAT_CODES.get(cameo[:2]) or "130"
        pattern = "verb:threaten>" + pattern.split(":", 1)[1]
        trig.append(ctx.threatened_by)
        modality = "asserted" if modality == "hypothetical" else modality
    category = lex.plover(cameo)
    if category in FUTURE_AGREE and modality == "planned":
        cameo = cameo_intent(cameo)  # PLOVER: a future meeting or cooperation is AGREE
        category = lex.plover(cameo)
    if category is None:
        _reject(state, m, lex, f"CAMEO {cameo} is a statement, no PLOVER event")
        return []
    lo, hi = min(t.idx for t in trig), max(t.idx + len(t) for t in trig)
    t_start, t_end = article.span(lo, hi)
    s_start, s_end = article.span(sent.start_char, sent.start_char + len(sent.text.rstrip()))
    head = clause_head(anchor)
    own_date = clause_date(article, head, purpose=head.i == anchor.i)
    modality = _speech_mode(article, m, roles, ctx, modality, anchor)
    if modality in ("asserted", "reported") and background(article, head, own_date,
                                                            state.reference):
        modality = "historical"
    if category == "RETREAT" and modality == "planned":
        category = "CONCEDE"  # PLOVER: an announced future withdrawal is a concession
    date, date_from = _date(article, s_start, s_end, own_date, modality)
    domestic = domestic_target(article, roles.sources, roles.targets, category,
                               span=(s_start, s_end))
    if domestic is not None:  # "Indian police arrested a man": the man is Indian (a default)
        roles.targets, pattern = [domestic], pattern + "+domestic"
    pairs = _pairs(roles, category, actorless_allowed(m, roles, category, cameo, lex))
    if not pairs:
        words = [a.text for a in (*roles.sources[:1], *roles.targets[:1])]
        _reject(state, m, lex, "no actor on either side" + (f" ({' / '.join(words)})" if words else ""))
        return []
    place = event_place(article, head, sent, _argument_tokens(roles),
                        places=state.place_index(article))
    reciprocal = any(t is None for _, t in pairs) and len(pairs) > 1
    events = []
    for source, target in pairs:
        events.append(Event(
            category=category, cameo=cameo,
            source=source.actor if source else None, target=target.actor if target else None,
            start=s_start, end=s_end, trigger=Span(t_start, t_end), pattern=pattern,
            date=date, date_from=date_from, place=place, negated=ctx.negated,
            modality=modality, attributed_to=ctx.attributed_to,
            intensity=lex.goldstein(cameo),
            confidence=min(_confidence(m, source, target, ctx, reciprocal=reciprocal),
                           DOMESTIC_CONFIDENCE if domestic is not None else 1.0),
            source_text=source.text if source else None,
            target_text=target.text if target else None))
    if category == "SANCTION" and custodial(m.token):
        events += [replace(e, category="COERCE", cameo=CUSTODY_CODE, pattern=e.pattern + "+custody",
                           intensity=lex.goldstein(CUSTODY_CODE)) for e in events]
    if state.trace is not None:
        state.trace.append(Candidate(m.token.text, m.token.i, pattern, category, "event"))
    return events


# a court sentence that puts its recipient in custody is also PLOVER COERCE 'arrest'
CUSTODY_CODE = "173"
CUSTODY_WORDS = frozenset({"prison", "jail", "gaol", "imprisonment", "detention", "custody",
                           "year", "month", "life", "camp", "penitentiary", "confinement"})
SENTENCING = frozenset({"sentence", "jail", "imprison"})


def custodial(trigger: Token) -> bool:
    """"sentenced him to six years in prison", "was sentenced to 20 years": a sentence
    that keeps its recipient in custody ("sentenced to death" or "fined" does not)."""
    if trigger.lemma_.lower() != "sentence" or trigger.pos_ != "VERB":
        return False
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        words = {t.lemma_.lower() for t in prep.subtree}
        if words & CUSTODY_WORDS and not {"death", "execution"} & words:
            return True
    return False


FUTURE_AGREE = frozenset({"CONSULT", "COOPERATE"})


def _speech_mode(article: Article, m: Match, roles: Roles, ctx: Context, modality: str,
                 anchor: Any) -> str:
    """Mode of an act told in someone's words: "would" in reported speech is a backshifted
    "will" (planned: "Lavrov said Russia would expel ..."), and an act the speaker tells of
    their own side in a statement that is the act itself is no report by others (asserted:
    "Nauert says the United States urges"); a deed they tell of stays reported."""
    if ctx.attributed_to is None:
        return modality
    if modality == "hypothetical" and _would(anchor):
        return "planned"
    if (modality == "reported" and lex_category(m) in VERBAL
            and _own_side(article, ctx.attributed_to, roles)):
        return "asserted"  # the saying is the act: "Nauert says the United States urges Kyiv"
    return modality


# statements that are acts in themselves (PLOVER's verbal categories)
VERBAL = frozenset({"REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "AGREE"})


def lex_category(m: Match) -> str | None:
    return load_lexicon().plover(m.cameo)


def _would(tok: Any) -> bool:
    for cur in (tok, tok.head if tok.dep_ == "xcomp" else tok):
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in cur.children):
            return True
    return False


def _own_side(article: Article, speaker: str, roles: Roles) -> bool:
    """Whether the speaker tells a statement of their own state ("Nauert says the United
    States urges", "Wang said China and Russia welcome"): the speaker's country is among
    the sources' countries, and no source is of unknown country."""
    said = article.actor(speaker)
    if said is None or not said.country:
        return False
    countries = {a.country if a is not None else None
                 for a in (article.actor(r.actor) for r in roles.sources if r.actor)}
    return None not in countries and said.country in countries


def _argument_tokens(roles: Roles) -> set[int]:
    out: set[int] = set()
    for arg in (*roles.sources, *roles.targets):
        if arg.actor is not None:  # a place name standing for an actor is no event place
            i, j = argument_bounds(arg.token)
            out.update(range(i, j))
    return out


def _date(article: Article, start: int, end: int, own: str | None,
          modality: str) -> tuple[str | None, str | None]:
    """The clause's own date; else (not for background) the dateline's or the article's."""
    if own is not None:
        return own, "sentence"
    if modality == "historical":
        return None, None
    date, date_from = date_for_span(article, start, end)
    return (date, date_from) if date_from != "sentence" else _fallback(article)


def _fallback(article: Article) -> tuple[str | None, str | None]:
    """The dateline's or publication date (a date of another clause is not the event's)."""
    return date_for_span(article, 0, 0)


def _light_verb_for_noun(m: Match, noun_at: dict[int, Match]) -> bool:
    """A bare light verb whose object is an event noun: the noun carries the event
    ("promised raids on X" is the raids, planned)."""
    if m.obj is not None or m.specificity or m.token.lemma_.lower() not in LIGHT_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.i in noun_at for c in m.token.children)


# subjects that strike without anyone acting: "floods hit Kenya", "the storm destroyed homes"
NATURAL_FORCES = frozenset({
    "flood", "flooding", "storm", "earthquake", "quake", "tremor", "rain", "rainfall",
    "monsoon", "drought", "cyclone", "hurricane", "typhoon", "tornado", "tsunami", "wave",
    "landslide", "mudslide", "avalanche", "wildfire", "blaze", "heatwave", "heat", "snow",
    "blizzard", "virus", "outbreak", "epidemic", "pandemic", "disease", "famine", "water",
    "river", "wind", "lightning", "eruption", "volcano", "disaster"})


def _natural_force(verb: Token, m: Match, lex: Lexicon) -> bool:
    """A violent or coercive verb whose subject is a natural force, not an actor."""
    if lex.plover(m.cameo) not in ("ASSAULT", "COERCE"):
        return False
    subj = child(verb, "nsubj")
    return subj is not None and subj.lemma_.lower() in NATURAL_FORCES


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _definite(noun: Token) -> bool:
    """"the protests", "this attack": a noun that may point back to an event already told
    ("the Houthi-led assault", "the September clashes" name an event of their own)."""
    deps = [c.dep_ for c in noun.children if c.i < noun.i]
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children) and not any(
        d in ("amod", "compound", "nmod", "poss", "nummod") for d in deps)


def _back_reference(noun: Token, state: ArticleState) -> bool:
    """"Beijing rejected the protest" after "lodged a diplomatic protest": the same note."""
    if noun.lemma_.lower() != "protest" or noun.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    return diplomatic_protest(noun) or (state.diplomatic and _definite(noun))


def _activity_noun(noun: Token, m: Match, lex: Lexicon) -> bool:
    """"the right to peaceful protest", "resigned in protest": a bare singular protest noun
    names the activity, not an event (headlines, which drop articles, use it as subject)."""
    if lex.plover(m.cameo) != "PROTEST" or noun.tag_ != "NN" or noun.dep_ in SUBJECTS:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


# where a protest is held names whom it addresses: "outside the US embassy"
VENUE_PREPS = frozenset({"outside", "at", "before", "opposite"})


def _venue_target(article: Article, tok: Token) -> list[Argument]:
    """"protested outside the Commission headquarters": the actor whose building it is."""
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        obj = child(prep, "pobj")
        if obj is not None and prep.lower_ == "in" and obj.lower_ == "front":
            obj = pobj_of(obj, OF)  # "in front of the embassy"
        elif prep.lower_ not in VENUE_PREPS:
            continue
        found = [a for a in arguments(article, obj) if a.actor] if obj is not None else []
        if found:
            return found
    return []


def _with_venue(article: Article, roles: Roles, tok: Token) -> Roles:
    if not any(a.actor for a in roles.targets):
        found = _venue_target(article, tok)
        if found:
            roles.targets = found
    return roles


def _remember(state: ArticleState, events: list[Event], m: Match, *, noun: bool,
              lex: Lexicon) -> None:
    if not events:
        return
    starts = {e.trigger.start for e in events}
    if lex.plover(m.cameo) == "PROTEST" and street_protest(m.token, noun=noun):
        state.street.update(starts)
    if noun and _definite(m.token):
        state.definite.update(starts)


def _note_diplomatic(sent: Any, state: ArticleState) -> None:
    if not state.diplomatic:
        state.diplomatic = any(t.lower_.startswith("protest") and diplomatic_protest(t)
                               for t in sent)


def sentence_events(article: Article, sent: Any, lex: Lexicon,
                    state: ArticleState | None = None) -> list[Event]:
    state = state if state is not None else ArticleState()
    _note_diplomatic(sent, state)
    verbs, nouns = find_triggers(sent, lex)
    if not verbs and not nouns:
        return []
    asked = question(sent)
    if asked:
        for m in (*verbs, *nouns):
            _reject(state, m, lex, asked)
        return []
    fired = {m.token.i: m for m in verbs}
    noun_at = {m.token.i: m for m in nouns}
    verbs = verbs + modal_requests(sent, fired)
    fired = {m.token.i: m for m in verbs}
    carriers = frozenset(i for i, m in fired.items()
                         if (m.token.lemma_.lower() not in OUTER or lex.plover(m.cameo) == "REJECT")
                         and lex.plover(m.cameo) in CARRIER_CATEGORIES)
    carrier_nouns = frozenset(i for i, m in noun_at.items()
                              if lex.plover(m.cameo) in CARRIER_CATEGORIES)
    consumed = {m.obj.i for m in verbs if m.obj is not None}
    consumed |= {g.i for m in verbs if m.obj is not None for p in m.obj.children
                 if p.dep_ == "prep" and p.lower_ in ("in", "of") for g in p.children
                 if g.dep_ == "pobj"}  # "provide 50 million yuan in aid": one event
    events: list[Event] = []
    for m in verbs:
        found = _verb_event(article, m, lex, sent, state, fired=fired, noun_at=noun_at,
                            carriers=carriers, carrier_nouns=carrier_nouns, consumed=consumed)
        events.extend(found)
    for m in nouns:
        events.extend(_noun_event(article, m, lex, sent, state, carriers=carriers,
                                  consumed=consumed))
    events += _statement_events(article, sent, events, lex, state)
    return _dedupe(events)


def _statement_events(article: Article, sent: Any, events: list[Event], lex: Lexicon,
                      state: ArticleState) -> list[Event]:
    """Accusations and rejections made by what a statement says (``statements.py``),
    unless the sentence already has that act by that speaker."""
    out: list[Event] = []
    for m, sources, targets in statement_matches(article, sent, events, lex):
        category = lex.plover(m.cameo)
        speakers = {a.actor for a in sources if a.actor}
        if any(e.category == category and e.source in speakers for e in events):
            continue
        ctx = clause_context(article, m.token, carriers=frozenset())
        out += _emit(article, m, Roles(sources, targets), ctx, lex=lex, sent=sent, state=state,
                     anchor=m.token)
    return out


def _verb_skip(m: Match, lex: Lexicon, *, fired: dict[int, Match], noun_at: dict[int, Match],
               carrier_nouns: frozenset[int]) -> str | None:
    verb = m.token
    if verb.lemma_.lower() in OUTER and lex.plover(m.cameo) != "REJECT" and any(
            c.dep_ == "xcomp" and c.i in fired for c in verb.children):
        return "the verb it governs carries the event ('agreed to restore ties')"
    if verb.dep_ == "acl" and verb.head.i in carrier_nouns and not (
            _reduced_passive(verb) and lex.plover(noun_at[verb.head.i].cameo) != lex.plover(m.cameo)):
        # "a plea urging X to ...", "its demand that the EU lift sanctions"; but "a charge
        # denied by Lima" is a rejection of the charge
        return f"the noun '{verb.head.text}' carries the event"
    if _light_verb_for_noun(m, noun_at):
        return "a light verb: its event noun carries the event"
    if _natural_force(verb, m, lex):
        return "the subject is a natural force"
    if _protest_purpose(verb, m, fired, lex):
        return f"the purpose of '{verb.head.text}': a diplomatic protest is ACCUSE"
    return capability(verb)


def _protest_purpose(verb: Token, m: Match, fired: dict[int, Match], lex: Lexicon) -> bool:
    """"summoned the ambassador to protest the arrests": the protest is what the summons
    says (PLOVER ACCUSE), not a street protest."""
    if lex.plover(m.cameo) != "PROTEST" or verb.dep_ not in ("advcl", "xcomp"):
        return False
    outer = fired.get(verb.head.i)
    return outer is not None and lex.plover(outer.cameo) == "ACCUSE"


# movement verbs that report a visit only between states' representatives ("left for Washington")
TRAVEL = frozenset({"travel", "fly", "arrive", "leave"})


def _elaboration(m: Match, fired: dict[int, Match], lex: Lexicon) -> str | None:
    """"imposed sanctions on X, targeting key figures": a participle that tells how another
    act was done is part of that act, not a second event of another category."""
    verb, head = m.token, m.token.head
    if verb.dep_ not in ("advcl", "acl") or verb.tag_ != "VBG" or head.i == verb.i:
        return None
    outer = fired.get(head.i) or (fired.get(head.head.i) if head.dep_ == "dobj" else None)
    if outer is None or lex.plover(outer.cameo) == lex.plover(m.cameo):
        return None
    return f"tells how the act of '{outer.token.text}' was done"


def _no_visit(article: Article, m: Match, roles: Roles) -> str | None:
    """"Russians travelling to the UK", "diplomats flew to Moscow", "arrived at the court":
    a journey is a visit only when a state or its official goes to another state."""
    if m.token.lemma_.lower() not in TRAVEL:
        return None
    host = next((article.actor(a.actor) for a in roles.targets if a.actor), None)
    guest = next((article.actor(a.actor) for a in roles.sources if a.actor), None)
    if host is None or host.kind != "state":
        return "a journey to no state is no visit"
    if guest is not None and (guest.role == "CVL" or guest.country == host.country):
        return "private travel or a return home is no visit"
    return None


def _verb_event(article: Article, m: Match, lex: Lexicon, sent: Any, state: ArticleState, *,
                fired: dict[int, Match], noun_at: dict[int, Match], carriers: frozenset[int],
                carrier_nouns: frozenset[int], consumed: set[int]) -> list[Event]:
    verb = m.token
    reason = _verb_skip(m, lex, fired=fired, noun_at=noun_at, carrier_nouns=carrier_nouns)
    ctx = clause_context(article, verb, carriers=carriers,
                         reporting=state.reporting_index(article)) if reason is None else None
    if ctx is not None and ctx.suppressed:
        reason = "inside the complement of a request, threat, rejection or accusation"
    category = lex.plover(m.cameo)
    subj = subject_of(verb)
    reason = (reason or instrument(subj or (verb.head if verb.dep_ == "acl" else None), category)
              or _elaboration(m, fired, lex))
    roles = None
    if reason is None:
        roles = modal_roles(article, m) if m.pattern == MODAL_PATTERN else verb_roles(article, m, lex)
    if roles is not None and category == "CONSULT":
        reason = press(roles.targets) or _no_visit(article, m, roles)
    if reason is not None or ctx is None or roles is None:
        _reject(state, m, lex, reason or "no event")
        return []
    if category == "PROTEST":
        roles = _with_venue(article, roles, verb)
    consumed.update(roles.consumed)
    if subj is not None and subj.lemma_.lower() in lex.nouns:
        consumed.add(subj.i)
    found = _emit(article, m, roles, ctx, lex=lex, sent=sent, state=state, anchor=verb)
    _remember(state, found, m, noun=False, lex=lex)
    return found


def _noun_skip(m: Match, lex: Lexicon, state: ArticleState, *, carriers: frozenset[int],
               consumed: set[int]) -> str | None:
    noun = m.token
    owned = child(noun, "poss") is not None  # "rejected Russia's request": two acts
    if noun.i in consumed and not owned:
        return "part of a verb's event (its object or actor)"
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in carriers and not owned:
        return f"the content of '{noun.head.text}'"
    if _back_reference(noun, state):
        return "points back to a diplomatic protest already told"
    if _activity_noun(noun, m, lex):
        return "names the activity, not an event"
    category = lex.plover(m.cameo)
    if category in STANDING and light_verb_of(noun) is None and not _enacted(noun):
        return "names a standing agreement or tie, not a new act"
    if category == "CONSULT" and noun.dep_ == "pobj" and noun.head.lower_ == "for":
        return "the purpose of another act ('recalled for consultations', 'met for talks')"
    return named(noun) or prevented(noun) or capability(noun)


# nouns that often name a standing state of affairs ("the nuclear deal", "their partnership")
STANDING = frozenset({"AGREE", "COOPERATE"})


def _enacted(noun: Any) -> bool:
    """"a deal was reached", "talks between X and Y", "the agreement signed on Monday"."""
    if pobj_of(noun, BETWEEN) is not None:
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in LIGHT_VERBS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in LIGHT_VERBS for c in noun.children)


MODAL_PATTERN = "verb:say+should"
OBLIGATION = frozenset({"should", "must", "ought"})
SELF = frozenset({"we", "i", "us"})


def modal_requests(sent: Any, fired: dict[int, Match]) -> list[Match]:
    """"X said Y should stop", "Y must leave, X told reporters": a request by the speaker
    to the subject of the reported clause (PLOVER REQUEST; CAMEO 020)."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in SPEECH or tok.i in fired or tok.pos_ != "VERB":
            continue
        for clause in tok.children:
            if clause.dep_ not in ("ccomp", "parataxis"):
                continue
            aux = next((a for a in clause.children if a.dep_ == "aux" and a.lower_ in OBLIGATION), None)
            subj = child(clause, "nsubj", "nsubjpass")
            if aux is not None and subj is not None and subj.lower_ not in SELF:
                out.append(Match(tok, "020", MODAL_PATTERN, 1, subj, []))
                break
    return out


def modal_roles(article: Article, m: Match) -> Roles:
    sources = [a for t in subjects_of(m.token) for a in arguments(article, t)]
    return Roles(sources, arguments(article, m.obj))


# adjectives that make an event noun a possibility or a plan, not a happening
MAYBE = {"possible": "hypothetical", "potential": "hypothetical", "likely": "hypothetical",
         "feared": "hypothetical", "threatened": "hypothetical", "prospective": "hypothetical",
         "hypothetical": "hypothetical", "eventual": "hypothetical",
         "planned": "planned", "upcoming": "planned", "expected": "planned",
         "proposed": "planned", "forthcoming": "planned", "scheduled": "planned",
         "future": "planned"}


def _noun_event(article: Article, m: Match, lex: Lexicon, sent: Any, state: ArticleState, *,
                carriers: frozenset[int], consumed: set[int]) -> list[Event]:
    noun = m.token
    reason = _noun_skip(m, lex, state, carriers=carriers, consumed=consumed)
    anchor = light_verb_of(noun) or noun
    ctx = clause_context(article, anchor, carriers=carriers,
                         reporting=state.reporting_index(article)) if reason is None else None
    if ctx is not None and ctx.suppressed:
        reason = "inside the complement of a request, threat, rejection or accusation"
    if reason is not None or ctx is None:
        _reject(state, m, lex, reason or "no event")
        return []
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        ctx.negated = not ctx.negated
    maybe = next((MAYBE[c.lower_] for c in noun.children
                  if c.dep_ == "amod" and c.lower_ in MAYBE), None)
    if maybe is not None and ctx.modality in ("asserted", "reported"):
        ctx.modality = maybe  # "possible protests", "a planned visit"
    if anchor is not noun and anchor.lemma_.lower() in PLEDGES and ctx.modality == "asserted":
        ctx.modality = "planned"  # "promised raids", "pledged aid"
    roles = noun_roles(article, m)
    if lex.plover(m.cameo) == "PROTEST":
        roles = _with_venue(article, roles, anchor)
    found = _emit(article, m, roles, ctx, lex=lex, sent=sent, state=state, anchor=anchor)
    _remember(state, found, m, noun=True, lex=lex)
    return found


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        key = (e.category, e.source, e.target, e.trigger.start)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


@stage(requires=("doc", "entities", "actors", "actor_index", "places", "dates", "quotes",
                 "attributions"),
       assigns=("events", "actors", "actor_index"))
def extract_events(article: Article, *, settings: Settings) -> None:
    """Fill ``article.events`` from the parsed doc (one pass over its sentences).

    Sources and targets are resolved with ``resolve_mention`` (which adds derived actors
    such as "IRN-COP" to ``article.actors`` and counts each span once in ``actor_index``),
    and the domestic defaults may add "ISO3-CVL" civilians or count a recipient: hence
    ``actors`` and ``actor_index`` among the assigns. Who reports an event and whether it
    sits inside a quote come from the quotes stage (``quotes``, ``attributions``).
    """
    doc = article.doc
    if doc is None:
        article.events = []
        return
    article.events = article_events(article, ArticleState(reference=reference_date(article)))


def article_events(article: Article, state: ArticleState) -> list[Event]:
    """Every event of a parsed article, article-level defaults applied (``state.trace``
    collects each candidate trigger's fate when it is a list)."""
    lex = load_lexicon()
    events: list[Event] = []
    for sent in article.doc.sents:
        events.extend(sentence_events(article, sent, lex, state))
    fill_domestic_protests(article, events, street=state.street)
    fill_aid_recipients(article, events)
    drop_own_forces_as_target(article, events)
    events = drop_self_protection(article, events)
    return drop_repeated_mentions(events, state.definite)


def drop_repeated_mentions(events: list[Event], definite: set[int]) -> list[Event]:
    """"a week of protests ... the police response to the protests": a definite event noun
    with the same category, source and target as an earlier event of the article is
    another mention of that event, not a new one."""
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for e in events:
        key = (e.category, e.source, e.target)
        if key in seen and e.trigger.start in definite:
            continue
        seen.add(key)
        out.append(e)
    return out
