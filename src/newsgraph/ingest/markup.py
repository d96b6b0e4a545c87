"""Small HTML-to-text conversion for feed entries and JSONL fields."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr|section|article|figcaption)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.I | re.S)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_text(markup: str) -> str:
    """Strip tags, keep block boundaries as newlines, one paragraph per line."""
    if "<" not in markup and "&" not in markup:
        return normalise_lines(markup)
    text = _SCRIPT.sub(" ", markup)
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return normalise_lines(text)


def normalise_lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
