"""What happened: PLOVER categories from the whole pattern, on sentences written for these
tests (slow: loads the model)."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.events import analyze_text
from newsgraph.model import Event

pytestmark = pytest.mark.slow


def _events(text: str, category: str | None = None) -> list[Event]:
    return [e for e in analyze_text(text).events if category is None or e.category == category]


def test_prison_sentence_is_sanction_and_coerce() -> None:
    # PLOVER SANCTION 'convict': a sentence that includes imprisonment is also COERCE 'arrest'
    events = _events("A court in Cairo sentenced an Egyptian blogger to five years in prison.")
    assert {e.category for e in events} == {"SANCTION", "COERCE"}
    assert all(e.source == "EGY-JUD" for e in events)


def test_death_sentence_is_no_custody() -> None:
    events = _events("A Bolivian court sentenced the former minister to death.")
    assert {e.category for e in events} == {"SANCTION"}


def test_serving_a_sentence_is_custody_of_the_one_serving() -> None:
    events = _events("The Egyptian activist is serving a two-year prison sentence.", "COERCE")
    assert [(e.source, e.target) for e in events] == [(None, "EGY")]


def test_announced_withdrawal_is_a_concession() -> None:
    # PLOVER: "announced ... would withdraw troops" is CONCEDE, a done withdrawal RETREAT
    planned = _events("Chilean troops will pull out of the border zone next month.")
    assert [(e.category, e.modality) for e in planned] == [("CONCEDE", "planned")]
    done = _events("Chilean troops pulled out of the border zone on Monday.")
    assert [e.category for e in done] == ["RETREAT"]


def test_a_denial_told_in_a_participle_has_its_by_agent() -> None:
    events = _events("Chile blamed the Peruvian government for the attack, a charge denied by Lima.",
                     "REJECT")
    assert [e.source for e in events] == ["PER"]


def test_a_noun_does_not_swallow_a_participle_of_another_category() -> None:
    # "a charge denied by Lima": the charge is an accusation, the denial a rejection
    assert _events("Peru rejected the accusation, which was denied by Lima.", "REJECT")


def test_summoned_envoy_is_the_target_of_an_accusation() -> None:
    events = _events("The Peruvian envoy was summoned to the foreign ministry in Quito.")
    assert [(e.category, e.target) for e in events] == [("ACCUSE", "PER")]


@pytest.mark.parametrize(("text", "category", "source", "target"), [
    ("Chile disputed the Bolivian claims.", "REJECT", "CHL", None),
    ("Peru's foreign minister disagreed with Bolivia over the border.", "ACCUSE", "PER", "BOL"),
    ("The Paraguayan senator railed against Uruguay on Monday.", "ACCUSE", "PRY", "URY"),
    ("Kenyan police searched the home of the opposition leader.", "COERCE", "KEN-COP", None),
    ("Peru's president treasured the friendship with Chile.", "SUPPORT", "PER", "CHL"),
    ("Nigerian police recovered 40 rifles from the gang.", "COERCE", "NGA-COP", None),
])
def test_paraphrases_of_the_categories(text: str, category: str, source: str,
                                       target: str | None) -> None:
    events = _events(text, category)
    assert events, text
    assert any((e.source or "").startswith(source) and (target is None or e.target == target)
               for e in events)


def test_a_when_or_after_clause_takes_the_date_of_the_clause_it_hangs_on() -> None:
    from newsgraph.evaluation.events import analyze_texts

    article = analyze_texts(["The Chilean senator was arrested in March 2017 shortly after she was "
                             "stripped of her office by the Chilean Senate."],
                            published=["2025-03-14"])[0]
    assert article.events and all(e.modality == "historical" for e in article.events)


def test_a_long_standing_accusation_is_background() -> None:
    from newsgraph.evaluation.events import analyze_texts

    article = analyze_texts(["A former Kenyan minister has long accused Uganda of corruption."],
                            published=["2025-03-14"])[0]
    assert [(e.category, e.modality) for e in article.events] == [("ACCUSE", "historical")]


def test_a_spokesman_telling_his_own_and_an_allys_statement_asserts_it() -> None:
    text = ("Chinese Foreign Minister Wang Yi said China and Russia welcome the talks between "
            "Pyongyang and Seoul.")
    events = _events(text, "SUPPORT")
    assert events and all(e.modality == "asserted" for e in events)


def test_conjoined_verbs_share_a_fronted_date() -> None:
    from newsgraph.evaluation.events import analyze_texts

    article = analyze_texts(["In December 2017, a Kenyan court convicted the Kenyan blogger and "
                             "sentenced him to six years in prison."], published=["2025-03-14"])[0]
    assert article.events and all(e.modality == "historical" and e.date == "2017-12"
                                  for e in article.events)


def test_a_named_doer_that_resolves_to_no_actor_keeps_the_event_with_its_words() -> None:
    events = _events("We urge the close monitoring of all luggage, the statement said.", "REQUEST")
    assert [(e.source, e.source_text) for e in events] == [(None, "We")]
    assert all(e.confidence <= 0.3 for e in events)


def test_a_thing_as_doer_gives_no_actorless_event() -> None:
    # "the deal protects ...": no one is named as acting
    assert not _events("The deal protects an increasingly confident community.")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Chile says the Bolivian government was involved in the bombing of the pipeline.", "CHL", "BOL"),
    ("Peru's foreign minister said Ecuador is responsible for the attack.", "PER", "ECU"),
    ("Uruguay said the Paraguayan government was in breach of the treaty.", "URY", "PRY"),
    ("Chilean officials said Peruvian troops opened fire on a border post.", "CHL", "PER"),
])
def test_a_statement_judging_another_actor_is_an_accusation(text: str, source: str,
                                                             target: str) -> None:
    events = _events(text, "ACCUSE")
    assert any((e.source or "").startswith(source) and (e.target or "").startswith(target)
               and e.modality == "asserted" for e in events), text


def test_saying_what_another_actor_did_well_is_no_accusation() -> None:
    assert not _events("Peru's foreign minister said Ecuador signed the treaty.", "ACCUSE")
    assert not _events("Peru's foreign minister said Peruvian troops opened fire on a camp.",
                       "ACCUSE")  # one's own side


def test_calling_a_claim_baseless_is_a_rejection() -> None:
    events = _events("The Bolivian ministry said the allegations were baseless.", "REJECT")
    assert [e.source for e in events] == ["BOL"]


def test_the_one_involved_in_an_act_is_its_doer() -> None:
    events = _events("Chile says the Bolivian government was involved in the bombing of the "
                     "pipeline.", "ASSAULT")
    assert [e.source for e in events] == ["BOL"]


def test_an_act_named_in_passing_in_a_statement_is_no_accusation() -> None:
    text = "Iran insists the sales occurred before Russia's invasion of Ukraine."
    assert not _events(text, "ACCUSE")


def test_possible_protests_are_no_happening() -> None:
    events = _events("The Iranian army will be tested during possible protests.", "PROTEST")
    assert events and all(e.modality == "hypothetical" for e in events)


def test_money_released_for_relief_is_aid_and_frozen_funds_a_return() -> None:
    aid = _events("The UN said it would release $10 million from its emergency fund for relief.")
    assert [e.category for e in aid] == ["AID"]
    back = _events("Washington agreed to release $6 billion in frozen Iranian funds.")
    assert [e.category for e in back] == ["CONCEDE"]  # a promised return (PLOVER)
