"""``newsgraph explain``: why each sentence got the events it got.

Per sentence: the parse (word, part of speech, dependency and head), the actors named in
it, every candidate trigger with the rule that fired or the reason it was rejected, and
the final events. Runs the same stages as ``analyze`` and keeps the parse for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Event
from ..settings import Settings
from .extract import ArticleState, Candidate, article_events
from .lexicon import load_lexicon
from .triggers import NON_EVENT_ENTITIES, NOUN_POS, VERB_POS
from .when import reference_date


@dataclass(slots=True)
class SentenceReport:
    index: int
    text: str
    parse: list[str]
    actors: list[str]
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def _articles(text_or_path: str, settings: Settings) -> list[Article]:
    from .. import ingest
    from ..core import default_stages, split_source
    from ..nlp import parse

    if _is_file(text_or_path):
        sources = list(ingest.read([Path(text_or_path)], settings=settings))
    else:
        sources = list(ingest.read_text(text_or_path, uri="text:", settings=settings))
    articles = [a for source in sources for a in split_source(source)]
    for article in articles:
        if settings.default_date and not article.published:
            article.published = settings.default_date
    stages = [st for st in default_stages() if st.name != "extract_events"]
    out = []
    for article in parse(articles, settings=settings):
        for st in stages:
            st(article, settings=settings)
        out.append(article)
    return out


def _is_file(text_or_path: str) -> bool:
    """Whether the argument names a file (a long one-line text is no path: the system
    refuses names over 255 bytes with an error rather than False)."""
    if "\n" in text_or_path or len(text_or_path) >= 4096:
        return False
    try:
        return Path(text_or_path).is_file()
    except OSError:  # ENAMETOOLONG and the like: a text, not a path
        return False


def explain(text_or_path: str, *, settings: Settings | None = None) -> list[tuple[Article, list[SentenceReport]]]:
    """Sentence reports for each article of a text or file (see the module docstring)."""
    settings = settings or Settings()
    out = []
    for article in _articles(text_or_path, settings):
        state = ArticleState(reference=reference_date(article), trace=[])
        events = article_events(article, state)
        out.append((article, _reports(article, state.trace or [], events)))
        article.doc = None
    return out


def _reports(article: Article, trace: list[Candidate], events: list[Event]) -> list[SentenceReport]:
    lex = load_lexicon()
    reports = []
    for n, sent in enumerate(article.doc.sents):
        start, end = article.span(sent.start_char, sent.end_char)
        report = SentenceReport(n, sent.text, _parse(sent), _actors(article, start, end))
        report.candidates = [c for c in trace if sent.start <= c.index < sent.end]
        seen = {c.index for c in report.candidates}
        report.candidates += [_unmatched(t, lex) for t in sent if t.i not in seen and _in_lexicon(t, lex)]
        report.candidates.sort(key=lambda c: c.index)
        report.events = [e for e in events if start <= e.trigger.start < end]
        reports.append(report)
    return reports


def _parse(sent: Any) -> list[str]:
    return [f"{t.i - sent.start}:{t.text}/{t.pos_}/{t.dep_}>{t.head.i - sent.start}" for t in sent]


def _actors(article: Article, start: int, end: int) -> list[str]:
    return [f"{e.text}={e.actor}" for e in article.entities
            if start <= e.start < end and e.actor is not None]


def _in_lexicon(tok: Any, lex: Any) -> bool:
    lemma = tok.lemma_.lower()
    return (tok.pos_ in VERB_POS and lemma in lex.verbs) or (tok.pos_ in NOUN_POS and lemma in lex.nouns)


def _unmatched(tok: Any, lex: Any) -> Candidate:
    if tok.pos_ in NOUN_POS and tok.dep_ == "compound":
        reason = "a noun modifying another noun, not an event"
    elif tok.pos_ in NOUN_POS and tok.ent_type_ in NON_EVENT_ENTITIES:
        reason = f"inside a {tok.ent_type_} expression"
    else:
        reason = "in the lexicon, but no pattern fits its particles, object or frame"
    return Candidate(tok.text, tok.i, f"lemma:{tok.lemma_.lower()}", None, reason)


def render(reports: list[tuple[Article, list[SentenceReport]]], *, sentence: int | None = None) -> str:
    """The plain-text report ``newsgraph explain`` prints."""
    lines = []
    for article, sents in reports:
        lines.append(f"article {article.id}: {article.title or article.text[:60]!r}")
        for r in sents:
            if sentence is not None and r.index != sentence:
                continue
            lines += ["", f"[{r.index}] {' '.join(r.text.split())}",
                      "  parse:  " + "  ".join(r.parse),
                      "  actors: " + (", ".join(r.actors) or "-")]
            for c in r.candidates:
                verdict = "EVENT" if c.verdict == "event" else f"rejected: {c.verdict}"
                lines.append(f"  trigger {c.word!r} ({c.pattern}, {c.category or '-'}): {verdict}")
            for e in r.events:
                lines.append(f"  => {e.category} {e.source or '-'} -> {e.target or '-'}  "
                             f"mode={e.modality}{' NEGATED' if e.negated else ''}  "
                             f"date={e.date or '-'}  place={e.place or '-'}  conf={e.confidence}")
    return "\n".join(lines) + "\n"
