import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once into the test database; each test rolls back on top."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


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
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def demo_sites(tmp_path_factory):
    """Copies of a demo site built once, outside the test database (tests/servers.py)."""
    from tests.servers import DemoSites

    sites = DemoSites(tmp_path_factory.mktemp("sites"))
    yield sites
    sites.close()


@pytest.fixture(scope="session")
def static_root(demo_sites, tmp_path_factory):
    """The static files collected once, hashed and compressed as in production."""
    from tests.servers import collect_static

    folder = tmp_path_factory.mktemp("static")
    collect_static(demo_sites.template, folder)
    return folder
