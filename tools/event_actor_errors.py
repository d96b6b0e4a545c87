"""List the actor errors of events whose category newsgraph finds, grouped by cause.

For each gold event of ``events-news-dev`` whose category is predicted in its sentence but
that no predicted event matches fully (category + source + target), print the gold source
and target beside ours, classified by cause ("person without country", "missing target",
"reporter as source", ...). Counts first, then the examples of each cause.

    PYTHONPATH=src python tools/event_actor_errors.py [--pred analyzed.jsonl] [--save out.jsonl]
        [--cause NAME] [--eval-dir DIR]

Without ``--pred`` it analyzes the gold texts with the whole pipeline (``--save`` keeps
that output for a faster rerun). A development aid: the causes are heuristics over the
predicted actors, not part of the score.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.evaluation.events_news import actor_matches, align, group_predictions, predict
from newsgraph.evaluation.gold import read_gold
from newsgraph.settings import require_eval_dir

Row = dict[str, Any]


def _country(actor_id: str | None, actors: dict[str, Row]) -> str | None:
    if actor_id is None:
        return None
    a = actors.get(actor_id, {})
    return a.get("country") or (actor_id[:3] if actor_id[:3].isupper() else None)


def side_cause(side: str, gold: Row | None, pred: Row, actors: dict[str, Row]) -> str | None:
    """Why the predicted ``side`` ("source"/"target") does not match the gold one (None: it does)."""
    pid = pred.get(side)
    if actor_matches(gold, pid, actors):
        return None
    if gold is None:
        return f"extra {side}"
    if pid is None:
        return f"missing {side}"
    actor = actors.get(pid, {})
    if side == "source" and pred.get("attributed_to") == pid:
        return "reporter as source"
    if actor.get("kind") == "person" and not actor.get("country"):
        return f"person without country ({side})"
    if gold.get("org") and not gold.get("countries"):
        return f"organisation expected ({side})"
    if not gold.get("countries"):
        return f"unknown-origin actor given a country ({side})"
    return f"wrong country ({side})"


def best_prediction(gold: Row, preds: list[Row], actors: dict[str, Row]) -> tuple[Row, list[str]]:
    """The predicted event of the same category with the fewest mismatching sides."""
    same = [p for p in preds if p["category"] == gold["category"]]
    ranked = []
    for p in same:
        causes = [c for c in (side_cause("source", gold["source"], p, actors),
                              side_cause("target", gold["target"], p, actors)) if c]
        ranked.append((len(causes), causes, p))
    ranked.sort(key=lambda r: r[0])
    return ranked[0][2], ranked[0][1]


def _show(actor: Row | None) -> str:
    if actor is None:
        return "null"
    return f"{actor.get('text')!r} {actor.get('countries') or ''} {actor.get('org') or ''}".strip()


def _ours(pid: str | None, text: str | None, actors: dict[str, Row]) -> str:
    if pid is None:
        return "null"
    a = actors.get(pid, {})
    return f"{pid} [{a.get('kind')}, {a.get('country')}] {text!r}"


def _pair(golds: list[Row], preds: list[Row], actors: dict[str, Row]) -> list[tuple[Row, Row | None, list[str]]]:
    """Each gold event with the predicted event of its category it is compared with: full
    matches first, then the closest remaining prediction (one prediction per gold event)."""
    left = list(preds)
    out: list[tuple[Row, Row | None, list[str]]] = []
    pending = []
    for ge in golds:
        hit = next((p for p in left if p["category"] == ge["category"]
                    and not best_prediction(ge, [p], actors)[1]), None)
        if hit is not None:
            left.remove(hit)
            out.append((ge, hit, []))
        else:
            pending.append(ge)
    for ge in pending:
        same = [p for p in left if p["category"] == ge["category"]]
        if not same:
            same_any = [p for p in preds if p["category"] == ge["category"]]
            out.append((ge, None, ["another event of the category (not extracted)"] if same_any else []))
            continue
        pred, why = best_prediction(ge, same, actors)
        left.remove(pred)
        out.append((ge, pred, why))
    return out


def analyse(gold_rows: list[Row], articles: list[Row]) -> tuple[dict[str, list[str]], dict[str, int]]:
    by_id = group_predictions(articles)
    causes: dict[str, list[str]] = defaultdict(list)
    totals = {"gold": 0, "category found": 0, "full match": 0}
    for gold in gold_rows:
        preds, golds, actors = align(gold, by_id.get(gold["id"], []))
        for i, events in golds.items():
            totals["gold"] += len(events)
            sent = gold["text"][gold["sentences"][i]["start"]:gold["sentences"][i]["end"]]
            found = {p["category"] for p in preds[i]}
            for ge, pred, why in _pair([e for e in events if e["category"] in found], preds[i], actors):
                totals["category found"] += 1
                if not why:
                    totals["full match"] += 1
                    continue
                line = (f"{gold['id']} s{i} {ge['category']} trigger={ge.get('trigger')!r}\n"
                        f"    {' '.join(sent.split())[:300]}\n"
                        f"    gold src {_show(ge['source'])} | tgt {_show(ge['target'])}")
                if pred is not None:
                    line += (f"\n    ours src {_ours(pred.get('source'), pred.get('source_text'), actors)}"
                             f" | tgt {_ours(pred.get('target'), pred.get('target_text'), actors)}"
                             f" | {pred.get('pattern')}")
                for c in why:
                    causes[c].append(line)
    return causes, totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--cause", help="print only causes containing this text")
    ap.add_argument("--eval-dir", type=Path)
    a = ap.parse_args(argv)
    gold_rows = read_gold(require_eval_dir(a.eval_dir) / "events-news-dev")
    if a.pred:
        articles = [json.loads(x) for x in a.pred.read_text("utf-8").splitlines() if x.strip()]
    else:
        articles = predict(gold_rows)
        if a.save:
            a.save.write_text("".join(json.dumps(x) + "\n" for x in articles), "utf-8")
    causes, totals = analyse(gold_rows, articles)
    print(", ".join(f"{k} {v}" for k, v in totals.items()))
    for cause, lines in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(lines):4d}  {cause}")
    for cause, lines in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        if a.cause and a.cause not in cause:
            continue
        print(f"\n== {cause} ({len(lines)})")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
