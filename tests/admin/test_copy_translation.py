"""wagtail-modeltranslation's "Copy content from ar/fr/en": offered and answered only for
translations of the same StreamField, and never a 500."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from cities.models import CityPage
from dialogue.models import DialoguePage
from tests.admin.accounts import admin_in
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def copy_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk]) + "copy_translation_content/"


def test_copying_key_figures_is_refused_not_a_server_error(admin_client):
    city = CityPage.objects.get(slug_en="tangier")
    # What the package's script posted when "ar" was clicked on the key figures panel.
    data = {"origin_field_name": "key_ar", "target_field_name": "key_figures"}
    response = admin_client.post(copy_url(city), {**data, "serializedOriginField": "[]"}, **XHR)
    assert response.status_code == 400
    for bad in ({}, {"origin_field_name": "title_ar", "target_field_name": "title_fr"}):
        response = admin_client.post(copy_url(city), {**bad, "serializedOriginField": "[]"}, **XHR)
        assert response.status_code == 400


def test_copying_a_body_renders_the_other_languages_blocks(admin_client):
    page = DialoguePage.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    from tests.admin_forms import stream_form_data

    form = stream_form_data(page)
    serialized = [{"name": k, "value": v} for k, v in form.items() if k.startswith("body_fr")]
    assert serialized
    response = admin_client.post(
        copy_url(page),
        {
            "origin_field_name": "body_fr",
            "target_field_name": "body_ar",
            "serializedOriginField": json.dumps(serialized),
        },
        **XHR,
    )
    assert response.status_code == 200
    html = json.loads(response.content)
    assert 'name="body_ar-count"' in html or "body_ar" in html
    assert admin_client.get(url).status_code == 200


def test_copy_is_for_editors_of_the_page_only():
    page = DialoguePage.objects.get()
    client = staff_client("nobody")
    data = {"origin_field_name": "body_fr", "target_field_name": "body_ar"}
    response = client.post(copy_url(page), {**data, "serializedOriginField": "[]"}, **XHR)
    assert response.status_code in (302, 403)


def test_copy_buttons_are_offered_on_stream_fields_only_with_a_confirmation():
    """The package's button script is replaced by the project's (same static path), which
    offers copy on StreamFields only and asks first; its words are in the admin's language."""
    script = Path(finders.find("wagtail_modeltranslation/js/copy_stream_fields.js"))
    assert script.is_relative_to(settings.BASE_DIR / "static")
    assert "w-field--block_field" in script.read_text()
    assert "window.confirm" in script.read_text()

    client = admin_in("fr")
    page = DialoguePage.objects.get()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    strings = json.loads(re.search(r'id="copy-translation-strings"[^>]*>(.*?)</script>', html)[1])
    assert strings["copyFrom"] == "Copier le contenu depuis"
    # What the script looks for: the wrapper of each language's StreamField, in a panel.
    for language in ("ar", "fr", "en"):
        assert re.search(
            rf'class="[^"]*w-field--block_field[^"]*"[^>]*data-contentpath="body_{language}"', html
        )
    city = CityPage.objects.get(slug_en="tangier")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[city.pk])).content.decode()
    assert "w-field--block_field" not in html  # key figures and the rest: nothing offered
    assert strings["languages"]["ar"] == "arabe"
