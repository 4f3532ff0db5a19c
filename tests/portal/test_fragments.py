"""Kept fragments ({% wagtailpagecache %}, caching/fragments.py): fast repeat visits, never stale,
never shared wrongly.

The page cache is off here (as in the test settings): what is checked is the city page's
related lists, rendered once per content version and language and kept.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cities.models import CityFigure, CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from knowledge.models import MigrationProfilePage
from tests.factories import add_city, add_page, keep_files_in, partners_collection, tr
from tests.pages import url_in
from tests.staff import edit_form, staff_client

pytestmark = pytest.mark.django_db


def tangier():
    return CityPage.objects.get(slug_en="tangier")


def add_meeting(english, arabic, french, start_date):
    """A meeting hosted by Tangier, published under the meetings index."""
    return add_page(
        PeerMeetingIndexPage.objects.get(),
        PeerMeetingPage,
        english,
        arabic,
        french,
        start_date=start_date,
        host_city=tangier(),
        **tr("summary", "A meeting.", "اجتماع.", "Une réunion."),
    )


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def city_names(page_html):
    """The cities a list shows, in its order."""
    names = re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', page_html)
    assert names, "no city in the list"
    return names


def test_a_repeat_visit_renders_the_same_page_without_querying_its_lists(client):
    url = url_in(tangier(), "ar")
    with CaptureQueriesContext(connection) as first_queries:
        first = html(client, url)
    with CaptureQueriesContext(connection) as repeat_queries:
        repeat = html(client, url)
    assert repeat == first
    tables = " ".join(query["sql"] for query in repeat_queries.captured_queries)
    for table in ("cities_cityfigure", "dialogue_peermeetingpage", "publicationfile"):
        assert table in " ".join(q["sql"] for q in first_queries.captured_queries)
        assert table not in tables


def test_each_language_keeps_its_own_fragment(client):
    city = add_city("Valencia", "فالنسيا", "Valence", figures=2)
    pages = {language: html(client, url_in(city, language)) for language in ("ar", "fr", "en")}
    assert "أرقام رئيسية" in pages["ar"]
    assert "Chiffres clés" in pages["fr"]
    assert "Key figures" in pages["en"]
    assert "Key figures" not in pages["ar"] + pages["fr"]


def test_a_meeting_published_elsewhere_shows_on_the_city_page_at_once(client):
    city = tangier()
    url = url_in(city, "en")
    assert "Growth of the network" not in html(client, url)
    add_meeting(
        "Growth of the network", "نمو الشبكة", "Croissance du réseau", datetime.date(2026, 5, 4)
    )
    assert "Growth of the network" in html(client, url)


def test_a_changed_figure_shows_at_once(client):
    city = add_city("Valencia", "فالنسيا", "Valence", figures=1)
    url = url_in(city, "fr")
    assert "Population" in html(client, url)  # kept
    figure = CityFigure.objects.get(city=city)
    figure.label_fr = "Résidents comptés autrement"
    figure.save()
    CityPage.objects.get(pk=city.pk).save_revision().publish()
    assert "Résidents comptés autrement" in html(client, url)


def test_a_signed_in_partner_never_gets_the_anonymous_locked_links(client, partner):
    profile = MigrationProfilePage.objects.get(city=tangier())
    keep_files_in(profile.publication, partners_collection())
    documents = [file.document.url for file in profile.publication.files.all()]
    assert documents
    url = url_in(tangier(), "en")

    anonymous = html(client, url)
    assert "Partners only — sign in to download" in anonymous
    assert all(f'href="{document}"' not in anonymous for document in documents)

    client.force_login(partner)
    signed_in = html(client, url)
    assert all(f'href="{document}"' in signed_in for document in documents)

    client.logout()
    assert html(client, url).count("Partners only — sign in to download") == anonymous.count(
        "Partners only — sign in to download"
    )


def test_a_preview_shows_the_draft_not_the_kept_fragment(client):
    city = tangier()
    html(client, url_in(city, "en"))  # the published lists are now kept
    editor = staff_client("edna", "Editors")
    data = edit_form(editor, city)
    label = next(name for name in data if name.startswith("figures-0-label_en"))
    data[label] = "A figure only in the draft"
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[city.pk])
    assert editor.post(preview_url, data).json()["is_valid"]
    preview = editor.get(preview_url).content.decode()
    assert "A figure only in the draft" in preview
    # And the draft never reaches visitors.
    assert "A figure only in the draft" not in html(client, url_in(city, "en"))


def test_a_filtered_page_of_a_list_is_kept_and_a_made_up_query_is_not(client, cache_keys):
    from cities.models import CityIndexPage

    def kept_listing_fragments():
        return [key for key in cache_keys() if ":template.cache.listing." in key]

    url = url_in(CityIndexPage.objects.get(), "en")
    europe = html(client, f"{url}?region=europe")
    assert len(kept_listing_fragments()) == 1
    with CaptureQueriesContext(connection) as queries:
        assert html(client, f"{url}?region=europe") == europe
    assert "cities_citypage" not in " ".join(q["sql"] for q in queries.captured_queries)
    south = html(client, f"{url}?region=south_mediterranean")
    assert south != europe
    assert len(kept_listing_fragments()) == 2
    # Anything but the list's own parameters is answered with every city, but never kept.
    everything = html(client, url)
    assert len(kept_listing_fragments()) == 3
    for made_up in ("utm_source=x", "region=nowhere", "page=abc", "region=europe&region=x"):
        answered = html(client, f"{url}?{made_up}")
        assert city_names(answered) == city_names(everything), made_up
    assert len(kept_listing_fragments()) == 3


def test_a_new_city_shows_in_the_kept_list_at_once(client):
    from cities.models import CityIndexPage

    url = url_in(CityIndexPage.objects.get(), "fr")
    assert "Valence" not in html(client, url)
    add_page(
        CityIndexPage.objects.get(),
        CityPage,
        "Valencia",
        "فالنسيا",
        "Valence",
        region="europe",
        latitude="39.47",
        longitude="-0.38",
        member_since=2024,
        **tr("country", "Spain", "إسبانيا", "Espagne"),
    )
    assert "Valence" in html(client, url)


def upcoming_section(page_html):
    """The upcoming meetings, or "" when there are none (the section is then left out)."""
    if 'id="upcoming-heading"' not in page_html:
        return ""
    return page_html.split('id="upcoming-heading"')[1].split("</section>")[0]


def test_a_kept_meeting_list_moves_a_meeting_to_the_past_at_midnight(client, monkeypatch):
    from dialogue import models as dialogue_models

    today = datetime.date.today()
    add_meeting(
        "Meeting of tomorrow",
        "اجتماع الغد",
        "Réunion de demain",
        today + datetime.timedelta(days=1),
    )
    url = url_in(PeerMeetingIndexPage.objects.get(), "en")
    monkeypatch.setattr(dialogue_models.timezone, "localdate", lambda: today)
    assert "Meeting of tomorrow" in upcoming_section(html(client, url))
    assert "Meeting of tomorrow" in upcoming_section(html(client, url))  # kept
    monkeypatch.setattr(
        dialogue_models.timezone, "localdate", lambda: today + datetime.timedelta(days=2)
    )
    page_html = html(client, url)
    assert "Meeting of tomorrow" not in upcoming_section(page_html)
    assert "Meeting of tomorrow" in page_html  # now among the past meetings


def test_fragments_can_be_switched_off(client, settings):
    settings.MC2CM_FRAGMENT_CACHE = False
    url = url_in(tangier(), "en")
    html(client, url)
    with CaptureQueriesContext(connection) as queries:
        html(client, url)
    assert "cities_cityfigure" in " ".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize(
    ("model_name", "per_page", "pages"),
    [("PeerMeetingIndexPage", 2, None), ("CityNetworkPage", 4, 3)],
)
def test_a_later_page_of_a_kept_list_has_its_own_canonical_address(
    client, monkeypatch, model_name, per_page, pages
):
    from dialogue import models as dialogue_models

    model = getattr(dialogue_models, model_name)
    monkeypatch.setattr(model, "per_page", per_page)
    url = url_in(model.objects.get(), "en")
    for _ in range(2):  # rendered, then kept
        second = html(client, f"{url}?page=2")
        assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in second
        assert f"Page 2 of {pages or ''}" in second
