"""Build ``src/cablekit/web/static/world.svg``: country outlines for the entity pages' maps.

Source: Natural Earth 1:50m admin-0 countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as TopoJSON in the npm package
``world-atlas`` 2.x by Mike Bostock (ISC licence). Fetch it once and run, offline::

    npm pack world-atlas && tar xzf world-atlas-2.0.2.tgz
    python tools/build_world_map.py package/countries-50m.json

Build-time only: the app needs neither npm nor the package, only the SVG this writes.

The outlines are projected equirectangular (x = (lon + 180) * 10, y = (90 - lat) * 10,
so the world is 3600 x 1800 units, 0.1 degree each), simplified per TopoJSON arc (a
border shared by two countries is simplified once, so neighbours still meet), and
written as one ``<path>`` per country whose ``id`` is ``c-`` and the ISO 3166 alpha-2
code the gazetteer (``extract/data/gazetteer.json``) gives that country; the pages
draw them with ``<use href="/static/world.svg#land">`` so the browser fetches and
caches the outlines once. No fill or stroke is set here: the page styles the ``<use>``
and the paths inherit it.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "src" / "cablekit" / "extract" / "data" / "gazetteer.json"
OUT = ROOT / "src" / "cablekit" / "web" / "static" / "world.svg"
SCALE = 10  # units per degree
TOLERANCE = 0.06  # degrees: Douglas-Peucker simplification of each arc
MIN_AREA = 1.5  # square units: smaller islands are dropped (a country keeps its largest)

# Natural Earth's short names that the abbreviation rules below do not turn into the
# gazetteer's (GeoNames') names.
NAME_FIXES = {
    "United States of America": "United States",
    "Dem. Rep. Congo": "Democratic Republic of the Congo",
    "Congo": "Republic of the Congo",
    "Côte d'Ivoire": "Ivory Coast",
    "eSwatini": "Swaziland",
    "Czechia": "Czech Republic",
    "Vatican": "Vatican City",
    "Cabo Verde": "Cape Verde",
    "Palestine": "Palestinian Territories",
    "Timor-Leste": "East Timor",
    "Netherlands": "The Netherlands",
    "S. Geo. and the Is.": "South Georgia and the South Sandwich Islands",
    "Br. Indian Ocean Ter.": "British Indian Ocean Territory",
    "Fr. S. Antarctic Lands": "French Southern Territories",
    "Heard I. and McDonald Is.": "Heard Island and McDonald Islands",
    "St. Vin. and Gren.": "Saint Vincent and the Grenadines",
    "St-Martin": "Saint Martin",
    "St-Barthélemy": "Saint Barthelemy",
    "Antigua and Barb.": "Antigua and Barbuda",
    "Bosnia and Herz.": "Bosnia and Herzegovina",
    "Central African Rep.": "Central African Republic",
    "Dominican Rep.": "Dominican Republic",
    "Eq. Guinea": "Equatorial Guinea",
    "S. Sudan": "South Sudan",
    "N. Cyprus": "Cyprus",  # drawn as part of Cyprus
    "Somaliland": "Somalia",  # drawn as part of Somalia
    "São Tomé and Principe": "Sao Tome and Principe",
    "Faeroe Is.": "Faroe Islands",
    "Åland": "Aland Islands",
    "Wallis and Futuna Is.": "Wallis and Futuna",
    "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
    "St. Kitts and Nevis": "Saint Kitts and Nevis",
    "Pitcairn Is.": "Pitcairn",
    "Sint Maarten": "Sint Maarten",
    "Norfolk Island": "Norfolk Island",
    "Indian Ocean Ter.": "Christmas Island",
    "Ashmore and Cartier Is.": "Australia",
    "Siachen Glacier": "India",
}
_ABBREVIATIONS = [
    ("Is.", "Islands"),
    ("Rep.", "Republic"),
    ("St.", "Saint"),
    ("N. ", "Northern "),
    ("W. ", "Western "),
    ("Fr. ", "French "),
]


def fold(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]+", " ", plain).casefold().split())


def country_codes() -> dict[str, str]:
    """Folded gazetteer country names (and aliases) -> ISO alpha-2."""
    gazetteer = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for name, iso2, _fips, _lat, _lon, aliases, _demonyms in gazetteer["countries"]:
        for n in [name, *aliases]:
            out.setdefault(fold(n), iso2)
    return out


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON quantised, delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (no recursion limit), endpoints kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = math.hypot(px - x1, py - y1)
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack.extend([(a, index), (index, b)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def project(lon: float, lat: float) -> tuple[int, int]:
    return round((lon + 180) * SCALE), round((90 - lat) * SCALE)


def ring_points(ring: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        for point in arc if not out else arc[1:]:
            if not out or point != out[-1]:
                out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def unwrap(ring: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A ring as drawn on a flat map. TopoJSON rings are spherical: one crossing the
    antimeridian jumps from x=3600 to x=0, which a plane fills as a band across the
    world. Such a ring is made continuous (x beyond 3600 or below 0) and drawn twice, one
    copy shifted a world's width, so each half shows at its own edge of the map."""
    width = 360 * SCALE
    out = [ring[0]]
    shift = 0
    closed = [*ring, ring[0]]
    for (x0, _), (x1, y1) in zip(closed, closed[1:], strict=False):
        if x1 - x0 > width / 2:
            shift -= width
        elif x0 - x1 > width / 2:
            shift += width
        out.append((x1 + shift, y1))
    if shift == 0:
        out.pop()  # the first point again
    else:  # around a pole (Antarctica): closed along the map's edge
        y = 180 * SCALE if out[-1][1] > 90 * SCALE else 0
        out += [(out[-1][0], y), (out[0][0], y)]
    xs = [x for x, _ in out]
    if min(xs) >= 0 and max(xs) <= width:
        return [out]
    copy = -width if max(xs) > width else width
    return [out, [(x + copy, y) for x, y in out]]


def area(points: list[tuple[int, int]]) -> float:
    return abs(
        sum(
            x1 * y2 - x2 * y1
            for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """``M x y`` then relative moves, integers, no spaces a minus sign makes needless."""
    parts = []
    for points in rings:
        x0, y0 = points[0]
        text = [f"M{x0} {y0}l"]
        px, py = x0, y0
        for x, y in points[1:]:
            for v in (x - px, y - py):
                s = str(v)
                text.append(s if s.startswith("-") or text[-1].endswith("l") else " " + s)
            px, py = x, y
        parts.append("".join(text) + "z")
    return "".join(parts)


def build(source: Path) -> str:
    topology = json.loads(source.read_text(encoding="utf-8"))
    codes = country_codes()
    arcs = [
        [project(lon, lat) for lon, lat in simplify(arc, TOLERANCE)]
        for arc in decode_arcs(topology)
    ]
    by_code: dict[str, list[list[tuple[int, int]]]] = {}
    names: dict[str, str] = {}
    unmatched = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        ne_name = geometry["properties"]["name"]
        name = NAME_FIXES.get(ne_name, ne_name)
        for short, long in _ABBREVIATIONS:
            name = name.replace(short, long)
        code = codes.get(fold(name))
        if code is None:
            unmatched.append(ne_name)
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        rings = [r for ring in rings if len(ring) >= 3 for r in unwrap(ring)]
        if not rings:
            continue
        largest = max(rings, key=area)
        kept = [r for r in rings if r is largest or area(r) >= MIN_AREA]
        by_code.setdefault(code, []).extend(kept)
        names.setdefault(code, name)
    if unmatched:
        print("not in the gazetteer (left out):", ", ".join(unmatched), file=sys.stderr)
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3600 1800">',
        "<!-- Country outlines: Natural Earth 1:50m admin-0 (public domain), via the npm"
        " package world-atlas 2.0.2 (ISC). Equirectangular, x=(lon+180)*10, y=(90-lat)*10."
        " Built by tools/build_world_map.py. -->",
        '<g id="land">',
    ]
    for code in sorted(by_code):
        rings = by_code[code]
        xs = [min(max(x, 0), 3600) for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        bbox = f"{min(xs)} {min(ys)} {max(xs)} {max(ys)}"
        lines.append(
            f'<path id="c-{code}" data-bbox="{bbox}" vector-effect="non-scaling-stroke"'
            f' d="{path_data(rings)}"/>'
        )
    lines += ["</g>", "</svg>", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    text = build(Path(argv[1]))
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(text.encode()):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
