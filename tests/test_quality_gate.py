"""Quality gate: every gold set scores at or above its floor in evaluation/floors.json."""

from __future__ import annotations

import pytest

from conftest import EVAL
from newsgraph.evaluation.run import FLOORS_FILE, TASKS, run_evaluation

pytestmark = pytest.mark.slow


def test_every_task_has_a_floor():
    import json

    floors = json.loads(FLOORS_FILE.read_text("utf-8"))
    assert sorted(floors) == sorted(f"{t.folder}:{t.headline}" for t in TASKS)


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval not present")
def test_scores_stay_above_floors(tmp_path, capsys):
    status = run_evaluation(EVAL, output=tmp_path / "quality.md", check=True)
    assert status == 0, capsys.readouterr().err
    assert "| set | task |" in (tmp_path / "quality.md").read_text("utf-8")
