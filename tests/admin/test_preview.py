"""Moderators preview a page in each language, whatever their admin's language."""

import re

import pytest
from django.urls import reverse

from cities.models import CityPage
from tests.admin.accounts import admin_in
from tests.staff import edit_form

pytestmark = pytest.mark.django_db
EXPECTED = {"ar": ("rtl", "title_ar"), "fr": ("ltr", "title_fr"), "en": ("ltr", "title_en")}


@pytest.mark.parametrize("admin_language", ["en", "ar"])
def test_the_preview_offers_and_renders_each_language(admin_language):
    client = admin_in(admin_language)
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(client, city)
    data["title_ar"] = "طنجة، مسودة ١٢٣"
    data["title_fr"] = "Tanger, brouillon"
    data["title_en"] = "Tangier, draft"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[city.pk])
    assert client.post(url, data).json()["is_valid"]

    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[city.pk])).content.decode()
    for language in ("ar", "fr", "en"):
        assert f'value="{language}"' in edit_html  # the preview mode menu offers it

    for language, (direction, field) in EXPECTED.items():
        response = client.get(url, {"mode": language})
        assert response.status_code == 200
        html = response.content.decode()
        assert re.search(rf'<html[^>]*lang="{language}"[^>]*dir="{direction}"', html), language
        assert data[field] in html, language
