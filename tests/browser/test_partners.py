"""A partner signs in in Arabic and downloads a partners-only toolkit; the sign-in is accessible."""

import re

import pytest

from tests import LANGUAGES

from .test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

USERNAME, PASSWORD = "partner", "mc2cm-partner"  # from create_dev_accounts


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def test_partner_signs_in_in_arabic_and_downloads_the_toolkit(page, page_paths):
    toolkit = page_paths["toolkit", "ar"]  # the demo's partners-only toolkit
    page.goto(toolkit)
    locked = page.locator("a.download__link--locked").first
    assert locked.count() == 1
    assert page.locator("a.download__link[download]").count() == 0
    locked.click()
    page.wait_for_url(
        re.compile(
            r"/ar/partners/sign-in/\?next=%2Fdocuments%2F|/ar/partners/sign-in/\?next=/documents/"
        )
    )
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl"
    assert page.evaluate("document.activeElement.id") == "id_username"  # autofocus
    page.keyboard.type(USERNAME)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    # Back to the document's short address, which serves the file (Wagtail serves PDFs
    # inline: the browser lands on the file itself).
    with page.expect_response(lambda response: "/documents/" in response.url) as served:
        page.keyboard.press("Enter")
    response = served.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "-ar.pdf" in response.headers["content-disposition"]
    # Chromium shows it in its PDF viewer; the same session fetches the bytes themselves.
    assert page.context.request.get(response.url).body().startswith(b"%PDF-")
    page.goto(toolkit)
    assert page.locator("a.download__link--locked").count() == 0
    assert page.locator("a.download__link[download]").count() == 3


def test_a_failed_sign_in_moves_the_focus_to_the_errors(page):
    page.goto("/fr/partners/sign-in/")
    page.fill("#id_username", "nobody-here")
    page.fill("#id_password", "wrong")
    page.press("#id_password", "Enter")
    page.wait_for_selector("#sign-in-errors")
    assert page.evaluate("document.activeElement.id") == "sign-in-errors"
    assert page.get_attribute("#id_username", "aria-invalid") == "true"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sign_in_page_has_no_wcag_violation(page, axe, lang):
    page.goto(f"/{lang}/partners/sign-in/")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe found on the {lang} sign-in page:\n{describe(violations)}"
    page.fill("#id_username", "nobody-here")
    page.fill("#id_password", "wrong")
    page.press("#id_password", "Enter")
    page.wait_for_selector("#sign-in-errors")
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe found after a failed sign-in ({lang}):\n{describe(violations)}"
