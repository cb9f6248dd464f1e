"""What an entity page shows, from ``Library.entity``: the network's layout and the map.

``Library.entity`` gives the entity, its cables, its timeline, what is named with it (in at
most 2,000 of its cables, spread over its dates) and the network's edges. Here the
network's layout (a few hundred steps of a force layout, numpy, no randomness) and the
map's projection (equirectangular, as ``static/world.svg``) are computed, so the template
only writes the SVG elements.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from cablekit.extract.lexicon import country_iso
from cablekit.store import Library

KIND_PATHS = {"person": "people", "organization": "organizations", "place": "places"}
PATH_KINDS = {v: k for k, v in KIND_PATHS.items()}
QUERY_FIELDS = {"person": "person", "organization": "org", "place": "place"}
NETWORK_PEOPLE = 20  # people around the entity in its network
NETWORK_EDGES = 60  # strongest edges between them that are drawn
MAP_PLACES = 30  # places drawn on a map
MAP_LABELS = 10  # of which named on the map
RELATED = 25  # entities of each kind listed as named with it
MAX_ALIAS_TERMS = 8  # names of an entity OR-ed in its search query

HERE = Path(__file__).resolve().parent
WORLD_SVG = HERE / "static" / "world.svg"


def entity_view(
    library: Library, entity_id: int, *, offset: int = 0, limit: int = 20
) -> dict[str, Any] | None:
    """Everything an entity page shows, or None when there is no such entity: the
    ``Library.entity`` fields (``cable_list`` the page asked for), with ``near`` (the
    related entities the map and the network draw, more than the lists show) and
    ``edges`` (``(a, b) -> shared cables`` between the network's people)."""
    found = library.entity(
        entity_id,
        cables=limit,
        offset=offset,
        related=max(RELATED, MAP_PLACES, NETWORK_PEOPLE),
        network=NETWORK_PEOPLE,
    )
    if found is None:
        return None
    edges = {(e["a"], e["b"]): e["shared"] for e in found["network"][:NETWORK_EDGES]}
    near = {**found["related"], "edges": edges}
    return {
        **found,
        "related": {k: near[k][:RELATED] for k in KIND_PATHS},
        "near": near,
        "edges": edges,
    }


def search_query(entity: dict[str, Any]) -> str:
    """The search query for the cables naming an entity: its name in its field, OR-ed
    with its aliases' (the index holds the name each cable's mention has)."""
    field = QUERY_FIELDS.get(entity.get("kind") or "", "person")
    names = [entity.get("name") or ""]
    names += [a.get("name") or "" for a in entity.get("aliases") or []]
    terms = []
    for name in names[:MAX_ALIAS_TERMS]:
        words = re.findall(r"[^\W_]+", name)
        if not words:
            continue
        term = f"{field}:{words[0]}" if len(words) == 1 else f'{field}:"{" ".join(words)}"'
        if term not in terms:
            terms.append(term)
    if not terms:
        return ""
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


# -- the network --------------------------------------------------------------------------

NET_W, NET_H = 640.0, 420.0


def layout(count: int, edges: dict[tuple[int, int], float], steps: int = 300) -> np.ndarray:
    """Positions in [0, 1]^2 of ``count`` nodes, node 0 at the centre: a Fruchterman-Reingold
    force layout from a circle (node i at angle 2*pi*i/n), no randomness, so a page looks
    the same every time. ``edges``: (i, j) -> weight in (0, 1]."""
    if count <= 0:
        return np.zeros((0, 2))
    if count == 1:
        return np.array([[0.5, 0.5]])
    angles = 2 * math.pi * np.arange(count - 1) / (count - 1)
    pos = np.zeros((count, 2))
    pos[1:, 0] = 0.35 * np.cos(angles)
    pos[1:, 1] = 0.35 * np.sin(angles)
    weight = np.zeros((count, count))
    for (i, j), w in edges.items():
        if 0 <= i < count and 0 <= j < count and i != j:
            weight[i, j] = weight[j, i] = w
    k = 1.2 / math.sqrt(count)
    temperature = 0.08
    for _ in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(-1)) + 1e-9
        repulse = (k * k / dist**2)[:, :, None] * delta
        attract = (weight * dist / k)[:, :, None] * delta
        force = (repulse - attract).sum(axis=1)
        # a weak pull to the middle keeps loose nodes from drifting off
        force -= pos * 0.5
        length = np.sqrt((force**2).sum(-1))[:, None] + 1e-9
        pos += force / length * np.minimum(length, temperature)
        pos[0] = 0.0
        temperature *= 0.985
    span = np.abs(pos).max(axis=0)  # each axis filled: the box is wider than high
    span[span == 0] = 1.0
    return 0.5 + pos / (2 * span)


def network(entity: dict[str, Any], near: dict[str, Any]) -> dict[str, Any] | None:
    """The SVG geometry of the entity and the people named with it most: nodes (sized by
    shared cables), spokes to the entity and edges between the people (width by how
    many of the entity's cables name both)."""
    people = near.get("person", [])[:NETWORK_PEOPLE]
    if not people:
        return None
    top = max(p["shared"] for p in people) or 1
    index = {p["id"]: i + 1 for i, p in enumerate(people)}
    edge_list: dict[tuple[int, int], float] = {}
    for i, p in enumerate(people, 1):
        edge_list[(0, i)] = 0.3 + 0.7 * p["shared"] / top
    pair_edges = near.get("edges", {})
    pair_top = max(pair_edges.values(), default=1) or 1
    for (a, b), n in pair_edges.items():
        if a in index and b in index:
            edge_list[(index[a], index[b])] = 0.6 * n / pair_top
    pos = layout(len(people) + 1, edge_list)
    margin_x, margin_y = 60.0, 26.0
    xy = [
        (
            round(margin_x + x * (NET_W - 2 * margin_x), 1),
            round(margin_y + y * (NET_H - 2 * margin_y), 1),
        )
        for x, y in pos
    ]
    nodes = [
        {
            "id": entity["id"],
            "name": entity["name"],
            "label": short_label(entity["name"], 28),
            "kind": entity["kind"],
            "href": entity_href(entity),
            "x": xy[0][0],
            "y": xy[0][1],
            "r": 13.0,
            "center": True,
            "shared": entity.get("total_cables") or entity.get("cables") or 0,
            "anchor": "middle",
            "label_y": round(xy[0][1] + 27, 1),
        }
    ]
    for i, p in enumerate(people, 1):
        x, y = xy[i]
        r = round(4 + 7 * math.sqrt(p["shared"] / top), 1)
        label = short_label(p["name"])
        room = LABEL_CHAR * len(label) + r + 4
        right = x >= xy[0][0]  # labels point away from the middle, unless they would not fit
        if right and x + room > NET_W:
            right = False
        elif not right and x - room < 0:
            right = True
        nodes.append(
            {
                "id": p["id"],
                "name": p["name"],
                "label": label,
                "kind": "person",
                "href": entity_href(p),
                "x": x,
                "y": y,
                "r": r,
                "center": False,
                "shared": p["shared"],
                "anchor": "start" if right else "end",
                "label_x": round(x + (r + 4 if right else -r - 4), 1),
                "label_y": round(y + 4, 1),
            }
        )
    lines = []
    for (i, j), _w in edge_list.items():
        if i == 0:
            n = people[j - 1]["shared"]
            width = 0.8 + 5 * n / top
            title = f"{entity['name']} and {people[j - 1]['name']}: {n:,} cables"
            spoke = True
        else:
            a, b = people[i - 1], people[j - 1]
            n = pair_edges.get((a["id"], b["id"]), pair_edges.get((b["id"], a["id"]), 0))
            width = 0.6 + 3 * n / pair_top
            title = f"{a['name']} and {b['name']}: {n:,} of these cables"
            spoke = False
        lines.append(
            {
                "x1": xy[i][0],
                "y1": xy[i][1],
                "x2": xy[j][0],
                "y2": xy[j][1],
                "width": round(width, 2),
                "title": title,
                "spoke": spoke,
            }
        )
    # the spokes under the edges between people, both under the nodes
    lines.sort(key=lambda e: not e["spoke"])
    return {"width": NET_W, "height": NET_H, "nodes": nodes, "lines": lines, "top": top}


LABEL_CHAR = 9.5  # the width of a label character in the network's units (phone font, the widest)


def short_label(name: str, longest: int = 16) -> str:
    """A network label: the name without its "(country)", given names as initials when
    it is long ("Grigoriy Borisovich Karasin" -> "G. B. Karasin")."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip() or name
    if len(name) <= longest:
        return name
    words = name.split()
    if len(words) > 1:
        short = " ".join([*(w[0] + "." for w in words[:-1] if w[:1].isalpha()), words[-1]])
        if len(short) <= longest:
            return short
    return name[: longest - 1].rstrip() + "\u2026"


def entity_href(entity: dict[str, Any]) -> str:
    return f"/{KIND_PATHS.get(entity.get('kind') or '', 'people')}/{entity.get('id')}"


# -- the map ------------------------------------------------------------------------------

MAP_SCALE = 10.0  # world.svg units per degree
MAP_ASPECT = 2.0  # width / height of the map
WORLD_TOP, WORLD_BOTTOM = 40.0, 1600.0  # the world map's view: 86 N to 70 S
_PATH_RE = re.compile(r'<path id="c-([A-Z]{2})" data-bbox="(-?\d+) (-?\d+) (-?\d+) (-?\d+)"')


@cache
def world_countries() -> dict[str, tuple[int, int, int, int]]:
    """ISO alpha-2 -> bounding box (world.svg units) of each country world.svg draws."""
    try:
        text = WORLD_SVG.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {
        m.group(1): tuple(int(m.group(i)) for i in range(2, 6)) for m in _PATH_RE.finditer(text)
    }  # type: ignore[misc]


def country_code(name: str | None) -> str | None:
    """The ISO code of a country name, when world.svg draws it."""
    code = country_iso(name)
    return code if code and code in world_countries() else None


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) * MAP_SCALE, (90 - lat) * MAP_SCALE


def world_map(
    subject: dict[str, Any] | None, places: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The map's geometry: the places (entity dicts with ``lat``/``lon`` and ``shared``)
    as dots sized by shared cables, countries as shaded outlines, the view framing them.

    ``subject`` is the place the page is about (drawn apart), or None. The x axis is
    shrunk by the cosine of the middle latitude (an equirectangular projection with its
    standard parallel there), so a map of Russia is not stretched twice as wide."""
    chosen = [p for p in places if _located(p)][:MAP_PLACES]
    if subject is not None and _located(subject):
        chosen = [{**subject, "shared": max((p["shared"] for p in chosen), default=1)}] + [
            p for p in chosen if p["id"] != subject["id"]
        ]
    if not chosen:
        return None
    top = max(p.get("shared") or 1 for p in chosen)
    focus = chosen[: MAP_LABELS + 2]
    xs, ys = zip(*(_project(p["lon"], p["lat"]) for p in focus), strict=True)
    boxes = world_countries()
    if subject is not None and subject.get("place_kind") == "country":
        code = country_code(subject.get("name"))
        if code:
            x0, y0, x1, y1 = boxes[code]
            if x1 - x0 < 1800:  # not one spanning the antimeridian
                xs, ys = (*xs, x0, x1), (*ys, y0, y1)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    k = max(0.5, math.cos(math.radians(90 - (y0 + y1) / 2 / MAP_SCALE)))
    pad_x, pad_y = max(40.0, (x1 - x0) * 0.12), max(40.0, (y1 - y0) * 0.15)
    x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
    width = max((x1 - x0) * k, 240.0 * k)  # at least 24 degrees across
    height = y1 - y0
    if width / height > MAP_ASPECT:
        height = width / MAP_ASPECT
    else:
        width = height * MAP_ASPECT
    if width > 3600 * k * 0.8 or height > WORLD_BOTTOM - WORLD_TOP:
        k, vx, vy, width, height = 1.0, 0.0, WORLD_TOP, 3600.0, WORLD_BOTTOM - WORLD_TOP
    else:
        cx, cy = (x0 + x1) / 2 * k, (y0 + y1) / 2
        vx = min(max(cx - width / 2, 0.0), 3600 * k - width)
        vy = min(max(cy - height / 2, WORLD_TOP), WORLD_BOTTOM - height)
    unit = width / 560  # one screen pixel of a 560-px-wide map, in view units
    dots = []
    countries = []
    for i, p in enumerate(chosen):
        x, y = _project(p["lon"], p["lat"])
        share = (p.get("shared") or 1) / top
        is_subject = subject is not None and p["id"] == subject["id"]
        code = country_code(p.get("name")) if p.get("place_kind") == "country" else None
        if code:
            countries.append(
                {
                    "code": code,
                    "opacity": round(0.25 + 0.6 * share, 2),
                    "subject": is_subject,
                    "name": p["name"],
                    "href": entity_href(p),
                    "shared": p.get("shared") or 0,
                }
            )
        if code and not is_subject:
            dots.append(
                {
                    "x": round(x * k, 1),
                    "y": round(y, 1),
                    "r": 0,
                    "name": p["name"],
                    "label": i < MAP_LABELS,
                    "label_x": round(x * k, 1),
                    "label_y": round(y + unit * 4, 1),
                    "country": True,
                }
            )
            continue
        dots.append(
            {
                "x": round(x * k, 1),
                "y": round(y, 1),
                "r": round(unit * (3 + 7 * math.sqrt(share)), 2),
                "name": p["name"],
                "href": entity_href(p),
                "shared": p.get("shared") or 0,
                "kind": p.get("place_kind") or "other",
                "subject": is_subject,
                "label": i < MAP_LABELS or is_subject,
                "label_x": round(x * k + unit * (5 + 7 * math.sqrt(share)), 1),
                "label_y": round(y + unit * 4, 1),
            }
        )
    _declutter(dots, unit * 12)
    return {
        "view": f"{vx:.1f} {vy:.1f} {width:.1f} {height:.1f}",
        "k": round(k, 4),
        "dots": list(reversed(dots)),  # the biggest drawn last, on top
        "countries": countries,
        "font": round(unit * 12, 2),
        "stroke": round(unit * 1.2, 2),
    }


def _declutter(dots: list[dict[str, Any]], font: float) -> None:
    """Drop the labels that would overlap a label already placed (most-named first)."""
    placed: list[tuple[float, float, float, float]] = []
    for d in dots:
        if not d.get("label"):
            continue
        w = 0.6 * font * len(d["name"])
        x0 = d["label_x"] - (w / 2 if d.get("country") else 0)
        box = (x0, d["label_y"] - font, x0 + w, d["label_y"] + 0.2 * font)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            d["label"] = False
        else:
            placed.append(box)


def _located(place: dict[str, Any]) -> bool:
    lat, lon = place.get("lat"), place.get("lon")
    return (
        isinstance(lat, (int, float))
        and isinstance(lon, (int, float))
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    )
