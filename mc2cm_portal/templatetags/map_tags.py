"""The map of the partner cities: ``{% city_map cities %}``.

Draws an inline SVG over the static base map (``static/img/mediterranean.svg``, built by
``scripts/build_map.py``), one link per city with a marker and a label, and below it a
caption, the legend and the list of the cities as a text alternative. See
``templates/includes/city_map.html``.

The tag only reads the fields of the city pages it is given (``title``, ``country``,
``region``, ``latitude``, ``longitude``) and their URLs: no query per city. Cities outside
the map's window (``mc2cm_portal.listings.map_projection``) get no marker but stay in the list.
"""

import math
from dataclasses import dataclass

from django import template

from mc2cm_portal.listings.map_projection import VIEWBOX, in_window, project

register = template.Library()

# Label layout. The sizes are the largest that static/css/map.css gives (on narrow
# screens, where the map is small, labels and markers are drawn larger in map units):
# labels placed without overlap at the largest size do not overlap at smaller ones either,
# since each label shrinks towards its anchor point.
LABEL_SIZE = 36  #: largest label font size, in map units (CSS px inside the SVG)
MARKER_RADIUS = 12  #: largest marker radius including its stroke, in map units
GAP = MARKER_RADIUS + 4  #: from a marker's centre to its label's anchor point
CHARACTER_WIDTH = 0.62  #: a generous average advance of a character, in em
HALO = 0.1  #: half the width of the label's halo, in em

# Where a label may go around its marker, in order of preference: (name, offset of the
# anchor point from the marker's centre, text-anchor, baseline shift in em). East and west keep
# the label on the marker's line; the diagonals and north and south are for crowded spots.
_DIAGONAL = GAP  # a full GAP on both axes, so that the label's corner clears the marker
POSITIONS = (
    ("east", (GAP, 0), "start", 0.35),
    ("west", (-GAP, 0), "end", 0.35),
    ("north-east", (_DIAGONAL, -_DIAGONAL), "start", -0.2),
    ("south-east", (_DIAGONAL, _DIAGONAL), "start", 0.85),
    ("north-west", (-_DIAGONAL, -_DIAGONAL), "end", -0.2),
    ("south-west", (-_DIAGONAL, _DIAGONAL), "end", 0.85),
    ("north", (0, -GAP), "middle", -0.3),
    ("south", (0, GAP), "middle", 0.9),
)
ASCENT, DESCENT = 0.9, 0.35  #: generous for Arabic script, in em from the baseline


@dataclass
class Marker:
    """A city on the map: its marker's centre and where its label goes, in map units."""

    city: object
    x: float
    y: float
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"
    shift: float = 0.35  #: the label's baseline below its anchor point, in em
    position: str = "east"

    def label_box(self, size=LABEL_SIZE):
        """``(x0, y0, x1, y1)`` that the label covers at font size ``size``, halo included."""
        return label_box(self.label_x, self.label_y, self.anchor, self.shift, self.text, size)

    @property
    def text(self):
        return str(self.city.title)


def label_box(x, y, anchor, shift, text, size=LABEL_SIZE):
    width = len(text) * CHARACTER_WIDTH * size
    start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    baseline = y + shift * size
    halo = HALO * size
    return (
        start - halo,
        baseline - ASCENT * size - halo,
        start + width + halo,
        baseline + DESCENT * size + halo,
    )


def _overlap(a, b):
    """Area shared by two boxes."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box):
    """Area of a box that falls outside the viewBox."""
    width, height = VIEWBOX
    return (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, (0, 0, width, height))


def place_labels(markers):
    """Give each marker the first label position that overlaps nothing and stays on the map.

    Greedy, most crowded first: markers whose nearest neighbour is closest are placed
    first, so they get the best of the free spots. Obstacles are the labels already placed
    and every marker. Where no position is free the one with the least overlap wins. The
    rule depends only on the geometry, so it holds for any set of cities and any language.
    """

    def nearest(marker):
        others = [math.dist((marker.x, marker.y), (o.x, o.y)) for o in markers if o is not marker]
        return min(others, default=math.inf)

    dots = [
        (m.x - MARKER_RADIUS, m.y - MARKER_RADIUS, m.x + MARKER_RADIUS, m.y + MARKER_RADIUS)
        for m in markers
    ]
    placed = []
    for marker in sorted(markers, key=lambda m: (nearest(m), m.x, m.y)):
        best = None
        for name, (dx, dy), anchor, shift in POSITIONS:
            x, y = round(marker.x + dx, 1), round(marker.y + dy, 1)
            box = label_box(x, y, anchor, shift, marker.text)
            cost = sum(_overlap(box, other) for other in placed + dots) + 4 * _outside(box)
            if best is None or cost < best[0]:
                best = (cost, name, x, y, anchor, shift, box)
            if cost == 0:
                break
        _, marker.position, x, y, marker.anchor, marker.shift, box = best
        marker.label_x, marker.label_y = x, y
        placed.append(box)
    return markers


def markers_for(cities):
    """A ``Marker`` with its label placed for each city inside the map's window."""
    markers = []
    for city in cities:
        if city.latitude is None or city.longitude is None:
            continue
        if not in_window(city.latitude, city.longitude):
            continue
        x, y = project(city.latitude, city.longitude)
        markers.append(Marker(city, x, y))
    return place_labels(markers)


def regions_for(cities):
    """The cities grouped by region, in the order of ``cities.models.Region``."""
    from cities.models import Region

    groups = []
    for value, label in Region.choices:
        members = [city for city in cities if city.region == value]
        if members:
            groups.append({"value": value, "label": label, "cities": members})
    known = {value for value, _ in Region.choices}
    others = [city for city in cities if city.region not in known]
    if others:
        groups.append({"value": "other", "label": "", "cities": others})
    return groups


@register.inclusion_tag("includes/city_map.html", takes_context=True)
def city_map(context, cities, id_prefix="city-map", show_list=True):
    """The map of ``cities`` (CityPage objects), with a legend and the list of the cities.

    ``id_prefix`` keeps the element ids unique when a page shows the map twice;
    ``show_list=False`` leaves out the list of cities, for a page that lists them next to
    the map already (that list is then the map's text alternative).
    """
    cities = list(cities)
    width, height = VIEWBOX
    return {
        "request": context.get("request"),
        "markers": markers_for(cities),
        "regions": regions_for(cities),
        "width": width,
        "height": height,
        "id_prefix": id_prefix,
        "show_list": show_list,
    }
