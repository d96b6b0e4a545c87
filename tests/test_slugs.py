"""One slugify makes actor ids and place ids."""

from __future__ import annotations

import pytest

from newsgraph.places.names import place_slug
from newsgraph.slugs import slugify


@pytest.mark.parametrize(("text", "slug"), [
    ("Vladimir Putin", "vladimir-putin"),
    ("Ombudsman's Office", "ombudsmans-office"),
    ("Côte d’Ivoire Times", "cote-divoire-times"),
    ("U.S. Army", "u-s-army"),
    ("Москва", ""),
])
def test_slugify_makes_lowercase_ascii_actor_ids(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(("name", "slug"), [
    ("Kraków", "krakow"),
    ("São Paulo", "sao-paulo"),
    ("Xi’an", "xi-an"),  # an apostrophe keeps the words of a place name apart
    ("Saint Petersburg", "st-petersburg"),  # the gazetteer's lookup key folds "Saint"
    ("Москва", "place"),
])
def test_place_slug_is_slugify_of_the_lookup_key(name: str, slug: str) -> None:
    assert place_slug(name) == slug
