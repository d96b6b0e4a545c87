"""Built-in actor data and phrase matching (no model needed)."""

from __future__ import annotations

import pytest

from newsgraph.actors.gazetteer import load_gazetteer, lookup, tokenize


@pytest.mark.parametrize(("phrase", "actor_id"), [
    ("United States", "USA"), ("U.S.", "USA"), ("America", "USA"), ("Britain", "GBR"),
    ("UK", "GBR"), ("South Korea", "KOR"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"),
    ("Iranian", "IRN"), ("French", "FRA"), ("Chinese", "CHN"), ("Russian", "RUS"),
    ("Tehran", "IRN"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Kremlin", "RUS"),
    ("White House", "USA"), ("Downing Street", "GBR"), ("Pentagon", "USA-MIL"),
    ("NATO", "nato"), ("United Nations", "united-nations"), ("IAEA", "iaea"),
    ("Red Cross", "icrc"), ("Human Rights Watch", "human-rights-watch"),
    ("Brussels", "european-union"), ("Dominican", "DOM"),
])
def test_gazetteer_names_resolve_to_actor_ids(phrase: str, actor_id: str) -> None:
    entry = lookup(load_gazetteer().names, tokenize(phrase))
    assert entry is not None and entry.id == actor_id


@pytest.mark.parametrize("phrase", ["us", "who", "china", "turkey", "Us", "Who"])
def test_gazetteer_needs_the_case_of_acronyms_and_names(phrase: str) -> None:
    assert lookup(load_gazetteer().names, tokenize(phrase)) is None


@pytest.mark.parametrize(("iso3", "qid"), [
    ("USA", "Q30"), ("RUS", "Q159"), ("IRN", "Q794"), ("UKR", "Q212"), ("CHN", "Q148"),
    ("GBR", "Q145"), ("FRA", "Q142"), ("DEU", "Q183"), ("ISR", "Q801"),
])
def test_states_carry_wikidata_ids(iso3: str, qid: str) -> None:
    assert load_gazetteer().states[iso3].wikidata == qid


def test_every_state_has_a_three_letter_code_and_a_name() -> None:
    states = load_gazetteer().states
    assert len(states) > 200
    assert all(len(code) == 3 and code.isupper() and e.name for code, e in states.items())


@pytest.mark.parametrize(("phrase", "role", "kind"), [
    ("minister", "GOV", "title"), ("prime minister", "GOV", "title"), ("general", "MIL", "title"),
    ("senator", "LEG", "title"), ("troops", "MIL", "group"), ("police", "COP", "group"),
    ("protesters", "CVL", "group"), ("rebels", "REB", "group"), ("parliament", "LEG", "group"),
])
def test_role_nouns_map_to_agent_codes(phrase: str, role: str, kind: str) -> None:
    entry = lookup(load_gazetteer().roles, tokenize(phrase))
    assert (entry.role, entry.kind) == (role, kind)


def test_cities_know_their_country() -> None:
    cities = load_gazetteer().cities
    assert cities["shiraz"] == "IRN" and cities["moscow"] == "RUS"


def test_cameo_code_composes_country_and_role() -> None:
    from newsgraph.actors import cameo_code
    from newsgraph.model import Actor

    assert cameo_code(Actor("IRN", "Iran", "state", "IRN", "GOV")) == "IRN"
    assert cameo_code(Actor("IRN-MIL", "Iran military", "group", "IRN", "MIL")) == "IRNMIL"
    assert cameo_code(Actor("vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV")) == "RUSGOV"
    assert cameo_code(Actor("nato", "NATO", "organization", None, "IGO")) == "NATO"


def test_short_dictionary_stems_are_not_prefixes() -> None:
    from newsgraph.actors.gazetteer import PhraseTable

    table = PhraseTable()
    table.add(["the", "au"], "AU", case_sensitive=False, prefix=True)
    table.add(["bulgar"], "BUL", case_sensitive=False, prefix=True)
    words = ["the", "australian", "bulgarian", "the", "au"]
    assert [v for _, _, v in table.scan(words, words)] == ["BUL", "AU"]
