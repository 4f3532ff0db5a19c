"""The whole several-machines stack on one machine, started once per test module.

    Varnish (deploy/varnish/default.vcl)
      -> nginx (deploy/nginx/mc2cm.conf)
        -> gunicorn A and B (deploy/systemd/mc2cm-portal@.service, scripts/serve.sh)
           + the tasks worker (deploy/systemd/mc2cm-worker.service)
           -> PostgreSQL (DATABASE_URL's server), Redis, SeaweedFS (tests/services/)

Everything listens on 127.0.0.1, on free ports, with its files in a temporary folder, and
is stopped whatever happens. The portal runs with production settings on a copy of the demo
site (tests/servers.py); its public address is Varnish's.
"""

import http.client
import json
import urllib.parse
from contextlib import ExitStack
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.servers import ON_POSTGRES, free_port, run_manage
from tests.services.appserver import AppServer, Worker
from tests.services.nginx import Nginx
from tests.services.redis import redis_server
from tests.services.seaweedfs import seaweedfs
from tests.services.varnish import Varnish

ADMIN = ("stack-admin", "a-long-stack-admin-passphrase")
PARTNER = ("stack-partner", "a-long-stack-partner-passphrase")

ACCOUNTS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from mc2cm_portal.access import PARTNERS_GROUP
User = get_user_model()
User.objects.create_superuser({ADMIN[0]!r}, "admin@example.org", {ADMIN[1]!r})
partner = User.objects.create_user({PARTNER[0]!r}, "partner@example.org", {PARTNER[1]!r})
partner.groups.add(Group.objects.get(name=PARTNERS_GROUP))
"""


@dataclass
class Response:
    status: int
    headers: dict  # lower-case names; Set-Cookie values joined by newlines
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Visitor:
    """An HTTP client that keeps its cookies, as a browser does.

    Browsers scope cookies by host name, not port, so A, B, nginx and Varnish (all
    127.0.0.1) share them; and they treat http://127.0.0.1 as a secure origin, so
    production's Secure cookies are kept and sent.
    """

    def __init__(self, language="en"):
        self.language = language
        self.cookies = {}

    def request(self, base, method, path, data=None, headers=None, timeout=30):
        parts = urllib.parse.urlsplit(base)
        all_headers = {"Accept-Language": self.language, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            raw_headers = response.getheaders()
            content = response.read()
        finally:
            connection.close()
        headers = {}
        for name, value in raw_headers:
            name = name.lower()
            headers[name] = f"{headers[name]}\n{value}" if name in headers else value
            if name == "set-cookie":
                for morsel in SimpleCookie(value).values():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(morsel.key, None)
                    else:
                        self.cookies[morsel.key] = morsel.value
        return Response(response.status, headers, content)

    def get(self, base, path, **options):
        return self.request(base, "GET", path, **options)

    def post(self, base, path, data, **options):
        return self.request(base, "POST", path, data=data, **options)


@dataclass
class Stack:
    folder: Path
    site: object
    env: dict
    redis: object
    store: object
    a: AppServer
    b: AppServer
    worker: Worker
    nginx: Nginx
    varnish: Varnish

    @property
    def public_host(self):
        return urllib.parse.urlsplit(self.varnish.url).netloc

    def shell(self, code):
        """The last line the code prints, run on the portal's database (reading only)."""
        return run_manage(self.env, "shell", "-v", "0", "-c", code).strip().splitlines()[-1]

    def served(self):
        """Requests logged so far by A and by B."""
        return self.a.requests_served(), self.b.requests_served()


def upload_media(site, store):
    """The demo site's files into the buckets, where the portal's S3 storages look for them.

    The demo content was loaded onto local disk (tests/servers.py builds it once for every
    operations test); here it is copied as the portal would have stored it: originals and
    documents in the private bucket, renditions in the public one.
    """
    client = store.client()
    for path in sorted(site.media.rglob("*")):
        if not path.is_file():
            continue
        key = path.relative_to(site.media).as_posix()
        bucket = store.public_bucket if key.startswith("images/") else store.private_bucket
        client.upload_file(str(path), bucket, key)


@pytest.fixture(scope="module")
def stack(demo_sites, static_root, tmp_path_factory):
    if not ON_POSTGRES:
        pytest.skip("two app servers share one PostgreSQL database (run on PostgreSQL)")
    folder = tmp_path_factory.mktemp("stack")
    site = demo_sites.new(f"stack_{free_port()}")
    with ExitStack() as started:
        redis = started.enter_context(redis_server())
        store = started.enter_context(seaweedfs())
        port_a, port_b = free_port(), free_port()
        front = Nginx(
            folder / "nginx", f"127.0.0.1:{port_a}", f"127.0.0.1:{port_b}", store.public_url
        )
        cache = Varnish(folder / "varnish", front.port, "127.0.0.1:{port}")
        env = site.env(
            DJANGO_STATIC_ROOT=str(static_root),
            DJANGO_PUBLIC_URL=cache.url,
            # Varnish and nginx each append to X-Forwarded-For.
            DJANGO_TRUSTED_PROXY_COUNT="2",
            MC2CM_PAGE_CACHE="1",
            MC2CM_INSTANCES="2",
            MC2CM_TASKS_WORKER="1",
            MC2CM_FRONTEND_CACHE_URLS=cache.url,
            # Typesetting three PDFs per publish would keep both CPUs busy for the whole
            # module; each is made on its first request instead (README, "Documents").
            MC2CM_PAGE_PDFS_ON_PUBLISH="0",
            REDIS_URL=redis.url,
            GUNICORN_WORKERS="2",
            BIND_HOST="127.0.0.1",
            **store.env(),
        )
        upload_media(site, store)
        run_manage(env, "shell", "-v", "0", "-c", ACCOUNTS)
        a = AppServer(env, folder / "a.log", port_a)
        b = AppServer(env, folder / "b.log", port_b)
        worker = Worker(env, folder / "worker.log")
        for process in (a, b, worker, front, cache):
            started.callback(process.stop)
            process.start()
        yield Stack(folder, site, env, redis, store, a, b, worker, front, cache)


def sign_in_admin(visitor, base):
    """Sign in to the admin at ``base`` through its login form."""
    from tests.admin_forms import admin_form_data

    form = admin_form_data(visitor.get(base, "/admin/login/").text)
    response = visitor.post(
        base,
        "/admin/login/",
        {**form, "username": ADMIN[0], "password": ADMIN[1]},
        headers={"Referer": f"{base}/admin/login/"},
    )
    assert response.status == 302, response.text[-2000:]


def sign_in_partner(visitor, base, language="en"):
    from tests.admin_forms import admin_form_data

    path = f"/{language}/partners/sign-in/"
    form = admin_form_data(visitor.get(base, path).text)
    response = visitor.post(base, path, {**form, "username": PARTNER[0], "password": PARTNER[1]})
    assert response.status == 302, response.text[-2000:]


def load_json(text):
    return json.loads(text)
