"""Split a plain-text news dump into articles and label every line.

Every gap between two text lines gets a boundary score (log-odds) from cues that need no
model: separators and blank lines, a headline-shaped line, lexical cohesion between the
words before and after the gap (TextTiling-style, with a depth score), whether the names
in the next line were seen just before, lede openings (datelines such as ``WASHINGTON —``)
against continuation openings (pronouns, "However", quotation marks), and closing
boilerplate at the end of the previous line, wire-style ledes (a short first sentence with a
day and a report clause, or one that introduces a person in full, or a dated dateline such as
``ASTANA, Sept 16 –``), and subheading cues that keep a heading-shaped line inside its article
(the words around it agree, it is numbered, another heading follows). The weights are read
from ``data/weights.tsv``, written by ``tools/fit_segment_weights.py``. Gaps are then accepted from the most to the least certain, skipping
any that would leave an article shorter than ``min_words``. Finally *links* (see
:mod:`newsgraph.segment.links`: a paragraph repeated nearly word for word, a name introduced
in full after a short mention) that no boundary satisfies yet add a bonus to the gaps they
span, which lets the splitter separate articles on one story that share all their words.

Example:
    >>> segs = split_articles("Council Expands Bus Routes\\nThe council voted on Tuesday to add "
    ...                       "three routes.\\n---\\nFloods Hit Coastal Town\\nHeavy rain flooded "
    ...                       "dozens of homes overnight.")
    >>> [(s.start, s.title) for s in segs]
    [(0, (0, 26)), (81, (81, 104))]
"""

from __future__ import annotations

import bisect
import logging
import math
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from newsgraph.datafiles import read_table
from newsgraph.segment.links import Link, reintro_links, repeat_links
from newsgraph.segment.paragraphs import Line, split_lines

log = logging.getLogger(__name__)

__all__ = ["ParagraphSpan", "Segment", "SegmentSettings", "split_articles"]


@dataclass(slots=True)
class ParagraphSpan:
    """One non-blank line of an article: offsets into the full text, end exclusive."""

    start: int
    end: int
    kind: str  # "title" | "caption" | "body" | "separator"


@dataclass(slots=True)
class Segment:
    """One article: its span, its title line (if any) and its paragraphs."""

    start: int
    end: int
    title: tuple[int, int] | None
    paragraphs: list[ParagraphSpan]


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    """Knobs of the splitter; the defaults suit English news dumps."""

    threshold: float = -1.0  # accept gaps whose log-odds exceed this
    min_words: int = 80  # an article shorter than this needs a structural cue to stand alone
    window_words: int = 60  # words on each side for the cohesion score
    name_lookback: int = 6  # previous text lines searched for names already seen
    long_words: int = 700  # articles longer than this are split more readily ...
    length_gain: float = 2.0  # ... by this much log-odds per e-fold of excess length
    typical_median: float = -6.0  # median gap score in mixed-topic dumps
    adapt_share: float = 0.0  # how much of a dump's extra cohesion is discounted
    adapt_min_gaps: int = 12
    strong_margin: float = 3.0  # a gap this far above threshold may leave a short article
    repeat_bonus: float = 8.0  # log-odds added inside a repeat link no boundary satisfies yet
    reintro_bonus: float = 3.0  # ... inside a re-introduction link


_DEFAULT = SegmentSettings()


def split_articles(text: str, *, settings: SegmentSettings | None = None) -> list[Segment]:
    """Split ``text`` into articles with labelled paragraphs.

    Args:
        text: the whole decoded input (may hold one or many articles).
        settings: optional :class:`SegmentSettings`.
    Returns:
        Articles in text order; ``[]`` when the text holds no words.
    """
    cfg = settings or _DEFAULT
    lines = split_lines(text)
    body = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    if not body:
        return []
    texts = [lines[i] for i in body]
    links = repeat_links(texts) + reintro_links(texts)
    scores, structural = _gap_scores(lines, body, cfg, links)
    starts = _choose_starts(lines, body, scores, structural, cfg, links)
    return _build_segments(lines, body, starts)


# ---------------------------------------------------------------- gap scores


@dataclass(slots=True)
class _Gap:
    """What lies between text line ``body[j-1]`` and ``body[j]``."""

    blanks: int = 0
    strong_sep: bool = False
    weak_sep: bool = False


def _gaps(lines: list[Line], body: list[int]) -> list[_Gap]:
    gaps = [_Gap()]
    for prev, cur in zip(body, body[1:]):
        gap = _Gap()
        for ln in lines[prev + 1 : cur]:
            if ln.kind == "blank":
                gap.blanks += 1
            elif ln.strong:
                gap.strong_sep = True
            else:
                gap.weak_sep = True
        gaps.append(gap)
    return gaps


def _gap_features(
    lines: list[Line], body: list[int], cfg: SegmentSettings, links: list[Link] | None = None
) -> tuple[list[dict[str, float]], list[bool]]:
    """Cue values of every gap (index 0, the text start, gets none) and which gaps are structural."""
    texts = [lines[i] for i in body]
    reintro_at = {link.last for link in links or () if link.kind == "reintro"}
    gaps = _gaps(lines, body)
    idf = _dump_idf(texts)
    sims = [_cohesion(texts, j, cfg.window_words, idf) for j in range(len(texts))]
    depths = _depths(sims)
    rows: list[dict[str, float]] = [{}]
    structural = [True]
    for j in range(1, len(texts)):
        feats = _features(texts, j, gaps[j], sims[j], depths[j], cfg, idf)
        feats.update(_overlaps(texts, j, 3 * cfg.window_words, idf))
        feats["reintro"] = float(j in reintro_at)
        feats.update(_heading_cues(texts, j, feats["title"], cfg, idf))
        rows.append(feats)
        structural.append(gaps[j].strong_sep or feats["title"] > 0.5 or gaps[j].blanks >= 2)
    return rows, structural


def _gap_scores(
    lines: list[Line], body: list[int], cfg: SegmentSettings, links: list[Link] | None = None
) -> tuple[list[float], list[bool]]:
    """Log-odds that an article starts at each text line (index 0 is the text start)."""
    rows, structural = _gap_features(lines, body, cfg, links)
    scores = [math.inf]
    for feats in rows[1:]:
        scores.append(_W_BIAS + sum(_WEIGHTS.get(name, 0.0) * value for name, value in feats.items()))
    _adapt_to_cohesion(scores, cfg)
    return scores, structural


def _heading_cues(
    texts: list[Line], j: int, title: float, cfg: SegmentSettings, idf: dict[str, float]
) -> dict[str, float]:
    """Cues that tell a subheading or list item inside an article from a new article's start.

    A subheading keeps the article's words on both sides of it (``title_skip``: cohesion
    across the heading-shaped line), is often numbered ("3. Stay hydrated"), and often comes
    right before another heading-shaped line (a list of product names, a table's header).
    """
    cur = texts[j]
    nxt = texts[j + 1] if j + 1 < len(texts) else None
    skip = _cohesion(texts, j, cfg.window_words, idf, skip=1) if title > 0 and nxt is not None else 0.0
    return {
        "title_skip": title * skip,
        "numbered": float(cur.numbered),
        "next_heading": float(nxt is not None and _is_title_shaped(nxt) and nxt.n_words <= 10),
    }


def _adapt_to_cohesion(scores: list[float], cfg: SegmentSettings) -> None:
    """Shift all scores of a dump whose typical gap is far more cohesive than usual.

    A dump of articles on one story (all about Iran and Saudi Arabia) keeps its words across
    article boundaries, so cohesion cues sink every gap; the shift lets lede and closing cues
    decide there. Needs enough gaps to estimate the dump's typical score.
    """
    inner = sorted(s for s in scores[1:] if math.isfinite(s))
    if len(inner) < cfg.adapt_min_gaps or cfg.adapt_share <= 0:
        return
    median = inner[len(inner) // 2]
    shift = cfg.adapt_share * max(0.0, cfg.typical_median - median)
    for j in range(1, len(scores)):
        scores[j] += shift


def load_weights(name: str | Path = "segment/data/weights.tsv") -> tuple[float, dict[str, float]]:
    """Read ``name<TAB>weight`` rows (``bias`` is the intercept; ``#`` lines are comments)."""
    weights = {name: float(value) for name, value in read_table(name)}
    return weights.pop("bias", 0.0), weights


# Weights of the cues (log-odds), fitted by tools/fit_segment_weights.py (see that script).
_W_BIAS, _WEIGHTS = load_weights()


def _features(
    texts: list[Line],
    j: int,
    gap: _Gap,
    sim: float,
    depth: float,
    cfg: SegmentSettings,
    idf: dict[str, float],
) -> dict[str, float]:
    cur, prev = texts[j], texts[j - 1]
    nxt = texts[j + 1] if j + 1 < len(texts) else None
    title = _title_in_context(prev, cur, nxt, gap)
    seen = _recent_names(texts, j, cfg.name_lookback)
    seen_words = _words_before(texts, j, 3 * cfg.window_words)
    ahead = _names_ahead(texts, j, 4)
    names = set(cur.head_names)
    old = _share(names, seen, idf) if names else 0.5
    fwd = len(names & ahead) / len(names) if names and ahead else 0.0
    return {
        "sim": sim,
        "depth": depth,
        "name_old": old,
        "name_fwd": fwd,
        "no_names": float(not names),
        "dateline": float(cur.dateline),
        "lede_day": float(cur.lede_day),
        "lede_perfect": float(cur.lede_perfect),
        "lede_attrib": float(cur.lede_attrib),
        "lede_len": float(15 <= cur.first_len <= 45),

        "prev_year": float(prev.mentions_year),
        "dated_dateline": float(cur.dated_dateline),
        "lede_wire": float(cur.lede_report and cur.lede_day),
        "lede_intro": float(cur.lede_day and cur.first_len <= 35 and bool(cur.intros)),
        "next_follow_up": float(nxt is not None and nxt.follow_up),
        "follow_up": float(cur.follow_up),
        "prev_analytic": float(prev.end_analytic),
        "open_back": _share(set(cur.open_words), seen_words, idf) if cur.open_words else 0.0,
        "boilerplate": float(cur.boilerplate),
        "anaphoric": float(cur.anaphoric),
        "back_open": float(cur.back_open),
        "quote_open": float(cur.quote_open),
        "lower_open": float(cur.lower_open),
        "prev_open_end": float(prev.open_end and not gap.blanks and not gap.strong_sep),
        "prev_closing": float(prev.closing),
        "prev_not_terminal": float(not prev.terminal),
        "title": title,
        "title_repeat": float(title > 0 and _repeats(cur, nxt)),
        "caption": cur.caption_like * (1.0 - title),
        "prev_title": float(_is_title_shaped(prev)),
        "prev_caption": float(prev.caption_like >= 0.4 and not prev.terminal),
        "blank": float(gap.blanks >= 1),
        "blanks2": float(gap.blanks >= 2),
        "strong_sep": float(gap.strong_sep),
        "weak_sep": float(gap.weak_sep),
    }


def _is_title_shaped(line: Line) -> bool:
    return line.title_like >= 0.5 and line.caption_like < line.title_like


def _title_in_context(prev: Line, cur: Line, nxt: Line | None, gap: _Gap) -> float:
    """How much ``cur`` reads as the headline of a new article (0..1)."""
    if nxt is None or not _is_title_shaped(cur):
        return 0.0
    if nxt.n_words < 8 and nxt.title_like >= cur.title_like:
        return 0.0
    score = cur.title_like
    if _repeats(cur, nxt):
        score += 0.4
    if not prev.terminal and not gap.blanks and not gap.strong_sep:
        score -= 0.3
    return max(0.0, min(1.0, score))


def _repeats(cur: Line, nxt: Line | None) -> bool:
    """True when the next line opens with this line's words (wire copy repeats headlines)."""
    if nxt is None:
        return False
    head = cur.opening[: min(40, len(cur.opening))].rstrip(" .?!")
    return len(head) >= 8 and nxt.opening.startswith(head)


def _recent_names(texts: list[Line], j: int, lookback: int) -> set[str]:
    seen: set[str] = set()
    for line in texts[max(0, j - lookback) : j]:
        seen.update(line.all_names)
    return seen


def _names_ahead(texts: list[Line], j: int, span: int) -> set[str]:
    ahead: set[str] = set()
    for line in texts[j + 1 : j + 1 + span]:
        ahead.update(line.all_names)
    return ahead


def _cohesion(
    texts: list[Line], j: int, window: int, idf: dict[str, float], *, skip: int = 0
) -> float:
    """Cosine of content-word counts: ``window`` words before line j against after it.

    With ``skip`` the words after are read from line ``j + skip`` on (across a heading).
    """
    if j == 0:
        return 1.0
    before: list[str] = []
    for line in reversed(texts[max(0, j - 12) : j]):
        before.extend(reversed(line.tail_words))
        if len(before) >= window:
            break
    after: list[str] = []
    for line in texts[j + skip : j + skip + 12]:
        after.extend(line.head_words)
        if len(after) >= window:
            break
    return _cosine(Counter(before[:window]), Counter(after[:window]), idf)


def _overlaps(texts: list[Line], j: int, window: int, idf: dict[str, float]) -> dict[str, float]:
    """Share of line j's (and line j-1's) words found in the text before and after them."""
    before = _words_before(texts, j, window)
    after = _words_after(texts, j + 1, window)
    cur = set(texts[j].head_words)
    prev = set(texts[j - 1].tail_words)
    before_prev = _words_before(texts, j - 1, window) if j > 1 else set()
    after_prev = _words_after(texts, j, window)
    return {
        "cur_back": _share(cur, before, idf),
        "cur_fwd": _share(cur, after, idf) if j + 1 < len(texts) else 0.3,
        "prev_back": _share(prev, before_prev, idf) if j > 1 else 0.3,
        "prev_fwd": _share(prev, after_prev, idf),
        "wide_sim": _jaccard(before, after_prev, idf),
    }


def _words_before(texts: list[Line], j: int, window: int) -> set[str]:
    words: set[str] = set()
    count = 0
    for line in reversed(texts[max(0, j - 30) : j]):
        words.update(line.tail_words)
        count += len(line.tail_words)
        if count >= window:
            break
    return words


def _words_after(texts: list[Line], j: int, window: int) -> set[str]:
    words: set[str] = set()
    count = 0
    for line in texts[j : j + 30]:
        words.update(line.head_words)
        count += len(line.head_words)
        if count >= window:
            break
    return words


def _dump_idf(texts: list[Line]) -> dict[str, float]:
    """Weight of each word: 1 for a word of one line, less for words found all over the dump.

    Words a whole dump shares (its common story: "Iran", "Saudi") say little about where
    one article ends, so every overlap and similarity counts words by this weight.
    """
    df: Counter[str] = Counter()
    for line in texts:
        df.update(set(line.head_words) | set(line.tail_words) | set(line.all_names))
    n = len(texts)
    scale = math.log(1 + n)
    return {word: math.log(1 + n / count) / scale for word, count in df.items()}


def _weight(words: set[str], idf: dict[str, float]) -> float:
    return sum(map(idf.get, words, repeat(1.0)))


def _share(words: set[str], pool: set[str], idf: dict[str, float]) -> float:
    total = _weight(words, idf)
    return _weight(words & pool, idf) / total if total else 0.3


def _jaccard(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    union = _weight(a | b, idf)
    return _weight(a & b, idf) / union if a and b and union else 0.0


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    w = {word: idf.get(word, 1.0) ** 2 for word in a.keys() | b.keys()}
    dot = sum(count * b[word] * w[word] for word, count in a.items() if word in b)
    norm = math.sqrt(
        sum(v * v * w[k] for k, v in a.items()) * sum(v * v * w[k] for k, v in b.items())
    )
    return dot / norm if norm else 0.0


def _depths(sims: list[float], reach: int = 3) -> list[float]:
    """TextTiling depth: how far each gap's similarity dips below its neighbours' peaks."""
    depths = [0.0] * len(sims)
    for j in range(1, len(sims)):
        left = max(sims[max(1, j - reach) : j], default=sims[j])
        right = max(sims[j + 1 : j + 1 + reach], default=sims[j])
        depths[j] = max(0.0, left - sims[j]) + max(0.0, right - sims[j])
    return depths


# ---------------------------------------------------------------- choosing starts


def _choose_starts(
    lines: list[Line],
    body: list[int],
    scores: list[float],
    structural: list[bool],
    cfg: SegmentSettings,
    links: list[Link] | None = None,
) -> list[int]:
    """Accept gaps from the best down while every article keeps ``min_words`` words."""
    words = [lines[i].n_words for i in body]
    cum = [0]
    for n in words:
        cum.append(cum[-1] + n)
    order = sorted(
        (j for j in range(1, len(body)) if scores[j] > cfg.threshold),
        key=lambda j: (-scores[j], j),
    )
    chosen = [0, len(body)]
    for j in order:
        k = _insert_point(chosen, j)
        left, right = chosen[k - 1], chosen[k]
        short = min(cum[j] - cum[left], cum[right] - cum[j]) < cfg.min_words
        if short and not structural[j] and scores[j] < cfg.threshold + cfg.strong_margin:
            continue
        chosen.insert(k, j)
    _resolve_links(chosen, links or [], cum, scores, cfg)
    _split_long(chosen, cum, scores, cfg)
    _shift_edges(chosen, [lines[i] for i in body])
    return chosen[:-1]


def _resolve_links(
    chosen: list[int], links: list[Link], cum: list[int], scores: list[float], cfg: SegmentSettings
) -> None:
    """Add the best gap inside links that no boundary satisfies, while it is good enough.

    Every unsatisfied link adds its bonus to each gap it spans, so a gap that several links
    agree on wins; accepted gaps still keep ``min_words`` on both sides.
    """
    weight = {"repeat": cfg.repeat_bonus, "reintro": cfg.reintro_bonus}
    while True:
        open_links = [link for link in links if not _satisfied(chosen, link)]
        bonus: dict[int, float] = {}
        for link in open_links:
            for j in range(link.first + 1, link.last + 1):
                bonus[j] = bonus.get(j, 0.0) + weight[link.kind]
        best, best_score = None, cfg.threshold
        for j, extra in bonus.items():
            k = _insert_point(chosen, j)
            left, right = chosen[k - 1], chosen[k]
            if min(cum[j] - cum[left], cum[right] - cum[j]) < cfg.min_words:
                continue
            if scores[j] + extra > best_score:
                best, best_score = j, scores[j] + extra
        if best is None:
            return
        chosen.insert(_insert_point(chosen, best), best)


def _satisfied(chosen: list[int], link: Link) -> bool:
    k = _insert_point(chosen, link.first + 1)
    return k < len(chosen) - 1 and chosen[k] <= link.last


def _split_long(chosen: list[int], cum: list[int], scores: list[float], cfg: SegmentSettings) -> None:
    """Length prior: split an overlong article at its best gap if that gap is nearly good enough."""
    k = 1
    while k < len(chosen):
        left, right = chosen[k - 1], chosen[k]
        words = cum[right] - cum[left]
        best = None
        if words > cfg.long_words:
            inner = [
                j
                for j in range(left + 1, right)
                if min(cum[j] - cum[left], cum[right] - cum[j]) >= cfg.min_words
            ]
            best = max(inner, key=lambda j: (scores[j], -j), default=None)
        if best is not None:
            bonus = cfg.length_gain * math.log(words / cfg.long_words)
            if scores[best] + bonus > cfg.threshold:
                chosen.insert(k, best)
                continue
        k += 1


def _shift_edges(chosen: list[int], texts: list[Line]) -> None:
    """Move a start over a byline fragment before it, or past a footer line after it."""
    taken = set(chosen)
    for k in range(1, len(chosen) - 1):
        j = chosen[k]
        prev = texts[j - 1]
        if (
            j - 1 > chosen[k - 1]
            and prev.n_words <= 4
            and (prev.open_end or prev.byline)
            and (j - 2 < 0 or texts[j - 2].terminal)
        ):
            chosen[k] = j - 1
        elif texts[j].boilerplate and texts[j].n_words < 30 and j + 1 < chosen[k + 1] and j + 1 not in taken:
            chosen[k] = j + 1


def _insert_point(chosen: list[int], j: int) -> int:
    return bisect.bisect_left(chosen, j)


# ---------------------------------------------------------------- building segments


def _build_segments(lines: list[Line], body: list[int], starts: list[int]) -> list[Segment]:
    segments: list[Segment] = []
    bounds = [*starts, len(body)]
    for a, b in zip(bounds, bounds[1:]):
        first, last = body[a], body[b - 1]
        kinds = _label(lines, body[a:b])
        paragraphs = []
        for i in range(first, last + 1):
            line = lines[i]
            if line.kind == "blank":
                continue
            kind = "separator" if line.kind == "separator" else kinds[i]
            paragraphs.append(ParagraphSpan(start=line.start, end=line.end, kind=kind))
        title = None
        if paragraphs and paragraphs[0].kind == "title":
            title = (paragraphs[0].start, paragraphs[0].end)
        segments.append(
            Segment(start=lines[first].start, end=lines[last].end, title=title, paragraphs=paragraphs)
        )
    return segments


def _label(lines: list[Line], idx: list[int]) -> dict[int, str]:
    """Label the text lines of one article: title, caption or body."""
    kinds = {i: "body" for i in idx}
    if len(idx) >= 2 and _is_title_shaped(lines[idx[0]]) and lines[idx[1]].n_words >= 4:
        kinds[idx[0]] = "title"
    for pos, i in enumerate(idx):
        line = lines[i]
        if kinds[i] == "title" or line.terminal or line.n_words > 40 or pos == len(idx) - 1:
            continue
        if line.caption_like >= 0.4 or (pos == 1 and kinds[idx[0]] == "title"):
            kinds[i] = "caption"
        elif _is_title_shaped(line) and pos > 0:
            kinds[i] = "caption"
    return kinds
