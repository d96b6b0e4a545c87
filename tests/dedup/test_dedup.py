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
    assert second.paragraphs[1].duplicate_of == {"article": "a", "paragraph": 1}
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
