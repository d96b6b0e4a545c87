"""The resolve_actors stage on short texts."""

from __future__ import annotations

import pytest

from newsgraph.model import Article

from .conftest import MakeArticle


def _actor_ids(article: Article) -> set[str]:
    return {e.actor for e in article.entities if e.actor}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tehran said it would respond.", {"IRN"}),
    ("Washington imposed sanctions on Moscow.", {"USA", "RUS"}),
    ("The Kremlin denied the report.", {"RUS"}),
    ("The White House and the Pentagon declined to comment.", {"USA", "USA-MIL"}),
    ("NATO and the IAEA met in Vienna.", {"nato", "iaea", "AUT"}),
])
def test_gazetteer_catches_states_without_a_model(make_article: MakeArticle, text: str,
                                                  expected: set[str]) -> None:
    assert _actor_ids(make_article(text, model=False)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Tehran said it would respond.", {"IRN"}),
    ("Russia used Iranian drones against Ukrainian cities.", {"RUS", "IRN", "UKR"}),
    ("Washington imposed sanctions on Russia and Iran.", {"USA", "RUS", "IRN"}),
    ("The Kremlin said the talks had failed.", {"RUS"}),
    ("The Russian Defence Ministry said its troops had advanced.", {"RUS-MIL"}),
    ("Iranian police arrested dozens of protesters.", {"IRN-COP"}),
    ("The United Nations and Amnesty International condemned the attack.",
     {"united-nations", "amnesty-international"}),
])
def test_resolve_actors_finds_actor_ids(make_article: MakeArticle, text: str,
                                        expected: set[str]) -> None:
    assert _actor_ids(make_article(text)) >= expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "person", "country", "role"), [
    ("Russian President Vladimir Putin met the delegation.", "vladimir-putin", "RUS", "GOV"),
    ("President Emmanuel Macron of France spoke on Monday.", "emmanuel-macron", "FRA", "GOV"),
    ("Iran's foreign minister Hossein Amir-Abdollahian arrived in Beijing.",
     "hossein-amir-abdollahian", "IRN", "GOV"),
    ("Ruhollah Nejabat, Shiraz's representative in parliament, said fuel was short.",
     "ruhollah-nejabat", "IRN", "LEG"),
    ("Ukrainian General Valerii Zaluzhnyi visited the front.", "valerii-zaluzhnyi", "UKR", "MIL"),
    ("Senator Lindsey Graham of the United States criticised the deal.", "lindsey-graham",
     "USA", "LEG"),
])
def test_person_gets_country_and_role_from_title(make_article: MakeArticle, text: str,
                                                 person: str, country: str, role: str) -> None:
    actor = make_article(text).actor(person)
    assert actor is not None and (actor.kind, actor.country, actor.role) == ("person", country,
                                                                              role)


@pytest.mark.slow
def test_later_surname_joins_the_full_name(make_article: MakeArticle) -> None:
    article = make_article("Russian President Vladimir Putin arrived in Tehran. "
                           "Putin later met officials.")
    putin = article.actor("vladimir-putin")
    assert putin is not None and putin.mentions == 2 and putin.wikidata == "Q7747"
    assert [e.actor for e in article.entities if "Putin" in e.text] == ["vladimir-putin"] * 2


@pytest.mark.slow
def test_state_actor_carries_wikidata(make_article: MakeArticle) -> None:
    usa = make_article("The United States said it would act.").actor("USA")
    assert usa is not None and (usa.wikidata, usa.kind, usa.country) == ("Q30", "state", "USA")


@pytest.mark.slow
def test_unknown_org_has_slug_and_no_country(make_article: MakeArticle) -> None:
    article = make_article("Zorblax Widgets Corporation announced record profits.")
    orgs = [a for a in article.actors if a.kind == "organization"]
    assert [(a.id, a.country) for a in orgs] == [("zorblax-widgets-corporation", None)]


@pytest.mark.slow
def test_mentions_count_every_entity(make_article: MakeArticle) -> None:
    article = make_article("Iran said Iran would never give up. Iranian officials agreed.")
    iran = article.actor("IRN")
    assert iran is not None and iran.mentions == 3


@pytest.mark.slow
def test_entity_offsets_stay_in_the_source(make_article: MakeArticle) -> None:
    article = make_article("Officials in Kyiv said the Kremlin lied.")
    for ent in article.entities:
        assert article.source.text[ent.start:ent.end] == ent.text


@pytest.mark.slow
def test_adjective_use_of_a_group_noun_keeps_the_state(make_article: MakeArticle) -> None:
    article = make_article("The source opposed Russia's military involvement in Ukraine.")
    assert _actor_ids(article) == {"RUS", "UKR"}


@pytest.mark.slow
def test_short_org_name_joins_the_long_one(make_article: MakeArticle) -> None:
    article = make_article("The New York Post reported the story. The Post said sources confirmed it.")
    assert [e.actor for e in article.entities if "Post" in e.text] == ["new-york-post"] * 2


@pytest.mark.slow
def test_surname_tagged_as_org_joins_the_person(make_article: MakeArticle) -> None:
    article = make_article("Foreign Minister Hossein Amir-Abdollahian of Iran visited Riyadh. "
                           "Amir-Abdollahian said ties would improve.")
    person = article.actor("hossein-amir-abdollahian")
    assert person is not None and person.mentions == 2 and person.country == "IRN"


@pytest.mark.slow
def test_bare_congress_is_the_legislature_of_the_main_state(make_article: MakeArticle) -> None:
    article = make_article("Thousands marched in Lima against Peru's pension bill. "
                           "Congress approved the bill on Thursday.")
    assert "PER-LEG" in _actor_ids(article) and "USA-LEG" not in _actor_ids(article)


@pytest.mark.slow
def test_titled_person_without_country_takes_the_dominant_state(make_article: MakeArticle) -> None:
    article = make_article("Protesters clashed with police in Lima, Peru's capital. "
                           "Interior Minister Carlos Velarde defended the police.")
    person = article.actor("carlos-velarde")
    assert person is not None and (person.country, person.role) == ("PER", "GOV")
    assert not [a for a in article.actors if a.id == "interior"]


@pytest.mark.slow
def test_untitled_person_takes_the_dominant_state_as_a_last_resort(
        make_article: MakeArticle) -> None:
    article = make_article("Police in Lima arrested dozens after Peru's Congress voted. "
                           "Peru's government defended the arrests. Rosa Quispe, a teacher, "
                           "said she was beaten.")
    person = article.actor("rosa-quispe")
    assert person is not None and person.country == "PER"


@pytest.mark.slow
def test_family_name_first_joins_the_full_name(make_article: MakeArticle) -> None:
    article = make_article("A court in Seoul convicted former minister Kang Min-seok of fraud. "
                           "Kang said he would appeal.")
    ids = [e.actor for e in article.entities if "Kang" in e.text]
    assert len(ids) == 2 and ids[0] == ids[1] and ids[0] is not None and ids[0] != "kang"


@pytest.mark.slow
def test_a_shared_family_name_joins_the_nearest_full_name(make_article: MakeArticle) -> None:
    article = make_article("Kang Min-seok met Ana Soto in Busan. Kang Ji-won arrived later. "
                           "Kang said they agreed.")
    full = [e.actor for e in article.entities if e.text.startswith("Kang ")]
    assert [e.actor for e in article.entities if e.text == "Kang"] == [full[-1]]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "person", "country"), [
    # a US state in the title, not the country it shares a word with
    ("New Mexico Governor John Barrett criticised the plan on Monday.", "john-barrett", "USA"),
    ("Texas Attorney General Bill Hardy sued the firm.", "bill-hardy", "USA"),
    # two titles joined by "and" before the name, the country before both
    ("Chilean Interior Minister and Deputy Premier Rodrigo Soto spoke in Lima, Peru, on "
     "Friday as Peru's police watched.", "rodrigo-soto", "CHL"),
])
def test_person_country_from_a_region_or_joined_titles(make_article: MakeArticle, text: str,
                                                       person: str, country: str) -> None:
    actor = make_article(text).actor(person)
    assert actor is not None and actor.country == country


@pytest.mark.slow
def test_an_administration_named_for_a_president_is_his_state(make_article: MakeArticle) -> None:
    article = make_article("Mexico's Senate met in Mexico City. Mexico rejected a request by "
                           "the Trump Administration on Friday.")
    assert [e.actor for e in article.entities if "Trump" in e.text] == ["USA"]
