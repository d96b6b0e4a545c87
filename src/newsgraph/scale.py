"""Run the pipeline on Dask: input files -> partitions -> ``analyze_many`` -> JSONL shards -> store.

::

    result = run_dask(["news/"], out_dir=Path("shards"), settings=Settings(), n_workers=2)
    with_store = load_shards(Path("shards"), open_store("news.sqlite"))

Each partition is a group of whole input files (balanced by bytes; a file is never split,
so one huge dump is one task). One Dask task per partition reads and analyzes its files with
:func:`newsgraph.core.analyze_many` and streams the articles, one CONTRACT.md JSON object a
line, into ``out_dir/part-NNNNN.jsonl``. Memory per worker is the model and gazetteers, one
source and one analysis batch, plus the small per-partition dedup/story state; never the
corpus. The spaCy model is loaded once per worker process (``nlp.load_model`` is cached per
process, and worker processes serve many tasks).

A shard is written to ``part-NNNNN.jsonl.tmp`` and renamed when complete, so a crash never
leaves a half shard under the final name. ``out_dir/manifest.json`` records which files (path,
size, mtime) went into which shard; a re-run skips every shard that exists and whose files are
unchanged, and redoes the others. Stdin (``-``) is not an input here.

The ``processes`` scheduler starts workers with ``spawn``: call :func:`run_dask` from a module
or from a script under ``if __name__ == "__main__":`` (not from ``python -`` on stdin).

The store is the only writer: the driver loads shards afterwards with :func:`load_shards`,
which rebuilds each article with :meth:`Article.from_dict` and calls the store's ``load()``.

Not done across partitions: near-duplicate marking (``duplicate_of``), story grouping
(``story``) and happening linking (``events[].happening``) only see the articles of their
own partition. Exact repeats still share an id
(ids come from content alone), so the store keeps one copy.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, NewsgraphError
from .model import Article
from .settings import Settings
from .store import LoadResult, Store

log = logging.getLogger(__name__)

__all__ = ["InputFile", "PartitionResult", "ScaleResult", "list_inputs",
           "load_shards", "plan_partitions", "read_shard", "run_dask"]

MANIFEST = "manifest.json"
_TARGET_BYTES = 8 * 1024 * 1024  # default partition size when ``partitions`` is not given


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    size: int
    mtime_ns: int = 0


@dataclass(slots=True)
class PartitionResult:
    """What one task did: its shard, how many articles and events, its worker's peak memory."""

    shard: str
    files: int
    articles: int
    events: int
    seconds: float
    skipped: bool = False  # the shard was already complete (the counts below are then None)
    failed_files: int | None = None  # inputs that could not be read (logged by the worker)
    stage_errors: int | None = None
    duplicates: int | None = None  # near-duplicates found within this partition
    pid: int | None = None
    peak_rss_mb: float | None = None  # peak resident memory of the worker process so far


@dataclass(slots=True)
class ScaleResult:
    out_dir: Path
    partitions: list[PartitionResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return sum(p.articles for p in self.partitions)

    @property
    def events(self) -> int:
        return sum(p.events for p in self.partitions)

    @property
    def skipped(self) -> int:
        return sum(p.skipped for p in self.partitions)

    @property
    def shards(self) -> list[Path]:
        return [self.out_dir / p.shard for p in self.partitions]


# -- planning -------------------------------------------------------------------------
def list_inputs(paths: Iterable[str | Path]) -> list[InputFile]:
    """Every input file under ``paths``, as ingest reads them (folders recursive, no dot-files)."""
    found: list[InputFile] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            children = (c for c in sorted(p.rglob("*")) if c.is_file()
                        and not any(part.startswith(".") for part in c.relative_to(p).parts))
            found.extend(_input_file(c) for c in children)
        elif p.is_file():
            found.append(_input_file(p))
        else:
            log.error("%s", InputError.make("E101", source=path))
    return found


def _input_file(path: Path) -> InputFile:
    stat = path.stat()
    return InputFile(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def plan_partitions(files: list[InputFile], *, partitions: int) -> list[list[InputFile]]:
    """Group files into at most ``partitions`` groups of similar total size.

    Largest file first into the lightest group; each group keeps input order, so the
    plan (and the shard names) is the same on every run over the same files.
    """
    count = max(1, min(partitions, len(files)))
    groups: list[list[int]] = [[] for _ in range(count)]
    loads = [0] * count
    for index in sorted(range(len(files)), key=lambda i: (-files[i].size, i)):
        lightest = min(range(count), key=lambda g: (loads[g], g))
        groups[lightest].append(index)
        loads[lightest] += files[index].size
    plan = [[files[i] for i in sorted(group)] for group in groups if group]
    return sorted(plan, key=lambda group: files.index(group[0]))


def _default_partitions(files: list[InputFile], workers: int) -> int:
    total = sum(f.size for f in files)
    return max(workers * 2, -(-total // _TARGET_BYTES))


# -- one partition (runs in a worker) --------------------------------------------------
def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _analyze_partition(files: list[InputFile], shard: str, out_dir: str,
                       settings: Settings) -> PartitionResult:
    """Analyze one partition's files into ``out_dir/shard`` (written whole or not at all)."""
    from .core import analyze_many
    from .ingest import ReadStats
    from .pipeline import RunStats

    started = time.perf_counter()
    run_stats, read_stats = RunStats(), ReadStats()
    final = Path(out_dir) / shard
    tmp = final.with_name(final.name + ".tmp")
    articles = events = 0
    with tmp.open("w", encoding="utf-8") as out:
        for article in analyze_many([f.path for f in files], settings=settings, stats=run_stats,
                                    read_stats=read_stats):
            out.write(json.dumps(article.to_dict(), ensure_ascii=False))
            out.write("\n")
            articles += 1
            events += len(article.events)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, final)
    return PartitionResult(shard=shard, files=len(files), articles=articles, events=events,
                           seconds=round(time.perf_counter() - started, 3),
                           failed_files=read_stats.failed, stage_errors=run_stats.stage_errors,
                           duplicates=run_stats.duplicates, pid=os.getpid(),
                           peak_rss_mb=_peak_rss_mb())


def _skipped_partition(files: list[InputFile], shard: Path) -> PartitionResult:
    articles = events = 0
    for doc in read_shard(shard):
        articles += 1
        events += len(doc.get("events", ()))
    return PartitionResult(shard=shard.name, files=len(files), articles=articles, events=events,
                           seconds=0.0, skipped=True)


# -- driver ----------------------------------------------------------------------------
def run_dask(paths: Iterable[str | Path], *, out_dir: Path, settings: Settings,
             partitions: int | None = None, scheduler: str = "processes",
             n_workers: int | None = None) -> ScaleResult:
    """Analyze every input under ``paths`` with Dask, one JSON Lines shard per partition.

    Args:
        paths: files and folders (folders are read recursively, like ``ingest.read``).
        out_dir: where ``part-NNNNN.jsonl`` shards and ``manifest.json`` go (created).
        settings: the analysis settings, passed to every worker.
        partitions: how many shards; default: enough for about 8 MB each, at least
            two per worker.
        scheduler: a Dask scheduler name: ``processes``, ``threads`` or ``synchronous``.
        n_workers: worker processes or threads (Dask's default: one per CPU).

    Returns:
        a :class:`ScaleResult` with one :class:`PartitionResult` per shard, in shard order.

    Raises:
        NewsgraphError: when Dask is not installed.

    Example::

        >>> result = run_dask(["news/"], out_dir=Path("shards"), settings=Settings(), n_workers=2)
        >>> result.articles, result.skipped
    """
    dask = _import_dask()
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = list_inputs(paths)
    workers = n_workers or os.cpu_count() or 1
    plan = plan_partitions(files, partitions=partitions or _default_partitions(files, workers))
    names = [f"part-{n:05d}.jsonl" for n in range(len(plan))]
    done = _complete_shards(out_dir, dict(zip(names, plan)))
    _write_manifest(out_dir, dict(zip(names, plan)), keep=done)
    tasks = [dask.delayed(_analyze_partition)(group, name, str(out_dir), settings,
                                              dask_key_name=f"newsgraph-{name}")
             for name, group in zip(names, plan) if name not in done]
    log.info("%d files in %d partitions; %d shards already complete", len(files), len(plan),
             len(done))
    # one task per submission: Dask's process pool would otherwise hand a worker six at a time
    options = {"chunksize": 1} if scheduler == "processes" else {}
    computed = (dask.compute(*tasks, scheduler=scheduler, num_workers=n_workers, **options)
                if tasks else ())
    by_shard = {r.shard: r for r in computed}
    by_shard.update({name: _skipped_partition(plan[names.index(name)], out_dir / name)
                     for name in done})
    return ScaleResult(out_dir=out_dir, partitions=[by_shard[name] for name in names],
                       seconds=round(time.perf_counter() - started, 3))


def _import_dask() -> Any:
    try:
        import dask
    except ImportError as err:
        raise NewsgraphError("E501 Dask is not installed. Run: pip install 'newsgraph[scale]'",
                             code="E501") from err
    return dask


def _complete_shards(out_dir: Path, plan: dict[str, list[InputFile]]) -> set[str]:
    """Shards already written for exactly the same files (path, size and mtime)."""
    manifest = out_dir / MANIFEST
    if not manifest.exists():
        return set()
    try:
        before = json.loads(manifest.read_text("utf-8")).get("shards", {})
    except (json.JSONDecodeError, AttributeError):
        log.warning("%s is not a valid manifest; every shard is redone", manifest)
        return set()
    return {name for name, group in plan.items()
            if (out_dir / name).exists() and before.get(name) == [asdict(f) for f in group]}


def _write_manifest(out_dir: Path, plan: dict[str, list[InputFile]], *, keep: set[str]) -> None:
    """Remove every shard not in ``keep`` (and leftover temp files), then record ``plan``."""
    for stale in out_dir.glob("part-*.jsonl*"):
        if stale.name not in keep:
            stale.unlink()
    doc = {"schema": 1, "shards": {name: [asdict(f) for f in group] for name, group in plan.items()}}
    tmp = out_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    os.replace(tmp, out_dir / MANIFEST)


# -- loading shards into the store ------------------------------------------------------
def read_shard(path: Path) -> Iterator[dict[str, Any]]:
    """The CONTRACT.md objects of one shard, one at a time."""
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load_shards(out_dir: Path, store: Store, *, batch_size: int = 100) -> LoadResult:
    """Load every complete shard in ``out_dir`` into ``store``, streaming, in shard order.

    Articles already in the store (same id) are skipped by the store, so loading twice,
    or loading overlapping shards, adds nothing.
    """
    shards = sorted(Path(out_dir).glob("part-*.jsonl"))
    articles = (Article.from_dict(doc) for shard in shards for doc in read_shard(shard))
    return store.load(articles, batch_size=batch_size)
