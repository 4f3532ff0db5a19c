"""Real processes for the operations tests: the production server, database faults, backups.

A demo site (migrated, demo content loaded) is built once per session in a database of its
own, a PostgreSQL database on the server of DATABASE_URL or a temporary SQLite file, and each
test gets a copy with its own media folder: pytest-django's test database is never touched.
The portal runs under scripts/serve.sh, the production command, on a free local port.
"""

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


class DemoSites:
    """Builds the demo site once, then hands out copies (database + media)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.prefix = f"mc2cm_ops_{secrets.token_hex(3)}"
        self.sites = []
        self.template = self._site("template", copy_from=None)
        env = self.template.env()
        run_manage(env, "migrate", "--noinput", "-v", "0")
        # The demo app is installed by the test settings only, never production.
        demo_env = {**env, "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.test"}
        run_manage(demo_env, "load_demo_content", "-v", "0")

    def _site(self, name, copy_from):
        folder = self.folder / name
        folder.mkdir()
        if ON_POSTGRES:
            database = f"{self.prefix}_{name}"
            if copy_from is None:
                postgres("CREATE DATABASE {}", database)
            else:
                postgres("CREATE DATABASE {} TEMPLATE {}", database, copy_from.database)
        else:
            database = str(folder / "db.sqlite3")
            if copy_from is not None:
                # The template is not in use by any process: a file copy is consistent.
                shutil.copyfile(copy_from.database, database)
        site = Site(folder, database)
        if copy_from is not None and copy_from.media.exists():
            shutil.copytree(copy_from.media, site.media)
        self.sites.append(site)
        return site

    def new(self, name):
        return self._site(name, copy_from=self.template)

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
