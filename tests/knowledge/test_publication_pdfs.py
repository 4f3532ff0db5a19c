"""The demo publications' files are real documents in their own language and script."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from pypdf import PdfReader

from knowledge.models import MigrationProfilePage
from mc2cm_portal.models import PublicationFile
from tests.pages import url_in

pytestmark = pytest.mark.django_db

ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,}")
ACCENTED_FRENCH_WORD = re.compile(r"\b\w*[éèêàâçôûî]\w*\b")


def demo_files():
    return list(PublicationFile.objects.select_related("document", "publication"))


def read(file):
    with file.document.open_file() as handle:
        data = handle.read()
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return data, reader, text


def test_every_publication_file_is_a_typeset_document_in_its_language():
    files = demo_files()
    assert len(files) >= 30
    languages_seen = set()
    for file in files:
        data, reader, text = read(file)
        where = file.document.filename
        languages_seen.add(file.language)
        assert reader.trailer["/Root"]["/Lang"] == file.language, where
        assert len(reader.pages) > 1, where
        assert 10_000 <= len(data) < 100_000, (where, len(data))
        assert "demonstration" not in text.lower() and "démonstration" not in text.lower()
        title = getattr(file.publication, f"title_{file.language}")
        assert reader.metadata.title == title, where
        assert "MC2CM" in reader.metadata.author
        if file.language == "ar":
            assert len(ARABIC_WORD.findall(text)) > 50, where
        else:
            assert not ARABIC_WORD.search(text), where
        if file.language == "fr":
            assert len(ACCENTED_FRENCH_WORD.findall(text)) > 10, where
    assert languages_seen == {"ar", "fr", "en"}


def test_an_arabic_profile_opens_with_the_project_and_the_city_in_arabic():
    profile = MigrationProfilePage.objects.get(slug_en="migration-profile-amman")
    file = profile.publication.files.get(language="ar")
    _data, reader, _text = read(file)
    cover = reader.pages[0].extract_text()
    with translation.override("ar"):
        assert profile.city.title in cover
        assert translation.gettext("Mediterranean City-to-City Migration") in cover
    assert "المتوسطة" not in cover  # "medium-sized", not "Mediterranean" (المتوسطية)
    # The Arabic face named by the print stylesheet is the one embedded.
    fonts = {
        font.get_object()["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("MC2CM-Arabic" in name for name in fonts)
    assert all("DejaVu" not in name for name in fonts)


def test_files_are_named_once_with_the_projects_prefix():
    for file in demo_files():
        name = file.document.filename
        # Django's storage adds "_" and 7 characters when the test media folder already
        # holds a file of that name (from an earlier run).
        pattern = rf"mc2cm-(?!mc2cm-)[a-z0-9-]+-{file.language}(_[A-Za-z0-9]{{7}})?\.pdf"
        assert re.fullmatch(pattern, name), name


def test_pages_show_the_files_true_size(client):
    profile = MigrationProfilePage.objects.get(slug_en="migration-profile-amman")
    html = client.get(url_in(profile, "en")).content.decode()
    assert re.search(r"PDF, \d+(\.\d)?\xa0KB", html)
    assert not re.search(r"PDF, \d+\xa0bytes", html)


def test_loading_again_rewrites_no_file():
    before = {file.pk: (file.document.file.name, file.document.file_hash) for file in demo_files()}
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "0 objects created, 0 files written" in out.getvalue()
    after = {file.pk: (file.document.file.name, file.document.file_hash) for file in demo_files()}
    assert after == before
