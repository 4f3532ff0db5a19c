"""Background work (settings TASKS): with a worker, a publish through the admin answers
before its search entries and PDFs are made, and the worker (``manage.py db_worker``)
makes them; ``publish_scheduled`` publishes a page once however many machines run it."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cities.models import CityPage
from mc2cm_portal.models import SearchEntry
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
