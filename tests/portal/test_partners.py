"""Partners-only downloads, the partner sign-in and the guarded document view, end to end."""

import re
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from action.models import ToolkitPage
from mc2cm_portal.access.documents import PARTNERS_GROUP
from mc2cm_portal.models import DocumentDownload, Publication
from tests import LANGUAGES
from tests.factories import partners_collection, public_collection, publication
from tests.pages import url_in
from tests.staff import PARTNER_PASSWORD as PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(django_user_model):
    """Signed in, but in no group at all."""
    return django_user_model.objects.create_user("omar", "omar@example.org", PASSWORD)


@pytest.fixture
def staff(django_user_model):
    """An editor: in the Editors group, not a partner."""
    user = django_user_model.objects.create_user("edith", "edith@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def restricted_publication():
    """The demo's partners-only toolkit: its files are kept in the Partners collection."""
    private = Publication.objects.filter(files__document__collection=partners_collection())
    return private.distinct().get(kind=Publication.Kind.TOOLKIT)


def restricted_file(language):
    return restricted_publication().files.get(language=language)


def restricted_toolkit():
    return ToolkitPage.objects.get(publication=restricted_publication())


def sign_in(client, language, username, password=PASSWORD, **extra):
    return client.post(
        f"/{language}/partners/sign-in/", {"username": username, "password": password, **extra}
    )


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def downloads(file):
    counter = DocumentDownload.objects.filter(
        document=file.document, language=file.language
    ).first()
    return counter.downloads if counter else 0


# --- The sign-in page -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_page_speaks_the_visitors_language(client, language):
    response = client.get(f"/{language}/partners/sign-in/")
    html = response.content.decode()
    assert response.status_code == 200
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert '<label for="id_username">' in html and '<label for="id_password">' in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert "no-store" in response["Cache-Control"]
    assert "<script" not in html and "style=" not in html


def test_a_failed_sign_in_is_announced_and_takes_the_focus(client, partner):
    response = sign_in(client, "en", "amina", "wrong")
    html = response.content.decode()
    assert response.status_code == 200
    summary = re.search(r'<div class="form-errors"[^>]*>', html).group(0)
    assert 'role="alert"' in summary and "autofocus" in summary and 'tabindex="-1"' in summary
    assert html.count('aria-invalid="true"') == 2
    assert 'aria-describedby="sign-in-errors"' in html
    assert "The username or the password is not correct." in html
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sign_in_pages_words_name_its_fields_as_they_are_labelled(client, partner, language):
    html = sign_in(client, language, "amina", "wrong").content.decode()
    labels = [
        re.search(rf'<label for="id_{name}">([^<]+)</label>', html).group(1)
        for name in ("username", "password")
    ]
    message = html.split('class="form-errors"', 1)[1].split("</ul>", 1)[0]
    for label in labels:
        assert label.casefold() in message.casefold(), (label, message)
    # The page offers a way to get an account on the page itself, not "below" in a footer.
    with translation.override(language):
        from wagtail.models import Site

        from mc2cm_portal.models import PortalSettings

        email = PortalSettings.for_site(Site.objects.get(is_default_site=True)).contact_email
    after_form = html.split("</form>", 1)[1].split("</main>", 1)[0]
    assert f'href="mailto:{email}"' in after_form
    assert (
        "below" not in after_form and "ci-dessous" not in after_form and "أدناه" not in after_form
    )


# --- Downloading ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_signs_in_then_lands_on_the_file_and_it_is_counted(client, partner, language):
    file = restricted_file(language)
    url = file.document.url
    refused = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 302
    assert refused["Location"] == f"/{language}/partners/sign-in/?next={quote(url, safe='/')}"

    page = client.get(refused["Location"]).content.decode()
    assert f'<html lang="{language}"' in page
    assert f'name="next" value="{url}"' in page
    signed_in = sign_in(client, language, "amina", next=url)
    assert signed_in.status_code == 302
    assert signed_in["Location"] == url

    response = client.get(url)
    assert response.status_code == 200
    with file.document.file.open("rb") as stored:
        assert body(response) == stored.read()
    assert "private" in response["Cache-Control"]
    assert downloads(file) == 1
    body(client.get(url))
    assert downloads(file) == 2
    assert DocumentDownload.objects.get(document=file.document).file == file


def test_public_files_are_counted_too_per_language(client):
    public = Publication.objects.filter(files__document__collection=public_collection()).first()
    for file in public.files.all():
        response = client.get(file.document.url)
        assert response.status_code == 200
        body(response)
    for file in public.files.all():
        assert downloads(file) == 1
    assert "private" not in client.get(file.document.url).get("Cache-Control", "")


def test_a_head_request_is_not_a_download(client):
    public = Publication.objects.filter(files__document__collection=public_collection()).first()
    file = public.files.first()
    assert client.head(file.document.url).status_code == 200
    assert downloads(file) == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_signed_in_user_outside_the_group_is_refused_in_their_language(
    client, outsider, language
):
    assert sign_in(client, language, "omar").status_code == 302
    file = restricted_file("en")
    response = client.get(file.document.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}"' in html  # the language they signed in with
    assert "omar" in html
    assert downloads(file) == 0


def test_editors_may_download_partners_files(client, staff):
    client.force_login(staff)
    file = restricted_file("fr")
    response = client.get(file.document.url)
    assert response.status_code == 200
    body(response)


def test_after_signing_out_the_file_is_refused_again(client, partner):
    sign_in(client, "fr", "amina")
    url = restricted_file("fr").document.url
    body(client.get(url))
    assert client.get("/fr/partners/sign-out/").status_code == 405  # never on a GET
    signed_out = client.post("/fr/partners/sign-out/")
    assert signed_out.status_code == 302
    assert signed_out["Location"].startswith("/fr/partners/sign-in/")
    after = client.get(signed_out["Location"]).content.decode()
    with translation.override("fr"):
        notice = escape(gettext("You have signed out."))
    assert notice != "You have signed out."  # the French page says it in French
    assert f'role="status">{notice}</p>' in after
    refused = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 302
    assert refused["Location"].startswith("/fr/partners/sign-in/?next=")


# --- What pages show --------------------------------------------------------------------------


def test_public_pages_show_a_sign_in_link_instead_of_partners_only_files(client, partner):
    toolkit = restricted_toolkit()
    url = url_in(toolkit, "en")
    documents = [file.document.url for file in restricted_publication().files.all()]
    html = client.get(url).content.decode()
    assert "Partners only — sign in to download" in html
    for document in documents:
        assert f'href="{document}"' not in html
        # The sign-in comes back to the document's short address, which names no file.
        short = document.rsplit("/", 1)[0] + "/"
        assert f'href="/en/partners/sign-in/?next={short}"' in html
        assert document.rsplit("/", 1)[1] not in html
    client.force_login(partner)
    html = client.get(url).content.decode()
    assert "Partners only — sign in to download" not in html
    for document in documents:
        assert f'href="{document}"' in html


def test_search_shows_partners_files_to_partners_only(client, partner):
    """The file's entry is not shown to anyone who may not download it (the toolkit page
    itself is public and may still be found)."""
    title = restricted_publication().title_en
    document = restricted_file("en").document.url
    html = client.get("/en/search/", {"q": title}).content.decode()
    assert document not in html
    client.force_login(partner)
    assert f'href="{document}"' in client.get("/en/search/", {"q": title}).content.decode()


def test_partner_resources_list_the_partners_only_publications(client, partner, outsider):
    anonymous = client.get("/ar/partners/resources/")
    assert anonymous.status_code == 302
    assert anonymous["Location"] == "/ar/partners/sign-in/?next=/ar/partners/resources/"
    client.force_login(outsider)
    assert client.get("/ar/partners/resources/").status_code == 403
    client.force_login(partner)
    response = client.get("/ar/partners/resources/", {"page": "not-a-number"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert restricted_publication().title_ar in html
    assert f'href="{restricted_file("ar").document.url}"' in html
    assert "private" in response["Cache-Control"]


def test_partner_resources_are_paginated(client, partner):
    for number in range(12):
        publication(f"Partner note {number:02}", languages=("en",), private=True)
    client.force_login(partner)
    first = client.get("/en/partners/resources/").content.decode()
    second = client.get("/en/partners/resources/", {"page": 2}).content.decode()
    assert first.count('class="publication"') == 10
    assert second.count('class="publication"') == 3
    assert "Page 2 of 2" in second


def test_wagtail_page_privacy_for_the_partners_group_uses_the_partner_sign_in(
    client, partner, outsider
):
    toolkit = restricted_toolkit()
    restriction = PageViewRestriction.objects.create(
        page=toolkit, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=PARTNERS_GROUP))
    url = url_in(toolkit, "fr")
    refused = client.get(url)
    assert refused.status_code == 302
    assert refused["Location"] == f"/fr/partners/sign-in/?next={quote(url, safe='/')}"
    client.force_login(outsider)
    again = client.get(client.get(url)["Location"]).content.decode()
    # Told who they are signed in as, and offered the form for another account.
    assert 'class="account-status"' in again and "omar" in again
    assert 'name="username"' in again
    sign_in(client, "fr", "amina", next=url)
    assert client.get(url).status_code == 200


# --- The page cache ----------------------------------------------------------------------------


def test_the_page_cache_never_mixes_anonymous_and_partner_pages(client, partner, settings):
    settings.MC2CM_PAGE_CACHE = True
    cache.clear()
    url = url_in(restricted_toolkit(), "en")
    document = restricted_file("en").document.url
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"

    sign_in(client, "en", "amina")
    as_partner = client.get(url)
    assert "X-Page-Cache" not in as_partner  # a signed-in visitor never gets a cached page
    assert f'href="{document}"' in as_partner.content.decode()

    client.post("/en/partners/sign-out/")
    client.cookies.clear()
    anonymous = client.get(url)
    assert anonymous["X-Page-Cache"] == "hit"  # the partner's page was not stored
    assert f'href="{document}"' not in anonymous.content.decode()
    assert client.get("/en/partners/sign-in/").get("X-Page-Cache") is None
    cache.clear()


# --- Demo content and accounts ------------------------------------------------------------


def test_the_dev_partner_account_is_a_partner_without_admin_access(client, settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_dev_accounts")
    settings.DEBUG = True
    call_command("create_dev_accounts", verbosity=0)
    call_command("create_dev_accounts", verbosity=0)  # twice is harmless
    response = sign_in(client, "en", "partner", "mc2cm-partner")
    assert response["Location"] == "/en/partners/resources/"
    assert client.get("/admin/").status_code == 302  # no admin access
    assert client.get(restricted_file("en").document.url).status_code == 200


def test_the_demo_marks_one_toolkit_partners_only():
    publication = restricted_publication()
    assert publication.kind == Publication.Kind.TOOLKIT
    assert publication.files.count() == 3


def test_a_documents_short_address_leads_on_to_it_only_for_who_may_open_it(client, partner):
    """The locked link's way back after signing in: the file's name is told only to who
    may download it."""
    [file, *_rest] = restricted_publication().files.all()
    short = file.document.url.rsplit("/", 1)[0] + "/"
    name = file.document.url.rsplit("/", 1)[1]

    anonymous = client.get(short, HTTP_ACCEPT_LANGUAGE="fr")
    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"/fr/partners/sign-in/?next={short}"
    assert name not in anonymous["Location"]

    client.force_login(partner)
    signed_in = client.get(short)
    assert signed_in.status_code == 200
    assert b"".join(signed_in.streaming_content).startswith(b"%PDF-")
    assert name in signed_in["Content-Disposition"]  # saved under its own name
    assert "private" in signed_in["Cache-Control"]

    assert client.get("/documents/99999999/", follow=True).status_code == 404
