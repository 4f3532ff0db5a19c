import os
import shutil
import tempfile
from unittest import mock

import pytest
from django.core.management import call_command

from tests.servers import (
    DEMO_SITE_FOLDER,
    remove_shared_demo_site,
    shared_demo_site,
    shared_static_root,
)

_OWN_DEMO_SITE = pytest.StashKey[str]()


def pytest_configure(config):
    """Name the folder of this run's demo site (tests/servers.py), unless a caller did.

    Runs in pytest-xdist's controller before the workers start, so they inherit the name.
    """
    if DEMO_SITE_FOLDER not in os.environ:
        folder = tempfile.mkdtemp(prefix="mc2cm-demo-site-")
        os.environ[DEMO_SITE_FOLDER] = folder
        config.stash[_OWN_DEMO_SITE] = folder


def pytest_unconfigure(config):
    folder = config.stash.get(_OWN_DEMO_SITE, None)
    if folder is not None:
        remove_shared_demo_site(folder)
        del os.environ[DEMO_SITE_FOLDER]


def _on_sqlite():
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """The test database starts as a copy of the run's demo site, content and files.

    Each test rolls back on top of it. On PostgreSQL Django creates it from the demo
    database as a template (the TEST "TEMPLATE" setting); on SQLite it is a copy of the
    file, which Django keeps as it is (see django_db_keepdb). The files go to a media
    folder of this process's own, so that test runs side by side never share one.
    """
    from django.conf import settings
    from django.test.utils import override_settings

    site = shared_demo_site()
    test_settings = settings.DATABASES["default"].setdefault("TEST", {})
    if _on_sqlite():
        copy = tmp_path_factory.mktemp("database") / "db.sqlite3"
        shutil.copyfile(site.database, copy)
        test_settings["NAME"] = str(copy)
    else:
        test_settings["TEMPLATE"] = site.database
    media = tmp_path_factory.mktemp("media")
    shutil.copytree(site.media, media, dirs_exist_ok=True)
    with override_settings(MEDIA_ROOT=media):
        yield
    shutil.rmtree(media, ignore_errors=True)
    if _on_sqlite():
        copy.unlink()


@pytest.fixture(scope="session")
def django_db_keepdb():
    """On SQLite, Django must open the copy made above, not replace it with an empty file."""
    return _on_sqlite()


@pytest.fixture
def partner(django_user_model):
    """A member of the Partners group, and of nothing else."""
    from django.contrib.auth.models import Group

    from mc2cm_portal.access.documents import PARTNERS_GROUP
    from tests.staff import PARTNER_PASSWORD

    user = django_user_model.objects.create_user("amina", "amina@example.org", PARTNER_PASSWORD)
    user.groups.add(Group.objects.get(name=PARTNERS_GROUP))
    return user


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, as a freshly started server would.

    The database rolls back after every test but an in-process cache would not, so a
    route or menu cached by one test could otherwise leak into the next.
    """
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def cache_keys(settings):
    """What the cache holds: a function giving its keys (tests/recording_cache.py).

    The cache the portal uses during the test, empty at first; Django's cache API cannot
    list keys, the recording backend notes them as they are written.
    """
    from django.core.cache import cache

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "tests.recording_cache.RecordingCache", "LOCATION": "recording"},
    }
    cache.clear()
    yield cache.keys
    cache.clear()


@pytest.fixture(scope="session")
def demo_sites(tmp_path_factory):
    """Copies of the run's demo site, outside the test database (tests/servers.py)."""
    from tests.servers import DemoSites

    sites = DemoSites(tmp_path_factory.mktemp("sites"))
    yield sites
    sites.close()


@pytest.fixture(scope="session")
def static_root():
    """The static files collected once per run, hashed and compressed as in production."""
    return shared_static_root()


@pytest.fixture
def run_task_worker():
    """Run ``manage.py db_worker`` once over the queued tasks, inside the test's transaction.

    The worker closes idle database connections between tasks (``close_old_connections``), as
    a long-running process should. Here the only connection is the test's own, inside the
    transaction that holds what the test made: closed, it would lose that work. So the worker
    runs as shipped, except that this one call is kept from closing it.
    """

    def run():
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)

    return run
