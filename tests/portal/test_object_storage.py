"""Media in an S3-compatible object store (settings S3_*): a real SeaweedFS
(tests/services/seaweedfs.py) behind the portal under gunicorn (tests/servers.py).

A partners-only document lives in the private bucket, whose addresses the store refuses to
anonymous visitors; the portal hands it only to a signed-in partner. Moved to the Public
collection, it is downloadable through the portal, still without any public address in the
store. With the store stopped, pages are still served and a download answers a 503 page in
the visitor's language.
"""

import http.client
import json
import re
import tarfile
import urllib.parse

import pytest

from tests.servers import run_manage, serve
from tests.services.seaweedfs import seaweedfs

pytestmark = pytest.mark.stack

PARTNER_PASSWORD = "a-long-partner-passphrase"  # noqa: S105
BYTES = b"%PDF-1.4\n% partners only: the Tangier meeting's notes\n%%EOF\n"
UNAVAILABLE = {
    "en": "This file cannot be downloaded right now",
    "fr": "Ce fichier ne peut pas être téléchargé pour le moment",
    "ar": "لا يمكن تنزيل هذا الملف الآن",
}

# Run in a portal process (`manage.py shell`) on the same settings as the server.
SET_UP_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from cities.models import CityPage
from tests.pages import url_in
Document = get_document_model()
partner = get_user_model().objects.create_user("amina", "amina@example.org", "%(password)s")
partner.groups.add(Group.objects.get(name="Partners"))
# Saved without a collection, as an upload that names none: kept in Partners (access.py).
document = Document(title="Partners brief")
document.file.save("partners-brief.pdf", ContentFile(%(bytes)r), save=False)
document.save()
twin = Document(title="Partners brief, again")
twin.file.save("partners-brief.pdf", ContentFile(b"another file"), save=False)
twin.save()
city = CityPage.objects.live().order_by("path").first()
print(json.dumps({
    "id": document.pk,
    "url": document.url,
    "key": document.file.name,
    "twin_key": twin.file.name,
    "collection": document.collection.name,
    "city": {language: url_in(city, language) for language in ("ar", "fr", "en")},
    "city_id": city.pk,
}))
"""
MAKE_PUBLIC_SCRIPT = """
from wagtail.documents import get_document_model
from mc2cm_portal.access.documents import portal_collections
document = get_document_model().objects.get(title="Partners brief")
document.collection = portal_collections()[0]
document.save()
"""


@pytest.fixture(scope="module")
def store():
    with seaweedfs() as server:
        yield server


def upload_media(store, folder):
    """The demo site's files into the buckets, where the S3 settings look for them:
    renditions in the public bucket, everything else in the private one."""
    client = store.client()
    for path in folder.rglob("*"):
        if path.is_file():
            key = path.relative_to(folder).as_posix()
            bucket = store.public_bucket if key.startswith("images/") else store.private_bucket
            client.upload_file(str(path), bucket, key)


@pytest.fixture(scope="module")
def portal(demo_sites, static_root, store, tmp_path_factory):
    site = demo_sites.new("object-store")
    if site.media.exists():
        upload_media(store, site.media)
    env = site.env(**store.env(), DJANGO_STATIC_ROOT=str(static_root))
    set_up = SET_UP_SCRIPT % {"password": PARTNER_PASSWORD, "bytes": BYTES}
    facts = json.loads(run_manage(env, "shell", "-c", set_up).splitlines()[-1])
    log = tmp_path_factory.mktemp("object-store-logs") / "server.log"
    with serve(env, log) as base:
        yield env, base, facts
    text = log.read_text()
    assert not re.search(r'HTTP/1\.1" 500 ', text), text[-5000:]  # 503 while stopped only


def request(base, method, path, headers=None, body=None):
    """(status, list of (name, value) headers, body) of one request, redirects not followed."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(
            method, urllib.parse.quote(path, safe="/?=&%"), body=body, headers=headers or {}
        )
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def cookies(headers):
    """The cookies a response sets, as a Cookie header value's pairs (Secure ones too: the
    test server speaks plain HTTP behind where TLS would be)."""
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _equals, content = pair.partition("=")
            found[key.strip()] = content
    return found


def signed_in(base):
    """A partner's session cookies, signed in through the partner sign-in form."""
    path = "/en/partners/sign-in/"
    status, headers, body = request(base, "GET", path)
    assert status == 200
    jar = cookies(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "amina", "password": PARTNER_PASSWORD}
    )
    status, headers, body = request(
        base,
        "POST",
        path,
        headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body=form,
    )
    assert status == 302, body[:2000]
    jar.update(cookies(headers))
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def test_uploads_go_to_the_private_bucket_and_never_overwrite(portal, store):
    _env, _base, facts = portal
    assert facts["collection"] == "Partners"
    assert facts["twin_key"] != facts["key"]
    client = store.client()
    assert client.get_object(Bucket=store.private_bucket, Key=facts["key"])["Body"].read() == BYTES
    assert client.get_object(Bucket=store.private_bucket, Key=facts["twin_key"])["Body"].read() == (
        b"another file"
    )


def test_a_partners_only_file_reaches_a_partner_through_the_portal_only(portal, store):
    env, base, facts = portal
    # The object's own address in the store: refused to anyone without the portal's keys.
    assert store.anonymous_get(store.private_bucket, facts["key"]) == 403
    assert store.anonymous_get(store.public_bucket, facts["key"]) in (403, 404)
    # Anonymous, through the portal: the sign-in page.
    status, headers, _body = request(base, "GET", facts["url"])
    assert status == 302
    assert "/partners/sign-in/" in dict(headers)["Location"]
    # A signed-in partner: the bytes, never kept by a shared cache.
    status, headers, body = request(base, "GET", facts["url"], headers={"Cookie": signed_in(base)})
    assert status == 200
    assert body == BYTES
    assert "private" in dict(headers)["Cache-Control"]

    run_manage(env, "shell", "-c", MAKE_PUBLIC_SCRIPT)
    status, _headers, body = request(base, "GET", facts["url"])
    assert (status, body) == (200, BYTES)
    # Public now, through the portal; still no address of its own in the store.
    assert store.anonymous_get(store.private_bucket, facts["key"]) == 403
    assert store.anonymous_get(store.public_bucket, facts["key"]) in (403, 404)


def test_store_stopped_pages_are_served_and_downloads_say_so_in_each_language(portal, store):
    _env, base, facts = portal
    # So that the answer is not a sign-in page.
    run_manage(portal[0], "shell", "-c", MAKE_PUBLIC_SCRIPT)
    store.stop()
    try:
        for language, path in facts["city"].items():
            status, _headers, html = request(base, "GET", path)
            assert status == 200, (language, html[:2000])
        for language, text in UNAVAILABLE.items():
            status, headers, body = request(
                base, "GET", facts["url"], headers={"Accept-Language": language}
            )
            html = body.decode()
            assert status == 503, html[:2000]
            assert f'lang="{language}"' in html
            assert text in html
            assert dict(headers)["Retry-After"]
            # "Download this page as PDF" too, kept in the same store.
            path = f"/{language}/pages/{facts['city_id']}/pdf/"
            status, _headers, body = request(base, "GET", path)
            assert status == 503, body[:2000]
            assert text in body.decode()
    finally:
        store.start()
    status, _headers, body = request(base, "GET", facts["url"])
    assert (status, body) == (200, BYTES)


def test_a_backup_says_it_holds_the_database_only(portal, tmp_path):
    """With media in the store, `make backup` writes the database and says, in its output and
    in the archive's manifest, that the files are not in it (backups.py)."""
    env, _base, _facts = portal
    output = run_manage(env, "backup", "--folder", str(tmp_path))
    assert "Backup of the database written" in output
    assert "NOT in this archive" in output
    (archive,) = tmp_path.glob("mc2cm-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["media"] == "not included: object store"
    assert not [name for name in names if name.startswith("media")]
