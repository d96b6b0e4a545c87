"""events-news-dev: PLOVER events in real news, scored sentence by sentence.

The definitions are those of the set's reference scorer (``score.py`` beside ``gold.jsonl``,
rules in its ``GUIDE.md``); ``tests/evaluation/test_events_news.py`` checks that both give the
same numbers on the same predictions. Each gold article is written to ``<id>.txt`` and read
by the same path as ``newsgraph analyze DIR``, so the dump segmenter runs as it does for a user.

- A predicted event belongs to the gold sentence its evidence span overlaps most.
- category: (sentence, category) pairs, precision / recall / F1.
- event: a gold event is found when a predicted event in its sentence has its category and
  a source and a target that match (``actor_matches``); predicted events that split one
  compound gold actor count once.
- mode and negation agreement over the found events ("planned" counts as "future").

Run: ``python -m newsgraph.evaluation.events_news [EVAL_DIR] [--pred analyzed.jsonl]``.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..settings import require_eval_dir
from .gold import read_gold
from .metrics import f1, ratio

Row = dict[str, Any]

ORG_ALIASES = {
    "un": "united nations", "eu": "european union", "nato": "north atlantic treaty organization",
    "iaea": "international atomic energy agency", "au": "african union",
    "who": "world health organization", "icc": "international criminal court",
    "imf": "international monetary fund", "opec": "opec", "is": "islamic state",
    "isis": "islamic state", "isil": "islamic state", "ecowas": "ecowas", "asean": "asean",
    "gcc": "gulf cooperation council", "icrc": "red cross", "unhcr": "unhcr", "e3": "e3",
    "g7": "g7", "g20": "g20", "hts": "hayat tahrir al-sham", "sdf": "syrian democratic forces",
}
_STATE_ID = re.compile(r"[A-Z]{3}(-[A-Z]+)?")


def norm(text: str | None) -> str:
    """Lower case, punctuation and "the/of/for/and" dropped, spaces squeezed."""
    text = re.sub(r"[^a-z0-9 ]+", " ", (text or "").lower().replace("-", " "))
    text = re.sub(r"\b(the|of|for|and)\b", " ", text)
    return " ".join(text.split())


def org_key(text: str | None) -> str:
    n = norm(text)
    return norm(ORG_ALIASES.get(n.replace(" ", ""), n))


def org_matches(gold_org: str, name: str | None, actor_id: str) -> bool:
    """Same organisation: equal keys, one a word prefix of the other, or Jaccard >= 0.5."""
    g = org_key(gold_org)
    if not g:
        return False
    for cand in (name, actor_id):
        c = org_key(cand)
        if not c:
            continue
        if c == g or c.startswith(g + " ") or g.startswith(c + " "):
            return True
        gt, ct = set(g.split()), set(c.split())
        if gt and ct and len(gt & ct) / len(gt | ct) >= 0.5:
            return True
    return False


def actor_matches(gold: Row | None, pred_id: str | None, actors: dict[str, Row]) -> bool:
    """Whether a predicted actor id stands for a gold actor (GUIDE.md, "Scoring")."""
    if gold is None or pred_id is None:
        return gold is None and pred_id is None
    actor = actors.get(pred_id, {})
    country = actor.get("country") or (pred_id[:3] if _STATE_ID.fullmatch(pred_id) else None)
    if country and country in (gold.get("countries") or []):
        return True
    if gold.get("org"):
        return org_matches(gold["org"], actor.get("name"), pred_id)
    if not gold.get("countries"):
        words = set(norm(gold.get("text")).split())
        return country is None or bool(words & set(norm(actor.get("name") or pred_id).split()))
    return False


def sentence_of(event: Row, sentences: list[Row]) -> int | None:
    """The gold sentence the event's evidence overlaps most (None: no overlap)."""
    best, idx = 0, None
    for i, s in enumerate(sentences):
        overlap = min(event["end"], s["end"]) - max(event["start"], s["start"])
        if overlap > best:
            best, idx = overlap, i
    return idx


def prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, Any]:
    """P/R/F1 as score.py: precision counts matched predictions, recall found gold events
    (they differ when predictions split one gold event)."""
    p, r = ratio(tp_p, n_pred), ratio(tp_r, n_gold)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1(p, r), 3),
            "pred": n_pred, "gold": n_gold}


def same_event(pred: Row, gold: Row, actors: dict[str, Row]) -> bool:
    return (pred["category"] == gold["category"]
            and actor_matches(gold["source"], pred.get("source"), actors)
            and actor_matches(gold["target"], pred.get("target"), actors))


def mode_agrees(gold: Row, pred: Row) -> bool:
    gm, pm = gold.get("mode", "asserted"), pred.get("modality", "asserted")
    return gm == pm or (gm == "future" and pm == "planned")


class _Tally:
    def __init__(self) -> None:
        self.n = Counter[str]()
        self.per_cat: dict[str, Counter[str]] = defaultdict(Counter)

    def sentence(self, preds: list[Row], golds: list[Row], actors: dict[str, Row]) -> None:
        n = self.n
        pc, gc = {e["category"] for e in preds}, {e["category"] for e in golds}
        n["cat_pred"] += len(pc)
        n["cat_gold"] += len(gc)
        n["cat_tp"] += len(pc & gc)
        for c in gc:
            self.per_cat[c]["gold"] += 1
            self.per_cat[c]["tp"] += c in pc
        for c in pc:
            self.per_cat[c]["pred"] += 1
        n["ev_gold"] += len(golds)
        for ge in golds:
            hit = next((p for p in preds if same_event(p, ge, actors)), None)
            if hit is not None:
                n["found"] += 1
                n["mode_ok"] += mode_agrees(ge, hit)
                n["neg_ok"] += bool(ge.get("negated")) == bool(hit.get("negated"))
        matched: set[int] = set()
        for p in preds:
            m = next((k for k, ge in enumerate(golds) if same_event(p, ge, actors)), None)
            if m is None:
                n["ev_pred"] += 1
            elif m not in matched:
                matched.add(m)
                n["ev_pred"] += 1
                n["ev_tp_p"] += 1

    def result(self) -> dict[str, Any]:
        n, found = self.n, self.n["found"]
        res: dict[str, Any] = {
            "category": prf(n["cat_tp"], n["cat_pred"], n["cat_tp"], n["cat_gold"]),
            "event": prf(n["ev_tp_p"], n["ev_pred"], found, n["ev_gold"]),
            "mode_agreement": round(n["mode_ok"] / found, 3) if found else 0.0,
            "negation_agreement": round(n["neg_ok"] / found, 3) if found else 0.0,
            "per_category_f1": {}}
        for c, k in sorted(self.per_cat.items()):
            res["per_category_f1"][c] = prf(k["tp"], k["pred"], k["tp"], k["gold"])["f1"]
        return res


def align(gold: Row, articles: list[Row]) -> tuple[dict[int, list[Row]], dict[int, list[Row]],
                                                    dict[str, Row]]:
    """Predicted and gold events of one gold article by sentence, and the actors by id."""
    actors = {a["id"]: a for art in articles for a in art.get("actors", [])}
    preds: dict[int, list[Row]] = defaultdict(list)
    for art in articles:
        for e in art.get("events", []):
            i = sentence_of(e, gold["sentences"])
            if i is not None:
                preds[i].append(e)
    golds: dict[int, list[Row]] = defaultdict(list)
    for e in gold["events"]:
        golds[e["sentence"]].append(e)
    return preds, golds, actors


def score(gold_rows: list[Row], pred_by_id: dict[str, list[Row]]) -> dict[str, Any]:
    """Scores of predictions (newsgraph JSON objects grouped by gold id) against the gold."""
    tally = _Tally()
    for gold in gold_rows:
        preds, golds, actors = align(gold, pred_by_id.get(gold["id"], []))
        for i in set(preds) | set(golds):
            tally.sentence(preds[i], golds[i], actors)
    return tally.result()


def gold_id(article: Row) -> str:
    """The gold id of an analyzed article: its source file's name without ``.txt``."""
    name = Path(article["source"]["uri"].split("#")[0]).name
    return name[:-4] if name.endswith(".txt") else name


def group_predictions(articles: list[Row]) -> dict[str, list[Row]]:
    by: dict[str, list[Row]] = defaultdict(list)
    for article in articles:
        by[gold_id(article)].append(article)
    return by


def predict(gold_rows: list[Row]) -> list[Row]:
    """Analyze each gold text as ``<id>.txt`` with the whole pipeline; JSON objects."""
    from ..core import analyze_many

    with tempfile.TemporaryDirectory(prefix="events-news-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for row in gold_rows:
            (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
        return [a.to_dict() for a in analyze_many([folder])]


def confidence_bands(gold_rows: list[Row], articles: list[Row],
                     edges: tuple[float, ...] = (0.0, 0.4, 0.55, 0.7)) -> dict[str, Any]:
    """Event precision by confidence band: the share of predicted events in each band that
    match a gold event of their sentence (same category, source and target)."""
    by_id = group_predictions(articles)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for gold in gold_rows:
        preds, golds, actors = align(gold, by_id.get(gold["id"], []))
        for i, events in preds.items():
            for e in events:
                band = _band(float(e.get("confidence") or 0.0), edges)
                total[band] += 1
                hits[band] += any(same_event(e, ge, actors) for ge in golds[i])
    return {band: {"precision": round(hits[band] / total[band], 3), "events": total[band]}
            for band in sorted(total)}


def _band(value: float, edges: tuple[float, ...]) -> str:
    lo = max(e for e in edges if e <= value) if value >= edges[0] else edges[0]
    above = [e for e in edges if e > lo]
    return f"{lo:.2f}-{above[0]:.2f}" if above else f">={lo:.2f}"


def evaluate_events_news(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline on ``events-news-dev`` (see the module docstring).

    Returns: ``category`` and ``event`` P/R/F1 with counts, ``mode_agreement``,
    ``negation_agreement``, ``per_category_f1`` and ``precision_by_confidence``.
    """
    gold_rows = read_gold(path, limit=limit)
    articles = predict(gold_rows)
    res = score(gold_rows, group_predictions(articles))
    res["precision_by_confidence"] = confidence_bands(gold_rows, articles)
    return res


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[0]) if argv and not argv[0].startswith("--") else None
    folder = require_eval_dir(eval_dir) / "events-news-dev"
    if "--pred" in argv:
        pred_path = Path(argv[argv.index("--pred") + 1])
        rows = [json.loads(x) for x in pred_path.read_text("utf-8").splitlines() if x.strip()]
        res = score(read_gold(folder), group_predictions(rows))
    else:
        res = evaluate_events_news(folder)
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
