"""The store suite, run on every backend (SQLite and PostgreSQL) with the same expectations.

Every expected value below is a literal, so passing on both backends means both return
the same rows. ``test_every_query_returns_the_same_rows_on_both_backends`` compares the two
directly on the same calls.
"""

from __future__ import annotations

import pytest
from store.samples import TEXT, dated_articles, make_article, varied_articles

from newsgraph.errors import StoreError
from newsgraph.store import EventQuery, Store
from newsgraph.store.core import SQLStore


def raw(store: Store, sql: str, *args: object) -> int:
    """Run a statement behind the store's back (``?`` placeholders, on either backend)."""
    assert isinstance(store, SQLStore)
    return store._run(sql, args)


# -- writing ----------------------------------------------------------------------------
def test_load_is_idempotent_on_stable_ids(store):
    first = store.load([make_article(), make_article(ident="a2", text="Other text here.",
                                                     uri="file:///b.txt")])
    again = store.load([make_article()])
    assert (first.added, again.added, again.skipped) == (2, 0, 1)
    assert store.summary()["articles"] == 2
    assert store.integrity() == []


def test_load_skips_an_id_repeated_inside_one_batch(store):
    result = store.load([make_article(), make_article()], batch_size=10)
    assert (result.added, result.skipped) == (1, 1)
    assert store.summary()["events"] == 1


def test_reingesting_everything_changes_nothing(store):
    store.load(varied_articles(), batch_size=3)
    before = (store.summary(), store.events(EventQuery()), list(store.iter_articles()))
    result = store.load(varied_articles(), batch_size=2)
    assert (result.added, result.skipped) == (0, 4)
    assert (store.summary(), store.events(EventQuery()), list(store.iter_articles())) == before


def _dump(n: int, *, partial_last: bool, uri: str = "file:///dump.txt") -> list:
    """The first ``n`` articles of a dump; the last one cut short while the file grows."""
    articles = [make_article(f"Washington imposed sanctions on Moscow, part {i}.", uri=uri,
                             ident=f"d{i}") for i in range(1, n + 1)]
    if partial_last:
        articles[-1] = make_article("Washington imposed sanc", uri=uri, ident=f"d{n}-partial")
    return articles


def test_growing_dump_converges_to_the_one_pass_result(store):
    """Issue 9: a dump ingested as it grew (3, then 5, then 6 articles) stored 7 articles."""
    first = store.load(_dump(3, partial_last=True), batch_size=2)
    second = store.load(_dump(5, partial_last=True), batch_size=2)
    third = store.load(_dump(6, partial_last=False), batch_size=2)
    assert (first.replaced, second.replaced, third.replaced) == (0, 1, 1)
    assert (second.added, second.skipped, third.added, third.skipped) == (3, 2, 2, 4)
    summary = store.summary()
    assert (summary["articles"], summary["events"]) == (6, 6)
    assert sorted(a["id"] for a in store.iter_articles()) == [f"d{i}" for i in range(1, 7)]
    assert [h["id"] for h in store.search("sanc")] == []  # the cut article left the index too
    assert store.integrity() == []


def test_only_sources_from_earlier_loads_are_replaced(store):
    store.load([make_article(uri="text:", ident="t1")])
    store.load([make_article("Other text posted later.", uri="text:", ident="t2")])
    # one load bringing the same URI twice (a JSONL with a repeated url) keeps both
    store.load([make_article("One.", uri="https://x.org/a", ident="x1"),
                make_article("Two.", uri="file:///other.txt", ident="o1"),
                make_article("Three.", uri="https://x.org/a", ident="x2")], batch_size=1)
    assert sorted(a["id"] for a in store.iter_articles()) == ["o1", "t1", "t2", "x1", "x2"]


def test_failed_batch_leaves_no_partial_article(store):
    good = make_article()
    bad = make_article(ident="bad")
    bad.events[0].trigger = None  # breaks while writing this article's events
    with pytest.raises(AttributeError):
        store.load([good, bad], batch_size=10)
    assert store.summary()["articles"] == 0  # the whole transaction rolled back
    assert store.load([good]).added == 1
    assert store.integrity() == []


def test_schema_version_mismatch_is_a_clear_error(backend):
    store = backend()
    raw(store, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    store.close()
    with pytest.raises(StoreError) as info:
        backend()
    assert info.value.code == "E401"
    assert "version 99" in str(info.value)


def test_actor_facts_known_later_fill_in_missing_ones(store):
    store.load([make_article(country=None)])
    store.load([make_article(ident="a2", uri="file:///b.txt")])  # another source
    [usa] = [r for r in store.summary()["top_actors"] if r["id"] == "USA"]
    assert (usa["country"], usa["mentions"]) == ("USA", 2)


def test_nul_characters_are_stored_without_moving_offsets(store):
    text = "Washington imposed sanctions\x00on Moscow on Monday."
    store.load([make_article(text)])
    [row] = store.events(EventQuery())
    assert row["sentence"] == text.replace("\x00", "\ufffd")
    assert store.article("a1")["text"] == text  # the JSON document keeps the original


def test_nul_in_a_filter_matches_nothing_instead_of_failing(store):
    store.load([make_article()])
    assert store.events(EventQuery(actor="US\x00A")) == []
    assert store.timeline("US\x00A", "RUS") == []
    assert store.article("a\x001") is None


# -- events and dates -------------------------------------------------------------------
def test_events_query_filters_and_cuts_evidence(store):
    store.load([make_article()])
    [row] = store.events(EventQuery(actor="RUS", category="sanction", since="2024-03"))
    assert row["sentence"] == TEXT
    assert (row["source"], row["target"], row["cameo"], row["when_"]) == ("USA", "RUS", "163", "2024-03-04")
    assert (row["title"], row["uri"], row["negated"], row["trigger_start"]) == (
        "Sanctions", "file:///a.txt", 0, 11)
    assert store.events(EventQuery(until="2024-02")) == []
    assert store.events(EventQuery(until="2024-03")) != []


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(), ["undated", "year", "published", "month", "day", "later"]),
    # a month or a year is kept when it overlaps the range (compared at the coarser precision)
    (EventQuery(since="2024-03-15"), ["year", "month", "day", "later"]),
    (EventQuery(since="2024-03-16"), ["year", "month", "later"]),
    (EventQuery(since="2024-04"), ["year", "later"]),
    (EventQuery(since="2025"), ["later"]),
    (EventQuery(until="2024-03-01"), ["year", "published", "month"]),
    (EventQuery(until="2024-02"), ["year", "published"]),
    (EventQuery(until="2023-12-31"), []),
    (EventQuery(since="2024-03", until="2024-03"), ["year", "month", "day"]),
    (EventQuery(since="2024-02-10", until="2024-02-10"), ["year", "published"]),
    (EventQuery(since="2024-02-10T08:00", until="2024-02-10T09:00"), ["year", "published"]),
    (EventQuery(since="2024-02-10T09:00"), ["year", "month", "day", "later"]),  # 08:30 is before
    (EventQuery(since="2024", until="2024"), ["year", "published", "month", "day"]),
    (EventQuery(limit=2), ["undated", "year"]),
])
def test_date_filters_compare_at_the_coarser_precision(store, query, expected):
    store.load(dated_articles())
    assert [r["article_id"] for r in store.events(query)] == expected


def test_event_dates_fall_back_to_publication(store):
    store.load(dated_articles())
    whens = {r["article_id"]: r["when_"] for r in store.events(EventQuery())}
    assert whens == {"day": "2024-03-15", "month": "2024-03", "year": "2024",
                     "published": "2024-02-10T08:30:00Z", "undated": None, "later": "2025-01"}


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(actor="USA"), ["a1", "d4", "b2", "b2"]),
    (EventQuery(source="RUS"), ["b2", "b2"]),
    (EventQuery(target="ETH"), ["c3"]),
    (EventQuery(category="accuse"), ["b2"]),
    (EventQuery(source="USA", target="RUS", limit=1), ["a1"]),
    (EventQuery(min_confidence=0.7), ["c3", "b2"]),  # the AGREE at 0.9 and the THREATEN at 0.7
])
def test_events_filter_by_actor_side_and_category(store, query, expected):
    store.load(varied_articles())
    assert [r["article_id"] for r in store.events(query)] == expected


# -- the dashboard's queries: places, stories, confidence -----------------------------------
def placed_articles() -> list:
    """varied_articles with stories and event places: three events at Moscow, one in Nairobi,
    two without a place."""
    a1, b2, c3, d4 = varied_articles()
    a1.story = d4.story = "sanctions"
    b2.story, c3.story = "b2", "c3"
    for event in (a1.events[0], d4.events[0], b2.events[0]):
        event.place = "moscow-524901"
    c3.events[0].place = "nairobi-184745"
    return [a1, b2, c3, d4]


MOSCOW = {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
NAIROBI = {"name": "Nairobi", "country": "KEN", "lat": -1.28, "lon": 36.82}
UNPLACED = {"place": None, "name": None, "country": None, "lat": None, "lon": None}


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(), [{**UNPLACED, "category": "COOPERATE", "events": 1},
                    {**UNPLACED, "category": "THREATEN", "events": 1},
                    {"place": "moscow-524901", "category": "ACCUSE", "events": 1, **MOSCOW},
                    {"place": "moscow-524901", "category": "SANCTION", "events": 2, **MOSCOW},
                    {"place": "nairobi-184745", "category": "AGREE", "events": 1, **NAIROBI}]),
    (EventQuery(story="sanctions", limit=1),  # the limit is for event lists, not counts
     [{"place": "moscow-524901", "category": "SANCTION", "events": 2, **MOSCOW}]),
    (EventQuery(min_confidence=0.8), [{"place": "nairobi-184745", "category": "AGREE", "events": 1,
                                       **NAIROBI}]),
    (EventQuery(actor="RUS", since="2024-04"),
     [{**UNPLACED, "category": "THREATEN", "events": 1},
      {"place": "moscow-524901", "category": "ACCUSE", "events": 1, **MOSCOW}]),
])
def test_events_by_place_counts_each_place_and_category(store, query, expected):
    store.load(placed_articles())
    assert store.events_by_place(query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(place="moscow-524901"), [("a1", 0), ("d4", 0), ("b2", 0)]),
    (EventQuery(story="sanctions"), [("a1", 0), ("d4", 0)]),
    (EventQuery(min_confidence=0.7), [("c3", 0), ("b2", 1)]),  # undated first
    (EventQuery(min_confidence=0.7, place="nairobi-184745"), [("c3", 0)]),
])
def test_events_filter_by_place_story_and_least_confidence(store, query, expected):
    store.load(placed_articles())
    assert [(r["article_id"], r["n"]) for r in store.events(query)] == expected


def test_event_and_search_rows_name_their_story(store):
    store.load(placed_articles())
    assert {r["article_id"]: r["story"] for r in store.events(EventQuery())} == {
        "a1": "sanctions", "b2": "b2", "c3": "c3", "d4": "sanctions"}
    assert [(r["id"], r["story"]) for r in store.search("Kenya")] == [("c3", "c3")]


def test_story_articles_in_time_order(store):
    store.load(placed_articles())
    assert store.story_articles("sanctions") == [
        {"id": "a1", "title": "Sanctions", "published": "2024-03-04", "uri": "file:///a.txt",
         "duplicate_of": None, "n_events": 1},
        {"id": "d4", "title": "More sanctions", "published": "2024-03-20", "uri": "file:///a.txt",
         "duplicate_of": None, "n_events": 1}]
    assert store.story_articles("sanctions", limit=1)[0]["id"] == "a1"
    assert store.story_articles("none") == []


# -- pairs, timelines, summary ------------------------------------------------------------
def test_pairs_and_timeline(store):
    store.load([make_article(), make_article(ident="a2", published="2024-04-01",
                                             text="Washington imposed sanctions on Moscow again.")])
    assert store.pairs() == [{"source": "USA", "target": "RUS", "events": 2, "happenings": 2,
                              "mentions": 2, "mean_intensity": -4.0}]
    assert store.timeline("RUS", "USA") == [{"period": "2024-03", "events": 2, "happenings": 2,
                                             "mentions": 2, "mean_intensity": -4.0}]


def _one_happening_told_twice() -> list:
    """Two articles whose sanctions events are mentions of one happening, and one other."""
    first, second = make_article(), make_article(ident="a2", text="Washington imposed sanctions on Moscow again.")
    other = make_article(ident="a3", published="2024-05-01", date="2024-05-01",
                         text="Washington imposed sanctions on Moscow in May.")
    first.events[0].happening = second.events[0].happening = "a1-0"
    other.events[0].happening = "a3-0"
    return [first, second, other]


def test_counts_are_of_happenings_unless_mentions_are_asked_for(store):
    """Issue 10: an analyst counting sanctions gets the happenings, not how often they were told."""
    store.load(_one_happening_told_twice())
    assert [(r["events"], r["happenings"], r["mentions"]) for r in store.pairs()] == [(2, 2, 3)]
    assert store.pairs(mentions=True)[0]["events"] == 3
    assert [(r["period"], r["events"]) for r in store.timeline("USA", "RUS")] == [("2024-03", 1), ("2024-05", 1)]
    assert [r["events"] for r in store.timeline("USA", "RUS", mentions=True)] == [2, 1]
    summary = store.summary()
    assert (summary["events"], summary["happenings"], summary["by_category"]) == (3, 2, {"SANCTION": 2})
    assert store.summary(mentions=True)["by_category"] == {"SANCTION": 3}
    assert [r["events"] for r in store.events_by_place(EventQuery())] == [2]
    assert [r["events"] for r in store.events_by_place(EventQuery(mentions=True))] == [3]


def test_events_list_one_row_per_happening_with_its_mentions(store):
    store.load(_one_happening_told_twice())
    rows = store.events(EventQuery())
    assert [(r["article_id"], r["happening"], r["mentions"]) for r in rows] == [("a1", "a1-0", 2), ("a3", "a3-0", 1)]
    every = store.events(EventQuery(mentions=True))
    assert [(r["article_id"], r["happening"]) for r in every] == [("a1", "a1-0"), ("a2", "a1-0"), ("a3", "a3-0")]
    # a filter that leaves out the first mention shows the first one it keeps
    assert [r["article_id"] for r in store.events(EventQuery(since="2024-03-05", until="2024-03-31"))] == []


def test_pairs_count_each_direction_and_round_the_mean(store):
    store.load(varied_articles())
    assert store.pairs() == [
        {"source": "RUS", "target": "USA", "events": 2, "happenings": 2, "mentions": 2, "mean_intensity": -3.2},
        {"source": "USA", "target": "RUS", "events": 2, "happenings": 2, "mentions": 2, "mean_intensity": -4.0},
        {"source": "KEN", "target": "ETH", "events": 1, "happenings": 1, "mentions": 1, "mean_intensity": 4.0}]
    assert store.pairs(limit=1) == store.pairs()[:1]


@pytest.mark.parametrize(("period", "expected"), [
    (4, [(None, 1), ("2024", 5)]),
    (7, [(None, 1), ("2024", 1), ("2024-02", 1), ("2024-03", 2), ("2024-05", 1)]),
    (10, [(None, 1), ("2024", 1), ("2024-02-10", 1), ("2024-03", 1), ("2024-03-15", 1),
          ("2024-05-04", 1)]),
])
def test_timeline_groups_by_year_month_or_day_at_the_stored_precision(store, period, expected):
    articles = dated_articles()[:5]
    extra = make_article("Moscow condemned the sanctions.", ident="reply", date=None,
                         published="2024-05-04")
    extra.events[0].source, extra.events[0].target = "RUS", "USA"
    store.load([*articles, extra])
    found = [(r["period"], r["events"]) for r in store.timeline("USA", "RUS", period=period)]
    assert found == expected
    assert store.timeline("USA", "CHN") == []


def test_summary_counts_and_ranks(store):
    store.load(varied_articles())
    assert store.summary() == {
        "articles": 4, "duplicates": 0, "actors": 4, "events": 6, "quotes": 3, "places": 2,
        "happenings": 6, "counted": "happenings",  # no happening ids stored: each event is one
        "by_category": {"SANCTION": 2, "ACCUSE": 1, "AGREE": 1, "COOPERATE": 1, "THREATEN": 1},
        "top_actors": [
            {"id": "USA", "name": "United States", "country": "USA", "mentions": 6},
            {"id": "RUS", "name": "Russia", "country": "RUS", "mentions": 3},
            {"id": "KEN", "name": "Kenya", "country": "KEN", "mentions": 2},
            {"id": "ETH", "name": "Ethiopia", "country": None, "mentions": 1}],
        "top_pairs": store.pairs(limit=5)}


# -- articles -----------------------------------------------------------------------------
def test_article_is_the_contract_json_as_written(store):
    articles = varied_articles()
    store.load(articles)
    assert store.article("c3") == articles[2].to_dict()
    assert store.article("missing") is None


def test_iter_articles_streams_undated_first_then_by_date(store):
    store.load(varied_articles())
    assert [a["id"] for a in store.iter_articles()] == ["c3", "a1", "d4", "b2"]


# -- full-text search ---------------------------------------------------------------------
def test_fulltext_search_finds_words_and_survives_bad_syntax(store):
    store.load([make_article()])
    assert [r["id"] for r in store.search("sanctions Moscow")] == ["a1"]
    assert store.search('"unbalanced') == []
    assert store.search("Beijing") == []


def test_search_marks_the_match_in_a_snippet(store):
    long = ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "Washington imposed sanctions on Moscow on Monday. Then a long tail of words goes "
            "here and there for a while until the end of the text arrives.")
    store.load([make_article(), make_article(long, ident="b2")])
    hits = {r["id"]: r for r in store.search("moscow")}
    assert hits["a1"]["snippet"] == "Washington imposed sanctions on [Moscow] on Monday."
    assert hits["b2"]["snippet"].startswith(" … ") and hits["b2"]["snippet"].endswith(" … ")
    assert "[Moscow]" in hits["b2"]["snippet"]
    assert set(hits["a1"]) == {"id", "title", "published", "uri", "story", "snippet"}
    phrase = {r["id"]: r for r in store.search('"imposed sanctions"')}["a1"]
    assert phrase["snippet"] == "Washington [imposed sanctions] on Moscow on Monday."


@pytest.mark.parametrize(("query", "expected"), [
    ('"imposed sanctions"', ["a1"]),
    ('"sanctions imposed"', []),
    ("sanct*", ["a1", "d4"]),
    ("Kenya OR accused", ["b2", "c3"]),
    ("sanctions NOT new", ["a1"]),
    ("sanctions AND new", ["d4"]),
    ("SANCTIONS", ["a1", "d4"]),
    ("border", ["c3"]),  # titles are searched too
])
def test_search_operators(store, query, expected):
    store.load(varied_articles())
    assert sorted(r["id"] for r in store.search(query)) == expected


@pytest.mark.parametrize("query", ["", "   ", "\x00", '"', "AND", "OR", "NOT", "*", "(", ")",
                                   "'", "\\", ":", "!!", "a:b", "-", "sanctions OR",
                                   "x" * 3000, "&|!<->", "''''"])
def test_search_odd_queries_return_nothing_not_crash(store, query):
    store.load([make_article()])
    assert store.search(query) == []


# -- integrity ----------------------------------------------------------------------------
def test_integrity_finds_an_article_missing_rows(store):
    store.load(varied_articles())
    assert store.integrity() == []
    raw(store, "DELETE FROM events WHERE article_id = ?", "b2")
    raw(store, "DELETE FROM quotes WHERE article_id = ?", "a1")
    assert store.integrity() == ["article a1 is incomplete", "article b2 is incomplete"]


def test_integrity_finds_links_to_actors_and_places_not_stored(store):
    store.load(varied_articles())
    raw(store, "DELETE FROM actors WHERE id = ?", "ETH")
    raw(store, "DELETE FROM places WHERE id = ?", "nairobi-184745")
    assert store.integrity() == ["actor ETH is mentioned but not stored",
                                 "place nairobi-184745 is mentioned but not stored"]


def test_integrity_finds_a_table_without_its_columns(store):
    raw(store, "ALTER TABLE quotes DROP COLUMN cue")
    assert store.integrity() == ["table quotes lacks columns cue"]


def test_slow_analysis_still_commits_every_few_seconds(store, monkeypatch):
    """Issue 9: nothing reached the store for the first ~40 s of an ingest."""
    import newsgraph.store.core as core

    clock = iter(range(0, 1000, 4))  # each look at the clock: 4 seconds later
    monkeypatch.setattr(core.time, "monotonic", lambda: next(clock))
    committed = []

    def slowly():
        for i in range(6):
            committed.append(store.summary()["articles"])
            yield make_article(f"Washington imposed sanctions on Moscow, report {i}.",
                               uri=f"file:///r{i}.txt", ident=f"r{i}")

    result = store.load(slowly(), batch_size=100, max_seconds=10)
    assert result.added == 6
    assert committed[-1] > 0  # earlier articles were committed before the last one arrived
