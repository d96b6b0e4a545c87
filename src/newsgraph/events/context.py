"""The clause around a trigger: negation, modality, who reports it, and whether an outer
verb already carries the event ("urged Iran to halt attacks" is a request, not an attack)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Article
from .arguments import child, resolve

Token = Any

SPEECH = frozenset({
    "say", "tell", "announce", "claim", "report", "state", "add", "note", "allege", "insist",
    "confirm", "declare", "write", "tweet", "explain", "stress", "assert", "argue", "reveal",
    "disclose", "indicate", "suggest", "acknowledge", "admit", "quote", "post", "maintain",
    "contend", "recount", "testify", "brief", "inform", "mention", "observe", "reiterate",
})
BELIEF = frozenset({"believe", "think", "fear", "suspect", "expect", "predict", "hope", "worry",
                    "speculate", "estimate", "assume", "doubt"})
# outer verbs whose xcomp carries the event ("agreed to restore ties")
PLANNED = frozenset({"agree", "plan", "intend", "decide", "promise", "pledge", "vow", "prepare",
                     "aim", "expect", "schedule", "set", "offer", "propose", "resolve", "vote",
                     "about", "be", "go", "poised", "ready", "due", "scheduled", "commit",
                     "undertake", "determined", "eager", "willing", "agreed", "slated"})
HYPOTHETICAL = frozenset({"try", "attempt", "seek", "want", "hope", "wish", "consider", "need",
                          "likely", "may", "might", "could", "would", "able", "threaten", "mull",
                          "weigh", "unlikely", "struggle", "fear"})
NEGATING = frozenset({"refuse", "decline", "fail", "deny", "reject", "avoid", "stop", "cease",
                      "halt", "unable", "unwilling", "reluctant"})
NEUTRAL = frozenset({"begin", "start", "continue", "resume", "manage", "keep", "proceed",
                     "move", "step", "seem", "appear", "help", "come", "get", "use", "dare"})
OUTER = PLANNED | HYPOTHETICAL | NEGATING | NEUTRAL
MODAL_AUX = {"will": "planned", "shall": "planned", "'ll": "planned", "wo": "planned",
             "would": "hypothetical", "could": "hypothetical", "may": "hypothetical",
             "might": "hypothetical", "should": "hypothetical", "can": "hypothetical",
             "ca": "hypothetical", "must": "hypothetical"}
REPORTED_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently"})
NEGATORS = frozenset({"not", "n't", "never", "no"})


@dataclass(slots=True)
class Context:
    negated: bool = False
    modality: str = "asserted"
    attributed_to: str | None = None
    suppressed: bool = False  # an outer trigger verb carries the event
    threatened_by: Token | None = None  # "threatened to impose sanctions"


def _own(tok: Token, ctx: Context) -> None:
    """Negation and modal auxiliaries on the trigger's own clause."""
    for c in tok.children:
        dep, low = c.dep_, c.lower_
        if dep in ("dobj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            ctx.negated = not ctx.negated  # "held no talks", "no talks were held"
        elif dep in ("nsubj", "nsubjpass") and any(
                g.dep_ in ("preconj", "det", "cc") and g.lower_ == "neither" for g in c.children):
            ctx.negated = not ctx.negated  # "neither X nor Y attacked"
        elif dep == "neg" or (dep == "advmod" and low == "never"):
            ctx.negated = not ctx.negated
        elif dep == "aux" and low in MODAL_AUX and ctx.modality in ("asserted", "reported"):
            ctx.modality = MODAL_AUX[low]
        elif dep == "mark" and low in ("if", "unless", "whether"):
            ctx.modality = "hypothetical"
        elif dep == "advmod" and low in REPORTED_ADVERBS and ctx.modality == "asserted":
            ctx.modality = "reported"


def _speaker(article: Article, verb: Token) -> str | None:
    subj = child(verb, "nsubj")
    if subj is None:
        return None
    arg = resolve(article, subj)
    return arg.actor or arg.text


def clause_context(article: Article, trigger: Token, *, carriers: frozenset[int]) -> Context:
    """Walk from the trigger's clause up through xcomp/ccomp/conj heads.

    ``carriers`` holds token indices of trigger verbs whose event swallows a complement
    clause (requests, threats, rejections, accusations).
    """
    ctx = Context()
    _own(trigger, ctx)
    cur = trigger
    for _ in range(8):
        dep, head = cur.dep_, cur.head
        if head.i == cur.i or dep not in ("xcomp", "ccomp", "conj", "acomp", "advcl", "parataxis", "pcomp"):
            break
        lemma = head.lemma_.lower()
        if dep == "conj":
            if ctx.modality == "asserted" and not ctx.negated:
                _own(head, ctx)  # "will meet and sign": the shared auxiliary
            cur = head
            continue
        if dep == "pcomp" and head.dep_ == "prep":  # "accused Israel of attacking"
            dep, head = "xcomp", head.head
            lemma = head.lemma_.lower()
        if dep == "advcl":
            break
        if head.i in carriers and dep in ("xcomp", "ccomp"):
            ctx.suppressed = True
            return ctx
        if dep in ("ccomp", "parataxis") and lemma in SPEECH:
            if ctx.modality == "asserted":
                ctx.modality = "reported"
            ctx.attributed_to = _speaker(article, head)
            _inherit_negation(head, ctx)
            break
        if dep == "ccomp" and lemma in BELIEF:
            ctx.modality = "hypothetical"
        elif dep in ("xcomp", "acomp", "pcomp"):
            _outer(head, lemma, ctx)
        cur = head
    _sentence_attribution(article, trigger, ctx)
    return ctx


def _inherit_negation(head: Token, ctx: Context) -> None:
    if any(c.dep_ == "neg" for c in head.children):
        ctx.negated = not ctx.negated


def _outer(head: Token, lemma: str, ctx: Context) -> None:
    if lemma == "threaten":
        ctx.threatened_by = head
    elif lemma in NEGATING:
        ctx.negated = not ctx.negated
    elif lemma in HYPOTHETICAL and ctx.modality in ("asserted", "reported", "planned"):
        ctx.modality = "hypothetical"
    elif lemma in PLANNED and ctx.modality in ("asserted", "reported"):
        ctx.modality = "planned"
    before = ctx.modality
    _own(head, ctx)
    if before == "planned" and ctx.modality == "asserted":
        ctx.modality = before


def _sentence_attribution(article: Article, trigger: Token, ctx: Context) -> None:
    """"..., according to X" and quotes found by the quotes stage."""
    sent = trigger.sent
    for tok in sent:
        if tok.lower_ == "according":
            to = child(tok, "prep")
            obj = child(to, "pobj") if to is not None else None
            if obj is not None:
                arg = resolve(article, obj)
                ctx.attributed_to = ctx.attributed_to or arg.actor or arg.text
                if ctx.modality == "asserted":
                    ctx.modality = "reported"
            break
    if ctx.attributed_to is None and article.quotes:
        pos = article.span(trigger.idx, trigger.idx)[0]
        for quote in article.quotes:
            if not quote.direct and quote.text.lower().startswith("to "):
                continue  # "refused to meet X": an intention, not reported speech
            if quote.start <= pos < quote.end:
                ctx.attributed_to = quote.speaker or quote.speaker_text
                if ctx.modality == "asserted":
                    ctx.modality = "reported"
                break
