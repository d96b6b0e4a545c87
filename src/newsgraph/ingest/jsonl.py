"""JSON Lines exports: one source per line, field names configurable."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from ..errors import InputError
from ..model import Source
from ..settings import Settings
from .markup import html_to_text

log = logging.getLogger(__name__)


def looks_like_jsonl(head: str) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), "")
    return first.lstrip().startswith("{")


def read_jsonl(text: str, *, uri: str, settings: Settings) -> Iterator[Source]:
    """Yield a Source per JSON line; a bad line is logged and skipped."""
    from ..dates import parse_published

    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            log.warning(InputError.make("E105", source=uri, line=n, detail=err.msg))
            continue
        if not isinstance(record, dict):
            log.warning(InputError.make("E105", source=uri, line=n, detail="not an object"))
            continue
        body = _first(record, settings.jsonl_text)
        if not isinstance(body, str) or not body.strip():
            log.warning(InputError.make("E109", source=uri, line=n,
                                        fields="/".join(settings.jsonl_text)))
            continue
        raw_date = _first(record, settings.jsonl_published)
        title = _first(record, settings.jsonl_title)
        yield Source(
            uri=str(_first(record, settings.jsonl_url) or f"{uri}#{n}"),
            format="jsonl",
            text=html_to_text(body),
            title=title.strip() if isinstance(title, str) and title.strip() else None,
            published=parse_published(str(raw_date)) if raw_date else None,
            author=record.get("author") if isinstance(record.get("author"), str) else None,
        )


def _first(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        if record.get(name) not in (None, ""):
            return record[name]
    return None
