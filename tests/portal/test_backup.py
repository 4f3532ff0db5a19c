"""`manage.py backup` / `restore` (make backup, make restore) round-trip the demo site on the
database the suite runs on: pages, documents and translations come back intact."""

import json
import shutil
import subprocess
import sys

from tests.servers import ON_POSTGRES, ROOT, run_manage


def snapshot(site):
    # Test settings: the test client's host is allowed; DATABASE_URL and media are the site's.
    env = site.env(DJANGO_SETTINGS_MODULE="mc2cm_portal.settings.test")
    result = subprocess.run(
        [sys.executable, "-m", "tests.site_snapshot"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    return json.loads(result.stdout.splitlines()[-1])


def database_is_empty(site):
    if not ON_POSTGRES:
        return not (site.folder / "db.sqlite3").exists()
    import psycopg

    with psycopg.connect(site.database_url) as connection:
        query = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        return connection.execute(query).fetchone()[0] == 0


def test_backup_and_restore_round_trip_the_demo_site(demo_sites, tmp_path):
    site = demo_sites.new("backup")
    env = site.env()
    before = snapshot(site)
    assert len(before["pages"]) > 100
    assert {status for status, _title in before["pages"].values()} == {200}
    assert before["documents"]
    # Public files download (200); partners-only ones send an anonymous visitor to sign in.
    assert {status for status, _sha in before["documents"].values()} == {200, 302}
    assert before["cities"]["tangier"]["ar"] == "طنجة"

    run_manage(env, "backup", "--folder", str(tmp_path))
    archives = list(tmp_path.glob("mc2cm-*.tar.gz"))
    assert len(archives) == 1, archives

    site.wipe_database()
    shutil.rmtree(site.media)
    site.media.mkdir()
    assert database_is_empty(site)
    assert not any(site.media.iterdir())

    run_manage(env, "restore", "--noinput", str(archives[0]))
    after = snapshot(site)
    assert after == before


def test_make_restore_refuses_without_an_archive():
    # Refused before anything else runs (no install, no database access).
    result = subprocess.run(
        ["make", "restore"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "make restore ARCHIVE=" in result.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(demo_sites, tmp_path):
    site = demo_sites.new("refuse")
    bogus = tmp_path / "mc2cm-bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", "--noinput", str(bogus)],
        cwd=ROOT,
        env=site.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "is not a portal backup" in result.stderr
