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

    # The form starts watching for edits a moment after it loads; edits made before that are
    # its starting point, which no autosave sends. It says when, with this event.
    editor.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits',"
        " () => { document.documentElement.dataset.watchingEdits = '1' })"
    )
    editor.route(f"**{add}", hold_the_autosaves_answer)
    try:
        editor.goto(add)
        expect(editor.locator("html[data-watching-edits]")).to_have_count(1)
        editor.locator("#id_title_en").fill(TITLE)
        editor.locator("#id_audience_en").fill("Reception desk staff")
        editor.locator("#id_summary_en").fill("A guide for the reception desk.")
        editor.locator("#id_summary_en").press("Tab")
        # Wagtail autosaves once the editor has stopped typing (WAGTAIL_AUTOSAVE_INTERVAL).
        for _ in range(150):
            if held:
                break
            editor.wait_for_timeout(100)
        assert held, "Wagtail did not autosave the new page"
        assert held[0][1].status == 200

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
