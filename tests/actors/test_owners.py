"""Group nouns of several states, and short forms of organisations that modify a noun."""

from __future__ import annotations

import pytest

from newsgraph.actors import resolve_mention, resolve_owners

from .conftest import MakeArticle, span_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Hundreds of farmers from Peru and Chile marched in Lima.", "farmers", ["PER-CVL", "CHL-CVL"]),
    ("Chilean and Peruvian officials met in Lima.", "Chilean and Peruvian officials",
     ["CHL", "PER"]),
    # an owner and a place are not two owners
    ("Ghana cut ties with Togo after protesters stormed its embassy in Lome.", "its embassy", []),
    # one owner: resolve_mention's business
    ("Farmers from Peru marched in Lima.", "Farmers", []),
])
def test_resolve_owners_gives_one_group_per_coordinated_state(
        make_article: MakeArticle, text: str, phrase: str, expected: list[str]) -> None:
    article = make_article(text)
    assert resolve_owners(article, *span_of(article, phrase)) == expected


def test_short_form_of_an_organisation_modifying_a_noun_is_that_organisation(
        make_article: MakeArticle) -> None:
    article = make_article("The Andean Commission approved the plan. Farmers protested outside "
                           "the Commission headquarters in Lima.")
    full = resolve_mention(article, *span_of(article, "The Andean Commission"))
    short = [e for e in article.entities if e.text == "Commission"]
    assert full is not None and short and short[0].actor == full
