"""Score toponym recognition and geocoding on GeoWebNews (Gritta, Pilehvar & Collier 2019).

Each gold article runs through ``parse`` -> ``find_entities`` -> (``resolve_actors`` when it
exists) -> ``geocode``; the system's toponyms are the mention spans of ``article.places``.

Recognition is scored against two gold sets:

* ``place``: mentions of a place as a place, the types Literal, Literal_Modifier, Mixed,
  Coercion, Embedded_Literal and Metonymic (our GPE readings include metonymy: "Moscow said");
* ``toponym``: every type that carries coordinates (adds Non_Literal_Modifier and
  Embedded_Non_Lit, e.g. "Syrian" in "Syrian forces").

A predicted span is a true positive when it matches a still unmatched gold span of the set,
``exact`` (same start and end) or ``overlap`` (any shared character); every other prediction
is a false positive. Gold spans whose text differs from the stated offsets are dropped.

``recall_by_type`` gives, per gold type, the share of spans any prediction overlaps.

Geocoding is scored on the gold toponyms that carry coordinates and that we recognised
(overlap): great-circle error in km, the share within 161 km (100 miles), mean and median
error, and the AUC of Gritta et al. (2018): with errors ``e_1 <= ... <= e_n``,
``AUC = trapz(ln(1 + e_i)) / ((n - 1) * ln(20039))`` -- the area under the curve of sorted
log errors, normalised by the largest possible error (half the Earth's circumference,
20,039 km); 0 is perfect, lower is better.

Example:
    >>> scores = evaluate_geowebnews(Path("../shared/eval/places-geowebnews"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import math
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.model import Article, Source
from newsgraph.evaluation.gold import iter_gold
from newsgraph.evaluation.metrics import prf_from_totals
from newsgraph.settings import Settings, require_eval_dir

log = logging.getLogger(__name__)

GOLD_SET = "places-geowebnews"  # folder under the eval dir
PLACE_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal",
                         "Metonymic"})
TOPONYM_TYPES = PLACE_TYPES | {"Non_Literal_Modifier", "Embedded_Non_Lit"}
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.0088


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    type: str
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class Predicted:
    start: int
    end: int
    lat: float | None
    lon: float | None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_auc(errors: list[float]) -> float | None:
    """Normalised area under the sorted log-error curve (Gritta et al. 2018); lower is better."""
    if not errors:
        return None
    logs = sorted(math.log1p(e) for e in errors)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:]))
    return area / ((len(logs) - 1) * math.log(MAX_ERROR_KM))


def read_gold(path: Path) -> list[tuple[str, str, list[GoldToponym]]]:
    """(id, text, toponyms) per article of ``gold.jsonl`` (``path`` is the file or its folder)."""
    items = []
    for row in iter_gold(path):
        text = row["text"]
        gold = [GoldToponym(t["start"], t["end"], t["type"], t.get("lat"), t.get("lon"))
                for t in row["toponyms"] if text[t["start"]:t["end"]] == t["name"]]
        items.append((row["id"], text, gold))
    return items


def _match(pred: list[Predicted], gold: list[GoldToponym], *,
           exact: bool) -> list[tuple[Predicted, GoldToponym]]:
    """One-to-one matches, each prediction taking the first free gold span it fits."""
    used: set[int] = set()
    pairs = []
    for p in pred:
        for k, g in enumerate(gold):
            if k in used:
                continue
            hit = (p.start == g.start and p.end == g.end) if exact else (p.start < g.end and g.start < p.end)
            if hit:
                used.add(k)
                pairs.append((p, g))
                break
    return pairs


def _geocoding(errors: list[float]) -> dict[str, Any]:
    if not errors:
        return {"n": 0}
    return {"n": len(errors),
            "accuracy_161km": round(sum(e <= 161 for e in errors) / len(errors), 4),
            "mean_km": round(statistics.fmean(errors), 1),
            "median_km": round(statistics.median(errors), 1),
            "auc": round(error_auc(errors) or 0.0, 4)}


def _predict(texts: list[tuple[str, str]], settings: Settings) -> tuple[list[list[Predicted]], dict[str, float]]:
    """Run the pipeline up to geocoding; return predictions per article and stage timings."""
    from newsgraph.nlp import find_entities, parse
    from newsgraph.places import geocode, load_gazetteer

    timing = {"gazetteer_load_s": 0.0, "spacy_s": 0.0, "entities_s": 0.0, "geocode_s": 0.0}
    started = time.perf_counter()
    load_gazetteer()
    timing["gazetteer_load_s"] = time.perf_counter() - started
    articles = [Article(id=i, source=Source(uri=i, format="text", text=t), start=0, end=len(t))
                for i, t in texts]
    resolve_actors = _actors_stage()
    out = []
    clock = time.perf_counter()
    for article in parse(articles, settings=settings):
        now = time.perf_counter()
        timing["spacy_s"] += now - clock
        find_entities(article, settings=settings)
        if resolve_actors is not None:
            resolve_actors(article, settings=settings)
        clock = time.perf_counter()
        timing["entities_s"] += clock - now
        geocode(article, settings=settings)
        now = time.perf_counter()
        timing["geocode_s"] += now - clock
        out.append([Predicted(m.start, m.end, p.lat, p.lon) for p in article.places for m in p.mentions])
        article.doc = None
        clock = time.perf_counter()
    return out, {k: round(v, 2) for k, v in timing.items()}


def _actors_stage() -> Any:
    try:
        from newsgraph.actors import resolve_actors
    except ImportError:
        return None
    return resolve_actors


def evaluate_geowebnews(path: Path, *, settings: Settings | None = None,
                        limit: int | None = None) -> dict[str, Any]:
    """Recognition P/R/F1 and geocoding error scores on GeoWebNews (see module docstring)."""
    items = read_gold(path)[:limit]
    preds, timing = _predict([(i, t) for i, t, _ in items], settings or Settings())
    scores: dict[str, Any] = {"articles": len(items), "timing": timing}
    for name, types in (("place", PLACE_TYPES), ("toponym", TOPONYM_TYPES)):
        golds = [[g for g in gold if g.type in types] for _, _, gold in items]
        n_pred = sum(len(p) for p in preds)
        n_gold = sum(len(g) for g in golds)
        for mode in ("exact", "overlap"):
            tp = sum(len(_match(p, g, exact=mode == "exact")) for p, g in zip(preds, golds))
            scores[f"{name}_{mode}"] = prf_from_totals(tp, n_pred, n_gold, ndigits=4) | {"gold": n_gold, "predicted": n_pred}
        errors = [haversine_km(g.lat, g.lon, p.lat, p.lon)
                  for pr, gd in zip(preds, golds) for p, g in _match(pr, gd, exact=False)
                  if g.lat is not None and g.lon is not None and p.lat is not None and p.lon is not None]
        scores[f"geocoding_{name}"] = _geocoding(errors)
    scores["recall_by_type"] = recall_by_type(preds, [gold for _, _, gold in items])
    return scores


def recall_by_type(preds: list[list[Predicted]],
                   golds: list[list[GoldToponym]]) -> dict[str, dict[str, float]]:
    """Per gold type: how many spans any prediction overlaps (not one-to-one), and the share."""
    found: dict[str, int] = {}
    total: dict[str, int] = {}
    for pred, gold in zip(preds, golds):
        for g in gold:
            total[g.type] = total.get(g.type, 0) + 1
            if any(p.start < g.end and g.start < p.end for p in pred):
                found[g.type] = found.get(g.type, 0) + 1
    return {t: {"gold": n, "found": found.get(t, 0), "recall": round(found.get(t, 0) / n, 4)}
            for t, n in sorted(total.items(), key=lambda kv: -kv[1])}


def main() -> None:  # pragma: no cover - manual runs
    import argparse

    parser = argparse.ArgumentParser(description="Score geocoding on GeoWebNews")
    parser.add_argument("path", type=Path, nargs="?", help="gold folder (default: the eval dir's places-geowebnews)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    path = args.path or require_eval_dir() / GOLD_SET
    print(json.dumps(evaluate_geowebnews(path, limit=args.limit), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
