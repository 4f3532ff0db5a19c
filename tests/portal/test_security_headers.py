"""Every answer carries the security headers; public pages the strict policy, the admin its own."""

import re

import pytest
from django.core.cache import cache
from wagtail.documents import get_document_model
from wagtail.models import Page

from tests import LANGUAGES
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, _space, sources = part.strip().partition(" ")
        directives[name] = sources
    return directives


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def assert_public_headers(response):
    assert_common_headers(response)
    assert policy(response) == {**policy(response), **STRICT}
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def assert_no_inline_code(html):
    """What the strict policy would block: inline scripts, style elements and attributes."""
    for attrs in re.findall(r"<script\b([^>]*)>", html):
        assert "src=" in attrs or 'type="application/ld+json"' in attrs, attrs
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "javascript:" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_sends_the_strict_policy_in_each_language(client, language):
    for page in one_page_of_each_type():
        response = client.get(url_in(page, language))
        assert response.status_code == 200, page
        assert_public_headers(response)
        assert_no_inline_code(response.content.decode())


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_and_missing_pages_send_the_strict_policy(client, language):
    search = client.get(f"/{language}/search/", {"q": "Tangier"})
    assert search.status_code == 200
    assert_public_headers(search)
    missing = client.get(f"/{language}/no-such-page/")
    assert missing.status_code == 404
    assert_public_headers(missing)
    assert_no_inline_code(missing.content.decode())


def test_a_page_from_the_page_cache_sends_the_same_headers(client, settings):
    settings.MC2CM_PAGE_CACHE = True
    cache.clear()
    try:
        first = client.get("/fr/")
        second = client.get("/fr/")
    finally:
        cache.clear()
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert_public_headers(second)
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second.content == first.content


def test_no_transport_security_outside_https(client):
    # HSTS is only for HTTPS answers in production (see tests/portal/test_settings.py).
    assert "Strict-Transport-Security" not in client.get("/en/")


def test_production_sends_hsts_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert_public_headers(response)


def test_documents_static_files_and_feeds_send_the_strict_policy(client):
    document = get_document_model().objects.first()
    assert document is not None, "the demo content has no document"
    download = client.get(document.url)
    assert download.status_code == 200
    assert_common_headers(download)
    # Wagtail's own, stricter policy for files (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT) is kept:
    # a served HTML or SVG file could run nothing at all.
    assert download["Content-Security-Policy"] == "default-src 'none'"
    assert download["X-Frame-Options"] == "DENY"
    for url in ("/static/css/portal.css", "/en/feeds/peer-meetings/", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_public_headers(response)


def test_the_admin_gets_the_policy_wagtail_can_live_with(admin_client):
    home = Page.objects.get(depth=2)
    for url in ("/admin/login/", "/admin/", f"/admin/pages/{home.pk}/edit/"):
        response = admin_client.get(url, follow=url == "/admin/login/")
        assert response.status_code == 200, url
        assert_common_headers(response)
        directives = policy(response)
        assert directives["script-src"] == "'self' 'unsafe-inline'"
        assert directives["style-src"] == "'self' 'unsafe-inline'"
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'self'"
        assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_signed_in_staff_get_the_strict_policy_on_public_pages(admin_client):
    response = admin_client.get("/ar/")
    assert "wagtail-userbar" in response.content.decode()
    assert_public_headers(response)
