"""HTML page -> article body text plus title, date, author and language.

Built on trafilatura; works offline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura

log = logging.getLogger(__name__)


@dataclass(slots=True)
class HtmlPage:
    """The article a page holds: body text (paragraphs split by "\\n") and metadata."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    language: str | None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, then declared charset, then UTF-8, then a detector guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    match = _META_CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            log.debug("unknown declared charset %r", match.group(1))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def extract_html(html: str, *, url: str | None = None) -> HtmlPage | None:
    """Extract the article of an HTML page; None when the page has no article text."""
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, with_metadata=True
    )
    if doc is None or not (doc.text or "").strip():
        return None
    return HtmlPage(
        text=doc.text.strip(),
        title=doc.title,
        published=doc.date,
        author=doc.author,
        language=doc.language,
    )


def looks_like_html(head: str) -> bool:
    """True when the start of a decoded file looks like an HTML page."""
    lowered = head.lstrip("\ufeff \t\r\n").lower()
    return lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:2048]
