"""Numbers typed the French and the Arabic way are saved as meant, or refused with a
message that keeps what was typed; never changed silently
(mc2cm_portal/editing/number_fields.py)."""

import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from cities.models import CityPage
from mc2cm_portal.models import Publication
from tests.admin.accounts import admin_in
from tests.admin_forms import admin_form_data
from tests.staff import edit_form

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "action-publish"}
NUMBER_FIELDS = (models.DecimalField, models.IntegerField)


def city_and_form(client):
    city = CityPage.objects.get(slug_en="tangier")
    return city, edit_form(client, city)


@pytest.mark.parametrize(
    ("typed", "latitude", "value", "year"),
    [
        ({"latitude": "43,5297", "value": "13,5", "year": "2019"}, "43.5297", "13.5", 2019),
        ({"latitude": "٣٥٫٧٨", "value": "١٣٫٥", "year": "٢٠١٩"}, "35.78", "13.5", 2019),
        ({"latitude": "۳۵٫۷۸", "value": "۹۴۷٬۹۵۲", "year": "۲۰۱۸"}, "35.78", "947952", 2018),
        ({"latitude": "35.78", "value": "947\u202f952", "year": "2017"}, "35.78", "947952", 2017),
        ({"latitude": "-5,8", "value": "1 234 567,25", "year": "2016"}, "-5.8", "1234567.25", 2016),
        ({"latitude": "0,125", "value": "947\u00a0952", "year": "2015"}, "0.125", "947952", 2015),
    ],
)
def test_numbers_typed_the_french_and_arabic_way_are_saved_as_meant(
    admin_client, typed, latitude, value, year
):
    city, data = city_and_form(admin_client)
    data |= {
        "latitude": typed["latitude"],
        "figures-0-value": typed["value"],
        "figures-0-year": typed["year"],
    }
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[city.pk]), data | PUBLISH)
    assert response.status_code == 302, response.context["form"].errors
    city.refresh_from_db()
    assert city.latitude == Decimal(latitude)
    figure = city.figures.get(pk=data["figures-0-id"])
    assert figure.value == Decimal(value)
    assert figure.year == year


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("figures-0-value", "13,500", "could be read two ways"),
        ("figures-0-value", "1,234.5", "Enter a number"),
        ("figures-0-value", "13 5", "Enter a number"),
        ("latitude", "43.52.97", "Enter a number"),
        ("figures-0-year", "2019,5", "whole number"),
        ("member_since", "two thousand", "Enter a number"),
    ],
)
def test_anything_else_is_refused_and_keeps_what_was_typed(admin_client, field, typed, message):
    city, data = city_and_form(admin_client)
    before = CityPage.objects.get(pk=city.pk)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[city.pk]), {**data, field: typed} | PUBLISH
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert re.search(rf'name="{field}"[^>]*value="{re.escape(typed)}"', html)
    after = CityPage.objects.get(pk=city.pk)
    assert (after.latitude, after.member_since) == (before.latitude, before.member_since)


def test_the_messages_are_translated():
    client = admin_in("fr")
    city, data = city_and_form(client)
    url = reverse("wagtailadmin_pages:edit", args=[city.pk])
    html = client.post(url, {**data, "figures-0-value": "13,500"} | PUBLISH).content.decode()
    assert "peut se lire de deux façons" in html
    client = admin_in("ar")
    html = client.post(url, {**data, "latitude": "abc"} | PUBLISH).content.decode()
    assert "أدخل عددًا" in html


def test_every_number_field_is_a_text_input_that_shows_back_what_re_reads_the_same(
    admin_client,
):
    """Every number field editors see: a text input with a number keyboard, no
    <input type=number>; saving the form unchanged keeps every number."""
    city, data = city_and_form(admin_client)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[city.pk])).content.decode()
    assert 'type="number"' not in html
    for name in ("latitude", "longitude", "member_since", "figures-0-value", "figures-0-year"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)[0]
        assert 'type="text"' in tag and "inputmode=" in tag, tag
    before = [(f.value, f.year) for f in city.figures.all()]
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[city.pk]), data | PUBLISH)
    assert response.status_code == 302
    after = CityPage.objects.get(pk=city.pk)
    assert (after.latitude, after.longitude) == (city.latitude, city.longitude)
    assert [(f.value, f.year) for f in after.figures.all()] == before

    publication = Publication.objects.exclude(year=None).first()
    url = reverse("wagtailsnippets_mc2cm_portal_publication:edit", args=[publication.pk])
    html = admin_client.get(url).content.decode()
    assert 'type="number"' not in html
    assert admin_form_data(html)["year"] == str(publication.year)


def test_no_model_editors_use_keeps_a_browser_number_input():
    """The override is registered for the field classes themselves, so a new number field
    on any portal model gets it too."""
    from wagtail.admin.forms.models import formfield_for_dbfield

    portal_apps = ("mc2cm_portal", "cities", "action", "dialogue", "knowledge")
    checked = 0
    for model in apps.get_models():
        if model._meta.app_label not in portal_apps:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, NUMBER_FIELDS) and not field.primary_key:
                widget = formfield_for_dbfield(field).widget
                assert widget.input_type == "text", f"{model.__name__}.{field.name}"
                checked += 1
    assert checked >= 10
