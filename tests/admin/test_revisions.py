"""Preview, revisions and scheduled publishing on every page type; no editor's work is lost."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Revision, WorkflowState
from wagtail.users.models import UserProfile

from cities.models import CityPage
from tests import LANGUAGES
from tests.admin_forms import admin_form_data, stream_form_data
from tests.pages import page_models, url_in
from tests.staff import edit_form, post_edit, schedule_reached, staff_client

pytestmark = pytest.mark.django_db
EVERY_TYPE = pytest.mark.parametrize("model", page_models(), ids=lambda model: model.__name__)


def demo_page(model):
    return model.objects.live().order_by("path").first()


def draft_titles(model, marker):
    return {language: f"{marker} {model.__name__} {language} ✓" for language in LANGUAGES}


@EVERY_TYPE
def test_preview_shows_the_draft_in_each_language(model):
    editor = staff_client("edna", "Editors")
    page = demo_page(model)
    data = edit_form(editor, page)
    titles = draft_titles(model, "Preview")
    for language, title in titles.items():
        data[f"title_{language}"] = title
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = editor.post(preview_url, data)
    assert response.json()["is_valid"], response.content

    profile = UserProfile.get_for_user(editor.user)
    for language, title in titles.items():
        profile.preferred_language = language
        profile.save()
        preview = editor.get(preview_url)
        assert preview.status_code == 200, language
        assert escape(title) in preview.content.decode(), language
    # Previewing saved nothing.
    assert type(page).objects.get(pk=page.pk).title_fr == page.title_fr


@EVERY_TYPE
def test_revisions_are_listed_compared_and_reverted(model):
    editor = staff_client("edna", "Editors")
    page = demo_page(model)
    published_title = page.title_fr
    revisions = []
    for marker in ("First draft", "Second draft"):
        data = edit_form(editor, page)
        data["title_fr"] = draft_titles(model, marker)["fr"]
        assert post_edit(editor, page, data).status_code == 302
        page.refresh_from_db()
        revisions.append(page.get_latest_revision())
    first, second = revisions
    assert first.pk != second.pk

    history = editor.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = editor.get(compare)
    assert response.status_code == 200
    # The comparison marks the changed words of the French title.
    compared = response.content.decode()
    assert '<span class="deletion">First</span>' in compared
    assert '<span class="addition">Second</span>' in compared

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    response = editor.get(revert_url)
    assert response.status_code == 200
    data = admin_form_data(response.content.decode(), form_id="page-edit-form")
    assert data["title_fr"] == draft_titles(model, "First draft")["fr"]
    data.update(stream_form_data(first.as_object()))
    assert post_edit(editor, page, data).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().content["title_fr"] == data["title_fr"]
    # Drafts never reach visitors: the live page kept its published title.
    assert page.title_fr == published_title


@EVERY_TYPE
def test_scheduled_publishing_waits_for_its_time(client, model):
    moderator = staff_client("moe", "Moderators")
    page = demo_page(model)
    page.unpublish()
    data = edit_form(moderator, page)
    title = draft_titles(model, "Scheduled")["en"]
    data["title_en"] = title
    go_live = timezone.now() + datetime.timedelta(days=7)
    data["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    response = post_edit(moderator, page, data, **{"action-publish": "action-publish"})
    assert response.status_code == 302

    page.refresh_from_db()
    assert not page.live
    revision = Revision.page_revisions.get(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )
    assert client.get(url_in(page, "en")).status_code == 404
    call_command("publish_scheduled")  # too early: nothing happens
    page.refresh_from_db()
    assert not page.live

    schedule_reached(revision)  # the week has passed
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    visit = client.get(url_in(page, "en"))
    assert visit.status_code == 200
    assert escape(title) in visit.content.decode()


def invalid_city_edit(client, city):
    data = edit_form(client, city)
    data["title_fr"] = "Tanger, titre retravaillé"
    data["latitude"] = "123"  # out of range
    return data


def test_submitting_an_invalid_draft_for_moderation_keeps_the_text():
    editor = staff_client("edna", "Editors")
    city = CityPage.objects.get(slug_en="tangier")
    data = invalid_city_edit(editor, city)
    response = post_edit(editor, city, data, **{"action-submit": "1"})
    assert response.status_code == 200
    assert "Tanger, titre retravaillé" in response.content.decode()
    assert not WorkflowState.objects.for_instance(city).exists()


def test_approving_with_an_invalid_edit_keeps_the_text_and_publishes_nothing():
    editor = staff_client("edna", "Editors")
    moderator = staff_client("moe", "Moderators")
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(editor, city)
    data["title_fr"] = "Tanger, version soumise"
    post_edit(editor, city, data, **{"action-submit": "1"})

    data = invalid_city_edit(moderator, city)
    response = post_edit(
        moderator,
        city,
        data,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert response.status_code == 200
    assert "Tanger, titre retravaillé" in response.content.decode()
    city.refresh_from_db()
    assert city.title_fr != "Tanger, version soumise"
    assert city.workflow_in_progress
