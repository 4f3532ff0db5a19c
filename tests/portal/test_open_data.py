"""Open data: the read-only API at /api/v2/ and the key figures as a CSV download."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Page

from cities.models import CityFigure, CityPage
from tests import LANGUAGES
from tests.factories import add_city
from tests.pages import url_in

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def api(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response, response.json()


# --- API --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_listing_answers_in_the_language_asked_for(client, language):
    pages = Page.objects.live().public().filter(depth__gt=1)
    items = []
    while len(items) < pages.count():
        response, data = api(client, f"/api/v2/pages/?lang={language}&offset={len(items)}")
        assert response["Content-Language"] == language
        assert data["meta"]["total_count"] == pages.count()
        assert data["items"]
        items += data["items"]
    titles = {item["id"]: item["title"] for item in items}
    urls = {item["id"]: item["meta"]["html_url"] for item in items}
    for page in pages:
        assert titles[page.pk] == getattr(page, f"title_{language}")
        assert urls[page.pk] == HOST + url_in(page, language)


def test_api_follows_the_browser_language_without_lang(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    response, data = api(client, "/api/v2/cities/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response["Content-Language"] == "ar"
    assert "Accept-Language" in response["Vary"]
    titles = [item["title"] for item in data["items"]]
    assert tangier.title_ar in titles
    # ?lang= wins over the header; an unknown ?lang= is ignored.
    _response, data = api(client, "/api/v2/cities/?lang=fr", HTTP_ACCEPT_LANGUAGE="ar")
    assert tangier.title_fr in [item["title"] for item in data["items"]]
    response, _data = api(client, "/api/v2/cities/?lang=de", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "fr"


def test_cities_endpoint_lists_the_cities_with_place_and_figures_in_french(client):
    _response, data = api(client, "/api/v2/cities/?lang=fr")
    cities = {city.pk: city for city in CityPage.objects.live().prefetch_related("figures")}
    assert data["meta"]["total_count"] == len(cities) > 0
    for item in data["items"]:
        city = cities[item["id"]]
        assert item["meta"]["type"] == "cities.CityPage"
        assert item["title"] == city.title_fr
        assert item["country"] == city.country_fr
        assert item["region"] == city.region
        assert item["latitude"] == float(city.latitude)
        assert item["longitude"] == float(city.longitude)
        assert item["member_since"] == city.member_since
        assert item["meta"]["html_url"] == HOST + url_in(city, "fr")
        figures = list(city.figures.all())
        assert [f["label"] for f in item["figures"]] == [f.label_fr for f in figures]
        assert [f["value"] for f in item["figures"]] == [float(f.value) for f in figures]
        assert [f["year"] for f in item["figures"]] == [f.year for f in figures]
    labels = {item["region_label"] for item in data["items"]}
    assert labels == {"Europe", "Sud de la Méditerranée"}


def test_city_detail_and_cities_only(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    _response, data = api(client, f"/api/v2/cities/{tangier.pk}/?lang=ar")
    assert data["title"] == tangier.title_ar
    assert data["country"] == tangier.country_ar
    assert len(data["figures"]) == tangier.figures.count() > 0
    # The pages listing points at the richer cities endpoint for a city.
    _response, pages = api(client, "/api/v2/pages/?lang=en&type=cities.CityPage")
    assert {item["meta"]["detail_url"].split("/api/v2/")[1] for item in pages["items"]} == {
        f"cities/{city.pk}/" for city in CityPage.objects.live()
    }
    # Other page types are not reachable through the cities endpoint.
    response = client.get("/api/v2/cities/?type=dialogue.PeerMeetingPage")
    assert response.status_code == 400
    home = Page.objects.get(depth=2)
    assert client.get(f"/api/v2/cities/{home.pk}/").status_code == 404


def test_documents_listing(client):
    _response, data = api(client, "/api/v2/documents/?lang=fr")
    # Only what anyone may download (test_privacy.py): the demo's Public collection.
    public = get_document_model().objects.filter(collection__name="Public")
    assert data["meta"]["total_count"] == public.count() > 0
    assert all(item["meta"]["download_url"] for item in data["items"])


@pytest.mark.parametrize("endpoint", ["pages", "cities", "documents"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, endpoint, method):
    response = getattr(client, method)(f"/api/v2/{endpoint}/", {}, content_type="application/json")
    assert response.status_code == 405
    first = client.get(f"/api/v2/{endpoint}/").json()["items"][0]["id"]
    response = getattr(client, method)(
        f"/api/v2/{endpoint}/{first}/", {}, content_type="application/json"
    )
    assert response.status_code == 405


def test_unpublished_cities_are_not_in_the_api(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    tangier.unpublish()
    _response, data = api(client, "/api/v2/cities/")
    assert tangier.pk not in [item["id"] for item in data["items"]]
    assert client.get(f"/api/v2/cities/{tangier.pk}/").status_code == 404


# --- CSV --------------------------------------------------------------------------------


def download(client, language, django_assert_max_num_queries=None):
    url = f"/{language}/open-data/city-figures.csv"
    if django_assert_max_num_queries:
        with django_assert_max_num_queries(4):
            response = client.get(url)
    else:
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response


def rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_figures_csv_has_a_row_per_figure(client, language):
    add_city("Valencia", "فالنسيا", "Valence", figures=0)
    response = download(client, language)
    assert response["Content-Disposition"] == (
        f'attachment; filename="mc2cm-city-figures-{language}.csv"'
    )
    header, *body = rows(response)
    assert len(header) == 10
    assert body
    assert all(len(row) == 10 for row in body)
    without_figures = [c for c in CityPage.objects.live() if not c.figures.exists()]
    assert "Valencia" in {c.title_en for c in without_figures}
    assert len(body) == CityFigure.objects.count() + len(without_figures)
    cities = {row[0] for row in body}
    assert cities == {getattr(c, f"title_{language}") for c in CityPage.objects.live()}
    for city in without_figures:
        (row,) = [row for row in body if row[0] == getattr(city, f"title_{language}")]
        assert row[3]  # says there is no figure
        assert row[4:] == [""] * 6


def test_csv_header_and_labels_follow_the_language(client):
    add_city("Valencia", "فالنسيا", "Valence", figures=1)
    french_header, *french = rows(download(client, "fr"))
    english_header, *_english = rows(download(client, "en"))
    assert french_header != english_header
    assert {"Indicateur", "Valeur", "Année", "Source"} <= set(french_header)
    figure = CityFigure.objects.select_related("city").get(city__title_en="Valencia")
    (row,) = [row for row in french if row[0] == "Valence"]
    assert row[3] == figure.label_fr == "Population"
    assert row[5] == "102020"
    assert row[0] == figure.city.title_fr
    assert row[1] == figure.city.country_fr
    assert row[4] == ""  # an exact figure: no "about" or "more than"
    assert row[7] == str(figure.year)
    assert row[8] == figure.source_fr


def test_arabic_csv_has_arabic_city_names(client):
    _header, *body = rows(download(client, "ar"))
    tangier = CityPage.objects.get(slug_en="tangier")
    assert tangier.title_ar in {row[0] for row in body}
    assert any("\u0600" <= char <= "\u06ff" for char in body[0][0])
    assert "Tangier" not in {row[0] for row in body}


def test_a_repeat_csv_download_stays_within_its_query_budget(client, django_assert_max_num_queries):
    download(client, "en")  # fills what a process looks up once (content types)
    download(client, "en", django_assert_max_num_queries)


def test_csv_query_count_does_not_grow_with_cities(client):
    """The same number of queries for one more city as for four more."""
    download(client, "en")  # fills what a process looks up once (content types)
    add_city("Valencia", figures=3)
    with CaptureQueriesContext(connection) as with_one_more:
        download(client, "en")
    for name in ("Bologna", "Turin", "Seville"):
        add_city(name, figures=3)
    with CaptureQueriesContext(connection) as with_four_more:
        _header, *body = rows(download(client, "en"))
    assert {"Valencia", "Bologna", "Turin", "Seville"} <= {row[0] for row in body}
    assert len(with_four_more) == len(with_one_more)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_pages_parent_is_named_on_the_public_address_too(client, settings, language):
    """Every absolute link of the API is on the public address (docs/operations.md), the
    parent's too: Wagtail's own would take the host of the Site record ("localhost")."""
    settings.PUBLIC_URL = "https://mc2cm.example"
    city = CityPage.objects.live().first()
    index = city.get_parent().specific

    _response, data = api(client, f"/api/v2/pages/{city.pk}/?lang={language}")

    assert data["meta"]["html_url"] == "https://mc2cm.example" + url_in(city, language)
    parent = data["meta"]["parent"]
    assert parent["id"] == index.pk
    assert parent["meta"]["html_url"] == "https://mc2cm.example" + url_in(index, language)
