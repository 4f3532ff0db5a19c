"""What a visitor does with the portal, in a real browser: find a city, download its migration
profile, switch language, search, get around with the keyboard, read right to left, on a phone."""

import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

from tests import LANGUAGES

from .conftest import PHONE

pytestmark = pytest.mark.browser

TANGIER = {"en": "Tangier", "fr": "Tanger", "ar": "طنجة"}
ARABIC_QUERY = "طنجة"

# Elements wider than the viewport or sticking out of it, to explain a horizontal scroll.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        if (box.width && (box.right > width + 1 || box.left < -1)) {
            const cls = el.className && typeof el.className === "string"
                ? "." + el.className.trim().split(/\\s+/).join(".") : "";
            const span = `[${Math.round(box.left)}, ${Math.round(box.right)}]`;
            out.push(`${el.tagName.toLowerCase()}${cls} ${span}`);
        }
    }
    return out.slice(0, 10);
}"""

FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
            boxShadow: style.boxShadow};
}"""


def active(page, predicate):
    """Whether the focused element passes the JavaScript predicate `(element) => boolean`."""
    return page.evaluate(f"() => !!document.activeElement && ({predicate})(document.activeElement)")


def matches(selector):
    return f"(el) => el.matches({selector!r})"


# A link in the main content to a city page (HTML or SVG link: href read as an attribute).
CITY_LINK = r"""(el) => el.closest("a") === el && !!el.closest("main")
    && /^\/en\/cities\/[^/]+\/$/.test(
        decodeURIComponent(new URL(el.getAttribute("href") || "", location.href).pathname))"""


def tab_to(page, predicate, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page, predicate):
            return
    focused = page.evaluate("() => document.activeElement && document.activeElement.outerHTML")
    pytest.fail(f"{limit} Tab presses never reached {predicate} (focus on {focused[:200]})")


def path_of(url):
    return unquote(urlsplit(url).path)


def h1(page):
    return page.locator("h1").first.inner_text().strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_to_a_city_to_its_migration_profile_pdf(page, page_paths, lang):
    page.goto(f"/{lang}/")
    # The HTML links to the city (a list next to the map), rather than the map's SVG marker.
    city_link = page.locator(f'main a[href="{quote(page_paths["city", lang])}"]:not(svg a)')
    assert city_link.count() >= 1, "no link to Tangier on the home page"
    assert TANGIER[lang] in city_link.first.inner_text()
    city_link.first.click()
    page.wait_for_url(lambda url: path_of(url) == page_paths["city", lang])
    assert h1(page) == TANGIER[lang]

    # The migration profile's card: its title links into the migration profiles section.
    profile_card = page.locator("li.card").filter(
        has=page.locator(f'a[href^="{quote(page_paths["profile-index", lang])}"]')
    )
    profile_card = profile_card.filter(has=page.locator("ul.downloads")).first
    link = profile_card.locator(f'ul.downloads li.download a.download__link[hreflang="{lang}"]')
    assert link.count() == 1, f"no {lang} download of the migration profile on the city page"
    assert link.get_attribute("download") is not None
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.failure() is None
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")
    assert download.suggested_filename.endswith(".pdf")


def test_the_language_switcher_keeps_the_visitor_on_the_same_city(page, page_paths):
    page.goto(page_paths["city", "en"])
    assert h1(page) == TANGIER["en"]
    for lang in ("fr", "ar", "en"):
        page.locator(f'nav.language-switcher a[hreflang="{lang}"]').click()
        page.wait_for_url(lambda url, lang=lang: path_of(url) == page_paths["city", lang])
        assert h1(page) == TANGIER[lang]
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")


def test_an_arabic_search_from_the_header_leads_to_a_relevant_page(page):
    page.goto("/ar/")
    form = page.locator("header form[role=search]")
    assert form.count() == 1, "no search form in the header"
    form.locator('input[name="q"]').fill(ARABIC_QUERY)
    form.locator('button[type="submit"], input[type="submit"]').first.click()
    page.wait_for_url(re.compile(r"/ar/search/\?"))
    results = page.locator("ol.search-results a")
    assert results.count() > 0, f"no result for {ARABIC_QUERY}"
    # A document result is a download, not a page: open the first page result.
    first = page.locator("ol.search-results a:not([download])").first
    with page.expect_response(lambda r: r.request.is_navigation_request()) as info:
        first.click()
    assert info.value.status == 200
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ar"
    assert ARABIC_QUERY in h1(page)


def test_keyboard_only_from_home_to_a_download(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    assert active(page, matches("a.skip-link")), "the first Tab does not reach the skip link"
    box = page.locator("a.skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the focused skip link is not visible"
    page.keyboard.press("Enter")
    assert active(page, matches("main#main")), "the skip link does not focus <main>"

    tab_to(page, CITY_LINK)
    city = page.evaluate("() => document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/cities/[^/]+/$"))
    assert city.startswith(h1(page)), f"Enter on {city!r} opened {h1(page)!r}"

    tab_to(page, matches("a.download__link"))
    style = page.evaluate(FOCUS_STYLE)
    outlined = style["outlineStyle"] != "none" and style["outlineWidth"] not in ("0px", "")
    assert outlined or style["boxShadow"] != "none", f"no visible focus indicator: {style}"


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("en", False)])
def test_the_header_reads_in_the_languages_direction(page, lang, rtl):
    page.goto(f"/{lang}/")
    items = page.locator("nav.main-nav li a")
    assert items.count() >= 2
    first, last = items.first.bounding_box(), items.last.bounding_box()
    site_name = page.locator("a.site-name").bounding_box()
    switcher = page.locator("nav.language-switcher").bounding_box()
    if rtl:
        assert first["x"] > last["x"], "the first menu item is not on the right"
        assert site_name["x"] > switcher["x"], "the site name is not on the right"
    else:
        assert first["x"] < last["x"], "the first menu item is not on the left"
        assert site_name["x"] < switcher["x"], "the site name is not on the left"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", ["home", "city"])
def test_no_horizontal_scrolling_on_a_phone(phone_page, page_paths, screenshot, kind, lang):
    phone_page.goto(page_paths[kind, lang])
    widths = phone_page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    screenshot(phone_page, f"phone-{kind}", lang)
    assert widths["scroll"] <= min(widths["inner"], PHONE["width"]), (
        f"{page_paths[kind, lang]} scrolls sideways on a {PHONE['width']} px phone ({widths}); "
        f"overflowing: {phone_page.evaluate(OVERFLOWING)}"
    )
