"""ActorIndex lookups answer by binary search what resolve_mention used to scan for."""

from __future__ import annotations

from newsgraph.actors.index import ActorIndex, Mention
from newsgraph.model import Article, Source


def _index() -> ActorIndex:
    text = "Ana Vega met Peru's minister. Chile said Vega and Luis Soto would talk."
    article = Article(id="t", source=Source(uri="t", format="text", text=text), start=0,
                      end=len(text))
    mentions = [Mention(0, 8, "ana-vega", "person", "PER", ("minister",)),
                Mention(13, 17, "PER", "state", "PER"),
                Mention(30, 35, "CHL", "state", "CHL"),
                Mention(41, 45, "ana-vega", "person", "PER", ("minister",)),
                Mention(50, 59, "luis-soto", "person", None, ("minister",))]
    return ActorIndex(article=article, mentions=mentions, main_state="PER", entries={})


def test_index_finds_the_mention_at_an_offset_and_inside_a_span() -> None:
    index = _index()
    assert index.at(14).actor == "PER" and index.at(9) is None
    assert [m.actor for m in index.inside(10, 42)] == ["PER", "CHL", "ana-vega"]


def test_index_walks_back_from_an_offset_by_kind() -> None:
    index = _index()
    states = frozenset({"state"})
    assert [m.actor for m in index.earlier(46, states)] == ["CHL", "PER"]
    assert [m.actor for m in index.earlier(46, frozenset({"person"}))] == ["ana-vega", "ana-vega"]
    assert list(index.earlier(13, states)) == []  # a mention starting at the offset is not before it


def test_index_last_titled_keeps_to_the_country_or_none() -> None:
    index = _index()
    assert index.last_titled("minister", 70, None).actor == "luis-soto"
    assert index.last_titled("minister", 70, "PER").actor == "luis-soto"  # no country: may be
    assert index.last_titled("minister", 48, "PER").actor == "ana-vega"
    assert index.last_titled("minister", 48, "CHL") is None
    assert index.countries == {"PER": 1, "CHL": 1}
