"""Hand-built analyzed articles for the store tests (no model needed)."""

from __future__ import annotations

from newsgraph.model import (Actor, Article, Attribution, DateMention, Entity, Event, Paragraph,
                             Place, Quote, Source, Span)

TEXT = "Washington imposed sanctions on Moscow on Monday."


def make_article(text: str = TEXT, *, uri: str = "file:///a.txt", ident: str = "a1",
                 published: str | None = "2024-03-04", date: str | None = "2024-03-04",
                 country: str | None = "USA") -> Article:
    article = Article(id=ident, source=Source(uri=uri, format="text", text=text), start=0,
                      end=len(text), title="Sanctions", published=published, language="en")
    article.entities = [Entity("Washington", "GPE", 0, 10, "USA"), Entity("Moscow", "GPE", 32, 38, "RUS")]
    article.actors = [Actor("USA", "United States", "state", country, "GOV", "Q30", 1),
                      Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 1)]
    article.events = [Event("SANCTION", "USA", "RUS", 0, len(text), Span(11, 18),
                            "verb:impose+sanction", cameo="163", intensity=-4.0, date=date)]
    article.quotes = [Quote("We act", 0, 6, "USA", "Washington", Span(0, 10), "said")]
    article.places = [Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62, [Span(32, 38)])]
    return article


def varied_articles() -> list[Article]:
    """Articles with missing dates, several categories, ties and late-known actor facts."""
    second = make_article("Moscow accused Washington of meddling and threatened a response.",
                          ident="b2", published="2024-04-01", date=None, country=None)
    second.title = "Accusations"
    second.events = [
        Event("ACCUSE", "RUS", "USA", 0, 30, Span(7, 14), "verb:accuse", cameo="112",
              intensity=-2.0),
        Event("THREATEN", "RUS", "USA", 31, 64, Span(35, 45), "verb:threaten", cameo="13",
              intensity=-4.4, negated=True, modality="reported", confidence=0.7),
    ]
    third = make_article("Kenya and Ethiopia agreed to open the border in Nairobi.", ident="c3",
                         published=None, date=None)
    third.title = "Border deal"
    third.actors = [Actor("KEN", "Kenya", "state", "KEN", "GOV", None, 2),
                    Actor("ETH", "Ethiopia", "state", None, "GOV", None, 1),
                    Actor("USA", "United States", "state", "USA", "GOV", "Q30", 3)]
    third.events = [Event("AGREE", "KEN", "ETH", 0, 56, Span(19, 25), "verb:agree",
                          cameo="057", intensity=4.0, confidence=0.9),
                    Event("COOPERATE", None, None, 0, 56, Span(26, 30), "verb:open")]
    third.quotes = []
    third.places = [Place("nairobi-184745", "Nairobi", "KEN", -1.28, 36.82, [Span(48, 55)]),
                    Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62, [])]
    fourth = make_article("Washington imposed new sanctions on Moscow.", ident="d4",
                          published="2024-03-20", date="2024-03-19")
    fourth.title = "More sanctions"
    return [make_article(), second, third, fourth]


def dated_articles() -> list[Article]:
    """One SANCTION event per stored date precision: day, month, year, datetime, none."""
    rows = [("day", "2024-03-15", "2024-05-01"), ("month", "2024-03", "2024-05-01"),
            ("year", "2024", "2024-05-01"), ("published", None, "2024-02-10T08:30:00Z"),
            ("undated", None, None), ("later", "2025-01", "2025-01-02")]
    return [make_article(f"Washington imposed sanctions on Moscow, the {name} case.",
                         ident=name, date=date, published=published)
            for name, date, published in rows]


def full_article() -> Article:
    """An article in the middle of a dump with every list filled and every optional field set:
    what the schema tests compare the store, the API models and the exports against."""
    text = "Old story.\n\nRUSSIA ACTS\nMoscow said \"we will respond\" to Kyiv on Monday, Tass reported.\n"
    start = text.index("RUSSIA")
    source = Source(uri="file:///dump.txt", format="text", text=text, author="A. Writer")
    pos = text.index
    article = Article(
        id="abc", source=source, start=start, end=len(text) - 1, title="RUSSIA ACTS",
        published="2023-08-17", language="en", duplicate_of="older", story="story-1",
        paragraphs=[Paragraph(start, start + 11, "title"),
                    Paragraph(start + 12, len(text) - 1, "body",
                              {"article": "x", "paragraph": 1, "similarity": 0.8})],
        entities=[Entity("Moscow", "GPE", pos("Moscow"), pos("Moscow") + 6, "RUS")],
        actors=[Actor("RUS", "Russia", "state", "RUS", "GOV", "Q159", 2)],
        events=[Event("THREATEN", "RUS", "UKR", start + 12, len(text) - 1,
                      Span(pos("respond"), pos("respond") + 7), "verb:respond", cameo="130",
                      date="2023-08-14", place="moscow-524901", negated=True, modality="reported",
                      attributed_to="tass", intensity=-4.4, date_from="sentence",
                      confidence=0.8, source_text="Moscow", target_text="Kyiv", happening="older-3")],
        quotes=[Quote("we will respond", pos("we"), pos("we") + 15, "RUS", "Moscow",
                      Span(pos("Moscow"), pos("Moscow") + 6), "said", True)],
        attributions=[Attribution("Tass", "tass", pos("Tass"), pos("Tass") + 4)],
        places=[Place("moscow-524901", "Moscow", "RUS", 55.75, 37.62,
                      [Span(pos("Moscow"), pos("Moscow") + 6)], "city")],
        dates=[DateMention("on Monday", pos("on Monday"), pos("on Monday") + 9, "2023-08-14", True)],
        errors=[{"stage": "extract_quotes", "error": "ValueError: an example"}])
    return article
