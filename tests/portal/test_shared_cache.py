"""Two portal processes on one Redis (settings REDIS_URL): what one keeps, the other serves;
a publish through the admin shows on both at once, in the three languages; Redis stopped
means pages served without it (from each process's memory, or rendered), never an error,
and shared hits again once it is back.

Real processes: Redis (tests/services/redis.py) and two gunicorn servers A and B
(tests/servers.py) on one copy of the demo site; the publish is made by a third portal
process through the admin's own edit view (Django's test client, signed in as an
administrator), on the same database and Redis. That process runs the test settings, whose static
files need no collecting: the servers' collected files leave the admin's assets out, to
save a minute of compression.
"""

import json
import re

import pytest

from tests.servers import get, run_manage, serve
from tests.services.redis import redis_server

pytestmark = pytest.mark.stack

PUBLIC_HOST = "portal.test"  # both servers' public address, so they share page keys
MARKER = {"en": "Shared-cache proof", "fr": "Preuve du cache partagé", "ar": "إثبات الذاكرة"}

# Run in a third portal process (`manage.py shell`): the paths to watch, then a publish
# through the admin's edit form, as an administrator.
PATHS_SCRIPT = """
import json
from cities.models import CityIndexPage, CityPage
from mc2cm_portal.models import HomePage
from tests.pages import url_in
city = CityPage.objects.live().order_by("path").first()
print(json.dumps({
    language: {
        "city": url_in(city, language),
        "cities": url_in(CityIndexPage.objects.get(), language),
        "home": url_in(HomePage.objects.get(), language),
    }
    for language in ("ar", "fr", "en")
}))
"""
PUBLISH_SCRIPT = """
import json, os
from django.contrib.auth import get_user_model
from django.test import Client
from cities.models import CityPage
from tests.staff import edit_form, post_edit
marker = json.loads(os.environ["PROOF_MARKER"])
user = get_user_model().objects.filter(username="publisher").first()
if user is None:
    user = get_user_model().objects.create_superuser("publisher", "publisher@example.org", "x")
client = Client()
client.force_login(user)
city = CityPage.objects.live().order_by("path").first()
data = edit_form(client, city)
for language, text in marker.items():
    data[f"title_{language}"] = f"{data[f'title_{language}']} {text}"
response = post_edit(client, city, data, **{"action-publish": "1"})
assert response.status_code == 302, response.content[:3000]
"""


@pytest.fixture(scope="module")
def redis():
    with redis_server() as server:
        yield server


@pytest.fixture(scope="module")
def portal(demo_sites, static_root, redis, tmp_path_factory):
    """Servers A and B on one Redis and one database; (env, base A, base B)."""
    site = demo_sites.new("shared-cache")
    env = site.env(
        REDIS_URL=redis.url,
        MC2CM_INSTANCES="2",
        MC2CM_PAGE_CACHE="1",
        MC2CM_PAGE_CACHE_HEADER="1",
        DJANGO_PUBLIC_URL=f"http://{PUBLIC_HOST}",
        DJANGO_ALLOWED_HOSTS=f"{PUBLIC_HOST},127.0.0.1,localhost,testserver",
        DJANGO_STATIC_ROOT=str(static_root),
    )
    logs = tmp_path_factory.mktemp("shared-cache-logs")
    with serve(env, logs / "a.log") as a, serve(env, logs / "b.log") as b:
        yield env, a, b
    for log in ("a.log", "b.log"):
        text = (logs / log).read_text()
        assert "Traceback" not in text, text[-5000:]
        assert not re.search(r'HTTP/1\.1" 5\d\d ', text), text[-5000:]


def fetch(base, path):
    status, headers, body = get(base, path, headers={"Host": PUBLIC_HOST})
    return status, headers.get("x-page-cache"), body.decode()


@pytest.fixture(scope="module")
def paths(portal):
    env, _a, _b = portal
    return json.loads(run_manage(env, "shell", "-c", PATHS_SCRIPT).strip().splitlines()[-1])


def every_path(paths):
    return [
        (language, kind, path) for language, kinds in paths.items() for kind, path in kinds.items()
    ]


def test_a_page_kept_by_one_server_is_a_hit_on_the_other(portal, paths):
    _env, a, b = portal
    for _language, _kind, path in every_path(paths):
        status, outcome, _html = fetch(a, path)
        assert (status, outcome) == (200, "miss"), path
        status, outcome, _html = fetch(b, path)
        assert (status, outcome) == (200, "hit"), path


def test_a_publish_through_the_admin_shows_on_both_servers_at_once(portal, paths):
    env, a, b = portal
    for _language, _kind, path in every_path(paths):
        fetch(a, path)  # kept before the change
    publish(env, MARKER)
    for server in (a, b):
        for language, kind, path in every_path(paths):
            status, _outcome, html = fetch(server, path)
            assert status == 200
            assert MARKER[language] in html, (server, language, kind)


def publish(env, marker):
    """Add ``marker`` to the first city's titles and publish it, through the admin, from a
    third portal process sharing the servers' database and Redis."""
    run_manage(
        {
            **env,
            "PROOF_MARKER": json.dumps(marker),
            "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.test",
            "MC2CM_TEST_SHARED_REDIS": env["REDIS_URL"],
        },
        "shell",
        "-c",
        PUBLISH_SCRIPT,
    )


def test_redis_stopped_pages_are_served_without_it_then_kept_again(portal, paths, redis):
    """Redis stopped: never an error (a page a server keeps in its own memory is still
    served from there, any other is rendered). Back: a change published then reaches both
    servers, and what one keeps in Redis, the other serves."""
    env, a, b = portal
    redis.stop()
    try:
        for server in (a, b):
            for _round in range(3):
                for _language, _kind, path in every_path(paths):
                    status, _outcome, _html = fetch(server, path)
                    assert status == 200, (server, path)
    finally:
        redis.start()
    again = {"en": "Kept again", "fr": "Gardée à nouveau", "ar": "محفوظة من جديد"}
    publish(env, again)
    for language, _kind, path in every_path(paths):
        status, outcome, html = fetch(a, path)
        assert (status, outcome) == (200, "miss") and again[language] in html
        status, outcome, html = fetch(b, path)
        assert (status, outcome) == (200, "hit") and again[language] in html
