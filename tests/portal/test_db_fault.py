"""PostgreSQL stops while the production server runs: visitors get a short 503 page in their
language, and when the database is back the same server serves pages again by itself.

Needs the throwaway cluster of scripts/throwaway_postgres.py, which this test stops and
starts again (make test-postgres).
"""

import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest

from tests import LANGUAGES
from tests.servers import ON_POSTGRES, get, serve

PG_DATA = os.environ.get("MC2CM_PG_DATA")
PG_CTL = os.environ.get("MC2CM_PG_CTL")
RECOVERY_SECONDS = 10

pytestmark = [
    pytest.mark.skipif(
        not (ON_POSTGRES and PG_DATA and PG_CTL),
        reason="stops and restarts PostgreSQL: runs only on the throwaway cluster of "
        "scripts/throwaway_postgres.py (make test-postgres), which exports "
        "MC2CM_PG_DATA/MC2CM_PG_CTL",
    ),
    # Every other test on the cluster would fail while it is down.
    pytest.mark.serial,
]


def pg_ctl(*args):
    command = [PG_CTL, "-D", PG_DATA, "-w", *args]
    if os.geteuid() == 0:  # the cluster belongs to the postgres user
        command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def start_cluster():
    """Start the cluster with the options it was first started with (port, socket folder...),
    which PostgreSQL records in postmaster.opts: the binary, then its arguments."""
    recorded = shlex.split((Path(PG_DATA) / "postmaster.opts").read_text())[1:]
    options = []
    skip = False
    for arg in recorded:
        if skip:
            skip = False
        elif arg == "-D":
            skip = True
        else:
            options.append(arg)
    log = Path(PG_DATA).parent / "server.log"
    pg_ctl("-l", str(log), "-o", shlex.join(options), "start")


def cluster_is_running():
    return (Path(PG_DATA) / "postmaster.pid").exists()


@pytest.fixture
def fault_site(demo_sites, static_root, tmp_path, django_db_blocker):
    site = demo_sites.new("fault")
    try:
        # The page cache and the kept fragments would answer anonymous visitors without the
        # database (a page whose lists are kept needs no query), as they should in
        # production; here every request must reach it.
        env = site.env(
            DJANGO_STATIC_ROOT=str(static_root), MC2CM_PAGE_CACHE="0", MC2CM_FRAGMENT_CACHE="0"
        )
        with serve(env, tmp_path / "server.log") as base:
            yield base
    finally:
        if not cluster_is_running():
            start_cluster()
        # The restart cut this process's own connections (pytest-django's test database):
        # close them, so the next test opens fresh ones.
        from django.db import connections

        with django_db_blocker.unblock():
            for connection in connections.all():
                connection.close()


def wait_for(base, paths, status, seconds):
    deadline = time.monotonic() + seconds
    while True:
        answers = {path: get(base, path) for path in paths}
        if all(answer[0] == status for answer in answers.values()):
            return answers
        if time.monotonic() > deadline:
            found = {path: answer[0] for path, answer in answers.items()}
            pytest.fail(f"expected {status} from every page, got {found}")
        time.sleep(0.5)


def test_the_site_answers_503_while_postgres_is_down_and_recovers_alone(fault_site):
    base = fault_site
    pages = [f"/{lang}/" for lang in LANGUAGES] + ["/en/cities/"]
    wait_for(base, [*pages, "/health/"], 200, seconds=0)

    pg_ctl("-m", "fast", "stop")
    for lang in LANGUAGES:
        status, headers, body = get(base, f"/{lang}/")
        html = body.decode()
        assert status == 503, html[:500]
        assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html
        assert headers["retry-after"].isdigit()
        assert "Traceback" not in html
        assert "OperationalError" not in html
    assert get(base, "/en/")[2].decode().count("The portal is briefly unavailable") == 2
    status, _headers, body = get(base, "/health/")
    assert status == 503
    assert b'"database": "unavailable"' in body

    start_cluster()
    # Same server, no restart: the first requests find their connections dead and reconnect.
    answers = wait_for(base, [*pages, "/health/"], 200, seconds=RECOVERY_SECONDS)
    assert '<html lang="ar" dir="rtl">' in answers["/ar/"][2].decode()


@pytest.mark.django_db
def test_the_test_database_still_answers_after_the_restart():
    """Runs after the test above in file order: the rest of the session is not broken."""
    from wagtail.models import Page

    assert Page.objects.live().exists()
