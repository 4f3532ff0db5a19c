"""Staff see each page under its title in their own admin language, whoever saved it last.

Wagtail shows a page in the admin by ``draft_title``, one column, which a save writes in
the language of whoever saved. Staff here work in Arabic, French and English side by side.
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from cities.models import CityIndexPage, CityPage
from tests.admin.accounts import admin_in
from tests.staff import edit_form, edit_url, post_edit

pytestmark = pytest.mark.django_db

# A city whose title differs in the three languages.
CITY = "tangier"


@pytest.fixture
def city():
    page = CityPage.objects.get(slug_en=CITY)
    assert len({page.title_ar, page.title_fr, page.title_en}) == 3
    return page


def publish_in_arabic(city):
    """The city as a moderator working in the Arabic admin leaves it: published by them."""
    arabic = admin_in("ar", "amal")
    response = post_edit(arabic, city, edit_form(arabic, city), **{"action-publish": "1"})
    assert response.status_code == 302
    city.refresh_from_db()
    # What Wagtail keeps in its one column: the Arabic title.
    assert city.draft_title == city.title_ar


def heading(html):
    return unescape(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dashboard_listing_edit_and_history_name_the_page_in_the_viewers_language(city, language):
    title = getattr(city, f"title_{language}")
    viewer = admin_in(language)
    # The viewer edits the city (a draft), then a colleague in the Arabic admin publishes.
    post_edit(viewer, city, edit_form(viewer, city))
    publish_in_arabic(city)

    dashboard = unescape(viewer.get(reverse("wagtailadmin_home")).content.decode())
    recent = dashboard[dashboard.index(edit_url(city)) :][:400]
    assert title in recent
    assert city.title_ar not in dashboard
    listing = viewer.get(
        reverse("wagtailadmin_explore", args=[CityIndexPage.objects.get().pk])
    ).content.decode()
    assert title in unescape(listing)
    assert city.title_ar not in unescape(listing)
    assert title in heading(viewer.get(edit_url(city)).content.decode())
    history = viewer.get(reverse("wagtailadmin_pages:history", args=[city.pk])).content.decode()
    assert title in heading(history)
    assert city.title_ar not in heading(history)


def test_a_draft_that_renames_the_page_shows_its_new_title(city):
    """A draft's new title is the change waiting for review: shown, as Wagtail does, until
    published."""
    editor = admin_in("fr", "florence")
    data = edit_form(editor, city)
    data["title_fr"] = "Tanger, ville du détroit"
    post_edit(editor, city, data)
    city.refresh_from_db()
    english = admin_in("en")
    listing = english.get(
        reverse("wagtailadmin_explore", args=[CityIndexPage.objects.get().pk])
    ).content.decode()
    assert "Tanger, ville du détroit" in unescape(listing)
