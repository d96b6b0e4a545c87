"""pipeline.run_stages: stage order, and a stage error marks the article (or stops a strict run)."""

from __future__ import annotations

import json
import logging

import pytest

from newsgraph import core
from newsgraph.cli import main
from newsgraph.errors import PipelineError
from newsgraph.model import Article, Entity, Source
from newsgraph.pipeline import RunStats, check_order, run_stages, stage
from newsgraph.settings import Settings
from newsgraph.store import open_store


@stage(assigns=("entities",))
def _find(article: Article, *, settings: Settings) -> None:
    article.entities = [Entity(text="Tehran", label="GPE", start=0, end=6)]


@stage(requires=("entities",), assigns=("actors",))
def _broken(article: Article, *, settings: Settings) -> None:
    raise ValueError("no actor table\nfor this article")


@stage(requires=("actors",), assigns=("events",))
def _needs_actors(article: Article, *, settings: Settings) -> None:
    raise AssertionError("never runs: its input came from a failed stage")


@stage(requires=("entities",), assigns=("places",))
def _independent(article: Article, *, settings: Settings) -> None:
    article.places = []
    article.title = "independent ran"  # (a guard would object; here it only shows it ran)


def _article(text: str = "Tehran said so.") -> Article:
    source = Source(uri="file:///news.txt", format="text", text=text)
    return Article(id="a1", source=source, start=0, end=len(text))


STAGES = [_find, _broken, _needs_actors, _independent]


def test_stage_error_is_recorded_on_the_article_and_counted(caplog) -> None:
    stats = RunStats()
    with caplog.at_level(logging.WARNING, logger="newsgraph.pipeline"):
        [article] = run_stages([_article()], STAGES, settings=Settings(), stats=stats)
    assert article.errors == [{"stage": "_broken",
                               "error": "ValueError: no actor table for this article"}]
    assert stats.stage_errors == 1
    assert article.entities and article.title == "independent ran"  # the rest of the run goes on
    [line] = [r.getMessage() for r in caplog.records]
    assert all(word in line for word in ("file:///news.txt", "a1", "_broken", "no actor table"))
    assert "\n" not in line


def test_stage_error_is_in_the_json_output() -> None:
    [article] = run_stages([_article()], STAGES, settings=Settings())
    out = json.loads(json.dumps(article.to_dict()))
    assert out["errors"] == [{"stage": "_broken",
                              "error": "ValueError: no actor table for this article"}]
    assert _article().to_dict()["errors"] == []


def test_stage_errors_survive_the_json_round_trip_of_scale_shards() -> None:
    [article] = run_stages([_article()], STAGES, settings=Settings())
    assert Article.from_dict(article.to_dict()).errors == article.errors


def test_strict_run_raises_a_pipeline_error() -> None:
    with pytest.raises(PipelineError) as caught:
        list(run_stages([_article()], STAGES, settings=Settings(strict=True)))
    assert caught.value.code == "E302"
    assert str(caught.value) == ("E302 stage '_broken' failed on article a1 of file:///news.txt: "
                                 "ValueError: no actor table for this article")
    assert isinstance(caught.value.__cause__, ValueError)


def test_working_fields_are_dropped_after_the_run() -> None:
    article = _article()
    article.doc, article.actor_index = object(), object()
    [out] = run_stages([article], [], settings=Settings())
    assert out.doc is None and out.actor_index is None
    assert "doc" not in out.to_dict() and "actor_index" not in out.to_dict()


def test_misordered_stages_fail_at_build_time() -> None:
    with pytest.raises(PipelineError, match="E301 stage '_broken' requires entities"):
        check_order([_broken, _find])


def _failing_pipeline(monkeypatch) -> None:
    monkeypatch.setattr(core, "default_stages", lambda: [_find, _broken, _needs_actors])


@pytest.mark.slow
def test_cli_strict_stops_with_one_clear_line(monkeypatch, tmp_path, capsys) -> None:
    _failing_pipeline(monkeypatch)
    path = tmp_path / "news.txt"
    path.write_text("Tehran said on Monday it would respond to the sanctions.\n")
    assert main(["analyze", str(path), "--strict"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("newsgraph: E302 stage '_broken' failed on article ")
    assert err[-1].endswith("ValueError: no actor table for this article")


@pytest.mark.slow
def test_cli_without_strict_marks_the_article_and_the_store(monkeypatch, tmp_path, capsys) -> None:
    _failing_pipeline(monkeypatch)
    path = tmp_path / "news.txt"
    path.write_text("Tehran said on Monday it would respond to the sanctions.\n")
    assert main(["analyze", str(path)]) == 0
    captured = capsys.readouterr()
    [article] = [json.loads(line) for line in captured.out.splitlines()]
    assert [e["stage"] for e in article["errors"]] == ["_broken"]
    assert "1 stage error\n" in captured.err  # singular (issue 9)
    db = tmp_path / "s.db"
    assert main(["ingest", str(path), "--db", str(db), "--quiet"]) == 0
    store = open_store(str(db))
    try:
        stored = store.article(article["id"])
    finally:
        store.close()
    assert stored is not None and stored["errors"] == article["errors"]


@pytest.mark.slow
def test_cli_ingest_strict_stops_and_stores_nothing_of_the_batch(monkeypatch, tmp_path,
                                                                 capsys) -> None:
    _failing_pipeline(monkeypatch)
    path = tmp_path / "news.txt"
    path.write_text("Tehran said on Monday it would respond to the sanctions.\n")
    db = tmp_path / "s.db"
    assert main(["ingest", str(path), "--db", str(db), "--quiet", "--strict"]) == 2
    assert "E302 stage '_broken'" in capsys.readouterr().err
    store = open_store(str(db))
    try:
        assert store.summary()["articles"] == 0
    finally:
        store.close()
