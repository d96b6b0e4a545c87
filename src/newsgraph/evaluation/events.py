"""Event evaluation: PETRARCH2 unit-test triples and CASE 2021 event types.

Run: ``python -m newsgraph.evaluation.events [../shared/eval]``.
"""

from __future__ import annotations

import importlib
import json
import logging
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..model import Article, Source
from ..events.lexicon import cameo_intent, load_lexicon
from ..events.triggers import find_triggers
from ..settings import Settings

log = logging.getLogger(__name__)

DEFAULT_EVAL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval"

_STAGES = (("nlp", "find_entities"), ("actors", "resolve_actors"), ("places", "geocode"),
           ("dates", "resolve_dates"), ("quotes", "extract_quotes"), ("events", "extract_events"))


def _stages() -> list:
    """The pipeline's stages; while a stage's package has not landed, run without it."""
    out = []
    for module, name in _STAGES:
        try:
            out.append(getattr(importlib.import_module(f"newsgraph.{module}"), name))
        except (ImportError, AttributeError):
            log.warning("stage %s.%s not available; skipped", module, name)
    return out


def analyze_texts(texts: list[str], *, settings: Settings | None = None) -> list[Article]:
    """Analyze each text as one article (no segmentation), all stages, in one nlp.pipe batch.

    ``article.doc`` is kept (the CASE trigger fallback reads it).
    """
    from ..nlp import parse

    settings = settings or Settings()
    stages = _stages()
    articles = [Article(id=str(i), source=Source(uri=f"eval#{i}", format="text", text=t),
                        start=0, end=len(t), published=settings.default_date)
                for i, t in enumerate(texts)]
    out = []
    for article in parse(articles, settings=settings):
        for st in stages:
            st(article, settings=settings)
        out.append(article)
    return out


def analyze_text(text: str, *, settings: Settings | None = None) -> Article:
    return analyze_texts([text], settings=settings)[0]


# ---------------------------------------------------------------- PETRARCH2

def _petrarch_dictionary(actors_json: Path, out: Path) -> Path:
    """Write the PETRARCH validation actors as a user dictionary (actors/README format).

    PETRARCH phrases join words with ``_``; a trailing ``_`` ends the word exactly, otherwise
    the last word is a stem ("BULGAR" matches "Bulgaria"): written as a ``*`` prefix.
    """
    table = json.loads(actors_json.read_text(encoding="utf-8"))
    lines = ["phrase\tid\tname\tkind\tcountry\trole\twikidata"]
    for code, phrases in table.items():
        for phrase in phrases:
            exact = phrase.endswith("_")
            words = phrase.strip("_").replace("_", " ").lower()
            phrase_out = words if exact else words + "*"
            lines.append(f"{phrase_out}\t{code}\t{words.title()}\t\t\t\t")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _codes(actor: str | None) -> list[str]:
    """An actor id as PETRARCH roots: "FRO/BIL/SAM" names three actors; None is "---"."""
    if not actor:
        return ["---"]
    return [part[:3].upper() for part in actor.split("/")]


def _triples(article: Article) -> list[tuple[str, str, str]]:
    """Our events as (source root, target root, CAMEO code); negated events are not coded."""
    out = []
    for e in article.events:
        if e.negated or e.cameo is None:
            continue
        code = cameo_intent(e.cameo) if e.modality == "planned" else e.cameo
        for s in _codes(e.source):
            for t in _codes(e.target):
                out.append((s, t, code))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _match(gold: list[tuple[str, str, str]], pred: list[tuple[str, str, str]],
           key: Callable[[tuple[str, str, str]], tuple[str, ...]]) -> int:
    left = Counter(key(g) for g in gold)
    hits = 0
    for p in pred:
        k = key(p)
        if left[k] > 0:
            left[k] -= 1
            hits += 1
    return hits


def evaluate_petrarch(path: Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """Score (source, target, CAMEO) triples against the PETRARCH2 unit-test records.

    Args: path: the ``events-petrarch2`` folder (gold.jsonl, actors.json).
    Returns: triple P/R/F1 (exact code and root code), root accuracy over dyad-matched
    pairs, noevents accuracy, counts. Sources and targets compare on their first 3 letters.
    """
    rows = [json.loads(line) for line in (path / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = [r for r in rows if not r.get("error")]
    with tempfile.TemporaryDirectory() as tmp:
        dictionary = _petrarch_dictionary(path / "actors.json", Path(tmp) / "petrarch-actors.tsv")
        base = settings or Settings()
        settings = replace(base, actor_dictionaries=(*base.actor_dictionaries, dictionary))
        started = time.perf_counter()
        articles = analyze_texts([r["text"] for r in rows], settings=settings)
        seconds = time.perf_counter() - started
    gold_all, pred_all, noevents_ok, noevents_n = [], [], 0, 0
    root_ok = root_n = std_ok = std_n = 0
    for row, article in zip(rows, articles):
        pred = _triples(article)
        gold = [(_codes(e["source"])[0], _codes(e["target"])[0], e["code"]) for e in row["events"]]
        if row.get("noevents"):
            noevents_n += 1
            noevents_ok += not pred
        gold_all.append(gold)
        pred_all.append(pred)
        ok, n = _root_agreement(gold, pred)
        root_ok, root_n = root_ok + ok, root_n + n
        ok, n = _root_agreement([g for g in gold if "01" <= g[2][:2] <= "20"], pred)
        std_ok, std_n = std_ok + ok, std_n + n
    n_gold = sum(map(len, gold_all))
    n_pred = sum(map(len, pred_all))
    exact = sum(_match(g, p, lambda t: t) for g, p in zip(gold_all, pred_all))
    root = sum(_match(g, p, lambda t: (t[0], t[1], t[2][:2])) for g, p in zip(gold_all, pred_all))
    dyad = sum(_match(g, p, lambda t: (t[0], t[1])) for g, p in zip(gold_all, pred_all))
    return {
        "records": len(rows), "gold_events": n_gold, "predicted_events": n_pred,
        "triple": _prf(exact, n_pred, n_gold),
        "triple_root": _prf(root, n_pred, n_gold),
        "dyad": _prf(dyad, n_pred, n_gold),
        "root_accuracy": round(root_ok / root_n, 4) if root_n else None,
        "root_pairs": root_n,
        # gold codes on the CAMEO roots 01-20 only (the test dictionary also uses 21-91)
        "root_accuracy_cameo_roots": round(std_ok / std_n, 4) if std_n else None,
        "root_pairs_cameo_roots": std_n,
        "noevents_accuracy": round(noevents_ok / noevents_n, 4) if noevents_n else None,
        "noevents_records": noevents_n,
        "seconds": round(seconds, 2),
    }


def _root_agreement(gold: list[tuple[str, str, str]],
                    pred: list[tuple[str, str, str]]) -> tuple[int, int]:
    """Among pairs matched on (source, target), how many agree on the CAMEO root."""
    ok = n = 0
    used: set[int] = set()
    for g in gold:
        candidates = [i for i, p in enumerate(pred) if i not in used and p[:2] == g[:2]]
        if not candidates:
            continue
        best = next((i for i in candidates if pred[i][2][:2] == g[2][:2]), candidates[0])
        used.add(best)
        n += 1
        ok += pred[best][2][:2] == g[2][:2]
    return ok, n


# ---------------------------------------------------------------- CASE 2021 (ACLED-like types)

def _has(pattern: str, *words: str) -> bool:
    return any(w in pattern for w in words)


def acled_type(category: str, cameo: str | None, pattern: str) -> str | None:
    """Map one of our events to a CASE 2021 / ACLED sub-event type (None: no clean type).

    The mapping, in order: explosives and weapons by CAMEO code (195 air, 194 artillery
    and missiles, 183 bombs, 204 chemical), then the pattern's words, then the category.
    """
    code = cameo or ""
    if category == "ASSAULT":
        if code == "204" or _has(pattern, "chemical", "gas", "sarin", "chlorine"):
            return "CHEM_WEAP"
        if code == "195" or _has(pattern, "air", "drone", "bomb+", "verb:bomb"):
            return "AIR_STRIKE"
        if code == "194":
            return "ART_MISS_ATTACK"
        if code == "183":
            if _has(pattern, "suicide"):
                return "SUIC_BOMB"
            return "GRENADE" if _has(pattern, "grenade") else "REM_EXPLOS"
        if code == "1821":
            return "SEX_VIOL"
        if code == "181":
            return "ABDUCT_DISSAP"
        if code == "192":
            if _has(pattern, "recapture", "retake", "regain", "liberate"):
                return "GOV_REGAINS_TERIT"
            return "NON_STATE_ACTOR_OVERTAKES_TER"
        if _has(pattern, "lynch", "mob"):
            return "MOB_VIOL"
        if code[:2] == "18" or code[:2] == "20":
            return "ATTACK"
        return "ARMED_CLASH"
    if category == "PROTEST":
        return "VIOL_DEMONSTR" if code in ("145",) else "PEACE_PROTEST"
    if category == "COERCE":
        if code == "175":
            return "FORCE_AGAINST_PROTEST"
        if code == "173":
            return "ARREST"
        if code == "171":
            if _has(pattern, "seize", "confiscate", "impound"):
                return "DISR_WEAP"
            return "PROPERTY_DISTRUCT"
        return "OTHER"
    if category == "AGREE" or code == "0871":
        return "AGREEMENT"
    if category == "RETREAT" and code == "0874":
        return "NON_VIOL_TERRIT_TRANSFER"
    if category == "MOBILIZE":
        return "CHANGE_TO_GROUP_ACT"
    if category in ("CONSULT", "SUPPORT", "COOPERATE", "REQUEST", "REJECT", "SANCTION",
                    "ACCUSE", "THREATEN", "AID", "CONCEDE"):
        return "DIPLO"
    return None


def classify_article(article: Article) -> tuple[str, str | None]:
    """(ACLED-like type or "NONE", PLOVER category or None) of a snippet's events.

    A protest with force against it is FORCE_AGAINST_PROTEST (violence) or
    PROTEST_WITH_INTER (arrests); otherwise the most confident asserted event decides.
    """
    events = [e for e in article.events if not e.negated]
    if not events:
        return "NONE", None
    cats = {e.category for e in events}
    codes = {e.cameo for e in events}
    if "PROTEST" in cats and ("ASSAULT" in cats or "175" in codes):
        return "FORCE_AGAINST_PROTEST", "PROTEST"
    if "PROTEST" in cats and "173" in codes:
        return "PROTEST_WITH_INTER", "PROTEST"
    best = max(events, key=lambda e: (_specific(e.cameo), e.modality == "asserted",
                                      e.confidence, -e.start))
    return acled_type(best.category, best.cameo, best.pattern) or "NONE", best.category


def _specific(code: str | None) -> bool:
    """A specific act (air strike, bombing, arrest) outranks a generic one (kill, attack)."""
    return bool(code) and not (code or "").endswith("0")


def classify_triggers(article: Article) -> tuple[str, str | None]:
    """Like :func:`classify_article`, falling back to lexicon triggers without actors."""
    label, category = classify_article(article)
    if label != "NONE" or article.doc is None:
        return label, category
    lex = load_lexicon()
    matches = [m for sent in article.doc.sents for group in find_triggers(sent, lex) for m in group]
    matches = [m for m in matches if lex.plover(m.cameo)]
    if not matches:
        return "NONE", None
    best = max(matches, key=lambda m: (_specific(m.cameo), m.specificity, -m.token.i))
    category = lex.plover(best.cameo) or ""
    return acled_type(category, best.cameo, best.pattern) or "NONE", category


def _macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, dict[str, float]]]:
    per = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        per[label] = _prf(tp, sum(1 for p in pred if p == label), sum(1 for g in gold if g == label))
    return round(sum(v["f1"] for v in per.values()) / len(per), 4), per


def evaluate_case2021(path: Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """Classify CASE 2021 Task 2 snippets into ACLED-like types from our events.

    Args: path: the ``events-case2021`` folder (gold.jsonl).
    Returns: macro-F1 over the 30 gold types, accuracy, share with no event, per-type
    scores, and (approximate, not gold) PLOVER accuracy against ``plover_approx``.
    """
    rows = [json.loads(line) for line in (path / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    started = time.perf_counter()
    articles = analyze_texts([r["text"] for r in rows], settings=settings)
    seconds = time.perf_counter() - started
    report: dict[str, Any] = {"snippets": len(rows), "seconds": round(seconds, 2)}
    for name, classify in (("events", classify_article), ("events+triggers", classify_triggers)):
        gold, pred, plover_ok, plover_n = [], [], 0, 0
        for row, article in zip(rows, articles):
            label, category = classify(article)
            gold.append(row["label"])
            pred.append(label)
            if row.get("plover_approx"):
                plover_n += 1
                plover_ok += category == row["plover_approx"]
        macro, per = _macro_f1(gold, pred)
        report[name] = {
            "macro_f1": macro,
            "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(rows), 4),
            "no_event_share": round(pred.count("NONE") / len(rows), 4),
            "plover_approx_accuracy (approximate labels, not gold)":
                round(plover_ok / plover_n, 4) if plover_n else None,
            "plover_approx_items": plover_n,
            "per_type_f1": {k: v["f1"] for k, v in per.items()},
        }
    return report


def main(argv: list[str] | None = None) -> None:
    import sys

    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else DEFAULT_EVAL
    report = {"petrarch2": evaluate_petrarch(root / "events-petrarch2"),
              "case2021": evaluate_case2021(root / "events-case2021")}
    sys.stdout.write(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
