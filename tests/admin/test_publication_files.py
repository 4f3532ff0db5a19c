"""Staff attach one PDF per language to a publication through the snippet's own forms."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model

from mc2cm_portal.models import Publication, SearchEntry
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db
TITLES = {
    "ar": "ملف مدينة بيروت للهجرة",
    "fr": "Profil migratoire de Beyrouth",
    "en": "Beirut profile",
}


def real_pdf(title):
    """A valid PDF whose metadata holds non-Latin text (so its bytes are not all ASCII)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload_documents(client):
    """One PDF per language, uploaded through the admin's document form; their ids."""
    ids = {}
    for language, title in TITLES.items():
        upload = SimpleUploadedFile(f"beirut-{language}.pdf", real_pdf(title), "application/pdf")
        response = client.post(
            reverse("wagtaildocs:add"), {"title": title, "file": upload, "collection": 1}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        ids[language] = get_document_model().objects.get(title=title).pk
    PdfReader(get_document_model().objects.get(pk=ids["ar"]).file.open())  # a real PDF
    return ids


def with_files(data, documents, existing=0):
    data = {**data, "files-TOTAL_FORMS": str(existing + len(documents))}
    for index, (language, document_id) in enumerate(documents.items(), start=existing):
        data |= {
            f"files-{index}-id": "",
            f"files-{index}-ORDER": str(index + 1),
            f"files-{index}-DELETE": "",
            f"files-{index}-language": language,
            f"files-{index}-document": str(document_id),
        }
    return data


@pytest.fixture
def post(admin_client, django_capture_on_commit_callbacks):
    """Submit a form as the admin does, running what waits for the commit (the test's
    transaction never commits)."""

    def submit(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url, data)
        assert response.status_code == 302, response.status_code
        return response

    return submit


def test_adding_a_publication_with_a_file_per_language_saves_them_all(admin_client, post):
    documents = upload_documents(admin_client)
    url = reverse("wagtailsnippets_mc2cm_portal_publication:add")
    data = admin_form_data(admin_client.get(url).content.decode())
    data |= {f"title_{code}": title for code, title in TITLES.items()}
    data |= {"kind": Publication.Kind.MIGRATION_PROFILE, "year": "2019"}
    post(url, with_files(data, documents))

    publication = Publication.objects.get(title_fr=TITLES["fr"])
    assert publication.title_ar == TITLES["ar"] and publication.title_en == TITLES["en"]
    assert {f.language: f.document_id for f in publication.files.all()} == documents
    # Indexed once committed, from the saved rows: Arabic readers find the Arabic file.
    entry = SearchEntry.objects.get(file__publication=publication, language="ar")
    assert entry.title == TITLES["ar"]


def test_attaching_files_to_an_existing_publication_saves_them(admin_client, post):
    publication = Publication.objects.create(
        kind=Publication.Kind.REPORT, title="Old", title_en="Old", title_fr="Ancien"
    )
    documents = upload_documents(admin_client)
    url = reverse("wagtailsnippets_mc2cm_portal_publication:edit", args=[publication.pk])
    data = admin_form_data(admin_client.get(url).content.decode())
    data |= {f"title_{code}": title for code, title in TITLES.items()}
    post(url, with_files(data, documents))

    publication.refresh_from_db()
    assert publication.title_ar == TITLES["ar"]
    assert {f.language: f.document_id for f in publication.files.all()} == documents
    assert SearchEntry.objects.filter(file__publication=publication).count() == 3

    # Removing one file takes it out of the search at once.
    data = admin_form_data(admin_client.get(url).content.decode())
    position = [data[f"files-{i}-language"] for i in range(3)].index("fr")
    post(url, {**data, f"files-{position}-DELETE": "on"})
    assert publication.files.count() == 2
    languages = SearchEntry.objects.filter(file__publication=publication).values_list(
        "language", flat=True
    )
    assert sorted(languages) == ["ar", "en"]
