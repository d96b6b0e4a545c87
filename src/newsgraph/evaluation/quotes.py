"""Score quotes and attributions against PolNeAR (``quotes-polnear-dev/gold.jsonl``).

Each gold item is one article with its attributions (source, cue and content spans;
``direct`` marks contents fully in quotation marks). The article text is run through
parse -> find_entities -> resolve_actors -> extract_quotes (no segmentation: one item, one article).

Matching is on content *tokens* (``\\w+`` positions, so quote marks and punctuation do
not count): a predicted content matches a gold content when their token-overlap F1 is at
least ``threshold`` (one-to-one, best pairs first); ``exact`` needs the same token set.
Before matching, consecutive predicted direct quotes with the same speaker span become
one item (gold joins ``"A," she said. "B."`` into one attribution), and for ``all`` a
prediction whose tokens lie inside another prediction's is folded into it (a partial
quote inside a reported clause). Reported:

- ``direct``: gold ``direct`` items (plus contents wrapped in ``''``, which the gold's
  quotation-mark heuristic missed) vs predicted direct quotes; a predicted quote inside
  a partly quoted gold attribution (``quotation: partial``) is not counted against it;
- ``all``: every gold attribution vs every predicted quote (direct, reported, according to);
- ``tokens_*``: token-level P/R/F1 of the content token union per article;
- ``source_match``: share of matched items whose predicted speaker span overlaps the
  gold source span;
- ``direct_in_any``: share of predicted direct quotes lying mostly inside some gold content
  (a direct quote of a partly quoted attribution counts here, not in ``direct``);
- ``ms_per_article`` for the quotes stage and for the spaCy parse.

Example:
    >>> scores = evaluate_polnear(Path("../shared/eval/quotes-polnear-dev"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.actors import resolve_actors
from newsgraph.model import Article, Quote, Source
from newsgraph.nlp import find_entities, parse
from newsgraph.quotes import extract_quotes
from newsgraph.evaluation.gold import read_gold
from newsgraph.evaluation.metrics import Counts, prf, prf_from_totals, ratio
from newsgraph.settings import Settings, require_eval_dir

log = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"\w+")


@dataclass(slots=True)
class Item:
    """One attribution's content as a set of token positions, plus its source spans."""

    tokens: frozenset[int]
    sources: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    speaker: tuple[int, int] | None = None
    partial: bool = False  # gold: partly in quotation marks


@dataclass(slots=True)
class Tally(Counts):
    """Matched attributions, with how many matched exactly and with the right speaker."""

    exact: int = 0
    source_hits: int = 0

    def scores(self, *, ndigits: int | None = None) -> dict[str, float]:
        n_pred, n_gold = self.tp + self.fp, self.tp + self.fn
        return {**prf(self.tp, self.fp, self.fn, ndigits=ndigits),
                "exact_f1": prf_from_totals(self.exact, n_pred, n_gold)["f1"],
                "source_match": ratio(self.source_hits, self.tp),
                "gold": n_gold, "predicted": n_pred}


def token_starts(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def tokens_in(spans: list[tuple[int, int]], tokens: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens lying inside any of ``spans``."""
    return frozenset(i for i, (a, b) in enumerate(tokens) if any(s <= a and b <= e for s, e in spans))


def overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    common = len(a & b)
    return 2 * common / (len(a) + len(b)) if common else 0.0


def _in_doubled_apostrophes(text: str) -> bool:
    """Gold ``direct`` only knows " and “ ”; a content wrapped in '' ... '' is direct too."""
    text = text.strip().rstrip(".,;:")
    return len(text) > 4 and text[:2] in ("''", "``") and text.endswith("''")


def gold_items(row: dict[str, Any], tokens: list[tuple[int, int]]) -> list[Item]:
    items = []
    for attr in row["attributions"]:
        content = tokens_in([tuple(s) for s in attr["content"]["spans"]], tokens)
        sources = [tuple(s) for s in (attr.get("source") or {}).get("spans", [])]
        if content:
            direct = bool(attr["direct"]) or _in_doubled_apostrophes(attr["content"]["text"])
            items.append(Item(content, sources, direct,  # type: ignore[arg-type]
                              partial=attr.get("quotation") == "partial" and not direct))
    return items


def predicted_items(quotes: list[Quote], tokens: list[tuple[int, int]], *,
                    direct_only: bool) -> list[Item]:
    """Predicted quotes as items: same-speaker direct runs joined, nested ones folded."""
    items: list[Item] = []
    last_speaker: tuple[int, int] | None = None
    for quote in sorted((q for q in quotes if q.direct or not direct_only), key=lambda q: q.start):
        speaker = (quote.speaker_span.start, quote.speaker_span.end) if quote.speaker_span else None
        content = tokens_in([(quote.start, quote.end)], tokens)
        if not content:
            continue
        if quote.direct and items and items[-1].direct and speaker and speaker == last_speaker:
            items[-1].tokens = items[-1].tokens | content
            continue
        items.append(Item(content, [], quote.direct, speaker))
        last_speaker = speaker if quote.direct else None
    if direct_only:
        return items
    unique = list({it.tokens: it for it in reversed(items)}.values())[::-1]  # first of equals
    return [it for it in unique if not any(it.tokens < o.tokens for o in unique)]


def match(gold: list[Item], pred: list[Item], tally: Tally, *, threshold: float,
          neutral: list[Item] | None = None) -> None:
    """One-to-one matching by token-overlap F1, best pairs first; updates ``tally``.

    An unmatched prediction lying mostly inside a ``neutral`` gold item (a partly quoted
    attribution, when scoring direct quotes) is neither right nor wrong.
    """
    pairs = sorted(((overlap_f1(g.tokens, p.tokens), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred) if g.tokens & p.tokens), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for score, gi, pi in pairs:
        if score < threshold or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        tally.tp += 1
        tally.exact += gold[gi].tokens == pred[pi].tokens
        speaker = pred[pi].speaker
        tally.source_hits += bool(speaker) and any(
            speaker[0] < e and s < speaker[1] for s, e in gold[gi].sources)  # type: ignore[index]
    tally.fp += sum(1 for pi, p in enumerate(pred) if pi not in used_p and not any(
        len(p.tokens & n.tokens) >= 0.5 * len(p.tokens) for n in neutral or []))
    tally.fn += len(gold) - len(used_g)


def _token_prf(gold: list[Item], pred: list[Item], counts: Counts) -> None:
    g = frozenset().union(*(i.tokens for i in gold)) if gold else frozenset()
    p = frozenset().union(*(i.tokens for i in pred)) if pred else frozenset()
    counts.add(hits=len(g & p), predicted=len(p), gold=len(g))


def analyze_row(row: dict[str, Any], *, settings: Settings) -> tuple[Article, float, float]:
    """Parse one gold article and run the quote stage: (article, parse+actors s, quotes s)."""
    text = row["text"]
    article = Article(id=row["id"], source=Source(uri=row["id"], format="text", text=text),
                      start=0, end=len(text), published=row.get("date"))
    t0 = time.perf_counter()
    [article] = list(parse([article], settings=settings))
    find_entities(article, settings=settings)
    resolve_actors(article, settings=settings)  # speakers resolve against its actor_index
    t1 = time.perf_counter()
    extract_quotes(article, settings=settings)
    return article, t1 - t0, time.perf_counter() - t1


def evaluate_polnear(path: Path, *, threshold: float = 0.5,
                     limit: int | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """Score :func:`newsgraph.quotes.extract_quotes` on a PolNeAR gold folder.

    Args:
        path: folder holding ``gold.jsonl``.
        threshold: token-overlap F1 a predicted content needs to match a gold one.
        limit: score only the first ``limit`` articles.

    Returns:
        ``{"direct": {...}, "all": {...}, "tokens_direct": {...}, "tokens_all": {...},
        "direct_in_any": float, "articles": n, "ms_per_article": ..., "parse_ms_per_article": ...}``
    """
    settings = settings or Settings()
    rows = read_gold(path, limit=limit)
    direct, every = Tally(), Tally()
    tok_direct, tok_all = Counts(), Counts()
    inside = n_direct = 0
    parse_s = quotes_s = 0.0
    for row in rows:
        article, p_s, q_s = analyze_row(row, settings=settings)
        parse_s, quotes_s = parse_s + p_s, quotes_s + q_s
        tokens = token_starts(row["text"])
        gold = gold_items(row, tokens)
        gold_direct = [g for g in gold if g.direct]
        pred_direct = predicted_items(article.quotes, tokens, direct_only=True)
        pred_all = predicted_items(article.quotes, tokens, direct_only=False)
        match(gold_direct, pred_direct, direct, threshold=threshold,
              neutral=[g for g in gold if g.partial])
        match(gold, pred_all, every, threshold=threshold)
        _token_prf(gold_direct, pred_direct, tok_direct)
        _token_prf(gold, pred_all, tok_all)
        for item in pred_direct:
            n_direct += 1
            inside += any(len(item.tokens & g.tokens) >= 0.5 * len(item.tokens) for g in gold)
    n = max(1, len(rows))
    return {"articles": len(rows), "threshold": threshold,
            "direct": direct.scores(), "all": every.scores(),
            "tokens_direct": tok_direct.scores(), "tokens_all": tok_all.scores(),
            "direct_in_any": inside / n_direct if n_direct else 0.0,
            "ms_per_article": 1000 * quotes_s / n, "parse_ms_per_article": 1000 * parse_s / n}


if __name__ == "__main__":  # python -m newsgraph.evaluation.quotes [path]
    import sys

    logging.basicConfig(level=logging.WARNING)
    result = evaluate_polnear(Path(sys.argv[1]) if len(sys.argv) > 1
                              else require_eval_dir() / "quotes-polnear-dev")
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
