"""How the French and Arabic texts read: whole phrases, not words slotted together, and one
typographic convention per language."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.html import strip_tags

from knowledge.models import MigrationProfilePage
from tests.pages import url_in

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
DOWNLOAD_ARABIC = {
    "fr": "Télécharger en arabe",
    "ar": "تنزيل بالعربية",
    "en": "Download in Arabic",
}


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def translations(po):
    for entry in po.translated_entries():
        yield from (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])


@pytest.mark.django_db
@pytest.mark.parametrize("language", DOWNLOAD_ARABIC)
def test_a_download_link_says_in_which_language(client, language):
    profile = MigrationProfilePage.objects.filter(publication__isnull=False).first()
    html = client.get(url_in(profile, language)).content.decode()
    link = re.search(r'<a class="download__link"[^>]*hreflang="ar".*?</a>', html, re.S)
    assert link is not None
    assert " ".join(strip_tags(link.group()).split()) == DOWNLOAD_ARABIC[language]


def test_french_uses_typographic_apostrophes_and_no_break_spaces():
    """« Recherche : » would break before the colon at the end of a line."""
    for text in translations(catalogue("fr")):
        assert "'" not in text, text
        assert not re.search(r" [:;?!»]|« ", text), text


def test_arabic_writes_tanween_on_the_letter_before_alif():
    """One spelling throughout (فارغًا, أولًا), not a mix with فارغاً."""
    for text in translations(catalogue("ar")):
        assert not re.search(r"\wاً", text), text
