"""``resolve_mention``: the actor id of any source span (a subject, a speaker, "he")."""

from __future__ import annotations

import logging
from itertools import chain, takewhile
from typing import Any

from ..model import Actor, Article, Entity
from .gazetteer import ActorEntry, RoleEntry, load_gazetteer
from .index import ActorIndex, Mention, index_of
from .names import WORDS, group_entry

log = logging.getLogger(__name__)

Token = Any  # spacy.tokens.Token
Span = Any  # spacy.tokens.Span

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
REFLEXIVES = {"itself", "themselves", "himself", "herself"}
PRONOUN_KINDS = {"person": frozenset({"person"}),
                 "group": frozenset({"group", "state", "organization"}),
                 "thing": frozenset({"state", "organization"})}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj"}
CLAUSE_DEPS = {"ccomp", "advcl", "xcomp", "conj", "pcomp"}  # a clause inside another one
MODIFIER_DEPS = {"poss", "amod", "compound", "nmod"}
OWN_PREPS = {"of", "from", "in"}  # "the ambassador of France", "farmers from Belgium"
PLACED_LEMMAS = frozenset(WORDS["placed_lemmas"])
LOCATIVE = frozenset(WORDS["owner_locatives"])
MANY_WORDS = frozenset(WORDS["many_words"])
MANY_HEADS = frozenset(WORDS["many_heads"])
# generic nouns: never given the article's main state, only a country of their own words
GENERIC_HEADS = frozenset(WORDS["generic_heads"])
# role words that name an activity when bare and lower case ("rights of assembly")
MASS_USE = frozenset(WORDS["mass_use"])
UNOWNED_TITLES = frozenset(WORDS["unowned_titles"])
LOCAL_PEOPLE = frozenset(WORDS["local_people"])
MAX_DEPTH = 3


def resolve_mention(article: Article, start: int, end: int) -> str | None:
    """The actor id a source span ``[start, end)`` refers to, or None when unsure.

    Prefers an entity at the head of the span; then role nouns, whose country comes from
    their own modifiers ("Tajikistan's defence ministry" -> "TJK-MIL", "police in Shiraz"
    -> "IRN-COP"), else the article's main state for government bodies ("the foreign
    ministry"); generic nouns ("companies", "people") get no country of the article.
    Pronouns follow the clause ("X said it would ..." -> X), else recency.
    A resolved actor is added to ``article.actors`` (or its mention count bumped once per
    span, noted in ``article.actor_index``): a stage calling this declares ``actors`` and
    ``actor_index`` among its assigns. Raises :class:`~newsgraph.errors.PipelineError`
    (E303) when ``resolve_actors`` has not built the article's ``actor_index``.

    Example: ``resolve_mention(article, 0, 6)`` on "Tehran said ..." -> "IRN".
    """
    index = index_of(article, "resolve_mention")
    span = _doc_span(article, start, end)
    inside = _inside(index, start, end)
    if span is None:
        return inside[0].actor if inside else None
    if _is_dateline(span):
        return None  # "ISLAMABAD —" names where the story was filed, not who acted
    found = _resolve_span(index, span, inside, 0)
    if found is not None:
        _count(index, found, start, end, bool(inside and inside[0].actor == found))
    return found


def role_noun(tok: Token) -> tuple[str, str] | None:
    """(role code, "title" or "group") of a role noun ending at ``tok`` ("troops" ->
    ("MIL", "group"), "foreign minister" -> ("GOV", "title")), else None."""
    role = _role_at_head(tok)
    return (role.role, role.kind) if role is not None else None


def entities_in(article: Article, start: int, end: int) -> list[Entity]:
    """The article's entities inside the source span ``[start, end)``, by start (from the
    actor index: a binary search, not a scan of every entity)."""
    return index_of(article, "entities_in").entities_in(start, end)


def resolve_owners(article: Article, start: int, end: int) -> list[str]:
    """One group per state when a group noun names several ("farmers from Belgium and
    France" -> ["BEL-CVL", "FRA-CVL"], "Chilean and Peruvian officials" -> ["CHL", "PER"]);
    [] when the span has at most one owner or its head is no role noun."""
    index = index_of(article, "resolve_owners")
    span = _doc_span(article, start, end)
    if span is None or not _has_deps(span.doc):
        return []
    head = _head(span)
    role = _role_at_head(head)
    if role is None or _mass_use(head) or _names_many(head):
        return []
    coordinated = _coordinated_owner(head)
    if coordinated is None:
        return []  # "its embassy in Tehran": an owner and a place, not several owners
    found = _owner_words(index, coordinated, 0, conjuncts=True)
    if any(kind != "state" for kind, _ in found):
        return []  # "of both countries", an organisation: no state each
    states = list(dict.fromkeys(value for _, value in found))
    if len(states) < 2:
        return []
    out = [g for g in (_group(index, c, role.role) for c in states) if g is not None]
    for actor_id in out:
        _count(index, actor_id, start, end, False)
        index.counted.discard((start, end))  # each owner counts once for this span
    return out


def _coordinated_owner(head: Token) -> Token | None:
    """The first of coordinated owner words: "Kyrgyz" in "Kyrgyz and Tajik officials",
    "Belgium" in "farmers from Belgium and France"."""
    for child in head.children:
        word = None
        if child.dep_ in MODIFIER_DEPS and child.i < head.i:
            word = child
        elif child.dep_ == "prep" and child.lower_ in OWN_PREPS:
            word = next((o for o in child.children if o.dep_ == "pobj"), None)
        if word is not None and any(c.dep_ == "conj" for c in word.children):
            return word
    return None


def _is_dateline(span: Span) -> bool:
    """An all-capitals place at the very start, before a dash or comma ("ASTANA, Sept 16 –")."""
    if span.start != 0 or not all(t.is_upper or t.is_punct for t in span):
        return False
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in ("—", "–", "-", "--", ",")


def _inside(index: ActorIndex, start: int, end: int) -> list[Mention]:
    return index.inside(start, end)


def _resolve_span(index: ActorIndex, span: Span, inside: list[Mention],
                  depth: int) -> str | None:
    head = _head(span)
    at_head = _mention_at(index, head, inside)
    if at_head is not None:
        return at_head.actor
    if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
        return _by_pronoun(index, head, depth)
    role = _role_at_head(head)
    if role is not None and not _mass_use(head):
        return _by_role(index, span, head, role, depth)
    found = _by_surname(index, head)
    if found is None and inside:
        found = inside[0].actor
    if found is None and _has_deps(head):  # "its embassy": whose it is
        poss = next((c for c in head.children if c.dep_ == "poss" and
                     c.lower_ in THING_PRONOUNS | GROUP_PRONOUNS), None)
        if poss is not None and depth < MAX_DEPTH:
            found = _by_pronoun(index, poss, depth + 1)
    return found


def _doc_span(article: Article, start: int, end: int) -> Any:
    doc = article.doc
    if doc is None or end <= start:
        return None
    i, j = max(0, start - article.start), min(len(article.text), end - article.start)
    span = doc.char_span(i, j, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _head(span: Span) -> Token:
    """The syntactic head of the span ("police" in "police in Tehran")."""
    if span.doc.has_annotation("DEP"):
        return span.root
    return span[-1]


def _has_deps(tok: Token) -> bool:
    return bool(tok.doc.has_annotation("DEP"))


def _source_start(index: ActorIndex, tok: Token) -> int:
    return index.article.start + tok.idx


def _mention_at(index: ActorIndex, tok: Token,
                mentions: list[Mention] | None = None) -> Mention | None:
    pos = _source_start(index, tok)
    if mentions is not None:
        return next((m for m in mentions if m.start <= pos < m.end), None)
    return index.at(pos)


def _role_at_head(head: Token) -> RoleEntry | None:
    roles = load_gazetteer().roles
    doc = head.doc
    lowers = [t.lower_ for t in doc[max(0, head.i - 3):head.i + 1]]
    texts = [t.text for t in doc[max(0, head.i - 3):head.i + 1]]
    for n in range(min(3, len(lowers)), 0, -1):
        found = roles.match_at(lowers, texts, len(lowers) - n, len(lowers))
        if found is not None and found[0] == n:
            return found[1]
    return None


# -- role nouns ----------------------------------------------------------------------------
def _by_role(index: ActorIndex, span: Span, head: Token, role: RoleEntry,
             depth: int) -> str | None:
    owner = _owner(index, head, depth)
    if owner is not None:
        kind, value = owner
        if kind == "many":
            return None
        if kind == "org":  # "NATO defence ministers", "UN peacekeepers"
            return value
        if role.kind == "title":
            return _named_by(index, head) or _last_titled(index, head.lower_, span, value) \
                or _group(index, value, role.role)
        return _group(index, value, role.role)
    if _names_many(head):
        return None
    if role.kind == "title":
        person = _named_by(index, head) or _last_titled(index, head.lower_, span, None)
        if person is not None:
            return person
        if head.lower_ in UNOWNED_TITLES:
            country = None  # "diplomats": seldom the article's own
        elif head.tag_ in ("NNS", "NNPS"):  # "officials": only in a one-country story
            country = _main_country(index, "", share=0.75)
        else:
            country = index.dominant_state if role.role == "GOV" else None
        return _group(index, country, role.role) if country else None
    if head.lower_ in LOCAL_PEOPLE:  # a people word: only in a clearly one-country story
        country = _nearby_place(index, span) or _main_country(index, role.role, share=0.75)
        return _group(index, country, role.role) if country else None
    if head.lower_ in GENERIC_HEADS:
        return None
    if role.role == "GOV":
        country = index.main_state
    else:
        country = _nearby_place(index, span) or _named_before(index, span, head, role.role) \
            or _main_country(index, role.role)
    return _group(index, country, role.role) if country else None


def _named_before(index: ActorIndex, span: Span, head: Token, role: str) -> str | None:
    """"the army" after "the Syrian army": the country of the last group of that sector
    named earlier in the article (only after "the": "our forces" are the speaker's)."""
    if _has_deps(head) and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    found = index.last_group(role, _source_start(index, span[0]))
    return found.country if found is not None else None


def _mass_use(head: Token) -> bool:
    """"assembly" in "rights of assembly": a bare lower-case activity word, no article."""
    if head.lower_ not in MASS_USE or not head.text.islower() or not _has_deps(head):
        return False
    return not any(c.dep_ in ("det", "poss", "amod", "compound") for c in head.children)


def _owner(index: ActorIndex, head: Token, depth: int) -> tuple[str, str] | None:
    """Who the head noun's own words name: ("state", ISO3), ("org", id) or ("many", "")."""
    found = _owner_found(index, head, depth)
    if not found:
        return None
    states = {v for k, v in found if k == "state"}
    if any(k == "many" for k, _ in found) or len(states) > 1:
        return ("many", "")
    if any(k == "norp" for k, _ in found) and not states:
        return ("many", "")  # "Baltic governments"; "Republican governors of Texas": USA
    found = [o for o in found if o[0] != "norp"]
    return next((o for o in found if o[0] == "state"), found[0])


def _owner_found(index: ActorIndex, head: Token, depth: int) -> list[tuple[str, str]]:
    """Every owner the head noun's own words name, in text order."""
    if not _has_deps(head):
        return []
    found: list[tuple[str, str]] = []
    preps = OWN_PREPS - {"in"} if head.lower_ in UNOWNED_TITLES else OWN_PREPS
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS and child.i < head.i:
            found += _owner_words(index, child, depth, subtree=True)
        elif child.dep_ == "prep" and child.lower_ in preps:
            found += [o for obj in child.children if obj.dep_ == "pobj"
                      for o in _owner_words(index, obj, depth, conjuncts=True)]
        elif child.dep_ in ("acl", "relcl") and child.lemma_ in PLACED_LEMMAS:
            for prep in child.children:  # "companies registered in the UAE"
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                    found += [o for obj in prep.children if obj.dep_ == "pobj"
                              for o in _owner_words(index, obj, depth, conjuncts=True)]
    return found


def _owner_words(index: ActorIndex, tok: Token, depth: int, *, conjuncts: bool = False,
                 subtree: bool = False) -> list[tuple[str, str]]:
    """Owners named by a modifier word (its own words, not its clauses)."""
    out: list[tuple[str, str]] = []
    words = [tok] + ([c for c in tok.conjuncts] if conjuncts else [])
    if subtree and tok.lower_ not in ("its", "their"):
        words = [t for t in tok.doc[tok.left_edge.i:tok.i + 1]]
    for word in words:
        lower = word.lower_
        if lower in ("its", "their") and word.dep_ == "poss":
            ref = _by_pronoun(index, word, depth)
            entry = index.entries.get(ref or "")
            if entry is not None:
                out.append(("state", entry.country) if entry.kind in ("state", "group")
                           and entry.country else ("org", entry.id))
            continue
        if any(c.dep_ in ("det", "nummod", "predet") and c.lower_ in MANY_WORDS
               for c in word.children) and lower in MANY_HEADS:
            out.append(("many", ""))  # "of both countries"
            continue
        m = _mention_at(index, word)
        if m is not None and _sympathy(word):
            continue  # "a pro-Iran cleric" is no Iranian cleric
        if m is not None:
            if m.country and m.kind in ("state", "group", "person"):
                out.append(("state", m.country))
            elif m.kind == "organization":
                out.append(("org", m.actor))
            continue
        city = _city_of(index, word)
        if city:
            out.append(("state", city))
        elif word.ent_type_ == "NORP" and word.dep_ in ("amod", "compound"):
            out.append(("norp", ""))  # "Baltic governments", "European powers"
    return out


SYMPATHY = frozenset(WORDS["sympathy_prefixes"])
BACKERS = frozenset(WORDS["backer_suffixes"])


def _sympathy(word: Token) -> bool:
    """A name used for a stance or a backer: "pro-Iran", "anti-American", "Russian-backed"."""
    doc, i = word.doc, word.i
    lower = word.lower_
    if lower.split("-")[0] in SYMPATHY and "-" in lower or lower.split("-")[-1] in BACKERS:
        return True
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in SYMPATHY:
        return True
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in BACKERS


def _city_of(index: ActorIndex, tok: Token) -> str | None:
    pos = _source_start(index, tok)
    cities = load_gazetteer().cities
    for ent in index.entities_at(pos):
        if ent.label in ("GPE", "LOC", "FAC") and ent.actor is None:
            return cities.get(ent.text.lower())
    return None


def _named_by(index: ActorIndex, head: Token) -> str | None:
    """A title in front of a name ("Japanese Foreign Minister" + "Hiroshi Tanabe"), or
    explained by an apposed name ("her Tajik counterpart, Sherali Nurov")."""
    doc = head.doc
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper():
        m = _mention_at(index, nxt)
        if m is not None and m.kind == "person":
            return m.actor
    if not _has_deps(head):
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.text[:1].isupper():
            m = _mention_at(index, child)
            if m is not None and m.kind == "person":
                return m.actor
    if head.dep_ not in ("compound", "appos") or head.head.i <= head.i:
        return None
    m = _mention_at(index, head.head)
    return m.actor if m is not None and m.kind == "person" else None


def _names_many(head: Token) -> bool:
    """"the two governments", "both sides": a plural naming several states."""
    if head.tag_ not in ("NNS", "NNPS") or not _has_deps(head):
        return False
    return any(c.dep_ in ("det", "nummod", "predet", "quantmod") and c.lower_ in MANY_WORDS
               for c in head.children)


def _last_titled(index: ActorIndex, word: str, span: Span, country: str | None) -> str | None:
    found = index.last_titled(word, _source_start(index, span[0]), country)
    return found.actor if found is not None else None


def _nearby_place(index: ActorIndex, span: Span) -> str | None:
    """The country of a place the sentence locates things in ("in Tehran"), nearest first."""
    doc = span.doc
    article = index.article
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    s0, s1 = article.span(sent.start_char, sent.end_char)
    mid = article.start + span.start_char
    cities = load_gazetteer().cities
    best: tuple[int, str] | None = None
    for ent in index.entity_spans.starting_in(s0, s1):
        m = index.at(ent.start)
        if m is not None:
            country = m.country if m.kind != "person" else None
        elif ent.label == "GPE":
            country = cities.get(ent.text.lower())
        else:
            country = None
        if not country or (best is not None and abs(ent.start - mid) >= best[0]):
            continue
        tok = _token_at(index, ent.start, ent.end)
        if tok is not None and _is_located(tok):
            best = (abs(ent.start - mid), country)
    return best[1] if best else None


def _token_at(index: ActorIndex, start: int, end: int) -> Token | None:
    article = index.article
    span = article.doc.char_span(start - article.start, end - article.start,
                                 alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_located(tok: Token) -> bool:
    """A place word after a locative preposition ("in Tehran", "near the Kok-Tash")."""
    if not _has_deps(tok):
        return True
    root = tok
    while root.dep_ in ("compound", "amod", "flat") and root.head.i != root.i:
        root = root.head
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _main_country(index: ActorIndex, role: str, *, share: float = 0.6) -> str | None:
    """The article's main state, for "the government" or a dominant-country article."""
    if index.main_state is None:
        return None
    if role == "GOV":
        return index.main_state
    counts = index.countries
    total = sum(counts.values())
    top = counts.get(index.main_state, 0)
    return index.main_state if total and top >= 2 and top / total >= share else None


def _group(index: ActorIndex, country: str | None, role: str) -> str | None:
    if country is None:
        return None
    state = index.entries.get(country) or load_gazetteer().states.get(country)
    if state is None:
        return None
    entry = group_entry(state, role)
    index.entries.setdefault(entry.id, entry)
    return entry.id


# -- pronouns ------------------------------------------------------------------------------
def _pronoun_kinds(word: str) -> frozenset[str]:
    if word in PERSON_PRONOUNS:
        return PRONOUN_KINDS["person"]
    if word in GROUP_PRONOUNS:
        return PRONOUN_KINDS["group"]
    return PRONOUN_KINDS["thing"]


def _by_pronoun(index: ActorIndex, tok: Token, depth: int) -> str | None:
    """A pronoun: the subject of its clause or of the clause it reports, else by recency."""
    personal = tok.lower_ in PERSON_PRONOUNS
    subject = _antecedent_subject(tok) if _has_deps(tok) else None
    if subject is not None and depth < MAX_DEPTH:
        found = _resolve_token(index, subject, depth + 1)
        entry = index.entries.get(found or "")
        if tok.lower_ in GROUP_PRONOUNS and any(c.dep_ == "conj" for c in subject.children):
            return None  # "X and Y agreed that their ...": both of them
        if found is None or entry is None or (entry.kind == "person") == personal:
            return found
    exclude = _clause_subject(tok) if tok.dep_ in OBJECT_DEPS and _has_deps(tok) else None
    if exclude is not None and _contains(exclude, tok):
        exclude = None  # "The protesters, many of them teachers, ..."
    skip = _resolve_token(index, exclude, depth + 1) \
        if exclude is not None and depth < MAX_DEPTH else None
    kinds = _pronoun_kinds(tok.lower_)
    start = _source_start(index, tok)
    near = _previous_sentence_start(index, tok)
    earlier = (m for m in index.earlier(start, kinds) if m.actor != skip)
    if exclude is not None:  # an object: only a near antecedent
        earlier = takewhile(lambda m: m.start >= near, earlier)
    first = next(earlier, None)
    if first is None and exclude is not None and personal:
        # "him" with no person in the last two sentences: the last person named before
        first = next((m for m in index.earlier(start, kinds) if m.actor != skip), None)
    if first is not None and tok.dep_ in SUBJECT_DEPS and _has_deps(tok):
        for m in chain([first], earlier):  # a subject repeats a near subject
            if m.start < near:
                break
            head = _token_at(index, m.start, m.end)
            if head is not None and head.dep_ in SUBJECT_DEPS:
                return m.actor
    return first.actor if first is not None else None


def _previous_sentence_start(index: ActorIndex, tok: Token) -> int:
    """Source offset where the sentence before ``tok``'s starts (objects look no further)."""
    doc = tok.doc
    if not doc.has_annotation("SENT_START"):
        return -1
    sent = tok.sent
    first = doc[sent.start - 1].sent if sent.start > 0 else sent
    return index.article.start + first.start_char


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Person pronouns take persons, "it" a singular non-person, "they" a non-person."""
    lower = pronoun.lower_
    is_person = noun.ent_type_ == "PERSON" or noun.lower_ in PERSON_PRONOUNS or \
        (_role_at_head(noun) is not None and _role_at_head(noun).kind == "title"  # type: ignore[union-attr]
         and noun.tag_ in ("NN", "NNP"))
    if lower in PERSON_PRONOUNS:
        return is_person
    if is_person:
        return False
    plural = noun.tag_ in ("NNS", "NNPS") or noun.lower_ in GROUP_PRONOUNS or \
        any(c.dep_ == "conj" for c in noun.children)
    return not plural if lower in THING_PRONOUNS else plural


def _antecedent_subject(tok: Token) -> Token | None:
    """The noun a pronoun most likely repeats: for "X said it would ..." X; for "its"
    the subject of its own clause; for "itself" its clause's subject."""
    lower = tok.lower_
    verb = _clause_verb(tok)
    if verb is None:
        return None
    quantified = _quantified_noun(tok)
    if quantified is not None:
        return quantified
    if lower in REFLEXIVES or tok.dep_ == "poss":
        own = _subject_of(verb)
        if own is not None and own.i != tok.i and not _contains(own, tok) and _agrees(tok, own):
            return own
        if own is not None and _contains(own, tok):
            reported = _reported_subject(verb)  # "X will meet Y, her office said"
            if reported is not None and reported.pos_ != "PRON" and _agrees(tok, reported):
                return reported
        if lower in REFLEXIVES:
            return None
    if tok.dep_ not in SUBJECT_DEPS | OBJECT_DEPS and tok.dep_ != "poss":
        return None
    own = _subject_of(verb) if tok.dep_ in OBJECT_DEPS else None
    cur = verb
    for _ in range(4):
        if cur.dep_ not in CLAUSE_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        subj = _subject_of(cur)
        if subj is not None and _agrees(tok, subj) and (own is None or subj.i != own.i):
            return subj
        obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
        if lower in GROUP_PRONOUNS and obj is not None and _agrees(tok, obj):
            return obj  # "blacklisted eleven companies, saying they had helped ..."
    return None


def _quantified_noun(tok: Token) -> Token | None:
    """"The protesters, many of them teachers": "them" is the noun "many" stands beside."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    quantifier = tok.head.head
    for cur in (quantifier, quantifier.head):  # parsed as appos, or as subject of the appos
        if cur.dep_ == "appos" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head  # type: ignore[no-any-return]
    return None


def _reported_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "ccomp":
            return _subject_of(c)
    return None


def _contains(outer: Token, tok: Token) -> bool:
    return outer.left_edge.i <= tok.i <= outer.right_edge.i


def _clause_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "compound"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:  # "X rejected ... and said"
        return _subject_of(verb.head)
    return None


def _clause_subject(tok: Token) -> Token | None:
    verb = _clause_verb(tok)
    return _subject_of(verb) if verb is not None else None


def _resolve_token(index: ActorIndex, tok: Token, depth: int) -> str | None:
    """The actor of the noun phrase headed by ``tok`` (no counting)."""
    doc = tok.doc
    lo, hi = tok.i, tok.i + 1
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod"):
            lo = min(lo, c.left_edge.i)
        elif c.i > tok.i and c.dep_ == "prep" and c.lower_ in OWN_PREPS:
            hi = max(hi, c.right_edge.i + 1)
    span = doc[lo:hi]
    start = index.article.start + span.start_char
    end = index.article.start + span.end_char
    return _resolve_span(index, span, _inside(index, start, end), depth)


def _by_surname(index: ActorIndex, head: Token) -> str | None:
    """A capitalised word that is the last name of a person actor here ("PENCE", "Pence")."""
    if not head.text[:1].isupper() or len(head.text) < 3:
        return None
    return index.surname(head.lower_)


# -- bookkeeping ---------------------------------------------------------------------------
def count_actor(article: Article, actor: Actor) -> None:
    """One more mention of ``actor`` in ``article``: the article's actor with its id gets
    one more mention, or ``actor`` is added with one when the article has none.

    After ``resolve_actors`` this is the one way ``article.actors`` grows (``resolve_mention``
    and the events' domestic defaults use it); a stage calling it declares ``actors``.
    """
    known = article.actor(actor.id)
    if known is not None:
        known.mentions += 1
        return
    actor.mentions = 1
    article.actors.append(actor)


def _count(index: ActorIndex, actor_id: str, start: int, end: int, known: bool) -> None:
    """Count the actor of a resolved span once per span (``index.counted``); a span whose
    own entity already names the actor (``known``) was counted by ``resolve_actors``."""
    article = index.article
    actor = article.actor(actor_id)
    if actor is not None and (known or (start, end) in index.counted):
        return
    index.counted.add((start, end))
    if actor is None:
        entry = index.entries.get(actor_id)
        if entry is None:
            return
        actor = _actor(entry)
    count_actor(article, actor)


def _actor(entry: ActorEntry) -> Actor:
    return Actor(id=entry.id, name=entry.name, kind=entry.kind, country=entry.country,
                 role=entry.role, wikidata=entry.wikidata)
