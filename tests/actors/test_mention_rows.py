"""resolve_mention on short texts: one row per (text, phrase, expected id).

Texts are written for these tests; each row checks one general rule, never a sentence of
the demo corpus."""

from __future__ import annotations

import re

import pytest

from newsgraph.actors import resolve_mention

from .conftest import MakeArticle, span_of

# the possessive / modifier of the head noun decides, not other entities or the main state
HEAD_OWNER = [
    ("Armenia shelled villages. Armenia's interior ministry blamed Azerbaijani troops for the "
     "attack. Armenia said it would respond.", "Armenia's interior ministry", "ARM"),
    ("Armenia shelled villages. Armenia said it would respond. Azerbaijan's defence ministry "
     "accused Armenian troops of attacking a post.", "Azerbaijan's defence ministry", "AZE-MIL"),
    ("Armenia shelled villages. Armenia said it would respond. Azerbaijan's defence ministry "
     "accused Armenian troops of attacking a post.", "Armenian troops", "ARM-MIL"),
    ("Chile and Peru held talks. Peru said the talks went well. The ambassador of Chile left "
     "Lima on Monday.", "The ambassador of Chile", "CHL"),
    ("Ghana hosted the summit in Accra. Ghana said NATO defence ministers would attend.",
     "NATO defence ministers", "nato"),
    ("Serbia protested. European Union foreign ministers adopted sanctions against Serbia.",
     "European Union foreign ministers", "european-union"),
]

# a bare government body belongs to the article's main state, not to a nearby other state
BARE_BODY = [
    ("Estonia said drones from Russia crossed its border. Estonia closed two crossings. The "
     "foreign ministry summoned Russia's ambassador.", "The foreign ministry", "EST"),
    ("Estonia said drones from Russia crossed its border. Estonia closed two crossings. The "
     "foreign ministry summoned Russia's ambassador.", "Russia's ambassador", "RUS"),
    ("Nigeria and Niger met in Abuja. Moscow urged the two governments to show restraint.",
     "the two governments", None),
    ("Nigeria and Niger met in Abuja. Both governments have released prisoners.",
     "Both governments", None),
    ("Nigeria and Niger signed the deal. The deal must be ratified by the parliaments of both "
     "countries.", "the parliaments of both countries", None),
    ("Russia denied the charge and accused Baltic governments of spreading panic.",
     "Baltic governments", None),
]

# generic nouns get no country of the article, only one of their own words
GENERIC = [
    ("Canada imposed sanctions on Monday on nine companies that it says helped Syria's army.",
     "nine companies", None),
    ("Canada imposed sanctions on Monday on nine companies that it says helped Syria's army.",
     "Syria's army", "SYR-MIL"),
    ("Canada said Canada would blacklist nine firms registered in Malaysia.", "nine firms",
     "MYS-BUS"),
    ("Sweden said the strikes on Syria killed dozens of people.", "dozens of people", None),
    ("Brazil said Brazilian companies would invest in Angola.", "Brazilian companies",
     "BRA-BUS"),
    ("Police in Kenya arrested protesters in Nairobi on Tuesday.", "protesters", "KEN-CVL"),
    # a plural demonym heading its phrase names people; with "the", often the delegation
    ("Many Chileans marched in Santiago on Friday.", "Many Chileans", "CHL-CVL"),
    ("The Chileans walked out of the talks in Lima.", "The Chileans", "CHL"),
]

# titles right before a name, datelines, things owned by a pronoun
MISC = [
    ("In Oslo on Friday, Larsen and Danish Foreign Minister Mette Holm agreed to meet.",
     "Danish Foreign Minister", "mette-holm"),
    ("RIGA — Latvia and Estonia signed the deal on Friday.", "RIGA", None),
    ("RIGA — Latvia and Estonia signed the deal on Friday.", "Latvia", "LVA"),
    ("Ghana cut ties with Togo after protesters stormed its embassy.", "its embassy", "GHA"),
    ("Chilean Foreign Minister Ana Rojas met her Peruvian counterpart, Luis Vargas, in Lima.",
     "her Peruvian counterpart", "luis-vargas"),
]

# pronouns: the clause they report; objects skip their own clause's subject
PRONOUNS = [
    ("Chile criticised Bolivia. The foreign ministry of Bolivia said it would respond.", "it",
     "BOL"),
    ("Mongolia met China in Beijing. The Mongolian army said it had deployed troops.", "it",
     "MNG-MIL"),
    ("Cuba thanked Mexico. Mexico said Cuba had attacked it.", "it", "MEX"),
    ("Lucas Pereira, the Brazilian finance minister, met Javier Soto. Pereira said in a letter "
     "that he was stepping down.", "he", "lucas-pereira"),
    ("Norway is ready to withdraw its ships if the other side does the same.", "its", "NOR"),
    ("Finland met Sweden in Oslo. Finland and Sweden agreed that their navies would train "
     "together.", "their", None),
    ("Oman blacklisted eleven firms and four ships, saying they had helped Yemen's rebels.",
     "they", None),
    ("Ecuador's police, many of them recruits, marched in Quito. Peru watched.", "them",
     "ECU-COP"),
]


@pytest.fixture(scope="module")
def build():
    from .conftest import _build

    cache: dict[str, object] = {}

    def get(text: str):
        if text not in cache:
            cache[text] = _build(text)
        return cache[text]

    return get


def _resolve(build, text: str, phrase: str) -> str | None:
    """Resolve the first whole-word occurrence of ``phrase`` ("it" is not in "criticised")."""
    article = build(text)
    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", article.text)
    assert found is not None
    start, end = article.span(found.start(), found.end())
    return resolve_mention(article, start, end)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "expected"), HEAD_OWNER)
def test_head_owner_decides_the_country(build, text: str, phrase: str,
                                        expected: str | None) -> None:
    assert _resolve(build, text, phrase) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "expected"), BARE_BODY)
def test_bare_body_is_the_main_state_and_plural_states_are_none(build, text: str, phrase: str,
                                                               expected: str | None) -> None:
    assert _resolve(build, text, phrase) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "expected"), GENERIC)
def test_generic_nouns_take_only_their_own_country(build, text: str, phrase: str,
                                                  expected: str | None) -> None:
    assert _resolve(build, text, phrase) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "expected"), MISC)
def test_titles_datelines_and_possessed_things(build, text: str, phrase: str,
                                               expected: str | None) -> None:
    assert _resolve(build, text, phrase) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "expected"), PRONOUNS)
def test_pronouns_follow_the_clause(build, text: str, phrase: str,
                                    expected: str | None) -> None:
    assert _resolve(build, text, phrase) == expected


def test_mention_words_are_unused(make_article: MakeArticle) -> None:
    """Without a parser the head is the last word: an entity there still resolves."""
    article = make_article("The army of Chile marched.", model=False)
    start, end = span_of(article, "Chile")
    assert resolve_mention(article, start, end) == "CHL"
