"""Filters work as plain links and forms (no JavaScript) and shrug off bad values."""

import datetime
import re

import pytest
from django.utils.html import escape

from action.models import PilotProjectIndexPage, PilotProjectPage, ToolkitIndexPage, ToolkitPage
from cities.models import CityIndexPage, CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def get(client, page, lang="en", **params):
    response = client.get(url_in(page, lang), params)
    assert response.status_code == 200
    return response.content.decode()


def listed(html, pages, language="en"):
    return {page.slug_en for page in pages if f'href="{url_in(page, language)}"' in html}


def test_cities_filter_by_region(client):
    index = CityIndexPage.objects.get()
    cities = CityPage.objects.all()
    html = get(client, index, region="south_mediterranean")
    assert listed(html, cities) == {"amman", "beirut", "tangier", "tunis", "sfax"}
    assert '<option value="south_mediterranean" selected>' in html


def test_cities_filter_by_theme(client):
    index = CityIndexPage.objects.get()
    city = CityPage.objects.filter(themes__isnull=False).first()
    theme = city.themes.first()
    html = get(client, index, "fr", theme=theme.slug)
    expected = {c.slug_en for c in CityPage.objects.filter(themes=theme)}
    assert listed(html, CityPage.objects.all(), "fr") == expected
    assert 0 < len(expected) < 10


def test_meetings_filter_by_city_hosted_or_attended(client):
    index = PeerMeetingIndexPage.objects.get()
    html = get(client, index, city="tangier")
    assert listed(html, PeerMeetingPage.objects.all()) == {"tangier-2016"}


def test_meetings_are_split_into_upcoming_and_past(client):
    index = PeerMeetingIndexPage.objects.get()
    html = get(client, index)
    # No upcoming meeting: no empty "Upcoming meetings" heading opens the page.
    assert 'id="upcoming-heading"' not in html
    assert "Upcoming meetings" not in html
    assert len(listed(html.split('id="past-heading"')[1], PeerMeetingPage.objects.all())) == 11

    soon = PeerMeetingPage.objects.get(slug_en="sfax-2019")
    soon.start_date = soon.end_date = datetime.date.today() + datetime.timedelta(days=30)
    soon.save_revision().publish()
    html = get(client, index)
    upcoming, past = html.split('id="past-heading"')
    assert 'id="upcoming-heading"' in upcoming
    assert listed(upcoming, PeerMeetingPage.objects.all()) == {"sfax-2019"}
    assert len(listed(past, PeerMeetingPage.objects.all())) == 10


def options(html, name):
    select = html.split(f'<select id="filter-{name}"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([^"]*)"', select)


def test_filters_offer_only_options_with_results(client):
    # Beirut hosted a meeting; Quito's side event had no partner city host, and no
    # theme is unused in the demo: remove one to see it leave the list.
    meetings = PeerMeetingIndexPage.objects.get()
    html = get(client, meetings)
    hosts = set(
        PeerMeetingPage.objects.exclude(host_city=None).values_list("host_city__slug_en", flat=True)
    )
    assert set(options(html, "city")) - {""} == hosts
    for value in options(html, "theme")[1:]:
        assert listed(get(client, meetings, theme=value), PeerMeetingPage.objects.all()), value
    for value in options(html, "city")[1:]:
        assert listed(get(client, meetings, city=value), PeerMeetingPage.objects.all()), value

    projects = PilotProjectIndexPage.objects.get()
    html = get(client, projects)
    assert options(html, "status") == ["", "completed"]  # no project is planned or ongoing
    assert set(options(html, "city")) == {"", "tangier", "beirut", "sfax"}


def test_a_theme_no_page_of_a_list_has_is_not_offered_there(client):
    from mc2cm_portal.models import Theme

    unused = Theme.objects.create(slug="unused-theme", name="Unused theme")
    html = get(client, CityIndexPage.objects.get())
    assert unused.slug not in options(html, "theme")
    city = CityPage.objects.get(slug_en="tunis")
    city.themes.add(unused)
    city.save_revision().publish()
    html = get(client, CityIndexPage.objects.get())
    assert unused.slug in options(html, "theme")


def test_a_filter_with_nothing_to_choose_is_not_shown(client):
    """No migration profile has a theme: a Theme drop-down offering only "All themes"
    would narrow nothing. It appears with the first profile given a theme."""
    from knowledge.models import MigrationProfileIndexPage, MigrationProfilePage
    from mc2cm_portal.models import Theme

    profiles = MigrationProfileIndexPage.objects.get()
    assert not MigrationProfilePage.objects.filter(themes__isnull=False).exists()
    html = get(client, profiles)
    assert 'id="filter-city"' in html
    assert 'id="filter-theme"' not in html
    profile = MigrationProfilePage.objects.live().order_by("path").first()
    theme = Theme.objects.filter(live=True).order_by("slug").first()
    profile.themes.add(theme)
    profile.save_revision().publish()
    assert theme.slug in options(get(client, profiles), "theme")


@pytest.mark.parametrize(
    ("page_model", "name", "french"),
    [
        (CityIndexPage, "region", "Toutes les régions"),
        (CityIndexPage, "theme", "Tous les thèmes"),
        (PeerMeetingIndexPage, "city", "Toutes les villes"),
        (PilotProjectIndexPage, "status", "Tous les statuts"),
        (ToolkitIndexPage, "language", "Toutes les langues"),
    ],
)
def test_the_all_option_agrees_with_the_french_noun(client, page_model, name, french):
    html = get(client, page_model.objects.get(), "fr")
    select = html.split(f'<select id="filter-{name}"', 1)[1]
    assert f'<option value="">{french}</option>' in select


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_theme_tags_link_to_the_list_filtered_by_that_theme(client, language):
    meeting = PeerMeetingPage.objects.get(slug_en="tangier-2016")
    html = get(client, meeting, language)
    tags = html.split('class="tag-list"', 1)[1].split("</ul>", 1)[0]
    index_url = url_in(PeerMeetingIndexPage.objects.get(), language)
    for theme in meeting.themes.all():
        link = f'href="{index_url}?theme={theme.slug}"'
        assert link in tags
        target = get(client, PeerMeetingIndexPage.objects.get(), language, theme=theme.slug)
        assert f'href="{url_in(meeting, language)}"' in target
    city = CityPage.objects.get(slug_en="tangier")
    tags = get(client, city, language).split('class="tag-list"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{url_in(CityIndexPage.objects.get(), language)}?theme=' in tags


def test_pilot_projects_filter_by_city_and_status(client):
    index = PilotProjectIndexPage.objects.get()
    projects = PilotProjectPage.objects.all()
    assert listed(get(client, index, city="sfax"), projects) == {"acmals"}
    assert listed(get(client, index, status="ongoing"), projects) == set()
    assert "Nothing matches these filters." in get(client, index, status="ongoing")
    assert len(listed(get(client, index, status="completed"), projects)) == 3


def test_toolkits_filter_by_document_language(client):
    index = ToolkitIndexPage.objects.get()
    toolkits = ToolkitPage.objects.all()
    assert len(listed(get(client, index, language="ar"), toolkits)) == 2
    publication = toolkits[0].publication
    publication.files.filter(language="ar").delete()
    assert listed(get(client, index, language="ar"), toolkits) == {toolkits[1].slug_en}


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"theme": "<script>"},
        {"city": "\x00"},
        {"status": ["ongoing", "completed"]},
        {"page": "-3", "region": "europe"},
    ],
)
def test_unknown_filter_values_show_the_whole_list(client, params):
    index = CityIndexPage.objects.get()
    response = client.get(url_in(index, "ar"), params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_city_page_charts_its_figures_next_to_the_table(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    html = get(client, tangier, "ar")
    chart = html.split('<div class="figure-chart">')[1].split('<table class="figures">')[0]
    assert chart.count('class="figure-chart__row"') == tangier.figures.count()
    assert 'aria-hidden="true"' in chart  # bars are decoration; the numbers are text
    # The share is drawn against 100 %: 0.5 % is a bar of 0.5.
    assert '<rect class="figure-chart__fill" width="0.5"' in chart
    for figure in tangier.figures.all():
        assert escape(figure.label_ar) in chart


@pytest.fixture
def many_cities(monkeypatch):
    """As if the network had more cities than a drop-down list can sensibly hold."""
    monkeypatch.setattr("mc2cm_portal.listings.filters.MAX_SELECT_CHOICES", 3)


def test_with_many_cities_visitors_type_the_city_name(client, many_cities):
    index = PeerMeetingIndexPage.objects.get()
    html = get(client, index, "fr", city="tanger")
    assert 'type="search" value="Tanger"' in html
    assert '<select id="filter-city"' not in html
    assert listed(html, PeerMeetingPage.objects.all(), "fr") == {"tangier-2016"}
    # The slug still works, as in the links from city pages.
    assert listed(get(client, index, city="tangier"), PeerMeetingPage.objects.all()) == {
        "tangier-2016"
    }


def test_a_typed_name_that_matches_no_city_says_so_and_shows_all(client, many_cities):
    index = PeerMeetingIndexPage.objects.get()
    html = get(client, index, "en", city='Atlantis"><script>')
    assert "No match for" in html
    assert "<script>" not in html.split("<main", 1)[1]
    assert len(listed(html, PeerMeetingPage.objects.all())) > 1


def test_a_short_city_list_stays_a_drop_down(client):
    html = get(client, PeerMeetingIndexPage.objects.get())
    assert '<select id="filter-city" name="city">' in html
