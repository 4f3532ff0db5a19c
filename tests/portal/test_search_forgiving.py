"""Search that forgives: Arabic spelling variants, typos, one result per page, excerpts
cut between words. Runs on SQLite and on PostgreSQL alike."""

import re
from html import unescape

import pytest
from django.utils.html import strip_tags

from cities.models import CityPage
from knowledge.models import MigrationProfilePage
from tests.pages import search_results, url_in

pytestmark = pytest.mark.django_db


def search(client, language, query):
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


def titles(html):
    pattern = r'class="search-result__title" href="([^"]+)"'
    return [re.search(pattern, result)[1] for result in search_results(html)]


@pytest.fixture
def vienna_in_arabic():
    """Vienna's Arabic portrait written with hamza, harakat and tatweel."""
    vienna = CityPage.objects.get(slug_en="vienna")
    vienna.portrait_ar = (
        "<p>تعمل فيينا منذ سنوات طويلة على سياسة الإندماج في الأحياء، "
        "وفيها حَدِيقَةٌ تستقبل القادمين الجدد في مراكز الاستقبـــال.</p>"
    )
    vienna.save_revision().publish()
    return vienna


@pytest.mark.parametrize(
    "typed",
    [
        "الاندماج",  # no hamza under the alef
        "الإندماج",  # as written
        "حديقه",  # ه for ة
        "حديقة",  # without the harakat of the text
        "حَدِيقَة",  # with harakat of its own
        "الاستقبال",  # the text stretches it with tatweel
        "الاستقبـال",  # tatweel in the query
    ],
)
def test_arabic_spelling_variants_find_the_page(client, vienna_in_arabic, typed):
    html = search(client, "ar", typed)
    assert url_in(vienna_in_arabic, "ar") in titles(html)


def test_the_excerpt_shows_the_text_as_written_and_marks_the_word(client, vienna_in_arabic):
    html = search(client, "ar", "الاندماج")
    [result] = [r for r in search_results(html) if url_in(vienna_in_arabic, "ar") in r]
    assert "<mark>الإندماج</mark>" in result


@pytest.mark.parametrize(("written", "typed"), [("الإسكان", "الاسكان"), ("مدينة", "مدينه")])
def test_demo_words_are_found_with_or_without_hamza(client, written, typed):
    as_written = titles(search(client, "ar", written))
    assert as_written
    assert titles(search(client, "ar", typed)) == as_written


def test_a_french_typo_gets_a_suggestion_that_finds_the_page(client):
    # PostgreSQL's French stemmer already forgives "Lisbone"; nothing forgives "Lisbnne".
    html = search(client, "fr", "Lisbnne")
    assert search_results(html) == []
    assert "Vouliez-vous dire" in html
    link = re.search(r'class="search-suggestion">[^<]*<a href="([^"]+)">([^<]+)</a>', html)
    assert link and link[2] == "lisbonne"
    lisbon = CityPage.objects.get(slug_en="lisbon")
    assert url_in(lisbon, "fr") in titles(client.get(unescape(link[1])).content.decode())


def test_accents_are_forgiven_in_french(client):
    assert titles(search(client, "fr", "Priorites")) == titles(search(client, "fr", "Priorités"))
    assert titles(search(client, "fr", "Priorités"))


def test_no_suggestion_for_nonsense_or_found_words(client):
    assert "search-suggestion" not in search(client, "en", "qqxqzzv")
    assert "search-suggestion" not in search(client, "en", "Lisbon")


def test_a_page_and_its_pdf_are_one_result(client):
    profile = MigrationProfilePage.objects.get(slug_en="migration-profile-amman")
    title_fr = profile.publication.title_fr
    results = search_results(search(client, "fr", title_fr))
    # The publication's title finds the page presenting it, once.
    [result] = [r for r in results if url_in(profile, "fr") in r]
    file = profile.publication.files.get(language="fr")
    assert f'href="{file.document.url}" hreflang="fr" download=' in result
    # The file alone is no longer a result of its own.
    assert not any(f'class="search-result__title" href="{file.document.url}"' in r for r in results)


def test_excerpts_are_cut_between_words(client):
    vienna = CityPage.objects.get(slug_en="vienna")
    words = [f"mot{number}" for number in range(200)]
    vienna.portrait_fr = "<p>" + " ".join(words[:120] + ["Vélodrome"] + words[120:]) + "</p>"
    vienna.save_revision().publish()
    html = search(client, "fr", "velodrome")
    [result] = [r for r in search_results(html) if url_in(vienna, "fr") in r]
    excerpt = strip_tags(re.search(r'search-result__excerpt">(.*?)</p>', result, re.S)[1])
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    inner = excerpt[2:-2].split()
    assert all(word in words or word == "Vélodrome" for word in inner), inner
    assert "<mark>Vélodrome</mark>" in result
