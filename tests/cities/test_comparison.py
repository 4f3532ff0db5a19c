"""The comparison of the cities: every city, sourced figures, one number format per language."""

import re

import pytest
from django.utils.html import escape

from cities.models import CityComparisonPage, CityFigure, CityIndexPage, CityPage, Measure
from mc2cm_portal.models import HomePage
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def comparison_html(client, language):
    response = client.get(url_in(CityComparisonPage.objects.get(), language))
    assert response.status_code == 200
    return response.content.decode()


def table_for(html, measure):
    section = html.split(f'id="measure-{measure}"')[1].split("</section>")[0]
    return section.split("<table")[1].split("</table>")[0]


def chart_for(html, measure):
    section = html.split(f'id="measure-{measure}"')[1].split("</section>")[0]
    return section.split("<figure")[1].split("</figure>")[0]


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_the_comparison_has_its_own_address_in_each_language(client, language):
    page = CityComparisonPage.objects.get()
    url = url_in(page, language)
    assert url.startswith(url_in(CityIndexPage.objects.get(), language))
    assert url != url_in(CityIndexPage.objects.get(), language)
    assert f'<html lang="{language}"' in comparison_html(client, language)


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_each_table_has_every_city_and_a_caption(client, language):
    html = comparison_html(client, language)
    for measure in Measure.values:
        table = table_for(html, measure)
        assert re.search(r"<caption[^>]*>[^<]+</caption>", table)
        for city in CityPage.objects.all():
            assert escape(getattr(city, f"title_{language}")) in table, (measure, city)


def test_figures_carry_their_year_and_source_and_a_city_without_one_says_so(client):
    html = comparison_html(client, "en")
    table = table_for(html, "foreign_share")
    row = table.split(">Madrid<")[1].split("</tr>")[0]
    assert "just under 13%" in row
    assert "<td>2017</td>" in row
    assert "MC2CM City Migration Profile, Madrid" in row
    beirut = table.split(">Beirut<")[1].split("</tr>")[0]
    assert "No figure recorded" in beirut
    assert "Beirut" in chart_for(html, "foreign_share").split("No figure recorded for:")[1]


def test_only_figures_marked_as_the_same_measure_are_compared(client):
    # Lisbon's metropolitan share (22 %) and Lyon's immigrants (13.6 %) measure other things.
    table = table_for(comparison_html(client, "en"), "foreign_share")
    assert "22%" not in table
    assert "13.6%" not in table
    assert "about 10%" in table.split(">Lisbon<")[1].split("</tr>")[0]


@pytest.mark.parametrize(
    ("language", "population", "share"),
    [
        ("en", "947,952", "0.5%"),
        ("fr", "947\u202f952", "0,5\u202f%"),
        ("ar", "947.952", "0,5%"),
    ],
)
def test_one_number_format_per_language_in_the_chart_and_the_table(
    client, language, population, share
):
    html = comparison_html(client, language)
    for part in (table_for(html, "population"), chart_for(html, "population")):
        assert population in part
    for part in (table_for(html, "foreign_share"), chart_for(html, "foreign_share")):
        assert share in part
    assert "٪" not in html


def test_people_and_per_cents_never_share_a_chart(client):
    html = comparison_html(client, "en")
    chart = chart_for(html, "population")
    assert "%" not in chart
    assert "947,952" in chart


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_the_cities_index_and_the_home_page_link_to_the_comparison_and_show_the_map(
    client, language
):
    comparison = url_in(CityComparisonPage.objects.get(), language)
    index = client.get(url_in(CityIndexPage.objects.get(), language)).content.decode()
    assert f'href="{comparison}"' in index
    assert 'class="city-map"' in index
    home = client.get(url_in(HomePage.objects.get(), language)).content.decode()
    assert f'href="{comparison}"' in home


def test_the_cities_index_still_counts_and_lists_only_cities(client):
    html = client.get(url_in(CityIndexPage.objects.get(), "en")).content.decode()
    assert "10 cities" in html


def test_a_figure_compared_as_a_share_must_be_in_per_cent():
    from django.core.exceptions import ValidationError

    figure = CityFigure(
        city=CityPage.objects.first(),
        label="Foreign residents",
        value=5145,
        unit="people",
        year=2014,
        source="Census",
        measure=Measure.FOREIGN_SHARE,
    )
    with pytest.raises(ValidationError):
        figure.clean()
