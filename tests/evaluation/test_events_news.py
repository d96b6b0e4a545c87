"""events-news-dev scoring: our implementation agrees with the set's reference score.py."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EVAL
from newsgraph.evaluation.events_news import (actor_matches, confidence_bands, group_predictions,
                                              predict, read_gold, score)

GOLD = EVAL / "events-news-dev"
needs_gold = pytest.mark.skipif(not (GOLD / "score.py").is_file(), reason="events-news-dev not present")

TEXT = ("Kyrgyz and Tajik ministers met in Astana, officials said. Police arrested ten protesters. "
        "The UN urged calm.")
SENTS = [{"start": 0, "end": 57}, {"start": 58, "end": 90}, {"start": 91, "end": 109}]
ACTOR = {"text": "x", "countries": [], "org": None}
GOLD_ROWS = [{"id": "t1", "text": TEXT, "sentences": SENTS, "events": [
    {"sentence": 0, "category": "CONSULT", "source": {**ACTOR, "countries": ["KGZ", "TJK"]},
     "target": None, "mode": "reported", "negated": False},
    {"sentence": 1, "category": "COERCE", "source": {**ACTOR, "text": "Police"},
     "target": {**ACTOR, "text": "protesters"}, "mode": "asserted", "negated": False},
    {"sentence": 2, "category": "REQUEST", "source": {**ACTOR, "org": "UN"}, "target": None,
     "mode": "asserted", "negated": False}]}]


def _article(events: list[dict], actors: list[dict]) -> dict:
    return {"source": {"uri": "file:///tmp/in/t1.txt"}, "events": events, "actors": actors}


def _event(cat: str, start: int, end: int, source=None, target=None, **kw) -> dict:
    return {"category": cat, "start": start, "end": end, "source": source, "target": target,
            "modality": kw.get("modality", "asserted"), "negated": kw.get("negated", False),
            "confidence": kw.get("confidence", 0.5)}


ACTORS = [{"id": "KGZ", "name": "Kyrgyzstan", "country": "KGZ"},
          {"id": "TJK", "name": "Tajikistan", "country": "TJK"},
          {"id": "KAZ", "name": "Kazakhstan", "country": "KAZ"},
          {"id": "united-nations", "name": "United Nations", "country": None}]
PRED = [_article([
    _event("CONSULT", 0, 57, "KGZ", modality="reported"),
    _event("CONSULT", 0, 57, "TJK", modality="asserted"),  # one compound actor, split
    _event("CONSULT", 0, 57, "KGZ", "TJK"),  # a reciprocal act has no target
    _event("CONSULT", 0, 57, "KAZ"),  # the reporter as source: wrong
    _event("COERCE", 58, 90, None, None),  # nulls do not match unnamed gold actors
    _event("REQUEST", 85, 109, "united-nations", confidence=0.9),  # overlaps sentence 2 most
    _event("ASSAULT", 200, 210, "KAZ")], ACTORS)]  # outside every sentence: not counted


def test_actor_matches_country_org_and_null() -> None:
    actors = {a["id"]: a for a in ACTORS}
    assert actor_matches({**ACTOR, "countries": ["KGZ", "TJK"]}, "KGZ", actors)
    assert actor_matches({**ACTOR, "org": "UN"}, "united-nations", actors)
    assert not actor_matches({**ACTOR, "countries": ["IRN"]}, "KGZ", actors)
    assert actor_matches(None, None, actors) and not actor_matches(None, "KGZ", actors)
    assert actor_matches({**ACTOR, "countries": ["IRN"]}, "IRN-MIL", {})


def test_split_compound_actor_counts_once_and_reporter_is_a_false_positive() -> None:
    res = score(GOLD_ROWS, group_predictions(PRED))
    assert res["category"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "pred": 3, "gold": 3}
    # found: CONSULT (KGZ+TJK) and REQUEST; predicted: CONSULT once, KGZ->TJK, KAZ, COERCE, REQUEST
    assert (res["event"]["recall"], res["event"]["pred"]) == (round(2 / 3, 3), 5)
    assert res["event"]["precision"] == 0.4
    assert res["mode_agreement"] == 1.0  # the first matching prediction gives the mode


def test_precision_by_confidence_band() -> None:
    bands = confidence_bands(GOLD_ROWS, PRED)
    assert bands[">=0.70"] == {"precision": 1.0, "events": 1}
    assert bands["0.40-0.55"]["events"] == 5


def _reference():
    spec = importlib.util.spec_from_file_location("events_news_score", GOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_gold
def test_same_numbers_as_score_py_on_a_prediction_file() -> None:
    assert score(GOLD_ROWS, group_predictions(PRED)) == _reference().score(
        GOLD_ROWS, group_predictions(PRED))


@needs_gold
@pytest.mark.slow
def test_same_numbers_as_score_py_on_pipeline_output(tmp_path: Path) -> None:
    rows = read_gold(GOLD, limit=4)
    articles = predict(rows)
    assert sum(len(a["events"]) for a in articles) > 0
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pred_file.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    out = subprocess.run([sys.executable, str(GOLD / "score.py"), str(gold_file), "--pred",
                          str(pred_file), "--json"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == score(rows, group_predictions(articles))
