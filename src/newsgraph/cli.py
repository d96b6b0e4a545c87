"""The ``newsgraph`` command: a thin layer over the public API."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import __version__, validate
from .core import analyze_many
from .errors import NewsgraphError, StoreError
from .ingest import ReadStats
from .model import Article
from .pipeline import RunStats
from .settings import Settings
from .store import DEFAULT_PATH, EventQuery, Store, display_name, is_dsn, open_store

log = logging.getLogger("newsgraph")


_JSONL_KEYS = {"text": "jsonl_text", "title": "jsonl_title", "url": "jsonl_url",
               "published": "jsonl_published"}


def _settings(args: argparse.Namespace) -> Settings:
    fields: dict[str, tuple[str, ...]] = {}
    for item in args.jsonl_field or ():
        key, _, names = item.partition("=")
        if key not in _JSONL_KEYS or not names:
            raise SystemExit(f"newsgraph: --jsonl-field wants KEY=NAME[,NAME] with KEY in "
                             f"{', '.join(_JSONL_KEYS)}; got {item!r}")
        fields[_JSONL_KEYS[key]] = tuple(n.strip() for n in names.split(",") if n.strip())
    if args.max_input_mb <= 0:
        raise SystemExit(f"newsgraph: --max-input-mb wants a positive number; got {args.max_input_mb}")
    return Settings(batch_size=args.batch_size, max_input_bytes=int(args.max_input_mb * 1_000_000),
                    actor_dictionaries=tuple(Path(p) for p in args.actors or ()),
                    default_date=args.date, strict=args.strict, **fields)


def cmd_analyze(args: argparse.Namespace) -> int:
    stats, read_stats = RunStats(), ReadStats()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for article in analyze_many(args.paths, settings=_settings(args), stats=stats,
                                    read_stats=read_stats):
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return _finish(stats, read_stats)


def cmd_ingest(args: argparse.Namespace) -> int:
    stats, read_stats = RunStats(), ReadStats()
    store = open_store(args.db)
    try:
        articles = analyze_many(args.paths, settings=_settings(args), stats=stats,
                                read_stats=read_stats)
        result = store.load(_progress(articles, quiet=args.quiet, paths=args.paths,
                                      read_stats=read_stats), batch_size=args.commit_every)
        print(f"{display_name(args.db)}: {plural(result.added, 'article')} added, "
              f"{result.skipped:,} already stored"
              + (f", {plural(result.replaced, 'earlier article')} of re-read sources replaced"
                 if result.replaced else ""), file=sys.stderr)
        if args.summary:
            print_summary(store.summary(), store)
    finally:
        store.close()
    return _finish(stats, read_stats)


def _progress(articles: Iterator[Article], *, quiet: bool, paths: list[str],
              read_stats: ReadStats) -> Iterator[Article]:
    """A progress bar over the inputs (count, rate, ETA) on a terminal; silent in a pipe."""
    if quiet or not sys.stderr.isatty():
        yield from articles
        return
    from tqdm import tqdm

    from .ingest import count_inputs

    with tqdm(total=count_inputs(paths), unit=" inputs", file=sys.stderr, dynamic_ncols=True,
              desc="analyzing") as bar:
        n = 0
        for n, article in enumerate(articles, start=1):
            bar.update(max(0, read_stats.files - 1 - bar.n))  # inputs finished so far
            bar.set_postfix_str(plural(n, "article"), refresh=False)
            yield article
        bar.update(max(0, read_stats.files - bar.n))


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``0 articles``."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def _finish(stats: RunStats, read_stats: ReadStats) -> int:
    print(f"{plural(read_stats.files, 'input')}, {plural(stats.sources, 'source')}, "
          f"{plural(stats.articles, 'article')} ({plural(stats.duplicates, 'near-duplicate')}), "
          f"{read_stats.failed:,} {'input' if read_stats.failed == 1 else 'inputs'} failed, "
          f"{plural(stats.stage_errors, 'stage error')}", file=sys.stderr)
    return 1 if read_stats.sources == 0 and read_stats.failed else 0


def _open_existing(db: str) -> Any:
    """Open a store for reading: a missing SQLite file is an error, never a new empty store."""
    if not is_dsn(db) and not Path(db).exists():
        raise StoreError.make("E404", path=db)
    return open_store(db)


def cmd_search(args: argparse.Namespace) -> int:
    store = _open_existing(args.db)
    for row in store.search(args.query, limit=args.limit):
        print(f"{row['id']}  {row['published'] or '':10}  {row['title'] or '(untitled)'}\n"
              f"    {row['snippet']}")
    store.close()
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    store = _open_existing(args.db)
    query = EventQuery(actor=args.actor, source=args.source, target=args.target,
                       category=args.category, since=args.since, until=args.until, limit=args.limit,
                       min_confidence=args.min_confidence, mentions=args.mentions)
    rows = store.events(query)
    store.close()
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    for row in rows:
        print(_event_line(row))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .events.explain import explain, render

    print(render(explain(args.text, settings=Settings(default_date=args.date)), sentence=args.sentence),
          end="")
    return 0


def _event_line(row: dict) -> str:
    neg = " NOT" if row["negated"] else ""
    mod = "" if row["modality"] == "asserted" else f" ({row['modality']})"
    told = f"  [told {row['mentions']} times]" if row.get("mentions", 1) > 1 else ""
    return (f"{row['when_'] or '?':10}  {row['category']:9}{neg} {row['source'] or '?'} -> "
            f"{row['target'] or '?'}{mod}{told}\n    \"{' '.join(row['sentence'].split())}\"")


def cmd_pairs(args: argparse.Namespace) -> int:
    store = _open_existing(args.db)
    noun = "event" if args.mentions else "happening"
    width = len(noun) + 1
    if args.source and args.target:
        for row in store.timeline(args.source, args.target, mentions=args.mentions):
            print(f"{row['period']}  {row['events']:4d} {_noun(row['events'], noun):{width}}"
                  f"  mean intensity {row['mean_intensity']}")
    else:
        for row in store.pairs(limit=args.limit, mentions=args.mentions):
            print(f"{row['source']:>14} -> {row['target']:<14} {row['events']:4d} {_noun(row['events'], noun):{width}}"
                  f"  mean intensity {row['mean_intensity']}")
    store.close()
    return 0


def _noun(n: int, noun: str) -> str:
    return noun if n == 1 else noun + "s"


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_csv, export_jsonl, export_parquet

    store = _open_existing(args.db)
    try:
        if args.format == "parquet":
            if not args.output:
                raise SystemExit("parquet export needs -o FILE")
            n = export_parquet(store, Path(args.output), mentions=args.mentions)
        else:
            out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
            n = (export_jsonl(store, out) if args.format == "jsonl"
                 else export_csv(store, out, mentions=args.mentions))
            if out is not sys.stdout:
                out.close()
    finally:
        store.close()
    what = "article" if args.format == "jsonl" else "event" if args.mentions else "happening"
    print(f"exported {plural(n, what)}", file=sys.stderr)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    store = _open_existing(args.db)
    print_summary(store.summary(mentions=args.mentions), store)
    store.close()
    return 0


def print_summary(summary: dict, store: Store) -> None:
    """A readable overview of what a store holds."""
    print(f"\n{plural(summary['articles'], 'article')} ({plural(summary['duplicates'], 'near-duplicate')}), "
          f"{plural(summary['actors'], 'actor')}, {plural(summary['events'], 'event')} "
          f"telling {plural(summary['happenings'], 'happening')}, "
          f"{plural(summary['quotes'], 'quote')}, {plural(summary['places'], 'place')}\n")
    counted = summary.get("counted", "happenings")
    print("Happenings by category:" if counted == "happenings" else "Events by category (every mention):")
    for category, n in summary["by_category"].items():
        print(f"  {category:10} {n}")
    print("\nMost mentioned actors:")
    for row in summary["top_actors"]:
        print(f"  {row['id']:22} {row['name'][:30]:30} {row['country'] or '':4} {row['mentions']}")
    print("\nTop actor pairs (source -> target):")
    for row in summary["top_pairs"]:
        print(f"  {row['source']} -> {row['target']}: "
              f"{plural(row['events'], 'happening' if counted == 'happenings' else 'event')}, "
              f"mean intensity {row['mean_intensity']}")
    print("\nSome events with their evidence (most confident, one per category):")
    rows = [r for r in store.events(EventQuery(limit=10_000)) if r["source"] and r["target"]]
    rows.sort(key=lambda r: -(r["confidence"] or 0))
    shown: dict[str, dict] = {}
    for row in rows:
        shown.setdefault(row["category"], row)
    for row in sorted(shown.values(), key=lambda r: r["when_"] or "")[:8]:
        print("  " + _event_line(row).replace("\n", "\n  "))


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation.run import run_evaluation

    return run_evaluation(args.eval_dir and Path(args.eval_dir), output=Path(args.output), only=args.only,
                          check=args.check, limit=args.limit)


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    return run_bench(args.paths, output=Path(args.output) if args.output else None,
                     repeat=args.repeat, settings=_settings(args), scale_workers=args.scale)


def cmd_prepare(args: argparse.Namespace) -> int:
    """Build the cached indexes now (``make install`` runs this), so no first run waits."""
    from .actors.gazetteer import load_gazetteer as load_actors
    from .cache import cache_dir
    from .nlp import load_model
    from .places import load_gazetteer as load_places

    places = load_places()
    load_actors()
    load_model(Settings().model)
    print(f"ready: {len(places):,} places and the actor gazetteer cached in {cache_dir()}; "
          "spaCy model loads", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .api import serve

    serve(args.db if is_dsn(args.db) else Path(args.db), host=args.host, port=args.port)
    return 0


def cmd_scale(args: argparse.Namespace) -> int:
    from .scale import load_shards, run_dask

    result = run_dask(args.paths, out_dir=Path(args.out), settings=_settings(args),
                      partitions=args.partitions, scheduler=args.scheduler,
                      n_workers=args.workers)
    print(f"{args.out}: {len(result.partitions)} partitions ({result.skipped} already done), "
          f"{result.articles} articles, {result.events} events in {result.seconds:.1f} s",
          file=sys.stderr)
    if args.db:
        store = open_store(args.db)
        try:
            loaded = load_shards(Path(args.out), store)
        finally:
            store.close()
        print(f"{display_name(args.db)}: {loaded.added} articles added, {loaded.skipped} already stored",
              file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from importlib import resources

    demo = resources.files("newsgraph").joinpath("data/demo")
    args.paths = [str(demo)]
    args.summary = True
    code = cmd_ingest(args)
    print(dashboard_hint(args.db), file=sys.stderr)
    return code


def dashboard_hint(db: str) -> str:
    """How to open ``db`` in the dashboard, and how to install the api extra if it is missing."""
    from importlib.util import find_spec

    command = sys.argv[0] if Path(sys.argv[0]).name == "newsgraph" else "newsgraph"
    hint = f"Browse it in the dashboard: {command} serve --db {db}, then open http://127.0.0.1:8000/"
    if find_spec("fastapi") is None or find_spec("uvicorn") is None:
        hint += "\n  (first install the api extra: pip install 'newsgraph[api]')"
    return hint


def _checked(check: Callable[[str], str]) -> Callable[[str], str]:
    """An argparse ``type`` that shows the message of a :mod:`newsgraph.validate` check."""

    def parse(value: str) -> str:
        try:
            return check(value)
        except ValueError as err:
            raise argparse.ArgumentTypeError(str(err)) from None

    return parse


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import output_schema

    text = json.dumps(output_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgraph", description=(
        "Turn raw news (text dumps, HTML, RSS/Atom, JSONL) into event data with evidence."))
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def run_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--actors", action="append", metavar="FILE",
                       help="user actor dictionary (CSV/TSV/JSON); repeatable")
        p.add_argument("--date", type=_checked(validate.iso_date),
                       help="publication date to assume where a source has none (YYYY-MM-DD)")
        p.add_argument("--batch-size", type=int, default=32)
        p.add_argument("--max-input-mb", type=float, default=Settings().max_input_bytes / 1_000_000,
                       metavar="MB", help="refuse inputs larger than this, after decompression "
                                          "(default: %(default)g)")
        p.add_argument("--jsonl-field", action="append", metavar="KEY=NAME[,NAME]",
                       help="JSONL field names to read, e.g. text=body or published=date,time")
        p.add_argument("--strict", action="store_true",
                       help="stop at the first stage error (exit 2) instead of recording it "
                            "in the article's errors and going on")

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=str(DEFAULT_PATH), help="store: a SQLite file (default: %(default)s) or a postgresql:// DSN")

    p = sub.add_parser("analyze", help="print one JSON object per article (CONTRACT.md); no store")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    p.add_argument("-o", "--output", help="write JSON Lines here instead of stdout")
    run_options(p)
    p.set_defaults(fn=cmd_analyze)

    p = sub.add_parser("ingest", help="analyze inputs and store them (idempotent)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--summary", action="store_true", help="print a summary of the store afterwards")
    p.add_argument("--commit-every", type=int, default=100, help="articles per transaction")
    db_option(p)
    run_options(p)
    p.set_defaults(fn=cmd_ingest)

    p = sub.add_parser("demo", help="ingest the bundled demo corpus and print a summary")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--commit-every", type=int, default=100)
    db_option(p)
    run_options(p)
    p.set_defaults(fn=cmd_demo)

    p = sub.add_parser("scale", help="analyze on Dask into JSON Lines shards, optionally load a store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", required=True, help="folder for the shards (re-runs skip finished ones)")
    p.add_argument("--db", help="load the shards into this SQLite store afterwards")
    p.add_argument("--partitions", type=int)
    p.add_argument("--workers", type=int)
    p.add_argument("--scheduler", choices=("processes", "threads", "synchronous"), default="processes")
    run_options(p)
    p.set_defaults(fn=cmd_scale)

    p = sub.add_parser("search", help="full-text search of stored articles")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    db_option(p)
    p.set_defaults(fn=cmd_search)

    p = sub.add_parser("events", help="list stored events with their evidence sentence")
    p.add_argument("--actor", type=_checked(validate.actor_id),
                   help="actor id on either side (e.g. USA, vladimir-putin)")
    p.add_argument("--source", type=_checked(validate.actor_id))
    p.add_argument("--target", type=_checked(validate.actor_id))
    p.add_argument("--category", type=_checked(validate.category), help="PLOVER category, e.g. SANCTION")
    p.add_argument("--since", type=_checked(validate.iso_date), help="YYYY[-MM[-DD]]")
    p.add_argument("--until", type=_checked(validate.iso_date), help="YYYY[-MM[-DD]]")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--min-confidence", type=float, metavar="X",
                   help="only events with confidence >= X (0-1; see docs/quality.md for precision by band)")
    p.add_argument("--json", action="store_true", help="JSON Lines output")
    p.add_argument("--mentions", action="store_true",
                   help="count (or list) every event mention, not each happening once")
    db_option(p)
    p.set_defaults(fn=cmd_events)

    p = sub.add_parser("explain", help="per sentence: parse, actors, each candidate trigger and why, events")
    p.add_argument("text", metavar="TEXT_OR_FILE")
    p.add_argument("--sentence", type=int, metavar="N", help="only sentence N (0-based)")
    p.add_argument("--date", help="publication date to assume where the text has none")
    p.set_defaults(fn=cmd_explain)

    p = sub.add_parser("pairs", help="top actor pairs, or one pair's timeline with --source/--target")
    p.add_argument("--source", type=_checked(validate.actor_id))
    p.add_argument("--target", type=_checked(validate.actor_id))
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--mentions", action="store_true",
                   help="count (or list) every event mention, not each happening once")
    db_option(p)
    p.set_defaults(fn=cmd_pairs)

    p = sub.add_parser("summary", help="what the store holds")
    p.add_argument("--mentions", action="store_true",
                   help="count (or list) every event mention, not each happening once")
    db_option(p)
    p.set_defaults(fn=cmd_summary)

    p = sub.add_parser("export", help="export the store: jsonl (articles), csv or parquet (events)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("-o", "--output")
    p.add_argument("--mentions", action="store_true",
                   help="csv/parquet: every event mention, not one row per happening")
    db_option(p)
    p.set_defaults(fn=cmd_export)

    p = sub.add_parser("prepare", help="build the gazetteer caches now (make install runs it)")
    p.set_defaults(fn=cmd_prepare)

    p = sub.add_parser("serve", help="REST API (OpenAPI at /docs) over a store")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    db_option(p)
    p.set_defaults(fn=cmd_serve)

    p = sub.add_parser("schema", help="print the JSON Schema of analyze output (docs/output.md)")
    p.add_argument("-o", "--output", help="write it to this file instead of stdout")
    p.set_defaults(fn=cmd_schema)

    p = sub.add_parser("evaluate", help="score the pipeline on the gold sets; writes docs/quality.md")
    p.add_argument("--eval-dir", help="the gold sets (default: $NEWSGRAPH_EVAL_DIR, else "
                   "../shared/eval beside the checkout)")
    p.add_argument("--output", default="docs/quality.md")
    p.add_argument("--only", action="append", help="run only this set (repeatable)")
    p.add_argument("--limit", type=int, help="at most N items per set (quick look)")
    p.add_argument("--check", action="store_true", help="fail when a score is below its floor")
    p.set_defaults(fn=cmd_evaluate)

    p = sub.add_parser("bench", help="articles/s and words/s beside bare spaCy; writes docs/performance.md")
    p.add_argument("paths", nargs="*", metavar="PATH", help="corpus (default: the demo corpus)")
    p.add_argument("--output", default="docs/performance.md")
    p.add_argument("--repeat", type=int, default=3, help="how many times to repeat the corpus")
    p.add_argument("--scale", type=int, default=0, metavar="WORKERS",
                   help="also time the Dask path with this many worker processes")
    run_options(p)
    p.set_defaults(fn=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="newsgraph: %(message)s", stream=sys.stderr)
    try:
        return args.fn(args)
    except NewsgraphError as err:
        print(f"newsgraph: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
