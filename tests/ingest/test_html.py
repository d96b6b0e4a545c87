"""Tests for newsgraph.ingest.html (HTML page -> article text) and its evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluation.html import evaluate_html, score_document, shingles
from newsgraph.ingest.html import _clean_author, clean_text, decode_html, extract_html, looks_like_html

from conftest import EVAL

DATA = Path(__file__).parent / "data" / "html"
GOLD = EVAL / "html-aeb-dev"


def _page(name: str) -> str:
    return decode_html((DATA / name).read_bytes())


@pytest.fixture(scope="module")
def news():  # type: ignore[no-untyped-def]
    page = extract_html(_page("news_article.html"), url="https://courier.example/news/flood-barrier")
    assert page is not None
    return page


def test_extract_keeps_every_body_paragraph_one_per_line(news) -> None:  # type: ignore[no-untyped-def]
    lines = news.text.split("\n")
    assert len(lines) == 5
    assert lines[0].startswith("The city council of Porthaven on Tuesday opened")
    assert lines[-1].endswith("in the eastern basin at no extra cost.")


@pytest.mark.parametrize(
    "boilerplate",
    ["cookie", "Advertisement", "Share on", "Related", "Storm closes ferry routes", "Most read",
     "Local bakery", "Copyright", "Privacy policy", "Subscribe", "By Maria Lindqvist"],
)
def test_extract_drops_page_furniture(news, boilerplate: str) -> None:  # type: ignore[no-untyped-def]
    assert boilerplate not in news.text


def test_extract_does_not_repeat_headline_in_body(news) -> None:  # type: ignore[no-untyped-def]
    assert "opens new flood barrier" not in news.text


def test_extract_text_has_no_blank_lines_or_outer_whitespace(news) -> None:  # type: ignore[no-untyped-def]
    assert news.text == news.text.strip()
    assert all(line.strip() == line and line for line in news.text.split("\n"))


def test_extract_reads_title_date_author_language_from_meta(news) -> None:  # type: ignore[no-untyped-def]
    assert news.title == "Harbour city opens new flood barrier"
    assert news.published == "2023-03-14"
    assert news.author == "Maria Lindqvist"
    assert news.language == "en"


def test_extract_returns_none_for_page_without_article() -> None:
    assert extract_html(_page("no_article.html"), url="https://courier.example/") is None


def test_extract_returns_none_for_empty_markup() -> None:
    assert extract_html("<html><body></body></html>") is None


def test_extract_keeps_embedded_tweet_the_article_quotes() -> None:
    page = extract_html(_page("embedded_post.html"), url="https://www.harbournews.example/local/ferry")
    assert page is not None
    assert "Finally on the seven o'clock boat home" in page.text
    assert page.text.index("shortly after dawn") < page.text.index("seven o'clock boat")


def test_extract_trims_contact_and_follow_pitch_at_the_end() -> None:
    page = extract_html(_page("embedded_post.html"), url="https://www.harbournews.example/local/ferry")
    assert page is not None
    assert page.text.endswith("did not report within a month.")


def test_extract_strips_site_name_from_title() -> None:
    page = extract_html(_page("embedded_post.html"), url="https://www.harbournews.example/local/ferry")
    assert page is not None
    assert page.title == "Ferry strike ends after two days"


def test_decode_honours_declared_latin1_charset() -> None:
    html = _page("latin1_article.html")
    page = extract_html(html)
    assert page is not None
    assert "café and restaurant owners marched through the old town of Zürich" in page.text
    assert page.title == "Café owners in Zürich protest rent rises"
    assert page.author == "Jürg Müller"
    assert page.published == "2022-11-02"


def test_decode_prefers_utf8_bom_over_declared_charset() -> None:
    raw = b"\xef\xbb\xbf<html><head><meta charset='iso-8859-1'></head><body>Z\xc3\xbcrich</body></html>"
    assert "Zürich" in decode_html(raw)


def test_decode_reads_declared_latin1_as_windows_1252() -> None:
    raw = b"<html><head><meta charset='iso-8859-1'></head><body>\x93Quoted\x94 \x96 caf\xe9</body></html>"
    assert "\u201cQuoted\u201d \u2013 caf\u00e9" in decode_html(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Carrie Arnold November", "Carrie Arnold"),
        ("Theresa May", "Theresa May"),
        ("Ilana Muhlstein; MS; RDN", "Ilana Muhlstein"),
        ("Jill Disis; AP", "Jill Disis; AP"),
        ("", None),
    ],
)
def test_clean_author_drops_dateline_month_and_credentials(raw: str, expected: str | None) -> None:
    assert _clean_author(raw) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<!DOCTYPE html>\n<html><head><title>x</title></head>", True),
        ("\ufeff  <html lang='en'><head>", True),
        ('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html>', True),
        ("<!-- saved page -->\n<head><meta charset='utf-8'><title>x</title></head><body><p>Hi</p>", True),
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>', False),
        ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', False),
        ("Russia Advances Mass Production Of Iranian Attack Drones\nMoscow, Aug 17 -", False),
        ('{"title": "x", "text": "<p>inline markup</p>"}', False),
        ('{"url": "https://x.example", "html": "<!DOCTYPE html><html><body>"}', False),
        ("", False),
    ],
)
def test_looks_like_html_sniffs_pages_not_feeds_or_text(head: str, expected: bool) -> None:
    assert looks_like_html(head) is expected


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Share this", "Related: Storm closes ferry routes", "Filed under: Politics |",
     "Subscribe to our daily newsletter", "Follow us on Twitter", "Copyright 2023 Example Media",
     "5 min read", "You may also like...", "* * *", "Updated at 1:23 p.m.",
     '[button link="https://example.com/send" type="big"] Send us your review[/button]'],
)
def test_clean_text_removes_boilerplate_line(line: str) -> None:
    body = "The council approved the budget on Monday after a long debate about schools and roads."
    assert clean_text(f"{body}\n{line}\n{body}") == f"{body}\n{body}"


@pytest.mark.parametrize(
    "tail",
    ["Follow AP's full coverage of the election at https://apnews.example/election",
     "Get the day's top headlines delivered to your inbox every morning.",
     "If you enjoyed this article, become a member today.", "SOURCE: News agencies"],
)
def test_clean_text_trims_closing_pitch(tail: str) -> None:
    body = "The council approved the budget on Monday after a long debate about schools and roads."
    assert clean_text(f"{body}\n{tail}") == body


def test_clean_text_keeps_closing_line_with_contact_appeal() -> None:
    text = "Police said the driver fled.\nAnyone with information is asked to email tips@police.example."
    assert clean_text(text) == text


def test_clean_text_keeps_prose_that_mentions_sharing() -> None:
    text = "Share prices fell sharply on Monday after the central bank raised interest rates again."
    assert clean_text(text) == text


def test_clean_text_keeps_lead_sentence_that_echoes_headline() -> None:
    title = "Van Der Beek eliminated from 'Dancing with the Stars'"
    text = (
        "James Van Der Beek has been eliminated from \u201cDancing with the Stars.\u201d\n"
        "More follows here."
    )
    assert clean_text(text, title=title).startswith("James Van Der Beek has been eliminated")


def test_clean_text_drops_link_list_under_related_heading() -> None:
    text = "First paragraph of the story.\nRelated:\n- Other story one\n- Other story two\nLast paragraph."
    assert clean_text(text) == "First paragraph of the story.\nLast paragraph."


def test_score_document_normalises_counts_to_one() -> None:
    counts = score_document("one two three four five", "one two three four six")
    assert counts.tp == pytest.approx(1 / 3)
    assert counts.tp + counts.fp + counts.fn == pytest.approx(1.0)


def test_shingles_treat_short_text_as_one_shingle() -> None:
    assert shingles("just two") == {"just two": 1}


@pytest.mark.slow
@pytest.mark.skipif(not (GOLD / "gold.jsonl").exists(), reason="shared eval data not available")
def test_evaluation_f1_is_high_on_first_gold_pages() -> None:
    scores = evaluate_html(GOLD, limit=10)
    assert scores["n_docs"] == 10
    assert scores["f1"] >= 0.93
