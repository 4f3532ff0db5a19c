"""One "create" makes one page: the editor's save and Wagtail's autosave never make two.

Wagtail autosaves a new page's form; a "Save draft" or "Publish" sent while that first
autosave is on its way posts the same form to the create view again. Through the admin's own
views: the second post saves onto the page the first made (mc2cm_portal/editing/
page_creation.py), and while one is being created, another create under the same parent waits.
"""

from datetime import timedelta

import psycopg
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import PageLogEntry

from action.models import ToolkitIndexPage, ToolkitPage
from mc2cm_portal.editing.page_creation import TWIN_WINDOW
from tests import LANGUAGES
from tests.admin.test_editing import stream_form_data
from tests.admin_forms import admin_form_data
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
TITLE = {
    "ar": "دليل استقبال القادمين الجدد في المدينة",
    "fr": "Guide d'accueil des nouveaux arrivants en ville",
    "en": "Guide to welcoming newcomers in the city",
}


@pytest.fixture
def editor():
    return staff_client("edna", "Editors")


def toolkit_form(client):
    """The add form for a toolkit as the editor fills it in, and where it posts."""
    parent = ToolkitIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["action", "toolkitpage", parent.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = admin_form_data(response.content.decode(), form_id="page-edit-form")
    data.update(stream_form_data(ToolkitPage()))
    for language in LANGUAGES:
        data[f"title_{language}"] = TITLE[language]
        data[f"slug_{language}"] = f"welcoming-guide-{language}"
        data[f"audience_{language}"] = f"{language}: reception desk staff"
        data[f"summary_{language}"] = f"{language}: first version"
    return url, data


def guides():
    return ToolkitPage.objects.filter(slug_en="welcoming-guide-en")


def test_a_second_save_of_a_new_page_becomes_its_next_revision(editor):
    url, data = toolkit_form(editor)
    assert editor.post(url, data).status_code == 302
    page = guides().get()

    # The editor's "Save draft", sent while the first (autosave) was on its way.
    data["summary_en"] = "en: what the editor typed last"
    response = editor.post(url, data)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert guides().count() == 1
    assert page.revisions.count() == 2
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary_en == "en: what the editor typed last"


def test_an_autosave_after_the_editors_save_goes_onto_the_same_page(editor):
    url, data = toolkit_form(editor)
    assert editor.post(url, data).status_code == 302
    page = guides().get()

    data["summary_fr"] = "fr : dernière version"
    response = editor.post(url, data, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is True
    assert answer["pk"] == page.pk
    assert guides().count() == 1
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary_fr == "fr : dernière version"


def test_publish_sent_after_an_autosave_publishes_the_page_it_made(editor):
    moderator = staff_client("moe", "Moderators")
    url, data = toolkit_form(moderator)
    assert moderator.post(url, data, HTTP_ACCEPT="application/json").status_code == 200
    page = guides().get()
    assert not page.live

    response = moderator.post(url, {**data, "action-publish": "1"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert guides().count() == 1


def test_another_editors_page_with_that_address_is_left_alone(editor):
    url, data = toolkit_form(editor)
    assert editor.post(url, data).status_code == 302
    page = guides().get()

    colleague = staff_client("carla", "Editors")
    _url, theirs = toolkit_form(colleague)
    theirs["summary_en"] = "en: the colleague's guide"
    response = colleague.post(url, theirs)

    assert response.status_code == 200  # the form again, with what they typed
    assert "the colleague&#x27;s guide" in response.content.decode()
    assert response.context["form"].errors
    assert guides().count() == 1
    assert page.revisions.count() == 1


def test_a_page_made_long_ago_is_not_taken_for_the_same_intent(editor):
    url, data = toolkit_form(editor)
    assert editor.post(url, data).status_code == 302
    page = guides().get()
    PageLogEntry.objects.filter(page=page, action="wagtail.create").update(
        timestamp=timezone.now() - TWIN_WINDOW - timedelta(seconds=1)
    )

    response = editor.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert page.revisions.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's IMMEDIATE transactions make every writer wait, whatever the parent",
)
def test_while_a_page_is_created_another_create_under_its_parent_waits(editor):
    """The property behind the above when both posts arrive at once: the parent page's row
    is locked from before the slug is checked until the new page is committed."""
    parent = ToolkitIndexPage.objects.get()
    settings = connection.settings_dict
    seen = []

    def try_to_create_alongside(request, parent_page, page_class):
        # Another server process, asking for the same lock the create view holds.
        with psycopg.connect(
            dbname=settings["NAME"],
            user=settings["USER"],
            password=settings["PASSWORD"],
            host=settings["HOST"],
            port=settings["PORT"] or None,
            autocommit=False,
        ) as other:
            try:
                other.execute(
                    "SELECT id FROM wagtailcore_page WHERE id = %s FOR UPDATE NOWAIT",
                    [parent.pk],
                )
                seen.append("free")
            except psycopg.errors.LockNotAvailable:
                seen.append("waits")

    url, data = toolkit_form(editor)
    with hooks.register_temporarily("before_create_page", try_to_create_alongside):
        assert editor.post(url, data).status_code == 302
    assert seen == ["waits"]
