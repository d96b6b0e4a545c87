"""Near-duplicate paragraphs and articles; stories."""

from __future__ import annotations

from newsgraph.dedup import Deduplicator, jaccard, shingles
from newsgraph.dedup.stories import StoryGrouper
from newsgraph.model import Actor, Article, Paragraph, Source

BODY = ("Negotiators from both countries met in Geneva for a third round of talks on the disputed "
        "border, officials said, adding that a draft text on troop withdrawals was on the table.\n"
        "The talks are expected to continue next week with a smaller delegation from each side, "
        "according to a statement released by the host government late on Tuesday evening.")


def _article(text: str, ident: str, published: str | None = None) -> Article:
    article = Article(id=ident, source=Source(uri=ident, format="text", text=text), start=0,
                      end=len(text), published=published)
    pos = 0
    for line in text.split("\n"):
        article.paragraphs.append(Paragraph(pos, pos + len(line), "body"))
        pos += len(line) + 1
    return article


def test_lightly_edited_copy_is_a_duplicate_article():
    dedup = Deduplicator()
    original = _article(BODY, "a")
    edited = _article(BODY.replace("third round", "new round").replace("late on", "on"), "b")
    dedup.mark(original)
    dedup.mark(edited)
    assert original.duplicate_of is None
    assert edited.duplicate_of == "a"


def test_different_article_is_not_a_duplicate():
    dedup = Deduplicator()
    dedup.mark(_article(BODY, "a"))
    other = _article("Heavy rain flooded three districts of the city and schools closed for the "
                     "rest of the week while rescue teams searched for missing residents.\n"
                     "The weather service warned of more storms over the weekend.", "c")
    dedup.mark(other)
    assert other.duplicate_of is None


def test_repeated_paragraph_points_at_first_occurrence():
    dedup = Deduplicator()
    first = _article(BODY, "a")
    second = _article("A completely new opening paragraph about a different matter entirely today.\n"
                      + BODY.split("\n")[1], "b")
    dedup.mark(first)
    dedup.mark(second)
    assert second.paragraphs[1].duplicate_of == {"article": "a", "paragraph": 1, "similarity": 1.0}
    assert second.paragraphs[0].duplicate_of is None


def test_shingle_jaccard_bounds():
    a = shingles(BODY)
    assert jaccard(a, a) == 1.0
    assert jaccard(a, shingles("nothing in common with the other text at all here")) == 0.0


def _with_actors(ident: str, actors: dict[str, int], published: str) -> Article:
    article = _article("text", ident, published)
    article.actors = [Actor(a, a, "state", mentions=n) for a, n in actors.items()]
    return article


def test_stories_join_on_shared_actors_within_window():
    grouper = StoryGrouper()
    a = _with_actors("a", {"KGZ": 6, "TJK": 5, "RUS": 1}, "2026-09-10")
    b = _with_actors("b", {"TJK": 4, "KGZ-MIL": 3, "icrc": 2}, "2026-09-14")
    c = _with_actors("c", {"PER": 5, "PER-CVL": 3}, "2026-09-14")
    d = _with_actors("d", {"KGZ": 6, "TJK": 5}, "2026-12-30")
    for article in (a, b, c, d):
        grouper.assign(article)
    assert (a.story, b.story, c.story, d.story) == ("a", "a", "c", "d")


def test_same_article_with_crlf_spaces_or_nfd_gets_the_same_id():
    """Issue 9: these used to be stored as separate articles when ingested in separate runs."""
    import unicodedata

    from newsgraph.core import split_source
    from newsgraph.model import Source

    text = ("Café talks in Zürich\n\nThe ministers of France and Germany met in Zürich on Monday "
            "and agreed to resume talks, officials said.\nA second meeting is planned.\n")
    variants = [text, text.replace("\n", "\r\n"), text.replace(" and ", "  and   "),
                unicodedata.normalize("NFD", text)]
    ids = [[a.id for a in split_source(Source(uri=f"file:///v{i}.txt", format="text", text=v))]
           for i, v in enumerate(variants)]
    assert len(ids[0]) == 1 and all(i == ids[0] for i in ids)


# -- near-duplicate paragraphs with edits (issue 10) -----------------------------------------

LEDE = ("Under the deal, Tehran and Riyadh agreed to end a diplomatic rift and reestablish relations "
        "following years of hostility that had endangered regional stability in the Gulf.")


def _two(first: str, second: str) -> tuple[Article, Article]:
    dedup = Deduplicator()
    a, b = _article(first, "a"), _article(second, "b")
    dedup.mark(a)
    dedup.mark(b)
    return a, b


def test_edited_repeat_is_marked_with_its_similarity():
    edited = LEDE.replace("Under the deal, Tehran and Riyadh", "In March, Iran and Saudi Arabia") \
        .replace("a diplomatic", "the diplomatic")
    _, b = _two("Opening words of another report on the same matter today.\n" + LEDE, edited)
    dup = b.paragraphs[0].duplicate_of
    assert dup is not None and (dup["article"], dup["paragraph"]) == ("a", 1)
    assert 0.5 <= dup["similarity"] < 1.0


def test_same_topic_different_paragraph_is_not_marked():
    other = ("Saudi Arabia broke ties with Iran in 2016 after protesters attacked its embassy in "
             "Tehran in retaliation for the execution of a prominent Shiite cleric.")
    _, b = _two(LEDE, other)
    assert b.paragraphs[0].duplicate_of is None


def test_short_paragraphs_are_never_duplicates():
    _, b = _two("Read more here.", "Read more here.")
    assert b.paragraphs[0].duplicate_of is None


def test_article_seen_twice_does_not_point_at_itself():
    dedup = Deduplicator()
    first, again = _article(BODY, "a"), _article(BODY, "a")
    dedup.mark(first)
    dedup.mark(again)
    assert all(p.duplicate_of is None for p in first.paragraphs + again.paragraphs)


def test_repeat_within_one_article_points_at_the_earlier_paragraph():
    dedup = Deduplicator()
    article = _article(LEDE + "\nAnd a middle paragraph that says something else entirely, at length.\n"
                       + LEDE.replace("years of", "long years of"), "a")
    dedup.mark(article)
    assert article.paragraphs[2].duplicate_of["paragraph"] == 0
    assert article.paragraphs[0].duplicate_of is None


def test_signature_ignores_crlf_spaces_and_nfd():
    import unicodedata

    from newsgraph.dedup.signatures import signature, similarity

    text = "Café talks in Zürich: the ministers of France and Germany agreed to resume talks on Monday."
    base = signature(text)
    for variant in (text.replace(" ", "  "), text.replace(": ", ":\r\n"), unicodedata.normalize("NFD", text)):
        assert similarity(base, signature(variant)) == 1.0


def test_seed_dump_edited_repeats_are_marked():
    """Issue 10: the seed's two repeated paragraphs (edited) were not marked."""
    import pytest

    from conftest import SEED
    from newsgraph.core import split_source

    if not SEED.exists():
        pytest.skip("../shared/seed-news-dump.txt not present")
    text = SEED.read_text("utf-8")
    dedup = Deduplicator()
    marked = []
    for article in split_source(Source(uri="file:///seed.txt", format="text", text=text)):
        dedup.mark(article)
        marked += [article.local(p.start, p.end)[:40] for p in article.paragraphs if p.duplicate_of]
    assert sorted(marked) == ["In March, Iran and Saudi Arabia agreed i",
                              "The United States has been engaged in an"]


def test_paragraph_pairs_evaluation_scores_the_product_path():
    from newsgraph.evaluation.dedup import predict_pair

    assert predict_pair(LEDE, LEDE.replace("hostility", "enmity"))[0]
    assert not predict_pair(LEDE, BODY.split("\n")[0])[0]
