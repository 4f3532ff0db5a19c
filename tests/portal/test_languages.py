"""Three languages everywhere: prefixes, redirects, lang/dir, switcher, slugs and fallback."""

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape

from cities.models import CityIndexPage, CityPage
from tests import LANGUAGES
from tests.factories import add_page
from tests.pages import one_page_of_each_type, page_models, url_in

DIRECTION = {"ar": "rtl", "fr": "ltr", "en": "ltr"}

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("ar,en;q=0.5", "/ar/"), ("fr-FR,fr;q=0.9", "/fr/"), ("en-GB", "/en/"), ("de,es", "/en/")],
)
def test_root_sends_visitors_to_their_browser_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_without_accept_language_goes_to_english(client):
    response = client.get("/")
    assert response["Location"] == "/en/"


def test_the_demo_covers_every_page_type():
    assert {type(page) for page in one_page_of_each_type()} == set(page_models())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_with_lang_and_dir(client, language):
    for page in one_page_of_each_type():
        url = url_in(page, language)
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{DIRECTION[language]}">' in html, url
        assert f"<h1>{escape(getattr(page, f'title_{language}'))}</h1>" in html, url


def test_slugs_are_translated():
    city = CityPage.objects.get(slug_en="tangier")
    urls = {language: url_in(city, language) for language in LANGUAGES}
    assert urls["en"] == "/en/cities/tangier/"
    assert urls["fr"].startswith("/fr/villes/")
    # The Arabic address uses Arabic words, not the English slug.
    arabic = unquote(urls["ar"])
    assert "tangier" not in arabic
    assert re.fullmatch(r"/ar/[\u0600-\u06ff-]+/[\u0600-\u06ff-]+/", arabic), arabic


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_leads_to_the_same_page(client, language):
    city = CityPage.objects.get(slug_en="tangier")
    html = client.get(url_in(city, language)).content.decode()
    for other in LANGUAGES:
        link = f'href="{url_in(city, other)}" hreflang="{other}" lang="{other}"'
        assert link in html
        target = client.get(url_in(city, other))
        assert target.status_code == 200
        assert f"{getattr(city, 'title_' + other)}</h1>" in target.content.decode()
    assert 'aria-current="true">' in html


def test_empty_arabic_field_falls_back_to_english_marked_as_english(client):
    index = CityIndexPage.objects.get()
    city = add_page(
        index,
        CityPage,
        "Testville",
        ar="مدينة الاختبار",
        fr="Testville-fr",
        slug="testville",
        country="Utopia",
        country_en="Utopia",
        country_fr="Utopie",
        country_ar="",
        region="europe",
        latitude="1.5",
        longitude="2.5",
        member_since=2020,
    )
    html = client.get(url_in(city, "ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    # Arabic is empty: the English text is shown, marked as English and left-to-right.
    assert '<span lang="en" dir="ltr" data-in-language="(بالإنجليزية)">Utopia</span>' in html
    # Arabic present: shown without any language override.
    assert "<h1>مدينة الاختبار</h1>" in html
    # French reader gets French, with no marker.
    french = client.get(url_in(city, "fr")).content.decode()
    assert "<span>Utopie</span>" in french


def test_fallback_text_carries_a_note_in_the_readers_language(client):
    """Sighted readers see "(en anglais)" beside English shown on a French page (the
    stylesheet draws data-in-language after the text)."""
    index = CityIndexPage.objects.get()
    city = add_page(
        index,
        CityPage,
        "Testville",
        ar="مدينة الاختبار",
        fr="Testville-fr",
        slug="testville",
        country="Utopia",
        country_en="Utopia",
        country_ar="يوتوبيا",
        country_fr="",
        region="europe",
        latitude="1.5",
        longitude="2.5",
        member_since=2020,
    )
    french = client.get(url_in(city, "fr")).content.decode()
    assert '<span lang="en" dir="ltr" data-in-language="(en anglais)">Utopia</span>' in french
    english = client.get(url_in(city, "en")).content.decode()
    assert "data-in-language" not in english
    css = (Path(settings.BASE_DIR) / "static/css/portal.css").read_text()
    assert re.search(r"\[data-in-language\]::after\s*{[^}]*attr\(data-in-language\)", css)


def test_fallback_order_is_deliberate():
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    assert fallbacks["ar"] == ("en", "fr")
    assert fallbacks["fr"][0] == "en"
    assert fallbacks["en"][0] == "fr"


def test_pages_say_text_falls_back_only_where_it_does(client):
    # Every demo page is fully translated, so no Arabic page needs a fallback marker.
    for page in one_page_of_each_type():
        html = client.get(url_in(page, "ar")).content.decode()
        assert "data-in-language" not in html, page.url_path


LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ("ar", "fr"))
def test_committed_translations_have_nothing_untranslated_or_fuzzy(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(po.translated_entries()) > 50
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is installed by make test")
def test_every_ui_string_in_the_code_is_translated(tmp_path, monkeypatch):
    """Collect the strings afresh; a string added without translating it fails here.

    makemessages writes into any locale/ folder beside the code it reads, so it runs on a
    copy of the code and of the committed translations, never on the originals.
    """
    base = Path(settings.BASE_DIR)
    for folder in ("mc2cm_portal", "cities", "knowledge", "dialogue", "action", "templates"):
        shutil.copytree(base / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["ar", "fr"], no_obsolete=True, verbosity=0)
    for language in ("ar", "fr"):
        po = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        assert len(po) > 50
        missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
        assert missing == [], f"{language}: {missing[:10]}"


def test_the_tests_know_the_portals_languages():
    """tests.LANGUAGES, which the tests loop over, is the portal's own list."""
    assert tuple(code for code, _name in settings.LANGUAGES) == LANGUAGES


def test_translation_machinery_is_installed():
    """Catches a django-/wagtail-modeltranslation upgrade that stops patching pages."""
    from wagtail.models import Page

    fields = {f.name for f in Page._meta.get_fields()}
    for language in LANGUAGES:
        assert {f"title_{language}", f"slug_{language}", f"url_path_{language}"} <= fields
    with translation.override("fr"):
        assert CityPage.objects.get(slug_en="tangier").title == "Tanger"


@pytest.mark.parametrize(
    ("path", "query"),
    [("partners/sign-in/", "next=/fr/partenaires/ressources/"), ("search/", "q=migration")],
)
def test_the_language_switcher_of_a_view_keeps_its_query(client, path, query):
    from django.http import QueryDict
    from django.urls import translate_url
    from django.utils.html import escape

    html = client.get(f"/fr/{path}?{query}").content.decode()
    for other in LANGUAGES:
        target = escape(f"{translate_url(f'/fr/{path}', other)}?{QueryDict(query).urlencode()}")
        assert f'href="{target}" hreflang="{other}"' in html, other


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_switcher_keeps_a_lists_filters(client, language):
    from django.utils.html import escape

    from dialogue.models import PeerMeetingIndexPage

    index = PeerMeetingIndexPage.objects.get()
    html = client.get(url_in(index, language), {"theme": "housing", "city": "amman"}).content
    html = html.decode()
    for other in LANGUAGES:
        target = escape(f"{url_in(index, other)}?theme=housing&city=amman")
        assert f'href="{target}" hreflang="{other}"' in html, other
        listed = client.get(url_in(index, other), {"theme": "housing", "city": "amman"})
        assert 'value="housing" selected' in listed.content.decode()


def test_the_language_switcher_drops_what_is_not_a_filter(client):
    from dialogue.models import PeerMeetingIndexPage

    index = PeerMeetingIndexPage.objects.get()
    html = client.get(url_in(index, "en"), {"utm_source": "x", "theme": "housing"}).content
    assert f'href="{url_in(index, "fr")}?theme=housing" hreflang="fr"' in html.decode()
