"""Signed-in members of the editorial groups, as the admin tests use them."""

import pytest

from tests.staff import staff_client


@pytest.fixture
def editor():
    """A test client signed in as a member of the Editors group."""
    return staff_client("edna", "Editors")


@pytest.fixture
def moderator():
    """A test client signed in as a member of the Moderators group."""
    return staff_client("moe", "Moderators")
