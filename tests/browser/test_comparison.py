"""The comparison of the cities in Chromium: axe finds nothing, the tables have every city,
and a phone never scrolls sideways (the wide tables scroll inside their own region)."""

import urllib.parse

import pytest

from .conftest import PHONE, _language_versions, portal_manage, save_screenshot
from .test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser


def live_cities():
    """How many cities the portal shows now (the admin journey, run before, adds one)."""
    code = "from cities.models import CityPage; print(CityPage.objects.live().count())"
    return int(portal_manage("shell", "-v", "0", "-c", code).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def comparison_paths(portal_url):
    return _language_versions(portal_url, "/en/cities/compare/")


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_the_comparison_has_no_axe_violation_and_a_full_table_per_measure(
    page, comparison_paths, axe, lang
):
    response = page.goto(comparison_paths[lang])
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    tables = page.locator("table.comparison__table")
    assert tables.count() >= 3
    for index in range(tables.count()):
        table = tables.nth(index)
        assert table.locator("caption").inner_text().strip()
        assert table.locator("tbody tr").count() == live_cities()
    # Each scrolling table region is named by its caption and reachable by keyboard.
    region = page.locator(".table-scroll").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-labelledby")
    results = axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"axe found on {comparison_paths[lang]}:\n{describe(violations)}"
    save_screenshot(page, "city-comparison", lang)


@pytest.mark.parametrize("lang", ("ar", "en"))
@pytest.mark.parametrize("width", (360, 390))
def test_a_phone_never_scrolls_the_comparison_sideways(
    browser, portal_url, comparison_paths, lang, width
):
    context = browser.get().new_context(
        base_url=portal_url, viewport={**PHONE, "width": width}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(comparison_paths[lang])
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{width}px, {lang}: {overflow}px of sideways scroll"
        # A table's caption wraps within the screen: only the table's cells scroll, a reader
        # never has to scroll sideways to read what a table shows.
        cut = page.evaluate(
            """() => [...document.querySelectorAll('.table-scroll caption')]
                .map(c => c.getBoundingClientRect())
                .filter(r => r.left < -1 || r.right > document.documentElement.clientWidth + 1)
                .length"""
        )
        assert cut == 0, f"{width}px, {lang}: {cut} table captions run off the screen"
        if width == 390:
            save_screenshot(page, "city-comparison-phone", lang)
    finally:
        context.close()


def test_the_cities_index_shows_the_map_and_links_the_comparison(
    page, portal_url, comparison_paths
):
    page.goto("/en/cities/")
    assert page.locator(".city-map svg a").count() == live_cities()
    link = page.locator(".data-links a").first
    assert urllib.parse.unquote(link.get_attribute("href")) == comparison_paths["en"]
    link.click()
    assert page.locator("h1").inner_text().strip() == "The cities in figures: a comparison"
