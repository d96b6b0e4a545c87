"""model.py and store/ stay clean under mypy --strict."""

import subprocess
import sys

from conftest import ROOT


def test_model_and_store_pass_mypy_strict():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
         "src/newsgraph/model.py", "src/newsgraph/store/"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
