"""Stage contracts are true: each stage writes only the Article fields it ``assigns``.

The guard snapshots every Article field (contents, recursively) before and after each
stage and reports any field that changed without being declared. It runs every stage
of ``default_stages()`` on the bundled demo corpus, and a deliberately misdeclared
stage shows the guard can fail.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from conftest import DEMO
from newsgraph import core
from newsgraph.model import Article, Source
from newsgraph.pipeline import Stage, stage
from newsgraph.settings import Settings

# derived caches, not data: ``text`` cut once from ``source``
NOT_DATA = {"cached_text"}
ATOMS = (str, int, float, bool, type(None))


def snapshot(value: Any) -> Any:
    """A comparable copy of ``value``'s contents (dataclasses, lists, dicts, sets).

    An Article inside a value (a back-reference) and foreign objects such as a spaCy
    ``Doc`` are compared by identity: a stage may use them but not replace them.
    """
    if isinstance(value, ATOMS):
        return value
    if isinstance(value, Article):
        return ("article", id(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(snapshot(v) for v in value))
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(snapshot(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((snapshot(k), snapshot(v)) for k, v in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple((f.name, snapshot(getattr(value, f.name))) for f in dataclasses.fields(value)))
    return ("object", id(value))


def article_state(article: Article) -> dict[str, Any]:
    return {f.name: snapshot(getattr(article, f.name))
            for f in dataclasses.fields(Article) if f.name not in NOT_DATA}


def guarded(st: Stage, violations: list[str]) -> Stage:
    """``st`` with a check that it changes no field outside its ``assigns``."""

    def run(article: Article, *, settings: Settings) -> None:
        before = article_state(article)
        st.fn(article, settings=settings)
        after = article_state(article)
        for name in before:
            if before[name] != after[name] and name not in st.assigns:
                violations.append(f"{st.name} wrote {name} on article {article.id}")

    return Stage(st.name, run, st.requires, st.assigns)


def run_guarded(stages: list[Stage], monkeypatch: pytest.MonkeyPatch) -> tuple[list[Article], list[str]]:
    """Analyze the demo corpus with every stage of ``stages`` under the guard."""
    violations: list[str] = []
    monkeypatch.setattr(core, "default_stages", lambda: [guarded(st, violations) for st in stages])
    articles = list(core.analyze_many([DEMO], settings=Settings(strict=True)))
    return articles, violations


@pytest.mark.slow
def test_every_stage_writes_only_what_it_assigns_on_the_demo_corpus(monkeypatch) -> None:
    articles, violations = run_guarded(core.default_stages(), monkeypatch)
    assert violations == []
    assert sum(len(a.events) for a in articles) > 10  # the stages did real work
    assert sum(len(a.quotes) for a in articles) > 5
    assert all(a.errors == [] for a in articles)


def _without(st: Stage, field: str) -> Stage:
    return Stage(st.name, st.fn, st.requires, tuple(a for a in st.assigns if a != field))


@pytest.mark.slow
def test_guard_catches_a_real_stage_that_hides_a_write(monkeypatch) -> None:
    # resolve_mention adds the actors it finds; extract_events declares it. Hide that.
    stages = [_without(st, "actors") if st.name == "extract_events" else st
              for st in core.default_stages()]
    _, violations = run_guarded(stages, monkeypatch)
    assert violations and all(v.startswith("extract_events wrote actors") for v in violations)


@stage(requires=("doc",), assigns=("entities",))
def _misdeclared(article: Article, *, settings: Settings) -> None:
    article.entities = []
    article.title = "overwritten"  # not declared


def _article() -> Article:
    source = Source(uri="t", format="text", text="Tehran said so.")
    return Article(id="t", source=source, start=0, end=len(source.text))


def test_guard_catches_an_undeclared_write() -> None:
    violations: list[str] = []
    guarded(_misdeclared, violations)(_article(), settings=Settings())
    assert violations == ["_misdeclared wrote title on article t"]


@pytest.mark.parametrize("mutate", [
    lambda a: a.actors.append(None),  # in place, same list object
    lambda a: setattr(a.source, "title", "x"),  # inside a nested record
    lambda a: a.errors.append({"stage": "x", "error": "y"}),
])
def test_guard_sees_in_place_changes(mutate) -> None:
    before = article_state(article := _article())
    mutate(article)
    assert article_state(article) != before


def test_every_stage_declares_a_real_article_field() -> None:
    names = {f.name for f in dataclasses.fields(Article)}
    for st in core.default_stages():
        assert set(st.requires) | set(st.assigns) <= names | {"text"}, st.name
