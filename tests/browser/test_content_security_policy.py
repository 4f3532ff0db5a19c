"""The Content-Security-Policy blocks nothing the portal itself needs, in a real browser.

Every public page type in the three languages, anonymously; then the admin as a superuser
(login, dashboard, a page's edit form with its StreamField, the live preview) and the user bar
Wagtail adds to public pages for staff. Any `securitypolicyviolation` event, in any frame,
or a "Refused to ..." console message fails the test.
"""

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .conftest import DESKTOP, portal_manage

pytestmark = pytest.mark.browser

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile}:${event.lineNumber})`
    );
});
"""
ADMIN_USER, ADMIN_PASSWORD = "csp-admin", "csp-admin-password"  # noqa: S105 (test only)


class Watched:
    """A browser tab whose policy violations and refusals are collected."""

    def __init__(self, context):
        self.context = context
        context.add_init_script(WATCH_VIOLATIONS)
        self.page = context.new_page()
        self.console = []
        self.page.on(
            "console",
            lambda message: (
                self.console.append(message.text)
                if "Refused to" in message.text or "Content Security Policy" in message.text
                else None
            ),
        )

    def violations(self):
        found = list(self.console)
        for frame in self.page.frames:
            # A frame navigating away has nothing to report.
            with contextlib.suppress(PlaywrightError):
                found += frame.evaluate("window.__cspViolations || []")
        self.console.clear()
        return found


def watched(browser, portal_url):
    context = browser.get().new_context(base_url=portal_url, viewport=DESKTOP)
    context.set_default_timeout(20_000)
    return Watched(context)


@pytest.fixture(scope="module")
def visitor(browser, portal_url):
    tab = watched(browser, portal_url)
    yield tab
    tab.context.close()


def test_public_pages_run_without_a_single_violation(visitor, page_paths):
    failures = {}
    for (kind, lang), path in sorted(page_paths.items()):
        response = visitor.page.goto(path, wait_until="load")
        assert response.status < 500, path
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        violations = visitor.violations()
        if violations:
            failures[f"{kind} ({lang}) {path}"] = violations
    assert not failures, failures


@pytest.fixture(scope="module")
def pillar_id(portal_url):
    portal_manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser({ADMIN_USER!r}, 'csp@example.org', "
        f"{ADMIN_PASSWORD!r})",
    )
    output = portal_manage(
        "shell",
        "-c",
        "from dialogue.models import DialoguePage; print(DialoguePage.objects.get().pk)",
    )
    return int(output.split()[-1])


def test_the_admin_works_under_its_policy(browser, portal_url, pillar_id):
    tab = watched(browser, portal_url)
    page = tab.page
    try:
        # Sign in through the real form.
        page.goto("/admin/login/")
        assert tab.violations() == []
        page.fill("input[name=username]", ADMIN_USER)
        page.fill("input[name=password]", ADMIN_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        page.wait_for_load_state("networkidle")
        assert tab.violations() == [], "dashboard"

        # The edit form: its StreamField still adds a block (Wagtail's JavaScript runs).
        page.goto(f"/admin/pages/{pillar_id}/edit/", wait_until="networkidle")
        before = page.locator("[data-streamfield-child]").count()
        add = page.locator("button.c-sf-add-button:visible").first
        add.click()
        page.locator("[role=option]:visible, .w-combobox__option:visible").first.click()
        # Polled from Python: wait_for_function would eval() in the page, which the policy forbids.
        expect(page.locator("[data-streamfield-child]")).to_have_count(before + 1)
        assert tab.violations() == [], "edit form"

        # The live preview panel frames the page from the admin (same origin).
        page.click("[data-side-panel-toggle=preview]")
        frame = page.frame_locator("iframe[id^=w-preview-iframe], .preview-panel iframe").first
        frame.locator("main").first.wait_for()
        page.wait_for_load_state("networkidle")
        assert tab.violations() == [], "preview"

        # The user bar on a public page, for signed-in staff.
        page.goto("/fr/", wait_until="networkidle")
        page.locator("wagtail-userbar").wait_for(state="attached")
        trigger = page.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
        trigger.click()
        page.locator("wagtail-userbar").locator("#wagtail-userbar-items").wait_for()
        assert page.locator("wagtail-userbar").locator("a[href*='/admin/pages/']").count()
        assert tab.violations() == [], "user bar"
    finally:
        tab.context.close()
