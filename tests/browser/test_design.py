"""The portal's look in Chromium: phones, print, the dark scheme, the self-hosted fonts
within the weight budget, the partners' sign-in link, and the screenshots of "Done means"."""

import pytest

from bench.weight import weigh
from tests import LANGUAGES

from .conftest import SCREENSHOTS, _language_versions
from .test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

PHONE_WIDTHS = (360, 390)
DESKTOP_WIDTH = 1366
MAIN_KINDS = ["home", "city-index", "city", "peer-meeting", "toolkit", "profile", "search"]
SCREENSHOT_KINDS = ["home", "city-index", "city", "peer-meeting"]
WEIGHED_KINDS = ["home", "city", "peer-meeting", "toolkit"]
WEIGHT_BUDGET = 100 * 1024  # bytes on the wire per page, everything but images
ARABIC_FONT = "noto-naskh-arabic-arabic-400-normal.woff2"
SIGN_IN_LINK = {"ar": "دخول الشركاء", "fr": "Connexion des partenaires", "en": "Partners’ sign-in"}


@pytest.fixture(scope="module")
def paths(portal_url, page_paths):
    """page_paths plus the accessibility statement (an information page) in each language."""
    statement = _language_versions(portal_url, "/en/accessibility/")
    return {**page_paths, **{("statement", lang): path for lang, path in statement.items()}}


@pytest.fixture(scope="module")
def phones(browser, portal_url):
    """One phone-sized page per width, shared by the module's read-only checks."""
    contexts, pages = [], {}
    for width in PHONE_WIDTHS:
        context = browser.get().new_context(
            base_url=portal_url, viewport={"width": width, "height": 800}, is_mobile=True
        )
        contexts.append(context)
        pages[width] = context.new_page()
    yield pages
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def sideways_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", [*MAIN_KINDS, "statement"])
@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_no_page_scrolls_sideways_on_a_phone(phones, paths, width, kind, lang):
    page = phones[width]
    assert page.goto(paths[kind, lang]).status == 200
    assert sideways_overflow(page) <= 0, f"{paths[kind, lang]} scrolls sideways at {width} px"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_figures_table_scrolls_inside_its_own_labelled_region(phones, paths, lang):
    page = phones[360]
    page.goto(paths["city", lang])
    region = page.locator(".table-scroll")
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"  # reachable by keyboard to scroll it
    caption = page.locator("table.figures caption").inner_text()
    assert page.get_by_role("region", name=caption).count() == 1
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert sideways_overflow(page) <= 0


@pytest.mark.parametrize("width", [*PHONE_WIDTHS, DESKTOP_WIDTH])
def test_the_french_header_keeps_its_name_and_menu_in_shape(browser, portal_url, width):
    viewport = {"width": width, "height": 800}
    context = browser.get().new_context(base_url=portal_url, viewport=viewport)
    try:
        page = context.new_page()
        page.goto("/fr/")
        name = page.locator(".site-name__long")
        line = float(name.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        lines = round(name.bounding_box()["height"] / line)
        # Once squeezed into a narrow column beside the search box; now one line under the
        # logo on phones, at most two beside it on wider screens.
        assert lines <= (1 if width in PHONE_WIDTHS else 2), f"the name takes {lines} lines"
        tops = {round(link.bounding_box()["y"]) for link in page.locator(".main-nav a").all()}
        assert len(tops) == 1, "the French main menu wraps onto two lines"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_printed_city_page_has_no_navigation_and_shows_readable_link_addresses(page, paths, lang):
    page.goto(paths["city", lang])
    page.emulate_media(media="print")
    for selector in (".main-nav", ".search-form", ".language-switcher", ".breadcrumbs"):
        assert not page.locator(selector).is_visible(), f"{selector} is printed"
    assert page.locator("h1").is_visible()
    printed = page.locator("main a[href^='/']").evaluate_all(
        """links => links.map(a => {
            const after = getComputedStyle(a, '::after');
            return {href: a.getAttribute('href'), content: after.content,
                    direction: after.direction, bidi: after.unicodeBidi};
        })"""
    )
    readable = [link for link in printed if "%" not in link["href"]]
    assert readable, "no link with a readable address on the page"
    for link in readable:
        assert link["href"] in link["content"]
        # Written left to right and set apart from the Arabic around it: "<" and ">" stay
        # where they belong.
        assert (link["direction"], link["bidi"]) == ("ltr", "isolate"), link
    # An address full of %D8%A7... means nothing on paper: not printed.
    for link in printed:
        if "%" in link["href"]:
            assert link["content"] == "none", link
    if lang == "ar":
        assert len(readable) < len(printed), "the Arabic page links to no Arabic address"
    page.emulate_media(media="screen")
    assert page.locator(".main-nav").is_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_wrapping_breadcrumb_trail_never_starts_a_line_with_its_sign(page, paths, lang):
    """The sign stands after each step, so a trail that wraps (a meeting's long title on a
    phone) ends a line with it; the current page, last, has none."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(paths["peer-meeting", lang])
    steps = page.locator(".breadcrumbs li").evaluate_all(
        """items => items.map(li => ({
            before: getComputedStyle(li, '::before').content,
            after: getComputedStyle(li, '::after').content,
            top: li.getBoundingClientRect().top,
        }))"""
    )
    assert len({step["top"] for step in steps}) > 1, "the trail does not wrap at 360 px"
    sign = "‹" if lang == "ar" else "›"
    assert [step["before"] for step in steps] == ["none"] * len(steps)
    assert all(sign in step["after"] for step in steps[:-1]), steps
    assert steps[-1]["after"] == "none"


@pytest.mark.parametrize("width", [360, DESKTOP_WIDTH])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_lists_filters_have_one_width(page, paths, lang, width):
    """Each drop-down of a list's filters is as wide as the others, not as its first choice
    ("All regions", "All themes"), and on a phone as wide as the box."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(paths["city-index", lang])
    widths = page.locator(".filters select").evaluate_all(
        "selects => selects.map(s => Math.round(s.getBoundingClientRect().width))"
    )
    assert len(widths) >= 2 and len(set(widths)) == 1, widths
    if width == 360:
        box = page.locator(".filters__fields").evaluate("f => f.getBoundingClientRect().width")
        assert widths[0] == round(box), (widths, box)


@pytest.mark.parametrize("width", [390, DESKTOP_WIDTH])
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("english", ["/en/cities/amman/", "/en/cities/compare/"])
def test_every_bar_of_a_chart_has_one_track_length(page, portal_url, english, lang, width):
    """A bar's length says its value only if every track of its chart is as long as the
    others, whatever the width of the value written beside it ("about 10%", "13%")."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(_language_versions(portal_url, english)[lang])
    charts = page.locator(".figure-chart__group").evaluate_all(
        """groups => groups.map(group => [...group.querySelectorAll('.figure-chart__bar')]
            .map(bar => Math.round(bar.getBoundingClientRect().width)))"""
    )
    assert charts and any(len(tracks) > 1 for tracks in charts), charts
    for tracks in charts:
        assert len(set(tracks)) == 1, charts


def test_an_arabic_download_says_format_then_size_from_the_right(page, paths):
    """ "PDF، 41,9 ك.ب" read from the right: the format, then the number, then its unit;
    the digits must not join the Latin "PDF" and leave the unit on the far side of it."""
    page.goto(paths["city", "ar"])
    meta = page.locator(".download__meta").first
    positions = meta.evaluate(
        """element => {
            const text = element.textContent;
            const node = [...element.childNodes].find(n => n.nodeType === 3 && /PDF/.test(n.data))
                || element.firstChild;
            const at = index => {
                const range = document.createRange();
                range.setStart(node, index);
                range.setEnd(node, index + 1);
                return range.getBoundingClientRect().left;
            };
            const data = node.data;
            return {
                text: text,
                format: at(data.indexOf("PDF")),
                number: at(data.search(/[0-9]/)),
                unit: at(data.search(/[\\u0621-\\u064a]/)),  // a letter, not the comma
            };
        }"""
    )
    assert positions["format"] > positions["number"] > positions["unit"], positions


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "kind", ["dialogue", "peer-meeting-index", "city-network", "peer-meeting", "city"]
)
def test_what_looks_like_a_tag_leads_somewhere(page, paths, kind, lang):
    """Theme tags are pills one can follow to the list of that theme; a section's key
    points, which lead nowhere, must not look like them (on a phone they invite a tap)."""
    page.goto(paths[kind, lang])
    pills = page.locator("main li").evaluate_all(
        """items => items.filter(li => {
            const style = getComputedStyle(li);
            const rounded = parseFloat(style.borderTopLeftRadius) >= 10;
            return parseFloat(style.borderTopWidth) > 0 && rounded;
        }).map(li => ({text: li.textContent.trim(), links: li.querySelectorAll('a').length}))"""
    )
    assert [pill for pill in pills if not pill["links"]] == [], pills


# WCAG 2.2's contrast ratio between an element's colour ``property`` and what lies behind it:
# the first background that is not transparent, from the element itself for its text, from
# its parent for its border.
CONTRAST = r"""(element, property) => {
    const rgb = text => text.match(/[\d.]+/g).map(Number);
    const luminance = colour => {
        const [r, g, b] = colour.slice(0, 3).map(c => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const behind = node => {
        for (; node; node = node.parentElement) {
            const colour = rgb(getComputedStyle(node).backgroundColor);
            if (colour.length < 4 || colour[3] > 0) return colour;
        }
        return [255, 255, 255];
    };
    const own = rgb(getComputedStyle(element)[property]);
    if (own.length === 4 && own[3] === 0) return 1;  // transparent: nothing to see
    const back = behind(property === "color" ? element : element.parentElement);
    const [light, dark] = [luminance(own), luminance(back)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_pages_own_field_and_button_can_be_seen(
    browser, portal_url, paths, scheme, lang
):
    context = browser.get().new_context(
        base_url=portal_url, viewport={"width": DESKTOP_WIDTH, "height": 900}, color_scheme=scheme
    )
    try:
        page = context.new_page()
        page.goto(paths["search", lang])
        form = page.locator("main form.search-form--page")
        field, button = form.locator("input[type='search']"), form.locator("button")
        # The field's edge against the page (WCAG 1.4.11, 3:1); the button's word against its
        # own background, or the page's if it has none (1.4.3, 4.5:1).
        edge = field.evaluate(CONTRAST, "borderTopColor")
        assert edge >= 3, f"the search field's edge against the page: {edge:.2f}:1"
        word = button.evaluate(CONTRAST, "color")
        assert word >= 4.5, f"the search button's word: {word:.2f}:1"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", ["home", "city", "peer-meeting", "statement"])
def test_both_colour_schemes_pass_axe(browser, portal_url, paths, axe, scheme, lang, kind):
    context = browser.get().new_context(
        base_url=portal_url, viewport={"width": DESKTOP_WIDTH, "height": 900}, color_scheme=scheme
    )
    try:
        page = context.new_page()
        page.goto(paths[kind, lang])
        text = page.evaluate("getComputedStyle(document.querySelector('main')).color")
        # Light text on a dark page in the dark scheme, dark text otherwise.
        red = int(text.split("(")[1].split(",")[0])
        assert (red > 128) == (scheme == "dark"), text
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, f"axe ({scheme}) on {paths[kind, lang]}:\n{describe(violations)}"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_self_hosted_font_loads_and_latin_pages_skip_the_arabic_file(page, paths, lang):
    fonts = []
    page.on("response", lambda response: fonts.append(response.url.rsplit("/", 1)[-1]))
    page.goto(paths["home", lang], wait_until="networkidle")
    loaded = page.evaluate(
        "document.fonts.ready.then(set => [...set].filter(f => f.status === 'loaded')"
        ".map(f => f.family.replaceAll('\"', '')))"
    )
    assert "MC2CM Sans" in loaded
    naskh = any(name.startswith(ARABIC_FONT.split(".")[0]) for name in fonts)
    assert naskh == (lang == "ar"), fonts
    assert ("MC2CM Naskh" in loaded) == (lang == "ar")


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", WEIGHED_KINDS)
def test_pages_with_their_fonts_stay_within_100_kb(browser, portal_url, paths, kind, lang):
    weight = weigh(browser.get(), portal_url, paths[kind, lang])
    sizes = weight["bytes"]
    total = sum(size for name, size in sizes.items() if name != "images")
    assert sizes["fonts"] > 0
    assert total <= WEIGHT_BUDGET, f"{paths[kind, lang]}: {total} bytes ({sizes})"
    assert weight["third_party"] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partners_find_the_sign_in_in_the_footer(page, paths, lang):
    page.goto(paths["city", lang])
    page.locator("footer").get_by_role("link", name=SIGN_IN_LINK[lang]).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{lang}/partners/sign-in/")
    assert page.locator("input[type='password']").count() == 1


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", SCREENSHOT_KINDS)
def test_screenshots_for_review(browser, portal_url, paths, kind, lang):
    """test-artifacts/screenshots/design-<kind>-<desktop|phone>-<lang>.png, for review."""
    for device, width in (("desktop", DESKTOP_WIDTH), ("phone", 390)):
        context = browser.get().new_context(
            base_url=portal_url,
            viewport={"width": width, "height": 900},
            is_mobile=device == "phone",
        )
        try:
            page = context.new_page()
            page.goto(paths[kind, lang], wait_until="networkidle")
            path = SCREENSHOTS / f"design-{kind}-{device}-{lang}.png"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path), full_page=True)
            assert path.read_bytes()[:4] == b"\x89PNG"
        finally:
            context.close()
