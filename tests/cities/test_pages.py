"""A city page shows everything linked to the city, and every linked page links back."""

import datetime

import pytest
from django.utils.html import escape

from action.models import PilotProjectPage
from cities.models import CityIndexPage, CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from knowledge.models import MigrationProfilePage, PriorityDocumentPage
from tests.factories import add_page, tr
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def city(slug):
    return CityPage.objects.get(slug_en=slug)


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_city_page_lists_its_profile_priorities_meetings_and_projects(client, language):
    tangier = city("tangier")
    html = client.get(url_in(tangier, language)).content.decode()
    linked = [
        MigrationProfilePage.objects.get(city=tangier),
        PriorityDocumentPage.objects.get(city=tangier),
        PeerMeetingPage.objects.get(host_city=tangier),
        PilotProjectPage.objects.get(city=tangier),
    ]
    for page in linked:
        assert f'href="{url_in(page, language)}"' in html, page.title
        assert escape(getattr(page, f"title_{language}")) in html


@pytest.mark.parametrize(
    "model", [MigrationProfilePage, PriorityDocumentPage, PilotProjectPage, PeerMeetingPage]
)
def test_linked_pages_link_back_to_their_city(client, model):
    tangier = city("tangier")
    lookup = {"host_city": tangier} if model is PeerMeetingPage else {"city": tangier}
    page = model.objects.get(**lookup)
    for language in ("ar", "fr", "en"):
        html = client.get(url_in(page, language)).content.decode()
        assert f'href="{url_in(tangier, language)}"' in html


def test_meetings_a_city_attended_are_listed_apart_from_those_it_hosted(client):
    vienna, lyon = city("vienna"), city("lyon")
    index = PeerMeetingIndexPage.objects.get()
    meeting = add_page(
        index,
        PeerMeetingPage,
        "Test meeting on schools",
        "اجتماع تجريبي",
        "Réunion test",
        slug="test-meeting",
        start_date=datetime.date(2030, 5, 4),
        host_city=lyon,
        **tr("summary", "About schools.", "عن المدارس.", "Sur les écoles."),
    )
    meeting.participating_cities.add(vienna)
    meeting.save()
    html = client.get(url_in(vienna, "en")).content.decode()
    attended = html.split("Attended by the city")[1]
    assert url_in(meeting, "en") in attended
    meeting_html = client.get(url_in(meeting, "en")).content.decode()
    assert f'href="{url_in(vienna, "en")}"' in meeting_html
    assert f'href="{url_in(lyon, "en")}"' in meeting_html


def test_unpublished_linked_pages_are_not_shown(client):
    tangier = city("tangier")
    project = PilotProjectPage.objects.get(city=tangier)
    project.unpublish()
    html = client.get(url_in(tangier, "en")).content.decode()
    assert url_in(project, "en") not in html
    assert "No pilot project is recorded for this city yet." in html


def test_a_city_without_publications_figures_or_projects_says_so(client):
    sfax = city("sfax")
    assert not sfax.figures.exists()
    html = client.get(url_in(sfax, "en")).content.decode()
    assert "Key figures" not in html
    assert "No migration profile or priority document has been published" in html
    # Sfax hosted the 2019 meeting and runs a pilot project: those are shown.
    assert url_in(PeerMeetingPage.objects.get(host_city=sfax), "en") in html
    assert url_in(PilotProjectPage.objects.get(city=sfax), "en") in html


@pytest.mark.parametrize(
    ("language", "population", "share"),
    [("en", "947,952", "0.5%"), ("fr", "947\u202f952", "0,5\u202f%"), ("ar", "947.952", "0,5%")],
)
def test_key_figures_show_value_year_and_source_in_the_readers_format(
    client, language, population, share
):
    tangier = city("tangier")
    html = client.get(url_in(tangier, language)).content.decode()
    table = html.split('<table class="figures">')[1].split("</table>")[0]
    assert population in table
    assert share in table
    assert "<td>2014</td>" in table
    for figure in tangier.figures.all():
        assert escape(getattr(figure, f"source_{language}")) in table


def test_cities_index_groups_the_ten_cities_by_region(client):
    index = CityIndexPage.objects.get()
    html = client.get(url_in(index, "en")).content.decode()
    europe, south = html.split("<h2")[1:3]
    for slug in ("lisbon", "lyon", "madrid", "turin", "vienna"):
        assert url_in(city(slug), "en") in europe
    for slug in ("amman", "beirut", "tangier", "tunis", "sfax"):
        assert url_in(city(slug), "en") in south
