"""Search: one box on every page, results in the visitor's language, odd input handled."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils.html import escape

from cities.models import CityPage
from mc2cm_portal.models import SearchEntry
from mc2cm_portal.search.indexing import index_page
from tests.pages import search_results, url_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_every_page_has_the_search_box(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert 'role="search"' in html
    assert f'action="/{language}/search/"' in html
    assert 'name="q"' in html


def test_an_arabic_word_finds_arabic_pages_and_documents(client):
    html = client.get("/ar/search/", {"q": "طنجة"}).content.decode()
    results = search_results(html)
    assert len(results) >= 3
    tangier = CityPage.objects.get(slug_en="tangier")
    assert any(f'href="{url_in(tangier, "ar")}"' in r for r in results)
    assert any('hreflang="ar" download=' in r for r in results)  # an Arabic file
    assert "<mark>" in html
    # Only Arabic: no link into the French or English site, no file in another language.
    assert "/fr/" not in "".join(results) and "/en/" not in "".join(results)
    assert 'hreflang="fr"' not in "".join(results)


def test_results_are_in_the_visitors_language_only(client):
    # "Beyrouth" is the French name of Beirut: only French readers find it.
    assert search_results(client.get("/fr/search/", {"q": "Beyrouth"}).content.decode())
    for language in ("en", "ar"):
        html = client.get(f"/{language}/search/", {"q": "Beyrouth"}).content.decode()
        assert search_results(html) == []


def test_results_link_back_in_the_visitors_language(client):
    html = client.get("/fr/search/", {"q": "Lisbonne"}).content.decode()
    lisbon = CityPage.objects.get(slug_en="lisbon")
    assert f'href="{url_in(lisbon, "fr")}"' in html
    assert escape(lisbon.title_fr) in html


def test_unpublishing_removes_a_page_from_results(client):
    lisbon = CityPage.objects.get(slug_en="lisbon")
    lisbon.unpublish()
    html = client.get("/en/search/", {"q": "Lisbon"}).content.decode()
    assert f'href="{url_in(lisbon, "en")}"' not in html
    assert not SearchEntry.objects.filter(page=lisbon).exists()


def test_publishing_an_edit_updates_the_results(client):
    vienna = CityPage.objects.get(slug_en="vienna")
    vienna.portrait_en = "<p>Home of the zebrafinch festival.</p>"
    vienna.save_revision().publish()
    html = client.get("/en/search/", {"q": "zebrafinch"}).content.decode()
    assert f'href="{url_in(vienna, "en")}"' in html
    assert not search_results(client.get("/fr/search/", {"q": "zebrafinch"}).content.decode())


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "x" * 5000,
        "<script>alert(1)</script>",
        '" OR 1=1 --',
        "!!! &&& ||| ((( ",
        "-",
        "طنجة" * 100,
        "%",
        "_",
    ],
)
def test_odd_queries_answer_a_page_not_an_error(client, query):
    response = client.get("/ar/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert '<html lang="ar" dir="rtl">' in html


def test_a_long_query_is_cut_and_the_visitor_is_told(client):
    html = client.get("/en/search/", {"q": "migration " * 100}).content.decode()
    assert "only its beginning was used" in html


def test_results_paginate_and_keep_the_query(client):
    html = client.get("/en/search/", {"q": "migration"}).content.decode()
    assert 'rel="next"' in html
    assert "q=migration" in html.split('rel="next"')[0].rsplit("<a", 1)[1]
    second = client.get("/en/search/", {"q": "migration", "page": "2"})
    assert second.status_code == 200
    assert search_results(second.content.decode())


def test_stemming_finds_other_forms_on_postgresql(client):
    if connection.vendor != "postgresql":
        pytest.skip("stemming is PostgreSQL's full-text search; SQLite matches words as typed")
    # "cities" is indexed; the English stemmer also matches "city".
    assert search_results(client.get("/en/search/", {"q": "citi"}).content.decode())
    assert search_results(client.get("/ar/search/", {"q": "مدينة"}).content.decode())


def test_index_skips_private_and_draft_pages():
    lyon = CityPage.objects.get(slug_en="lyon")
    lyon.live = False
    lyon.save()
    index_page(lyon)
    assert not SearchEntry.objects.filter(page=lyon).exists()


def test_every_entry_carries_its_stored_vector_on_postgresql(client):
    if connection.vendor != "postgresql":
        pytest.skip("stored full-text vectors exist on PostgreSQL only")
    call_command("rebuild_search_entries", verbosity=0)
    assert SearchEntry.objects.exists()
    assert not SearchEntry.objects.filter(vector__isnull=True).exists()


def test_the_pages_of_results_list_every_match_once_best_first(client):
    """Counted and ranked together: page after page, no entry twice, none missing."""
    import re

    first = client.get("/en/search/", {"q": "migration"}).content.decode()
    total = int(re.search(r'id="results-heading">(\d+) results', first).group(1))
    titles = []
    for number in range(1, total // 10 + 2):
        html = client.get("/en/search/", {"q": "migration", "page": number}).content.decode()
        titles += [re.search(r">([^<]+)</a>", item).group(1) for item in search_results(html)]
    assert len(titles) == total
    expected = SearchEntry.objects.filter(language="en")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        expected = expected.filter(vector=SearchQuery("migration", config="english"))
    else:
        from django.db.models import Q

        expected = expected.filter(Q(title__icontains="migration") | Q(text__icontains="migration"))
    assert sorted(titles) == sorted(escape(entry.title) for entry in expected)
    # An entry with the word in its title and text ranks above one with a single mention.
    assert "migration" in titles[0].lower()


@pytest.mark.parametrize(
    "params",
    [{"q": "migration", "page": 2}, {"q": "tangier"}],
    ids=["a middle page", "the only page"],
)
def test_a_page_of_results_costs_two_queries_however_many_match(client, params):
    from django.test.utils import CaptureQueriesContext

    client.get("/en/search/", params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", params)
    assert search_results(response.content.decode())
    # Two for the results (rank and count the matches, then load the page shown's entries),
    # whatever the number of matches; the other three every page pays: the content version
    # (caching/page_cache.py), Wagtail's site for the request and the portal settings.
    searching = [q for q in queries.captured_queries if "searchentry" in q["sql"]]
    assert len(searching) == 2
    assert len(queries) <= 5, "\n".join(q["sql"][:150] for q in queries.captured_queries)


@pytest.mark.parametrize("page", ["99999999999999999999", "-3", "٣", "10001"])
def test_any_page_number_answers_a_page_of_results(client, page):
    """Found by the fuzz tests: a 20-digit page overflowed PostgreSQL's OFFSET (a 500)."""
    response = client.get("/en/search/", {"q": "migration", "page": page})
    assert response.status_code == 200
    assert search_results(response.content.decode())
