"""Moderators preview a page in each language, whatever their admin's language."""

import re

import pytest
from django.urls import reverse

from cities.models import CityPage
from tests.admin.accounts import admin_in
from tests.staff import edit_form, toolkit_add_form

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


def switcher(html):
    return html.split('<nav class="language-switcher"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_previews_language_names_lead_nowhere_else_than_the_admins_own_choice(language):
    """In a preview, a link to the page in another language would show the live page (or
    nothing, for a page never published), not the draft: the names are shown, not linked,
    and the preview's own menu changes the language."""
    client = admin_in("en")
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(client, city) | {"title_fr": "Tanger, brouillon"}
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[city.pk])
    assert client.post(url, data).json()["is_valid"]

    names = switcher(client.get(url, {"mode": language}).content.decode())

    assert "<a " not in names
    for name in ("العربية", "Français", "English"):
        assert name in names
    assert re.search(rf'<span lang="{language}"[^>]*aria-current="true"', names)
    live = switcher(client.get(city.get_url()).content.decode())
    assert live.count("<a ") == 3


def test_a_new_pages_preview_shows_the_language_names_too():
    client = admin_in("en")
    url, data = toolkit_add_form(client, {"en": "Preview guide", "fr": "Guide d'aperçu"}, "pg")
    preview = url.rstrip("/") + "/preview/"
    assert client.post(preview, data).json()["is_valid"]

    names = switcher(client.get(preview, {"mode": "fr"}).content.decode())

    assert "<a " not in names and "Français" in names
