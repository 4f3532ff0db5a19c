"""Each language's fields in a panel of their own, in every page and snippet edit form, so an
editor working in Arabic can collapse French and English (static/js/language_groups.js
remembers it; tests/browser/test_admin_snippets.py clicks it)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cities.models import CityPage
from mc2cm_portal.models import HomePage, Partner
from tests import LANGUAGES
from tests.admin.accounts import admin_in

pytestmark = pytest.mark.django_db
HEADINGS = {
    "en": {"ar": "Arabic", "fr": "French", "en": "English"},
    "fr": {"ar": "Arabe", "fr": "Français", "en": "Anglais"},
    "ar": {"ar": "العربية", "fr": "الفرنسية", "en": "الإنجليزية"},
}


def language_sections(html):
    """The collapsible sections at the top of the form's tabs, by language."""
    sections = {code: [] for code in LANGUAGES}
    for section in BeautifulSoup(html, "html.parser").select("section[data-language-group]"):
        sections[section["data-language-group"]].append(section)
    return sections


def input_names(element):
    return {field["name"] for field in element.select("[name]")}


@pytest.mark.parametrize("admin_language", ["en", "fr", "ar"])
def test_a_city_form_has_one_collapsible_section_per_language(admin_language):
    city = CityPage.objects.get(slug_en="tangier")
    html = admin_in(admin_language).get(reverse("wagtailadmin_pages:edit", args=[city.pk]))
    sections = language_sections(html.content.decode())
    for code in LANGUAGES:
        content, promote = sections[code]  # one in each tab that has translated fields
        # A real button, named by the language's heading, that says whether it is open.
        toggle = content.select_one("button[data-panel-toggle]")
        assert toggle["aria-expanded"] == "true"
        heading = content.select_one("[data-panel-heading-text]").get_text(strip=True)
        assert heading == HEADINGS[admin_language][code]
        assert {f"{name}_{code}" for name in ("title", "country", "official_name")} <= (
            input_names(content)
        )
        assert {f"{name}_{code}" for name in ("slug", "seo_title")} <= input_names(promote)
        # Only that language's fields, nothing shared.
        others = {name for name in input_names(content) if not name.endswith(f"_{code}")}
        assert not others - {f"portrait_{code}"}, others
    page = BeautifulSoup(html.content.decode(), "html.parser")
    shared = input_names(page.select_one("form#page-edit-form")) - set().union(
        *(input_names(section) for group in sections.values() for section in group)
    )
    assert {"region", "latitude", "member_since"} <= shared
    # Each key figure's label and source are in parts of their language.
    figure = page.select_one("[data-inline-panel-child]")
    for code in LANGUAGES:
        part = figure.select_one(f"[data-language-group='{code}']")
        assert {name.split("-")[-1] for name in input_names(part)} == {
            f"label_{code}",
            f"source_{code}",
        }
    assert "js/language_groups.js" in html.content.decode()


def test_home_page_and_partner_forms_are_grouped_too(admin_client):
    home = HomePage.objects.get()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    arabic = language_sections(html)["ar"][0]
    assert {"title_ar", "tagline_ar", "why_ar", "how_ar"} <= input_names(arabic)
    # The group keeps the heading of the fields it took them from.
    assert "About the project" in arabic.get_text()

    partner = Partner.objects.first()
    url = reverse("wagtailsnippets_mc2cm_portal_partner:edit", args=[partner.pk])
    sections = language_sections(admin_client.get(url).content.decode())
    assert [input_names(sections[code][0]) for code in LANGUAGES] == [
        {f"name_{code}", f"acronym_{code}", f"description_{code}"} for code in LANGUAGES
    ]
    assert "js/language_groups.js" in admin_client.get(url).content.decode()
