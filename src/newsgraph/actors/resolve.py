"""The ``resolve_actors`` stage: entities -> canonical actors.

Order of work on one article:
1. user dictionary phrases (replace overlapping spaCy entities),
2. built-in gazetteer phrases spaCy missed (added as entities),
3. states, organisations and sector groups for GPE/NORP/ORG/FAC/LOC entities,
4. persons: title and country from the words around the name, surnames joined to full names,
5. one ``Actor`` per id with its mention count.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from ..model import Actor, Article, Entity
from ..pipeline import stage
from ..settings import Settings
from ..slugs import slugify
from .dictionary import compile_dictionaries
from .gazetteer import ActorEntry, Gazetteer, PhraseTable, RoleEntry, load_gazetteer, lookup
from .index import ActorIndex, Mention
from .names import HONORIFICS, WORDS, group_entry, org_role, person_key, strip_name
from .noise import (headline_only, is_common_noun, is_company, place_like, split_at_lines,
                    title_spans)

log = logging.getLogger(__name__)

ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
# single words that name a person more often than the state spaCy may have tagged
PERSON_NAMES = frozenset(WORDS["person_names"])
PRE_POS = {"PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"}
POST_STOP_POS = {"VERB", "AUX", "PRON", "SCONJ"}
PATRONYMIC = frozenset(WORDS["patronymic"])
DOMINANT_SHARE = 0.45  # a titled person without a country belongs to such a main state
BODY_WORDS = frozenset(WORDS["body_words"])


@dataclass(slots=True)
class Person:
    key: tuple[str, ...]
    name: str
    titles: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    entry: ActorEntry | None = None


class Resolver:
    """Resolution state for one article (token views, entity spans, actor records)."""

    def __init__(self, article: Article, gaz: Gazetteer, user: PhraseTable | None) -> None:
        self.article = article
        self.doc = article.doc
        self.gaz = gaz
        self.user = user
        self.lowers = [t.lower_ for t in self.doc]
        self.texts = [t.text for t in self.doc]
        self.entries: dict[str, ActorEntry] = {}
        self.spans: list[tuple[Entity, int, int]] = []
        self.token_actor: list[str | None] = [None] * len(self.doc)
        self.token_country: list[str | None] = [None] * len(self.doc)
        self.person_titles: dict[str, list[str]] = {}  # person id -> title words
        self.main_state: str | None = None
        self.dominant_state: str | None = None  # the main state when it has most mentions
        self.titles = title_spans(article)
        self.span_end: dict[int, int] = {}  # first entity span starting at a token -> its end

    # -- entity bookkeeping -------------------------------------------------------------
    def token_range(self, ent: Entity) -> tuple[int, int] | None:
        i, j = ent.start - self.article.start, ent.end - self.article.start
        span = self.doc.char_span(i, j, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.start, span.end

    def collect_spans(self) -> None:
        self.article.entities = split_at_lines(self.article.entities)
        for ent in self.article.entities:
            ent.actor = None  # the stage is idempotent: a second run starts afresh
            rng = self.token_range(ent)
            if rng is not None:
                self.spans.append((ent, rng[0], rng[1]))

    def new_entity(self, i: int, j: int, entry: ActorEntry) -> Entity:
        span = self.doc[i:j]
        start, end = self.article.span(span.start_char, span.end_char)
        label = entry.label if entry.source != "capital" else "GPE"
        return Entity(text=span.text, label=label, start=start, end=end)

    def add_matches(self, table: PhraseTable, *, replace: bool) -> None:
        """Add phrase matches as entities; ``replace`` drops overlapping spaCy entities."""
        taken = [False] * len(self.doc)
        for _, i, j in self.spans:
            for k in range(i, j):
                taken[k] = True
        added = []
        for i, j, entry in table.scan(self.lowers, self.texts):
            if not replace and any(taken[i:j]):
                if entry.kind == "person":
                    self.widen_person(i, j)  # "Ebrahim" tagged, "Ebrahim Raisi" known
                continue
            ent = self.new_entity(i, j, entry)
            if entry.kind != "person":  # persons get their context in resolve_persons
                self.set_actor(ent, i, j, entry)
            added.append((ent, i, j))
        if replace and added:
            self.spans = [s for s in self.spans if not any(
                s[1] < j and i < s[2] for _, i, j in added)]
        self.spans.extend(added)
        self.spans.sort(key=lambda s: (s[1], s[2]))

    def widen_person(self, i: int, j: int) -> None:
        """A known person name that overlaps only PERSON entities replaces them with the union."""
        overlap = [s for s in self.spans if s[1] < j and i < s[2]]
        if not overlap or any(e.label != "PERSON" for e, _, _ in overlap):
            return
        a, b = min(i, *(s[1] for s in overlap)), max(j, *(s[2] for s in overlap))
        start, end = self.article.span(self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1]))
        whole = Entity(text=self.article.source.text[start:end], label="PERSON", start=start,
                       end=end)
        self.spans = [s for s in self.spans if s not in overlap] + [(whole, a, b)]
        self.spans.sort(key=lambda s: (s[1], s[2]))

    def set_actor(self, ent: Entity, i: int, j: int, entry: ActorEntry | None) -> None:
        if entry is None:
            return
        if entry.kind == "state":
            entry = self.sector_of(entry, i, j) or entry
        self.entries.setdefault(entry.id, entry)
        ent.actor = entry.id
        for k in range(i, j):
            self.token_actor[k] = entry.id
            self.token_country[k] = entry.country

    # -- states and sectors -------------------------------------------------------------
    def role_ending_at(self, k: int) -> RoleEntry | None:
        """The longest role phrase that ends at token ``k``."""
        for n in (3, 2, 1):
            i = k - n + 1
            if i < 0:
                continue
            found = self.gaz.roles.match_at(self.lowers, self.texts, i, k + 1)
            if found is not None and found[0] == n:
                return found[1]
        return None

    def is_phrase_head(self, k: int) -> bool:
        """Token ``k`` heads its noun phrase (not "military" in "military involvement")."""
        token = self.doc[k]
        if not token.pos_:
            return True  # no tagger: trust the lexicon
        return token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod")

    def sector_of(self, state: ActorEntry, i: int, j: int) -> ActorEntry | None:
        """"Iranian police", "Russia's army": a state word modifying a group noun."""
        k = j + 1 if j < len(self.doc) and self.lowers[j] in ("'s", "’s") else j
        role: RoleEntry | None = None
        if k < len(self.doc):
            found = self.gaz.roles.match_at(self.lowers, self.texts, k, len(self.doc))
            if found is not None and self.is_phrase_head(k + found[0] - 1):
                role = found[1]
        if role is None:
            head = self.doc[i:j].root
            if head.dep_ in ("amod", "compound", "poss", "nmod") and j <= head.head.i <= j + 3:
                role = self.role_ending_at(head.head.i)
        if role is None and self.people_of(i, j):
            return group_entry(state, "CVL")
        if role is None or role.kind != "group" or role.role == "GOV":
            return None
        return group_entry(state, role.role)

    def people_of(self, i: int, j: int) -> bool:
        """"many Iranians", "500 Peruvians were detained": a plural demonym heading its
        phrase names people of the state (with "the", often its delegation: left alone)."""
        head = self.doc[i:j].root
        if not head.pos_ or head.tag_ not in ("NNPS", "NNS") or head.ent_type_ != "NORP":
            return False
        if head.dep_ in ("amod", "compound", "poss", "nmod", "appos"):
            return False
        return not any(c.dep_ == "det" for c in head.children)

    # -- entity resolution --------------------------------------------------------------
    def resolve_named(self, ent: Entity, i: int, j: int) -> None:
        tokens = strip_name(self.texts[i:j])
        entry = lookup(self.user, tokens) if self.user else None
        entry = entry or lookup(self.gaz.names, tokens)
        if entry is not None and self.compatible(ent, tokens, entry):
            ent.label = _label_for(ent.label, entry)
            if entry.kind != "person":
                self.set_actor(ent, i, j, entry)
            return
        if ent.label == "GPE":
            city = self.gaz.cities.get(" ".join(tokens).lower())
            for k in range(i, j):
                self.token_country[k] = city
        elif ent.label == "PERSON" and is_company(tokens):
            ent.label = "ORG"  # "Kestrel Alloys" tagged PERSON
            self.set_actor(ent, i, j, self.resolve_org(tokens, i, j))
        elif ent.label == "ORG" and not self.not_an_actor(ent, i, j):
            self.set_actor(ent, i, j, self.resolve_org(tokens, i, j))

    def not_an_actor(self, ent: Entity, i: int, j: int) -> bool:
        """An unknown ORG/PERSON that is a place, a thing or a headline fragment."""
        if self.has_role(i, j):
            return False  # "the Foreign Ministry", "Riot police"
        place = place_like(self.doc, i, j, self.gaz, roles_at=self.role_ending_at)
        if isinstance(place, str):
            for k in range(i, j):
                self.token_country[k] = place
        if place:
            return True
        name = self.doc[_skip_the(self.lowers, i):_strip_possessive(self.lowers, i, j)].text
        return ent.label == "ORG" and headline_only(self.article, ent, name, self.titles)

    def has_role(self, i: int, j: int) -> bool:
        return any(True for _ in self.gaz.roles.scan(self.lowers, self.texts, start=i, end=j))

    @staticmethod
    def compatible(ent: Entity, tokens: list[str], entry: ActorEntry) -> bool:
        if ent.label == "PERSON" and entry.kind != "person":
            return not (len(tokens) == 1 and tokens[0].lower() in PERSON_NAMES)
        return True

    def resolve_org(self, tokens: list[str], i: int, j: int) -> ActorEntry | None:
        """An unknown organisation: a state body ("Russian Defence Ministry") or a slug."""
        if self.part_of_title(i, j):
            return None  # "Interior" of "Interior Minister Carlos Velarde"
        country = None
        for a, b, entry in self.gaz.names.scan(self.lowers, self.texts, start=i, end=j):
            if entry.source == "actor" and entry.kind != "person" and a == _skip_the(self.lowers, i):
                return entry  # "Basij militia", "Hamas fighters"
            if entry.kind == "state" and entry.source in ("country", "adjective"):
                country = country or entry.country
            elif entry.kind == "person" and entry.country and a < j - 1:
                country = country or entry.country  # "the Trump administration"
        role = None
        end = min(len(self.doc), j + 2)  # "Kazakh Foreign" + "Ministry"
        for a, b, found in self.gaz.roles.scan(self.lowers, self.texts, start=i, end=end):
            if found.kind == "group" and a < j:
                role = found.role
        country = country or self.modifier_country(i, j)
        body = _is_body(self.lowers[i:j])
        if i >= 2 and self.lowers[i - 2:i] in (["ministry", "of"], ["department", "of"]):
            role, body = role or "GOV", True  # "Ministry of [Interior]"
        name = self.doc[_skip_the(self.lowers, i):_strip_possessive(self.lowers, i, j)].text
        if role is not None and (country or self.main_state) and org_role(name) is None:
            state = self.gaz.states.get(country or self.main_state or "")
            if state is not None and (country or body):
                return state if role == "GOV" else group_entry(state, role)
        if not slugify(name):
            return None
        return ActorEntry(id=slugify(name), name=name, kind="organization", country=country,
                          role=org_role(name) or (role if country else None), source="org",
                          label="ORG")

    def mark_countries(self, i: int, j: int) -> None:
        """Give tokens of state names and adjectives in [i, j) their country."""
        for a, b, entry in self.gaz.names.scan(self.lowers, self.texts, start=i, end=j):
            if entry.kind == "state":
                for k in range(a, b):
                    self.token_country[k] = entry.country

    def modifier_country(self, i: int, j: int) -> str | None:
        """The country of words that modify an entity from outside ("Tajikistan's" +
        "defence ministry", "the ministry" + "of Tajikistan")."""
        root = self.doc[i:j].root
        for child in root.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < i:
                rng = range(child.left_edge.i, child.i + 1)
            elif child.dep_ == "prep" and child.lower_ == "of" and child.i >= j:
                rng = range(child.i + 1, child.right_edge.i + 1)
            else:
                continue
            for k in rng:
                entry = self.entries.get(self.token_actor[k] or "")
                if self.token_country[k] and (entry is None or entry.kind != "person"):
                    return self.token_country[k]
            words = strip_name(self.texts[rng.start:rng.stop])  # not resolved yet ("Azerbaijan"
            known = lookup(self.gaz.names, words) if words else None  # tagged PERSON)
            if known is not None and known.kind == "state":
                return known.country
        return None

    def part_of_title(self, i: int, j: int) -> bool:
        """An ORG that only names the portfolio of a title ("Commerce" Minister X,
        "Kazakh Foreign" Minister X)."""
        for k in range(i, j):
            title = self.gaz.roles.match_at(self.lowers, self.texts, k, min(len(self.doc), j + 2))
            if title is not None and title[1].kind == "title" and k + title[0] > j:
                self.mark_countries(i, k)
                return True
        after = self.gaz.roles.match_at(self.lowers, self.texts, j, len(self.doc)) \
            if j < len(self.doc) and j - i == 1 else None
        return after is not None and after[1].kind == "title" and \
            after[1].phrase in ("minister", "secretary", "ministers")

    def join_short_orgs(self) -> None:
        """"The Post" after "The New York Post": a short form takes the long form's actor."""
        orgs = []
        for ent, i, j in self.spans:
            entry = self.entries.get(ent.actor or "")
            if entry is not None and entry.kind == "organization":
                orgs.append((ent, i, j, tuple(strip_name(self.texts[i:j])), entry))
        for ent, i, j, key, entry in orgs:
            if entry.source != "org":
                continue
            longer = [o for o in orgs if len(o[3]) > len(key) and _ends_with(o[3], key)]
            if longer:
                self.set_actor(ent, i, j, max(longer, key=lambda o: len(o[3]))[4])
        for ent, i, j in self.spans:  # "the Commission headquarters" after "the European
            if ent.label != "ORG" or ent.actor is not None:  # Commission": no thing word
                continue
            key = tuple(strip_name(self.texts[i:j]))
            longer = [o for o in orgs if len(o[3]) > len(key) > 0 and _ends_with(o[3], key)
                      and o[1] < i and key[-1][:1].isupper()]
            if longer:
                self.set_actor(ent, i, j, max(longer, key=lambda o: len(o[3]))[4])

    def compute_main_state(self) -> None:
        counts: Counter[str] = Counter()
        for ent, _, _ in self.spans:
            entry = self.entries.get(ent.actor or "")
            if entry is not None and entry.kind in ("state", "group") and entry.country:
                counts[entry.country] += 1
        self.main_state = counts.most_common(1)[0][0] if counts else None
        total = sum(counts.values())
        top = counts.most_common(2)
        share = top[0][1] / total if top else 0.0
        clear = len(top) < 2 or top[0][1] >= 1.5 * top[1][1]
        self.dominant_state = self.main_state if share >= DOMINANT_SHARE and clear else None
        if self.dominant_state is None and self.main_state is not None and \
                self.dateline_country() == self.main_state:
            self.dominant_state = self.main_state  # "MANILA — The Philippines summoned ..."

    def dateline_country(self) -> str | None:
        """The country of an upper-case dateline city ("LIMA —", "ASTANA, Sept 16 –")."""
        words = []
        for k in range(min(len(self.doc), 5)):
            text = self.texts[k]
            if text in ("—", "–", "-", ",", "--"):
                break
            if not text.isupper() and text not in (".", "'"):
                return None
            words.append(self.lowers[k])
        else:
            return None
        return self.gaz.cities.get(" ".join(words)) if words else None

    # -- persons ------------------------------------------------------------------------
    def sentence_bounds(self, i: int) -> tuple[int, int]:
        if self.doc.has_annotation("SENT_START"):
            sent = self.doc[i].sent
            return sent.start, sent.end
        return 0, len(self.doc)

    def context_window(self, i: int, j: int) -> tuple[list[RoleEntry], str | None, str | None]:
        """Title words, country and affiliated actor id from the words around a name."""
        s0, s1 = self.sentence_bounds(i)
        k = i
        while k > max(s0, i - 8) and (self.doc[k - 1].pos_ in PRE_POS or
                                      self.lowers[k - 1] in ("of", "'s", "’s", "-") or
                                      self.joins_titles(k - 1)):
            if self.token_actor[k - 1] and self.entries.get(self.token_actor[k - 1] or "") \
                    and self.entries[self.token_actor[k - 1] or ""].kind == "person":
                break
            k -= 1
        post = self.post_window(j, s1)
        apposed = self.apposed_window(i, j) if not self.titles_in(*post) else None
        pre = apposed or (k, i)  # a description after the name wins over one before
        titles = self.titles_in(*pre)
        titles.reverse()  # nearest first
        titles += self.titles_in(*post)
        country, affiliation = self.country_in(list(range(pre[1] - 1, pre[0] - 1, -1)) +
                                               list(range(post[0], post[1])))
        return titles, country, affiliation

    def joins_titles(self, k: int) -> bool:
        """Token ``k`` is the "and" of two titles ("State Councilor and Foreign Minister")."""
        if self.lowers[k] not in ("and", "&") or k == 0:
            return False
        before = self.role_ending_at(k - 1)
        after = self.gaz.roles.match_at(self.lowers, self.texts, k + 1, min(len(self.doc), k + 5))
        return before is not None and before.kind == "title" and after is not None \
            and after[1].kind == "title"

    def apposed_window(self, i: int, j: int) -> tuple[int, int] | None:
        """"her Tajik counterpart, Sherali Nurov": the noun phrase the name is apposed to."""
        if i < 2 or self.texts[i - 1] != "," or not self.doc.has_annotation("DEP"):
            return None
        root = self.doc[i:j].root
        head = root.head
        if root.dep_ != "appos" or head.i >= i or head.pos_ != "NOUN":
            return None
        return head.left_edge.i, head.i + 1

    def titles_in(self, i: int, j: int) -> list[RoleEntry]:
        """Title phrases in [i, j); a title right before another one only modifies it
        ("Deputy" + "Chief of Staff")."""
        found = [(a, b, r) for a, b, r in self.gaz.roles.scan(self.lowers, self.texts, start=i,
                                                                end=j) if r.kind == "title"]
        starts = {a for a, _, _ in found}
        return [r for a, b, r in found if b not in starts]

    def post_window(self, j: int, s1: int) -> tuple[int, int]:
        if j >= s1:
            return j, j
        if self.texts[j] == "(":  # "Ali X (R), Iran's national security chief,"
            close = next((k for k in range(j + 1, min(s1, j + 6)) if self.texts[k] == ")"), None)
            if close is not None and close + 1 < s1 and self.texts[close + 1] == ",":
                j = close + 1
        if self.lowers[j] == "of":
            return j + 1, min(s1, j + 5)
        if self.texts[j] not in (",", "("):
            return j, j
        k = j + 1
        while k < min(s1, j + 12) and self.texts[k] not in (",", ")", ";") and \
                self.doc[k].pos_ not in POST_STOP_POS:
            k += 1
        return j + 1, k

    def country_in(self, order: list[int]) -> tuple[str | None, str | None]:
        country = affiliation = None
        for k in order:
            actor_id = self.token_actor[k]
            entry = self.entries.get(actor_id or "")
            if entry is not None and entry.kind == "person":
                continue
            if affiliation is None and entry is not None and entry.kind != "state":
                affiliation = entry.id
            if country is None and self.token_country[k]:
                country = self.token_country[k]
        return country, affiliation

    def merge_adjacent_persons(self) -> None:
        """"Ebrahim" + "Raisi", "Talal" + "bin Abdullah Al-Otaibi": one name cut in two."""
        merged: list[tuple[Entity, int, int]] = []
        for ent, i, j in self.spans:
            if merged:
                prev, pi, pj = merged[-1]
                if prev.label == ent.label == "PERSON" and pj == i and prev.actor is None and \
                        ent.actor is None:
                    start, end = prev.start, ent.end
                    whole = Entity(text=self.article.source.text[start:end], label="PERSON",
                                   start=start, end=end)
                    merged[-1] = (whole, pi, j)
                    continue
            merged.append((ent, i, j))
        self.spans = merged

    def person_noise(self, i: int, j: int, key: tuple[str, ...]) -> bool:
        """A PERSON entity that is a common noun or a place ("near Ak-Sai")."""
        known = lookup(self.user, list(key)) if self.user else None
        if known is not None or lookup(self.gaz.names, list(key)) is not None:
            return False
        if is_common_noun(self.doc, i, j):
            return True
        if j - i == 1 and self.role_ending_at(i) is not None:
            return True  # "Chinese State Councilor and ...": a title tagged PERSON
        if i > 0 and self.role_ending_at(i - 1) is not None:
            return False  # "President Ebrahim"
        place = place_like(self.doc, i, j, self.gaz, roles_at=self.role_ending_at)
        if isinstance(place, str):
            for k in range(i, j):
                self.token_country[k] = place
        return bool(place)

    def resolve_persons(self) -> None:
        self.merge_adjacent_persons()
        people: list[tuple[Entity, int, int, int, tuple[str, ...]]] = []
        for ent, i, j in self.spans:
            if ent.label != "PERSON" or ent.actor is not None:
                continue
            found = self.gaz.roles.match_at(self.lowers, self.texts, i, len(self.doc))
            if found is not None and i + found[0] >= j and found[1].kind == "group":
                continue  # "Riot" of "Riot police"
            lead = self.leading_titles(i, j)
            key = person_key(self.texts[i + lead:j])
            if key and not self.person_noise(i + lead, j, key):
                people.append((ent, i, i + lead, j, key))
        canonical = _canonical_names([p[4] for p in people])
        records: dict[tuple[str, ...], Person] = {}
        for n, (ent, i0, i, j, key) in enumerate(people):
            full = canonical[n]
            person = records.get(full) or self.new_person(full)
            records[full] = person
            if full == key and person.entry is None:
                person.name = self.doc[i:_strip_possessive(self.lowers, i, j)].text
            titles, country, affiliation = self.context_window(i, j)
            self.merge_context(person, titles, country, affiliation, self.lowers[i0:i])
        self.span_end = {}
        for _, i, j in self.spans:
            self.span_end.setdefault(i, j)
        self.name_unnamed_titles([(p[1], records[canonical[n]]) for n, p in enumerate(people)])
        for n, (ent, i0, i, j, key) in enumerate(people):
            person = records[canonical[n]]
            entry = self.person_entry(person)
            self.set_actor(ent, i0, j, entry)
            self.person_titles[entry.id] = person.titles

    def name_unnamed_titles(self, mentions: list[tuple[int, Person]]) -> None:
        """"Iran's foreign minister said ..." then "Hossein X said ...": the next person
        named after a title with a country, when nothing else describes him, holds it."""
        if not mentions or not self.doc.has_annotation("DEP"):
            return
        mentions = sorted(mentions, key=lambda m: m[0])
        starts = [i for i, _ in mentions]
        first: dict[int, int] = {}  # id(person) -> token of its first mention
        for i, p in mentions:
            first.setdefault(id(p), i)
        for k, role, country in self.unnamed_titles():
            n = bisect_right(starts, k)
            if n == len(mentions):
                continue
            i, person = mentions[n]
            if first[id(person)] < k or person.role or person.country or \
                    person.entry is not None or self.described(i):
                continue
            person.role, person.country = role.role, country
            person.titles.extend(w for w in role.phrase.split() if w not in person.titles)

    def described(self, i: int) -> bool:
        """The name at token ``i`` has an apposition ("Ghulam Rasool, a farmer")."""
        j = self.span_end.get(i)
        if j is None:
            return False
        root = self.doc[i:j].root
        return any(c.dep_ == "appos" for c in root.children) or root.dep_ == "appos"

    def unnamed_titles(self) -> list[tuple[int, RoleEntry, str]]:
        """Title nouns with a country and no name: (head index, role, country)."""
        out = []
        for a, b, role in self.gaz.roles.scan(self.lowers, self.texts):
            k = b - 1
            tok = self.doc[k]
            if role.kind != "title" or tok.tag_ not in ("NN", "NNP") or \
                    tok.dep_ in ("compound", "appos") or self.token_actor[k] is not None:
                continue  # one person, not "officials"
            if k + 1 < len(self.doc) and self.doc[k + 1].ent_type_ == "PERSON":
                continue  # "Foreign Minister Hossein X": named
            if any(c.dep_ == "appos" for c in tok.children):
                continue  # "the minister, Hossein X,"
            country = next((self.token_country[n] for n in range(tok.left_edge.i, a)
                            if self.token_country[n]), None)
            if country is not None:
                out.append((k, role, country))
        return out

    def relabel_surnames(self) -> None:
        """An unresolved ORG/GPE/NORP that is the surname of a PERSON here is that person."""
        names = _Names([person_key(self.texts[i:j]) for e, i, j in self.spans
                        if e.label == "PERSON"])
        if not names.full:
            return
        for ent, i, j in self.spans:
            if ent.actor is not None or ent.label not in ("ORG", "GPE", "NORP"):
                continue
            key = person_key(self.texts[i:j])
            if key and (key in names.full or names.longer(key) or names.family_first(key)):
                ent.label = "PERSON"

    def relabel_titled_names(self) -> None:
        """An unresolved ORG/GPE right after a person title ("spokeswoman Aizada Sultanova")
        or described by one ("Lucas Pereira, the finance minister, ...")."""
        for ent, i, j in self.spans:
            if ent.actor is not None or ent.label not in ("ORG", "GPE") or not 2 <= j - i <= 4:
                continue
            if not all(self.texts[k][:1].isupper() for k in range(i, j)):
                continue
            if lookup(self.gaz.names, strip_name(self.texts[i:j])) is not None or \
                    org_role(" ".join(self.texts[i:j])) is not None:
                continue
            role = self.role_ending_at(i - 1) if i > 0 else None
            if role is not None and role.kind == "title" and self.doc[i - 1].pos_ != "PROPN":
                ent.label = "PERSON"
            elif self.described_by_title(i, j) or self.joined_to_person(i, j):
                ent.label = "PERSON"

    def joined_to_person(self, i: int, j: int) -> bool:
        """"Aizada Sultanova of Kyrgyzstan and Sherali Nurov": a name and-ed with a person."""
        if not self.doc.has_annotation("DEP"):
            return False
        root = self.doc[i:j].root
        others = [c for c in root.children if c.dep_ == "conj"] + \
            ([root.head] if root.dep_ == "conj" else [])
        return any(o.ent_type_ == "PERSON" for o in others)

    def described_by_title(self, i: int, j: int) -> bool:
        """The entity has an apposition headed by a person title ("X, the finance minister")."""
        root = self.doc[i:j].root
        for other in list(root.children) + ([root.head] if root.dep_ == "appos" else []):
            if (other.dep_ == "appos" and other.i >= j) or (other.i == root.head.i and other.i < i):
                role = self.role_ending_at(other.i)
                if role is not None and role.kind == "title":
                    return True
        return False

    def relabel_city_persons(self) -> None:
        """A lone one-word PERSON that is a city ("Shiraz's representative") is a GPE."""
        names = [person_key(self.texts[i:j]) for e, i, j in self.spans if e.label == "PERSON"]
        for ent, i, j in self.spans:
            if ent.label != "PERSON" or ent.actor is not None or j - i != 1:
                continue
            word = self.lowers[i]
            city = self.gaz.cities.get(word)
            if city is None or lookup(self.gaz.names, [self.texts[i]]) is not None:
                continue
            if any(len(n) > 1 and n[-1].lower() == word for n in names):
                continue
            ent.label = "GPE"
            self.token_country[i] = city

    def leading_titles(self, i: int, j: int) -> int:
        """How many tokens at the start of a PERSON entity are titles ("President", "Mr.")."""
        k = i
        while k < j - 1:
            if self.lowers[k] in HONORIFICS:
                k += 1
                continue
            found = self.gaz.roles.match_at(self.lowers, self.texts, k, j - 1)
            if found is None or found[1].kind != "title":
                break
            k += found[0]
        return k - i

    def new_person(self, key: tuple[str, ...]) -> Person:
        name = " ".join(key)
        entry = lookup(self.user, list(key)) if self.user else None
        entry = entry or lookup(self.gaz.names, list(key))
        if entry is not None and entry.kind != "person":
            entry = None
        return Person(key=key, name=entry.name if entry else name, entry=entry)

    def merge_context(self, person: Person, titles: list[RoleEntry], country: str | None,
                      affiliation: str | None, lead: list[str]) -> None:
        for word in lead + [w for t in titles for w in t.phrase.split()]:
            if word not in person.titles:
                person.titles.append(word)
        org = self.entries.get(affiliation or "")
        if person.role is None and titles:
            person.role = titles[0].role
            if org is not None and org.role and titles[0].role == "GOV" and org.kind != "state":
                person.role = org.role
        if person.country is None and not (org is not None and org.role == "IGO"):
            person.country = country or (org.country if org else None)  # not UN staff

    def person_entry(self, person: Person) -> ActorEntry:
        known = person.entry
        country = person.country or (known.country if known else None)
        if country is None and (known is None or known.country is None):
            # a weak last resort: "Interior Minister Carlos Velarde", "Aziz Orujov, a
            # journalist" in a story about one country are of that country
            country = self.dominant_state
        return ActorEntry(
            id=known.id if known else slugify(person.name),
            name=person.name, kind="person",
            country=country,
            role=person.role or (known.role if known else None),
            wikidata=known.wikidata if known else None, source="person", label="PERSON")

    # -- output -------------------------------------------------------------------------
    def fill_actors(self) -> None:
        counts: Counter[str] = Counter(e.actor for e, _, _ in self.spans if e.actor)
        actors = []
        seen = set()
        for ent, _, _ in self.spans:
            if ent.actor and ent.actor not in seen:
                seen.add(ent.actor)
                e = self.entries[ent.actor]
                actors.append(Actor(id=e.id, name=e.name, kind=e.kind, country=e.country,
                                    role=e.role, wikidata=e.wikidata, mentions=counts[e.id]))
        self.article.actors = actors
        self.article.entities = [e for e, _, _ in self.spans] + [
            e for e in self.article.entities if self.token_range(e) is None]
        self.article.entities.sort(key=lambda e: (e.start, e.end))

    def build_index(self) -> ActorIndex:
        mentions = []
        for ent, i, j in self.spans:
            if ent.actor is None:
                continue
            entry = self.entries[ent.actor]
            mentions.append(Mention(start=ent.start, end=ent.end, actor=ent.actor,
                                    kind=entry.kind, country=entry.country,
                                    titles=tuple(self.person_titles.get(ent.actor, ()))))
        return ActorIndex(article=self.article, mentions=mentions,
                            main_state=self.main_state, entries=dict(self.entries),
                            dominant_state=self.dominant_state)


def _strip_possessive(lowers: list[str], i: int, j: int) -> int:
    while j > i + 1 and lowers[j - 1] in ("'s", "’s", "'", "’"):
        j -= 1
    return j


def _skip_the(lowers: list[str], i: int) -> int:
    return i + 1 if lowers[i] == "the" else i


def _is_body(lowers: list[str]) -> bool:
    """An ORG made of a bare state body ("the Foreign Ministry", "Parliament")."""
    return any(w in BODY_WORDS for w in lowers)


def _label_for(label: str, entry: ActorEntry) -> str:
    if entry.kind == "person":
        return "PERSON"
    if label == "PERSON":
        return entry.label if entry.source != "capital" else "GPE"
    return label


def _canonical_names(keys: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Join surnames ("Putin") to the nearest full name that ends with them; a one-word
    name no full name ends with joins the nearest full name it starts ("Park" for "Park
    Geun-hye", "Wang" for "Wang Yi": family name first). A full name whose own canonical
    is longer ("Kim Jong" -> "Kim Jong Un") is left alone."""
    names = _Names(keys)
    positions: dict[tuple[str, ...], list[int]] = {}
    for n, key in enumerate(keys):
        positions.setdefault(key, []).append(n)
    longer: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    out = []
    for n, key in enumerate(keys):
        if key not in longer:
            longer[key] = names.longer(key)
        out.append(_nearest(longer[key], positions, n)
                   or _nearest(names.family_first(key), positions, n) or key)
    return out


def _nearest(names: list[tuple[str, ...]], positions: dict[tuple[str, ...], list[int]],
             n: int) -> tuple[str, ...] | None:
    """The name of ``names`` whose occurrence is nearest before position ``n``, else the
    nearest after it."""
    before = [(positions[f][k - 1], f) for f in names
              if (k := bisect_left(positions[f], n)) > 0]
    if before:
        return max(before)[1]
    after = [(positions[f][k], f) for f in names
             if (k := bisect_right(positions[f], n)) < len(positions[f])]
    return min(after)[1] if after else None


class _Names:
    """Full person names (two words or more) by the words a short form of them can match:
    the last word, the first word (patronymics, family name first) and the last part of a
    hyphenated last word; each lookup reads one bucket, not every name."""

    def __init__(self, keys: list[tuple[str, ...]]) -> None:
        self.full = {k for k in keys if len(k) > 1}
        self.by_word: dict[str, set[tuple[str, ...]]] = {}
        for k in self.full:
            last = k[-1].lower()
            for word in {last, k[0].lower(), last.split("-")[-1]}:
                self.by_word.setdefault(word, set()).add(k)

    def longer(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Full names ``key`` is a short form of (``_ends_with``)."""
        if not key:
            return []
        words = {key[-1].lower(), key[-1].lower().split("-")[-1]}
        if len(key) == 1:
            words.add(key[0].lower())
        found = set().union(*(self.by_word.get(w, set()) for w in words))
        return sorted(f for f in found if len(f) > len(key) and _ends_with(f, key))

    def family_first(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Full names that start with the one-word ``key`` ("Park Geun-hye" for "Park")."""
        if len(key) != 1 or len(key[0]) < 2:
            return []
        word = key[0].lower()
        return sorted(k for k in self.by_word.get(word, ()) if k[0].lower() == word)


def _ends_with(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """A short form of a full name: its surname(s), or the given name of "Faisal bin Farhan"."""
    lf = [w.lower() for w in full]
    ls = [w.lower() for w in short]
    if lf[-len(ls):] == ls:
        return True
    if len(ls) == 1 and lf[0] == ls[0] and any(w in PATRONYMIC for w in lf[1:]):
        return True
    return len(ls) == 1 and lf[-1].split("-")[-1] == ls[0].split("-")[-1] and len(ls[0]) > 2


@stage(requires=("doc", "entities"), assigns=("entities", "actors", "actor_index"))
def resolve_actors(article: Article, *, settings: Settings) -> None:
    """Fill ``article.actors`` and ``article.actor_index``; rewrite ``article.entities``.

    Entities are rewritten, hence declared: split at line breaks, joined or relabelled
    (a surname tagged ORG is a PERSON), phrases of the gazetteer or a user dictionary
    spaCy missed are added, and ``entity.actor`` is set where an entity names an actor.
    ``actor_index`` keeps the actor mentions (with person titles and the article's main
    state) for ``resolve_mention``, which the quotes and events stages call.
    """
    if article.doc is None:
        article.actors = []
        article.actor_index = ActorIndex(article=article, mentions=[], main_state=None, entries={})
        return
    gaz = load_gazetteer()
    user = compile_dictionaries(tuple(settings.actor_dictionaries)) \
        if settings.actor_dictionaries else None
    res = Resolver(article, gaz, user)
    res.collect_spans()
    if user is not None:
        res.add_matches(user, replace=True)
    res.add_matches(gaz.names, replace=False)
    named = [(e, i, j) for e, i, j in res.spans
             if e.actor is None and e.label in ACTOR_LABELS and e.label != "PERSON"]
    for ent, i, j in named:
        if ent.label != "ORG":
            res.resolve_named(ent, i, j)
    res.compute_main_state()
    res.relabel_surnames()
    res.relabel_titled_names()
    for ent, i, j in named:
        if ent.label == "ORG" and ent.actor is None:
            res.resolve_named(ent, i, j)
    res.join_short_orgs()
    for ent, i, j in res.spans:
        if ent.label == "PERSON" and ent.actor is None:
            res.resolve_named(ent, i, j)
    res.relabel_city_persons()
    res.compute_main_state()
    res.resolve_persons()
    res.fill_actors()
    article.actor_index = res.build_index()


__all__ = ["resolve_actors"]
