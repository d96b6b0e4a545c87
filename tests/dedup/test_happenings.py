"""Happenings: events telling the same happening share one id (issue 10)."""

from __future__ import annotations

from newsgraph.dedup import Deduplicator
from newsgraph.dedup.happenings import HappeningLinker
from newsgraph.model import Actor, Article, Event, Paragraph, Place, Source, Span


def _article(ident: str, lines: list[tuple[str, str]], *, story: str = "s1") -> Article:
    """An article of (kind, text) paragraphs; events are added with ``_event``."""
    text = "\n".join(t for _, t in lines)
    article = Article(id=ident, source=Source(uri=f"file:///{ident}.txt", format="text", text=text),
                      start=0, end=len(text), story=story)
    pos = 0
    for kind, line in lines:
        article.paragraphs.append(Paragraph(pos, pos + len(line), kind))
        pos += len(line) + 1
    article.actors = [Actor("IRN", "Iran", "state", "IRN"), Actor("SAU", "Saudi Arabia", "state", "SAU"),
                      Actor("faisal-bin-farhan", "Faisal bin Farhan", "person", "SAU"),
                      Actor("IRN-MIL", "Iranian military", "group", "IRN"),
                      Actor("USA", "United States", "state", "USA")]
    article.places = [Place("riyadh-108410", "Riyadh", "SAU", 24.7, 46.7, [], "city"),
                      Place("moscow-524901", "Moscow", "RUS", 55.8, 37.6, [], "city"),
                      Place("saudi-arabia-102358", "Saudi Arabia", "SAU", 25.0, 45.0, [], "country")]
    return article


def _event(article: Article, paragraph: int, word: str, category: str, source: str | None,
           target: str | None, *, date: str | None = None, place: str | None = None,
           modality: str = "asserted") -> Event:
    para = article.paragraphs[paragraph]
    at = article.text.index(word, para.start)
    event = Event(category, source, target, para.start, para.end, Span(at, at + len(word)),
                  "test", date=date, date_from="sentence" if date else None, place=place,
                  modality=modality)
    article.events.append(event)
    return event


def _link(*articles: Article) -> None:
    dedup, linker = Deduplicator(), HappeningLinker()
    for article in articles:
        dedup.mark(article)
    for article in articles:
        linker.link(article)


DEAL = ("Under the deal, Tehran and Riyadh agreed to end a diplomatic rift and reestablish relations "
        "following years of hostility that had endangered regional stability in the Gulf.")
EDITED = ("In March, Iran and Saudi Arabia agreed in a China-brokered deal to end the diplomatic rift "
          "and reestablish relations following years of hostility that had endangered regional "
          "stability in the Gulf.")


def test_coordinated_sides_on_one_trigger_are_one_happening():
    a = _article("a", [("body", DEAL)])
    one, two = _event(a, 0, "agreed", "AGREE", "IRN", None), _event(a, 0, "agreed", "AGREE", "SAU", None)
    _link(a)
    assert one.happening == two.happening == "a-0"


def test_edited_repeat_in_another_story_tells_the_same_happening():
    a = _article("a", [("body", DEAL)], story="s1")
    b = _article("b", [("body", "Some other opening words about a visit of ministers this week."),
                       ("body", EDITED)], story="s2")
    first = _event(a, 0, "agreed", "AGREE", "IRN", None, place="riyadh-108410")
    again = _event(b, 1, "agreed", "AGREE", "SAU", None, place="moscow-524901")  # a geocoding slip
    _link(a, b)
    assert b.paragraphs[1].duplicate_of is not None
    assert again.happening == first.happening == "a-0"


def test_caption_restating_the_body_is_one_happening():
    a = _article("a", [("caption", "Iran's army chiefs meet officials in Riyadh on August 17, 2023."),
                       ("body", "Iranian commanders held talks with Saudi officials in Riyadh on Thursday, "
                                "the first such meeting in years.")])
    caption = _event(a, 0, "meet", "CONSULT", "IRN-MIL", None, date="2023-08-17", place="riyadh-108410")
    body = _event(a, 1, "talks", "CONSULT", "IRN", "SAU", date="2023-08-17", place="riyadh-108410")
    _link(a)
    assert caption.happening == body.happening


def test_two_articles_of_one_story_reporting_one_meeting():
    a = _article("a", [("body", "The Saudi foreign minister met Iranian officials in Riyadh on Monday.")])
    b = _article("b", [("body", "Iran and Saudi Arabia held talks in the Saudi capital, Riyadh, this week.")])
    first = _event(a, 0, "met", "CONSULT", "faisal-bin-farhan", "IRN", date="2023-06-05", place="riyadh-108410")
    second = _event(b, 0, "talks", "CONSULT", "IRN", None, place="riyadh-108410")
    _link(a, b)
    assert second.happening == first.happening == "a-0"


def test_meetings_in_two_cities_stay_two_happenings():
    a = _article("a", [("body", "Iran and Saudi Arabia met in Riyadh."), ("body", "Their officers met in Moscow.")])
    riyadh = _event(a, 0, "met", "CONSULT", "IRN", "SAU", place="riyadh-108410")
    moscow = _event(a, 1, "met", "CONSULT", "IRN", "SAU", place="moscow-524901")
    _link(a)
    assert riyadh.happening != moscow.happening


def test_different_dates_different_actors_or_plans_stay_apart():
    a = _article("a", [("body", "Iran and Saudi Arabia met on Monday."), ("body", "They met again on Friday."),
                       ("body", "The United States met Saudi Arabia too."), ("body", "They plan to meet in May.")])
    monday = _event(a, 0, "met", "CONSULT", "IRN", "SAU", date="2023-06-05")
    friday = _event(a, 1, "met", "CONSULT", "IRN", "SAU", date="2023-06-09")
    usa = _event(a, 2, "met", "CONSULT", "USA", "SAU")
    planned = _event(a, 3, "meet", "CONSULT", "IRN", "SAU", modality="planned")
    _link(a)
    assert len({monday.happening, friday.happening, usa.happening, planned.happening}) == 4


def test_across_articles_a_shared_actor_alone_is_not_enough():
    a = _article("a", [("body", "Iran and Saudi Arabia agreed to cooperate.")])
    b = _article("b", [("body", "Iran and Saudi Arabia agreed to restore ties.")])
    first, second = _event(a, 0, "agreed", "AGREE", "IRN", "SAU"), _event(b, 0, "agreed", "AGREE", "IRN", "SAU")
    _link(a, b)
    assert first.happening != second.happening
