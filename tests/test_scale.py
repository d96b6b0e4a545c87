"""newsgraph.scale: Dask partitions -> JSONL shards -> store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")

from newsgraph import core, scale  # noqa: E402
from newsgraph.model import Article, Source  # noqa: E402
from newsgraph.scale import (InputFile, list_inputs, load_shards,  # noqa: E402
                             plan_partitions, read_shard, run_dask)
from newsgraph.settings import Settings  # noqa: E402
from newsgraph.store import open_store  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "demo"
SMALL = ("dump.txt", "page-floods-relief.html", "articles.jsonl")
PARTITION_SCOPED = ("duplicate_of", "story")  # dedup and stories see one partition only


# -- fast: planning and rebuilding -------------------------------------------------------
def _files(*sizes: int) -> list[InputFile]:
    return [InputFile(f"/in/{n}.txt", size) for n, size in enumerate(sizes)]


def test_plan_partitions_balances_bytes_and_keeps_every_file_once() -> None:
    files = _files(90, 10, 50, 40, 10, 5)
    plan = plan_partitions(files, partitions=2)
    assert sorted(f.path for group in plan for f in group) == sorted(f.path for f in files)
    assert sorted(sum(f.size for f in group) for group in plan) == [100, 105]


def test_plan_partitions_is_the_same_on_every_run_and_never_empty() -> None:
    files = _files(3, 3, 3)
    assert plan_partitions(files, partitions=2) == plan_partitions(list(files), partitions=2)
    assert len(plan_partitions(files, partitions=10)) == 3
    assert plan_partitions([], partitions=4) == []


def test_list_inputs_recurses_and_skips_dot_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.txt").write_text("y")
    (tmp_path / "z.txt").write_text("zz")
    found = list_inputs([tmp_path, tmp_path / "missing.txt"])
    assert [(Path(f.path).name, f.size) for f in found] == [("x.txt", 1), ("z.txt", 2)]
    assert "E101" in caplog.text


# -- fast: shards, skipping and crashes (analysis faked, synchronous scheduler) -----------
def _fake_analyze(calls: list[str], *, fail_on: str | None = None):
    def analyze_many(paths: list[str], *, settings: Settings, **stats: Any) -> Iterator[Article]:
        for path in paths:
            calls.append(Path(path).name)
            text = Path(path).read_text()
            yield Article(id=Path(path).stem, source=Source(uri=path, format="text", text=text),
                          start=0, end=len(text))
            if Path(path).name == fail_on:
                raise RuntimeError("worker died")
    return analyze_many


@pytest.fixture
def four_files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        (folder / f"f{n}.txt").write_text("word " * (n + 1))
    return folder


def _run(folder: Path, out: Path, **options: Any) -> scale.ScaleResult:
    return run_dask([folder], out_dir=out, settings=Settings(), partitions=2,
                    scheduler="synchronous", **options)


def test_rerun_skips_complete_shards(four_files: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(core, "analyze_many", _fake_analyze(calls))
    out = tmp_path / "out"
    first = _run(four_files, out)
    assert first.articles == 4 and first.skipped == 0 and len(calls) == 4
    second = _run(four_files, out)
    assert second.skipped == 2 and second.articles == 4 and len(calls) == 4


def test_changed_input_redoes_only_its_shard(four_files: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(core, "analyze_many", _fake_analyze(calls))
    out = tmp_path / "out"
    _run(four_files, out)
    (four_files / "f3.txt").write_text("word " * 4 + "more")
    calls.clear()
    again = _run(four_files, out)
    assert again.skipped == 1 and "f3.txt" in calls and len(calls) == 2


def test_crash_leaves_no_half_shard_and_the_next_run_finishes(
        four_files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(core, "analyze_many", _fake_analyze(calls, fail_on="f0.txt"))
    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        _run(four_files, out)
    assert not (out / "part-00000.jsonl").exists()  # f0's partition
    assert (out / "part-00000.jsonl.tmp").exists()
    monkeypatch.setattr(core, "analyze_many", _fake_analyze(calls))
    result = _run(four_files, out)
    assert result.articles == 4
    assert not list(out.glob("*.tmp"))
    assert sum(1 for shard in result.shards for _ in read_shard(shard)) == 4


# -- slow: the real pipeline --------------------------------------------------------------
@pytest.fixture(scope="module")
def small_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "sub").mkdir()
    for name in SMALL[:2]:
        shutil.copy(DEMO / name, folder / name)
    shutil.copy(DEMO / SMALL[2], folder / "sub" / SMALL[2])
    return folder


@pytest.fixture(scope="module")
def direct(small_folder: Path) -> dict[str, dict[str, Any]]:
    return {a.id: a.to_dict() for a in core.analyze_many([small_folder], settings=Settings())}


def _comparable(doc: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in doc.items() if k not in PARTITION_SCOPED}
    kept["paragraphs"] = [{k: v for k, v in p.items() if k != "duplicate_of"}
                          for p in doc["paragraphs"]]
    kept["events"] = _events(doc)
    return kept


def _events(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Events without their happening id: happenings are linked within a partition."""
    return [{k: v for k, v in e.items() if k != "happening"} for e in doc["events"]]


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_output_equals_analyze_many(scheduler: str, small_folder: Path,
                                         direct: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    result = run_dask([small_folder], out_dir=tmp_path / "out", settings=Settings(),
                      partitions=2, scheduler=scheduler, n_workers=2)
    docs = {d["id"]: d for shard in result.shards for d in read_shard(shard)}
    assert len(result.shards) == 2 and result.articles == len(direct)
    if scheduler == "processes":  # one task per worker at a time, not Dask's default six
        assert len({p.pid for p in result.partitions}) == 2
    assert set(docs) == set(direct)
    assert {k: _events(d) for k, d in docs.items()} == {k: _events(d) for k, d in direct.items()}
    assert {k: _comparable(d) for k, d in docs.items()} == {k: _comparable(d) for k, d in direct.items()}


@pytest.mark.slow
def test_load_shards_stores_what_a_direct_load_stores(small_folder: Path, tmp_path: Path) -> None:
    run_dask([small_folder], out_dir=tmp_path / "out", settings=Settings(), partitions=2,
             scheduler="synchronous")
    from_shards = open_store(tmp_path / "shards.sqlite")
    loaded = load_shards(tmp_path / "out", from_shards)
    direct_store = open_store(tmp_path / "direct.sqlite")
    direct_store.load(core.analyze_many([small_folder], settings=Settings()))
    assert loaded.added == direct_store.summary()["articles"] > 0
    assert from_shards.integrity() == []
    rows = "SELECT article_id, n, category, start, sentence FROM events ORDER BY 1, 2"
    assert from_shards.db.execute(rows).fetchall() == direct_store.db.execute(rows).fetchall()
    assert load_shards(tmp_path / "out", from_shards).added == 0
    from_shards.close()
    direct_store.close()
