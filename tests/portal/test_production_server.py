"""The production command (scripts/serve.sh: gunicorn, production settings) serves the portal
and whitenoise serves the static files compressed and, when fingerprinted, cached for good."""

import gzip
import json
import re
import urllib.parse

import pytest

from tests.servers import get, serve

FAR_FUTURE = "max-age=315360000, public, immutable"


@pytest.fixture(scope="module")
def server(demo_sites, static_root, tmp_path_factory):
    site = demo_sites.new("production")
    log = tmp_path_factory.mktemp("production") / "server.log"
    with serve(site.env(DJANGO_STATIC_ROOT=str(static_root)), log) as base:
        yield base, log, static_root


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/ar/", "ar"),
        ("/fr/", "fr"),
        ("/en/", "en"),
        ("/en/cities/tangier/", "en"),
        ("/ar/search/?q=%D8%B7%D9%86%D8%AC%D8%A9", "ar"),
    ],
)
def test_pages_answer_in_each_language(server, path, lang):
    base, _log, _static = server
    status, headers, body = get(base, path)
    assert status == 200
    assert f'<html lang="{lang}"' in body.decode()
    assert headers["content-type"].startswith("text/html")


def test_pages_travel_compressed_from_the_page_cache_too(server):
    """A visitor on a slow line gets every page gzipped; a client that asks for nothing
    compressed (and the cache, which serves both) still gets the page as it is."""
    base, _log, _static = server
    for _ in range(2):  # the first answer fills the page cache, the second comes from it
        status, headers, body = get(base, "/ar/", {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["content-encoding"] == "gzip"
        assert "Accept-Encoding" in headers["vary"]
        page = gzip.decompress(body).decode()
        assert '<html lang="ar" dir="rtl"' in page
        assert len(body) < len(page.encode()) / 2
    status, headers, body = get(base, "/ar/")
    assert "content-encoding" not in headers
    assert body.decode() == page


# What curl --compressed asks for, and then decodes: it refuses an answer in any other encoding.
CLIENT_ENCODINGS = ("deflate", "gzip", "br", "zstd")


def test_a_file_comes_as_stored_to_a_client_asking_for_compression(server):
    """A researcher's script asking for compressed answers gets the PDF as stored, with no
    Content-Encoding (a PDF is not compressed on the way). Wagtail's file sending wrote
    "Content-Encoding: None", which such a client cannot decode."""
    base, _log, _static = server
    listing = json.loads(get(base, "/api/v2/documents/?limit=1")[2])
    path = urllib.parse.urlsplit(listing["items"][0]["meta"]["download_url"]).path
    status, headers, body = get(
        base, urllib.parse.unquote(path), {"Accept-Encoding": ", ".join(CLIENT_ENCODINGS)}
    )
    assert status == 200
    assert headers["content-type"] == "application/pdf"
    assert "content-encoding" not in headers, headers
    assert int(headers["content-length"]) == len(body)
    assert body.startswith(b"%PDF-")


def test_fingerprinted_css_is_compressed_and_cached_for_good(server):
    base, _log, static_root = server
    html = get(base, "/en/")[2].decode()
    found = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html)
    assert found, "the page links no fingerprinted stylesheet (manifest storage off?)"
    url = found.group(1)
    original = (static_root / url.removeprefix("/static/")).read_bytes()

    status, headers, body = get(base, url, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["cache-control"] == FAR_FUTURE
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == original

    brotli = pytest.importorskip("brotli")
    status, headers, body = get(base, url, {"Accept-Encoding": "gzip, br"})
    assert headers["content-encoding"] == "br"
    assert brotli.decompress(body) == original

    # A client that asks for no compression gets the file as it is.
    status, headers, body = get(base, url)
    assert "content-encoding" not in headers
    assert body == original


def test_unfingerprinted_names_are_not_cached_for_good(server):
    base, _log, _static = server
    status, headers, _body = get(base, "/static/css/portal.css", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert "immutable" not in headers["cache-control"]
    assert "315360000" not in headers["cache-control"]


def test_health_check_and_access_log(server):
    base, log, _static = server
    status, headers, body = get(base, "/health/")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in headers["cache-control"]
    # One access-log line per request on stdout.
    assert '"GET /health/ HTTP/1.1" 200' in log.read_text()
