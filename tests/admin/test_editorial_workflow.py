"""Editors write drafts, Moderators approve and publish: what each group can and cannot do.

Everything goes through the admin's own URLs and forms, signed in as a member of the group.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page, Site, WorkflowState

from cities.models import CityPage
from mc2cm_portal.models import Theme
from tests import LANGUAGES
from tests.pages import url_in
from tests.staff import (
    TOOLKIT_TEXT,
    add_toolkit_draft,
    edit_form,
    post_edit,
    refused,
    staff_client,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def approval_task_state(page):
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return state.current_task_state


def test_the_workflow_covers_every_page_from_the_root():
    root = Page.objects.get(depth=1)
    workflow = root.get_workflow()
    assert workflow is not None and workflow.active
    (task,) = workflow.tasks.all()
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Moderators"]
    for page in Page.objects.filter(depth__gt=1):
        assert page.get_workflow() == workflow


def test_an_editor_drafts_cannot_publish_and_a_moderator_approves(client, editor, moderator):
    # The editor presses "publish": without the permission the page is only saved as a draft.
    page = add_toolkit_draft(editor, **{"action-publish": "action-publish"})
    assert not page.live
    assert client.get(url_in(page, "en")).status_code == 404
    assert page.title_ar == TOOLKIT_TEXT["ar"]

    response = post_edit(editor, page, edit_form(editor, page), **{"action-submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    assert approval_task_state(page).task.name == "Moderators approval"

    # The editor cannot approve their own work; the action is ignored and the page stays a draft.
    workflow_action(editor, page, "approve")
    page.refresh_from_db()
    assert not page.live

    response = workflow_action(moderator, page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    for language in LANGUAGES:
        visit = client.get(url_in(page, language))
        assert visit.status_code == 200
        assert escape(TOOLKIT_TEXT[language]) in visit.content.decode()


def test_a_rejected_draft_comes_back_to_the_editor_intact(editor, moderator):
    page = add_toolkit_draft(editor)
    data = edit_form(editor, page)
    data["summary_fr"] = "Résumé retravaillé par la rédaction, à relire."
    post_edit(editor, page, data, **{"action-submit": "1"})

    response = workflow_action(moderator, page, "reject", comment="Please shorten the summary.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert (
        WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    )

    again = edit_form(editor, page)
    assert again["summary_fr"] == "Résumé retravaillé par la rédaction, à relire."
    for language in LANGUAGES:
        assert again[f"title_{language}"] == TOOLKIT_TEXT[language]


def test_editors_cannot_publish_unpublish_move_or_delete_live_pages(client, editor):
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(editor, city)
    data["title_en"] = "Tangier, renamed by an editor"
    post_edit(editor, city, data, **{"action-publish": "action-publish"})
    assert CityPage.objects.get(pk=city.pk).title_en == "Tangier"
    assert "Tangier, renamed by an editor" not in client.get(url_in(city, "en")).content.decode()

    for name in ("unpublish", "delete", "move", "lock"):
        url = reverse(f"wagtailadmin_pages:{name}", args=[city.pk])
        if name != "lock":  # locking has no confirmation page, only the POST
            assert refused(editor.get(url)), name
        assert refused(editor.post(url)), name
    city.refresh_from_db()
    assert city.live and not city.locked


def test_moderators_publish_unpublish_and_lock(client, moderator):
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(moderator, city)
    data["title_en"] = "Tangier, checked by a moderator"
    response = post_edit(moderator, city, data, **{"action-publish": "action-publish"})
    assert response.status_code == 302
    assert "Tangier, checked by a moderator" in client.get(url_in(city, "en")).content.decode()

    assert moderator.post(reverse("wagtailadmin_pages:lock", args=[city.pk])).status_code == 302
    city.refresh_from_db()
    assert city.locked
    moderator.post(reverse("wagtailadmin_pages:unlock", args=[city.pk]))
    moderator.post(reverse("wagtailadmin_pages:unpublish", args=[city.pk]))
    city.refresh_from_db()
    assert not city.live


ADMIN_ONLY = [
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/locales/",
]


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_cannot_manage_people_sites_settings_or_workflows(group):
    staff = staff_client("someone", group)
    site = Site.objects.get(is_default_site=True)
    settings_url = reverse("wagtailsettings:edit", args=["mc2cm_portal", "portalsettings", site.pk])
    for url in [*ADMIN_ONLY, settings_url]:
        assert refused(staff.get(url)), url
    assert refused(staff.post("/admin/groups/new/", {"name": "Admins now"}))
    assert not Group.objects.filter(name="Admins now").exists()


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_staff_use_the_admin_images_documents_and_shared_snippets(group):
    staff = staff_client("someone", group)
    assert staff.get("/admin/").status_code == 200
    for url in ("/admin/images/add/", "/admin/images/chooser/", "/admin/documents/chooser/"):
        assert staff.get(url).status_code == 200, url
    for model in ("theme", "partner", "publication"):
        assert staff.get(f"/admin/snippets/mc2cm_portal/{model}/add/").status_code == 200
    theme = Theme.objects.first()
    delete = reverse("wagtailsnippets_mc2cm_portal_theme:delete", args=[theme.pk])
    assert refused(staff.post(delete))
    assert Theme.objects.filter(pk=theme.pk).exists()


@pytest.mark.parametrize("groups", [(), ("Partners",)], ids=["no group", "partners"])
def test_signed_in_users_outside_the_editorial_groups_never_reach_the_admin(groups):
    outsider = staff_client("outsider", *groups)
    for url in ("/admin/", "/admin/pages/", "/admin/reports/translation-status/"):
        response = outsider.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
