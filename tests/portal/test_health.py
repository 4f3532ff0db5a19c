"""/health/ says whether the database answers, and nothing more; pages say it in a short 503."""

import json
import subprocess
import sys

import pytest

from tests.servers import ROOT, free_port


@pytest.mark.django_db
def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_lives_outside_the_language_prefix(client):
    assert client.get("/en/health/").status_code == 404


@pytest.mark.django_db
def test_health_probes_on_plain_http_are_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production
    assert client.get("/health/").status_code == 200
    assert client.get("/en/").status_code == 301


# The portal in a subprocess whose DATABASE_URL names a PostgreSQL server that is not there
# (a free local port): every connection is really refused, on SQLite runs too.
DOWN_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in ("/health/", "/ar/", "/fr/", "/en/", "/en/cities/"):
    response = client.get(path)
    answers[path] = {
        "status": response.status_code,
        "headers": dict(response.items()),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def database_down(tmp_path_factory):
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.test",
        "DATABASE_URL": f"postgres://portal:secret-password@127.0.0.1:{port}/mc2cm",
        "DJANGO_MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
    }
    result = subprocess.run(
        [sys.executable, "-c", DOWN_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return port, json.loads(result.stdout.splitlines()[-1])


def test_health_answers_503_without_details_when_the_database_is_down(database_down):
    port, answers = database_down
    answer = answers["/health/"]
    assert answer["status"] == 503
    assert json.loads(answer["body"]) == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "ok",
    }
    assert "no-store" in answer["headers"]["Cache-Control"]
    for detail in (str(port), "127.0.0.1", "secret-password", "refused", "psycopg"):
        assert detail not in answer["body"]


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/ar/", "ar", "rtl"),
        ("/fr/", "fr", "ltr"),
        ("/en/", "en", "ltr"),
        ("/en/cities/", "en", "ltr"),
    ],
)
def test_pages_answer_a_short_503_in_the_visitors_language(database_down, path, lang, direction):
    port, answers = database_down
    answer = answers[path]
    assert answer["status"] == 503
    assert answer["headers"]["Retry-After"].isdigit()
    assert "no-store" in answer["headers"]["Cache-Control"]
    body = answer["body"]
    assert f'<html lang="{lang}" dir="{direction}">' in body
    for detail in ("Traceback", "OperationalError", "psycopg", str(port), "secret-password"):
        assert detail not in body
    if lang == "en":
        assert "The portal is briefly unavailable" in body


@pytest.mark.parametrize(
    ("error", "status"),
    [
        ("OperationalError", 503),  # the server is down or unreachable
        ("InterfaceError", 503),  # the connection was cut
        ("ProgrammingError", 500),  # a bug in a query stays a server error
    ],
)
def test_only_connection_errors_become_503(rf, error, status):
    from django import db
    from django.utils import translation

    from mc2cm_portal.operations.views import server_error

    with translation.override("fr"):
        try:
            raise getattr(db, error)("boom")
        except db.Error:
            response = server_error(rf.get("/fr/"))
    assert response.status_code == status
    assert '<html lang="fr" dir="ltr">' in response.content.decode()
    assert "boom" not in response.content.decode()
