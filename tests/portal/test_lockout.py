"""Password throttling never lets a stranger lock a known person out: sign-in is locked per
username and address, read correctly behind the proxy, and production refuses a proxy set-up
that would give every visitor one address. Page passwords are throttled like sign-in."""

import subprocess
import sys

import pytest
from wagtail.models import PageViewRestriction

from cities.models import CityPage
from tests.pages import url_in
from tests.servers import ROOT
from tests.staff import PARTNER_PASSWORD

FAILURE_LIMIT = 5
PAGE_PASSWORD = "harbour-2026"  # noqa: S105
# What the documented proxy sends: it appends the address it received the request from.
PROXY = {"REMOTE_ADDR": "127.0.0.1"}
ATTACKER = "203.0.113.9"
MODERATOR = "198.51.100.7"


def sign_in(client, password, address, language="en"):
    return client.post(
        f"/{language}/partners/sign-in/",
        {"username": "amina", "password": password},
        HTTP_X_FORWARDED_FOR=address,
        **PROXY,
    )


@pytest.mark.django_db
def test_an_attacker_behind_the_proxy_locks_only_their_own_address(client, partner, settings):
    settings.MC2CM_TRUSTED_PROXY_COUNT = 1  # one nginx in front, as the README documents
    for _ in range(FAILURE_LIMIT):
        sign_in(client, "guess", f"10.9.9.9, {ATTACKER}")  # the left part is the attacker's
    assert sign_in(client, PARTNER_PASSWORD, ATTACKER).status_code == 429
    assert sign_in(client, PARTNER_PASSWORD, MODERATOR).status_code == 302


START = "import django; django.setup(); print('started')"


def production_start(**env):
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.production",
        "DJANGO_SECRET_KEY": "k" * 30 + "-production-key-for-a-start-up-test-0123456789",
        "DJANGO_ALLOWED_HOSTS": "mc2cm.example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", START],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_a_proxy_that_would_make_everyone_one_address():
    behind_proxy = {"DJANGO_PUBLIC_URL": "https://mc2cm.example.org"}
    refused = production_start(**behind_proxy)
    assert refused.returncode != 0
    assert "DJANGO_TRUSTED_PROXY_COUNT" in refused.stderr
    refused = production_start(**behind_proxy, DJANGO_TRUSTED_PROXY_COUNT="0")
    assert refused.returncode != 0
    started = production_start(**behind_proxy, DJANGO_TRUSTED_PROXY_COUNT="1")
    assert started.returncode == 0, started.stderr[-2000:]
    # gunicorn on its own (plain HTTP, no proxy): every visitor has their own address.
    started = production_start(DJANGO_PUBLIC_URL="http://mc2cm.example.org")
    assert started.returncode == 0, started.stderr[-2000:]


# --- Page passwords ---------------------------------------------------------------------------


@pytest.fixture
def protected_page():
    city = CityPage.objects.get(slug_en="tangier")
    restriction = PageViewRestriction.objects.create(
        page=city, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
    )
    return city, restriction


def try_password(client, page, restriction, password, language="en", address="192.0.2.10"):
    return client.post(
        f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": url_in(page, language)},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_page_passwords_are_throttled_in_the_visitors_language(client, protected_page, language):
    page, restriction = protected_page
    for _ in range(FAILURE_LIMIT):
        assert try_password(client, page, restriction, "guess", language).status_code == 200
    refused = try_password(client, page, restriction, PAGE_PASSWORD, language)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 15 * 60
    html = refused.content.decode()
    assert f'<html lang="{language}"' in html
    heading = {"ar": "محاولات كثيرة جدًا", "fr": "Trop de tentatives", "en": "Too many attempts"}
    assert heading[language] in html
    # The page stays closed: the right password after the limit was not accepted.
    assert not client.session.get("passed_page_view_restrictions")


@pytest.mark.django_db
def test_page_password_throttling_is_per_page_and_address(client, protected_page):
    page, restriction = protected_page
    for _ in range(FAILURE_LIMIT):
        try_password(client, page, restriction, "guess", address=ATTACKER)
    assert try_password(client, page, restriction, "guess", address=ATTACKER).status_code == 429
    # Someone else, from their own address, still opens the page.
    opened = try_password(client, page, restriction, PAGE_PASSWORD, address=MODERATOR)
    assert opened.status_code == 302
    assert client.session["passed_page_view_restrictions"] == [restriction.pk]


@pytest.mark.django_db
def test_the_right_page_password_clears_the_failures(client, protected_page):
    page, restriction = protected_page
    for _ in range(FAILURE_LIMIT - 1):
        try_password(client, page, restriction, "guess")
    assert try_password(client, page, restriction, PAGE_PASSWORD).status_code == 302
    for _ in range(FAILURE_LIMIT):
        assert try_password(client, page, restriction, "guess").status_code == 200
