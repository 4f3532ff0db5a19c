"""What the page cache and the kept fragments hold is decided by the content, never by what a
visitor sends: no Host header can put its name into a page others get, and no query string,
path spelling or host variant adds an entry (tried by property with hypothesis).
"""

import os
import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import LANGUAGES
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db
PUBLIC = "http://testserver"
# Names the server answers to (ALLOWED_HOSTS) that are not the public address.
OTHER_HOSTS = [
    "localhost:1337",
    "localhost",
    "127.0.0.1:8000",
    "TESTSERVER",
    "testserver.",
    "testserver:80",
    "testserver:8443",
    "evil.example.org",
    "portal.example.org:1",
]
SERVER_NAMES = {"testserver", "localhost", "127.0.0.1"}
# Everything that looks like an absolute address in a page, a feed or the API.
ABSOLUTE = re.compile(r"https?://[^\s\"'<>\\]+")

FUZZ = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", 60)),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def page_cache(settings, cache_keys):
    settings.MC2CM_PAGE_CACHE = True
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".example.org"]


def public_paths():
    paths = [url_in(page, language) for page in one_page_of_each_type() for language in LANGUAGES]
    return [*paths, *(f"/{language}/feeds/peer-meetings/" for language in LANGUAGES)]


def foreign_addresses(text):
    """Absolute addresses on one of the server's names that are not the public address."""
    return [
        url
        for url in ABSOLUTE.findall(text)
        if (urlsplit(url).hostname or "") in SERVER_NAMES
        or (urlsplit(url).hostname or "").endswith(".example.org")
        if not url.startswith(f"{PUBLIC}/")
    ]


# --- Host -------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_another_host_never_reaches_the_page_others_get(host):
    visitor, stranger = Client(), Client(HTTP_HOST=host)
    for path in public_paths():
        answered = stranger.get(path)
        assert answered.status_code == 200, path
        assert not foreign_addresses(answered.content.decode()), path
        kept = visitor.get(path)
        assert kept.status_code == 200
        assert not foreign_addresses(kept.content.decode()), path


def test_canonical_and_alternates_name_the_public_address_whatever_the_host():
    page = Client(HTTP_HOST="localhost:1337").get("/fr/cities/").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert canonical == f"{PUBLIC}/fr/cities/"
    assert re.search(r'<meta property="og:url" content="([^"]+)"', page).group(1) == canonical
    for href in re.findall(r'hreflang="[^"]+" href="([^"]+)"', page):
        assert href.startswith(f"{PUBLIC}/")


def test_a_request_for_another_host_is_not_kept(cache_keys):
    Client(HTTP_HOST="localhost:1337").get("/en/")
    assert not [key for key in cache_keys() if ":page:" in key]
    assert "X-Page-Cache" not in Client(HTTP_HOST="localhost:1337").get("/en/")


@pytest.mark.parametrize("host", ["localhost:1337", "TESTSERVER", "evil.example.org"])
def test_the_api_and_feeds_give_the_public_address(host):
    stranger = Client(HTTP_HOST=host)
    for path in ("/api/v2/pages/?limit=20", "/api/v2/cities/", "/api/v2/documents/?limit=20"):
        answer = stranger.get(path).json()
        urls = [
            url
            for item in answer["items"]
            for url in (
                item["meta"].get("detail_url"),
                item["meta"].get("html_url"),
                item["meta"].get("download_url"),
            )
            if url
        ]
        assert urls, path
        assert all(url.startswith(f"{PUBLIC}/") for url in urls), (path, urls[:3])
    for path in ("/en/feeds/peer-meetings/", "/sitemap.xml", "/robots.txt"):
        body = stranger.get(path).content.decode()
        assert any(url.startswith(f"{PUBLIC}/") for url in ABSOLUTE.findall(body)), path
        assert not foreign_addresses(body), path


def test_the_production_default_hides_the_cache_header(settings):
    settings.MC2CM_PAGE_CACHE_HEADER = False
    client = Client()
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/")


# --- Junk never fills the cache ---------------------------------------------------------------


@pytest.fixture
def warm_cache(cache_keys):
    """Every page type in every language, as crawlers and visitors would ask for them."""
    client = Client()
    paths = public_paths()
    for path in paths:
        assert client.get(path).status_code == 200, path
        client.get(path)
    keys = cache_keys()
    assert any(":page:" in key for key in keys)
    assert any(":template.cache." in key for key in keys)  # {% wagtailpagecache %} fragments
    return paths, keys


# Parameters the lists know, and others; values no list has ("~" is in no slug or choice).
KNOWN = ["page", "region", "theme", "city", "language", "status", "kind"]
junk_value = st.one_of(
    st.text(max_size=12).map(lambda text: "~" + text),
    st.sampled_from(["0", "00", "01", "-1", "2", "999", "99999", "9223372036854775808", ""]),
)
junk_name = st.one_of(
    st.text(min_size=1, max_size=10).map(lambda text: "x" + text),
    st.sampled_from(["utm_source", "fbclid", "q", "lang", "PAGE", "Region"]),
)
junk_query = st.one_of(
    st.lists(st.tuples(junk_name, st.text(max_size=10)), min_size=1, max_size=3).map(urlencode),
    st.tuples(st.sampled_from(KNOWN), junk_value).map(lambda pair: urlencode([pair])),
    # A parameter twice, or the same query spelt another way.
    st.sampled_from(["page=1&page=1", "region=europe&region=europe", "&", "&&", "page=1&"]),
)


@FUZZ
@given(choice=st.integers(min_value=0, max_value=10_000), query=junk_query)
def test_junk_query_strings_add_no_cache_entry(warm_cache, choice, query, cache_keys):
    paths, keys = warm_cache
    path = paths[choice % len(paths)]
    response = Client().get(f"{path}?{query}")
    assert response.status_code < 500
    assert cache_keys() <= keys, f"{path}?{query}"


@FUZZ
@given(
    choice=st.integers(min_value=0, max_value=10_000),
    host=st.one_of(
        st.sampled_from(OTHER_HOSTS),
        st.integers(min_value=1, max_value=65535).map(lambda port: f"localhost:{port}"),
        st.integers(min_value=1, max_value=65535).map(lambda port: f"testserver:{port}"),
        st.from_regex(r"[a-z]{1,8}\.example\.org", fullmatch=True),
    ),
)
def test_other_hosts_add_no_cache_entry(warm_cache, choice, host, cache_keys):
    paths, keys = warm_cache
    response = Client(HTTP_HOST=host).get(paths[choice % len(paths)])
    assert response.status_code == 200
    assert cache_keys() <= keys, host


@pytest.mark.parametrize("spelling", ["/{0}//", "//{0}/", "/{0}///cities/", "/{0}/cities//"])
def test_other_spellings_of_an_address_add_no_cache_entry(warm_cache, spelling, cache_keys):
    _paths, keys = warm_cache
    for language in LANGUAGES:
        Client().get(spelling.format(language))
    assert cache_keys() == keys


def test_a_page_number_out_of_range_is_answered_but_not_kept(cache_keys):
    client = Client()
    client.get("/en/cities/")
    keys = cache_keys()
    for page in ("2", "50", "99999", "01", "0"):
        assert client.get("/en/cities/", {"page": page}).status_code == 200  # the last page
    assert cache_keys() == keys
