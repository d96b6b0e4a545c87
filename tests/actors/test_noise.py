"""spaCy entity noise the stage must not turn into actors, and names it must join up.

Texts are written for these tests (invented names); each row checks one general rule."""

from __future__ import annotations

import pytest

from newsgraph.actors import resolve_mention
from newsgraph.actors.noise import split_at_lines
from newsgraph.actors.names import org_role
from newsgraph.model import Article, Entity

from .conftest import MakeArticle, span_of


def _ids(article: Article) -> set[str]:
    return {a.id for a in article.actors}


def _person(article: Article, actor_id: str) -> tuple[str | None, str | None] | None:
    actor = article.actor(actor_id)
    return None if actor is None or actor.kind != "person" else (actor.country, actor.role)


# (text, ids that must not be actors)
NOT_ACTORS = [
    ("Troops fired mortars at positions near Bel-Kara and Tuz-Sai on Monday.",
     {"bel-kara", "tuz-sai"}),
    ("Germany will send Falcon batteries to Poland.", {"falcon"}),
    ("Inspectors visited the Ardan and Kesh sites last month.", {"ardan", "kesh"}),
    ("Lorries blocked parts of the Trans-Andean Highway on Friday.", {"trans-andean-highway"}),
    ("Aid arrived in Sukkur on Tuesday. In Sukkur, engineers worked all night.", {"sukkur"}),
    ("Jets based at Kaunas took off but did not fire.", {"jets"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "absent"), NOT_ACTORS)
def test_places_and_things_tagged_as_names_are_not_actors(make_article: MakeArticle, text: str,
                                                          absent: set[str]) -> None:
    assert not _ids(make_article(text)) & absent


@pytest.mark.slow
def test_city_tagged_org_gives_its_country_to_nearby_groups(make_article: MakeArticle) -> None:
    article = make_article("In Sukkur, police detained dozens of flood survivors.")
    start, end = span_of(article, "police")
    assert resolve_mention(article, start, end) == "PAK-COP"


@pytest.mark.slow
def test_company_tagged_person_is_a_business(make_article: MakeArticle) -> None:
    article = make_article("Indian steelmakers lobbied hard. Marlow Alloys, a big exporter, "
                           "warned of job losses. Marlow Alloys said it would cut output.")
    actor = article.actor("marlow-alloys")
    assert actor is not None and (actor.kind, actor.role) == ("organization", "BUS")
    start, end = span_of(article, "it would")
    assert resolve_mention(article, start, start + 2) == "marlow-alloys"


def test_entity_across_a_line_break_is_cut_per_line() -> None:
    text = "Floods Hit Sindh as Pakistan Appeals\nPakistan appealed for help."
    ent = Entity(text=text[20:45], label="ORG", start=20, end=45)
    parts = split_at_lines([ent])
    assert [(p.text, text[p.start:p.end]) for p in parts] == [
        ("Pakistan Appeals", "Pakistan Appeals"), ("Pakistan", "Pakistan")]


def test_company_word_makes_a_business_role() -> None:
    assert org_role("Voss Automotive") == "BUS"
    assert org_role("Automotive") is None


# persons: names cut in two, ORG-tagged names, titles said before the name
@pytest.mark.slow
@pytest.mark.parametrize(("text", "person", "expected"), [
    ("Officials hoped to see Iran's President Ebrahim Raisi visit Riyadh. Raisi has said he "
     "would travel.", "ebrahim-raisi", ("IRN", "GOV")),
    ("Kyrgyz Foreign Minister Aizada Tokoeva spoke with her Tajik counterpart, Farid Nazarov, on "
     "Wednesday.", "farid-nazarov", ("TJK", "GOV")),
    ("Chile and Peru agreed to talk, Peru's foreign minister said on Thursday after meeting his "
     "counterpart. \"We are making progress,\" Julio Manrique said at a news conference.",
     "julio-manrique", ("PER", "GOV")),
    ("Bolivia's foreign minister said the talks went well. Pakistani officials said the army "
     "helped. \"We waited six days,\" said Tariq Mehmood, a farmer whose house collapsed.",
     "tariq-mehmood", (None, None)),
    ("EU foreign policy chief Ingrid Halvorsen told reporters the bloc was united.",
     "ingrid-halvorsen", (None, "IGO")),
    ("Wang Li, China's envoy, Reza Tavakoli (R), Iran's national security chief, and others met.",
     "reza-tavakoli", ("IRN", "GOV")),
    ("Omar Haddad, the Deputy Chief of Staff for the Armed Forces of Jordan, visited Cairo.",
     "omar-haddad", ("JOR", "MIL")),
])
def test_person_country_and_role(make_article: MakeArticle, text: str, person: str,
                                 expected: tuple[str | None, str | None]) -> None:
    assert _person(make_article(text), person) == expected


@pytest.mark.slow
def test_org_tagged_name_beside_a_person_is_a_person(make_article: MakeArticle) -> None:
    article = make_article("Aizada Tokoeva of Kyrgyzstan and Farid Nazarov of Tajikistan met in "
                           "Astana.")
    assert {a.id: a.kind for a in article.actors}.get("aizada-tokoeva") == "person"


@pytest.mark.slow
def test_portfolio_org_before_a_title_is_not_an_actor(make_article: MakeArticle) -> None:
    article = make_article("The meeting, hosted by Kazakh Foreign Minister Yerlan Dauletov, "
                           "lasted five hours.")
    assert "kazakh-foreign" not in _ids(article)
    assert _person(article, "yerlan-dauletov") == ("KAZ", "GOV")
