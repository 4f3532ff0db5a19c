"""Every page type, in every language, passes axe-core's WCAG 2.0/2.1/2.2 A and AA rules."""

import pytest

from tests import LANGUAGES

from .conftest import ENGLISH_PATHS

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PAGE_TYPES = [*ENGLISH_PATHS, "missing", "search"]
EXPECTED_STATUS = {"missing": 404}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def describe(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    {len(violation['nodes'])} element(s): {'; '.join(targets)}"
            + (f" (+{more} more)" if more > 0 else "")
        )
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_wcag_a_or_aa_violation(shared_page, page_paths, axe, kind, lang):
    page = shared_page
    path = page_paths[kind, lang]
    response = page.goto(path)
    assert response.status == EXPECTED_STATUS.get(kind, 200), path
    if kind == "search":
        assert page.locator("ol.search-results a").count() > 0, f"no search result on {path}"
    results = axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"axe found on {path}:\n{describe(violations)}"
