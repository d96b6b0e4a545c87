"""Event evaluation: PETRARCH2 unit-test triples and CASE 2021 event types.

Both sets run through the real pipeline (:func:`newsgraph.core.analyze_sources`), one
source per gold item, all items in one call. Run:
``python -m newsgraph.evaluation.events [EVAL_DIR] [--limit N]``.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core import analyze_sources
from ..events.lexicon import cameo_intent
from ..model import Article, Event, Source
from ..settings import Settings, require_eval_dir
from .gold import read_gold
from .metrics import prf_from_totals

log = logging.getLogger(__name__)

Triple = tuple[str, str, str]


def analyze_texts(texts: list[str], *, settings: Settings | None = None,
                  published: list[str | None] | None = None) -> list[Article]:
    """Analyze each text as one English article with the whole pipeline, in one batch.

    Each text is a ``jsonl``-format source, so the dump segmenter does not cut it.
    """
    sources = [Source(uri=f"eval:{i}", format="jsonl", text=t, language="en",
                      published=published[i] if published else None)
               for i, t in enumerate(texts)]
    return list(analyze_sources(sources, settings=settings or Settings()))


def analyze_text(text: str, *, settings: Settings | None = None) -> Article:
    return analyze_texts([text], settings=settings)[0]


# ---------------------------------------------------------------- PETRARCH2

_AGENT = re.compile(r"[A-Z]{3}(GOV|MIL|COP|LEG|JUD|REB|OPP|PTY|CVL|REF|MED|BUS|SPY|HLH|EDU|REL|LAB)")


def _dictionary_row(code: str, phrase: str) -> str:
    """One user-dictionary row for a PETRARCH actor phrase.

    PETRARCH joins words with ``_``; a trailing ``_`` ends the word exactly, otherwise the
    last word is a stem ("BULGAR" matches "Bulgaria"), written as a ``*`` prefix. A code
    with an agent ("ISRMIL") becomes a group with that country and role.
    """
    exact = phrase.endswith("_")
    words = phrase.strip("_").replace("_", " ").lower()
    phrase_out = words if exact else words + "*"
    if re.fullmatch(r"[A-Z]{3}", code):
        return f"{phrase_out}\t{code}\t{words.title()}\tstate\t{code}\tGOV\t"
    agent = _AGENT.match(code)
    if agent:
        return (f"{phrase_out}\t{code[:3]}-{agent.group(1)}\t{words.title()}\tgroup\t"
                f"{code[:3]}\t{agent.group(1)}\t")
    return f"{phrase_out}\t{code}\t{words.title()}\torganization\t\t\t"


def _petrarch_dictionary(actors_json: Path, out: Path) -> Path:
    """Write the PETRARCH validation actors as a user dictionary (actors/README format)."""
    table = json.loads(actors_json.read_text(encoding="utf-8"))
    lines = ["phrase\tid\tname\tkind\tcountry\trole\twikidata"]
    lines += [_dictionary_row(code, phrase) for code, phrases in table.items() for phrase in phrases]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def actor_codes(article: Article, actor_id: str | None) -> list[str]:
    """CAMEO-style codes of an event argument via ``actors.cameo_code``; None is "---".

    A PETRARCH multi-actor id ("FRO/BIL/SAM") names one actor per part.
    """
    if not actor_id:
        return ["---"]
    from ..actors import cameo_code

    actor = article.actor(actor_id)
    code = cameo_code(actor) if actor is not None else actor_id.upper()
    return [part.upper() for part in code.split("/")]


def _gold_codes(code: str | None) -> list[str]:
    return [part.upper() for part in (code or "---").split("/")]


def event_triples(article: Article, *, full: bool = False) -> list[Triple]:
    """Our events as (source, target, CAMEO code); negated events are not coded.

    Actor codes are cut to their first 3 characters unless ``full``. A planned
    cooperative act is coded as CAMEO's 03x intent. Events naming no actor on either side
    ("gunmen attacked a bus") are left out: PETRARCH codes dyads only.
    """
    out = []
    for e, target in _petrarch_dyads(article.events):
        code = cameo_intent(e.cameo) if e.modality == "planned" else e.cameo
        for s in actor_codes(article, e.source):
            for t in actor_codes(article, target):
                out.append((s if full else s[:3], t if full else t[:3], code))
    return out


def _petrarch_dyads(events: list[Event]) -> list[tuple[Event, str | None]]:
    """Our events in PETRARCH's convention: a reciprocal act, which we code as PLOVER does
    (every participant an actor, no target: "Chile and Peru met"), is a pair in each
    direction for PETRARCH; negated events and events naming no actor are not coded."""
    coded = [e for e in events if not e.negated and e.cameo is not None
             and (e.source is not None or e.target is not None)]
    sides: dict[tuple[int, str], list[str]] = {}
    for e in coded:
        if e.source is not None and e.target is None:
            sides.setdefault((e.trigger.start, e.category), []).append(e.source)
    out: list[tuple[Event, str | None]] = []
    for e in coded:
        partners = [p for p in sides.get((e.trigger.start, e.category), []) if p != e.source]
        if e.target is None and partners:
            out.extend((e, p) for p in partners)
        else:
            out.append((e, e.target))
    return out


def _gold_triples(row: dict[str, Any], *, full: bool = False) -> list[Triple]:
    out = []
    for e in row["events"]:
        s, t = _gold_codes(e["source"])[0], _gold_codes(e["target"])[0]
        out.append((s if full else s[:3], t if full else t[:3], e["code"]))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    return prf_from_totals(tp, n_pred, n_gold, ndigits=4)


def _match(gold: list[Triple], pred: list[Triple], key: Callable[[Triple], tuple[str, ...]]) -> int:
    left = Counter(key(g) for g in gold)
    hits = 0
    for p in pred:
        k = key(p)
        if left[k] > 0:
            left[k] -= 1
            hits += 1
    return hits


def _root_agreement(gold: list[Triple], pred: list[Triple]) -> tuple[int, int]:
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


def _sum_match(gold: list[list[Triple]], pred: list[list[Triple]],
               key: Callable[[Triple], tuple[str, ...]]) -> int:
    return sum(_match(g, p, key) for g, p in zip(gold, pred))


def _dyad(t: Triple) -> tuple[str, ...]:
    return t[0], t[1]


def _root(t: Triple) -> tuple[str, ...]:
    return t[0], t[1], t[2][:2]


def evaluate_petrarch(path: Path, *, settings: Settings | None = None,
                      limit: int | None = None) -> dict[str, Any]:
    """Score (source, target, CAMEO) triples against the PETRARCH2 unit-test records.

    Args: path: the ``events-petrarch2`` folder (gold.jsonl, actors.json); limit: first N
    records only.
    Returns: ``f1``/``precision``/``recall`` of (source, target) dyads on the first 3
    characters of the actor codes (the headline), the same with full codes, triple P/R/F1
    with exact and root CAMEO codes, root accuracy over dyad-matched pairs, noevents
    accuracy and counts.
    """
    rows = [r for r in read_gold(path, limit=limit) if not r.get("error")]
    with tempfile.TemporaryDirectory() as tmp:
        dictionary = _petrarch_dictionary(path / "actors.json", Path(tmp) / "petrarch-actors.tsv")
        base = settings or Settings()
        settings = replace(base, actor_dictionaries=(*base.actor_dictionaries, dictionary))
        started = time.perf_counter()
        articles = analyze_texts([r["text"] for r in rows], settings=settings)
        seconds = time.perf_counter() - started
    gold = [_gold_triples(r) for r in rows]
    pred = [event_triples(a) for a in articles]
    gold_full = [_gold_triples(r, full=True) for r in rows]
    pred_full = [event_triples(a, full=True) for a in articles]
    n_gold, n_pred = sum(map(len, gold)), sum(map(len, pred))
    root_ok = root_n = std_ok = std_n = 0
    for g, p in zip(gold, pred):
        ok, n = _root_agreement(g, p)
        root_ok, root_n = root_ok + ok, root_n + n
        ok, n = _root_agreement([t for t in g if "01" <= t[2][:2] <= "20"], p)
        std_ok, std_n = std_ok + ok, std_n + n
    noevents = [not p for r, p in zip(rows, pred) if r.get("noevents")]
    dyad = _prf(_sum_match(gold, pred, _dyad), n_pred, n_gold)
    return {
        "f1": dyad["f1"], "precision": dyad["precision"], "recall": dyad["recall"],
        "triple_f1": _prf(_sum_match(gold, pred, lambda t: t), n_pred, n_gold)["f1"],
        "triple_root_f1": _prf(_sum_match(gold, pred, _root), n_pred, n_gold)["f1"],
        "root_accuracy": round(root_ok / root_n, 4) if root_n else None,
        "noevents_accuracy": round(sum(noevents) / len(noevents), 4) if noevents else None,
        "dyad_full_code": _prf(_sum_match(gold_full, pred_full, _dyad), n_pred, n_gold),
        "records": len(rows), "gold_events": n_gold, "predicted_events": n_pred,
        "dyad": dyad,
        "triple": _prf(_sum_match(gold, pred, lambda t: t), n_pred, n_gold),
        "triple_root": _prf(_sum_match(gold, pred, _root), n_pred, n_gold),
        "triple_full_code": _prf(_sum_match(gold_full, pred_full, lambda t: t), n_pred, n_gold),
        "root_pairs": root_n,
        # gold codes on the CAMEO roots 01-20 only (the test dictionary also uses 21-91)
        "root_accuracy_cameo_roots": round(std_ok / std_n, 4) if std_n else None,
        "root_pairs_cameo_roots": std_n,
        "noevents_records": len(noevents),
        "seconds": round(seconds, 2),
    }


# ---------------------------------------------------------------- CASE 2021 (ACLED-like types)
#
# A snippet-level classifier over our events: the event kind (PLOVER category, CAMEO code,
# trigger pattern) picks the family; the words of the events' evidence sentences and the
# generic participants (source_text/target_text) pick the ACLED sub-type. Every rule is a
# readable word list below; nothing is learnt from the gold set.

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
AIR = {"airstrike", "airstrikes", "air-strike", "air", "warplane", "warplanes", "jet", "jets",
       "helicopter", "helicopters", "drone", "drones", "aircraft", "bombers", "airplanes", "air-raid"}
ARTILLERY = {"shell", "shells", "shelled", "shelling", "mortar", "mortars", "rocket", "rockets",
             "missile", "missiles", "artillery", "projectile", "projectiles", "howitzer", "grad"}
CHEMICAL = {"chemical", "chlorine", "sarin", "mustard", "nerve", "toxic"}
GRENADE = {"grenade", "grenades"}
SUICIDE = {"suicide", "kamikaze", "kamikazes", "self-detonated"}
EXPLOSIVE = {"ied", "ieds", "explosive", "explosives", "landmine", "landmines", "mine", "mines",
             "roadside", "car-bomb", "bomb", "bombs", "blast", "explosion", "exploded", "detonated"}
PROTESTERS = {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
              "rioter", "rioters", "mob", "crowd", "crowds", "marchers", "students", "supporters"}
RIOT = {"riot", "rioting", "rioters", "rioted", "torched", "vandalised", "vandalized", "looted",
        "stones", "stone-throwing", "pelted", "hurled", "clashed", "clashes", "violent"}
POLICE_FORCE = {"tear", "teargas", "tear-gas", "batons", "baton", "rubber", "cannon", "cannons",
                "dispersed", "disperse", "lathi-charged", "lathicharge", "fired", "beat", "beaten"}
CIVILIANS = {"civilian", "civilians", "villagers", "residents", "people", "women", "children",
             "farmers", "worker", "workers", "passengers", "students", "worshippers", "tourist",
             "tourists", "community", "village", "family", "families", "man", "woman", "boy",
             "girl", "persons", "journalist", "teacher"}
CLASH = {"clash", "clashes", "clashed", "fighting", "battle", "battles", "gunfight", "firefight",
         "exchange", "exchanged", "fought", "ambush", "ambushed", "offensive"}
STATE_FORCES = {"army", "troops", "soldiers", "military", "forces", "government", "police",
                "security", "regime", "saa", "army's", "afghan", "iraqi", "syrian"}
RETAKE = {"recapture", "recaptured", "retake", "retook", "regain", "regained", "liberate",
          "liberated", "recovered", "reclaimed"}
MOB = {"mob", "lynch", "lynched", "lynching", "vigilante", "vigilantes", "villagers", "residents"}
WEAPONS = {"weapon", "weapons", "arms", "ammunition", "explosives", "rifles", "guns", "bomb",
           "bombs", "ied", "ieds", "grenades", "cache", "munitions", "device", "devices"}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _has(pattern: str, *words: str) -> bool:
    return any(w in pattern for w in words)


def acled_type(category: str, cameo: str | None, pattern: str,
               words: frozenset[str] | set[str] = frozenset(), *, source_text: str = "",
               target_text: str = "", source_state: bool = False) -> str | None:
    """Map one of our events to a CASE 2021 / ACLED sub-event type (None: no clean type).

    Args: the event's category, CAMEO code and pattern; ``words``: lower-case words of its
    evidence sentence; the generic participant words; ``source_state``: the source is a
    state or state force. Explosives and weapons go by CAMEO code, then trigger and
    sentence words; violence against civilians is ATTACK, between armed sides ARMED_CLASH.
    """
    code = cameo or ""
    if category == "ASSAULT":
        return _assault_type(code, pattern, set(words), source_text, target_text, source_state)
    if category == "PROTEST":
        return "VIOL_DEMONSTR" if code == "145" or words & RIOT else "PEACE_PROTEST"
    if category == "COERCE":
        if code == "175":
            return "FORCE_AGAINST_PROTEST"
        if code == "173":
            return "ARREST"
        if code.startswith("171"):
            if words & WEAPONS or _has(pattern, "confiscate", "impound", "seize"):
                return "DISR_WEAP"
            return "PROPERTY_DISTRUCT"
        if code == "1821":
            return "SEX_VIOL"
        return "OTHER"
    if category == "AGREE" or code == "0871":
        return "AGREEMENT"
    if category == "RETREAT" and code == "0874":
        return "NON_VIOL_TERRIT_TRANSFER"
    if category == "MOBILIZE":
        return "CHANGE_TO_GROUP_ACT"
    if category in ("CONSULT", "SUPPORT", "COOPERATE", "REQUEST", "REJECT", "SANCTION",
                    "ACCUSE", "THREATEN", "AID", "CONCEDE", "RETREAT"):
        return "DIPLO"
    return None


def _assault_type(code: str, pattern: str, words: set[str], source_text: str,
                  target_text: str, source_state: bool) -> str:
    trigger = set(pattern.replace(":", " ").replace("+", " ").replace("_", " ").split())
    if code == "1821" or _has(pattern, "rape", "rap", "molest", "sexual"):
        return "SEX_VIOL"
    if code == "181" or _has(pattern, "abduct", "kidnap", "hostage"):
        return "ABDUCT_DISSAP"
    if code == "204" or words & CHEMICAL:
        return "CHEM_WEAP"
    if words & SUICIDE:
        return "SUIC_BOMB"
    if words & GRENADE:
        return "GRENADE"
    if code == "195" or trigger & AIR or words & {"airstrike", "airstrikes", "warplanes", "air-strike"}:
        return "AIR_STRIKE"
    if code == "194" or words & ARTILLERY:
        return "ART_MISS_ATTACK"
    if code == "183" or words & EXPLOSIVE:
        return "REM_EXPLOS"
    if code == "192":
        if words & RETAKE or source_state:
            return "GOV_REGAINS_TERIT"
        return "NON_STATE_ACTOR_OVERTAKES_TER"
    if _has(pattern, "lynch") or (words & MOB and _words(source_text) & MOB):
        return "MOB_VIOL"
    target_words = _words(target_text)
    if target_words & CIVILIANS or (words & CIVILIANS and not words & CLASH):
        return "ATTACK"
    return "ARMED_CLASH"


def _event_words(article: Article, event: Event) -> set[str]:
    return _words(article.source.text[event.start:event.end])


def _state_source(article: Article, event: Event) -> bool:
    actor = article.actor(event.source)
    if actor is not None and (actor.kind == "state" or actor.role in ("MIL", "COP", "GOV")):
        return True
    return bool(_words(event.source_text or "") & STATE_FORCES)


def _protest_type(article: Article, events: list[Event]) -> str | None:
    """A protest with violence: by the protesters (VIOL_DEMONSTR) or against them
    (FORCE_AGAINST_PROTEST); with arrests only, PROTEST_WITH_INTER."""
    if not any(e.category == "PROTEST" for e in events):
        return None
    words = set().union(*(_event_words(article, e) for e in events))
    force = [e for e in events if e.category == "ASSAULT" or e.cameo == "175"]
    for e in force:
        if _words(e.source_text or "") & PROTESTERS or e.cameo == "145":
            return "VIOL_DEMONSTR"
    if any(e.cameo == "145" for e in events) or (words & RIOT and not words & POLICE_FORCE):
        return "VIOL_DEMONSTR"
    if force or words & POLICE_FORCE:
        return "FORCE_AGAINST_PROTEST"
    if any(e.cameo == "173" for e in events):
        return "PROTEST_WITH_INTER"
    return "PEACE_PROTEST"


def classify_article(article: Article, *, named_only: bool = False) -> tuple[str, str | None]:
    """(ACLED-like type or "NONE", PLOVER category or None) of a snippet's events.

    A protest decides first (see :func:`_protest_type`); otherwise the most specific,
    asserted, confident event is mapped by :func:`acled_type`. ``named_only`` keeps only
    events whose source or target is an actor.
    """
    events = [e for e in article.events if not e.negated
              and (not named_only or e.source is not None or e.target is not None)]
    if not events:
        return "NONE", None
    protest = _protest_type(article, events)
    if protest is not None:
        return protest, "PROTEST"
    best = max(events, key=lambda e: (_specific(e.cameo), e.modality == "asserted",
                                      e.confidence, -e.start))
    label = acled_type(best.category, best.cameo, best.pattern, _event_words(article, best),
                       source_text=best.source_text or "", target_text=best.target_text or "",
                       source_state=_state_source(article, best))
    return label or "NONE", best.category


def _specific(code: str | None) -> bool:
    """A specific act (air strike, bombing, arrest) outranks a generic one (kill, attack)."""
    return bool(code) and not (code or "").endswith("0")


def _macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, dict[str, float]]]:
    per = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        per[label] = _prf(tp, sum(1 for p in pred if p == label), sum(1 for g in gold if g == label))
    return round(sum(v["f1"] for v in per.values()) / len(per), 4), per


def _case_scores(rows: list[dict[str, Any]], labels: list[tuple[str, str | None]]) -> dict[str, Any]:
    gold = [r["label"] for r in rows]
    pred = [label for label, _ in labels]
    approx = [(r["plover_approx"], cat) for r, (_, cat) in zip(rows, labels) if r.get("plover_approx")]
    macro, per = _macro_f1(gold, pred)
    return {
        "macro_f1": macro,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(rows), 4) if rows else 0.0,
        "no_event_share": round(pred.count("NONE") / len(rows), 4) if rows else 0.0,
        "plover_approx_accuracy (approximate labels, not gold)":
            round(sum(a == c for a, c in approx) / len(approx), 4) if approx else None,
        "plover_approx_items": len(approx),
        "per_type_f1": {k: v["f1"] for k, v in per.items()},
    }


def evaluate_case2021(path: Path, *, settings: Settings | None = None,
                      limit: int | None = None) -> dict[str, Any]:
    """Classify CASE 2021 Task 2 snippets into ACLED-like types from our events.

    Args: path: the ``events-case2021`` folder (gold.jsonl); limit: first N snippets only.
    Returns: ``macro_f1`` over the gold types from all events (the headline), the same from
    events naming an actor only, accuracy, share with no event, per-type scores, and
    (approximate, not gold) PLOVER accuracy against ``plover_approx``.
    """
    rows = read_gold(path, limit=limit)
    started = time.perf_counter()
    articles = analyze_texts([r["text"] for r in rows], settings=settings)
    seconds = time.perf_counter() - started
    every = _case_scores(rows, [classify_article(a) for a in articles])
    named = _case_scores(rows, [classify_article(a, named_only=True) for a in articles])
    return {"macro_f1": every["macro_f1"], "accuracy": every["accuracy"],
            "macro_f1_named_actors": named["macro_f1"], "snippets": len(rows),
            "seconds": round(seconds, 2), "events": every, "events_named_actors": named}


def main(argv: list[str] | None = None) -> None:
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m newsgraph.evaluation.events")
    parser.add_argument("eval_dir", nargs="?", type=Path, default=None,
                        help="gold sets (default: $NEWSGRAPH_EVAL_DIR or ../shared/eval)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--only", choices=("petrarch2", "case2021"), default=None)
    args = parser.parse_args(argv)
    eval_dir = require_eval_dir(args.eval_dir)
    report: dict[str, Any] = {}
    if args.only in (None, "petrarch2"):
        report["petrarch2"] = evaluate_petrarch(eval_dir / "events-petrarch2", limit=args.limit)
    if args.only in (None, "case2021"):
        report["case2021"] = evaluate_case2021(eval_dir / "events-case2021", limit=args.limit)
    sys.stdout.write(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
