"""Uploaded documents must be what their name says: the first bytes (or, for office files,
the members of the zip archive) are checked against the extension before anything is stored.

Only the portal's own checks, no libmagic: each allowed extension has one simple rule, so a
renamed HTML page, program or picture is refused with a message the editor understands. The
allowed extensions are WAGTAILDOCS_EXTENSIONS; Wagtail checks the size (WAGTAILDOCS_MAX_UPLOAD_SIZE)
and images itself (WAGTAILIMAGES_EXTENSIONS, read by Pillow).
"""

import codecs
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

# An office document whose parts unpack to more than this, or that packs its parts tighter
# than any real document does, is a "zip bomb" meant to exhaust the server.
MAX_UNPACKED_SIZE = 500 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ARCHIVE_MEMBERS = 10_000

# Office Open XML: the part every document of the kind has.
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# OpenDocument: the first member, "mimetype", names the kind.
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
TEXT_SAMPLE_SIZE = 1024 * 1024


def _read(file, size=-1):
    file.seek(0)
    try:
        return file.read(size)
    finally:
        file.seek(0)


def _open_zip(file):
    """The archive, if the file is one of sane size; None otherwise."""
    # Python reads a zip from its end, so anything (an HTML page, say) could come first:
    # a real archive starts with its first member, or is an empty archive.
    if not _read(file, 4).startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return None
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if (
        len(members) > MAX_ARCHIVE_MEMBERS
        or unpacked > MAX_UNPACKED_SIZE
        or unpacked / packed > MAX_COMPRESSION_RATIO
    ):
        return None
    return archive


def _is_pdf(file, extension):
    # The PDF header comes first; some writers put a byte-order mark or blank line before it.
    return _read(file, 1024).lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-")


def _is_ooxml(file, extension):
    archive = _open_zip(file)
    try:
        return archive is not None and {"[Content_Types].xml", OOXML_MAIN_PART[extension]} <= set(
            archive.namelist()
        )
    finally:
        file.seek(0)


def _is_odf(file, extension):
    archive = _open_zip(file)
    try:
        if archive is None or "mimetype" not in archive.namelist():
            return False
        member = archive.getinfo("mimetype")
        return member.file_size < 100 and archive.read(member).strip() == ODF_MIMETYPE[extension]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return False
    finally:
        file.seek(0)


def _is_zip(file, extension):
    archive = _open_zip(file)
    file.seek(0)
    return archive is not None


def _is_text(file, extension):
    sample = _read(file, TEXT_SAMPLE_SIZE)
    if b"\x00" in sample:
        return False
    # A sample cut short of the whole file may end in the middle of a character.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < TEXT_SAMPLE_SIZE)
    except UnicodeDecodeError:
        return False
    return True


CHECKS = {
    "pdf": _is_pdf,
    "docx": _is_ooxml,
    "xlsx": _is_ooxml,
    "pptx": _is_ooxml,
    "odt": _is_odf,
    "ods": _is_odf,
    "zip": _is_zip,
    "csv": _is_text,
    "txt": _is_text,
}


def _kind_label(extension):
    labels = {
        "pdf": _("a PDF document"),
        "docx": _("a Word document"),
        "xlsx": _("an Excel spreadsheet"),
        "pptx": _("a PowerPoint presentation"),
        "odt": _("an OpenDocument text"),
        "ods": _("an OpenDocument spreadsheet"),
        "zip": _("a zip archive"),
        "csv": _("a CSV file in UTF-8"),
        "txt": _("a plain text file in UTF-8"),
    }
    return labels.get(extension, extension)


def check_document_content(file):
    """Raise ValidationError unless the file's content matches its extension."""
    extension = os.path.splitext(file.name)[1].lower().lstrip(".")
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        return  # Wagtail's own extension validator refuses it with its message.
    check = CHECKS.get(extension)
    if check is None:
        raise ImproperlyConfigured(f"No content check for .{extension} in {__name__}.CHECKS.")
    if not check(file, extension):
        raise ValidationError(
            _(
                "“%(name)s” is not really %(kind)s: its content does not match its name. "
                "Save or export it again in that format, or rename it with the right extension."
            )
            % {"name": os.path.basename(file.name), "kind": _kind_label(extension)},
            code="content_mismatch",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content lies about their type."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Only a newly uploaded file is checked: an unchanged one was checked on its way in.
        if file and "file" in self.changed_data:
            check_document_content(file)
        return file

    def clean(self):
        # A refused upload is left out of the instance, and Document.clean() (run after
        # this, with the model's validation) would then also report the extension of an
        # empty name ("File extension “” is not allowed"): let it see the name the editor
        # chose. Nothing is saved from an invalid form.
        cleaned_data = super().clean()
        if self.has_error("file"):
            refused = self.files.get(self.add_prefix("file"))
            if refused is not None:
                self.instance.file = refused
        return cleaned_data
