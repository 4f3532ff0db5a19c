"""Purge on content change (settings MC2CM_FRONTEND_CACHE_URLS): every change that moves the
content version bans the whole site from each front cache, once per change, after the
commit, as a task. The front caches here are plain HTTP servers that record what they are
sent, answering as the shipped VCL does (200 to ``BAN /``); the real Varnish is started by
the stack tests (tests/stack/)."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cities.models import CityPage
from tests.servers import ROOT
from tests.staff import edit_form, post_edit

pytestmark = pytest.mark.django_db


class FrontCache(ThreadingHTTPServer):
    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), self.Handler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    class Handler(BaseHTTPRequestHandler):
        def do_BAN(self):  # noqa: N802 - the HTTP method's name
            self.server.received.append((self.command, self.path, self.headers["X-Ban-Release"]))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass


@pytest.fixture
def front_caches(settings):
    caches = [FrontCache(), FrontCache()]
    threads = [threading.Thread(target=cache.serve_forever, daemon=True) for cache in caches]
    for thread in threads:
        thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "mc2cm_portal.cache.BanWholeSiteBackend",
            "LOCATIONS": [cache.url for cache in caches],
        }
    }
    yield caches
    for cache in caches:
        cache.shutdown()
        cache.server_close()


def publish_a_change(client, title):
    city = CityPage.objects.live().first()
    data = edit_form(client, city)
    data["title_en"] = title
    response = post_edit(client, city, data, **{"action-publish": "1"})
    assert response.status_code == 302


def test_a_publish_bans_the_whole_site_once_from_every_front_cache_after_the_commit(
    admin_client, front_caches, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        publish_a_change(admin_client, "Valencia, banned")
    # Not before the commit: a front cache could fetch the old page again in between.
    assert [cache.received for cache in front_caches] == [[], []]
    for callback in after_commit:
        callback()
    for cache in front_caches:
        assert len(cache.received) == 1  # one ban for the whole change, however many rows
        method, path, release = cache.received[0]
        assert (method, path) == ("BAN", "/")
        assert release


def test_with_a_worker_the_ban_waits_for_it(
    admin_client, front_caches, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        publish_a_change(admin_client, "Valencia, banned later")
    assert [cache.received for cache in front_caches] == [[], []]
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
    assert [len(cache.received) for cache in front_caches] == [1, 1]


def test_a_front_cache_that_does_not_answer_does_not_stop_the_others(
    admin_client, front_caches, settings, django_capture_on_commit_callbacks
):
    gone = FrontCache()
    gone_url = gone.url
    gone.server_close()  # nothing listens there any more
    settings.WAGTAILFRONTENDCACHE["varnish"]["LOCATIONS"].insert(0, gone_url)
    with django_capture_on_commit_callbacks(execute=True):
        publish_a_change(admin_client, "Valencia, mostly banned")
    assert [len(cache.received) for cache in front_caches] == [1, 1]


def test_without_front_caches_nothing_is_queued(admin_client, settings):
    """The single-machine default: no front cache, no purge task."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    publish_a_change(admin_client, "Valencia, alone")
    queued = DBTaskResult.objects.values_list("task_path", flat=True)
    assert "mc2cm_portal.tasks.index_page_task" in queued
    assert not [path for path in queued if "frontend_cache" in path]


def test_the_environment_names_a_backend_that_loads():
    """MC2CM_FRONTEND_CACHE_URLS, as an operator sets it, gives a backend per front cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MC2CM_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="mc2cm_portal.settings.dev",
        MC2CM_FRONTEND_CACHE_URLS="http://127.0.0.1:6081 http://127.0.0.1:6082/",
    )
    script = (
        "from wagtail.contrib.frontend_cache.utils import get_backends; "
        "print([type(b).__name__ + ' ' + ' '.join(b.locations) for b in get_backends().values()])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == (
        "['BanWholeSiteBackend http://127.0.0.1:6081 http://127.0.0.1:6082']"
    )
