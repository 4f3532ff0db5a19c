"""Right-to-left by construction: the stylesheets use logical properties only."""

import re

from tests import ROOT

PHYSICAL = re.compile(
    r"(?<![\w-])("
    r"(margin|padding|border)-(left|right)"
    r"|(left|right)\s*:"
    r"|(text-align|float|clear)\s*:\s*(left|right)"
    r"|border-(top|bottom)-(left|right)-radius"
    r")",
    re.IGNORECASE,
)


def test_css_uses_logical_properties_only():
    offenders = []
    for path in (ROOT / "static").rglob("*.css"):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if PHYSICAL.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_check_would_catch_a_physical_property():
    assert PHYSICAL.search("  margin-left: 1rem;")
    assert PHYSICAL.search("text-align: right")
    assert not PHYSICAL.search("margin-inline-start: 1rem; inset-inline-start: 0;")
