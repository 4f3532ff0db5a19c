"""Staff find content in the admin whatever language they type the title in."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cities.models import CityPage
from mc2cm_portal.models import Partner, Publication, Theme
from tests.factories import publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(client, url, query, expected):
    html = client.get(url, {"q": query}).content.decode()
    return expected in html


@pytest.mark.parametrize("query", ["طنجة", "Tanger", "Tangier"])
def test_the_page_search_finds_a_title_in_every_language(admin_client, query):
    city = CityPage.objects.get(slug_en="tangier")
    url = reverse("wagtailadmin_pages:search")
    html = admin_client.get(url, {"q": query}).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[city.pk]) in html, query


def test_a_page_edited_in_the_admin_is_found_by_its_new_arabic_and_french_titles(
    admin_client, commit
):
    from tests.staff import edit_form

    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(admin_client, city) | {"title_ar": "بيروت الكبرى", "title_fr": "Beyrouth"}
    with commit():
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[city.pk]),
            data | {"action-publish": "action-publish"},
        )
    assert response.status_code == 302
    edit_url = reverse("wagtailadmin_pages:edit", args=[city.pk])
    for query in ("بيروت", "Beyrouth"):
        assert found(admin_client, reverse("wagtailadmin_pages:search"), query, edit_url), query


@pytest.mark.parametrize(
    ("model", "field"),
    [(Theme, "name"), (Partner, "name"), (Publication, "title")],
    ids=["theme", "partner", "publication"],
)
def test_snippet_listings_find_every_languages_title(admin_client, model, field):
    obj = model.objects.exclude(**{f"{field}_ar": ""}).exclude(**{f"{field}_fr": ""}).first()
    url = reverse(f"wagtailsnippets_mc2cm_portal_{model._meta.model_name}:list")
    edit_url = reverse(f"wagtailsnippets_mc2cm_portal_{model._meta.model_name}:edit", args=[obj.pk])
    for language in ("ar", "fr", "en"):
        query = getattr(obj, f"{field}_{language}").split()[0]
        assert found(admin_client, url, query, edit_url), (language, query)


def test_documents_are_found_by_arabic_and_french_titles(admin_client):
    pub = publication("Beirut profile")
    pub.title_ar, pub.title_fr = "ملف بيروت", "Profil de Beyrouth"
    pub.save()
    for file in pub.files.all():
        file.document.title = {"ar": "ملف بيروت", "fr": "Profil de Beyrouth"}.get(
            file.language, "Beirut profile"
        )
        file.document.save()
    url = reverse("wagtaildocs:index")
    for query in ("بيروت", "Beyrouth", "Beirut"):
        assert found(admin_client, url, query, "Beyrouth" if query == "Beyrouth" else query)


def test_images_are_found_by_arabic_and_french_titles(admin_client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(buffer, "PNG")
    for title in ("صورة بيروت", "Vue de Beyrouth"):
        upload = SimpleUploadedFile("beirut.png", buffer.getvalue(), "image/png")
        response = admin_client.post(
            reverse("wagtailimages:add"), {"title": title, "file": upload, "collection": 1}
        )
        assert response.status_code == 302
    assert get_image_model().objects.count() >= 2
    url = reverse("wagtailimages:index")
    assert found(admin_client, url, "بيروت", "صورة بيروت")
    assert found(admin_client, url, "Beyrouth", "Vue de Beyrouth")
