"""Read inputs of any kind into :class:`Source` objects, lazily.

A path may be a file (text, HTML, RSS/Atom, JSONL, any of them gzipped), a
folder (read recursively, format sniffed from content) or ``-`` for stdin.
A source that cannot be read is logged as one line naming it and the problem;
the rest of the run goes on.
"""

from __future__ import annotations

import functools
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, NewsgraphError
from ..model import Source
from ..settings import Settings
from .decode import binary_kind, decode, gunzip
from .feeds import looks_like_feed, read_feed
from .jsonl import looks_like_jsonl, read_jsonl

log = logging.getLogger(__name__)

__all__ = ["ReadStats", "count_inputs", "read", "read_bytes", "read_file", "read_text"]


@dataclass(slots=True)
class ReadStats:
    files: int = 0
    sources: int = 0
    failed: int = 0


def read(paths: Iterable[str | Path], *, settings: Settings | None = None,
         stats: ReadStats | None = None) -> Iterator[Source]:
    """Yield every source found under ``paths``; bad inputs are logged and skipped."""
    settings = settings or Settings()
    stats = stats if stats is not None else ReadStats()
    for path in paths:
        for uri, loader in _expand(path, stats, limit=settings.max_input_bytes):
            stats.files += 1
            try:
                data = loader()
                for source in read_bytes(data, uri=uri, settings=settings):
                    stats.sources += 1
                    yield source
            except NewsgraphError as err:
                stats.failed += 1
                log.error("%s", err)
            except OSError as err:
                stats.failed += 1
                log.error("%s: cannot read (%s)", uri, err.strerror or err)


Loader = Callable[[], bytes]


def _expand(path: str | Path, stats: ReadStats, *, limit: int) -> Iterator[tuple[str, Loader]]:
    if str(path) == "-":
        yield "stdin:", functools.partial(_read_limited, sys.stdin.buffer, "stdin:", limit)
        return
    p = Path(path)
    if p.is_dir():
        yield from _walk(p, stats, limit=limit)
        return
    if not p.exists():
        stats.failed += 1
        log.error("%s", InputError.make("E101", source=path))
        return
    yield p.resolve().as_uri(), functools.partial(read_file, p, limit=limit)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs :func:`read` will open (for a progress total); cheap, reads no file."""
    total = 0
    for path in paths:
        if str(path) != "-" and Path(path).is_dir():
            for _root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(1 for n in names if not n.startswith("."))
        else:
            total += 1
    return total


def _walk(folder: Path, stats: ReadStats, *, limit: int) -> Iterator[tuple[str, Loader]]:
    """The files under ``folder``, sorted, hidden ones left out; an unreadable folder is a line."""

    def unreadable(err: OSError) -> None:
        stats.failed += 1
        name = Path(err.filename).resolve().as_uri() if err.filename else folder.resolve().as_uri()
        log.error("%s", InputError.make("E111", source=name))

    files = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, n) for n in names if not n.startswith("."))
    for child in sorted(files):
        yield child.resolve().as_uri(), functools.partial(read_file, child, limit=limit)


def read_file(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file, refusing pipes, devices and files over ``limit`` bytes.

    Raises:
        InputError: E114 for anything but a regular file (a FIFO would block forever),
            E113 when the file is larger than ``limit``.
    """
    uri = path.resolve().as_uri()
    kind = _not_regular(os.stat(path).st_mode)
    if kind:
        raise InputError.make("E114", source=uri, kind=kind)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)  # it may have been swapped since the stat
        kind = _not_regular(info.st_mode)
        if kind:
            raise InputError.make("E114", source=uri, kind=kind)
        if info.st_size > limit:
            raise InputError.make("E113", source=uri, what="input", limit=_mb(limit))
        return _read_limited(handle, uri, limit)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a regular file"


def _read_limited(handle: BinaryIO, uri: str, limit: int) -> bytes:
    """Read to the end in 1 MB chunks, stopping with E113 past ``limit`` bytes."""
    chunks, size = [], 0
    while chunk := handle.read(1 << 20):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError.make("E113", source=uri, what="input", limit=_mb(limit))
    return b"".join(chunks)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g}"


def read_bytes(data: bytes, *, uri: str, settings: Settings | None = None) -> Iterator[Source]:
    """Sniff, decompress and decode one input's bytes into sources."""
    settings = settings or Settings()
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, uri=uri, limit=settings.max_input_bytes)
    kind = binary_kind(data)
    if kind:
        raise InputError.make("E103", source=uri, kind=kind)
    head = data[:4096].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and b"<head" in head):
        from .html import decode_html

        yield from read_text(decode_html(data), uri=uri, settings=settings)
        return
    yield from read_text(decode(data, uri=uri), uri=uri, settings=settings)


def read_text(text: str, *, uri: str, settings: Settings | None = None) -> Iterator[Source]:
    """Turn decoded text into sources according to its sniffed format."""
    settings = settings or Settings()
    if not text.strip():
        raise InputError.make("E102", source=uri)
    head = text[:4096]
    feed = looks_like_feed(head)
    if feed:
        yield from read_feed(text, uri=uri, kind=feed)
        return
    from .html import extract_html, looks_like_html

    if looks_like_html(head):
        page = extract_html(text, url=uri if uri.startswith("http") else None)
        if page is None or not page.text.strip():
            raise InputError.make("E106", source=uri)
        from ..dates import parse_published

        yield Source(uri=uri, format="html", text=page.text, title=page.title,
                     published=parse_published(page.published) if page.published else None,
                     author=page.author, language=(page.language or "")[:2].lower() or None)
        return
    if looks_like_jsonl(head) and _is_json_object(text):
        yield from read_jsonl(text, uri=uri, settings=settings)
        return
    yield Source(uri=uri, format="text", text=text)


def _is_json_object(text: str) -> bool:
    import json

    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        # a JSONL file whose first line is broken still reads as JSONL if a later line parses
        for line in text.splitlines()[1:20]:
            try:
                return isinstance(json.loads(line), dict)
            except json.JSONDecodeError:
                continue
        return False
