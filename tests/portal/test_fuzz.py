"""Bad input, tried systematically with hypothesis: query parameters, paths and form fields.

Whatever arrives, the portal answers 2xx, 3xx or 4xx; an HTML answer is in the visitor's
language (the <html lang> of the prefix, or of the Accept-Language for the admin), and no
injected markup comes back unescaped. Each property tries about 50 inputs against the demo
content (tests/conftest.py): `pytest tests/portal/test_fuzz.py` runs in a few minutes; raise
HYPOTHESIS_MAX_EXAMPLES for a longer hunt.
"""

import os
import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import LANGUAGES
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", 50)),
    deadline=None,
    derandomize=True,  # the same inputs on every run: a failure is reproducible
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Markup that would run if it came back as it went in.
INJECTIONS = [
    "<script>alert(7)</script>",
    '"><svg onload=alert(7)>',
    "'><img src=x onerror=alert(7)>",
    "</title><script>alert(7)</script>",
    "javascript:alert(7)//",
]
RAW_MARKERS = ["<script>alert(7)", "<svg onload=alert(7)", "<img src=x onerror=alert(7)"]

# Every listing's filters and the pagination, plus the search query.
PARAMETERS = ["q", "page", "region", "theme", "city", "status", "language", "lang", "format"]

nasty_text = st.one_of(
    st.text(max_size=60),  # any unicode, NULs, controls and right-to-left marks included
    st.sampled_from(INJECTIONS),
    st.builds(lambda a, b: a + b, st.text(max_size=20), st.sampled_from(INJECTIONS)),
    st.sampled_from(["0", "-1", "1e9", "99999999999999999999", "NaN", "", " ", "%00", "\x00"]),
    st.integers(min_value=300, max_value=5000).map(lambda n: "é" * n),
)
languages = st.sampled_from(LANGUAGES)


@pytest.fixture(scope="module")
def page_paths(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return {
            (page.specific_class.__name__, language): url_in(page, language)
            for page in one_page_of_each_type()
            for language in LANGUAGES
        }


def assert_sound(response, language, sent=""):
    """The properties every answer to bad input must have."""
    assert response.status_code < 500, response.status_code
    if 300 <= response.status_code < 400 or not response.get("Content-Type", "").startswith(
        "text/html"
    ):
        return  # a redirect has no page of its own
    html = response.content.decode()
    if language is not None:
        match = re.search(r'<html lang="([^"]*)"', html)
        assert match, (response.status_code, html[:300])
        assert match.group(1) == language
    for marker in RAW_MARKERS:
        if marker in sent:
            assert marker not in html, f"unescaped {marker!r} in the page"
    assert "Traceback" not in html


# --- Query parameters ----------------------------------------------------------------------


@FUZZ
@given(
    language=languages,
    data=st.data(),
    params=st.dictionaries(st.sampled_from(PARAMETERS), nasty_text, min_size=1, max_size=4),
)
def test_query_parameters_on_every_page_type(page_paths, language, data, params):
    kind = data.draw(st.sampled_from(sorted({kind for kind, _lang in page_paths})))
    path = page_paths[kind, language]
    response = Client().get(path, params)
    assert_sound(response, language, sent=urlencode(params) + "".join(params.values()))


@FUZZ
@given(language=languages, q=nasty_text, page=nasty_text)
def test_the_search_query_and_its_pages(language, q, page):
    response = Client().get(f"/{language}/search/", {"q": q, "page": page})
    assert_sound(response, language, sent=q + page)
    assert response.status_code == 200


@FUZZ
@given(language=languages, params=st.dictionaries(st.sampled_from(PARAMETERS), nasty_text))
def test_feeds_open_data_and_the_api(language, params):
    for path in (
        f"/{language}/feeds/peer-meetings/",
        f"/{language}/open-data/city-figures.csv",
        "/api/v2/pages/",
        "/sitemap.xml",
    ):
        assert_sound(Client().get(path, params), None)


# --- Paths -------------------------------------------------------------------------------

segments = st.one_of(
    st.text(min_size=1, max_size=40).map(lambda text: quote(text, safe="")),
    st.text(min_size=1, max_size=40).map(lambda text: quote(text, safe="/:@!$&'()*+,;=")),
    st.sampled_from([".", "..", "%2e%2e", "%2F", "%00", "%ff", "%c0%af", "%", "%%", "~", "<x>"]),
    st.sampled_from(INJECTIONS).map(lambda text: quote(text, safe="<>\"'=/:()")),
    st.integers(min_value=200, max_value=4000).map(lambda n: "a" * n),
    st.integers(min_value=50, max_value=800).map(lambda n: quote("م" * n)),
)


@FUZZ
@given(
    language=languages,
    parts=st.lists(segments, min_size=1, max_size=5),
    slash=st.booleans(),
    data=st.data(),
)
def test_paths_under_each_language_prefix(page_paths, language, parts, slash, data):
    kind = data.draw(st.sampled_from(["root", *sorted({kind for kind, _lang in page_paths})]))
    base = f"/{language}/" if kind == "root" else page_paths[kind, language]
    path = base + "/".join(parts) + ("/" if slash else "")
    response = Client().get(path)
    assert_sound(response, language, sent=path + "".join(parts))


# --- Form fields -------------------------------------------------------------------------


@FUZZ
@given(language=languages, username=nasty_text, password=nasty_text, next_url=nasty_text)
def test_the_admin_login_form(language, username, password, next_url):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    response = client.post(
        "/admin/login/", {"username": username, "password": password, "next": next_url}
    )
    assert_sound(response, language, sent=username + password + next_url)


@FUZZ
@given(
    language=languages,
    fields=st.dictionaries(st.text(min_size=1, max_size=20), nasty_text, max_size=5),
    csrf=st.booleans(),
    data=st.data(),
)
def test_posts_to_public_pages(page_paths, language, fields, csrf, data):
    """With or without a CSRF token: the page, or the CSRF page, in the visitor's language."""
    kind = data.draw(st.sampled_from(sorted({kind for kind, _lang in page_paths})))
    client = Client(enforce_csrf_checks=csrf)
    response = client.post(page_paths[kind, language], fields)
    assert_sound(response, language, sent="".join(fields) + "".join(fields.values()))
    if csrf:
        assert response.status_code == 403


@FUZZ
@given(language=languages, username=nasty_text, password=nasty_text, next_url=nasty_text)
def test_the_partner_sign_in_form(language, username, password, next_url):
    """Refused, locked out or asked again, in the visitor's language; never sent elsewhere."""
    client = Client()
    url = f"/{language}/partners/sign-in/"
    shown = client.get(url, {"next": next_url})
    assert_sound(shown, language, sent=next_url)
    response = client.post(url, {"username": username, "password": password, "next": next_url})
    assert_sound(response, language, sent=username + password + next_url)
    if 300 <= response.status_code < 400:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\"))
