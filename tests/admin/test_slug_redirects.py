"""A slug changed in any language, or a page moved, keeps every old address working: a
permanent redirect to the page's new address, in the same language, for its children too."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from cities.models import CityIndexPage, CityPage
from knowledge.models import KnowledgePage, MigrationProfileIndexPage
from mc2cm_portal.models import HomePage
from tests.factories import add_page
from tests.staff import edit_form

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """What waits for the commit runs (the test's transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def url_of(page, language):
    from django.utils import translation

    with translation.override(language):
        return type(page).objects.get(pk=page.pk).get_url_parts()[2]


def assert_redirects(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    assert response["Location"] in (new, quote(new, safe="/%")), (old, response["Location"], new)
    assert client.get(response["Location"]).status_code == 200


def publish(client, page, commit, **fields):
    data = edit_form(client, page) | fields
    with commit():
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data | PUBLISH)
    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.parametrize("admin_language", ["en", "fr"])
def test_a_slug_changed_in_each_language_redirects_from_its_old_address(
    client, admin_client, commit, admin_language
):
    city = CityPage.objects.get(slug_en="tangier")
    old = {code: url_of(city, code) for code in ("ar", "fr", "en")}
    assert old["fr"] == "/fr/villes/tanger/"
    publish(
        admin_client,
        city,
        commit,
        slug_ar="طنجة-الكبرى",
        slug_fr="tanger-med",
        slug_en="tangier-med",
    )
    new = {code: url_of(city, code) for code in ("ar", "fr", "en")}
    assert new["fr"] == "/fr/villes/tanger-med/"
    for code in ("ar", "fr", "en"):
        assert old[code] != new[code]
        assert_redirects(client, old[code], new[code])


def test_a_french_slug_change_alone_redirects_and_english_is_untouched(
    client, admin_client, commit
):
    city = CityPage.objects.get(slug_en="tangier")
    publish(admin_client, city, commit, slug_fr="tanger-ville")
    assert_redirects(client, "/fr/villes/tanger/", "/fr/villes/tanger-ville/")
    assert client.get("/en/cities/tangier/").status_code == 200


def test_a_parent_slug_change_redirects_its_childrens_old_addresses(client, admin_client, commit):
    index = CityIndexPage.objects.get()
    city = CityPage.objects.get(slug_en="tangier")
    old = {code: url_of(city, code) for code in ("ar", "fr", "en")}
    old_index_ar = url_of(index, "ar")
    publish(admin_client, index, commit, slug_fr="les-villes", slug_ar="مدن-الشبكة")
    assert_redirects(client, old["fr"], "/fr/les-villes/tanger/")
    assert_redirects(client, old["ar"], url_of(city, "ar"))
    assert_redirects(client, old_index_ar, url_of(index, "ar"))
    assert client.get(old["en"]).status_code == 200  # unchanged


def test_a_moved_page_and_its_children_redirect_from_every_old_address(
    client, admin_client, commit
):
    section = MigrationProfileIndexPage.objects.get()
    child = section.get_children().live().first()
    pages = [section, child]
    old = {(p.pk, code): url_of(p, code) for p in pages for code in ("ar", "fr", "en")}
    library = add_page(
        HomePage.objects.get(), KnowledgePage, "Library", ar="المكتبة", fr="Bibliothèque"
    )
    library.save_revision().publish()
    url = reverse("wagtailadmin_pages:move_confirm", args=[section.pk, library.pk])
    with commit():
        response = admin_client.post(url)
    assert response.status_code == 302
    for page in pages:
        for code in ("ar", "fr", "en"):
            new = url_of(page, code)
            assert new != old[(page.pk, code)]
            assert_redirects(client, old[(page.pk, code)], new)
