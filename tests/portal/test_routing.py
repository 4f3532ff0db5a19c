"""The lookups every page repeats (site, route, menu, breadcrumbs, settings) are cached,
and never outlive the content they describe."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cities.models import CityIndexPage, CityPage
from dialogue.models import DialoguePage
from mc2cm_portal.models import PortalSettings
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_repeat_request_reuses_the_shared_lookups(client):
    url = url_in(CityPage.objects.get(slug_en="tangier"), "ar")
    first, cold = queries_for(client, url)
    second, warm = queries_for(client, url)
    assert first.status_code == second.status_code == 200
    # Site, settings, route, menu and breadcrumbs come from the cache the second time.
    assert warm <= cold - 5
    assert first.content == second.content


def test_a_renamed_menu_page_shows_its_new_title_in_the_menu_at_once(client):
    dialogue = DialoguePage.objects.get()
    client.get("/fr/")
    dialogue.title_fr = "Dialogue entre villes"
    dialogue.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert "Dialogue entre villes</a>" in html


def test_a_new_slug_moves_the_route_and_the_breadcrumbs(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    old = url_in(tangier, "en")
    assert client.get(old).status_code == 200
    index = CityIndexPage.objects.get()
    index.slug_en = "partner-cities"
    index.save_revision().publish()
    new = url_in(CityPage.objects.get(pk=tangier.pk), "en")
    assert new == "/en/partner-cities/tangier/"
    assert client.get(old).status_code == 404
    html = client.get(new).content.decode()
    assert 'href="/en/partner-cities/"' in html  # the breadcrumb to the index


def test_an_unpublished_page_stops_answering_at_once(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    url = url_in(tangier, "fr")
    assert client.get(url).status_code == 200
    tangier.unpublish()
    assert client.get(url).status_code == 404


def test_a_page_restricted_after_a_visit_asks_for_a_sign_in(client):
    index = CityIndexPage.objects.get()
    url = url_in(CityPage.objects.get(slug_en="tangier"), "en")
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/partners/sign-in/?next=")


def test_view_restrictions_of_an_alias_are_those_of_its_source(client):
    tangier = CityPage.objects.get(slug_en="tangier")
    PageViewRestriction.objects.create(page=tangier, restriction_type=PageViewRestriction.LOGIN)
    # Under another parent, so that only the alias link ties it to the restricted page.
    alias = tangier.create_alias(parent=DialoguePage.objects.get())
    assert [r.page_id for r in Page.objects.get(pk=alias.pk).get_view_restrictions()] == [
        tangier.pk
    ]
    assert list(CityIndexPage.objects.get().get_view_restrictions()) == []


def test_a_changed_contact_address_shows_in_the_footer_at_once(client):
    client.get("/ar/")
    portal_settings = PortalSettings.objects.get()
    portal_settings.contact_email = "cities@example.org"
    portal_settings.save()
    assert "mailto:cities@example.org" in client.get("/ar/").content.decode()


def test_a_made_up_host_is_refused_and_leaves_nothing_in_the_cache(client, cache_keys):
    client.get("/en/")
    kept = cache_keys()
    assert kept  # what a visit keeps is seen, so an extra entry would be too
    response = client.get("/en/", HTTP_HOST="made-up.example")
    assert response.status_code == 400
    assert cache_keys() == kept


def breadcrumbs_of(html):
    return html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]


def test_the_breadcrumbs_leave_out_a_section_that_is_not_published(client):
    """A live page under an unpublished section stays reachable (Wagtail serves it), but its
    breadcrumbs linked to the section's address, a 404, and named a draft."""
    from knowledge.models import PriorityDocumentIndexPage

    section = PriorityDocumentIndexPage.objects.get()
    document = section.get_children().live().first()
    client.get(url_in(document, "fr"))  # the breadcrumbs as kept before the change
    section_url = url_in(section, "fr")
    section.unpublish()

    response = client.get(url_in(document, "fr"))

    assert response.status_code == 200
    crumbs = breadcrumbs_of(response.content.decode())
    assert section_url not in crumbs
    assert section.title_fr not in crumbs
    assert url_in(section.get_parent(), "fr") in crumbs  # the pillar above it is still there
    assert client.get(section_url).status_code == 404
