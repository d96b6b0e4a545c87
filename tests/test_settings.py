"""The gold-set location is a setting: --eval-dir, $NEWSGRAPH_EVAL_DIR, else ../shared/eval."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from newsgraph.errors import NewsgraphError
from newsgraph.settings import EVAL_DIR_ENV, eval_dir, require_eval_dir


def _checkout(root: Path) -> Path:
    (root / "repo" / "src" / "newsgraph").mkdir(parents=True)
    (root / "repo" / "pyproject.toml").write_text("[project]\nname = 'newsgraph'\n")
    return root / "repo"


def test_eval_dir_default_is_shared_eval_beside_the_checkout(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(EVAL_DIR_ENV, raising=False)
    repo = _checkout(tmp_path)
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")  # found from a folder inside the checkout
    assert eval_dir() == tmp_path.resolve() / "shared" / "eval"


def test_eval_dir_outside_a_checkout_is_beside_the_current_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(EVAL_DIR_ENV, raising=False)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert eval_dir() == tmp_path.resolve() / "shared" / "eval"


def test_eval_dir_environment_beats_default_and_option_beats_both(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(EVAL_DIR_ENV, str(tmp_path / "from-env"))
    assert eval_dir() == tmp_path / "from-env"
    assert eval_dir(tmp_path / "from-option") == tmp_path / "from-option"


def test_missing_eval_dir_is_one_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(EVAL_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(NewsgraphError, match="E601 no gold sets at .*nowhere.*NEWSGRAPH_EVAL_DIR"):
        require_eval_dir()


def test_evaluate_without_gold_sets_prints_one_error_line(tmp_path) -> None:
    result = run_cli("evaluate", "--eval-dir", str(tmp_path / "nowhere"), "--output",
                     str(tmp_path / "quality.md"))
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsgraph: E601 no gold sets at ")
    assert not (tmp_path / "quality.md").exists()


def test_evaluate_reads_the_eval_dir_from_the_environment(tmp_path, monkeypatch) -> None:
    gold = tmp_path / "eval"
    gold.mkdir()  # present but empty: every set is reported missing, nothing fails
    monkeypatch.setenv(EVAL_DIR_ENV, str(gold))
    result = run_cli("evaluate", "--only", "segment-concat-dev", "--output", str(tmp_path / "q.md"))
    assert result.returncode == 0, result.stderr
    assert "segment-concat-dev" in result.stderr.decode()  # "gold set ... is missing; skipped"
