"""The moderator's request for changes reaches the editor on the edit screen."""

import pytest
from django.utils.html import escape

from tests.staff import (
    add_toolkit_draft,
    edit_form,
    edit_url,
    post_edit,
    staff_client,
    workflow_action,
)

pytestmark = pytest.mark.django_db
COMMENT = "Please shorten the French summary; the Arabic title has a typo."


@pytest.fixture
def moderator():
    user = staff_client("moe", "Moderators")
    user.user.first_name, user.user.last_name = "Mona", "Haddad"
    user.user.save()
    return user


def submitted(editor):
    page = add_toolkit_draft(editor)
    post_edit(editor, page, edit_form(editor, page), **{"action-submit": "1"})
    return page


def test_the_editor_reads_the_comment_on_opening_the_page(editor, moderator):
    page = submitted(editor)
    assert COMMENT not in editor.get(edit_url(page)).content.decode()
    response = workflow_action(moderator, page, "reject", comment=COMMENT)
    assert response.status_code == 302

    html = editor.get(edit_url(page)).content.decode()
    assert f"Mona Haddad requested changes: “{escape(COMMENT)}”" in html

    # Resubmitted: the request is dealt with, the note goes.
    post_edit(editor, page, edit_form(editor, page), **{"action-submit": "1"})
    assert "requested changes" not in editor.get(edit_url(page)).content.decode()


def test_a_request_without_comment_says_so_in_the_editors_language(editor, moderator):
    from wagtail.users.models import UserProfile

    page = submitted(editor)
    workflow_action(moderator, page, "reject")
    UserProfile.objects.update_or_create(user=editor.user, defaults={"preferred_language": "fr"})
    html = editor.get(edit_url(page)).content.decode()
    assert "Mona Haddad a demandé des modifications, sans commentaire." in html
