"""The examples in the shared utility modules' docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["newsgraph.datafiles", "newsgraph.months", "newsgraph.slugs",
                                  "newsgraph.evaluation.metrics"])
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
