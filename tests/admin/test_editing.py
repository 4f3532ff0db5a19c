"""Staff edit every page type and snippet in the admin, all three languages in one form."""

import pytest
from django.db import models
from django.urls import reverse
from modeltranslation.translator import translator
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site

from cities.models import CityIndexPage, CityPage
from mc2cm_portal.models import HomePage, Partner, Publication, Theme
from tests import LANGUAGES
from tests.admin_forms import admin_form_data, stream_form_data
from tests.pages import one_page_of_each_type
from tests.staff import submit

pytestmark = pytest.mark.django_db
NOT_EDITED = {"slug", "url_path", "seo_title", "search_description"}


def editable_text_fields(model):
    """Translated plain-text fields (the ones a test can fill in without an editor widget)."""
    options = translator.get_options_for_model(model)
    names = []
    for name in options.all_fields:
        field = model._meta.get_field(name)
        if name in NOT_EDITED or isinstance(field, RichTextField | StreamField):
            continue
        if isinstance(field, models.CharField | models.TextField):
            names.append(name)
    return names


def test_every_page_type_edits_and_saves_all_three_languages(admin_client):
    for page in one_page_of_each_type():
        model = type(page)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = admin_client.get(url)
        assert response.status_code == 200, model.__name__
        data = admin_form_data(response.content.decode(), form_id="page-edit-form")
        fields = editable_text_fields(model)
        assert "title" in fields
        for name in fields:
            for language in LANGUAGES:
                assert f"{name}_{language}" in data, f"{model.__name__}.{name}_{language}"
                data[f"{name}_{language}"] = f"{name} edited in {language}"
        data.update(stream_form_data(page))
        data["action-publish"] = "action-publish"
        submit(admin_client, url, data)

        saved = model.objects.get(pk=page.pk)
        for name in fields:
            for language in LANGUAGES:
                assert getattr(saved, f"{name}_{language}") == f"{name} edited in {language}"
        assert saved.get_latest_revision().content["title_ar"] == "title edited in ar"
        for field in saved._meta.fields:
            if isinstance(field, StreamField) and field.name[-3:] in ("_ar", "_fr", "_en"):
                assert len(getattr(saved, field.name)) == len(getattr(page, field.name))


def test_an_edit_with_an_error_keeps_what_the_editor_typed(admin_client):
    city = CityPage.objects.get(slug_en="tangier")
    url = reverse("wagtailadmin_pages:edit", args=[city.pk])
    data = admin_form_data(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data["title_fr"] = "Tanger, titre retravaillé"
    data["latitude"] = "123"  # out of range
    response = admin_client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tanger, titre retravaillé" in html
    assert CityPage.objects.get(pk=city.pk).title_fr != "Tanger, titre retravaillé"


SNIPPETS = [(Theme, "name"), (Partner, "name"), (Publication, "title")]


@pytest.mark.parametrize(("model", "field"), SNIPPETS, ids=lambda v: getattr(v, "__name__", v))
def test_snippets_edit_and_save_all_three_languages(admin_client, model, field):
    obj = model.objects.first()
    url = reverse(f"wagtailsnippets_mc2cm_portal_{model._meta.model_name}:edit", args=[obj.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    data = admin_form_data(response.content.decode())
    for language in LANGUAGES:
        data[f"{field}_{language}"] = f"{field} in {language}"
    # Snippets are drafts until published, like pages (test_snippet_workflow.py).
    submit(admin_client, url, {**data, "action-publish": "action-publish"})
    obj.refresh_from_db()
    for language in LANGUAGES:
        assert getattr(obj, f"{field}_{language}") == f"{field} in {language}"


@pytest.mark.parametrize("model", [Theme, Partner, Publication], ids=lambda m: m.__name__)
def test_snippet_listings_search_in_every_language(admin_client, model):
    url = reverse(f"wagtailsnippets_mc2cm_portal_{model._meta.model_name}:list")
    for query in ("", "?q=Tangier", "?q=طنجة", "?q=Tanger"):
        assert admin_client.get(url + query).status_code == 200


def test_portal_settings_edit_the_contact_email(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["mc2cm_portal", "portalsettings", site.pk])
    data = admin_form_data(admin_client.get(url).content.decode())
    data["contact_email"] = "team@example.org"
    submit(admin_client, url, data)
    assert "team@example.org" in admin_client.get("/en/").content.decode()


def test_tree_rules_refuse_wrong_places(admin_client):
    home = HomePage.objects.get()
    index = CityIndexPage.objects.get()
    # A city belongs under the cities index only.
    assert not CityPage.can_create_at(home)
    assert CityPage.can_create_at(index)
    add_city_at_home = reverse("wagtailadmin_pages:add", args=["cities", "citypage", home.pk])
    response = admin_client.get(add_city_at_home, follow=True)
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert "permission" in response.content.decode()
    # Singletons: one home page, one cities index, one of each pillar.
    root = home.get_parent()
    assert not HomePage.can_create_at(root)
    assert not CityIndexPage.can_create_at(home)
    for page in one_page_of_each_type():
        if getattr(type(page), "max_count", None) == 1:
            assert not type(page).can_create_at(page.get_parent().specific), type(page).__name__
