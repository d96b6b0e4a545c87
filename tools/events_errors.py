"""Per-sentence gold vs predicted events on events-news-dev (an analyst's error list).

    python tools/events_errors.py [--pred analyzed.jsonl] [--save analyzed.jsonl]
                                  [--only missed|spurious|all] [--category ACCUSE]

Each sentence with a gold or predicted event is printed with its gold events (category,
trigger, source, target, mode) and its predicted events (category, trigger words, pattern,
source, target, mode); ``-`` marks a category missed, ``+`` one predicted but not in gold.
A summary counts misses and spurious categories by category at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from newsgraph.evaluation.events_news import align, group_predictions, predict, same_event
from newsgraph.evaluation.gold import read_gold
from newsgraph.settings import require_eval_dir


def _actor(gold: dict | None) -> str:
    if gold is None:
        return "-"
    tag = ",".join(gold.get("countries") or []) or gold.get("org") or "?"
    return f"{gold.get('text')}[{tag}]"


def _traces(gold_rows: list[dict]) -> dict[str, list[tuple]]:
    """Every trigger candidate of each gold article: (offset, word, pattern, category, verdict)."""
    from newsgraph.events.explain import _articles, _reports
    from newsgraph.events.extract import ArticleState, article_events
    from newsgraph.events.when import reference_date
    from newsgraph.settings import Settings

    out: dict[str, list[tuple]] = {}
    for gold in gold_rows:
        found = []
        for article in _articles(gold["text"], Settings()):
            state = ArticleState(reference=reference_date(article), trace=[])
            events = article_events(article, state)
            for r in _reports(article, state.trace or [], events):
                for c in r.candidates:
                    tok = article.doc[c.index]
                    lo = article.span(tok.idx, tok.idx)[0]
                    found.append((lo, c.word, c.pattern, c.category, c.verdict))
        out[gold["id"]] = found
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pred")
    ap.add_argument("--save")
    ap.add_argument("--only", default="all", choices=("all", "missed", "spurious", "wrong"))
    ap.add_argument("--category")
    ap.add_argument("--explain", action="store_true", help="print each trigger candidate's fate")
    args = ap.parse_args(argv)
    gold_rows = read_gold(require_eval_dir(None) / "events-news-dev")
    if args.pred:
        rows = [json.loads(x) for x in Path(args.pred).read_text("utf-8").splitlines() if x.strip()]
    else:
        rows = predict(gold_rows)
        if args.save:
            Path(args.save).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    by_id = group_predictions(rows)
    traces = _traces(gold_rows) if args.explain else {}
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for gold in gold_rows:
        preds, golds, actors = align(gold, by_id.get(gold["id"], []))
        text = gold["text"]
        for i in sorted(set(preds) | set(golds)):
            pc = {e["category"] for e in preds[i]}
            gc = {e["category"] for e in golds[i]}
            missed.update(gc - pc)
            spurious.update(pc - gc)
            if args.only == "missed" and not gc - pc:
                continue
            if args.only == "spurious" and not pc - gc:
                continue
            if args.only == "wrong" and not (gc - pc or pc - gc):
                continue
            if args.category and args.category not in (gc ^ pc):
                continue
            s = gold["sentences"][i]
            print(f"== {gold['id']} s{i}: {text[s['start']:s['end']]!r}")
            for g in golds[i]:
                mark = " " if g["category"] in pc else "-"
                hit = any(same_event(p, g, actors) for p in preds[i])
                print(f"  G{mark}{'*' if hit else ' '} {g['category']:9} {g.get('trigger')!r:18} "
                      f"{_actor(g['source'])} -> {_actor(g['target'])} {g.get('mode')}"
                      f"{' NEG' if g.get('negated') else ''}")
            for p in preds[i]:
                mark = " " if p["category"] in gc else "+"
                trig = text[p["trigger"]["start"]:p["trigger"]["end"]] if p.get("trigger") else "?"
                src = p.get("source")
                tgt = p.get("target")
                print(f"  P{mark}  {p['category']:9} {trig!r:18} {src or p.get('source_text')} -> "
                      f"{tgt or p.get('target_text')} {p.get('modality')} {p.get('pattern')}"
                      f"{' NEG' if p.get('negated') else ''} c={p.get('confidence')}")
            for lo, word, pattern, cat, verdict in traces.get(gold["id"], []):
                if s["start"] <= lo < s["end"] and verdict != "event":
                    print(f"  x  {word!r} {pattern} {cat or '-'}: {verdict}")
    print("missed:", dict(missed.most_common()))
    print("spurious:", dict(spurious.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
