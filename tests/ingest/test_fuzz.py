"""Fuzz the readers: random bytes, truncations, huge lines and odd encodings either give
sources of text or one InputError, never another exception, and never hang.

Seeded, so a failure reproduces; sized to run in seconds.
"""

from __future__ import annotations

import gzip
import json
import random
import time

import pytest

from newsgraph import ingest
from newsgraph.core import split_source
from newsgraph.errors import InputError
from newsgraph.settings import Settings

SEED = 20261203
TEXT = ("ATHENS — Greece’s prime minister said on Monday that talks with Türkiye would resume "
        "in Ankara, officials said. \"We are ready,\" he told reporters.\n\n")
RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>"
       "<item><title>Talks</title><link>https://example.org/a</link>"
       "<description>Delegations met in Geneva on Thursday.</description></item>"
       "</channel></rss>")
HTML = ("<!doctype html><html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        + "<p>Delegations met in Geneva on Thursday and said the talks were useful.</p>" * 20
        + "</article></body></html>")
JSONL = "\n".join(json.dumps({"title": f"T{i}", "text": TEXT}) for i in range(5))
SEEDS = [TEXT.encode() * 20, RSS.encode(), HTML.encode(), JSONL.encode(),
         gzip.compress(TEXT.encode() * 50), TEXT.encode("utf-16"), TEXT.encode("utf-16-le"),
         "Москва заявила в понедельник о переговорах.".encode("cp1251") * 30,
         "東京で月曜日に会談が行われた。".encode("shift_jis") * 30,
         TEXT.encode("utf-8").replace(b"\xe2\x80\x94", b"\x97") * 10]  # a cp1252 dash in UTF-8


def _cases() -> list[tuple[str, bytes]]:
    rng = random.Random(SEED)
    cases = [(f"random-{i}", rng.randbytes(rng.choice([1, 7, 100, 5000, 70_000]))) for i in range(40)]
    for i, data in enumerate(SEEDS):
        cases.append((f"seed-{i}", data))
        for j in range(6):  # truncations and flipped bytes
            cut = rng.randrange(1, len(data) + 1)
            cases.append((f"cut-{i}-{j}", data[:cut]))
            noisy = bytearray(data)
            for _ in range(rng.choice([1, 5, 50])):
                noisy[rng.randrange(len(noisy))] = rng.randrange(256)
            cases.append((f"flip-{i}-{j}", bytes(noisy)))
    cases.append(("huge-line", (TEXT.strip() + " ").encode() * 8000))  # 1.3 MB, no line break
    cases.append(("huge-json-line", json.dumps({"text": TEXT * 5000}).encode()))
    cases.append(("nul-mixed", TEXT.encode() + bytes(3000) + TEXT.encode()))
    cases.append(("bomb", gzip.compress(bytes(3_000_000))))
    return cases


@pytest.mark.parametrize("name, data", _cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_readers_never_crash_or_hang(name, data):
    settings = Settings(max_input_bytes=2_000_000, max_chars=50_000)
    began = time.perf_counter()
    try:
        sources = list(ingest.read_bytes(data, uri=f"file:///{name}", settings=settings))
    except InputError as err:
        assert err.code.startswith("E1") and f"file:///{name}" in str(err)
        return
    for source in sources:
        assert isinstance(source.text, str) and source.text.strip()
        for article in split_source(source):
            assert 0 <= article.start <= article.end <= len(source.text)
            assert all(article.start <= p.start <= p.end <= article.end for p in article.paragraphs)
    assert time.perf_counter() - began < 30
