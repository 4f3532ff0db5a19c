"""The portal loads nothing from elsewhere: no CDN, web fonts, map tiles or trackers."""

from urllib.parse import urlsplit

import pytest

from tests import LANGUAGES

pytestmark = pytest.mark.browser

MAIN_PAGE_TYPES = ["home", "city-index", "city", "peer-meeting", "toolkit", "search"]
# Not network requests: content embedded in the page itself.
INLINE_SCHEMES = {"data", "blob", "about"}


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", MAIN_PAGE_TYPES)
def test_every_request_stays_on_the_portal(page, portal_url, page_paths, screenshot, kind, lang):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(page_paths[kind, lang], wait_until="networkidle")
    assert response.status == 200
    screenshot(page, kind, lang)  # a full-page shot also loads what is lazily loaded
    page.wait_for_load_state("networkidle")

    elsewhere = [
        url
        for url in requests
        if urlsplit(url).scheme not in INLINE_SCHEMES and origin(url) != portal_url
    ]
    assert not elsewhere, f"{page_paths[kind, lang]} requested other sites: {elsewhere}"
    scripts = page.eval_on_selector_all("script[src]", "nodes => nodes.map(n => n.src)")
    foreign = [src for src in scripts if origin(src) != portal_url]
    assert not foreign, f"{page_paths[kind, lang]} has scripts from elsewhere: {foreign}"
