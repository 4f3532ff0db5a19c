"""Nothing live without review: the snippets visitors see go through the Moderators' approval.

Publications (with their files), themes and partners are changed like pages: an Editor's
change is a draft until a Moderator approves it, with history, compare and revert. Every
step goes through the admin's own snippet views, signed in as a member of the group.
"""

import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import WorkflowContentType, WorkflowState

from action.models import ToolkitIndexPage, ToolkitPage
from dialogue.models import PeerMeetingPage
from mc2cm_portal.caching import page_cache
from mc2cm_portal.models import Partner, Publication, Theme
from tests import LANGUAGES
from tests.pages import url_in
from tests.staff import edit_snippet, form_data, refused, snippet_url

pytestmark = pytest.mark.django_db
PHISHING = "https://icmpd-login.example.net/"
NEW_NAME = {
    "ar": "منظمة منتحلة للشراكة",
    "fr": "Organisation usurpatrice",
    "en": "Impostor Organisation",
}


def workflow_action(client, obj, name):
    """Press a workflow button (``approve``, ``reject``) in ``obj``'s edit form."""
    url = snippet_url("edit", obj)
    action = {
        "action-workflow-action": "1",
        "workflow-action-name": name,
        "workflow-action-extra-data": json.dumps({}),
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {**form_data(client, url), **action})


def in_moderation(obj):
    return WorkflowState.objects.for_instance(obj).filter(status=WorkflowState.STATUS_IN_PROGRESS)


def home_pages(client):
    return {language: client.get(f"/{language}/").content.decode() for language in LANGUAGES}


def search_results(client, language, query):
    """What the site's search shows for ``query``: each result's title and searched text (a
    page's result carries the titles of the publications it presents)."""
    response = client.get(f"/{language}/search/", {"q": query})
    return " | ".join(f"{entry.title} {entry.text}" for entry in response.context["results"])


def renamed_partner_changes():
    changes = {f"name_{language}": NEW_NAME[language] for language in LANGUAGES}
    changes["website"] = PHISHING
    return changes


def test_the_moderators_approval_workflow_covers_the_public_snippets():
    for model in (Publication, Theme, Partner):
        workflow = model().get_workflow()
        assert workflow is not None and workflow.name == "Moderators approval", model


def test_the_moderation_migration_can_run_again_and_changes_nothing():
    migration = importlib.import_module("mc2cm_portal.migrations.0007_snippet_moderation")
    moderators = Group.objects.get(name="Moderators")
    before = (set(moderators.permissions.all()), set(WorkflowContentType.objects.all()))
    migration.moderate_snippets(django_apps, None)
    after = (set(moderators.permissions.all()), set(WorkflowContentType.objects.all()))
    assert after == before
    editors = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    assert not [codename for codename in editors if codename.startswith(("publish", "lock"))]


def test_demo_snippets_are_simply_live():
    for model in (Publication, Theme, Partner):
        assert model.objects.exists()
        assert not model.objects.exclude(live=True).exists(), model
        assert not model.objects.filter(has_unpublished_changes=True).exists(), model
        assert not model.objects.filter(live_revision=None).exists(), model


def test_a_renamed_partner_and_its_new_web_address_wait_for_a_moderator(client, editor, moderator):
    partner = Partner.objects.order_by("sort_order").first()
    before = home_pages(client)
    for language, html in before.items():
        assert escape(getattr(partner, f"name_{language}")) in html, language
    version = page_cache.content_version()

    edit_snippet(editor, partner, renamed_partner_changes())
    edit_snippet(editor, partner, **{"action-submit": "1"})
    assert in_moderation(partner).exists()

    # A draft and a submission change nothing visitors see, nor the content version.
    assert page_cache.content_version() == version
    partner.refresh_from_db()
    assert partner.website != PHISHING
    assert partner.has_unpublished_changes
    for language, html in home_pages(client).items():
        assert PHISHING not in html
        assert escape(NEW_NAME[language]) not in html
        assert escape(getattr(partner, f"name_{language}")) in html

    # The editor cannot approve their own change.
    workflow_action(editor, partner, "approve")
    assert PHISHING not in client.get("/en/").content.decode()

    assert workflow_action(moderator, partner, "approve").status_code == 302
    assert not in_moderation(partner).exists()
    assert page_cache.content_version() != version
    for language, html in home_pages(client).items():
        assert f'<a href="{PHISHING}">{escape(NEW_NAME[language])}</a>' in html, language


def test_a_publication_edit_waits_for_approval_and_never_frees_its_files(client, editor, moderator):
    # Privacy is where a file is kept (its collection): editing the publication cannot free it.
    publication = next(pub for pub in Publication.objects.filter(live=True) if pub.partners_only)
    toolkit = ToolkitPage.objects.get(publication=publication)
    document = publication.files.get(language="en").document.url
    changes = {"title_en": "Toolkit, reworked title"}
    data = {**form_data(editor, snippet_url("edit", publication)), **changes}
    response = editor.post(snippet_url("edit", publication), {**data, "action-submit": "1"})
    assert response.status_code == 302

    html = client.get(url_in(toolkit, "en")).content.decode()
    assert "Toolkit, reworked title" not in html
    assert "Partners only — sign in to download" in html
    assert f'href="{document}"' not in html
    assert client.get(document).status_code == 302  # sent to sign in

    workflow_action(moderator, publication, "approve")
    html = client.get(url_in(toolkit, "en")).content.decode()
    assert "Toolkit, reworked title" in html
    assert f'href="{document}"' not in html
    assert client.get(document).status_code == 302  # still private


def test_editors_cannot_publish_or_unpublish_snippets(client, editor, moderator):
    partner = Partner.objects.order_by("sort_order").first()
    edit_form = editor.get(snippet_url("edit", partner)).content.decode()
    assert 'name="action-publish"' not in edit_form
    assert 'name="action-submit"' in edit_form
    assert 'name="action-publish"' in moderator.get(snippet_url("edit", partner)).content.decode()

    # Pressing "publish" anyway (a crafted request) only saves a draft.
    edit_snippet(editor, partner, renamed_partner_changes(), **{"action-publish": "action-publish"})
    partner.refresh_from_db()
    assert partner.website != PHISHING
    assert PHISHING not in client.get("/fr/").content.decode()

    assert refused(editor.post(snippet_url("unpublish", partner)))
    partner.refresh_from_db()
    assert partner.live

    # A theme the editor adds and "publishes" is a draft nobody sees.
    data = form_data(editor, snippet_url("add", Theme))
    data.update({"name_en": "Draft theme", "name_fr": "Thème brouillon", "slug": "draft-theme"})
    response = editor.post(snippet_url("add", Theme), {**data, "action-publish": "1"})
    assert response.status_code == 302
    theme = Theme.objects.get(slug="draft-theme")
    assert not theme.live
    index = ToolkitIndexPage.objects.get()
    assert "draft-theme" not in client.get(url_in(index, "en")).content.decode()


def test_moderators_publish_and_unpublish_snippets(client, moderator):
    partner = Partner.objects.order_by("sort_order").first()
    version = page_cache.content_version()
    edit_snippet(
        moderator, partner, renamed_partner_changes(), **{"action-publish": "action-publish"}
    )
    assert page_cache.content_version() != version
    assert escape(NEW_NAME["ar"]) in client.get("/ar/").content.decode()

    version = page_cache.content_version()
    response = moderator.post(snippet_url("unpublish", partner))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert not partner.live
    assert page_cache.content_version() != version
    assert escape(NEW_NAME["ar"]) not in client.get("/ar/").content.decode()


def test_a_snippets_history_compares_and_reverts_like_a_page(client, editor, moderator):
    partner = Partner.objects.order_by("sort_order").first()
    original = {f"name_{language}": getattr(partner, f"name_{language}") for language in LANGUAGES}
    reworded = {"description_en": "Reworded description."}
    edit_snippet(moderator, partner, reworded, **{"action-publish": "action-publish"})
    edit_snippet(
        moderator, partner, renamed_partner_changes(), **{"action-publish": "action-publish"}
    )
    assert escape(NEW_NAME["en"]) in client.get("/en/").content.decode()
    second, first = partner.revisions.order_by("-created_at", "-pk")[:2]

    history = editor.get(snippet_url("history", partner))
    assert history.status_code == 200
    revert_url = reverse(
        "wagtailsnippets_mc2cm_portal_partner:revisions_revert", args=[partner.pk, first.pk]
    )
    assert revert_url in history.content.decode()
    compare = editor.get(
        reverse(
            "wagtailsnippets_mc2cm_portal_partner:revisions_compare",
            args=[partner.pk, first.pk, second.pk],
        )
    )
    assert compare.status_code == 200
    assert escape(NEW_NAME["fr"]) in compare.content.decode()

    # The editor's revert is a draft like any other change...
    data = form_data(editor, revert_url)
    assert editor.post(revert_url, data).status_code == 302
    partner.refresh_from_db()
    assert partner.website == PHISHING
    assert escape(NEW_NAME["en"]) in client.get("/en/").content.decode()
    # ... which the moderator publishes.
    data = form_data(moderator, revert_url)
    response = moderator.post(revert_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    html = client.get("/en/").content.decode()
    assert escape(NEW_NAME["en"]) not in html
    assert escape(original["name_en"]) in html
    partner.refresh_from_db()  # the footer names partners; their descriptions are not shown
    assert partner.description_en == "Reworded description."
    assert PHISHING not in html


def test_a_never_published_publication_is_nowhere_on_the_site(client, editor, moderator):
    # The editor adds a publication with the file of an existing one and links it from a toolkit.
    public = Publication.objects.filter(live=True, kind="toolkit")
    file = next(pub for pub in public if not pub.partners_only).files.first()
    data = form_data(editor, snippet_url("add", Publication))
    data.update(
        {
            "title_en": "Unreviewed guide",
            "title_fr": "Guide non relu",
            "title_ar": "دليل غير مراجع",
            "kind": "toolkit",
            "files-TOTAL_FORMS": "1",
            "files-0-language": file.language,
            "files-0-document": str(file.document_id),
            "files-0-ORDER": "1",
        }
    )
    response = editor.post(snippet_url("add", Publication), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    draft = Publication.objects.get(title_en="Unreviewed guide")
    assert not draft.live
    toolkits = ToolkitPage.objects.live().select_related("publication")
    toolkit = next(page for page in toolkits if not page.publication.partners_only)
    toolkit.publication = draft
    toolkit.save_revision().publish()

    for language in LANGUAGES:
        title = getattr(draft, f"title_{language}")
        page = client.get(url_in(toolkit, language)).content.decode()
        assert escape(title) not in page
        assert title not in search_results(client, language, title)
    api = client.get(f"/api/v2/pages/{toolkit.pk}/").content.decode()
    assert "Unreviewed guide" not in api

    # Once a moderator approves it, it shows.
    edit_snippet(editor, draft, **{"action-submit": "1"})
    workflow_action(moderator, draft, "approve")
    assert escape("Unreviewed guide") in client.get(url_in(toolkit, "en")).content.decode()
    title = getattr(draft, f"title_{file.language}")
    assert title in search_results(client, file.language, title)


def test_a_draft_theme_is_not_shown_or_offered_as_a_filter(client, moderator):
    theme = Theme.objects.create(name_en="Unreviewed theme", slug="unreviewed", live=False)
    toolkit = ToolkitPage.objects.live().first()
    meeting = PeerMeetingPage.objects.live().first()
    for page in (toolkit, meeting):
        page.themes.add(theme)
        page.save_revision().publish()
    index = ToolkitIndexPage.objects.get()
    assert "Unreviewed theme" not in client.get(url_in(toolkit, "en")).content.decode()
    assert "unreviewed" not in client.get(url_in(index, "en")).content.decode()
    feed = client.get("/en/feeds/peer-meetings/").content.decode()
    assert "Unreviewed theme" not in feed

    theme.save_revision(user=moderator.user).publish(user=moderator.user)
    assert "Unreviewed theme" in client.get(url_in(toolkit, "en")).content.decode()
    assert "Unreviewed theme" in client.get("/en/feeds/peer-meetings/").content.decode()
    assert 'value="unreviewed"' in client.get(url_in(index, "en")).content.decode()


def test_locking_a_snippet_is_for_moderators(editor, moderator):
    partner = Partner.objects.first()
    assert refused(editor.post(snippet_url("lock", partner)))
    assert moderator.post(snippet_url("lock", partner)).status_code == 302
    partner.refresh_from_db()
    assert partner.locked
