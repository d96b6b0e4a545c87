"""Read a gold set: the JSON Lines file ``gold.jsonl`` every set in the eval dir holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any


def iter_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The rows of ``gold.jsonl`` (``path`` is the gold folder or the file), blank lines
    skipped, at most ``limit`` of them."""
    file = path / "gold.jsonl" if path.is_dir() else path
    with file.open(encoding="utf-8") as handle:
        yield from islice((json.loads(line) for line in handle if line.strip()), limit)


def read_gold(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """:func:`iter_gold` as a list."""
    return list(iter_gold(path, limit=limit))
