"""The analysed window: no stage sees more than ``Settings.max_chars`` of an article."""

from __future__ import annotations

import pytest

from newsgraph.model import Paragraph
from newsgraph.segment.window import PIECE_CHARS, cut_point, fit_window, pieces

SENTENCE = "Chile announced sanctions against Venezuela on Monday, officials said. "


@pytest.mark.parametrize("text, limit, expected", [
    ("short text", 100, 10),
    ("first line\nsecond line goes on", 15, 10),                  # a line end wins
    ("One two three. Four five six", 20, 14),                  # then a sentence end
    ("one two three four five six", 20, 18),                   # then a space
    ("x" * 50, 20, 20),                                          # else a hard cut
    ("Ab. " + "x" * 50, 20, 20),                                 # never in the first half
])
def test_window_cut_point_prefers_natural_boundaries(text, limit, expected):
    assert cut_point(text, 0, limit) == expected


def test_window_pieces_cover_a_long_line_in_bounded_spans():
    text = SENTENCE * 2000
    spans = list(pieces(text, 0, len(text)))
    assert all(hi - lo <= PIECE_CHARS for lo, hi in spans)
    assert all(text[hi - 1] == "." for lo, hi in spans)  # cut at sentence ends
    assert sum(hi - lo for lo, hi in spans) == len(text.strip()) - (len(spans) - 1)  # only spaces left out


def test_window_cuts_long_article_and_its_paragraphs():
    text = "TITLE\n" + SENTENCE * 10_000
    window = fit_window(text, 0, len(text), [Paragraph(0, 5, "title"), Paragraph(6, len(text) - 1, "body")],
                        max_chars=50_000)
    assert window.cut and window.end <= 50_000 and text[window.end - 1] == "."
    assert window.paragraphs[0] == Paragraph(0, 5, "title")
    assert all(p.end <= window.end and p.end - p.start <= PIECE_CHARS for p in window.paragraphs)
    assert len(window.paragraphs) > 5


def test_window_leaves_ordinary_article_untouched():
    text = SENTENCE * 10
    paragraphs = [Paragraph(0, len(text) - 1, "body")]
    window = fit_window(text, 0, len(text), paragraphs, max_chars=200_000)
    assert not window.cut and window.end == len(text) and window.paragraphs == paragraphs


def test_window_applies_before_every_stage(monkeypatch):
    """Each stage, and the parser, sees at most max_chars, even of a 5 MB one-line article."""
    import newsgraph.core as core
    from newsgraph.pipeline import Stage
    from newsgraph.settings import Settings

    seen: list[int] = []

    def record(article, *, settings):
        seen.append(len(article.text))

    stages = [Stage(st.name, record, st.requires, st.assigns) for st in core.default_stages()]
    monkeypatch.setattr(core, "default_stages", lambda: stages)

    def parse(articles, *, settings):
        for article in articles:
            seen.append(len(article.text))
            article.doc = object()
            yield article

    monkeypatch.setattr("newsgraph.nlp.parse", parse)
    text = SENTENCE * (5_000_000 // len(SENTENCE))
    articles = core.analyze(text, settings=Settings(max_chars=20_000))
    assert len(articles) == 1 and len(articles[0].text) <= 20_000
    assert len(seen) == len(stages) + 1 and max(seen) <= 20_000
