"""The whole several-machines stack on one machine, for the tests (tests/stack/) and the bench.

    Varnish (deploy/varnish/default.vcl)
      -> nginx (deploy/nginx/mc2cm.conf)
        -> gunicorn A and B (deploy/systemd/mc2cm-portal@.service, scripts/serve.sh)
           + the tasks worker (deploy/systemd/mc2cm-worker.service)
           -> PostgreSQL (DATABASE_URL's server), Redis, SeaweedFS (tests/services/)

Everything listens on 127.0.0.1, on free ports, with its files in a temporary folder, and
is stopped whatever happens. The portal runs with production settings on a copy of the demo
site (tests/servers.py); its public address is Varnish's.
"""

import urllib.parse
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port, run_manage
from tests.services.appserver import AppServer, Worker
from tests.services.nginx import Nginx
from tests.services.redis import redis_server
from tests.services.seaweedfs import seaweedfs
from tests.services.varnish import Varnish
from tests.stack.visitor import ADMIN, PARTNER

ACCOUNTS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from mc2cm_portal.access.documents import PARTNERS_GROUP
User = get_user_model()
User.objects.create_superuser({ADMIN[0]!r}, "admin@example.org", {ADMIN[1]!r})
partner = User.objects.create_user({PARTNER[0]!r}, "partner@example.org", {PARTNER[1]!r})
partner.groups.add(Group.objects.get(name=PARTNERS_GROUP))
"""


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

    def city_page_id(self, english_slug):
        return int(
            self.shell(
                "from cities.models import CityPage; "
                f"print(CityPage.objects.get(slug_en={english_slug!r}).pk)"
            )
        )

    def served(self):
        """Requests logged so far by A and by B."""
        return self.a.requests_served(), self.b.requests_served()

    def nginx_failures(self):
        """nginx's access lines of answers other than 2xx-4xx and its error log, to say why."""
        failed = [line for line in self.nginx.access_lines() if '" 5' in line]
        log = self.nginx.error_log
        errors = log.read_text(errors="replace") if log.exists() else ""
        return "\n".join(failed[-20:] + errors.splitlines()[-20:])


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


@contextmanager
def whole_stack(site, folder, **settings):
    """The stack on a copy of the demo site (tests/servers.py), its files in ``folder``;
    ``settings``: more environment for the portal."""
    with ExitStack() as started:
        redis = started.enter_context(redis_server())
        store = started.enter_context(seaweedfs())
        port_a, port_b = free_port(), free_port()
        front = Nginx(
            folder / "nginx", f"127.0.0.1:{port_a}", f"127.0.0.1:{port_b}", store.public_url
        )
        cache = Varnish(folder / "varnish", front.port, "127.0.0.1:{port}")
        static_root = folder / "static"
        env = site.env(
            DJANGO_STATIC_ROOT=str(static_root),
            DJANGO_PUBLIC_URL=cache.url,
            # Varnish and nginx each append to X-Forwarded-For.
            DJANGO_TRUSTED_PROXY_COUNT="2",
            MC2CM_PAGE_CACHE="1",
            # "X-Page-Cache: hit/miss", for the tests and the bench (off in production).
            MC2CM_PAGE_CACHE_HEADER="1",
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
        env.update(settings)
        # All of them, as the release step does: the admin (publishing on A) needs its own.
        run_manage(env, "collectstatic", "--noinput", "-v", "0")
        upload_media(site, store)
        run_manage(env, "shell", "-v", "0", "-c", ACCOUNTS)
        a = AppServer(env, folder / "a.log", port_a)
        b = AppServer(env, folder / "b.log", port_b)
        worker = Worker(env, folder / "worker.log")
        for process in (a, b, worker, front, cache):
            started.callback(process.stop)
            process.start()
        yield Stack(folder, site, env, redis, store, a, b, worker, front, cache)
