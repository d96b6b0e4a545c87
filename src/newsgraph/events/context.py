"""The clause around a trigger: negation, modality, who reports it, and whether an outer
verb already carries the event ("urged Iran to halt attacks" is a request, not an attack).

Who reports an event is not re-derived here: it comes from the quotes stage's results on
the article (``article.quotes``, ``article.attributions``), so an event and the quote it
sits in name the same speaker. The clause walk only decides the modality."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Article, Attribution, Quote
from ..spans import SpanIndex
from .arguments import child

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


@dataclass(frozen=True, slots=True)
class Reporting:
    """The quotes stage's results on an article, indexed by span (:func:`reporting_index`)."""
    quotes: SpanIndex[Quote]
    attributions: SpanIndex[Attribution]


def reporting_index(article: Article) -> Reporting:
    """Quotes that report speech ("refused to meet X" is an intention, left out) and
    attribution phrases of the article, by span."""
    return Reporting(
        SpanIndex((q.start, q.end, q) for q in article.quotes
                  if q.direct or not q.text.lower().startswith("to ")),
        SpanIndex((a.start, a.end, a) for a in article.attributions))


def clause_context(article: Article, trigger: Token, *, carriers: frozenset[int],
                   reporting: Reporting | None = None) -> Context:
    """Walk from the trigger's clause up through xcomp/ccomp/conj heads.

    ``carriers`` holds token indices of trigger verbs whose event swallows a complement
    clause (requests, threats, rejections, accusations). ``reporting`` is
    :func:`reporting_index` of the article, for callers with many triggers.
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
            _inherit_negation(head, ctx)
            break
        if dep == "ccomp" and lemma in BELIEF:
            ctx.modality = "hypothetical"
        elif dep in ("xcomp", "acomp", "pcomp"):
            _outer(head, lemma, ctx)
        cur = head
    _sentence_attribution(article, trigger, ctx,
                          reporting if reporting is not None else reporting_index(article))
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


def _sentence_attribution(article: Article, trigger: Token, ctx: Context,
                          reporting: Reporting) -> None:
    """Who reports the trigger, from the quotes stage: the speaker of the innermost quote
    holding it (its actor, else its words; a quote without a speaker still makes it
    reported), else the source of an attribution in its sentence ("..., according to X",
    "citing X"). Either makes an asserted event reported.
    """
    pos = article.span(trigger.idx, trigger.idx)[0]
    quote = min(reporting.quotes.containing(pos), key=lambda q: q.end - q.start, default=None)
    if quote is not None:  # the innermost quote holding the trigger
        ctx.attributed_to = quote.speaker or quote.speaker_text
    else:
        sent = trigger.sent
        s0, s1 = article.span(sent.start_char, sent.end_char)
        source = next((a for a in reporting.attributions.starting_in(s0, s1) if a.end <= s1), None)
        if source is None:
            return
        ctx.attributed_to = source.actor or source.source
    if ctx.modality == "asserted":
        ctx.modality = "reported"

