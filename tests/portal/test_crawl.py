"""No dead end: every internal link of the demo portal, in every language, answers 200."""

from collections import Counter
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest

from tests import LANGUAGES

pytestmark = pytest.mark.django_db

START = [f"/{lang}/" for lang in LANGUAGES]
MIN_PAGES_PER_LANGUAGE = 50
# Files are fetched once each but not parsed; the admin is not part of the visitors' portal.
FILE_PREFIXES = ("/documents/", "/media/")
SKIPPED_PREFIXES = ("/admin/",)


class Links(HTMLParser):
    """The href of every link of a page: <a>, and <link rel="alternate"> (other languages)."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        href = attrs.get("href")
        if href and (tag == "a" or (tag == "link" and attrs.get("rel") == "alternate")):
            self.hrefs.append(href)


def internal_links(page_url, html):
    parser = Links()
    parser.feed(html)
    for href in parser.hrefs:
        if not href.startswith("/") or href.startswith("//"):
            continue  # other sites, mailto:, tel:, in-page anchors
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        yield unquote(parts.path) + (f"?{parts.query}" if parts.query else "")


def language_of(url):
    first = url.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else None


def gated_document(url):
    """The document behind a "Partners only — sign in to download" link, if it is one."""
    parts = urlsplit(url)
    if not parts.path.endswith("/partners/sign-in/"):
        return None
    target = parse_qs(parts.query).get("next", [""])[0]
    return target if target.startswith("/documents/") else None


def test_every_internal_link_answers_200(client):
    found_on = dict.fromkeys(START, "(start)")
    queue = list(START)
    visited, broken = set(), []
    gated = {}
    pages = Counter()
    while queue:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        response = client.get(url)
        if response.status_code != 200:
            broken.append(f"{url} -> {response.status_code} (linked from {found_on[url]})")
            continue
        if url.startswith(FILE_PREFIXES) or url.endswith("/pdf/"):  # files, and page PDFs
            # Files are streamed: read them to close them, and check they are not empty.
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if not body:
                broken.append(f"{url} -> empty file (linked from {found_on[url]})")
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        pages[language_of(url)] += 1
        for link in internal_links(url, response.content.decode()):
            if gated_document(link):
                gated.setdefault(gated_document(link), url)
            if link.startswith(SKIPPED_PREFIXES) or link in visited:
                continue
            found_on.setdefault(link, url)
            queue.append(link)

    # Partners-only files are linked through the sign-in page (which the crawl visits like
    # any page); the file itself must send an anonymous visitor to sign in, nothing else.
    assert gated, "the demo content shows no partners-only download"
    for document, page in gated.items():
        response = client.get(document)
        location = response.get("Location", "")
        if response.status_code != 302 or gated_document(location) != document:
            broken.append(f"{document} -> {response.status_code} {location} (gated on {page})")
    assert not broken, f"{len(broken)} broken internal link(s):\n" + "\n".join(broken)
    for lang in LANGUAGES:
        assert pages[lang] >= MIN_PAGES_PER_LANGUAGE, (
            f"only {pages[lang]} {lang} pages reachable from the home pages: {dict(pages)}"
        )
