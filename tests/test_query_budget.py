"""Queries per page stay small and do not grow with the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import CityFigure, CityIndexPage, CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from tests.factories import add_page, publication, tr
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db

# The most queries a page type may make on a repeat request (page cache off; the site,
# settings, route, menu and breadcrumbs then come from the cache, see routing.py). The city
# page gathers a city's figures, profile, priorities, meetings, projects and all their
# files; the meeting pages their cities, themes and documents; the home page its map.
BUDGET = {"CityPage": 10, "PeerMeetingPage": 9, "HomePage": 8, "PeerMeetingIndexPage": 7}
DEFAULT_BUDGET = 6


def count(client, url):
    client.get(url)  # Wagtail caches the site's root paths on the first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts(client):
    return {
        f"{type(page).__name__} {language}": count(client, url_in(page, language))
        for page in one_page_of_each_type()
        for language in ("ar", "en")
    }


def grow_content():
    """Ten times the demo's cities, and many more meetings and files around Tangier."""
    index = CityIndexPage.objects.get()
    meetings = PeerMeetingIndexPage.objects.get()
    tangier = CityPage.objects.get(slug_en="tangier")
    for number in range(90):
        city = add_page(
            index,
            CityPage,
            f"Growth city {number}",
            f"مدينة {number}",
            f"Ville {number}",
            slug=f"growth-{number}",
            region="europe" if number % 2 else "south_mediterranean",
            latitude="40.5",
            longitude="10.5",
            member_since=2020,
            **tr("country", "Country", "بلد", "Pays"),
        )
        CityFigure.objects.create(
            city=city,
            value=number,
            unit="people",
            year=2020,
            **tr("label", "L"),
            **tr("source", "S"),
        )
    for number in range(30):
        meeting = add_page(
            meetings,
            PeerMeetingPage,
            f"Growth meeting {number}",
            f"اجتماع {number}",
            f"Réunion {number}",
            slug=f"growth-meeting-{number}",
            start_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number),
            host_city=tangier if number % 2 else None,
            background_document=publication(f"Background {number}"),
            **tr("venue", "Somewhere", "مكان", "Quelque part"),
            **tr("summary", "About.", "عن.", "Sur."),
        )
        meeting.participating_cities.add(tangier)
        meeting.save()


def test_every_page_type_stays_within_its_query_budget(client):
    over = {
        name: n
        for name, n in counts(client).items()
        if n > BUDGET.get(name.split()[0], DEFAULT_BUDGET)
    }
    assert over == {}


def test_query_counts_do_not_grow_with_ten_times_the_content(client):
    before = counts(client)
    grow_content()
    assert counts(client) == before
    # The home page stays light: the full count, but a map of the longest-standing members.
    home = client.get("/en/").content.decode()
    assert "The 100 partner cities" in home
    assert 10 <= home.count('class="city-map__city"') <= 40
