"""The whole several-machines stack (build.py), started once per test module, PostgreSQL only."""

import pytest

from tests.servers import ON_POSTGRES, free_port
from tests.stack.build import whole_stack


@pytest.fixture(scope="module")
def stack(demo_sites, tmp_path_factory):
    if not ON_POSTGRES:
        pytest.skip("two app servers share one PostgreSQL database (run on PostgreSQL)")
    site = demo_sites.new(f"stack_{free_port()}")
    with whole_stack(site, tmp_path_factory.mktemp("stack")) as stack:
        yield stack
