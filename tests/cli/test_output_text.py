"""What a user reads: plurals, a progress bar only on a terminal, evidence without a
trailing newline (issue 9 item 9)."""

from __future__ import annotations

import io
import sys

import pytest

from newsgraph import cli
from newsgraph.ingest import ReadStats
from newsgraph.pipeline import RunStats


@pytest.mark.parametrize("n, expected", [(0, "0 articles"), (1, "1 article"), (2, "2 articles"),
                                         (1500, "1,500 articles")])
def test_plural_counts(n, expected):
    assert cli.plural(n, "article") == expected


def test_run_summary_says_one_article_not_one_articles(capsys):
    cli._finish(RunStats(sources=1, articles=1), ReadStats(files=1, sources=1))
    err = capsys.readouterr().err
    assert "1 input, 1 source, 1 article (0 near-duplicates), 0 inputs failed, 0 stage errors" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_in_a_pipe_and_a_bar_with_total_and_rate_on_a_terminal(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("x")
    articles = ["first", "second"]
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    stats = ReadStats(files=2)
    assert list(cli._progress(iter(articles), quiet=False, paths=[str(tmp_path)], read_stats=stats)) == articles
    assert piped.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(cli._progress(iter(articles), quiet=False, paths=[str(tmp_path)], read_stats=stats)) == articles
    bar = terminal.getvalue()
    assert "2/2" in bar and "inputs/s" in bar and "2 articles" in bar
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    list(cli._progress(iter(articles), quiet=True, paths=[str(tmp_path)], read_stats=stats))
    assert quiet.getvalue() == ""


@pytest.mark.slow
def test_event_evidence_has_no_trailing_newline():
    import newsgraph

    text = ("Chile imposed sanctions on Venezuela on Monday.\n"
            "Peru recalled its ambassador from Mexico.\n\nKenya and Uganda signed a trade agreement.\n")
    [article] = newsgraph.analyze(text, published="2024-05-06")
    assert len(article.events) >= 2
    for event in article.events:
        evidence = article.source.text[event.start:event.end]
        assert evidence == evidence.strip() and evidence.endswith(".")
