"""Queries per page stay small and do not grow with the amount of content."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import CityFigure, CityIndexPage, CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from mc2cm_portal.models import HomePage
from tests.factories import add_page, publication, tr
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db

# A repeat request from an anonymous visitor: the page comes whole from the page cache
# (caching/page_cache.py), keyed on the content version, whose committed value is kept in
# the cache too: no query at all.
CACHED_REPEAT_BUDGET = 0

# A repeat request with the page cache off (a signed-in partner's page, say), the kept lists
# and shared lookups filled. What remains is stock Wagtail finding the page and checking who
# may see it; nothing of Wagtail is replaced to save them:
#   1. the site for the host (Site.find_for_request: one query per request, kept on the
#      request only);
#   2. the home page as its own class (route_for_request: site.root_page.specific);
#   then per level of the address below the home page, two (wagtail-modeltranslation's
#   route, which replaces Page.route to follow translated slugs: the parent's children,
#   then the matching child as its own class);
#   3-4. the view restrictions on the page and its ancestors (Wagtail's
#      check_view_restrictions hook: the ancestors' alias_of, then the restrictions).
# The content version every kept key names comes from the cache (caching/page_cache.py), and
# the menus, breadcrumbs, footer (with the partners and the portal settings), a list's count
# and the lists a page shows too ({% wagtailpagecache %}, {% wagtailcache %},
# caching/navigation.py). So the home page makes 4; below it, four or fewer is out of reach
# with stock routing: a city makes 8, a meeting 11. Only the peer meeting adds one: its host
# city, for the schema.org Event in the page's head (publishing/seo.py).
REPEAT_ANY_PAGE = 4
REPEAT_PER_LEVEL = 2
REPEAT_EXTRA = {"PeerMeetingPage": 1}

# The first request after the cache is emptied (a deploy, or any publish): one-off after
# each change. The repeat's queries, plus the shared lookups (menu, breadcrumbs, partners,
# settings, content types) and what the page's kept parts list, measured per page type.
FIRST_BUDGET = {
    "HomePage": 19,  # pillars (one query per pillar type), the map's cities, the newest
    "InformationPage": 13,
    "CityIndexPage": 19,  # filter choices, the count, a page of cities with their figures
    "CityPage": 22,  # figures, themes, profile, priorities, meetings, projects, their files
    "CityComparisonPage": 17,
    "KnowledgePage": 16,
    "MigrationProfileIndexPage": 20,
    "MigrationProfilePage": 21,
    "PriorityDocumentIndexPage": 20,
    "PriorityDocumentPage": 21,
    "DialoguePage": 16,
    "PeerMeetingIndexPage": 21,  # upcoming and past apart
    "PeerMeetingPage": 24,  # host and participating cities, themes, two publications' files
    "CityNetworkPage": 17,
    "ActionPage": 16,
    "PilotProjectIndexPage": 20,
    "PilotProjectPage": 19,
    "ToolkitIndexPage": 19,
    "ToolkitPage": 21,
}


def repeat_budget(page):
    levels = page.depth - HomePage.objects.get().depth
    return REPEAT_ANY_PAGE + REPEAT_PER_LEVEL * levels + REPEAT_EXTRA.get(type(page).__name__, 0)


def count(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(first), len(queries)


def counts(client):
    # Content types are loaded once per process, the first time a page of that type is
    # shown: not part of what a visitor's request costs, so each page is shown once first.
    pages = one_page_of_each_type()
    for page in pages:
        client.get(url_in(page, "en"))
    return {
        f"{type(page).__name__} {language}": count(client, url_in(page, language))
        for page in pages
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
    budgets = {
        f"{type(page).__name__} {language}": (
            FIRST_BUDGET[type(page).__name__],
            repeat_budget(page),
        )
        for page in one_page_of_each_type()
        for language in ("ar", "en")
    }
    over = {
        name: (counted, budgets[name])
        for name, counted in found.items()
        if counted[0] > budgets[name][0] or counted[1] > budgets[name][1]
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
