"""Facts about splitting text dumps into articles and labelling their lines."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsgraph.segment.articles import Segment, split_articles

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed-news-dump.txt"
DEMO = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data" / "demo" / "dump.txt"

BODY_A = (
    "The city council of Springfield voted on Tuesday to expand the municipal bus network, "
    "adding three routes that will connect the northern suburbs with the hospital district. "
    "Council members said the plan would cost about $4 million a year and start in March."
)
BODY_A2 = (
    "Mayor Linda Harper said the routes answer years of complaints from commuters who "
    "spend more than an hour getting to work. Bus drivers welcomed the decision."
)
BODY_B = (
    "Heavy rain flooded dozens of homes in the coastal town of Brixham overnight, and "
    "firefighters rescued two elderly residents trapped by rising water on Harbour Street. "
    "The Environment Agency issued flood warnings for the whole of south Devon."
)
BODY_B2 = (
    "Forecasters expect more storms later this week, and residents have been told to move "
    "valuables upstairs and keep sandbags ready near their doors."
)


def _line_no(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _cut(text: str, seg: Segment) -> str:
    return text[seg.start : seg.end]


def test_split_empty_text_gives_no_articles() -> None:
    assert split_articles("") == []
    assert split_articles("\n\n   \n") == []


def test_split_single_article_stays_one() -> None:
    text = "\n".join(["Council Expands Bus Network", BODY_A, BODY_A2])
    segments = split_articles(text)
    assert len(segments) == 1
    assert segments[0].title == (0, len("Council Expands Bus Network"))
    assert segments[0].end == len(text)


def test_split_dashed_separators_make_articles() -> None:
    text = "\n".join(["Bus network grows", BODY_A, "---", "Floods hit Brixham", BODY_B])
    segments = split_articles(text)
    assert [text[s.title[0] : s.title[1]] for s in segments if s.title] == [
        "Bus network grows",
        "Floods hit Brixham",
    ]
    assert [p.kind for p in segments[0].paragraphs][:2] == ["title", "body"]


def test_split_blank_lines_with_titles_make_articles() -> None:
    text = "\n\n".join(["Bus network grows", BODY_A, BODY_A2, "Floods hit Brixham", BODY_B, BODY_B2])
    segments = split_articles(text)
    assert len(segments) == 2
    assert _cut(text, segments[1]).startswith("Floods hit Brixham")
    assert _cut(text, segments[0]).endswith(BODY_A2)


def test_split_title_after_body_line_starts_new_article() -> None:
    text = "\n".join(["Bus network grows", BODY_A, BODY_A2, "Floods hit Brixham", BODY_B, BODY_B2])
    segments = split_articles(text)
    assert [_line_no(text, s.start) for s in segments] == [1, 4]


def test_split_finds_caption_after_title() -> None:
    text = "\n".join(
        [
            "Floods Hit Coastal Town",
            "A view of flooded streets in Brixham, Devon, on April 4, 2018",
            BODY_B,
            BODY_B2,
        ]
    )
    (segment,) = split_articles(text)
    assert [p.kind for p in segment.paragraphs] == ["title", "caption", "body", "body"]


def test_split_labels_photo_credit_inside_body_as_caption() -> None:
    text = "\n".join([BODY_B, "Firefighters wading through water on Harbour Street (Photo: Reuters)", BODY_B2])
    (segment,) = split_articles(text)
    assert [p.kind for p in segment.paragraphs] == ["body", "caption", "body"]


def test_split_paragraph_offsets_cut_the_lines() -> None:
    text = "Bus network grows\r\n" + BODY_A + "\r\n\r\n  " + BODY_A2 + "  \n"
    (segment,) = split_articles(text)
    lines = [text[p.start : p.end] for p in segment.paragraphs]
    assert lines == ["Bus network grows", BODY_A, BODY_A2]


def test_split_huge_single_line_is_fast() -> None:
    text = ("word " * 10_000_000).strip()  # 50 MB, one line
    began = time.perf_counter()
    segments = split_articles(text)
    assert time.perf_counter() - began < 5.0
    assert len(segments) == 1 and segments[0].end == len(text)


def test_split_is_deterministic() -> None:
    text = "\n".join([BODY_A, BODY_A2, BODY_B, BODY_B2] * 3)
    assert split_articles(text) == split_articles(text)


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("seed dump not found")
    return SEED.read_text(encoding="utf-8")


def test_split_seed_labels_title_caption_and_bullet(seed_text: str) -> None:
    first = split_articles(seed_text)[0]
    kinds = {_line_no(seed_text, p.start): p.kind for p in first.paragraphs}
    assert kinds[1] == "title" and kinds[2] == "caption" and kinds[3] == "body"
    assert kinds[4] == "separator"
    assert first.title is not None
    assert seed_text[first.title[0] : first.title[1]].startswith("Russia Advances Mass Production")


def test_split_seed_labels_mid_body_photo_captions(seed_text: str) -> None:
    kinds = {
        _line_no(seed_text, p.start): p.kind
        for seg in split_articles(seed_text)
        for p in seg.paragraphs
    }
    assert kinds[23] == "caption" and kinds[28] == "caption" and kinds[37] == "caption"
    assert kinds[24] == "body"


def test_split_seed_finds_first_article_ends_before_gasoline_story(seed_text: str) -> None:
    starts = [_line_no(seed_text, s.start) for s in split_articles(seed_text)]
    assert starts[:2] == [1, 10]
    assert {18, 33} <= set(starts)


def test_split_seed_gives_six_articles(seed_text: str) -> None:
    starts = [_line_no(seed_text, s.start) for s in split_articles(seed_text)]
    assert starts == [1, 10, 18, 33, 46, 52]


def test_split_demo_dump_gives_its_seven_articles() -> None:
    text = DEMO.read_text(encoding="utf-8")
    segments = split_articles(text)
    assert [_line_no(text, s.start) for s in segments] == [1, 11, 17, 25, 33, 41, 48]
    titled = [text[s.title[0] : s.title[1]] for s in segments if s.title]
    assert titled[0].startswith("Kyrgyz and Tajik Forces Clash")
    assert any(t.startswith("EU-India Trade Talks Stall") for t in titled)


def test_split_dated_dateline_starts_article_after_body() -> None:
    text = "\n".join([BODY_A, BODY_A2, "BRIXHAM, April 4 (Reuters) - " + BODY_B, BODY_B2])
    assert [_line_no(text, s.start) for s in split_articles(text)] == [1, 3]
