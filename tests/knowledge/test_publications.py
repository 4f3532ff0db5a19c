"""Downloads: one real file per language, the reader's language first, honest when missing."""

import io
import re

import pypdf
import pytest

from knowledge.models import MigrationProfilePage
from mc2cm_portal.models import Publication, PublicationFile
from tests.factories import publication
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def downloads_of(html):
    section = html.split('<ul class="downloads">')[1].split("</ul>")[0]
    return section.split('<li class="download">')[1:]


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_the_readers_language_comes_first(client, language):
    profile = MigrationProfilePage.objects.filter(publication__isnull=False).first()
    html = client.get(url_in(profile, language)).content.decode()
    items = downloads_of(html)
    assert len(items) == 3
    assert f'hreflang="{language}"' in items[0]
    for item in items:
        assert "download=" in item
        assert "PDF" in item
    assert "This document is not available in your language" not in html


def test_sizes_and_language_names_are_shown(client):
    profile = MigrationProfilePage.objects.filter(publication__isnull=False).first()
    html = client.get(url_in(profile, "fr")).content.decode()
    first = downloads_of(html)[0]
    assert "Français" in first or "français" in first
    assert re.search(r"PDF, \d+(,\d)?\xa0Kio", first)  # a real document's size, French style


def test_reader_is_told_when_no_file_exists_in_their_language(client):
    profile = MigrationProfilePage.objects.filter(publication__isnull=False).first()
    profile.publication = publication("Only in French and English", languages=("fr", "en"))
    profile.save()
    html = client.get(url_in(profile, "ar")).content.decode()
    assert "publication__notice" in html
    assert 'hreflang="ar"' not in html.split('<ul class="downloads">')[1]


def test_every_demo_file_is_a_real_pdf_and_downloads(client):
    files = PublicationFile.objects.select_related("document")
    assert files.count() >= 40
    for file in files[:5]:
        response = client.get(file.document.url)
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        reader = pypdf.PdfReader(io.BytesIO(body))
        assert len(reader.pages) > 1
        assert reader.metadata.title
        assert file.document.file_size == len(body)
    for file in files:
        with file.document.open_file() as handle:
            assert handle.read(5) == b"%PDF-"


def test_publications_have_one_file_per_language_at_most():
    for pub in Publication.objects.prefetch_related("files"):
        languages = [f.language for f in pub.files.all()]
        assert len(languages) == len(set(languages))
