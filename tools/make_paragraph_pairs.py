"""Build the paragraph near-duplicate pairs (``tests/data/dedup/paragraph-pairs.jsonl``).

A developer tool in the checkout. The text is the bundled demo corpus
(``src/newsgraph/data/demo``: fictional articles written for newsgraph, see DEMO.md), cut
into paragraphs by newsgraph's own readers and splitter. Every pair is labelled by
construction, so no judgement is involved:

- positives: a paragraph and an edited copy of it: words substituted (1 to 20 % of them,
  with words drawn from other paragraphs), words inserted or deleted, a short clause added
  at the front ("In March,"), its sentences reordered, or several of these at once;
- negatives: two different paragraphs of one story cluster (the same actors and topic),
  two different paragraphs of one article, and two hard kinds: the same sentence frame
  with other facts (every name and number after the first word replaced by another from
  the corpus: "Kyrgyzstan and Tajikistan exchanged fire on Wednesday" / "Peru and Chile
  exchanged fire on Friday", a different happening told in stock words) and a shared lead
  sentence followed by different paragraphs of the same story. The demo's own lightly
  edited copy (``articles.jsonl`` line 1 of ``dump.txt`` #1) is left out of the negatives.

Run from the repository root (this is how the file was made)::

    python tools/make_paragraph_pairs.py --out tests/data/dedup/paragraph-pairs.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from itertools import combinations
from pathlib import Path

from newsgraph import ingest
from newsgraph.core import split_source

DEMO = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "demo"
CLAUSES = ("In March,", "On Tuesday,", "Officials said", "According to a statement,",
           "Separately,", "Earlier this week,", "As reported,")
# the demo's own edited copy (DEMO.md): its paragraphs are near-duplicates, not negatives
COPIES = ("Deadly fighting erupts on Kyrgyz-Tajik border", "Kyrgyz and Tajik Forces Clash Along Disputed Border")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def paragraphs() -> list[tuple[str, int, str]]:
    """(article title or id, paragraph index, text) of every body paragraph of 12+ words."""
    found = []
    for source in ingest.read([DEMO]):
        for article in split_source(source):
            for n, para in enumerate(article.paragraphs):
                text = article.local(para.start, para.end).strip()
                if para.kind == "body" and len(text.split()) >= 12:
                    found.append((article.title or article.id, n, text))
    return found


def substitute(words: list[str], rate: float, vocab: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for i in rng.sample(range(len(out)), max(1, round(rate * len(out)))):
        out[i] = rng.choice(vocab)
    return out


def insert_delete(words: list[str], k: int, vocab: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for _ in range(k):
        if rng.random() < 0.5 and len(out) > 10:
            del out[rng.randrange(len(out))]
        else:
            out.insert(rng.randrange(len(out) + 1), rng.choice(vocab))
    return out


def reorder(text: str, rng: random.Random) -> str | None:
    sentences = _SENT.split(text)
    if len(sentences) < 2:
        return None
    shuffled = sentences[:]
    while shuffled == sentences:
        rng.shuffle(shuffled)
    return " ".join(shuffled)


def edits(text: str, vocab: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """(edit name, edited text) for one paragraph."""
    words = text.split()
    out = [("substitute-1", " ".join(substitute(words, 0.0, vocab, rng))),
           ("substitute-10pc", " ".join(substitute(words, 0.10, vocab, rng))),
           ("substitute-20pc", " ".join(substitute(words, 0.20, vocab, rng))),
           ("insert-delete-3", " ".join(insert_delete(words, 3, vocab, rng))),
           ("clause", f"{rng.choice(CLAUSES)} {text[0].lower()}{text[1:]}"),
           ("mixed", " ".join(insert_delete(substitute(words, 0.08, vocab, rng), 2, vocab, rng)))]
    moved = reorder(text, rng)
    if moved:
        out.append(("reorder", moved))
    return out


def swap_facts(text: str, names: list[str], numbers: list[str], rng: random.Random) -> str | None:
    """``text`` with every capitalised word (but the first) and every number replaced."""
    words = text.split()
    out, changed = [words[0]], 0
    for word in words[1:]:
        core = word.strip(".,;:\"“”'()")
        pool = numbers if core[:1].isdigit() else names if core[:1].isupper() else None
        if pool and core:
            out.append(word.replace(core, rng.choice(pool)))
            changed += 1
        else:
            out.append(word)
    return " ".join(out) if changed >= 2 else None


def story_of(title: str, clusters: dict[str, str]) -> str | None:
    return clusters.get(title)


def read_clusters() -> dict[str, str]:
    """Title -> story cluster, from the table in DEMO.md."""
    clusters = {}
    for line in (DEMO.parent / "DEMO.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.match(r"\d{4}-\d\d-\d\d", cells[0]):
            clusters[cells[3]] = cells[1]
    return clusters


def build(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    paras = paragraphs()
    vocab = sorted({w for _, _, t in paras for w in t.split() if w.isalpha()})
    clusters = read_clusters()
    pairs = []
    for title, n, text in paras:
        for name, edited in edits(text, vocab, rng):
            pairs.append({"a": text, "b": edited, "label": 1, "kind": name,
                          "from": f"{title} #{n}"})
    copies = set(COPIES)
    by_story: dict[str, list[tuple[str, int, str]]] = {}
    for para in paras:
        cluster = story_of(para[0], clusters)
        if cluster and para[0] not in copies:
            by_story.setdefault(cluster, []).append(para)
    negatives = []
    for cluster, members in sorted(by_story.items()):
        for x, y in combinations(members, 2):
            kind = "same-article" if x[0] == y[0] else "same-story"
            negatives.append({"a": x[2], "b": y[2], "label": 0, "kind": kind,
                              "from": f"{x[0]} #{x[1]} / {y[0]} #{y[1]}"})
    rng.shuffle(negatives)
    names = sorted({w.strip(".,;:\"“”'()") for _, _, t in paras for w in t.split()[1:]
                    if w[:1].isupper() and w.strip(".,;:\"“”'()").isalpha()})
    numbers = sorted({w.strip(".,;:") for _, _, t in paras for w in t.split() if w[:1].isdigit()})
    hard = []
    for title, n, text in paras:
        swapped = swap_facts(text, names, numbers, rng)
        if swapped:
            hard.append({"a": text, "b": swapped, "label": 0, "kind": "same-frame-other-facts",
                         "from": f"{title} #{n}"})
    for members in by_story.values():
        for x, y in combinations(members, 2):
            lead, rest = _SENT.split(x[2]), _SENT.split(y[2])
            if x[0] != y[0] and len(lead) > 1 and len(rest) > 1 and rng.random() < 0.1:
                hard.append({"a": x[2], "b": " ".join([lead[0], *rest[1:]]), "label": 0,
                             "kind": "shared-lead-other-body", "from": f"{x[0]} #{x[1]} / {y[0]} #{y[1]}"})
    return pairs + hard + negatives[:len(pairs) - len(hard)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(f"{len(rows)} pairs ({sum(r['label'] for r in rows)} positive) -> {args.out}")


if __name__ == "__main__":
    main()
