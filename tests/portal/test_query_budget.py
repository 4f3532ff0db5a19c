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

# A repeat request from an anonymous visitor: the page comes whole from the page cache
# (caching/page_cache.py); only the content version is read, a row of its own
# (models.ContentVersion).
CACHED_REPEAT_BUDGET = 1
# A repeat request with the page cache off (a page the page cache may not keep): six for
# any page (the content version; Wagtail's site, home page, the page's view restrictions in
# two queries, the portal settings), and two per level of the address below the home page
# (wagtail-modeltranslation's route: a parent's children, then the page in its own class).
# The menus, breadcrumbs, footer, a list's count and the lists a page shows come from the
# cache ({% wagtailpagecache %}, caching/navigation.py). The deepest page, a meeting, makes 13.
REPEAT_BUDGET = 13
# The first request after the cache is emptied (a deploy, or any publish) fills every
# shared lookup and kept fragment: one-off after each change. A meeting, with its cities,
# themes and files, and the city page, gathering a city's figures, themes, profile,
# priorities, meetings, projects and all their files, are the largest.
FIRST_BUDGET = 24


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


def cached_repeat_counts(client, settings):
    settings.MC2CM_PAGE_CACHE = True
    found = {}
    for page in one_page_of_each_type():
        for language in ("ar", "en"):
            url = url_in(page, language)
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response["X-Page-Cache"] == "hit", url
            found[f"{type(page).__name__} {language}"] = len(queries)
    settings.MC2CM_PAGE_CACHE = False
    return found


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


def test_every_page_type_stays_within_its_query_budget(client, settings):
    found = counts(client)
    print("first and repeat queries:", found)  # noqa: T201 - the figures the README gives
    over = {
        name: (first, repeat)
        for name, (first, repeat) in found.items()
        if first > FIRST_BUDGET or repeat > REPEAT_BUDGET
    }
    assert over == {}
    assert set(cached_repeat_counts(client, settings).values()) == {CACHED_REPEAT_BUDGET}


def test_query_counts_do_not_grow_with_ten_times_the_content(client, settings):
    before = counts(client)
    cached_before = cached_repeat_counts(client, settings)
    grow_content()
    assert counts(client) == before
    assert cached_repeat_counts(client, settings) == cached_before
    # The home page stays light: the full count, but a map of the longest-standing members.
    home = client.get("/en/").content.decode()
    assert "The 100 partner cities" in home
    assert 10 <= home.count('class="city-map__city"') <= 40
