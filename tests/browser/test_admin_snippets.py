"""Snippets visitors see are reviewed like pages, in Chromium through the real admin: the dev
Editor renames a partner, changes its web address and edits a publication's title, and
submits; the site shows none of it until the dev Moderator approves. Also: an editor
collapses the languages they are not working on, and the form remembers it.

Steps that build on each other (module-scoped pages, tests in file order).
"""

import pytest
from playwright.sync_api import expect

from .test_admin_journey import footer_action, shell

pytestmark = pytest.mark.browser

NEW_NAME = "Centre international de développement des politiques migratoires (renommé)"
NEW_WEBSITE = "https://partner.example.org/new-address/"
NEW_TITLE = "Migration profile of Tangier, revised edition"
PROFILE = "/en/knowledge/migration-profiles/migration-profile-tangier/"


@pytest.fixture(scope="module")
def state():
    """What one step leaves for the next (the snippets' ids, their old texts)."""
    return {}


def partner_edit(state):
    return f"/admin/snippets/mc2cm_portal/partner/edit/{state['partner']}/"


def publication_edit(state):
    return f"/admin/snippets/mc2cm_portal/publication/edit/{state['publication']}/"


def footer_partner(page, name):
    return page.locator("footer a", has_text=name)


def test_the_editor_changes_a_partner_and_a_publication_and_submits_them(editor, state):
    partner, old_name, old_website = shell(
        "from mc2cm_portal.models import Partner; "
        "p = Partner.objects.filter(live=True).exclude(website='').first(); "
        "print(p.pk, p.name_en, p.website, sep='|')"
    ).split("|")
    publication, old_title = shell(
        "from knowledge.models import MigrationProfilePage; "
        "p = MigrationProfilePage.objects.get(slug_en='migration-profile-tangier').publication; "
        "print(p.pk, p.title_en, sep='|')"
    ).split("|")
    state.update(
        partner=partner,
        old_name=old_name,
        old_website=old_website,
        publication=publication,
        old_title=old_title,
    )
    editor.goto(partner_edit(state))
    editor.locator("#id_name_en").fill(NEW_NAME)
    editor.locator("#id_website").fill(NEW_WEBSITE)
    footer_action(editor, "Submit to Moderators approval")
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("submitted")

    editor.goto(publication_edit(state))
    editor.locator("#id_title_en").fill(NEW_TITLE)
    footer_action(editor, "Submit to Moderators approval")
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("submitted")


def test_visitors_still_see_the_old_name_address_and_title(page, state):
    page.goto("/en/")
    expect(footer_partner(page, state["old_name"])).to_have_attribute("href", state["old_website"])
    expect(page.locator("footer")).not_to_contain_text(NEW_NAME)
    expect(page.locator(f"footer a[href='{NEW_WEBSITE}']")).to_have_count(0)
    page.goto(PROFILE)
    expect(page.locator(".publication__title")).to_contain_text(state["old_title"])
    expect(page.locator("main")).not_to_contain_text(NEW_TITLE)


def test_the_moderator_approves_both(moderator, state):
    for address in (partner_edit(state), publication_edit(state)):
        moderator.goto(address)
        footer_action(moderator, "Approve and Publish")
        moderator.wait_for_load_state()
        expect(moderator.locator(".messages")).to_contain_text("updated")


def test_visitors_now_see_the_new_name_address_and_title(page, state):
    page.goto("/en/")
    expect(footer_partner(page, NEW_NAME)).to_have_attribute("href", NEW_WEBSITE)
    expect(page.locator("footer")).not_to_contain_text(state["old_name"])
    page.goto(PROFILE)
    expect(page.locator(".publication__title")).to_contain_text(NEW_TITLE)


def test_an_editor_collapses_the_languages_they_do_not_work_in_and_it_is_remembered(editor, state):
    editor.goto(partner_edit(state))

    def toggle(language):
        section = editor.locator(f"section[data-language-group='{language}']")
        return section.locator("> .w-panel__header [data-panel-toggle]")

    for language in ("fr", "en"):
        expect(toggle(language)).to_have_attribute("aria-expanded", "true")
        toggle(language).click()  # a real button: keyboard and screen readers reach it
        expect(toggle(language)).to_have_attribute("aria-expanded", "false")
    expect(editor.locator("#id_name_fr")).to_be_hidden()

    # Another form: Arabic open, French and English still folded away.
    editor.goto(publication_edit(state))
    expect(toggle("ar")).to_have_attribute("aria-expanded", "true")
    expect(editor.locator("#id_title_ar")).to_be_visible()
    for language in ("fr", "en"):
        expect(toggle(language)).to_have_attribute("aria-expanded", "false")
        expect(editor.locator(f"#id_title_{language}")).to_be_hidden()

    toggle("fr").click()  # opened again, and remembered open
    editor.reload()
    expect(toggle("fr")).to_have_attribute("aria-expanded", "true")
    expect(toggle("en")).to_have_attribute("aria-expanded", "false")


def count(model, **lookup):
    """(rows, revisions of those rows) of the model matching ``lookup``, on the portal."""
    rows, revisions = shell(
        f"from mc2cm_portal.models import {model}; from wagtail.models import Revision; "
        f"rows = {model}.objects.filter(**{lookup!r}); "
        "print(rows.count(), sum(Revision.objects.for_instance(r).count() for r in rows))"
    ).split()
    return int(rows), int(revisions)


@pytest.mark.parametrize(
    ("model", "field", "extra"),
    [
        ("Partner", "name_fr", {"#id_role": "funding"}),
        ("Publication", "title_fr", {"#id_kind": "report"}),
    ],
    ids=["partner", "publication"],
)
def test_one_save_draft_is_one_snippet_and_one_more_revision(editor, model, field, extra):
    """An editor presses "Save draft" once: one snippet, and one revision more.

    Wagtail 8 also saves the form in the background while the editor types (autosave,
    WAGTAIL_AUTOSAVE_INTERVAL) into a revision of its own, which later background saves
    overwrite; whether it has fired before the editor's "Save draft" depends on timing, so
    the count allows that one revision and no other. (French fields: the step above folded
    the English ones away.)
    """
    name = f"{model} saved once"
    editor.goto(f"/admin/snippets/mc2cm_portal/{model.lower()}/add/")
    editor.locator(f"#id_{field}").fill(name)
    for select, value in extra.items():
        editor.locator(select).select_option(value)
    editor.get_by_role("button", name="Save draft", exact=True).click()
    editor.wait_for_url("**/edit/*/")
    expect(editor.locator(".messages")).to_contain_text("created")
    assert count(model, **{field: name}) == (1, 1)
    pk = int(editor.url.rstrip("/").rsplit("/", 1)[-1])

    editor.locator(f"#id_{field}").fill(f"{name}, revised")
    editor.get_by_role("button", name="Save draft", exact=True).click()
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("updated")
    rows, revisions = count(model, pk=pk)
    assert rows == 1
    assert revisions in (2, 3), "the editor's save, and at most one autosave beside it"
    assert editor.locator(f"#id_{field}").input_value() == f"{name}, revised"
