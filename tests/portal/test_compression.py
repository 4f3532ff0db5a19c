"""Pages, feeds and API answers travel gzipped to browsers that ask; documents keep their
bytes and their length, so a download shows how much is left."""

import gzip

import pytest
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_for_a_browser_that_asks_and_plain_otherwise(client):
    compressed = client.get("/ar/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content).decode()
    assert '<html lang="ar" dir="rtl"' in html

    plain = client.get("/ar/")
    assert not plain.has_header("Content-Encoding")
    assert '<html lang="ar" dir="rtl"' in plain.content.decode()


def test_a_public_document_is_sent_as_it_is_with_its_length(client):
    document = get_document_model().objects.filter(collection__name="Public").first()
    response = client.get(document.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    # No encoding at all: not gzip, and not the "None" Wagtail's file sending writes for a
    # PDF (access/documents.py), which no client can decode.
    assert not response.has_header("Content-Encoding"), response["Content-Encoding"]
    assert int(response["Content-Length"]) == document.file_size
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/en/feeds/peer-meetings/", "application/atom+xml"),
        ("/api/v2/cities/", "application/json"),
        ("/sitemap.xml", "application/xml"),
    ],
)
def test_feeds_the_api_and_the_sitemap_are_gzipped_too(client, path, content_type):
    """Compression is for text of every kind, not pages only (operations/compression.py)."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content)


def test_wagtail_still_names_none_as_the_encoding_of_a_pdf(tmp_path):
    """Why access/documents.py removes the header: the day this fails, Wagtail no longer
    writes it, and those lines can go."""
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    # As Wagtail's document view calls it for a file on local disk.
    response = sendfile(
        RequestFactory().get("/"), str(pdf), backend=sendfile_streaming_backend.sendfile
    )
    assert response["Content-Encoding"] == "None"
