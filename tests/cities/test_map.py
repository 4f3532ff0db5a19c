"""The map of the partner cities: geography, links, layout, self-contained, no queries."""

import re
from itertools import combinations
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.templatetags.static import static
from django.test import RequestFactory
from django.utils import translation

from cities.models import CityPage
from mc2cm_portal.caching import page_cache
from mc2cm_portal.listings.map_projection import VIEWBOX, project
from mc2cm_portal.templatetags.map_tags import (
    MARKER_RADIUS,
    Marker,
    _overlap,
    markers_for,
    place_labels,
)
from tests import LANGUAGES, ROOT
from tests.pages import url_in

pytestmark = pytest.mark.django_db

BASE_MAP = ROOT / "static" / "img" / "mediterranean.svg"
MAP_CSS = ROOT / "static" / "css" / "map.css"
ATTRIBUTION = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com"
MARKER = re.compile(r'<circle class="city-map__marker [^"]*" cx="([^"]+)" cy="([^"]+)"')


@pytest.fixture
def cities():
    cities = list(CityPage.objects.live().public().order_by("title"))
    assert len(cities) == 10
    return cities


def render(cities, language, request=None, tag="{% city_map cities %}"):
    request = request or RequestFactory().get(f"/{language}/")
    with translation.override(language):
        template = Template("{% load map_tags %}" + tag)
        return template.render(Context({"cities": cities, "request": request}))


def svg_part(html):
    """The map's SVG, apart from the caption and the list below it."""
    return html.split("<svg", 1)[1].split("</svg>", 1)[0]


def city(slug):
    return CityPage.objects.get(slug_en=slug)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_city_links_to_its_page_on_the_map_and_in_the_list(cities, language):
    html = render(cities, language)
    svg, caption = svg_part(html), html.split("</figcaption>")[0].split("<figcaption")[1]
    for page in cities:
        link = f'href="{url_in(page, language)}"'
        assert f"/{language}/" in link
        assert link in svg, page.slug
        assert link in caption, page.slug
        with translation.override(language):
            assert f">{page.title}</text>" in svg
            assert f"({page.country})" in caption
    assert len(MARKER.findall(svg)) == 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_markers_are_inside_the_view_box_and_numbers_are_not_localized(cities, language):
    html = render(cities, language)
    width, height = VIEWBOX
    assert f'viewBox="0 0 {width} {height}"' in html
    positions = [(float(x), float(y)) for x, y in MARKER.findall(html)]
    assert len(positions) == 10
    for x, y in positions:
        assert 0 <= x <= width
        assert 0 <= y <= height
    for x, y in re.findall(r'<text class="city-map__label" x="([^"]+)" y="([^"]+)"', html):
        float(x), float(y)  # "12,5" in French or Arabic would raise


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_is_not_mirrored_and_uses_the_static_base_map(cities, language):
    html = render(cities, language)
    svg_tag = re.search(r'<svg class="city-map__map"[^>]*>', html).group(0)
    assert 'dir="ltr"' in svg_tag
    assert 'direction="ltr"' in svg_tag
    assert 'role="group"' in svg_tag
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg_tag).group(1)
    assert f'id="{labelled_by}"' in html
    assert f'<image class="city-map__base" href="{static("img/mediterranean.svg")}"' in html
    assert "<figcaption" in html
    assert "Natural Earth" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rendered_map_requests_nothing_from_elsewhere(cities, language):
    html = render(cities, language)
    assert "http://" not in html
    assert "https://" not in html
    # Every link and the base map are paths on this site, not protocol-relative URLs.
    targets = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert len(targets) == 21
    assert all(t.startswith("/") and not t.startswith("//") for t in targets), targets


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_stay_on_the_map_and_do_not_overlap(cities, language):
    width, height = VIEWBOX
    with translation.override(language):
        markers = markers_for(cities)
    assert len(markers) == 10
    boxes = [marker.label_box() for marker in markers]
    for box in boxes:
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
    for a, b in combinations(boxes, 2):
        assert _overlap(a, b) == 0
    for marker, box in zip(markers, boxes, strict=True):
        for other in markers:
            dot = (
                other.x - MARKER_RADIUS,
                other.y - MARKER_RADIUS,
                other.x + MARKER_RADIUS,
                other.y + MARKER_RADIUS,
            )
            assert _overlap(box, dot) == 0, (marker.text, other.text)


def test_close_neighbours_get_labels_on_different_sides():
    """The layout rule is geometric: two cities a few units apart do not share a side."""
    near = [
        Marker(SimpleNamespace(title="Alphaville"), 500.0, 300.0),
        Marker(SimpleNamespace(title="Betatown"), 540.0, 310.0),
    ]
    first, second = place_labels(near)
    assert _overlap(first.label_box(), second.label_box()) == 0


def test_cities_outside_the_window_get_no_marker_but_stay_listed(cities):
    far = SimpleNamespace(title="Dakar", latitude=14.7, longitude=-17.4, region="europe")
    assert [m.city for m in markers_for([far, *cities[:1]])] == cities[:1]


def test_the_list_can_be_left_out_when_the_page_lists_the_cities(cities):
    html = render(cities, "en", tag="{% city_map cities show_list=False %}")
    for page in cities:
        assert html.count(f'href="{url_in(page, "en")}"') == 1
    assert "Europe" in html  # the legend stays


def test_rendering_the_map_makes_no_query_once_the_cities_are_loaded(
    cities, django_assert_max_num_queries
):
    request = RequestFactory().get("/en/")
    # One request: the content version is read once per request (a row of its own). The
    # portal's own handlers only: Django's would close the test's database connection.
    page_cache.request_started()
    for language in LANGUAGES:
        # Finds the site once (cached on the request) and, per language, the site's root
        # paths (wagtail-modeltranslation caches them language by language).
        render(cities, language, request)
    for language in LANGUAGES:
        with django_assert_max_num_queries(0):
            render(cities, language, request)
    page_cache.request_finished()


def test_a_fresh_request_costs_a_few_queries_however_many_cities(
    cities, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        render(cities, "fr")
    with django_assert_max_num_queries(3):
        render(cities[:2], "fr")


def test_the_base_map_is_small_attributed_and_drawn_to_the_same_view_box():
    assert BASE_MAP.exists()
    data = BASE_MAP.read_bytes()
    assert len(data) < 40 * 1024
    text = data.decode()
    assert ATTRIBUTION in text
    assert "world-atlas" in text
    width, height = VIEWBOX
    assert f'viewBox="0 0 {width} {height}"' in text
    assert "<title>" in text
    assert "<image" not in text and "href" not in text  # standalone: links to nothing


def test_the_projection_places_the_cities_where_they_are():
    lisbon, vienna, amman = (city(slug) for slug in ("lisbon", "vienna", "amman"))
    lisbon_xy = project(lisbon.latitude, lisbon.longitude)
    vienna_xy = project(vienna.latitude, vienna.longitude)
    amman_xy = project(amman.latitude, amman.longitude)
    assert lisbon_xy[0] < vienna_xy[0]  # west
    assert amman_xy[0] > vienna_xy[0] and amman_xy[1] > vienna_xy[1]  # south-east
    assert project(49, -11) == (0, 0)
    assert project(29, 37) == pytest.approx(VIEWBOX, abs=0.5)
    x, y = project(45.07, 7.69)
    assert x == round(x, 1) and y == round(y, 1)


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_markers_contrast_with_land_and_sea_and_labels_with_their_halo():
    svg = BASE_MAP.read_text()
    css = MAP_CSS.read_text()
    sea = re.search(r'<rect [^>]*fill="(#[0-9a-f]{6})"', svg).group(1)
    land = re.search(r'<path fill="(#[0-9a-f]{6})"', svg).group(1)
    assert re.search(rf"--city-map-sea: {sea};", css), "map.css and the base map disagree"

    def css_colour(name):
        return re.search(rf"--city-map-{name}: (#[0-9a-f]{{6}});", css).group(1)

    for region in ("europe", "south"):
        for background in (sea, land):
            assert contrast(css_colour(region), background) >= 3, (region, background)
    assert contrast("#1b1f24", css_colour("halo")) >= 4.5  # ink label on its halo
