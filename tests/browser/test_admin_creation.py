"""A new page is made once, in Chromium through the real admin: the dev Editor presses "Save
draft" while Wagtail's first autosave of the page is still on its way.

That autosave creates the page; the editor's save posts the add form again. Its answer is
held back here (the server has already made the page) so that the click always lands in that
moment, which otherwise depends on timing (about one admin journey in three hit it). The
editor's save must land on the page the autosave made (mc2cm_portal/editing/creation.py):
one page, two revisions, the edit form with what the editor last typed.
"""

import contextlib
import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .conftest import portal_manage

pytestmark = pytest.mark.browser

TITLE = "Guide saved while autosaving"


def on_portal(code):
    """What ``code`` prints, run on the portal's database (to read, not to change data)."""
    return portal_manage("shell", "-v", "0", "-c", code).strip().splitlines()[-1]


def is_autosave(request):
    """Wagtail's background save: a POST that asks for JSON, not a page."""
    return request.method == "POST" and "text/html" not in request.headers.get("accept", "")


def say_when_the_form_watches_edits(page):
    """The form starts watching for edits a moment after it loads; edits made before that are
    its starting point, which no autosave sends. It says when, with this event: the page then
    has ``html[data-watching-edits]``."""
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits',"
        " () => { document.documentElement.dataset.watchingEdits = '1' })"
    )


def wait_for_the_held_autosave(page, held, what):
    """Wagtail autosaves once the editor has stopped (WAGTAIL_AUTOSAVE_INTERVAL): wait for the
    route handler to hold that autosave's answer in ``held``."""
    for _ in range(150):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, f"Wagtail did not autosave {what}"
    assert held[0][1].status == 200


def test_save_draft_pressed_while_the_first_autosave_is_on_its_way_makes_one_page(editor):
    index_id = on_portal(
        "from action.models import ToolkitIndexPage; print(ToolkitIndexPage.objects.get().pk)"
    )
    add = f"/admin/pages/add/action/toolkitpage/{index_id}/"
    held = []

    def hold_the_autosaves_answer(route):
        if is_autosave(route.request) and not held:
            held.append((route, route.fetch()))  # the server has answered; the browser waits
        else:
            route.continue_()

    say_when_the_form_watches_edits(editor)
    editor.route(f"**{add}", hold_the_autosaves_answer)
    try:
        editor.goto(add)
        expect(editor.locator("html[data-watching-edits]")).to_have_count(1)
        editor.locator("#id_title_en").fill(TITLE)
        editor.locator("#id_audience_en").fill("Reception desk staff")
        editor.locator("#id_summary_en").fill("A guide for the reception desk.")
        editor.locator("#id_summary_en").press("Tab")
        wait_for_the_held_autosave(editor, held, "the new page")

        editor.locator("#id_summary_en").fill("A guide for the reception desk, as left.")
        editor.get_by_role("button", name="Save draft", exact=True).click()
        editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    finally:
        editor.unroute(f"**{add}")
        for route, answer in held:
            with contextlib.suppress(PlaywrightError):  # its page has gone: nothing to answer
                route.fulfill(response=answer)

    expect(editor.locator(".messages")).to_contain_text(f"'{TITLE}' has been updated")
    expect(editor.locator("#id_summary_en")).to_have_value(
        "A guide for the reception desk, as left."
    )
    page_id = re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1)
    pages_and_revisions = on_portal(
        "from action.models import ToolkitPage; "
        f"pages = ToolkitPage.objects.filter(title_en={TITLE!r}); "
        "print([(page.pk, page.revisions.count()) for page in pages])"
    )
    assert pages_and_revisions == f"[({page_id}, 2)]"


def choose_document(page, index, language):
    """Add a file row in ``language`` and choose a document for it in the chooser."""
    page.get_by_role("button", name=re.compile(r"Add file", re.I)).click()
    row = page.locator(f"#inline_child_files-{index}")
    row.locator(f"#id_files-{index}-language").select_option(language)
    row.get_by_role("button", name="Choose a document").click()
    dialog = page.get_by_role("dialog")
    link = dialog.locator("tbody a[data-chooser-modal-choice]").nth(index)
    title = link.inner_text().strip()
    link.click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text(title)


def test_save_pressed_while_an_autosave_adds_a_file_keeps_one_file_per_language(editor):
    """A later autosave, to the edit view now: it adds the French file on the server, but the
    editor presses "Save" before its answer (the new file's id) reaches the form, which then
    sends the French file again as new. One French file, the editor's save, no error page."""
    title = "Publication saved while autosaving"
    answers = []
    held = []

    def hold_the_autosaves_answer(route):
        if is_autosave(route.request) and "/edit/" in route.request.url and not held:
            held.append((route, route.fetch()))  # the server has answered; the browser waits
        else:
            route.continue_()

    editor.on("response", lambda answer: answers.append(answer))
    say_when_the_form_watches_edits(editor)
    add = "/admin/snippets/mc2cm_portal/publication/add/"
    edits = re.compile(r".*/admin/snippets/mc2cm_portal/publication/edit/\d+/$")
    editor.route(edits, hold_the_autosaves_answer)
    try:
        editor.goto(add)
        expect(editor.locator("html[data-watching-edits]")).to_have_count(1)
        editor.locator("#id_title_en").fill(title)
        editor.locator("#id_kind").select_option("report")
        choose_document(editor, 0, "ar")
        # The first autosave makes the publication; the form then edits it.
        editor.wait_for_url(edits, timeout=30_000)
        choose_document(editor, 1, "fr")
        wait_for_the_held_autosave(editor, held, "the French file")

        editor.get_by_role("button", name=re.compile(r"^Save( draft)?$")).first.click()
        editor.wait_for_load_state()
        expect(editor.locator(".messages")).to_contain_text(f"'{title}' updated")
    finally:
        editor.unroute(edits)
        for route, answer in held:
            with contextlib.suppress(PlaywrightError):  # its page has gone: nothing to answer
                route.fulfill(response=answer)

    errors = [f"{a.status} {a.url}" for a in answers if a.status >= 500]
    assert not errors, errors
    files = on_portal(
        "from mc2cm_portal.models import Publication; "
        f"p = Publication.objects.get(title_en={title!r}); "
        "print(sorted(f.language for f in p.get_latest_revision_as_object().files.all()))"
    )
    assert files == "['ar', 'fr']"
