"""The events stage: who did what to whom, from lexicon triggers and the dependency parse."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from ..dates import date_for_span
from ..model import Article, Event, Span
from ..places import place_for_span
from ..pipeline import stage
from ..settings import Settings
from .arguments import (SUBJECTS, Argument, arguments, child, is_passive, pobj_of, pobjs_of,
                        resolve, subject_of, subjects_of)
from .context import OUTER, Context, clause_context
from .domestic import (diplomatic_protest, drop_own_forces_as_target, drop_self_protection,
                       fill_aid_recipients, fill_domestic_protests, street_protest)
from .lexicon import Lexicon, load_lexicon
from .triggers import (BETWEEN, BY, CARRIER_CATEGORIES, LIGHT_VERBS, OF, RECIPROCAL,
                       TARGET_PREPS, Match, find_triggers, is_money)

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
    where: dict[int, tuple[Any, Any, Any]] = field(default_factory=dict)  # sentence -> date, place
    street: set[int] = field(default_factory=set)  # trigger starts of street protests
    definite: set[int] = field(default_factory=set)  # trigger starts of "the <noun>" triggers
    diplomatic: bool = False  # a diplomatic protest was mentioned ("lodged a formal protest")


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
    skip = m.obj.i if m.obj is not None else -1
    direct = child(verb, "nsubjpass") if is_passive(verb) else child(verb, "dobj")
    cands = [direct, _dative(verb)]
    preps = TARGET_PREPS | EXTRA_TARGET_PREPS.get(lex.plover(m.cameo) or "", frozenset())
    if m.obj is not None:
        cands += pobjs_of(m.obj, preps)
    cands += [child(x, "pobj") for x in m.extra if x.dep_ in ("prep", "agent", "dative")]
    cands += pobjs_of(verb, preps)
    if direct is not None and not is_passive(verb):
        cands += pobjs_of(verb, FROM)  # "welcomed memos from X": the parser hangs "from" on the verb
    seen: set[int] = set()
    out = []
    for tok in cands:
        if tok is not None and tok.i != skip and tok.i not in seen and tok.i != verb.i:
            seen.add(tok.i)
            out.append(tok)
    return out


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
    receivers = [a for t in subjects_of(verb) for a in arguments(article, t)]
    return Roles(arguments(article, giver), receivers)


def verb_roles(article: Article, m: Match, lex: Lexicon) -> Roles:
    verb = m.token
    if m.converse:
        return _converse_roles(article, m)
    sources: list[Argument] = []
    for src_tok in subjects_of(verb):
        found = arguments(article, src_tok)
        if src_tok.lemma_.lower() in lex.nouns and not any(a.actor for a in found):
            inner = _noun_source_tok(src_tok, None)  # "Russian airstrikes hit Kyiv"
            found = (arguments(article, inner) if inner is not None else
                     _modifier_actors(article, src_tok, [])) or found
        sources.extend(found)
    cands = _target_tokens(verb, m, lex)
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
    if not targets and cands:
        targets = arguments(article, cands[0])  # words only: "gunmen attacked a bus"
    mutual = not any(a.actor for a in targets) and _mutual(m.obj if m.obj is not None else
                                                           child(verb, "dobj"))
    return Roles(sources, targets, consumed, mutual)


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
    sources = arguments(article, src_tok)
    if src_tok is not None and src_tok.lower_ == "their":  # "X and Y delayed their meeting"
        shared = [a for t in subjects_of(noun.head) for a in arguments(article, t)]
        if len([a for a in shared if a.actor]) > 1:
            sources = shared
    if not sources:
        sources = _modifier_actors(article, noun, m.extra)
    head = light_verb_of(noun)
    if head is not None:
        if not sources:
            sources = [a for t in subjects_of(head) for a in arguments(article, t)]
        if tgt_tok is None:
            tgt_tok = _dative(head) or pobj_of(head, TARGET_PREPS)
    if tgt_tok is None:
        tgt_tok = _complement_target(noun)
    return Roles(sources, arguments(article, tgt_tok))


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
        if verb.dep_ == "acl" and verb.pos_ in ("VERB", "AUX"):
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
        return False
    if m.noun is not None:
        return True
    return any(a.token.lemma_.lower() in lex.agents for a in (*roles.sources, *roles.targets))


def _pairs(roles: Roles, category: str,
           actorless: bool = False) -> list[tuple[Argument | None, Argument | None]]:
    sources: list[Argument | None] = [a for a in roles.sources if a.actor] or [None]
    targets: list[Argument | None] = [a for a in roles.targets if a.actor] or [None]
    if actorless and sources == [None] and targets == [None]:
        # the generic words stay as source_text/target_text: "gunmen", "a bus"
        return [(roles.sources[0] if roles.sources else None,
                 roles.targets[0] if roles.targets else None)]
    if targets == [None] and (category in RECIPROCAL or roles.mutual) and len(sources) > 1:
        return [(a, b) for a in sources for b in sources
                if a is not b and a is not None and b is not None and a.actor != b.actor]
    return [(s, t) for s in sources for t in targets if (s is not None or t is not None)
            and (s is None or t is None or s.actor != t.actor)]


# CAMEO codes a visit as a pair (042 by the visitor, 043 by the host) and a meeting or
# negotiation as the same act by both sides
PAIRED_CODES = {"042": "043", "043": "042", "040": "040", "044": "044", "046": "046", "041": "041"}


def _paired(pairs: list[tuple[Argument | None, Argument | None]],
            cameo: str) -> list[tuple[Argument | None, Argument | None, str]]:
    out = [(s, t, cameo) for s, t in pairs]
    partner = PAIRED_CODES.get(cameo)
    if partner is None:
        return out
    seen = {(s.actor if s else None, t.actor if t else None) for s, t in pairs}
    for s, t in pairs:
        if s is not None and t is not None and (t.actor, s.actor) not in seen:
            out.append((t, s, partner))
            seen.add((t.actor, s.actor))
    return out


def _confidence(m: Match, source: Argument | None, target: Argument | None, ctx: Context) -> float:
    base = 0.5 + 0.08 * min(m.specificity, 3) if m.noun is None else 0.45 + 0.05 * m.specificity
    if source is not None and target is not None:
        base += 0.1
    if ctx.modality == "hypothetical":
        base -= 0.1
    if (source is None or source.actor is None) and (target is None or target.actor is None):
        base = min(base, 0.35)  # no named actor on either side
    return round(max(0.05, min(0.95, base)), 2)


def _emit(article: Article, m: Match, roles: Roles, ctx: Context, *, lex: Lexicon,
          sent: Any, where: dict[int, tuple[Any, Any, Any]]) -> list[Event]:
    cameo, pattern, trig = m.cameo, m.pattern, [m.token, *m.extra]
    modality = ctx.modality
    if ctx.threatened_by is not None:
        cameo = THREAT_CODES.get(cameo) or THREAT_CODES.get(cameo[:2]) or "130"
        pattern = "verb:threaten>" + pattern.split(":", 1)[1]
        trig.append(ctx.threatened_by)
        modality = "asserted" if modality == "hypothetical" else modality
    category = lex.plover(cameo)
    if category is None:
        return []
    lo, hi = min(t.idx for t in trig), max(t.idx + len(t) for t in trig)
    t_start, t_end = article.span(lo, hi)
    s_start, s_end = article.span(sent.start_char, sent.end_char)
    date, date_from, place = _where(article, s_start, s_end, where)
    events = []
    pairs = _pairs(roles, category, actorless_allowed(m, roles, category, cameo, lex))
    for source, target, code in _paired(pairs, cameo):
        events.append(Event(
            category=category, cameo=code,
            source=source.actor if source else None, target=target.actor if target else None,
            start=s_start, end=s_end, trigger=Span(t_start, t_end), pattern=pattern,
            date=date, date_from=date_from, place=place, negated=ctx.negated,
            modality=modality, attributed_to=ctx.attributed_to,
            intensity=lex.goldstein(code), confidence=_confidence(m, source, target, ctx),
            source_text=source.text if source else None,
            target_text=target.text if target else None))
    return events


def _where(article: Article, start: int, end: int,
           cache: dict[int, tuple[Any, Any, Any]]) -> tuple[Any, Any, Any]:
    if start not in cache:
        date, date_from = date_for_span(article, start, end)
        place = place_for_span(article, start, end)
        cache[start] = (date, date_from, place)
    return cache[start]


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
    where = state.where
    fired = {m.token.i: m for m in verbs}
    noun_at = {m.token.i: m for m in nouns}
    carriers = frozenset(i for i, m in fired.items()
                         if m.token.lemma_.lower() not in OUTER
                         and lex.plover(m.cameo) in CARRIER_CATEGORIES)
    carrier_nouns = frozenset(i for i, m in noun_at.items()
                              if lex.plover(m.cameo) in CARRIER_CATEGORIES)
    consumed = {m.obj.i for m in verbs if m.obj is not None}
    consumed |= {g.i for m in verbs if m.obj is not None for p in m.obj.children
                 if p.dep_ == "prep" and p.lower_ in ("in", "of") for g in p.children
                 if g.dep_ == "pobj"}  # "provide 50 million yuan in aid": one event
    events: list[Event] = []
    for m in verbs:
        verb = m.token
        if verb.lemma_.lower() in OUTER and any(
                c.dep_ == "xcomp" and c.i in fired for c in verb.children):
            continue  # "agreed to restore ties": the inner verb carries the event
        if verb.dep_ == "acl" and verb.head.i in carrier_nouns:
            continue  # "Eriador's refusal to talk to Gondor": the noun carries the event
        if _light_verb_for_noun(m, noun_at):
            continue
        ctx = clause_context(article, verb, carriers=carriers)
        if ctx.suppressed:
            continue
        if _natural_force(verb, m, lex):
            continue
        roles = verb_roles(article, m, lex)
        if lex.plover(m.cameo) == "PROTEST":
            roles = _with_venue(article, roles, verb)
        consumed.update(roles.consumed)
        subj = subject_of(verb)
        if subj is not None and subj.lemma_.lower() in lex.nouns:
            consumed.add(subj.i)
        found = _emit(article, m, roles, ctx, lex=lex, sent=sent, where=where)
        _remember(state, found, m, noun=False, lex=lex)
        events.extend(found)
    for m in nouns:
        noun = m.token
        if noun.i in consumed or (noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in carriers):
            continue
        if _back_reference(noun, state) or _activity_noun(noun, m, lex):
            continue
        anchor = light_verb_of(noun) or noun
        ctx = clause_context(article, anchor, carriers=carriers)
        if ctx.suppressed:
            continue
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            ctx.negated = not ctx.negated
        if anchor is not noun and anchor.lemma_.lower() in PLEDGES and ctx.modality == "asserted":
            ctx.modality = "planned"  # "promised raids", "pledged aid"
        roles = noun_roles(article, m)
        if lex.plover(m.cameo) == "PROTEST":
            roles = _with_venue(article, roles, anchor)
        found = _emit(article, m, roles, ctx, lex=lex, sent=sent, where=where)
        _remember(state, found, m, noun=True, lex=lex)
        events.extend(found)
    return _dedupe(events)


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
    lex = load_lexicon()
    state = ArticleState()
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(sentence_events(article, sent, lex, state))
    fill_domestic_protests(article, events, street=state.street)
    fill_aid_recipients(article, events)
    drop_own_forces_as_target(article, events)
    events = drop_self_protection(article, events)
    article.events = drop_repeated_mentions(events, state.definite)


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
