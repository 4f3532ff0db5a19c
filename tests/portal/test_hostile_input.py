"""Small doors a hostile visitor or a careless set-up would try: bad API parameters answer a
400 with a reason (never a 500, never an "outage" 503), the open-data CSV never runs an
editor's text as a spreadsheet formula, and the admin offers no password reset it cannot
send."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cities.models import CityFigure, CityPage

pytestmark = pytest.mark.django_db

ENDPOINTS = ("/api/v2/pages/", "/api/v2/cities/", "/api/v2/documents/")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "query",
    [
        {"search": "tangier\x00"},
        {"search": "\x00"},
        {"lang": "en\x00"},
        {"offset": "9223372036854775808"},
        {"offset": str(2**31)},
        {"offset": "99999999999999999999999999"},
        {"offset": "-1"},
        {"limit": "9223372036854775808"},
    ],
)
def test_bad_api_parameters_answer_400_with_a_reason(client, endpoint, query):
    response = client.get(endpoint, query)
    assert response.status_code == 400, (query, response.content[:200])
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("search", ['"', 'port "tangier', '"tangier"', "AND OR NOT"])
def test_search_syntax_is_a_search_or_a_400_never_an_outage(client, endpoint, search):
    """A phrase in quotes is a search on PostgreSQL; SQLite's index cannot read a lone quote
    (its syntax error was taken for a database outage: 503)."""
    response = client.get(endpoint, {"search": search})
    assert response.status_code in (200, 400), (search, response.content[:200])
    if response.status_code == 400:
        assert response.json()["message"].startswith("search")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_large_but_possible_offset_is_an_empty_page(client, endpoint):
    response = client.get(endpoint, {"offset": str(2**31 - 1)})
    assert response.status_code == 200
    assert response.json()["items"] == []


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(search=st.text(max_size=30), endpoint=st.sampled_from(ENDPOINTS))
def test_any_search_answers_200_or_400(client, search, endpoint):
    response = client.get(endpoint, {"search": search})
    assert response.status_code in (200, 400), (search, response.content[:200])


# --- Open data CSV ----------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def csv_rows(client):
    response = client.get("/en/open-data/city-figures.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_editors_text_never_starts_a_formula_in_the_csv(client):
    city = CityPage.objects.get(slug_en="tangier")
    for number, formula in enumerate(FORMULAS):
        CityFigure.objects.create(
            city=city,
            value=number,
            unit="people",
            year=2020,
            label_en=formula,
            source_en=formula,
        )
    city.title_en = "=1+2"
    city.save()
    rows = csv_rows(client)
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]
    # Text starting with "-" is neutralised too; the portal's own numbers are left alone.
    labels = {row[3] for row in rows[1:]}
    assert "'-2+3" in labels and '\'=HYPERLINK("http://evil.example","x")' in labels
    assert any(row[0] == "'=1+2" for row in rows[1:])


# --- Admin password reset ---------------------------------------------------------------------


def test_admin_password_reset_is_off_without_mail(client):
    assert client.get("/admin/password_reset/", follow=True).status_code == 404
    assert "password_reset" not in client.get("/admin/login/").content.decode()


def test_admin_password_reset_follows_the_mail_settings():
    import os
    import subprocess
    import sys

    from tests.servers import ROOT

    script = "import django; django.setup(); from django.conf import settings; "
    script += "print(settings.WAGTAIL_PASSWORD_RESET_ENABLED)"
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.test"}
    answers = {}
    for name, extra in (("none", {}), ("mail", {"DJANGO_EMAIL_HOST": "smtp.example.org"})):
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**base, **extra, "HOME": os.environ.get("HOME", "/tmp")},  # noqa: S108
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        answers[name] = result.stdout.strip()
    assert answers == {"none": "False", "mail": "True"}


def public_read_only_addresses():
    from wagtail.documents import get_document_model

    from dialogue.models import PeerMeetingPage
    from mc2cm_portal.queries import public_documents

    file = public_documents(get_document_model().objects.order_by("pk")).first()
    meeting = PeerMeetingPage.objects.live().first()
    return [
        "/en/search/?q=tunis",
        "/ar/feeds/peer-meetings/",
        file.url,
        f"/fr/pages/{meeting.pk}/pdf/",
    ]


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PROPFIND"])
def test_read_only_addresses_answer_only_get_and_head(client, method):
    """A TRACE or OPTIONS answered with the whole page or file (seen by an access pass) is
    what a proxy or a scanner may store or misread: they answer 405, naming GET and HEAD."""
    for address in public_read_only_addresses():
        assert client.get(address).status_code == 200, address
        response = client.generic(method, address)
        assert response.status_code == 405, (address, response.status_code)
        assert response["Allow"] == "GET, HEAD", address
