"""``newsgraph bench``: the full pipeline beside bare spaCy ``nlp.pipe`` on the same texts."""

from __future__ import annotations

import platform
import resource
import sys
import time
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from . import ingest
from .core import analyze_sources, split_source
from .model import Source
from .nlp import load_model
from .settings import Settings


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(paths: list[str], *, output: Path | None, repeat: int = 3,
              settings: Settings | None = None, scale_workers: int = 0) -> int:
    """Time both on the same corpus in one process, twice each, alternating; keep the best."""
    settings = settings or Settings()
    corpus = paths or [str(resources.files("newsgraph").joinpath("data/demo"))]
    sources = list(ingest.read(corpus, settings=settings)) * repeat
    texts = [a.text[: settings.max_chars] for s in sources for a in split_source(s)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_model(settings.model)
    list(nlp.pipe(texts[:8]))  # warm up the model, then every stage's data (gazetteer, lexicons)
    list(analyze_sources(_fresh(sources[:3]), settings=settings))
    rss_before = _peak_rss_mb()
    bare, full = [], []
    for _ in range(3):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        n_articles = sum(1 for _ in analyze_sources(_fresh(sources), settings=settings))
        full.append(time.perf_counter() - started)
    result = {
        "articles": n_articles, "words": words,
        "bare_s": min(bare), "full_s": min(full),
        "bare_wps": words / min(bare), "full_wps": words / min(full),
        "full_aps": n_articles / min(full), "bare_aps": len(texts) / min(bare),
        "ratio": min(bare) / min(full), "peak_rss_mb": _peak_rss_mb(), "rss_after_load_mb": rss_before,
    }
    report = render(result, corpus, repeat, settings)
    if scale_workers:
        report += _bench_scale(corpus, repeat, settings, scale_workers)
    print(report)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    return 0


def _fresh(sources: list[Source]) -> list[Source]:
    return [Source(s.uri, s.format, s.text, s.title, s.published, s.author, s.language) for s in sources]


def render(r: dict, corpus: list[str], repeat: int, settings: Settings) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    names = ", ".join(Path(c).name for c in corpus)
    return "\n".join([
        "# Performance", "",
        f"Measured by `newsgraph bench` on {now}: {platform.machine()}, Python {platform.python_version()},",
        f"model `{settings.model}`, batch size {settings.batch_size}, one process. Corpus: {names}",
        f"repeated {repeat}x ({r['articles']} articles, {r['words']:,} words). Both runs happen in the same",
        "process, alternating three times; the best time of each is kept, since the machine is shared and noisy.", "",
        "| run | seconds | articles/s | words/s |", "| --- | --- | --- | --- |",
        f"| bare spaCy `nlp.pipe` (full sm pipeline) | {r['bare_s']:.2f} | {r['bare_aps']:.1f} | {r['bare_wps']:,.0f} |",
        f"| newsgraph full pipeline (ingest excluded) | {r['full_s']:.2f} | {r['full_aps']:.1f} | {r['full_wps']:,.0f} |",
        "",
        f"**Full pipeline speed = {r['ratio']:.2f}x bare spaCy** (target >= 0.7x).", "",
        f"Peak resident memory: {r['peak_rss_mb']:.0f} MB (after model load: {r['rss_after_load_mb']:.0f} MB).", "",
        "Rerun: `newsgraph bench [PATH...] [--repeat N]` (default corpus: the bundled demo).", "",
    ])


def _bench_scale(corpus: list[str], repeat: int, settings: Settings, workers: int) -> str:
    """Single process vs Dask with ``workers`` processes on ``repeat`` copies of the corpus files.

    Both runs include their own start-up (model and gazetteer loads in every process), as
    a user running either would see it.
    """
    import shutil
    import subprocess
    import tempfile

    from .scale import run_dask

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        for n in range(repeat):
            for m, src in enumerate(corpus):
                dest = root / f"copy{n}" / f"in{m}"
                if Path(src).is_dir():
                    shutil.copytree(src, dest)
                else:
                    dest.mkdir(parents=True)
                    shutil.copy(src, dest)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "newsgraph", "analyze", str(root), "-o",
                               str(Path(tmp) / "single.jsonl")], capture_output=True)
        single = time.perf_counter() - started
        n_single = sum(1 for _ in open(Path(tmp) / "single.jsonl", encoding="utf-8")) \
            if done.returncode == 0 else 0
        result = run_dask([root], out_dir=Path(tmp) / "shards", settings=settings,
                          n_workers=workers, partitions=2 * workers)
        peak = max((p.peak_rss_mb or 0) for p in result.partitions)
    return "\n".join([
        "", "## Dask", "",
        f"`newsgraph bench --scale {workers}`: the corpus files copied {repeat}x, whole runs including "
        "start-up (each process loads the model and gazetteers).", "",
        "| run | seconds | articles | articles/s |", "| --- | --- | --- | --- |",
        f"| single process (`newsgraph analyze`) | {single:.1f} | {n_single} | {n_single / single:.1f} |",
        f"| Dask, {workers} worker processes | {result.seconds:.1f} | {result.articles} | "
        f"{result.articles / result.seconds:.1f} |", "",
        f"Peak resident memory per Dask worker: {peak:.0f} MB. Speed-up needs free cores: on a shared "
        "machine the workers compete with everything else.", "",
    ])
