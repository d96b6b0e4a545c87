"""User actor dictionaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.actors import load_dictionary
from newsgraph.errors import InputError
from newsgraph.settings import Settings


def test_load_dictionary_reads_csv_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("phrase,id,name,kind,country,role,wikidata\nArnor,ARN,,,,,\n"
                    "Gondor_army,GONMIL,Gondor army,group,GON,MIL,\n", encoding="utf-8")
    arnor, army = load_dictionary(path)
    assert (arnor.id, arnor.kind, arnor.country, arnor.role) == ("ARN", "state", "ARN", "GOV")
    assert (army.phrase, army.kind, army.country, army.role) == ("Gondor army", "group", "GON",
                                                                  "MIL")


def test_load_dictionary_reads_tsv_and_json(tmp_path: Path) -> None:
    tsv = tmp_path / "d.tsv"
    tsv.write_text("phrase\tid\nthe Shire\tSHI\n", encoding="utf-8")
    js = tmp_path / "d.json"
    js.write_text(json.dumps([{"phrase": "Frodo", "id": "frodo", "kind": "person"}]))
    assert load_dictionary(tsv)[0].id == "SHI"
    assert load_dictionary(js)[0].kind == "person"


def test_load_dictionary_rejects_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(InputError):
        load_dictionary(path)


def _settings(tmp_path: Path) -> Settings:
    path = tmp_path / "d.csv"
    path.write_text("phrase,id,name,kind\nArnor,ARN,Arnor,state\nGondor,GON,Gondor,state\n"
                    "bulgar*,BUL,Bulgaria,state\n", encoding="utf-8")
    return Settings(actor_dictionaries=(path,))


def test_dictionary_phrase_resolves_without_a_spacy_entity(tmp_path: Path, make_article) -> None:
    article = make_article("arnor is about to restore ties with Gondor.",
                           settings=_settings(tmp_path), model=False)
    ents = {(e.text, e.label, e.actor) for e in article.entities}
    assert ("arnor", "GPE", "ARN") in ents and ("Gondor", "GPE", "GON") in ents
    assert {a.id for a in article.actors} == {"ARN", "GON"}


def test_dictionary_prefix_phrase_matches_word_forms(tmp_path: Path, make_article) -> None:
    article = make_article("Bulgarian officials met Arnor.", settings=_settings(tmp_path),
                           model=False)
    assert [e.actor for e in article.entities] == ["BUL", "ARN"]


@pytest.mark.slow
def test_dictionary_phrase_wins_over_spacy_entity(tmp_path: Path, make_article) -> None:
    article = make_article("Arnor accused Gondor of attacking the Shire.",
                           settings=_settings(tmp_path))
    assert [e.actor for e in article.entities if e.text in ("Arnor", "Gondor")] == ["ARN", "GON"]
