"""Against real servers: the production server (page cache on) ignores a client's SCRIPT_NAME
header and sends no X-Page-Cache header; the dev server answers 404, not 500, for a static
address that climbs out of the static folder."""

import subprocess
import sys
import time

import pytest

from tests.servers import ROOT, free_port, get, serve


@pytest.fixture(scope="module")
def cached_server(demo_sites, static_root, tmp_path_factory):
    site = demo_sites.new("headers")
    log = tmp_path_factory.mktemp("headers") / "server.log"
    env = site.env(DJANGO_STATIC_ROOT=str(static_root), MC2CM_PAGE_CACHE="1")
    with serve(env, log) as base:
        yield base


@pytest.mark.parametrize("script_name", ["/en", "/made-up", "/en/cities"])
def test_a_clients_script_name_header_changes_nothing(cached_server, script_name):
    base = cached_server
    plain = get(base, "/en/cities/")[2]
    status, _headers, body = get(base, "/en/cities/", {"SCRIPT_NAME": script_name})
    assert status == 200
    assert body == plain
    # Nor is a page kept with rewritten links for the next visitor.
    assert get(base, "/en/cities/")[2] == plain
    assert f'href="{script_name}/en/' not in plain.decode()


def test_public_answers_do_not_say_whether_they_were_cached(cached_server):
    base = cached_server
    for _ in range(2):
        status, headers, _body = get(base, "/en/")
        assert status == 200
        assert "x-page-cache" not in headers


def test_the_dev_server_refuses_paths_out_of_the_static_folder(demo_sites):
    site = demo_sites.new("dev-server")
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.dev",
        "DATABASE_URL": site.database_url,
        "DJANGO_MEDIA_ROOT": str(site.media),
        "DJANGO_CACHE_DIR": str(site.folder / "cache"),
        "PYTHONUNBUFFERED": "1",
    }
    server = subprocess.Popen(  # noqa: S603 - this interpreter, the project's manage.py
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                get(base, "/static/css/portal.css", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        assert get(base, "/static/css/portal.css")[0] == 200
        for path in (
            "/static/../manage.py",
            "/static/../../etc/passwd",
            "/static/%2e%2e/manage.py",
        ):
            status, headers, body = get(base, path)
            if status == 302:  # LocaleMiddleware tries the address under /en/ first
                assert headers["location"].startswith("/en/static/")
                status, headers, body = get(base, headers["location"])
            assert status == 404, path
            assert b"DJANGO_SETTINGS_MODULE" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)
