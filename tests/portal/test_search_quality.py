"""Search results as a visitor reads them: the page named by the query first, excerpts
whose sentences and fields stay apart. Runs on SQLite and on PostgreSQL alike."""

import re
from html import unescape

import pytest
from django.utils.html import strip_tags

from cities.models import CityPage
from mc2cm_portal.models import InformationPage, SearchEntry
from mc2cm_portal.search.indexing import rebuild_index
from tests.pages import search_results, url_in

pytestmark = pytest.mark.django_db

FIELD_SEPARATOR = " · "
# A sentence's full stop with the next sentence's first letter right after it.
GLUED_SENTENCES = re.compile(r"\.[^\W\d_]")


def search(client, language, query):
    return search_results(client.get(f"/{language}/search/", {"q": query}).content.decode())


def link_of(result):
    return re.search(r'class="search-result__title" href="([^"]+)"', result)[1]


def excerpt_of(results, page, language):
    """The excerpt of ``page``'s result, as text (its <mark>s taken off)."""
    [result] = [r for r in results if link_of(r) == url_in(page, language)]
    return unescape(strip_tags(re.search(r'search-result__excerpt">(.*?)</p>', result, re.S)[1]))


@pytest.fixture
def tunis():
    return CityPage.objects.get(slug_en="tunis")


@pytest.mark.parametrize("language", ("en", "fr", "ar"))
def test_the_page_titled_as_the_query_comes_first(client, tunis, language):
    # Other pages name Tunis in their titles too (its migration profile, priority document,
    # peer meeting), and in Arabic تونس is also the country of Sfax.
    results = search(client, language, getattr(tunis, f"title_{language}"))
    assert len(results) > 1
    assert link_of(results[0]) == url_in(tunis, language)


@pytest.mark.parametrize(
    ("language", "second_paragraph_word"),
    [("en", "census"), ("fr", "recensement"), ("ar", "التعداد")],
)
def test_excerpts_keep_paragraphs_apart(client, tunis, language, second_paragraph_word):
    rebuild_index()
    excerpt = excerpt_of(search(client, language, second_paragraph_word), tunis, language)
    # The portrait's first paragraph ends with a full stop, the second follows it.
    assert re.search(r"\. \w", excerpt), excerpt
    assert not GLUED_SENTENCES.search(excerpt), excerpt


@pytest.mark.parametrize("language", ("en", "fr", "ar"))
def test_excerpts_keep_a_pages_fields_apart(client, tunis, language):
    rebuild_index()
    official_name = getattr(tunis, f"official_name_{language}")
    country = getattr(tunis, f"country_{language}")
    excerpt = excerpt_of(search(client, language, official_name), tunis, language)
    # The official name, the country and the portrait, in the order the model declares them.
    fields = f"{official_name}{FIELD_SEPARATOR}{country}{FIELD_SEPARATOR}"
    assert excerpt.startswith(fields), excerpt


def test_inline_tags_join_words_and_line_breaks_part_them(client, tunis):
    tunis.portrait_en = (
        "<p>Home of the <em>zebra</em>finch <a href='/en/'>festi</a>val.</p>"
        # A line break as Wagtail's editor writes it.
        "<ul><li>Bicycles</li><li>Kites</li></ul>Ferries<br/>Trams"
    )
    tunis.save_revision().publish()
    excerpt = excerpt_of(search(client, "en", "zebrafinch festival"), tunis, "en")
    assert "zebrafinch festival. Bicycles Kites Ferries Trams" in excerpt, excerpt


@pytest.mark.parametrize(
    ("language", "body_word", "heading", "paragraph_start"),
    [
        ("en", "weeks", "E-mail", "The project team"),
        ("fr", "semaines", "Courriel", "L’équipe du projet"),
        ("ar", "أسبوعين", "البريد الإلكتروني", "يصل فريق المشروع"),
    ],
)
def test_words_of_a_pages_body_find_it(client, language, body_word, heading, paragraph_start):
    """The contact page says only in its body (headings and paragraphs) how soon the team
    answers: searching that word finds it, and its text has the heading apart from the
    paragraph and none of the blocks' settings (a heading's level)."""
    contact = InformationPage.objects.get(slug_en="contact")
    rebuild_index()
    results = search(client, language, body_word)
    assert url_in(contact, language) in [link_of(result) for result in results]
    text = SearchEntry.objects.get(page=contact, language=language).text
    assert f"{heading}{FIELD_SEPARATOR}{paragraph_start}" in text, text
    assert "h2" not in text.split()
