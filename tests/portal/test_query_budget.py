"""Queries per page stay small and do not grow with the amount of content."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import CityFigure, CityIndexPage, CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from tests.factories import add_page, publication, tr
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db

# The most queries a page type may make on a repeat request (page cache off; the site,
# settings, route, menu, breadcrumbs and the lists a page shows then come from the cache,
# see routing.py and fragments.py). The search ranks and counts, then loads its page; every
# request reads the content version, a row of its own (models.ContentVersion).
REPEAT_BUDGET = 3
# The first request after the cache is emptied (a deploy, or any publish) fills every
# shared lookup and kept fragment: at most this many queries for any page type. The city
# page, gathering a city's figures, themes, profile, priorities, meetings, projects and all
# their files, is the largest; every page also reads the content version and the partners
# its footer names (kept per content version, so one query after each change).
FIRST_BUDGET = 14


def count(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(first), len(queries)


def counts(client):
    client.get("/en/")  # content types are loaded once per process, with the first request
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
        name: (first, repeat)
        for name, (first, repeat) in counts(client).items()
        if first > FIRST_BUDGET or repeat > REPEAT_BUDGET
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
