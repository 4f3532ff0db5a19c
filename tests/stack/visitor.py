"""A visitor's HTTP client for the stack tests, and the sign-ins through the portal's forms."""

import http.client
import re
import secrets
import time
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie

from tests import LANGUAGES
from tests.admin_forms import admin_form_data

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="(ar|fr|en)" href="([^"]+)">')

ADMIN = ("stack-admin", "a-long-stack-admin-passphrase")
PARTNER = ("stack-partner", "a-long-stack-partner-passphrase")


@dataclass
class Response:
    status: int
    headers: dict  # lower-case names; Set-Cookie values joined by newlines
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Visitor:
    """An HTTP client that keeps its cookies, as a browser does.

    Browsers scope cookies by host name, not port, so A, B, nginx and Varnish (all
    127.0.0.1) share them; and they treat http://127.0.0.1 as a secure origin, so
    production's Secure cookies are kept and sent.
    """

    def __init__(self, language="en"):
        self.language = language
        self.cookies = {}

    def request(self, base, method, path, data=None, headers=None, timeout=30):
        parts = urllib.parse.urlsplit(base)
        all_headers = {"Accept-Language": self.language, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            raw_headers = response.getheaders()
            content = response.read()
        finally:
            connection.close()
        headers = {}
        for name, value in raw_headers:
            name = name.lower()
            headers[name] = f"{headers[name]}\n{value}" if name in headers else value
            if name == "set-cookie":
                for morsel in SimpleCookie(value).values():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(morsel.key, None)
                    else:
                        self.cookies[morsel.key] = morsel.value
        return Response(response.status, headers, content)

    def get(self, base, path, **options):
        return self.request(base, "GET", path, **options)

    def post(self, base, path, data, **options):
        return self.request(base, "POST", path, data=data, **options)


def sign_in_admin(visitor, base):
    """Sign in to the admin at ``base`` through its login form."""
    form = admin_form_data(visitor.get(base, "/admin/login/").text)
    response = visitor.post(
        base,
        "/admin/login/",
        {**form, "username": ADMIN[0], "password": ADMIN[1]},
        headers={"Referer": f"{base}/admin/login/"},
    )
    assert response.status == 302, response.text[-2000:]


def sign_in_partner(visitor, base, language="en"):
    path = f"/{language}/partners/sign-in/"
    form = admin_form_data(visitor.get(base, path).text)
    response = visitor.post(base, path, {**form, "username": PARTNER[0], "password": PARTNER[1]})
    assert response.status == 302, response.text[-2000:]


def path_of(address):
    """The path (and query) of an absolute address, percent-encoded for the request line."""
    parts = urllib.parse.urlsplit(address)
    path = urllib.parse.quote(urllib.parse.unquote(parts.path), safe="/")
    return f"{path}?{parts.query}" if parts.query else path


def language_versions(base, english_path):
    """{language: path} from the English page's hreflang alternates."""
    response = Visitor().get(base, english_path)
    assert response.status == 200, (english_path, response.status)
    found = {lang: path_of(href) for lang, href in ALTERNATE.findall(response.text)}
    assert set(found) == set(LANGUAGES), found
    return found


def new_city_titles():
    marker = secrets.token_hex(3)
    return {"ar": f"طنجة {marker}", "fr": f"Tanger {marker}", "en": f"Tangier {marker}"}


def publish_titles(editor, base, page_id, titles):
    """Publish new titles ({language: title}) of a page through the admin's edit form at
    ``base``, as a signed-in ``editor``; the moment it answered (time.monotonic())."""
    edit = f"/admin/pages/{page_id}/edit/"
    form = admin_form_data(editor.get(base, edit).text, form_id="page-edit-form")
    for lang, title in titles.items():
        form[f"title_{lang}"] = title
    response = editor.post(base, edit, {**form, "action-publish": "action-publish"})
    assert response.status == 302, response.text[-3000:]
    return time.monotonic()
