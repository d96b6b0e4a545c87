"""Reported speech and source attributions, from the dependency parse.

- ``X said (that) <clause>`` and ``<clause>, X said``: the clause (the speech verb's
  ``ccomp``) is an indirect quote; a participle (``..., saying that``) takes the
  subject of the clause it hangs on. Belief and finding verbs (``believes``, ``a poll
  shows that``) report their ``ccomp`` too; speech, belief and intention verbs report a
  ``to ...`` ``xcomp`` (``wants to``, ``vowed to``). ``it was reported that ...`` is
  reported content with no source.
- ``<clause>, added IRNA.`` / ``<clause>, state media reported.`` when the parser
  misses the ``ccomp``: a sentence ending in a comma, a short noun phrase and a
  speech verb.
- ``X criticized the deal as ...`` / ``X called for a repeal``: a verb listed in
  ``data/content_cues.tsv`` reports the noun phrase it takes (object or preposition object);
  a listed noun reports its "that" clause, its owner as source (``X's claim that ...``).
- ``according to X``: X is an attribution; the rest of the sentence is what X reports.
- ``citing X``, ``quoting X``, ``(as) reported by X``, ``X reported``,
  ``X said in a statement``: X is an attribution.
"""

from __future__ import annotations

from typing import Any

import functools

from .lexicon import content_cues, is_quote_mark, is_speech, speech_verbs, tokens_with, verb_kind
from ..spans import SpanIndex
from .speakers import Found, noun_phrase, subject_of, trim

STATEMENT_NOUNS = frozenset({"statement", "report", "interview", "release", "communique",
                             "communiqué", "letter", "tweet", "post", "briefing", "email"})
_NP_OK = ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON")


@functools.lru_cache(maxsize=1)
def _all_lemmas() -> frozenset[str]:
    return speech_verbs("speech") | speech_verbs("report") | speech_verbs("belief") \
        | speech_verbs("intent")


def _index(quotes: list[Found]) -> SpanIndex[Found]:
    return SpanIndex((q.start, q.end, q) for q in quotes)


def _covered(start: int, end: int, direct: SpanIndex[Found], *, share: float = 0.8) -> bool:
    """True when direct quotes cover at least ``share`` of ``[start, end)``."""
    return end > start and direct.covered(start, end) >= share * (end - start)


def _in_quote(i: int, direct: SpanIndex[Found]) -> bool:
    return bool(direct.containing(i))


def _span_chars(span: Any | None) -> tuple[int, int] | None:
    return (span.start_char, span.end_char) if span is not None and len(span) else None


def _clause(verb: Any, kind: str | None) -> Any | None:
    """The reported clause: the verb's ``ccomp`` (not for intentions), else a ``to ...``
    ``xcomp`` (``wants to ...``, ``vowed to ...``; not for labels or reports)."""
    comp = None if kind == "intent" else next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is None and kind in ("speech", "belief", "intent"):
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                     and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)
    if comp is None:
        return None
    span = trim(verb.doc[comp.left_edge.i:comp.right_edge.i + 1])
    return span if len(span) >= 2 else None


def _skip_time(doc: Any, i: int, end: int) -> int:
    """Skip ``Monday`` / ``on Tuesday`` after a cue verb."""
    while i < end and (doc[i].ent_type_ in ("DATE", "TIME") or doc[i].lower_ == "on"
                       and i + 1 < end and doc[i + 1].ent_type_ in ("DATE", "TIME")):
        i += 1
    return i


def _tail(verb: Any) -> tuple[Any, Any] | None:
    """``<clause>, said X.`` / ``<clause>, X said.`` at a sentence end, or mid-sentence
    between commas (``... usually full, Tompkins said, on game days``): (content, speaker).

    The content is the clause before the comma at a sentence end, else the whole sentence.
    """
    sent, doc = verb.sent, verb.doc
    end = sent.end
    while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if verb.i - 1 > sent.start and doc[verb.i - 1].text == ",":  # ", said X"
        comma = verb.i - 1
        stop = next((t.i for t in doc[verb.i + 1:end] if t.text == ","), end)
        np_, group_end = doc[verb.i + 1:stop], stop
    else:  # ", X said"
        comma = next((t.i for t in reversed(doc[max(sent.start, verb.i - 7):verb.i]) if t.text == ","),
                     None)
        if comma is None:
            return None
        np_, group_end = doc[comma + 1:verb.i], _skip_time(doc, verb.i + 1, end)
    if group_end == end:
        content = trim(doc[sent.start:comma])
    elif doc[group_end].text == "," and group_end + 2 < end:
        content = trim(doc[sent.start:sent.end])
    else:
        return None
    if not 0 < len(np_) <= 6 or comma - sent.start < 4 or not all(
            t.pos_ in _NP_OK or t.text in ("-", "'s", "’s", ".") for t in np_):
        return None
    return content, trim(np_)


def _impersonal(verb: Any) -> bool:
    """``it was reported / is believed that ...``: reported content with no source named."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def indirect_quotes(doc: Any, direct: list[Found]) -> list[Found]:
    """Reported clauses of speech verbs outside direct quotes (local offsets)."""
    found, inside = [], _index(direct)
    for i in tokens_with(doc, _all_lemmas()):
        verb = doc[i]
        kind = verb_kind(verb)
        if kind not in ("speech", "report", "belief", "intent") or _in_quote(verb.idx, inside):
            continue
        clause, speaker = _clause(verb, kind), None
        if clause is not None:
            speaker = subject_of(verb)
        elif kind != "intent" and (tail := _tail(verb)) is not None:
            clause, speaker = tail
        if clause is None or speaker is None and not _impersonal(verb):
            continue
        if _covered(clause.start_char, clause.end_char, inside):
            continue
        found.append(Found(clause.start_char, clause.end_char, _span_chars(speaker), verb.text,
                           False, verb.i))
    return found


_OBJECT_TAIL = ("dobj", "oprd", "xcomp", "ccomp")


def _object_content(verb: Any, slots: frozenset[str]) -> Any | None:
    """The noun phrase a content verb takes: its object (with a following ``as``/``for``
    phrase: ``attacked her opponent as a fraud``) or the object of a listed preposition."""
    doc = verb.doc
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is not None and slots & {"dobj", "label"}:
        end = obj.right_edge.i
        for c in verb.rights:
            if c.i > obj.i and (c.dep_ in _OBJECT_TAIL or c.dep_ == "prep" and c.lower_ in ("as", "for")):
                end = max(end, c.right_edge.i)
        if "dobj" in slots or end > obj.right_edge.i:
            return trim(doc[obj.left_edge.i:end + 1])
    for prep in verb.rights:
        if prep.dep_ in ("prep", "prt") and f"prep:{prep.lower_}" in slots:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.i < prep.i and prep.lower_ not in ("of", "about") \
                    or pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
                continue  # "called the envoy on Monday"; "accused X of ..." is fine
            if pobj is not None:  # "called on Congress to act": the verb's clause goes along
                end = max([pobj.right_edge.i] + [c.right_edge.i for c in verb.rights
                                                 if c.i > pobj.i and c.dep_ in ("xcomp", "ccomp")])
                return trim(doc[pobj.left_edge.i:end + 1])
    return None


def _noun_content(noun: Any) -> tuple[Any | None, Any | None]:
    """``X's claim that <clause>``: (the clause from "that", X's phrase) or (None, None)."""
    owner = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if owner is None:
        return None, None
    for c in noun.rights:
        if c.dep_ in ("acl", "relcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
            return trim(noun.doc[c.left_edge.i:c.right_edge.i + 1]), noun_phrase(owner)
    return None, None


def object_quotes(doc: Any, taken: list[Found]) -> list[Found]:
    """Noun-phrase contents of the verbs in ``data/content_cues.tsv`` (local offsets).

    Skips verbs inside a quote and verbs whose clause is already a found quote.
    """
    cues = content_cues()
    used = {f.cue_i for f in taken if f.cue_i is not None and not f.direct}
    found, inside = [], _index(taken)
    for i in tokens_with(doc, frozenset(cues)):
        verb = doc[i]
        slots = cues[verb.lemma_.lower()]
        if i in used or _in_quote(verb.idx, inside):
            continue
        if verb.pos_ == "NOUN" and "noun" in slots:
            content, speaker = _noun_content(verb)
        elif verb.pos_ == "VERB":
            content, speaker = _object_content(verb, slots), subject_of(verb)
        else:
            continue
        if content is None or not len(content) or _covered(content.start_char, content.end_char, inside):
            continue
        if speaker is None:
            continue
        found.append(Found(content.start_char, content.end_char, _span_chars(speaker), verb.text,
                           False, verb.i))
    return found


def _according(doc: Any) -> list[tuple[Any, Any, Any]]:
    """``according to X``: (X phrase, the "according" token, the PP's last token)."""
    hits = []
    for i in tokens_with(doc, frozenset({"according"}), attr="LOWER"):
        tok = doc[i]
        if i + 1 >= len(doc) or doc[i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((t for t in doc[to.i + 1:to.i + 6] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        phrase = noun_phrase(pobj, lo=to.i + 1) if pobj is not None else None
        if phrase is not None:
            hits.append((phrase, tok, doc[phrase.end - 1]))
    return hits


def according_quotes(doc: Any, direct: list[Found]) -> tuple[list[Found], list[Any]]:
    """Quotes reported "according to X" (content: the rest of the sentence) and the X phrases."""
    found, sources, inside = [], [], _index(direct)
    for phrase, first, last in _according(doc):
        sources.append(phrase)
        sent = first.sent
        left, right = trim(doc[sent.start:first.i]), trim(doc[last.i + 1:sent.end])
        content = left if len(left) > len(right) else right
        if len(content) < 3 or _covered(content.start_char, content.end_char, inside):
            continue
        found.append(Found(content.start_char, content.end_char, _span_chars(phrase),
                           "according to", False, first.i))
    return found, sources


def attribution_phrases(doc: Any, quotes: list[Found]) -> list[Any]:
    """Source phrases of ``citing X``, ``reported by X``, ``X reported``, ``X said in a statement``."""
    phrases = []
    for i in tokens_with(doc, frozenset({"cite", "quote", "report"})):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if lemma in ("cite", "quote") and tok.tag_ == "VBG":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                phrases.append(noun_phrase(obj))
        if lemma == "report" and tok.pos_ == "VERB":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                phrases.append(noun_phrase(pobj))
    by_cue = {q.cue_i: q for q in quotes if q.cue_i is not None and q.speaker is not None}
    for i, quote in by_cue.items():
        verb = doc[i]
        if quote.speaker is not None and (verb_kind(verb) == "report" or _in_statement(verb)):
            span = doc.char_span(quote.speaker[0], quote.speaker[1], alignment_mode="expand")
            phrases.append(span)
    return [p for p in phrases if p is not None and len(p) and not is_quote_mark(p[0])]


def _in_statement(verb: Any) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "via"):
            if any(c.dep_ == "pobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in prep.children):
                return True
    return False
