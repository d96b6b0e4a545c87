"""Domestic protests with unnamed sides get the civilians -> government default dyad."""

from newsgraph.events.domestic import dominant_state, fill_domestic_protests
from newsgraph.model import Actor, Article, Event, Place, Source, Span


def _article(actors: dict[str, int]) -> Article:
    text = "x" * 50
    article = Article(id="a", source=Source(uri="a", format="text", text=text), start=0, end=50)
    article.actors = [Actor(a, a.title(), "state", a, "GOV", None, n) for a, n in actors.items()]
    return article


def _protest(source=None, target=None, place=None) -> Event:
    return Event("PROTEST", source, target, 0, 10, Span(0, 5), "noun:protest", place=place,
                 confidence=0.6)


def test_unnamed_protest_in_dominant_state_is_civilians_against_government():
    article = _article({"IRN": 6, "USA": 1})
    event = _protest()
    fill_domestic_protests(article, [event])
    assert (event.source, event.target) == ("IRN-CVL", "IRN")
    assert event.pattern.endswith("+domestic") and event.confidence <= 0.4
    assert article.actor("IRN-CVL").country == "IRN"


def test_event_place_decides_the_country():
    article = _article({"IRN": 6, "FRA": 2})
    article.places = [Place("paris-2988507", "Paris", "FRA", 48.85, 2.35, [Span(0, 5)])]
    event = _protest(place="paris-2988507")
    fill_domestic_protests(article, [event])
    assert (event.source, event.target) == ("FRA-CVL", "FRA")


def test_no_dominant_state_leaves_event_alone():
    article = _article({"IRN": 3, "SAU": 3})
    event = _protest()
    fill_domestic_protests(article, [event])
    assert (event.source, event.target) == (None, None)
    assert dominant_state(article) is None


def test_protest_against_foreign_target_keeps_unknown_protesters():
    article = _article({"PHL": 5, "CHN": 2})
    event = _protest(target="CHN")
    fill_domestic_protests(article, [event])
    assert (event.source, event.target) == (None, "CHN")


def test_other_categories_untouched():
    article = _article({"IRN": 6})
    event = Event("ASSAULT", None, None, 0, 10, Span(0, 5), "noun:attack")
    fill_domestic_protests(article, [event])
    assert (event.source, event.target) == (None, None)


def test_mobilizing_own_forces_is_no_dyad():
    from newsgraph.events.domestic import drop_own_forces_as_target

    article = _article({"KGZ": 4, "TJK": 2})
    article.actors.append(Actor("KGZ-MIL", "Kyrgyzstan military", "group", "KGZ", "MIL", None, 1))
    own = Event("MOBILIZE", "KGZ", "KGZ-MIL", 0, 10, Span(0, 5), "verb:deploy")
    other = Event("MOBILIZE", "KGZ", "TJK", 0, 10, Span(0, 5), "verb:deploy+against")
    drop_own_forces_as_target(article, [own, other])
    assert (own.target, other.target) == (None, "TJK")


def test_aid_recipient_not_guessed_when_sentence_names_two_countries():
    from newsgraph.events.domestic import fill_aid_recipients
    from newsgraph.model import Entity

    article = _article({"KGZ": 4, "TJK": 3})
    article.actors.append(Actor("icrc", "ICRC", "organization", None, "NGO", None, 1))
    article.places = [Place("batken-1", "Batken", "KGZ", 40.0, 70.8, [Span(0, 5), Span(6, 10)])]
    article.entities = [Entity("Kyrgyz", "NORP", 12, 18, "KGZ"), Entity("Tajik", "NORP", 19, 24, "TJK")]
    event = Event("AID", "icrc", None, 0, 40, Span(30, 35), "verb:deliver", place="batken-1")
    fill_aid_recipients(article, [event])
    assert event.target is None
    article.entities = [Entity("Kyrgyz", "NORP", 12, 18, "KGZ")]
    fill_aid_recipients(article, [event])
    assert event.target == "KGZ" and event.pattern.endswith("+recipient")
