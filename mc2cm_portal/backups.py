"""Backups: the database and the uploaded files in one .tar.gz archive, and back.

An archive holds:

    manifest.json       which database engine wrote it, when, in which archive format
    database.sqlite3    SQLite: a consistent copy made with SQLite's online backup API,
                        safe while the server runs (a plain file copy is not)
    database.dump       PostgreSQL: pg_dump's custom format, restored with pg_restore
    media/...           MEDIA_ROOT: documents, original images and their renditions

With media in an object store (settings S3_*), an archive holds the database only, and
says so (the manifest, the command's output): the files are kept by the store, which has
its own tools for copies (bucket versioning, replication); copying them through the portal
would not scale with them.

Used by `manage.py backup` and `manage.py restore` (`make backup`, `make restore`).
"""

import contextlib
import datetime
import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, connection

from mc2cm_portal.cache import content_changed

FORMAT = 1
ENGINES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
# How long a backup waits for a database someone else holds locked, before saying so.
LOCK_TIMEOUT_SECONDS = 60
# An archive holds password hashes, sessions and partners-only files: its owner only.
ARCHIVE_MODE = 0o600


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def media_in_archive():
    """True when uploads are in MEDIA_ROOT, and so in the archive; False when they are in an
    object store (settings S3_*), which a backup does not copy."""
    return isinstance(storages["default"], FileSystemStorage)


def engine():
    vendor = connection.vendor
    if vendor not in ENGINES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def write_backup(folder, lock_timeout=LOCK_TIMEOUT_SECONDS):
    """Write one archive into ``folder``, readable by its owner only, and return its path.

    A database held locked longer than ``lock_timeout`` seconds stops the backup with a
    BackupError instead of waiting for ever.
    """
    vendor = engine()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    target = folder / f"mc2cm-{now:%Y%m%d-%H%M%S}.tar.gz"
    if target.exists():
        raise BackupError(f"{target} already exists; wait a second and try again.")
    with tempfile.TemporaryDirectory(prefix="mc2cm-backup-") as work:
        dump = Path(work) / ENGINES[vendor]
        if vendor == "sqlite":
            _sqlite_copy(settings.DATABASES["default"]["NAME"], dump, lock_timeout)
        else:
            _pg_run(
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--lock-wait-timeout={lock_timeout * 1000}",
                f"--file={dump}",
            )
        manifest = Path(work) / "manifest.json"
        manifest.write_text(
            json.dumps(
                {
                    "format": FORMAT,
                    "engine": vendor,
                    "created": now.isoformat(),
                    "media": "included" if media_in_archive() else "not included: object store",
                }
            )
        )
        # Written under another name first: an interrupted backup never looks complete.
        partial = target.with_name(target.name + ".partial")
        # Created with its final mode, whatever the umask: never readable by others.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, ARCHIVE_MODE)
        with (
            os.fdopen(descriptor, "wb") as output,
            tarfile.open(fileobj=output, mode="w:gz", compresslevel=6) as tar,
        ):
            tar.add(manifest, "manifest.json")
            tar.add(dump, dump.name)
            media = Path(settings.MEDIA_ROOT)
            if media_in_archive() and media.is_dir():
                tar.add(media, "media")
        partial.rename(target)
    return target


def restore_backup(archive):
    """Replace the database and bring the archived media files back into MEDIA_ROOT.

    Media files that are not in the archive are left where they are (nothing refers to them
    after the restore). The page cache is emptied: it would still show the old content.
    Every session ends: the archive would bring back sessions signed out since it was made.
    """
    vendor = engine()
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No archive at {archive}.")
    with tempfile.TemporaryDirectory(prefix="mc2cm-restore-") as work:
        work = Path(work)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses absolute paths, "..", links out of the folder and
                # device files: an archive cannot write outside the temporary folder.
                tar.extractall(work, filter="data")
            manifest = json.loads((work / "manifest.json").read_text())
        except (OSError, tarfile.TarError, ValueError) as error:
            raise BackupError(f"{archive} is not a portal backup ({error}).") from error
        if manifest.get("format") != FORMAT or manifest.get("engine") not in ENGINES:
            raise BackupError(f"{archive} is not a backup this version of the portal can read.")
        if manifest["engine"] != vendor:
            raise BackupError(
                f"{archive} holds a {manifest['engine']} database; this site runs on {vendor}. "
                "Restore it with DATABASE_URL pointing to the same kind of database."
            )
        dump = work / ENGINES[vendor]
        connection.close()
        if vendor == "sqlite":
            _sqlite_copy(dump, settings.DATABASES["default"]["NAME"])
        else:
            _pg_run(
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(dump),
            )
        if (work / "media").is_dir():
            Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
            shutil.copytree(work / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
            media = Path(settings.MEDIA_ROOT)
            give_to_folder_owner(media, [media, *media.rglob("*")])
        if vendor == "sqlite":
            database = Path(settings.DATABASES["default"]["NAME"])
            give_to_folder_owner(database.parent, [database])
    Session.objects.all().delete()
    # An archive older than the content version's table: `make migrate` creates it, with a
    # new version.
    with contextlib.suppress(DatabaseError):
        content_changed()
    return manifest


def give_to_folder_owner(folder, paths):
    """Run as root (`make restore` often is), the files a restore wrote would be root's:
    the server, running as its own user, could then not write the database or add
    renditions and uploads beside them. ``paths`` go to the owner of ``folder`` instead."""
    if os.geteuid() != 0 or not folder.is_dir():
        return
    owner = folder.stat()
    for path in paths:
        if path.exists() and not path.is_symlink() and path.stat().st_uid == 0:
            os.chown(path, owner.st_uid, owner.st_gid)


def _sqlite_copy(source, target, lock_timeout=LOCK_TIMEOUT_SECONDS):
    """SQLite's online backup. Python's ``backup()`` retries a locked database for ever:
    a read transaction taken first (waiting at most ``lock_timeout``) keeps writers out
    while it copies, and turns a lock that does not end into a clear error."""
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source, timeout=lock_timeout, isolation_level=None)
    dst = sqlite3.connect(target)
    try:
        try:
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            raise BackupError(
                f"The database {source} stayed locked for {lock_timeout} seconds ({error}): "
                "another program is writing to it. Try again when it is done."
            ) from error
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _pg_run(program, *args):
    """Run pg_dump or pg_restore on the site's database, with the server's own version.

    Connection settings go through libpq's environment variables, so the password never
    shows on a command line.
    """
    database = settings.DATABASES["default"]
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    if database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    result = subprocess.run(  # noqa: S603 - a fixed PostgreSQL program
        [_pg_binary(program), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed:\n{result.stderr.strip()}")


def _pg_binary(name):
    """The program of the server's major version if installed (Debian installs each version
    under /usr/lib/postgresql/<major>/bin), else the newest one, else the one on PATH."""
    connection.ensure_connection()
    major = connection.pg_version // 10000
    own = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    if own.exists():
        return str(own)
    installed = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda path: int(path.split("/")[4])
    )
    found = installed[-1] if installed else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install PostgreSQL's client programs.")
    return found
