"""Each language's input says its language and direction, whatever the admin's language;
its label names the language; a field's help is said once."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cities.models import CityPage
from mc2cm_portal.models import Publication
from tests.admin.accounts import admin_in

pytestmark = pytest.mark.django_db
DIRECTION = {"ar": "rtl", "fr": "ltr", "en": "ltr"}
NOT_TEXT = ("hidden", "checkbox", "radio", "submit", "button", "file")


class Inputs(HTMLParser):
    """The attributes of every text input and textarea, by name."""

    def __init__(self, html):
        super().__init__()
        self.found = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "textarea") and attrs.get("name"):
            if tag == "input" and attrs.get("type", "text") in NOT_TEXT:
                return
            self.found[attrs["name"]] = attrs


def translated_inputs(html):
    inputs = Inputs(html).found
    return {
        name: attrs
        for name, attrs in inputs.items()
        if re.search(r"_(ar|fr|en)$", name) and "__prefix__" not in name
    }


def edit_pages():
    city = CityPage.objects.get(slug_en="tangier")
    publication = Publication.objects.first()
    return [
        reverse("wagtailadmin_pages:edit", args=[city.pk]),
        reverse("wagtailsnippets_mc2cm_portal_publication:edit", args=[publication.pk]),
    ]


@pytest.mark.parametrize("admin_language", ["en", "ar"])
def test_every_language_input_has_its_own_lang_and_dir(admin_language):
    client = admin_in(admin_language)
    for url in edit_pages():
        inputs = translated_inputs(client.get(url).content.decode())
        assert {"title_ar", "title_fr", "title_en"} <= set(inputs), url
        for name, attrs in inputs.items():
            language = name[-2:]
            assert attrs.get("lang") == language, (url, name)
            assert attrs.get("dir") == DIRECTION[language], (url, name)
    html = client.get(edit_pages()[0]).content.decode()
    # Inline rows (the key figures) too, and the Arabic mixed with a number.
    assert translated_inputs(html)["figures-0-label_ar"]["dir"] == "rtl"


def label(html, name):
    match = re.search(rf'for="id_{name}"[^>]*>\s*(?:<span[^>]*>)?([^<]+)<', html)
    return match[1].strip()


@pytest.mark.parametrize(
    ("admin_language", "expected"),
    [
        ("en", ["Official name (Arabic)", "Official name (French)", "Official name (English)"]),
        ("fr", ["Nom officiel (arabe)", "Nom officiel (français)", "Nom officiel (anglais)"]),
    ],
)
def test_labels_name_the_language_and_help_is_said_once(admin_language, expected):
    client = admin_in(admin_language)
    html = client.get(edit_pages()[0]).content.decode()
    names = ["official_name_ar", "official_name_fr", "official_name_en"]
    assert [label(html, name) for name in names] == expected
    assert "[ar]" not in html and "[fr]" not in html
    help_text = {"en": "The administration taking part", "fr": "L’administration"}
    assert html.count(help_text[admin_language]) == 1


def test_labels_in_an_arabic_admin():
    html = admin_in("ar").get(edit_pages()[0]).content.decode()
    assert label(html, "country_fr").endswith("(بالفرنسية)")
    assert label(html, "country_ar").endswith("(بالعربية)")
