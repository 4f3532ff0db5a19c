"""Commands run as another Unix user than the server never take the public pages down, and
/health/ fails when pages would (a database that cannot be written, a cache that cannot
be used), against the production server (tests/servers.py).

The server runs as an unprivileged user, as in production; `restore`, a shell publishing
a page and rendering pages (as a warm-up script would) run as root, writing the database
and the cache the server then reads.
"""

import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import pytest

from tests.servers import ON_POSTGRES, ROOT, Site, get, run_manage, serve

SERVER_USER = "mc2cm-www"
PAGES = ("/ar/", "/fr/", "/en/", "/en/cities/", "/en/cities/tangier/")

# As root: publish a change (the content version moves) and render pages for the public
# host, which fills the shared cache with entries only root may read (mode 0600).
ROOT_SHELL = """
from django.test import Client
from cities.models import CityPage
city = CityPage.objects.get(slug_en="tangier")
city.title_en = "Tangier, saved by root"
city.save_revision().publish()
client = Client(HTTP_HOST="{host}")
for path in {pages!r}:
    assert client.get(path).status_code == 200, path
"""


SESSION_SHELL = """
from django.contrib.sessions.backends.db import SessionStore
session = SessionStore()
session["signed_in_before_the_backup"] = True
session.create()
"""
COUNT_SESSIONS = (
    "from django.contrib.sessions.models import Session; print(Session.objects.count())"
)


@pytest.fixture(scope="module")
def server_user():
    """An unprivileged system user for the server, created for these tests if missing."""
    try:
        pwd.getpwnam(SERVER_USER)
        created = False
    except KeyError:
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        subprocess.run(
            [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER],
            check=True,
        )
        created = True
    yield SERVER_USER
    if created:
        subprocess.run([shutil.which("userdel") or "/usr/sbin/userdel", SERVER_USER], check=False)


def chown_tree(path, user):
    entry = pwd.getpwnam(user)
    for folder, folders, files in os.walk(path):
        for name in [folder, *(os.path.join(folder, item) for item in folders + files)]:
            os.chown(name, entry.pw_uid, entry.pw_gid)


@pytest.fixture(scope="module")
def shared_site(demo_sites, static_root, server_user):
    """A copy of the demo site in a folder the server's user owns (pytest's temporary
    folders are root's alone), with its static files."""
    folder = Path(tempfile.mkdtemp(prefix="mc2cm-unix-users-", dir="/var/tmp"))
    folder.chmod(0o755)
    copy = demo_sites.new("unix-users")
    database = copy.database if ON_POSTGRES else str(folder / "db.sqlite3")
    if not ON_POSTGRES:
        shutil.copyfile(copy.database, database)
    shutil.copytree(copy.media, folder / "media")
    shutil.copytree(static_root, folder / "static")
    (folder / "cache").mkdir()
    site = Site(folder, database)
    chown_tree(folder, server_user)
    yield site
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server(shared_site, server_user):
    site = shared_site
    # A write waits 5 s for SQLite's lock, not 20: the locked-database test waits for it twice.
    env = site.env(
        DJANGO_STATIC_ROOT=str(site.folder / "static"),
        MC2CM_PAGE_CACHE="1",
        DJANGO_SQLITE_LOCK_TIMEOUT="5",
    )
    with serve(env, site.folder / "server.log", user=server_user) as base:
        yield site, {**env, "DJANGO_PUBLIC_URL": base}, base


def test_commands_run_as_root_do_not_take_pages_down(server, tmp_path):
    site, env, base = server
    for path in PAGES:
        assert get(base, path)[0] == 200, path  # the server's user fills the cache

    host = urllib.parse.urlsplit(base).netloc
    run_manage(env, "shell", "-c", ROOT_SHELL.format(host=host, pages=PAGES))
    assert any(entry.stat().st_uid == 0 for entry in (site.folder / "cache").iterdir())
    for path in PAGES:
        status, _headers, body = get(base, path)
        assert status == 200, path
    assert "Tangier, saved by root" in get(base, "/en/cities/tangier/")[2].decode()

    # A session in the archive (a user signed in then) is not brought back by the restore.
    run_manage(env, "shell", "-c", SESSION_SHELL)
    run_manage(env, "backup", "--folder", str(tmp_path))
    (archive,) = tmp_path.glob("mc2cm-*.tar.gz")
    run_manage(env, "restore", "--noinput", str(archive))
    for path in PAGES:
        assert get(base, path)[0] == 200, path
    assert run_manage(env, "shell", "-c", COUNT_SESSIONS).splitlines()[-1] == "0"
    # What the restore wrote belongs to the server's user, who adds uploads beside it.
    server_uid = pwd.getpwnam(SERVER_USER).pw_uid
    assert {path.stat().st_uid for path in site.media.rglob("*")} == {server_uid}
    assert json.loads(get(base, "/health/")[2]) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
    }


def test_backups_are_readable_by_their_owner_only(server, tmp_path):
    _site, env, _base = server
    run_manage(env, "backup", "--folder", str(tmp_path))
    (archive,) = tmp_path.glob("mc2cm-*.tar.gz")
    assert archive.stat().st_mode & 0o777 == 0o600


def test_health_fails_when_the_cache_cannot_be_used(server):
    """A cache folder made by root (a restore before the server's first start): pages are
    rendered afresh and still answer, but /health/ says the cache is unusable."""
    site, _env, base = server
    cache = site.folder / "cache"
    kept = cache.with_name("cache-kept")
    cache.rename(kept)
    cache.mkdir(mode=0o700)  # root's
    try:
        status, _headers, body = get(base, "/health/")
        assert status == 503
        assert json.loads(body) == {
            "status": "unavailable",
            "database": "ok",
            "cache": "unavailable",
        }
        assert get(base, "/en/")[0] == 200
    finally:
        cache.rmdir()
        kept.rename(cache)
    assert get(base, "/health/")[0] == 200


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's write lock; PostgreSQL locks rows instead")
def test_a_database_locked_for_writing_fails_health_but_not_downloads(server):
    site, _env, base = server
    listing = json.loads(get(base, "/api/v2/documents/?limit=20")[2])
    downloads = [
        urllib.parse.urlsplit(item["meta"]["download_url"]).path for item in listing["items"]
    ]
    public = next(path for path in downloads if get(base, path)[0] == 200)

    locker = sqlite3.connect(site.database, isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")  # readers go on, writers wait
        status, _headers, body = get(base, "/health/", timeout=30)
        assert status == 503
        assert json.loads(body)["database"] == "unavailable"
        assert get(base, "/en/")[0] == 200
        status, _headers, _body = get(base, public, timeout=30)
        assert status == 200  # the counter is not written, the file is sent
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert get(base, "/health/")[0] == 200


def test_a_backup_gives_up_on_a_database_locked_for_ever(server, tmp_path):
    site, env, _base = server
    if ON_POSTGRES:
        pytest.skip("pg_dump's --lock-wait-timeout is PostgreSQL's own")
    locker = sqlite3.connect(site.database, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        result = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "backup",
                "--folder",
                str(tmp_path),
                "--lock-timeout",
                "1",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert result.returncode != 0
    assert "stayed locked for 1 seconds" in result.stderr
    assert not list(tmp_path.glob("mc2cm-*.tar.gz"))
