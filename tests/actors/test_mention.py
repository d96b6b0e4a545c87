"""resolve_mention on spans: entities, role nouns, pronouns."""

from __future__ import annotations

import pytest

from newsgraph.actors import resolve_mention
from newsgraph.errors import PipelineError

from .conftest import MakeArticle, span_of

TEXT = ("Russian President Vladimir Putin met Iran's foreign minister Hossein Amir-Abdollahian "
        "in Moscow on Tuesday. The minister said the government in Tehran would keep selling "
        "drones. He added that police in Shiraz had arrested protesters. The president said "
        "Russian troops would stay.")


@pytest.fixture(scope="module")
def article():
    from .conftest import _build

    return _build(TEXT)


@pytest.mark.slow
@pytest.mark.parametrize(("phrase", "nth", "expected"), [
    ("Russian President Vladimir Putin", 0, "vladimir-putin"),
    ("Moscow", 0, "RUS"),
    ("The minister", 0, "hossein-amir-abdollahian"),
    ("He", 0, "hossein-amir-abdollahian"),
    ("police in Shiraz", 0, "IRN-COP"),
    ("The president", 0, "vladimir-putin"),
    ("Russian troops", 0, "RUS-MIL"),
    ("on Tuesday", 0, None),
])
def test_resolve_mention_finds_the_actor(article, phrase: str, nth: int,
                                         expected: str | None) -> None:
    start, end = span_of(article, phrase, nth)
    assert resolve_mention(article, start, end) == expected


@pytest.mark.slow
def test_resolve_mention_government_is_the_main_state(make_article: MakeArticle) -> None:
    article = make_article("Iran faces fuel shortages. Iranian drivers queued in Shiraz. "
                           "The government denied the shortage.")
    start, end = span_of(article, "The government")
    assert resolve_mention(article, start, end) == "IRN"


@pytest.mark.slow
def test_resolve_mention_adds_new_group_actor_once(make_article: MakeArticle) -> None:
    article = make_article("Protesters gathered in Tehran on Friday.")
    start, end = span_of(article, "Protesters")
    assert resolve_mention(article, start, end) == "IRN-CVL"
    assert resolve_mention(article, start, end) == "IRN-CVL"
    group = article.actor("IRN-CVL")
    assert group is not None and group.mentions == 1 and group.kind == "group"


def test_resolve_mention_without_model_uses_entities(make_article: MakeArticle) -> None:
    article = make_article("Tehran said it would respond.", model=False)
    start, end = span_of(article, "Tehran")
    assert resolve_mention(article, start, end) == "IRN"
    start, end = span_of(article, "would")
    assert resolve_mention(article, start, end) is None


@pytest.mark.slow
def test_unnamed_minister_is_the_dominant_state(make_article: MakeArticle) -> None:
    article = make_article("Iran faces a fuel shortage. Queues formed across Iran. "
                           "The Minister of Oil insisted supply was adequate.")
    start, end = span_of(article, "The Minister of Oil")
    assert resolve_mention(article, start, end) == "IRN"


def test_resolve_mention_without_actor_index_is_a_stage_order_error(
        make_article: MakeArticle) -> None:
    article = make_article("Tehran said it would respond.", model=False)
    article.actor_index = None  # resolve_actors did not run on it
    with pytest.raises(PipelineError, match="E303 resolve_mention needs article.actor_index"):
        resolve_mention(article, *span_of(article, "Tehran"))


def test_actor_index_travels_with_its_article_not_a_cache(make_article: MakeArticle) -> None:
    first = make_article("Tehran said it would respond.", model=False)
    others = [make_article(f"Moscow said so {n} times.", model=False) for n in range(12)]
    assert resolve_mention(first, *span_of(first, "Tehran")) == "IRN"  # after 12 other articles
    assert all(resolve_mention(a, *span_of(a, "Moscow")) == "RUS" for a in others)
    assert first.actor_index is not others[0].actor_index


def test_count_actor_adds_a_new_actor_once_then_counts_it() -> None:
    from newsgraph.actors import count_actor
    from newsgraph.model import Actor, Article, Source

    article = Article(id="t", source=Source(uri="t", format="text", text="x"), start=0, end=1)
    count_actor(article, Actor(id="IRN-CVL", name="Iran civilians", kind="group", mentions=7))
    count_actor(article, Actor(id="IRN-CVL", name="other", kind="group"))
    [actor] = article.actors
    assert (actor.name, actor.mentions) == ("Iran civilians", 2)


@pytest.mark.slow
def test_a_party_adjective_leaves_the_state_owner(make_article: MakeArticle) -> None:
    article = make_article("The Republican governors of Texas and Ohio backed the plan.")
    assert resolve_mention(article, *span_of(article, "The Republican governors of Texas and Ohio")) == "USA"


@pytest.mark.slow
def test_a_sympathy_is_no_owner(make_article: MakeArticle) -> None:
    article = make_article("Lagos detained a pro-Chad Muslim cleric on Friday.")
    assert resolve_mention(article, *span_of(article, "a pro-Chad Muslim cleric")) is None


@pytest.mark.slow
def test_the_army_is_the_army_named_earlier(make_article: MakeArticle) -> None:
    article = make_article("Peru said the Chilean army had shelled a border post near Tacna. "
                           "Peru and Peru's allies protested in Lima. The army denied it. "
                           "\"Our army did nothing,\" a Peruvian officer said.")
    assert resolve_mention(article, *span_of(article, "The army")) == "CHL-MIL"
    assert resolve_mention(article, *span_of(article, "Our army")) != "CHL-MIL"


@pytest.mark.slow
def test_people_take_the_country_of_a_one_country_story(make_article: MakeArticle) -> None:
    article = make_article("South Africa's president spoke in Pretoria. South Africa's "
                           "parliament and South Africa's courts met. Thousands of people "
                           "turned out to support him.")
    assert resolve_mention(article, *span_of(article, "people")) == "ZAF-CVL"
    two = make_article("Chile and Peru signed a deal in Lima. Chile and Peru agreed. "
                       "Thousands of people turned out to watch.")
    assert resolve_mention(two, *span_of(two, "people")) is None
