"""Staff accounts in the editorial groups, and the admin forms they submit."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from tests.admin_forms import admin_form_data, stream_form_data

# What the ``partner`` fixture (conftest.py) signs in with.
PARTNER_PASSWORD = "a-long-partner-passphrase"  # noqa: S105


def staff_client(username, *group_names):
    """A test client signed in as a new user in the given groups (none: no group at all)."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    for name in group_names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, page):
    """The page's edit form as the admin fills it in: its latest revision, draft or not."""
    response = client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    data = admin_form_data(response.content.decode(), form_id="page-edit-form")
    # StreamFields are posted by the admin's JavaScript; send what it would.
    data.update(stream_form_data(page.get_latest_revision_as_object()))
    return data


def add_form(client, parent, page_class):
    """The admin's form for a new ``page_class`` page under ``parent``, as the browser would
    submit it before anything is typed, and the address it posts to."""
    meta = page_class._meta
    url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = admin_form_data(response.content.decode(), form_id="page-edit-form")
    data.update(stream_form_data(page_class()))
    return url, data


def toolkit_add_form(client, titles, slug):
    """The admin's add form for a toolkit (under the demo's toolkit index) filled in in each
    language of ``titles``, with slugs ``{slug}-{language}``; and the address it posts to."""
    from action.models import ToolkitIndexPage, ToolkitPage

    url, data = add_form(client, ToolkitIndexPage.objects.get(), ToolkitPage)
    for language, title in titles.items():
        data[f"title_{language}"] = title
        data[f"slug_{language}"] = f"{slug}-{language}"
        data[f"audience_{language}"] = f"{language}: city staff"
        data[f"summary_{language}"] = f"{language}: {title}, step by step."
    return url, data


def post_edit(client, page, data, **action):
    """Submit the edit form; ``action`` is e.g. ``{"action-submit": "1"}``; none saves a draft."""
    return client.post(edit_url(page), {**data, **action})


TOOLKIT_TEXT = {
    "ar": "دليل تجريبي لاستقبال الوافدين الجدد",
    "fr": "Guide d'essai pour accueillir les nouveaux arrivants",
    "en": "Trial guide to welcoming newcomers",
}


def add_toolkit_draft(editor, **action):
    """The editor fills in the admin's add form for a toolkit, in all three languages, and
    saves it (or does ``action``); the new page."""
    from action.models import ToolkitPage

    url, data = toolkit_add_form(editor, TOOLKIT_TEXT, "trial-guide")
    response = editor.post(url, {**data, **action})
    assert response.status_code == 302, response.context["form"].errors
    return ToolkitPage.objects.get(slug_en="trial-guide-en")


def workflow_action(moderator, page, name, comment=""):
    """A moderator's approve or reject (``name``) of the page's current task, from its edit
    screen, with an optional comment."""
    data = edit_form(moderator, page)
    extra = json.dumps({"comment": comment}) if comment else "{}"
    return post_edit(
        moderator,
        page,
        data,
        **{
            "action-workflow-action": "1",
            "workflow-action-name": name,
            "workflow-action-extra-data": extra,
        },
    )


def refused(response):
    """Wagtail's admin answers a forbidden view with 403, or a redirect away from it."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] != response.request["PATH_INFO"]


def submit(client, url, data):
    response = client.post(url, data)
    if response.status_code != 302:
        form = response.context.get("form") if response.context else None
        errors = form.errors if form is not None else ""
        pytest.fail(f"{url} did not save: {response.status_code} {errors}")
    return response


def snippet_url(view, obj):
    model = obj if isinstance(obj, type) else type(obj)
    name = f"wagtailsnippets_mc2cm_portal_{model._meta.model_name}:{view}"
    return reverse(name) if isinstance(obj, type) else reverse(name, args=[obj.pk])


def form_data(client, url):
    """The admin's add or edit form as a browser would submit it: the latest draft, if any."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return admin_form_data(response.content.decode())


def edit_snippet(client, obj, changes=None, **action):
    """Post ``obj``'s edit form with ``changes``; ``action``: ``{"action-submit": "1"}`` ..."""
    url = snippet_url("edit", obj)
    data = {**form_data(client, url), **(changes or {})}
    # Search entries are written once the save commits (the test's transaction never does).
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {**data, **action})
    assert response.status_code == 302, response.context and response.context["form"].errors
    return response


def schedule_reached(revision):
    """The scheduled time of ``revision`` has come. With no clock to freeze, the time is moved
    back instead, in both places Wagtail keeps it: the revision's approval and the object the
    revision holds (publishing a revision whose object still says "later" only schedules it
    again)."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
