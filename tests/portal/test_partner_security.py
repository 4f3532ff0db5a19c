"""Password guessing, open redirects and direct media URLs: the partner access stays closed."""

from urllib.parse import urljoin, urlsplit

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from mc2cm_portal.access.partners import client_ip
from mc2cm_portal.models import PublicationFile
from tests import LANGUAGES
from tests.staff import PARTNER_PASSWORD as PASSWORD

pytestmark = pytest.mark.django_db

FAILURE_LIMIT = 5
EVIL_NEXTS = [
    "//evil.example",
    "https://evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "///evil.example",
    "https:evil.example",
]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)


def stays_here(location, current="http://testserver/en/partners/sign-in/"):
    """Where a browser would go: on this site, whatever the browser makes of backslashes."""
    target = urljoin(current, location.replace("\\", "/"))
    parts = urlsplit(target)
    return parts.scheme == "http" and parts.netloc == "testserver"


# --- Throttling -------------------------------------------------------------------------------


def partner_attempt(client, password, language="en", **extra):
    return client.post(
        f"/{language}/partners/sign-in/", {"username": "amina", "password": password}, **extra
    )


def admin_attempt(client, password, **extra):
    return client.post("/admin/login/", {"username": "root", "password": password}, **extra)


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_sign_in_locks_out_after_repeated_failures(client, partner, language):
    for _ in range(FAILURE_LIMIT - 1):
        assert partner_attempt(client, "guess", language).status_code == 200
    locked = partner_attempt(client, "guess", language)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    assert f'<html lang="{language}"' in locked.content.decode()
    # Even the right password is refused now, and nobody is signed in.
    assert partner_attempt(client, PASSWORD, language).status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_login_locks_out_after_repeated_failures(client, superuser):
    for _ in range(FAILURE_LIMIT - 1):
        assert admin_attempt(client, "guess").status_code == 200
    assert admin_attempt(client, "guess").status_code == 429
    locked = admin_attempt(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")
    assert locked.status_code == 429
    assert '<html lang="fr"' in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_a_success_before_the_limit_clears_the_failures(client, partner):
    for _ in range(FAILURE_LIMIT - 1):
        partner_attempt(client, "guess")
    assert partner_attempt(client, PASSWORD).status_code == 302
    client.post("/en/partners/sign-out/")
    for _ in range(FAILURE_LIMIT - 1):
        assert partner_attempt(client, "guess").status_code == 200


def test_lockout_is_per_username_and_address(client, partner):
    for _ in range(FAILURE_LIMIT):
        partner_attempt(client, "guess", REMOTE_ADDR="203.0.113.7")
    assert partner_attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    # The partner, from their own address, still signs in.
    assert partner_attempt(client, PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 302


def test_behind_a_proxy_the_forwarded_client_address_is_locked_out(client, partner, settings):
    settings.MC2CM_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(FAILURE_LIMIT):
        # Whatever the attacker writes first, the proxy appends the real address.
        partner_attempt(client, "guess", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7", **proxy)
    blocked = partner_attempt(
        client, PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7", **proxy
    )
    assert blocked.status_code == 429
    other = partner_attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("count", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "192.0.2.1"),
        (
            1,
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7"},
            "203.0.113.7",
        ),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 10.0.0.1"},
            "203.0.113.7",
        ),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "not-an-address"}, "10.0.0.2"),
        (1, {"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "2001:db8::1"}, "2001:db8::1"),
    ],
)
def test_client_address_behind_n_trusted_proxies(settings, count, meta, expected):
    settings.MC2CM_TRUSTED_PROXY_COUNT = count
    assert client_ip(RequestFactory().get("/", **meta)) == expected


# --- Open redirects ---------------------------------------------------------------------------


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_partner_sign_in_never_redirects_off_site(client, partner, evil):
    page = client.get("/en/partners/sign-in/", {"next": evil}).content.decode()
    assert "evil.example" not in page and "javascript:" not in page
    response = client.post(
        "/en/partners/sign-in/", {"username": "amina", "password": PASSWORD, "next": evil}
    )
    assert response.status_code == 302
    assert stays_here(response["Location"])
    assert response["Location"] == "/en/partners/resources/"


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_partner_sign_in_ignores_an_evil_next_in_the_address(client, partner, evil):
    response = client.post(
        f"/en/partners/sign-in/?next={evil}", {"username": "amina", "password": PASSWORD}
    )
    assert stays_here(response["Location"])


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_sign_out_never_redirects_off_site(client, partner, evil):
    client.force_login(partner)
    response = client.post("/fr/partners/sign-out/", {"next": evil})
    assert response.status_code == 302
    assert stays_here(response["Location"], "http://testserver/fr/partners/sign-out/")
    assert response["Location"].startswith("/fr/partners/sign-in/")


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_admin_login_never_redirects_off_site(client, superuser, evil):
    response = client.post(
        "/admin/login/", {"username": "root", "password": PASSWORD, "next": evil}
    )
    assert response.status_code == 302
    assert stays_here(response["Location"], "http://testserver/admin/login/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_local_next_is_followed_in_each_language(client, partner, superuser, language):
    local = f"/{language}/search/?q=toolkit"
    signed_in = client.post(
        f"/{language}/partners/sign-in/",
        {"username": "amina", "password": PASSWORD, "next": local},
    )
    assert signed_in["Location"] == local
    signed_out = client.post(f"/{language}/partners/sign-out/", {"next": local})
    assert signed_out["Location"] == local
    admin = client.post(
        "/admin/login/",
        {"username": "root", "password": PASSWORD, "next": "/admin/reports/downloads/"},
    )
    assert admin["Location"] == "/admin/reports/downloads/"


# --- Media: images only -----------------------------------------------------------------------


def a_document_file():
    file = PublicationFile.objects.filter(document__collection__name="Partners").first()
    return file.document.file.name  # e.g. documents/mc2cm-....pdf


def test_documents_are_never_reachable_by_their_media_url(client, partner, superuser):
    name = a_document_file()
    assert name.startswith("documents/")
    assert client.get(f"/media/{name}").status_code == 404
    client.force_login(partner)
    assert client.get(f"/media/{name}").status_code == 404
    client.force_login(superuser)
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../{doc}",
        "/media/images/%2e%2e/{doc}",
        "/media/original_images/..%2f{doc}",
        "/media/images/..\\{doc}",
        "/media/images/..%5c{doc}",
        "/media/images/%00.png",
        "/media/images/../../../../etc/passwd",
        "/media/images//etc/passwd",
        "/media/images/",
        "/media/images",
        "/media/",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/.env",
    ],
)
def test_path_traversal_never_reaches_a_file(client, path):
    # Addresses without a dot first get LocaleMiddleware's redirect to /en/..., a 404 too.
    response = client.get(path.format(doc=a_document_file()), follow=True)
    assert response.status_code in (400, 404)


def test_images_and_their_renditions_are_served_with_cache_headers(client):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (30, 90, 120)).save(buffer, "PNG")
    image = get_image_model().objects.create(title="Dot", file=ImageFile(buffer, name="dot.png"))
    rendition = image.get_rendition("width-10")
    for url in (rendition.url, image.file.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/")
        assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
        assert b"".join(response.streaming_content)
    assert client.post(rendition.url).status_code == 405


def test_an_over_long_username_is_a_form_error_not_a_server_error(client):
    """Found by tests/portal/test_fuzz.py on PostgreSQL: axes could not record a 300-letter name."""
    response = client.post("/fr/partners/sign-in/", {"username": "é" * 300, "password": "x"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not AccessAttempt.objects.filter(username__startswith="éé").exists()
