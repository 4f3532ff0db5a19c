"""Odd addresses get a clear page in the visitor's language, never a stack trace."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [
        ("/en/no-such-page/", "en", "Page not found"),
        ("/fr/aucune-page/", "fr", "Page introuvable"),
        ("/ar/لا-توجد/", "ar", 'dir="rtl"'),
        ("/en/cities/%00/", "en", "Page not found"),
    ],
)
def test_missing_pages_answer_404_in_the_visitors_language(client, url, language, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert text in html
    assert "Traceback" not in html


def test_the_500_page_speaks_the_visitors_language(rf):
    from django.utils import translation

    from mc2cm_portal.operations.views import server_error

    with translation.override("ar"):
        response = server_error(rf.get("/ar/"))
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_an_outage_before_the_language_is_known_still_answers_in_it(rf, language):
    """The database can fail in a middleware that runs before LocaleMiddleware."""
    from django.db import OperationalError
    from django.utils import translation

    from mc2cm_portal.operations.views import server_error

    other = "fr" if language == "en" else "en"
    with translation.override(other):
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            response = server_error(rf.get(f"/{language}/cities/"))
    assert response.status_code == 503
    assert f'<html lang="{language}"' in response.content.decode()
