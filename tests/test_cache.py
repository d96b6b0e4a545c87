"""Indexes cached on disk: built once with one announcement, then read with one load."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsgraph import cache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cache_builds_once_then_loads(cache_home: Path, tmp_path: Path,
                                      caplog: pytest.LogCaptureFixture) -> None:
    table = tmp_path / "table.tsv"
    table.write_text("a\t1\n", encoding="utf-8")
    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    with caplog.at_level(logging.WARNING, logger="newsgraph.cache"):
        first = cache.load_cached("demo", [table], build, announce="demo index")
        second = cache.load_cached("demo", [table], build, announce="demo index")
    assert first == second == {"a": 1}
    assert len(calls) == 1
    assert [r.getMessage() for r in caplog.records if "building" in r.getMessage()] == [
        f"building the demo index (once; cached in {cache_home})..."]


def test_cache_rebuilds_when_an_input_changes(cache_home: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.tsv"
    table.write_text("a\n", encoding="utf-8")
    assert cache.load_cached("demo", [table], lambda: "old") == "old"
    table.write_text("b\n", encoding="utf-8")
    assert cache.load_cached("demo", [table], lambda: "new") == "new"
    assert cache.load_cached("demo", [table], lambda: "unused") == "new"


def test_cache_rebuilds_a_corrupt_file(cache_home: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.tsv"
    table.write_text("a\n", encoding="utf-8")
    path = cache.cache_file("demo", [table])
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert cache.load_cached("demo", [table], lambda: [1, 2]) == [1, 2]
    assert cache.load_cached("demo", [table], lambda: "unused") == [1, 2]


def test_cache_keeps_only_the_newest_files_of_an_index(cache_home: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.tsv"
    for n in range(cache.KEEP + 3):
        table.write_text(str(n), encoding="utf-8")
        cache.load_cached("demo", [table], lambda: n)
    assert len(list(cache_home.glob("demo-*.pickle"))) == cache.KEEP


def test_cache_unwritable_folder_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(blocker / "sub"))  # a folder under a file
    table = tmp_path / "table.tsv"
    table.write_text("a\n", encoding="utf-8")
    assert cache.load_cached("demo", [table], lambda: 7) == 7
