"""The map's geography: the window shown around the Mediterranean and its projection.

One projection for everything drawn on the home page map: ``scripts/build_map.py`` uses it
to draw the base map (``static/img/mediterranean.svg``) and the ``{% city_map %}`` tag uses
it to place the city markers, so the two always line up. Change a constant here and run the
script again.

The projection is equirectangular, scaled by the cosine of the window's mean latitude so
that shapes at the latitude of the Mediterranean are not stretched (a degree of longitude
there is about 0.78 of a degree of latitude). It is simple, needs no library and is exact
enough for a map of this size. The origin of the SVG units is the window's north-west
corner; x grows to the east, y to the south. Pure Python, no Django.
"""

import math

# The window, in decimal degrees: from the Atlantic off Lisbon to Amman, from the Sahara's
# edge to north of Vienna.
WEST = -11.0
EAST = 37.0
SOUTH = 29.0
NORTH = 49.0

#: Horizontal shrink of a degree of longitude at the window's mean latitude.
COS_MEAN_LATITUDE = math.cos(math.radians((SOUTH + NORTH) / 2))

#: Width of the map in SVG user units; the height follows from the window's proportions.
WIDTH = 1000
#: SVG units per degree of latitude.
SCALE = WIDTH / ((EAST - WEST) * COS_MEAN_LATITUDE)
HEIGHT = round((NORTH - SOUTH) * SCALE)

#: ``(width, height)`` of the map's viewBox, which starts at ``0 0``.
VIEWBOX = (WIDTH, HEIGHT)


def project_exact(lat, lon):
    """``(x, y)`` in SVG units of a point in decimal degrees, unrounded.

    Points outside the window get coordinates outside the viewBox; nothing is clamped.
    """
    x = (float(lon) - WEST) * COS_MEAN_LATITUDE * SCALE
    y = (NORTH - float(lat)) * SCALE
    return x, y


def project(lat, lon):
    """``(x, y)`` in SVG units of a point in decimal degrees, rounded to 0.1 unit.

    ``lat`` and ``lon`` may be floats, Decimals or numeric strings.
    """
    x, y = project_exact(lat, lon)
    return round(x, 1), round(y, 1)


def in_window(lat, lon):
    """Whether the point lies inside the window, so on the map."""
    return SOUTH <= float(lat) <= NORTH and WEST <= float(lon) <= EAST
