#!/usr/bin/env python3
"""Draw the base map of the home page, static/img/mediterranean.svg, from Natural Earth data.

Run once by a developer, when the map's window or look changes; the result is committed, so
neither the site nor its tests need the data or this script:

    npm install --prefix /tmp/mapdata world-atlas@2
    .venv/bin/python scripts/build_map.py /tmp/mapdata/node_modules/world-atlas

The argument is the folder of the npm package ``world-atlas`` (Natural Earth's 1:50m
countries as TopoJSON, by Mike Bostock); it defaults to the path above. Add neither
node_modules nor a package.json to the repository.

What it does, in pure Python: decodes the TopoJSON (quantized, delta-encoded arcs), takes
the ``land`` polygons and the land borders between countries (arcs shared by two countries),
projects them with ``mc2cm_portal.listings.map_projection.project_exact`` (the projection the
city markers use), clips them to the viewBox, simplifies them (Douglas-Peucker, coordinates
rounded to 0.1 unit, repeated points and specks of land dropped) and writes a standalone SVG
with the Natural Earth attribution. Land, sea and border colours are the constants below; the
marker colours in static/css/map.css are chosen to contrast with them (tests/cities/test_map.py
checks it).
"""

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mc2cm_portal.listings.map_projection import (  # noqa: E402  (the repository root is put on the path first)
    EAST,
    NORTH,
    SOUTH,
    VIEWBOX,
    WEST,
    project_exact,
)

DEFAULT_SOURCE = Path("/tmp/mapdata/node_modules/world-atlas")  # noqa: S108  (read only)
OUTPUT = ROOT / "static" / "img" / "mediterranean.svg"

SEA = "#c6dfec"
LAND = "#f5f2ea"
COAST = "#8fb0c2"
BORDER = "#b8ae9c"

#: Douglas-Peucker tolerance, in SVG units (the map is about 1000 units wide).
TOLERANCE = 0.5
#: Islands smaller than this (in square SVG units) are left out.
MIN_AREA = 6.0
#: How far outside the viewBox shapes are clipped, so that clipped edges stay unseen.
MARGIN = 3.0

ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"


# TopoJSON --------------------------------------------------------------------------------


def decode_arcs(topology):
    """Every arc as a list of ``(lon, lat)``: undo the delta encoding and the quantization."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs, index):
    """Arc ``index``; a negative index ``~i`` is arc ``i`` reversed (TopoJSON's convention)."""
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_points(arcs, indexes):
    """A closed ring stitched from arcs; each arc starts where the previous one ended."""
    points = []
    for index in indexes:
        part = arc_points(arcs, index)
        points.extend(part[1:] if points else part)
    return points


def polygons(geometry):
    """The polygons (lists of rings of arc indexes) of a TopoJSON geometry."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        for child in geometry["geometries"]:
            yield from polygons(child)
    elif kind == "Polygon":
        yield geometry["arcs"]
    elif kind == "MultiPolygon":
        yield from geometry["arcs"]


def shared_arcs(collection):
    """Indexes of the arcs used by two different geometries: the borders between countries."""
    users = {}
    for number, geometry in enumerate(collection["geometries"]):
        for polygon in polygons(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    return sorted(index for index, who in users.items() if len(who) > 1)


# Geometry in SVG units -------------------------------------------------------------------


def project_all(points):
    return [project_exact(lat, lon) for lon, lat in points]


def clip_ring(points, box):
    """Sutherland-Hodgman: the part of a closed ring inside the rectangle ``box``."""
    xmin, ymin, xmax, ymax = box
    edges = [
        (lambda p: p[0] >= xmin, lambda p, q: _cross_x(p, q, xmin)),
        (lambda p: p[0] <= xmax, lambda p, q: _cross_x(p, q, xmax)),
        (lambda p: p[1] >= ymin, lambda p, q: _cross_y(p, q, ymin)),
        (lambda p: p[1] <= ymax, lambda p, q: _cross_y(p, q, ymax)),
    ]
    output = list(points)
    for inside, cross in edges:
        source, output = output, []
        if not source:
            break
        previous = source[-1]
        for point in source:
            if inside(point):
                if not inside(previous):
                    output.append(cross(previous, point))
                output.append(point)
            elif inside(previous):
                output.append(cross(previous, point))
            previous = point
    return output


def _cross_x(p, q, x):
    t = (x - p[0]) / (q[0] - p[0])
    return x, p[1] + t * (q[1] - p[1])


def _cross_y(p, q, y):
    t = (y - p[1]) / (q[1] - p[1])
    return p[0] + t * (q[0] - p[0]), y


def clip_line(points, box):
    """The pieces of an open line inside ``box`` (Liang-Barsky on each segment)."""
    pieces, current = [], []
    for p, q in zip(points, points[1:], strict=False):
        segment = _clip_segment(p, q, box)
        if segment is None:
            if current:
                pieces.append(current)
                current = []
            continue
        a, b = segment
        if current and current[-1] != a:
            pieces.append(current)
            current = []
        if not current:
            current.append(a)
        current.append(b)
        if b != q:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [piece for piece in pieces if len(piece) > 1]


def _clip_segment(p, q, box):
    xmin, ymin, xmax, ymax = box
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for edge_p, edge_q in (
        (-dx, p[0] - xmin),
        (dx, xmax - p[0]),
        (-dy, p[1] - ymin),
        (dy, ymax - p[1]),
    ):
        if edge_p == 0:
            if edge_q < 0:
                return None
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    a = p if t0 == 0 else (p[0] + t0 * dx, p[1] + t0 * dy)
    b = q if t1 == 1 else (p[0] + t1 * dx, p[1] + t1 * dy)
    return a, b


def simplify(points, tolerance):
    """Douglas-Peucker, iteratively: drop points closer than ``tolerance`` to the chord."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(points, tolerance):
    """Douglas-Peucker for a closed ring: split it at its two farthest-apart-ish points."""
    if len(points) < 4:
        return list(points)
    start = points[0]
    far = max(range(len(points)), key=lambda i: _squared(points[i], start))
    first = simplify(points[: far + 1], tolerance)
    second = simplify([*points[far:], start], tolerance)
    return first[:-1] + second[:-1]


def _squared(p, q):
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2


def _distance_to_segment(p, a, b):
    length = _squared(a, b)
    if length == 0:
        return math.sqrt(_squared(p, a))
    t = max(0.0, min(1.0, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / length))
    return math.sqrt(_squared(p, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))))


def area(points):
    """Absolute area of a ring (shoelace)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def tenths(points):
    """Points in integer tenths of a unit (0.1 precision), consecutive repeats dropped."""
    out = []
    for x, y in points:
        point = (round(x * 10), round(y * 10))
        if not out or out[-1] != point:
            out.append(point)
    return out


# SVG path data ---------------------------------------------------------------------------


def number(value):
    """An integer count of tenths as the shortest decimal text: 12 -> 1.2, -5 -> -.5."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def path_data(parts, closed):
    """Relative path data: ``m`` to each part's start, then implicit ``l`` deltas."""
    out = []
    previous = (0, 0)
    for part in parts:
        x, y = part[0]
        numbers = [x - previous[0], y - previous[1]]
        for nx, ny in part[1:]:
            numbers.extend((nx - x, ny - y))
            x, y = nx, ny
        previous = (x, y) if not closed else part[0]
        # A leading "m" is absolute for its first pair; the pairs after it are relative.
        text = "m"
        for i, value in enumerate(numbers):
            token = number(value)
            if i and not token.startswith("-"):
                text += " "
            text += token
        out.append(text + ("z" if closed else ""))
    return "".join(out)


# The map ---------------------------------------------------------------------------------


def land_rings(topology, arcs, box):
    rings = []
    for polygon in polygons(topology["objects"]["land"]):
        for ring in polygon:
            points = clip_ring(project_all(ring_points(arcs, ring)), box)
            if len(points) < 3 or area(points) < MIN_AREA:
                continue
            points = tenths(simplify_ring(points, TOLERANCE))
            if len(points) >= 3 and points[0] == points[-1]:
                points.pop()
            if len(points) >= 3:
                rings.append(points)
    return rings


def border_lines(topology, arcs, box):
    lines = []
    for index in shared_arcs(topology["objects"]["countries"]):
        for piece in clip_line(project_all(arcs[index]), box):
            points = tenths(simplify(piece, TOLERANCE))
            if len(points) >= 2:
                lines.append(points)
    return lines


def build(source, output):
    package = json.loads((source / "package.json").read_text())
    topology = json.loads((source / "countries-50m.json").read_text())
    arcs = decode_arcs(topology)
    width, height = VIEWBOX
    box = (-MARGIN, -MARGIN, width + MARGIN, height + MARGIN)
    land = path_data(land_rings(topology, arcs, box), closed=True)
    borders = path_data(border_lines(topology, arcs, box), closed=False)
    licence = package.get("license", "ISC")
    svg = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {ATTRIBUTION}.
     Land and country borders: Natural Earth 1:50m (public domain), from the npm package
     world-atlas {package["version"]} ({licence}, {package["author"]["name"]}).
     Window: longitude {WEST:g} to {EAST:g}, latitude {SOUTH:g} to {NORTH:g}; projection and
     viewBox from mc2cm_portal/listings/map_projection.py.
     Generated by scripts/build_map.py: do not edit. -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" \
height="{height}">
<title>The Mediterranean</title>
<rect width="{width}" height="{height}" fill="{SEA}"/>
<path fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width=".8" \
stroke-linejoin="round" d="{land}"/>
<path fill="none" stroke="{BORDER}" stroke-width=".8" stroke-linejoin="round" d="{borders}"/>
</svg>
"""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(svg)
    return len(svg.encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help="folder of the npm package world-atlas (version 2)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not (args.source / "countries-50m.json").exists():
        sys.exit(
            f"{args.source}/countries-50m.json not found. "
            "Run: npm install --prefix /tmp/mapdata world-atlas@2"
        )
    size = build(args.source, args.output)
    print(f"Wrote {args.output} ({size:,} bytes)")


if __name__ == "__main__":
    main()
