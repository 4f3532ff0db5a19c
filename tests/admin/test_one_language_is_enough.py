"""A title (or name) in one language is enough to save: Arabic-only or French-only content
is accepted, the other languages fall back; none at all is refused."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from action.models import PilotProjectPage, ToolkitPage
from cities.models import CityIndexPage, CityPage
from dialogue.models import PeerMeetingPage
from knowledge.models import MigrationProfilePage, PriorityDocumentPage
from mc2cm_portal.models import HomePage, Partner, Publication, Theme
from tests import LANGUAGES
from tests.admin.accounts import admin_in
from tests.admin_forms import admin_form_data
from tests.staff import edit_form, post_edit

pytestmark = pytest.mark.django_db
EMPTY = {f"{name}_{code}": "" for name in ("title", "slug") for code in ("ar", "fr", "en")}


def add_city_form(client):
    index = CityIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["cities", "citypage", index.pk])
    data = admin_form_data(client.get(url).content.decode(), form_id="page-edit-form")
    data |= {f"country_{code}": "Maroc" for code in ("ar", "fr", "en")}
    data |= {"region": "south_mediterranean", "latitude": "34,03", "longitude": "-6,83"}
    data |= {"member_since": "2024", "figures-TOTAL_FORMS": "0", **EMPTY}
    return url, data


@pytest.mark.parametrize("admin_language", ["en", "fr"])
def test_a_french_only_city_is_published_and_falls_back_everywhere(client, admin_language):
    staff = admin_in(admin_language)
    url, data = add_city_form(staff)
    data |= {"title_fr": "Rabat", "slug_fr": "rabat"}
    response = staff.post(url, data | {"action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors
    city = CityPage.objects.get(title_fr="Rabat")
    assert city.live and city.title_en in ("", None)
    # The explorer names it; the public pages in every language show it.
    explorer = staff.get(reverse("wagtailadmin_explore", args=[city.get_parent().pk]))
    assert "Rabat" in explorer.content.decode()
    assert client.get("/fr/villes/rabat/").status_code == 200
    for language in ("en", "ar"):
        with translation.override(language):
            address = CityPage.objects.get(pk=city.pk).get_url_parts()[2]
        response = client.get(address)
        assert response.status_code == 200, address
        assert "Rabat" in response.content.decode()


def test_a_page_with_no_title_at_all_is_refused_with_a_message(admin_client):
    url, data = add_city_form(admin_client)
    response = admin_client.post(url, data | {"action-publish": "action-publish"})
    assert response.status_code == 200
    assert "in at least one language" in response.content.decode()
    assert not CityPage.objects.filter(country_fr="Maroc", member_since=2024).exists()


def test_an_arabic_only_theme_is_saved_and_a_nameless_one_refused(admin_client):
    url = reverse("wagtailsnippets_mc2cm_portal_theme:add")
    data = admin_form_data(admin_client.get(url).content.decode())
    data |= {"name_ar": "السكن اللائق", "name_fr": "", "name_en": "", "slug": "decent-housing"}
    assert admin_client.post(url, data).status_code == 302
    theme = Theme.objects.get(slug="decent-housing")
    assert theme.name_ar == "السكن اللائق"
    response = admin_client.post(url, data | {"name_ar": "", "slug": "nameless"})
    assert response.status_code == 200
    assert "in at least one language" in response.content.decode()


# --- Every translated field, not only titles -----------------------------------------------

PUBLISH = {"action-publish": "action-publish"}
# One language's input of a translated text field, on the page or in an inline (a figure).
TRANSLATED_INPUT = re.compile(r"(?:[a-z_]+-\d+-)?[a-z_]+_(ar|fr|en)")


def keep_only(data, language):
    """The form data with every other language's inputs emptied, as an editor would leave
    them. Block fields aside: their inputs are named ``body_en-0-value`` and so on, and
    blocks are never required. An emptied rich text editor posts ``null``."""
    emptied = {}
    for key, value in data.items():
        match = TRANSLATED_INPUT.fullmatch(key)
        if match and match[1] != language:
            value = "null" if str(value).startswith("{") else ""
        emptied[key] = value
    return emptied


def first_live(model):
    pages = model.objects.live()
    if model is CityPage:
        pages = pages.filter(figures__isnull=False)
    return pages.first()


# Each page type, the field shown to check the fallback, the one language kept.
PAGE_TYPES = [
    (CityPage, "country", "ar"),
    (MigrationProfilePage, "summary", "fr"),
    (PriorityDocumentPage, "summary", "ar"),
    (PeerMeetingPage, "summary", "fr"),
    (PilotProjectPage, "summary", "ar"),
    (ToolkitPage, "audience", "fr"),
    (HomePage, "tagline", "ar"),
]


@pytest.mark.parametrize(
    ("model", "shown_field", "language"), PAGE_TYPES, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_page_in_one_language_is_published_and_falls_back(
    admin_client, client, model, shown_field, language
):
    page = first_live(model)
    kept = getattr(page, f"{shown_field}_{language}")
    data = keep_only(edit_form(admin_client, page), language)
    response = post_edit(admin_client, page, data, **PUBLISH)
    assert response.status_code == 302, response.context["form"].errors
    saved = model.objects.get(pk=page.pk)
    assert getattr(saved, f"{shown_field}_en") in ("", None)
    # An English reader gets the text of the one language there is.
    with translation.override("en"):
        address = saved.get_url_parts()[2]
    assert kept in client.get(address).content.decode()


def test_a_figure_in_one_language_is_saved_and_one_in_none_refused(admin_client):
    city = first_live(CityPage)
    data = keep_only(edit_form(admin_client, city), "ar")
    assert post_edit(admin_client, city, data, **PUBLISH).status_code == 302
    figure = CityPage.objects.get(pk=city.pk).figures.first()
    assert figure.label_ar and figure.source_ar and not figure.label_en

    data = edit_form(admin_client, city)
    data |= {f"figures-0-{name}_{code}": "" for name in ("label", "source") for code in LANGUAGES}
    response = post_edit(admin_client, city, data, **PUBLISH)
    assert response.status_code == 200
    assert response.content.decode().count("in at least one language") >= 2
    assert CityPage.objects.get(pk=city.pk).figures.first().label_ar == figure.label_ar


def test_a_city_with_no_country_in_any_language_is_refused(admin_client):
    city = first_live(CityPage)
    data = edit_form(admin_client, city) | {f"country_{code}": "" for code in LANGUAGES}
    response = post_edit(admin_client, city, data, **PUBLISH)
    assert response.status_code == 200
    assert "in at least one language" in response.content.decode()


@pytest.mark.parametrize(
    ("snippet", "fields", "language"),
    [
        ("partner", {"name": "مدينة تونس", "role": "implementing"}, "ar"),
        ("publication", {"title": "Profil migratoire de Sousse", "kind": "toolkit"}, "fr"),
    ],
)
def test_a_snippet_in_one_language_is_published(admin_client, snippet, fields, language):
    url = reverse(f"wagtailsnippets_mc2cm_portal_{snippet}:add")
    data = admin_form_data(admin_client.get(url).content.decode())
    translated, *_rest = fields
    data |= {f"{translated}_{code}": "" for code in LANGUAGES}
    data |= {f"{translated}_{language}": fields[translated], **dict(list(fields.items())[1:])}
    response = admin_client.post(url, data | PUBLISH)
    assert response.status_code == 302, response.context["form"].errors
    model = {"partner": Partner, "publication": Publication}[snippet]
    saved = model.objects.get(**{f"{translated}_{language}": fields[translated]})
    assert saved.live
