"""A title (or name) in one language is enough to save: Arabic-only or French-only content
is accepted, the other languages fall back; none at all is refused."""

import pytest
from django.urls import reverse
from django.utils import translation

from cities.models import CityIndexPage, CityPage
from mc2cm_portal.models import Theme
from tests.admin.accounts import admin_in
from tests.admin_forms import admin_form_data

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
