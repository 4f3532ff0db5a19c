"""Issue 14, "Prove it": two app servers behind nginx and Varnish, with Redis, SeaweedFS and
PostgreSQL shared, all started by the test tooling (conftest.py). What a visitor, an
editor and a partner notice; the tests that stop or restart parts of the stack come last.
"""

import threading
import time
import urllib.parse
from collections import Counter

import pytest

from tests import LANGUAGES
from tests.stack.visitor import (
    Visitor,
    language_versions,
    new_city_titles,
    path_of,
    publish_titles,
    sign_in_admin,
    sign_in_partner,
)

pytestmark = pytest.mark.stack

CITY = "/en/cities/tangier/"
CITY_LIST = "/en/cities/"
HOME = "/en/"
# A change reaches Varnish through a task (the ban) run by the worker, which looks for new
# tasks every second: fresh within this many seconds.
FRESH_WITHIN = 5


@pytest.fixture(scope="module")
def addresses(stack):
    """The city page, the city list and the home page, each in ar/fr/en."""
    return {
        kind: language_versions(stack.varnish.url, path)
        for kind, path in (("city", CITY), ("list", CITY_LIST), ("home", HOME))
    }


def test_a_publish_on_a_shows_at_once_on_b_and_through_varnish_in_every_language(stack, addresses):
    visitor = Visitor()
    every_address = [path for paths in addresses.values() for path in paths.values()]
    for path in every_address:  # warm Varnish (and the page cache behind it)
        assert visitor.get(stack.varnish.url, path).status == 200
    served = stack.served()
    for path in every_address:
        assert visitor.get(stack.varnish.url, path).status == 200
    assert stack.served() == served, "Varnish did not keep the pages"

    editor = Visitor()
    sign_in_admin(editor, stack.a.url)
    titles = new_city_titles()
    published_at = publish_titles(editor, stack.a.url, stack.city_page_id("tangier"), titles)

    # B (its page cache in Redis, shared with A) shows it at once, as the public host.
    for kind, paths in addresses.items():
        for lang, path in paths.items():
            body = Visitor(lang).get(stack.b.url, path, headers={"Host": stack.public_host}).text
            assert titles[lang] in body, (kind, lang, "B")

    # Varnish, once the worker has sent the ban.
    stale = {(kind, lang) for kind in addresses for lang in LANGUAGES}
    fresh_after = {}
    while stale and time.monotonic() - published_at < FRESH_WITHIN:
        for kind, lang in sorted(stale):
            body = Visitor(lang).get(stack.varnish.url, addresses[kind][lang]).text
            if titles[lang] in body:
                stale.discard((kind, lang))
                fresh_after[kind, lang] = round(time.monotonic() - published_at, 2)
        time.sleep(0.1)
    assert not stale, f"still stale through Varnish after {FRESH_WITHIN} s: {sorted(stale)}"


def private_document(stack):
    """(download path, object key) of a partners-only file of the demo content."""
    line = stack.shell(
        "from wagtail.documents import get_document_model; "
        "from mc2cm_portal.queries import public_document; "
        "d = get_document_model().objects.exclude(public_document()).order_by('pk').first(); "
        "print(d.url, d.file.name)"
    )
    url, key = line.split(" ", 1)
    return path_of(url), key


def test_a_partners_only_file_is_never_given_to_anonymous_visitors_anywhere(stack):
    path, key = private_document(stack)
    anonymous = Visitor()
    for base in (stack.a.url, stack.b.url, stack.varnish.url):
        response = anonymous.get(base, path)
        assert response.status == 302, (base, response.status)
        assert "/partners/sign-in/" in response.headers["location"], base
    # The object itself: the store refuses it, and nginx has no address for it.
    store_address = f"/{stack.store.private_bucket}/{urllib.parse.quote(key)}"
    assert anonymous.get(stack.store.endpoint, store_address).status == 403
    assert anonymous.get(stack.nginx.url, f"/media-public/{urllib.parse.quote(key)}").status in (
        403,
        404,
    )

    partner = Visitor()
    sign_in_partner(partner, stack.a.url)
    stored = stack.store.client().get_object(Bucket=stack.store.private_bucket, Key=key)
    expected = stored["Body"].read()
    for base in (stack.b.url, stack.varnish.url):
        response = partner.get(base, path)
        assert response.status == 200, (base, response.status)
        assert response.body == expected, base

    response = Visitor().get(stack.varnish.url, path)
    assert response.status == 302, "Varnish kept the partner's download"
    assert "/partners/sign-in/" in response.headers["location"]


def test_varnish_keeps_only_the_portal_host_and_takes_bans_from_the_app_servers_only(
    stack, addresses
):
    city = addresses["city"]["en"]
    # Another Host is not the portal: Django refuses it, and nothing of it is kept.
    evil = Visitor().get(stack.varnish.url, city, headers={"Host": "evil.example"})
    assert evil.status == 400
    poisoned = Visitor().get(stack.varnish.url, city, headers={"X-Forwarded-Host": "evil.example"})
    assert poisoned.status == 200
    normal = Visitor().get(stack.varnish.url, city)
    assert normal.status == 200
    assert b"evil.example" not in poisoned.body + normal.body

    # Bans from anywhere but the app servers' addresses (here: loopback 127.0.0.1) are
    # refused; the app servers' are accepted.
    import http.client

    def ban(source):
        connection = http.client.HTTPConnection(
            "127.0.0.1", stack.varnish.port, timeout=10, source_address=(source, 0)
        )
        try:
            connection.request("BAN", "/", headers={"X-Ban-Release": "test"})
            return connection.getresponse().status
        finally:
            connection.close()

    assert ban("127.0.0.2") == 405
    assert ban("127.0.0.1") == 200


class Load:
    """Visitors asking for ``paths`` through ``base`` until stopped, ``rate`` requests a
    second at most in all, ``limit`` in all at most. Counts statuses (and errors)."""

    def __init__(self, base, paths, host, rate=50, threads=4, limit=4000):
        self.base, self.paths, self.host = base, paths, host
        self.period = threads / rate
        self.limit = limit
        self.statuses = Counter()
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(i,)) for i in range(threads)]

    def run(self, offset):
        index = offset
        while not self.stop_event.is_set():
            started = time.monotonic()
            with self.lock:
                if sum(self.statuses.values()) >= self.limit:
                    return
            path = self.paths[index % len(self.paths)]
            index += 1
            lang = path.split("/")[1]
            try:
                status = Visitor(lang).get(self.base, path, headers={"Host": self.host}).status
            except OSError as error:
                status = type(error).__name__
            with self.lock:
                self.statuses[status] += 1
            time.sleep(max(0.0, self.period - (time.monotonic() - started)))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        for thread in self.threads:
            thread.join()

    @property
    def total(self):
        return sum(self.statuses.values())

    def wait_for(self, total, timeout=120):
        deadline = time.monotonic() + timeout
        while self.total < total and time.monotonic() < deadline:
            if all(not thread.is_alive() for thread in self.threads):
                return
            time.sleep(0.2)


def test_object_store_down_pages_served_and_downloads_answer_503_in_the_visitors_language(
    stack, addresses
):
    public = stack.shell(
        "from wagtail.documents import get_document_model; "
        "from mc2cm_portal.queries import public_document; "
        "print(get_document_model().objects.filter(public_document()).order_by('pk').first().url)"
    )
    download = path_of(public)
    assert Visitor().get(stack.varnish.url, download).status == 200
    stack.store.stop()
    try:
        for lang in LANGUAGES:
            # A page nobody asked for yet (a query string Varnish and the page cache
            # have not seen): rendered now, with the store away.
            page = f"{addresses['city'][lang]}?store-down={lang}"
            assert Visitor(lang).get(stack.varnish.url, page).status == 200, lang
            response = Visitor(lang).get(stack.varnish.url, download)
            assert response.status == 503, (lang, response.status)
            assert f'<html lang="{lang}"' in response.text, lang
    finally:
        stack.store.start()
    assert Visitor().get(stack.varnish.url, download).status == 200


def redis_hits(stack):
    import redis

    return redis.Redis.from_url(stack.redis.url).info("stats")["keyspace_hits"]


def test_redis_stopped_under_load_costs_no_error_and_hits_come_back(stack, addresses):
    paths = [path for kind in addresses.values() for path in kind.values()]
    # Through nginx as Varnish would send them (the public host), so the page cache in
    # Redis is asked every time.
    with Load(stack.nginx.url, paths, stack.public_host, rate=80) as load:
        load.wait_for(200)
        stack.redis.stop()
        load.wait_for(500)
        stack.redis.start()
        load.wait_for(800)
    assert set(load.statuses) == {200}, load.statuses

    visitor = Visitor()
    page = addresses["city"]["fr"]
    visitor.get(stack.nginx.url, page, headers={"Host": stack.public_host})
    hits = redis_hits(stack)
    response = visitor.get(stack.nginx.url, page, headers={"Host": stack.public_host})
    assert response.headers.get("x-page-cache") == "hit", "no page cache hit once Redis is back"
    assert redis_hits(stack) > hits


def wait_until_serving(server, timeout=120):
    """Wait until ``server`` logs a request it answered since it was (re)started."""
    served = server.requests_served()
    deadline = time.monotonic() + timeout
    while server.requests_served() <= served:
        assert time.monotonic() < deadline, f"{server.url} took no request for {timeout} s"
        time.sleep(0.2)


def test_restarting_a_then_b_under_load_fails_no_request_and_both_serve(stack, addresses):
    paths = [path for kind in addresses.values() for path in kind.values()]
    before = stack.served()
    logged = len(stack.nginx.access_lines())
    with Load(stack.nginx.url, paths, stack.public_host, rate=100, limit=4000) as load:
        load.wait_for(100)
        stack.a.restart()
        # A rolling restart, as the operations guide says: the next instance once the
        # restarted one takes requests again, so that one of them is always answering.
        wait_until_serving(stack.a)
        load.wait_for(load.total + 100)
        stack.b.restart()
        wait_until_serving(stack.b)
        # Restarting takes a while on a busy machine: the run goes on to 2,000 requests.
        load.wait_for(max(2000, load.total + 100), timeout=300)
    assert stack.a.running() and stack.b.running()
    assert set(load.statuses) == {200}, (load.statuses, stack.nginx_failures())
    # Not even retried: a restarting instance's socket stays open (socket activation), so
    # nginx never saw it refuse a connection and every request went to one instance only.
    attempts = [line.split("upstream_status=")[-1] for line in stack.nginx.access_lines()[logged:]]
    assert set(attempts) == {"200"}, Counter(attempts)
    assert 2000 <= load.total <= 4000, load.total
    after = stack.served()
    served_by_a, served_by_b = after[0] - before[0], after[1] - before[1]
    assert served_by_a > 0 and served_by_b > 0, (served_by_a, served_by_b)
