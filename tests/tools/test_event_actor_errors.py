"""tools/event_actor_errors.py names why a found event's actors do not match the gold."""

from __future__ import annotations

from conftest import load_tool

ACTORS = {"KGZ": {"id": "KGZ", "kind": "state", "country": "KGZ"},
          "aida-bek": {"id": "aida-bek", "kind": "person", "country": None, "name": "Aida Bek"}}
GOLD_KGZ = {"text": "Kyrgyzstan", "countries": ["KGZ"], "org": None}
GOLD_TJK = {"text": "Tajik guards", "countries": ["TJK"], "org": None}


def test_side_causes_name_each_kind_of_mismatch() -> None:
    tool = load_tool("event_actor_errors")
    pred = {"source": "KGZ", "target": None, "attributed_to": None}
    assert tool.side_cause("source", GOLD_KGZ, pred, ACTORS) is None
    assert tool.side_cause("target", GOLD_TJK, pred, ACTORS) == "missing target"
    assert tool.side_cause("target", None, {"target": "KGZ"}, ACTORS) == "extra target"
    assert tool.side_cause("source", GOLD_TJK, pred, ACTORS) == "wrong country (source)"
    person = {"source": "aida-bek"}
    assert tool.side_cause("source", GOLD_TJK, person, ACTORS) == "person without country (source)"
    reporter = {"source": "KGZ", "attributed_to": "KGZ"}
    assert tool.side_cause("source", GOLD_TJK, reporter, ACTORS) == "reporter as source"


def test_analyse_pairs_each_gold_event_with_one_prediction() -> None:
    tool = load_tool("event_actor_errors")
    text = "Kyrgyzstan shelled Tajik posts and Tajik guards shelled Kyrgyz posts."
    gold = {"id": "a", "text": text, "sentences": [{"start": 0, "end": len(text)}], "events": [
        {"sentence": 0, "category": "ASSAULT", "source": GOLD_KGZ, "target": GOLD_TJK},
        {"sentence": 0, "category": "ASSAULT", "source": GOLD_TJK, "target": GOLD_KGZ}]}
    article = {"source": {"uri": "file:///x/a.txt"}, "actors": list(ACTORS.values()),
               "events": [{"category": "ASSAULT", "source": "KGZ", "target": None,
                           "start": 0, "end": len(text)}]}
    causes, totals = tool.analyse([gold], [article])
    assert totals == {"gold": 2, "category found": 2, "full match": 0}
    assert sorted((k, len(v)) for k, v in causes.items()) == [
        ("another event of the category (not extracted)", 1), ("missing target", 1)]
