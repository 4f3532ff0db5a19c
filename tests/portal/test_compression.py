"""Pages, feeds and API answers travel gzipped to browsers that ask; documents keep their
bytes and their length, so a download shows how much is left."""

import gzip

import pytest
from wagtail.documents import get_document_model

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
