"""Each bad input gets one clear line naming it; the other inputs of the run still go through."""

from __future__ import annotations

import gzip
import json

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow

GOOD = "Officials in Paris said on Monday that France and Germany signed a trade agreement.\n"


def _analyze(tmp_path, name: str, data: bytes):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = run_cli("analyze", str(bad), str(good))
    articles = [json.loads(line) for line in result.stdout.decode().splitlines()]
    return result, articles, bad


def _one_line_about(stderr: bytes, name: str, words: str) -> None:
    lines = [line for line in stderr.decode().splitlines() if name in line and words in line]
    assert len(lines) == 1, stderr.decode()


@pytest.mark.parametrize("name, data, words", [
    ("empty.txt", b"", "empty input"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8, "binary data"),
    ("cut.txt.gz", gzip.compress(b"x" * 10)[:8], "truncated or corrupt gzip"),
    ("nothing.html", b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
                     b"<a href='/x'>World</a></nav><footer>(c) 2024</footer></body></html>", "no article text"),
])
def test_bad_input_is_named_and_run_goes_on(tmp_path, name, data, words):
    result, articles, _ = _analyze(tmp_path, name, data)
    assert result.returncode == 0
    assert [a["source"]["uri"].rsplit("/", 1)[-1] for a in articles] == ["good.txt"]
    _one_line_about(result.stderr, name, words)


def test_invalid_json_line_skips_only_that_line(tmp_path):
    lines = [json.dumps({"text": "Kenya and Uganda agreed to reopen the border crossing."}), "{oops",
             json.dumps({"text": "Peru recalled its ambassador from Mexico."})]
    result, articles, _ = _analyze(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    assert result.returncode == 0
    assert len(articles) == 3  # two lines + good.txt
    _one_line_about(result.stderr, "feed.jsonl", "line 2 is not valid JSON")


def test_missing_path_named_and_others_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = run_cli("analyze", str(tmp_path / "absent.txt"), str(good))
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) == 1
    _one_line_about(result.stderr, "absent.txt", "no such file")


def test_nothing_readable_exits_non_zero(tmp_path):
    result = run_cli("analyze", str(tmp_path / "absent.txt"))
    assert result.returncode != 0
    assert result.stdout == b""


def test_non_english_text_flagged_not_fatal(tmp_path):
    spanish = ("El gobierno de España anunció el lunes que la reunión con los representantes de "
               "los sindicatos se celebrará en Madrid para que las partes lleguen a un acuerdo.\n")
    result, articles, _ = _analyze(tmp_path, "es.txt", spanish.encode())
    assert result.returncode == 0
    assert {a["language"] for a in articles} == {"es", "en"}
    _one_line_about(result.stderr, "es.txt", "not English")
    assert b"failed on article" not in result.stderr  # not parsed, so no stage runs on it
    spanish_article = next(a for a in articles if a["language"] == "es")
    assert spanish_article["events"] == [] and spanish_article["paragraphs"]


def test_fifty_megabyte_single_line(tmp_path):
    """A 50 MB one-line file is cut to the analysed window before any stage, so it finishes
    and the good file after it runs (issue 9: it used to scan all 50 MB in the dates stage)."""
    sentence = "The committee met in Geneva on Monday, March 4, and discussed the budget, officials said. "
    data = (sentence * (50_000_000 // len(sentence) + 1)).encode()[:50_000_000]
    result, articles, _ = _analyze(tmp_path, "huge.txt", data)
    assert result.returncode == 0
    assert [a["source"]["uri"].rsplit("/", 1)[-1] for a in articles] == ["huge.txt", "good.txt"]
    huge = articles[0]
    assert 100_000 < len(huge["text"]) <= 200_000  # Settings.max_chars, cut at a sentence end
    assert huge["text"].endswith("officials said.")
    assert max(p["end"] - p["start"] for p in huge["paragraphs"]) <= 10_000  # analysable pieces
    assert len(huge["dates"]) > 1000  # the dates stage ran, on the window only
    _one_line_about(result.stderr, "huge.txt", "only the first 19")
