"""The package works as installed, without the checkout: its data files ship inside it and
nothing reaches for the repository (tools/, ../shared) at run time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files a wheel would hold (setuptools' build_py with pyproject's package data)."""
    work = tmp_path_factory.mktemp("pkg")
    shutil.copy(ROOT / "pyproject.toml", work)
    shutil.copy(ROOT / "README.md", work)
    shutil.copytree(ROOT / "src" / "newsgraph", work / "src" / "newsgraph",
                    ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q",
                    "build_py", "--build-lib", str(work / "lib")],
                   cwd=work, check=True, capture_output=True)
    return work / "lib"


def _run(lib: Path, code: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_EVAL_DIR"}
    env["PYTHONPATH"] = str(lib)
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_build_tools_are_not_in_the_package(installed: Path) -> None:
    names = {p.name for p in (installed / "newsgraph").rglob("*.py")}
    assert not names & {"fit.py", "_build_data.py", "fit_segment_weights.py", "build_countries.py"}


def test_bundled_word_lists_and_tables_load_from_the_installed_files(installed: Path, tmp_path) -> None:
    code = (
        "import newsgraph, json\n"
        "from newsgraph.language import guess_language\n"
        "from newsgraph.months import MONTHS\n"
        "from newsgraph.places.readings import STOPLIST, AP_STATES\n"
        "from newsgraph.segment.paragraphs import split_lines\n"
        "from newsgraph.segment.articles import split_articles\n"
        "from newsgraph.quotes.lexicon import speech_verbs\n"
        "from newsgraph.places.patterns import demonyms\n"
        "print(json.dumps([newsgraph.__file__, guess_language('el gobierno de la ciudad y los "
        "vecinos que se quejan de la obra para el puerto'), MONTHS['sept'], 'paris' in STOPLIST,"
        " AP_STATES['calif'], 'say' in speech_verbs(), demonyms()['Iranian'],"
        " len(split_articles('One\\n\\nTwo'))]))\n"
    )
    result = _run(installed, code, tmp_path)
    assert result.returncode == 0, result.stderr
    where, language, month, stop, state, say, iran, _ = json.loads(result.stdout)
    assert where.startswith(str(installed))
    assert (language, month, stop, state, say, iran) == ("es", 9, True, "CA", True, "IRN")


def test_evaluate_outside_a_checkout_says_where_it_looked(installed: Path, tmp_path) -> None:
    result = _run(installed, "from newsgraph.cli import main; raise SystemExit(main(['evaluate']))",
                  tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"newsgraph: E601 no gold sets at {tmp_path.resolve().parent / 'shared' / 'eval'}: pass "
        "--eval-dir DIR or set NEWSGRAPH_EVAL_DIR=DIR (the default is ../shared/eval beside the "
        "newsgraph checkout)")


@pytest.mark.slow
def test_analyze_runs_from_the_installed_files(installed: Path, tmp_path) -> None:
    demo = installed / "newsgraph" / "data" / "demo" / "dump.txt"
    result = _run(installed, f"from newsgraph.cli import main; raise SystemExit(main(['analyze', {str(demo)!r}]))",
                  tmp_path)
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) >= 3 and any(a["events"] for a in articles)
