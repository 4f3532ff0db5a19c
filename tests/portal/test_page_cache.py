"""The page cache: anonymous pages served without queries, never stale after a change."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cities.models import CityIndexPage, CityPage
from knowledge.models import MigrationProfilePage
from mc2cm_portal.models import Partner, PublicationFile
from tests.pages import url_in
from tests.staff import edit_form, post_edit, staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.MC2CM_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def fetch(client, url, **params):
    response = client.get(url, params)
    return response, response.content.decode()


def test_a_repeated_anonymous_request_is_served_without_a_query(client):
    url = url_in(CityPage.objects.get(slug_en="tangier"), "ar")
    first, html = fetch(client, url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second, again = fetch(client, url)
    assert second["X-Page-Cache"] == "hit"
    # The content version too comes from the cache (its committed value).
    assert len(queries) == 0
    assert again == html
    assert second["Content-Type"].startswith("text/html")


def test_each_language_and_query_string_is_cached_apart(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    for language in ("ar", "fr", "en"):
        fetch(client, url_in(tangier, language))
    for language in ("ar", "fr", "en"):
        response, html = fetch(client, url_in(tangier, language))
        assert response["X-Page-Cache"] == "hit"
        assert f'<html lang="{language}"' in html
    index = CityIndexPage.objects.get()
    _, europe = fetch(client, url_in(index, "en"), region="europe")
    _, south = fetch(client, url_in(index, "en"), region="south_mediterranean")
    assert europe != south


def test_publishing_a_change_shows_at_once(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    fetch(client, url_in(tangier, "en"))
    tangier.title_en = "Tangier (renamed)"
    tangier.save_revision().publish()
    response, html = fetch(client, url_in(tangier, "en"))
    assert response["X-Page-Cache"] == "miss"
    assert "Tangier (renamed)</h1>" in html
    # Pages that mention the city change too: the home page lists it.
    assert "Tangier (renamed)" in fetch(client, "/en/")[1]


def test_unpublishing_removes_the_page_and_its_mentions(client):
    sfax = CityPage.objects.get(slug_en="sfax")
    url = url_in(sfax, "en")
    fetch(client, "/en/")
    assert fetch(client, url)[0].status_code == 200
    sfax.unpublish()
    assert fetch(client, url)[0].status_code == 404
    assert url not in fetch(client, "/en/")[1]


def test_changing_a_partner_or_a_file_refreshes_pages(client):
    fetch(client, "/en/")
    partner = Partner.objects.first()
    partner.name_en = "A renamed partner"
    partner.save()
    assert "A renamed partner" in fetch(client, "/en/")[1]

    tangier = CityPage.objects.get(slug_en="tangier")
    url = url_in(tangier, "ar")
    before = fetch(client, url)[1].count('class="download"')
    profile = MigrationProfilePage.objects.get(city=tangier)
    PublicationFile.objects.get(publication=profile.publication, language="ar").delete()
    assert fetch(client, url)[1].count('class="download"') == before - 1


def test_signed_in_visitors_and_errors_are_never_cached(client, admin_client):
    tangier = CityPage.objects.get(slug_en="tangier")
    url = url_in(tangier, "en")
    response, _ = fetch(admin_client, url)
    assert "X-Page-Cache" not in response
    assert fetch(client, "/en/no-such-page/")[0].status_code == 404
    assert "X-Page-Cache" not in fetch(client, "/en/no-such-page/")[0]


def test_the_cache_can_be_switched_off(client, settings):
    settings.MC2CM_PAGE_CACHE = False
    url = url_in(CityPage.objects.get(slug_en="tangier"), "en")
    fetch(client, url)
    assert "X-Page-Cache" not in fetch(client, url)[0]


def test_emptying_the_page_cache_keeps_the_content_version():
    """The version lives in the database: the cache culls entries at random when full."""
    from mc2cm_portal.caching.page_cache import content_changed, content_version

    version = content_version()
    cache.clear()
    assert content_version() == version
    content_changed()
    assert content_version() != version


def test_saving_a_draft_leaves_the_cached_page_cached(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    url = url_in(tangier, "en")
    assert fetch(client, url)[0]["X-Page-Cache"] == "miss"
    editor = staff_client("edna", "Editors")
    data = edit_form(editor, tangier)
    data["official_name_en"] = "A name only in the draft"
    assert post_edit(editor, tangier, data).status_code == 302
    assert CityPage.objects.get(pk=tangier.pk).has_unpublished_changes
    response, html = fetch(client, url)
    assert response["X-Page-Cache"] == "hit"
    assert "A name only in the draft" not in html


def test_a_new_release_never_serves_what_the_previous_one_kept(client, settings):
    url = url_in(CityPage.objects.get(slug_en="tangier"), "en")
    fetch(client, url)
    assert fetch(client, url)[0]["X-Page-Cache"] == "hit"
    settings.RELEASE = "the-next-release"
    with CaptureQueriesContext(connection) as queries:
        response, _html = fetch(client, url)
    assert response["X-Page-Cache"] == "miss"
    # Nor any kept fragment or lookup: the city's figures are read again.
    assert "cities_cityfigure" in " ".join(query["sql"] for query in queries.captured_queries)


def test_a_change_rolled_back_leaves_the_version_and_the_kept_pages(client):
    """The version moves when a change commits, not before: one rolled back (a failed
    publish) leaves every kept page in use, and its readers on the old version."""
    from mc2cm_portal.caching.page_cache import content_changed, content_version

    url = url_in(CityPage.objects.get(slug_en="tangier"), "en")
    fetch(client, url)
    version = content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        content_changed()
        raise RuntimeError("the publish failed")
    assert content_version() == version
    assert fetch(client, url)[0]["X-Page-Cache"] == "hit"


def test_a_committed_change_is_what_the_next_request_reads(
    client, django_capture_on_commit_callbacks
):
    from mc2cm_portal.caching.page_cache import content_changed, content_version

    url = url_in(CityPage.objects.get(slug_en="tangier"), "en")
    fetch(client, url)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    assert content_version() != before
    assert fetch(client, url)[0]["X-Page-Cache"] == "miss"


def test_a_kept_page_is_sent_as_the_browser_asked_with_its_security_headers(client):
    import gzip

    url = url_in(CityPage.objects.get(slug_en="tangier"), "fr")
    plain = client.get(url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert (plain["X-Page-Cache"], compressed["X-Page-Cache"]) == ("miss", "miss")
    for _ in range(2):
        again_plain = client.get(url)
        again_compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert (again_plain["X-Page-Cache"], again_compressed["X-Page-Cache"]) == ("hit", "hit")
        assert "Content-Encoding" not in again_plain
        assert again_compressed["Content-Encoding"] == "gzip"
        assert gzip.decompress(again_compressed.content) == again_plain.content == plain.content
        assert "Tanger" in again_plain.content.decode()
        for response in (again_plain, again_compressed):
            assert "Accept-Encoding" in response["Vary"]
            assert "default-src" in response["Content-Security-Policy"]
            assert response["X-Frame-Options"] == "DENY"
            assert response["X-Content-Type-Options"] == "nosniff"
