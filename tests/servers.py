"""The demo site every test starts from, and real processes for the operations tests.

Migrating and loading the demo content takes most of a minute, so it is done once per test
run (`shared_demo_site`), in a database of its own: a PostgreSQL database on the server of
DATABASE_URL or an SQLite file. Everything else is a copy of it: pytest-django's test
database in each pytest-xdist worker (tests/conftest.py), the portal the browser tests drive
(tests/browser/conftest.py), and the sites of the operations tests (`DemoSites`: the
production server, database faults, backups), which each get their own database and media
folder. The portal runs under scripts/serve.sh, the production command, on a free local port.
"""

import fcntl
import hashlib
import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The folder of the demo site shared by one test run. tests/conftest.py names one for each
# pytest run; `make test` names one for both of its PostgreSQL runs, so the browser and
# serial run reuse the site of the parallel run (on a throwaway PostgreSQL cluster).
DEMO_SITE_FOLDER = "MC2CM_TEST_DEMO_SITE"
SERVER_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = SERVER_URL.startswith("postgres")
SERVER_START_TIMEOUT = 90  # migrate (a no-op) then gunicorn, on a busy 2-CPU machine


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}",
            pytrace=False,
        )
    return result.stdout


def get(base, path, headers=None, timeout=15):
    """(status, headers with lower-case names, body) of one GET; redirects not followed."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", urllib.parse.quote(path, safe="/?=&%"), headers=headers or {})
        response = connection.getresponse()
        return (
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


def postgres(sql_text, *identifiers):
    """Run one statement on the PostgreSQL server of DATABASE_URL (its maintenance database)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(SERVER_URL, autocommit=True) as connection:
        connection.execute(sql.SQL(sql_text).format(*map(sql.Identifier, identifiers)))


class Site:
    """One copy of the demo site: its database URL, media folder and environment."""

    def __init__(self, folder, database):
        self.folder = Path(folder)
        self.media = self.folder / "media"
        self.database = database  # a PostgreSQL database name, or the SQLite file
        if ON_POSTGRES:
            parts = urllib.parse.urlsplit(SERVER_URL)
            self.database_url = parts._replace(path=f"/{database}").geturl()
        else:
            self.database_url = f"sqlite:///{database}"

    def env(self, **extra):
        """Production settings on plain HTTP at 127.0.0.1, page cache off unless asked."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MC2CM_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="mc2cm_portal.settings.production",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DATABASE_URL=self.database_url,
            DJANGO_MEDIA_ROOT=str(self.media),
            DJANGO_CACHE_DIR=str(self.folder / "cache"),
            # serve() puts the server's own address here; commands need one to start.
            DJANGO_PUBLIC_URL="http://127.0.0.1",
            MC2CM_PAGE_CACHE="0",
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env

    def wipe_database(self):
        """Nothing left of the database: dropped and created empty, or the file deleted."""
        if ON_POSTGRES:
            postgres("DROP DATABASE {} WITH (FORCE)", self.database)
            postgres("CREATE DATABASE {}", self.database)
        else:
            Path(self.database).unlink()

    def drop(self):
        if ON_POSTGRES:
            postgres("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.database)


@contextmanager
def _only_once(folder, name):
    """Yields True to the first process of the run that asks for ``name``, which builds it;
    the others wait for it to finish, then get False."""
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = folder / f"{name}.done"
        first = not done.exists()
        yield first
        if first:
            done.touch()


def _demo_site(folder):
    if ON_POSTGRES:
        # A database name of its own per run folder, so that runs on one server never meet.
        digest = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
        return Site(folder / "site", f"mc2cm_demo_{digest}")
    return Site(folder / "site", str(folder / "site" / "db.sqlite3"))


def shared_demo_site():
    """The demo site of this test run (migrated, demo content loaded), built on first use.

    Built under the test settings, which install the demo app (production never does).
    pytest-xdist workers share it: the first one to need it builds it while the other waits.
    """
    folder = Path(os.environ[DEMO_SITE_FOLDER])
    site = _demo_site(folder)
    with _only_once(folder, "site") as first:
        if first:
            site.folder.mkdir(exist_ok=True)
            if ON_POSTGRES:
                postgres("DROP DATABASE IF EXISTS {} WITH (FORCE)", site.database)
                postgres("CREATE DATABASE {}", site.database)
            env = site.env(DJANGO_SETTINGS_MODULE="mc2cm_portal.settings.test")
            run_manage(env, "migrate", "--noinput", "-v", "0")
            run_manage(env, "load_demo_content", "-v", "0")
    return site


def remove_shared_demo_site(folder):
    """Drop the run's demo database (built, half-built or never) and delete its folder."""
    folder = Path(folder)
    if ON_POSTGRES:
        postgres("DROP DATABASE IF EXISTS {} WITH (FORCE)", _demo_site(folder).database)
    shutil.rmtree(folder, ignore_errors=True)


def shared_static_root():
    """The static files collected once per test run, hashed and compressed as in production."""
    site = shared_demo_site()
    static_root = site.folder.parent / "static"
    with _only_once(site.folder.parent, "static") as first:
        if first:
            collect_static(site, static_root)
    return static_root


class DemoSites:
    """Hands out copies of the run's demo site (database + media), dropped on close()."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.prefix = f"mc2cm_ops_{secrets.token_hex(3)}"
        self.sites = []
        self.template = shared_demo_site()

    def new(self, name):
        folder = self.folder / name
        folder.mkdir()
        if ON_POSTGRES:
            database = f"{self.prefix}_{name}"
            postgres("CREATE DATABASE {} TEMPLATE {}", database, self.template.database)
        else:
            database = str(folder / "db.sqlite3")
            # No process has the shared site open: a file copy is consistent.
            shutil.copyfile(self.template.database, database)
        site = Site(folder, database)
        if self.template.media.exists():
            shutil.copytree(self.template.media, site.media)
        self.sites.append(site)
        return site

    def close(self):
        for site in reversed(self.sites):
            site.drop()


def collect_static(site, static_root):
    """collectstatic as in production (fingerprinted, gzip and brotli), for the portal's own
    files only: public pages use no others, and compressing Wagtail's admin assets would add
    most of a minute on a 2-CPU machine."""
    ignored = ("wagtail*", "*modeltranslation", "rest_framework")
    run_manage(
        site.env(DJANGO_STATIC_ROOT=str(static_root)),
        "collectstatic",
        "--noinput",
        "-v",
        "0",
        *(f"--ignore={pattern}" for pattern in ignored),
    )


def python_for(user):
    """(interpreter, extra environment) with which ``user`` can run the portal.

    This one when the user may run it; otherwise the system's Python of the same version
    with this virtualenv's packages (a pyenv build under /root is out of other users' reach).
    """
    probe = [sys.executable, "-c", "import django"]
    try:
        if subprocess.run(probe, user=user, capture_output=True, check=False).returncode == 0:
            return sys.executable, {}
    except PermissionError:
        pass
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = Path("/usr/bin") / version
    packages = Path(sys.prefix) / "lib" / version / "site-packages"
    if not system.exists():
        pytest.skip(f"no Python that the user {user} can run")
    return str(system), {"PYTHONPATH": str(packages)}


@contextmanager
def serve(env, log, user=None):
    """The portal under scripts/serve.sh (gunicorn, 2 workers) until the block ends.

    Static files must have been collected into the environment's DJANGO_STATIC_ROOT. Its
    public address (DJANGO_PUBLIC_URL) is the server's own, unless ``env`` names another.
    ``user``: the Unix user the server runs as (the folders it uses must be theirs)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    python, python_env = python_for(user) if user else (sys.executable, {})
    env = {
        "DJANGO_PUBLIC_URL": base,
        **env,
        **python_env,
        "BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "PYTHON": python,
        "SKIP_COLLECTSTATIC": "1",
    }
    if env["DJANGO_PUBLIC_URL"] == "http://127.0.0.1":  # Site.env()'s stand-in
        env["DJANGO_PUBLIC_URL"] = base
    with open(log, "w") as output:
        # serve.sh ends with `exec gunicorn`: this process is gunicorn's master.
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve.sh")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            user=user,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The server did not start:\n{Path(log).read_text()[-5000:]}")
            try:
                if get(base, "/health/", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    # `make test` builds the PostgreSQL run's demo site in the background while the SQLite
    # run starts (and its first worker builds its own, leaving a CPU free).
    shared_demo_site()
