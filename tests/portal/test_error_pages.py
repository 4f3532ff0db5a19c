"""400, 403, CSRF failure and too-large requests: a page in the visitor's language, never a 500."""

import re

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from tests import LANGUAGES

pytestmark = pytest.mark.django_db


def html_lang(response):
    match = re.search(r'<html lang="([^"]*)" dir="(rtl|ltr)"', response.content.decode())
    return match and match.groups()


def csrf_client():
    """A browser that has a CSRF cookie, as after reading any page with a form."""
    client = Client(enforce_csrf_checks=True)
    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    return client, token


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_posted_without_its_token_gets_the_csrf_page_in_the_visitors_language(language):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/", {"q": "x"})
    assert response.status_code == 403
    assert html_lang(response) == (language, "rtl" if language == "ar" else "ltr")
    html = response.content.decode()
    if language == "en":
        assert "The form could not be sent" in html
    assert "<style" not in html  # Django's own CSRF page has an inline style
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_oversized_body_gets_a_413_page_in_the_visitors_language(language, settings):
    client, token = csrf_client()
    body = f"csrfmiddlewaretoken={token}&q=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(
        f"/{language}/search/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert html_lang(response)[0] == language
    if language == "en":
        assert "Too much data sent" in response.content.decode()


def test_too_many_fields_gets_the_413_page(settings):
    client, token = csrf_client()
    fields = "&".join(
        f"f{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)
    )
    response = client.post(
        "/fr/",
        f"csrfmiddlewaretoken={token}&{fields}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert html_lang(response)[0] == "fr"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_host_gets_the_400_page_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert html_lang(response)[0] == language
    if language == "en":
        assert "Bad request" in response.content.decode()


def test_a_post_with_its_token_to_a_public_page_is_not_an_error():
    client, token = csrf_client()
    response = client.post("/ar/", {"csrfmiddlewaretoken": token, "anything": "<b>"})
    assert response.status_code < 500
    assert html_lang(response)[0] == "ar"
