"""Uploads are allow-listed, size-limited and must be what their name says.

Driven through the admin's real upload views (single add, multiple add, images), by editors
whose admin language is English, French or Arabic. A refused file is never stored, and the
editor's other entries come back in the form.
"""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from mc2cm_portal.access.uploads import check_document_content

pytestmark = pytest.mark.django_db
Document = get_document_model()
Image = get_image_model()

MISMATCH = (
    "“%(name)s” is not really %(kind)s: its content does not match its name. "
    "Save or export it again in that format, or rename it with the right extension."
)


def zipped(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 20)).save(buffer, "PNG")
    return buffer.getvalue()


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/"/>'
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX = zipped({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w:document/>"})
XLSX = zipped({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": b"<workbook/>"})
PPTX = zipped({"[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": b"<p/>"})
ODT = zipped(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"},
    zipfile.ZIP_STORED,
)
ODS = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})

GENUINE = {
    "report.pdf": PDF,
    "notes.docx": DOCX,
    "figures.xlsx": XLSX,
    "slides.pptx": PPTX,
    "minutes.odt": ODT,
    "budget.ods": ODS,
    "annexes.zip": zipped({"a.txt": b"annex"}),
    "figures.csv": "ville,population\nTanger,947952\nالرباط,577827\n".encode(),
    "readme.txt": "Résumé — ملخص\n".encode(),
}
LIARS = {
    "html-as-pdf": ("report.pdf", b"<!DOCTYPE html><script>alert(1)</script>"),
    "exe-as-pdf": ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50),
    "png-as-docx": ("notes.docx", png_bytes()),
    "plain-zip-as-docx": ("notes.docx", zipped({"notes.txt": b"hello"})),
    "docx-as-xlsx": ("figures.xlsx", DOCX),
    "odt-as-ods": ("budget.ods", ODT),
    "zip-bomb-as-docx": (
        "notes.docx",
        zipped(
            {
                "[Content_Types].xml": CONTENT_TYPES,
                "word/document.xml": b"\x00" * (20 * 1024 * 1024),
            }
        ),
    ),
    "html-before-docx": ("notes.docx", b"<html><script>alert(1)</script></html>" + DOCX),
    "broken-zip": ("annexes.zip", b"PK\x03\x04 not really a zip"),
    "binary-as-csv": ("figures.csv", b"a,b\n\x00\x01\x02"),
    "latin-1-as-txt": ("readme.txt", "Résumé".encode("latin-1")),
    "pdf-as-txt": ("readme.txt", PDF + b"\xff\xfe\x00"),
}


def editor(django_user_model, language):
    user = django_user_model.objects.create_superuser(
        f"editor-{language}", f"{language}@example.org", "pw"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture(params=["en", "fr", "ar"])
def editor_client(request, client, django_user_model):
    client.force_login(editor(django_user_model, request.param))
    client.language = request.param
    return client


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(folder):
    return sorted(path.name for path in Path(folder).rglob("*") if path.is_file())


def expected_mismatch(language, name, kind):
    """The refusal as gettext gives it in the editor's language (English until translated)."""
    with translation.override(language):
        return gettext(MISMATCH) % {"name": name, "kind": gettext(kind)}


# --- The checks themselves -------------------------------------------------------------


@pytest.mark.parametrize("name", GENUINE)
def test_genuine_files_of_every_allowed_type_pass(name):
    assert name.rsplit(".", 1)[1] in settings.WAGTAILDOCS_EXTENSIONS
    check_document_content(SimpleUploadedFile(name, GENUINE[name]))


@pytest.mark.parametrize("case", LIARS)
def test_files_that_lie_about_their_type_are_refused(case):
    name, data = LIARS[case]
    with pytest.raises(Exception, match="is not really") as error:
        check_document_content(SimpleUploadedFile(name, data))
    assert error.value.code == "content_mismatch"


def test_every_allowed_extension_has_a_check():
    from mc2cm_portal.access.uploads import CHECKS

    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(CHECKS)
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "html" not in settings.WAGTAILDOCS_EXTENSIONS


# --- Through the admin ------------------------------------------------------------------


def add_document(client, name, data, **fields):
    form = {
        "title": "Rapport annuel 2024",
        "collection": Collection.get_first_root_node().pk,
        "tags": "migration, rapport",
        **fields,
        "file": SimpleUploadedFile(name, data),
    }
    return client.post(reverse("wagtaildocs:add"), form)


def test_a_genuine_document_is_stored(editor_client, media_root):
    before = Document.objects.count()
    response = add_document(editor_client, "report.pdf", PDF)
    assert response.status_code == 302
    assert Document.objects.count() == before + 1
    assert "report.pdf" in stored_files(media_root)


@pytest.mark.parametrize("case", ["html-as-pdf", "png-as-docx", "zip-bomb-as-docx"])
def test_a_lying_document_is_refused_in_the_editors_language(editor_client, media_root, case):
    name, data = LIARS[case]
    kind = {"pdf": "a PDF document", "docx": "a Word document"}[name.rsplit(".", 1)[1]]
    before = Document.objects.count()
    response = add_document(editor_client, name, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{editor_client.language}"' in html  # the admin speaks the editor's language
    errors = response.context["form"].errors["file"]
    assert errors == [expected_mismatch(editor_client.language, name, kind)]
    # Nothing stored, and the editor's entries are still in the form.
    assert Document.objects.count() == before
    assert stored_files(media_root) == []
    assert 'value="Rapport annuel 2024"' in html
    assert "migration" in html and "rapport" in html


def test_a_forbidden_extension_is_refused_in_french(client, django_user_model, media_root):
    client.force_login(editor(django_user_model, "fr"))
    response = add_document(client, "setup.exe", b"MZ\x90\x00")
    assert response.status_code == 200
    (error,) = response.context["form"].errors["file"]
    assert "n’est pas autorisée" in error  # Django's own French catalogue
    assert stored_files(media_root) == []


def test_a_too_large_document_is_refused_before_it_is_read(editor_client, settings, media_root):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = add_document(editor_client, "report.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    (error,) = response.context["form"].errors["file"]
    with translation.override(editor_client.language):
        # Wagtail's own message, in its French and Arabic translations.
        wagtail_message = "This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."
        assert error.startswith(gettext(wagtail_message).split("(")[0])
    if editor_client.language == "fr":
        assert error.startswith("Ce fichier est trop gros")
    assert stored_files(media_root) == []


def test_replacing_a_documents_file_with_a_liar_keeps_the_original(admin_client, media_root):
    add_document(admin_client, "report.pdf", PDF)
    document = Document.objects.get(file__endswith="report.pdf")
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "A new title",
            "collection": document.collection_id,
            "file": SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>"),
        },
    )
    assert response.status_code == 200
    assert "is not really a PDF document" in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Rapport annuel 2024"
    assert document.file.open().read() == PDF


@pytest.mark.parametrize("case", ["exe-as-pdf", "plain-zip-as-docx", "binary-as-csv"])
def test_multiple_upload_refuses_liars_and_stores_nothing(editor_client, media_root, case):
    name, data = LIARS[case]
    before = Document.objects.count()
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    kind = {"pdf": "a PDF document", "docx": "a Word document", "csv": "a CSV file in UTF-8"}[
        name.rsplit(".", 1)[1]
    ]
    assert expected_mismatch(editor_client.language, name, kind) in answer["error_message"]
    assert Document.objects.count() == before
    assert stored_files(media_root) == []


def test_multiple_upload_accepts_genuine_files(admin_client, media_root):
    for name, data in GENUINE.items():
        response = admin_client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile(name, data)},
        )
        assert response.json()["success"] is True, name
    assert len(stored_files(media_root)) == len(GENUINE)


# --- Images -------------------------------------------------------------------------------


def add_image(client, name, data):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Port de Tanger",
            "collection": Collection.get_first_root_node().pk,
            "tags": "port",
            "file": SimpleUploadedFile(name, data),
        },
    )


def test_a_png_image_is_stored(admin_client, media_root):
    response = add_image(admin_client, "harbour.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.filter(title="Port de Tanger").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("photo.png", b"<html><script>alert(1)</script></html>"),
        ("photo.jpg", png_bytes()),
    ],
    ids=["svg", "gif", "html-as-png", "png-as-jpg"],
)
def test_images_outside_the_allow_list_or_lying_are_refused(editor_client, media_root, name, data):
    before = Image.objects.count()
    response = add_image(editor_client, name, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"].errors["file"]
    assert f'lang="{editor_client.language}"' in html
    assert 'value="Port de Tanger"' in html
    assert Image.objects.count() == before
    assert stored_files(media_root) == []


def test_an_image_with_too_many_pixels_is_refused(admin_client, settings, media_root):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    response = add_image(admin_client, "huge.png", png_bytes((100, 100)))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert stored_files(media_root) == []
