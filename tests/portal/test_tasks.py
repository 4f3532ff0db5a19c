"""Background work (settings TASKS): with a worker, a publish through the admin answers
before its search entries and PDFs are made, and the worker (``manage.py db_worker``)
makes them; ``publish_scheduled`` publishes a page once however many machines run it."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cities.models import CityPage
from mc2cm_portal.models import SearchEntry
from tests.servers import ROOT
from tests.staff import edit_form, post_edit

pytestmark = pytest.mark.django_db

WITH_A_WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker_settings(settings, tmp_path):
    settings.TASKS = WITH_A_WORKER
    settings.MC2CM_PAGE_PDFS_ON_PUBLISH = True
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def entries_with(text):
    return SearchEntry.objects.filter(title__contains=text)


def test_a_publish_answers_at_once_and_the_worker_does_the_rest(
    admin_client, worker_settings, django_capture_on_commit_callbacks
):
    city = CityPage.objects.live().first()
    data = edit_form(admin_client, city)
    data["title_en"] = "Valencia of the worker"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(admin_client, city, data, **{"action-publish": "1"})
    assert response.status_code == 302, response.content[:2000]
    assert CityPage.objects.get(pk=city.pk).title_en == "Valencia of the worker"

    # Answered: published, but neither searchable under its new title nor typeset yet.
    assert not entries_with("Valencia of the worker").exists()
    assert not (worker_settings / "page-pdfs" / str(city.pk)).exists()
    queued = set(DBTaskResult.objects.ready().values_list("task_path", flat=True))
    assert "mc2cm_portal.tasks.index_page_task" in queued
    assert "mc2cm_portal.tasks.make_page_pdfs_task" in queued

    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)

    assert entries_with("Valencia of the worker").exists()
    assert len(list((worker_settings / "page-pdfs" / str(city.pk)).iterdir())) == 3
    assert not DBTaskResult.objects.ready().exists()
    assert not DBTaskResult.objects.failed().exists()


def test_without_a_worker_the_work_is_done_in_the_request(admin_client, settings):
    """The single-machine default (`make run`): nothing waits for a worker."""
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    city = CityPage.objects.live().first()
    data = edit_form(admin_client, city)
    data["title_en"] = "Valencia at once"
    post_edit(admin_client, city, data, **{"action-publish": "1"})
    assert entries_with("Valencia at once").exists()
    assert not DBTaskResult.objects.exists()


SCHEDULE_SCRIPT = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Page
due = timezone.now() - timedelta(minutes=1)
for page in Page.objects.live().filter(depth__gt=2).order_by("path")[:%(count)d]:
    revision = page.specific.save_revision()
    revision.approved_go_live_at = due
    revision.save(update_fields=["approved_go_live_at"])
"""
COUNT_SCRIPT = """
from collections import Counter
from wagtail.models import PageLogEntry
scheduled = PageLogEntry.objects.filter(action="wagtail.publish.scheduled")
counts = Counter(scheduled.values_list("page_id", flat=True))
print(len(counts), max(counts.values(), default=0))
"""
SCHEDULED = 20


def test_publish_scheduled_on_two_machines_at_once_publishes_each_page_once(demo_sites):
    """Two runs started together, as the timers of two app servers fire at the same minute,
    on one database: every page due is published, and only once."""
    site = demo_sites.new("scheduled")
    env = site.env(MC2CM_PAGE_PDFS_ON_PUBLISH="0")  # typesetting is not what is tested
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "shell", "-c", SCHEDULE_SCRIPT % {"count": SCHEDULED}],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    runs = [
        subprocess.Popen(
            [*manage, "publish_scheduled"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )  # fmt: skip
        for _machine in range(2)
    ]
    for run in runs:
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output[-3000:]
    counted = subprocess.run(
        [*manage, "shell", "-c", COUNT_SCRIPT],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    published, most_times = map(int, counted.stdout.strip().splitlines()[-1].split())
    assert (published, most_times) == (SCHEDULED, 1)
