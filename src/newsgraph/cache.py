"""Indexes built once and kept on disk, so a process start reads each with one load.

A loader (the place gazetteer, the actor gazetteer) calls :func:`load_cached` with the files
its index is built from. The cache file name carries a hash of those files (data tables and
the building code) plus any ``extra`` tag (a dependency's version), so editing a table or
upgrading a dependency builds a new index; nothing has to be invalidated by hand.

Where: ``$NEWSGRAPH_CACHE``, else ``$XDG_CACHE_HOME/newsgraph``, else ``~/.cache/newsgraph``.
The files are pickles written by this package into the user's own cache directory (the same
trust as the installed code). When the directory is not writable the index is built in memory
on every start, with one warning saying so. ``newsgraph prepare`` builds every index ahead
of time (``make install`` runs it), so no first analyze pays for it.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
FORMAT = 1  # bump when the cache layout itself changes
KEEP = 3  # newest cache files kept per index (worktrees with other data may share the folder)


def cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsgraph"


def cache_file(name: str, inputs: Iterable[Path], *, extra: str = "") -> Path:
    """The cache path for index ``name`` built from ``inputs`` (hashed by content)."""
    digest = hashlib.sha1(f"{FORMAT}|{sys.version_info[:2]}|{extra}".encode())
    for path in inputs:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return cache_dir() / f"{name}-{digest.hexdigest()[:12]}.pickle"


def load_cached(name: str, inputs: Iterable[Path], build: Callable[[], T], *,
                extra: str = "", announce: str | None = None) -> T:
    """The index ``name``: read from its cache file, or built with ``build()`` and cached.

    ``announce`` describes a slow build; it is logged once (a warning, so it shows on
    stderr) before building, so a first run never stalls silently.
    """
    path = cache_file(name, inputs, extra=extra)
    if path.exists():
        try:
            value: T = _read(path)
            return value
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                TypeError, ValueError) as err:
            log.warning("rebuilding the %s index: cannot read %s (%s)", name, path, err)
    started = time.perf_counter()
    if announce:
        log.warning("building the %s (once; cached in %s)...", announce, path.parent)
    value = build()
    _write(path, value)
    log.info("%s index built in %.1fs", name, time.perf_counter() - started)
    return value


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _read(path: Path) -> Any:
    enabled = gc.isenabled()
    gc.disable()  # many small containers: the collector would run dozens of times for nothing
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own file in the user's cache directory
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp.name).chmod(0o644)
        os.replace(tmp.name, path)  # atomic: a concurrent process never reads half a file
    except OSError as err:
        log.warning("could not cache an index in %s (%s); it is rebuilt on each run",
                    path.parent, err)
        return
    _prune(path)


def _prune(current: Path) -> None:
    """Keep the newest few cache files of this index; remove older ones."""
    prefix = current.name.rsplit("-", 1)[0]
    others = sorted(current.parent.glob(f"{prefix}-*.pickle"), key=_mtime, reverse=True)
    for old in others[KEEP:]:
        if old != current:
            old.unlink(missing_ok=True)
