"""Download this page as PDF: made at publish, kept until the page changes, behind the
page's own view restrictions."""

import io
import os
import re

import pytest
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Page, PageViewRestriction

from action.models import PilotProjectPage
from cities.models import CityPage
from dialogue.models import PeerMeetingPage
from mc2cm_portal.publishing import pdf
from tests import LANGUAGES
from tests.pages import url_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    """A media folder of the test's own, so no PDF kept by another test or run is found."""
    settings.MEDIA_ROOT = tmp_path
    settings.MC2CM_PAGE_PDFS_ON_PUBLISH = True
    return tmp_path


@pytest.fixture
def typeset(monkeypatch):
    """Every PDF actually typeset, as (page id, language)."""
    made = []
    real = pdf.make_page_pdf

    def counting(page, language):
        made.append((page.pk, language))
        return real(page, language)

    monkeypatch.setattr(pdf, "make_page_pdf", counting)
    return made


def pdf_url(page, language):
    return f"/{language}/pages/{page.pk}/pdf/"


def text_of(response):
    data = b"".join(response.streaming_content)
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def words_found(phrase, text):
    """The share of the phrase's words in the text layer (which may put a Latin word in
    an Arabic line elsewhere than it reads)."""
    words = re.findall(r"\w+", phrase)
    return sum(word in text for word in words) / len(words)


def kept_files(storage, page):
    folder = storage / "page-pdfs" / str(page.pk)
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("model", (CityPage, PeerMeetingPage, PilotProjectPage))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_links_to_its_pdf_in_the_readers_language(client, model, language):
    page = model.objects.live().order_by("path").first()
    html = client.get(url_in(page, language)).content.decode()
    with translation.override(language):
        label = translation.gettext("Download this page as PDF")
    if language != "en":
        assert label != "Download this page as PDF"
    assert f'<a href="{pdf_url(page, language)}" type="application/pdf">{label}</a>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_city_pdf_is_its_page_in_the_readers_language(client, typeset, language):
    lisbon = CityPage.objects.get(slug_en="lisbon")
    response = client.get(pdf_url(lisbon, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and f"-{language}.pdf" in disposition
    assert "mc2cm-mc2cm" not in disposition
    reader, text = text_of(response)
    assert reader.trailer["/Root"]["/Lang"] == language
    assert len(reader.pages) > 1
    with translation.override(language):
        assert lisbon.title in text
        assert words_found(lisbon.figures.first().source, text) > 0.8
    assert typeset == [(lisbon.pk, language)]


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", ["Page", "of"]), ("fr", ["Page", "sur"]), ("ar", ["الصفحة", "من"])],
)
def test_pages_are_numbered_in_words_of_the_readers_language(client, typeset, language, words):
    """ "Page 2 of 5", not "2 / 5", which right-to-left layout shows as "5 / 2"; the cover
    carries no number. (The text layer gives Arabic lines in visual order: words are
    looked for, not the sentence.)"""
    lisbon = CityPage.objects.get(slug_en="lisbon")
    reader, _text = text_of(client.get(pdf_url(lisbon, language)))
    cover, second = (page.extract_text() for page in reader.pages[:2])
    footer = second.strip().splitlines()[-1]  # the page's last line
    for word in [*words, "2", str(len(reader.pages))]:
        assert word in footer, footer
    assert " / " not in second
    assert words[0] not in re.findall(r"\w+", cover)


def test_the_pdf_is_made_once_and_then_served_as_kept(client, typeset, storage):
    meeting = PeerMeetingPage.objects.live().order_by("path").first()
    first = client.get(pdf_url(meeting, "fr"))
    first_bytes = b"".join(first.streaming_content)
    [kept] = kept_files(storage, meeting)
    stamp = kept.stat().st_mtime_ns
    again = client.get(pdf_url(meeting, "fr"))
    assert b"".join(again.streaming_content) == first_bytes
    assert typeset == [(meeting.pk, "fr")]  # typeset once, on the first request only
    assert kept.stat().st_mtime_ns == stamp


def test_publishing_makes_the_pdfs_and_a_republish_replaces_them(
    client, typeset, storage, django_capture_on_commit_callbacks
):
    vienna = CityPage.objects.get(slug_en="vienna")
    with django_capture_on_commit_callbacks(execute=True):
        vienna.save_revision().publish()
    assert sorted(typeset) == sorted((vienna.pk, language) for language in LANGUAGES)
    first_files = kept_files(storage, vienna)
    assert len(first_files) == 3
    _reader, text = text_of(client.get(pdf_url(vienna, "en")))
    assert "zebrafinch" not in text.lower()
    assert len(typeset) == 3  # served as kept

    vienna.portrait_en = "<p>Home of the zebrafinch festival.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        vienna.save_revision().publish()
    assert len(typeset) == 6
    assert not set(first_files) & set(kept_files(storage, vienna))  # the old ones are gone
    assert len(kept_files(storage, vienna)) == 3
    _reader, text = text_of(client.get(pdf_url(vienna, "en")))
    assert "zebrafinch" in text.lower()
    assert len(typeset) == 6


def test_a_rolled_back_publish_makes_no_pdf(typeset, django_capture_on_commit_callbacks):
    vienna = CityPage.objects.get(slug_en="vienna")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        vienna.save_revision().publish()
    assert callbacks  # to run after the commit, never inside the publish
    assert typeset == []


@pytest.mark.parametrize("restricted", ("page", "parent"))
def test_a_restricted_pages_pdf_is_refused_to_anonymous_visitors(
    client, django_user_model, typeset, restricted
):
    project = PilotProjectPage.objects.live().order_by("path").first()
    target = project if restricted == "page" else project.get_parent()
    PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(pdf_url(project, "en"))
    assert response.status_code == 302
    assert "/login" in response["Location"] or "sign-in" in response["Location"]
    assert typeset == []

    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.get(pdf_url(project, "en"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]


def test_a_password_protected_pages_pdf_asks_for_the_password(client, typeset):
    city = CityPage.objects.get(slug_en="lisbon")
    PageViewRestriction.objects.create(
        page=city, restriction_type=PageViewRestriction.PASSWORD, password="tagus"
    )
    response = client.get(pdf_url(city, "en"))
    assert response["Content-Type"].startswith("text/html")
    assert 'type="password"' in response.content.decode()
    assert typeset == []


def test_pages_without_a_pdf_answer_404(client):
    home = Page.objects.get(depth=2)
    assert client.get(pdf_url(home, "en")).status_code == 404
    assert client.get("/en/pages/999999/pdf/").status_code == 404
    draft = CityPage.objects.get(slug_en="lisbon")
    draft.unpublish()
    assert client.get(pdf_url(draft, "en")).status_code == 404


def test_kept_pdfs_are_not_reachable_under_media(client, storage):
    lisbon = CityPage.objects.get(slug_en="lisbon")
    client.get(pdf_url(lisbon, "en"))
    [kept] = kept_files(storage, lisbon)
    relative = os.path.relpath(kept, storage)
    assert client.get(f"/media/{relative}").status_code == 404
    assert re.match(r"page-pdfs/\d+/en-[\w-]+\.pdf", relative)


def test_pdfs_embed_the_portals_images_and_fetch_nothing_else(storage):
    from PIL import Image
    from weasyprint import HTML

    (storage / "images").mkdir()
    Image.new("RGB", (40, 30), "red").save(storage / "images" / "probe.webp")
    (storage / "documents").mkdir()
    (storage / "documents" / "secret.png").write_bytes(b"not for a pdf")
    fetched = []

    def watching(url, *args, **kwargs):
        fetched.append(url)
        return pdf._fetch_media_only(url)

    html = (
        '<img src="/media/images/probe.webp"><img src="https://example.org/x.png">'
        '<img src="/media/documents/secret.png"><img src="/etc/passwd">'
    )
    data = HTML(string=html, base_url="file:///", url_fetcher=watching).write_pdf()
    assert len(fetched) == 4
    # Only the portal's own image is embedded; the others were refused.
    assert len(PdfReader(io.BytesIO(data)).pages[0].images) == 1


def one_line(text):
    return re.sub(r"\s+", " ", text)


def test_a_city_pdf_drops_a_meeting_once_visitors_may_no_longer_see_it(
    client, typeset, django_capture_on_commit_callbacks
):
    """A city's PDF lists its meetings, projects and documents: pages of their own. Kept
    until the city was published again, it went on naming a meeting restricted since."""
    amman = CityPage.objects.get(slug_en="amman")
    meeting = PeerMeetingPage.objects.live().get(host_city=amman)
    _reader, text = text_of(client.get(pdf_url(amman, "en")))
    assert meeting.title_en in one_line(text)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=meeting, restriction_type=PageViewRestriction.LOGIN)

    _reader, text = text_of(client.get(pdf_url(amman, "en")))
    assert meeting.title_en not in one_line(text)
    assert amman.title_en in text


def test_a_city_pdf_leaves_out_a_publication_that_is_not_published(
    client, typeset, django_capture_on_commit_callbacks
):
    madrid = CityPage.objects.get(slug_en="madrid")
    publication = madrid.migration_profiles.live().get().publication
    _reader, text = text_of(client.get(pdf_url(madrid, "en")))
    assert publication.title_en in one_line(text)

    with django_capture_on_commit_callbacks(execute=True):
        publication.unpublish()

    _reader, text = text_of(client.get(pdf_url(madrid, "en")))
    assert publication.title_en not in one_line(text)


def test_a_new_pdf_of_a_page_replaces_the_older_ones_of_its_language(
    client, typeset, storage, django_capture_on_commit_callbacks
):
    lisbon = CityPage.objects.get(slug_en="lisbon")
    client.get(pdf_url(lisbon, "en"))
    client.get(pdf_url(lisbon, "fr"))
    [english, french] = sorted(kept_files(storage, lisbon), key=lambda path: path.name)
    # Older than a server's copy of the content version can be (pdf.OLDER_PDFS_KEPT).
    past = english.stat().st_mtime - 3600
    os.utime(english, (past, past))

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=PeerMeetingPage.objects.live().first(),
            restriction_type=PageViewRestriction.LOGIN,
        )
    client.get(pdf_url(lisbon, "en"))

    names = [path.name for path in kept_files(storage, lisbon)]
    assert english.name not in names  # replaced
    assert french.name in names  # another language, made moments ago: left
    assert len(names) == 2
