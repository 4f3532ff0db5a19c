"""What a visitor finds on a site, as JSON: run by tests/portal/test_backup.py before and after.

    DATABASE_URL=... DJANGO_MEDIA_ROOT=... python -m tests.site_snapshot

Every live page in each language (status and <title>), every document (status and sha256 of
the download) and every city's title in the three languages, through Django's test client.
"""

import hashlib
import json
import os
import re

import django

from tests import LANGUAGES

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def snapshot():
    from django.test import Client
    from django.utils import translation
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from cities.models import CityPage

    client = Client()
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        for lang in LANGUAGES:
            with translation.override(lang):
                url = page.get_url()
            response = client.get(url)
            title = TITLE.search(response.content.decode())
            pages[url] = [response.status_code, title.group(1).strip() if title else None]
    documents = {}
    for document in get_document_model().objects.order_by("pk"):
        response = client.get(document.url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        documents[document.file.name] = [response.status_code, hashlib.sha256(body).hexdigest()]
    cities = {
        city.slug_en: {lang: getattr(city, f"title_{lang}") for lang in LANGUAGES}
        for city in CityPage.objects.order_by("path")
    }
    return {"pages": pages, "documents": documents, "cities": cities}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc2cm_portal.settings.test")
    django.setup()
    print(json.dumps(snapshot(), ensure_ascii=False))
