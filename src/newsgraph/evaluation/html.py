"""Score HTML article extraction against a gold folder (article-extraction-benchmark layout).

The metric follows the Zyte article-extraction-benchmark so numbers are comparable:
tokens are ``\\w+`` matches, each body becomes a multiset of word 4-gram shingles, and
each document's TP/FP/FN counts are normalised to sum to 1 before summing over documents.
"Accuracy" is the share of documents whose predicted body equals the gold body exactly once
runs of whitespace are collapsed (the gold separates paragraphs by blank lines, we by "\n").

Example:
    >>> from pathlib import Path
    >>> scores = evaluate_html(Path("../shared/eval/html-aeb-dev"))  # doctest: +SKIP
    >>> round(scores["f1"], 3)  # doctest: +SKIP
    0.96
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluation.gold import iter_gold
from newsgraph.evaluation.metrics import Counts, ratio
from newsgraph.ingest.html import decode_html, extract_html
from newsgraph.settings import require_eval_dir

log = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"\w+")
_SHINGLE_N = 4


@dataclass(slots=True)
class GoldPage:
    """One gold item: the page HTML (decoded) and the human-made article body."""

    id: str
    url: str | None
    html: str
    body: str


def shingles(text: str, *, n: int = _SHINGLE_N) -> Counter[str]:
    """Multiset of word n-gram shingles; a text shorter than n words is one shingle."""
    tokens = _TOKEN_RE.findall(text or "")
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def score_document(gold: str, predicted: str) -> Counts:
    """Per-document TP/FP/FN over shingles, normalised to sum to 1 (or all 0)."""
    want, got = shingles(gold), shingles(predicted)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    if total == 0:
        return Counts(0.0, 0.0, 0.0)
    return Counts(tp / total, fp / total, fn / total)


def summarise(counts: list[Counts], *, exact: int) -> dict[str, float]:
    """Precision/recall/F1 from summed normalised counts, plus exact-match accuracy."""
    total = Counts(sum(c.tp for c in counts), sum(c.fp for c in counts), sum(c.fn for c in counts))
    return {**total.scores(), "accuracy": ratio(exact, len(counts))}


def read_gold(path: Path, *, limit: int | None = None) -> list[GoldPage]:
    """Read gold.jsonl and the gzipped pages it names (decoded to str)."""
    pages: list[GoldPage] = []
    for row in iter_gold(path, limit=limit):
        raw = gzip.decompress((path / row["html_file"]).read_bytes())
        pages.append(GoldPage(row["id"], row.get("url"), decode_html(raw), row["article_body"]))
    return pages


def evaluate_html(path: Path, *, limit: int | None = None) -> dict[str, float]:
    """Run ``extract_html`` over a gold folder and score the bodies.

    Args:
        path: folder holding gold.jsonl and html/*.html.gz.
        limit: score only the first ``limit`` pages (quick checks).

    Returns:
        {"precision", "recall", "f1", "accuracy", "n_docs", "ms_per_page"}; the time counts
        extraction only (not reading or decompressing the files).
    """
    pages = read_gold(Path(path), limit=limit)
    counts: list[Counts] = []
    exact = 0
    elapsed = 0.0
    for page in pages:
        started = time.perf_counter()
        result = extract_html(page.html, url=page.url)
        elapsed += time.perf_counter() - started
        predicted = result.text if result is not None else ""
        exact += predicted.split() == page.body.split()
        counts.append(score_document(page.body, predicted))
    scores = summarise(counts, exact=exact)
    scores["n_docs"] = len(pages)
    scores["ms_per_page"] = 1000 * elapsed / len(pages) if pages else 0.0
    return scores


if __name__ == "__main__":
    import sys

    logging.basicConfig(level=logging.WARNING)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else require_eval_dir() / "html-aeb-dev"
    sys.stdout.write(json.dumps(evaluate_html(target), indent=1) + "\n")
