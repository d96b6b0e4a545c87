"""RSS 2.0 and Atom feeds: one source per entry (feedparser)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..errors import InputError
from ..model import Source
from .markup import html_to_text

log = logging.getLogger(__name__)


def looks_like_feed(head: str) -> str | None:
    """Return "rss" or "atom" when the text starts like a feed document."""
    probe = head.lstrip()[:2000].lower()
    if not probe.startswith("<"):
        return None
    if "<rss" in probe or "<rdf:rdf" in probe:
        return "rss"
    if "<feed" in probe and "atom" in probe:
        return "atom"
    return None


def read_feed(text: str, *, uri: str, kind: str) -> Iterator[Source]:
    """Yield a Source per feed entry: its content (or summary) as plain text."""
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise InputError.make("E107", source=uri, detail=parsed.get("bozo_exception", "unknown"))
    from ..dates import parse_published

    for n, entry in enumerate(parsed.entries):
        body = _entry_html(entry)
        text_body = html_to_text(body).strip()
        if not text_body:
            log.warning("%s#%d: feed entry has no text; skipped", uri, n)
            continue
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        yield Source(
            uri=entry.get("link") or entry.get("id") or f"{uri}#{n}",
            format=kind,
            text=text_body,
            title=(entry.get("title") or None),
            published=parse_published(raw_date) if raw_date else None,
            author=entry.get("author") or None,
        )


def _entry_html(entry: dict) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary
