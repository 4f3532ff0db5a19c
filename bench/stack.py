#!/usr/bin/env python3
"""`make bench-stack`: the several-machines figures of issue 14, on one machine.

The stack of the tests (tests/stack/build.py: Varnish, nginx, gunicorn A and B, the tasks
worker, Redis, SeaweedFS, PostgreSQL, each with the files shipped in deploy/) on a copy of
the demo site, and beside it a second nginx that serves the city page's HTML as a static
file: the **static limit**, the best this machine does for those bytes. wrk loads each in
turn (`-t2 -c8 -d5s`, `Accept-Encoding: gzip`, as browsers ask; the static file has its
pre-compressed twin, `gzip_static`), two interleaved rounds averaged:

1. the city page kept by Varnish, against the static limit (bar >= 0.9);
2. the same address through nginx to the two gunicorns, each answering from the page cache
   in Redis (the Host is the public one, as Varnish sends it), against the same limit
   (bar >= 0.5); beside it, with no bar, the ceiling of any Python app server here: the same
   bytes through nginx from two gunicorns running the barest WSGI callable
   (bench/static_wsgi.py);
3. the time from a publish in A's admin (its answer) to the new title through Varnish, per
   language, over three publishes.

Run through a throwaway PostgreSQL cluster (the Makefile target does):
    scripts/throwaway_postgres.py -- .venv/bin/python bench/stack.py
"""

import datetime
import getpass
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The stack's helpers fill admin forms with Wagtail's own blocks (tests/admin_forms.py), which
# read the settings when imported: the tests' settings, as pytest gives the stack tests.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mc2cm_portal.settings.test")
import django  # noqa: E402

django.setup()

from tests import LANGUAGES  # noqa: E402
from tests.servers import DEMO_SITE_FOLDER, ON_POSTGRES, DemoSites, free_port  # noqa: E402
from tests.services import end, wait_for_port  # noqa: E402
from tests.services.nginx import NGINX, START_TIMEOUT  # noqa: E402
from tests.stack.build import whole_stack  # noqa: E402
from tests.stack.visitor import (  # noqa: E402
    Visitor,
    language_versions,
    new_city_titles,
    publish_titles,
    sign_in_admin,
)

CITY = "/en/cities/tangier/"
WRK = ["-t2", "-c8", "-d5s", "-H", "Accept-Encoding: gzip"]
ROUNDS = 2
PUBLISHES = 3
BARS = {"varnish": 0.9, "nginx + 2 gunicorns": 0.5}
# No bar: what nginx + two gunicorns reach when the application does nothing at all.
CEILING = "ceiling: nginx + 2 gunicorns, bare WSGI"


def say(text):
    print(text, flush=True)


def wrk(url, host=None):
    """Requests per second of one wrk run (non-2xx answers make it fail)."""
    options = [*WRK, *(["-H", f"Host: {host}"] if host else [])]
    result = subprocess.run(  # noqa: S603 - wrk, with our own options and loopback address
        [shutil.which("wrk"), *options, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    if "Non-2xx" in result.stdout:
        raise RuntimeError(f"wrk got errors from {url}:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


class StaticLimit:
    """nginx serving one saved page (and its gzip twin) as a static file; and, on a second
    port, the **ceiling** for any Python app server here: the same nginx proxying, as
    deploy/nginx/mc2cm.conf does, to two gunicorns (two sync workers each, as A and B) whose
    application is bench/static_wsgi.py, the barest WSGI callable, returning those gzipped
    bytes read once at start-up."""

    def __init__(self, folder, html):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True)
        pages = self.folder / "pages"
        pages.mkdir()
        (pages / "page.html").write_bytes(html)
        (pages / "page.html.gz").write_bytes(gzip.compress(html, compresslevel=6))
        self.port, self.ceiling_port = free_port(), free_port()
        self.app_ports = [free_port(), free_port()]
        self.url = f"http://127.0.0.1:{self.port}/page.html"
        self.ceiling_url = f"http://127.0.0.1:{self.ceiling_port}/page.html.gz"
        upstream = "".join(f"        server 127.0.0.1:{port};\n" for port in self.app_ports)
        (self.folder / "nginx.conf").write_text(
            f"user {getpass.getuser()};\nworker_processes auto;\n"
            f"pid {self.folder / 'nginx.pid'};\nerror_log {self.folder / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    access_log off;\n    default_type text/html;\n    gzip_static on;\n"
            f"    server {{\n        listen 127.0.0.1:{self.port};\n"
            f"        root {pages};\n    }}\n"
            f"    upstream ceiling {{\n{upstream}    }}\n"
            f"    server {{\n        listen 127.0.0.1:{self.ceiling_port};\n"
            "        proxy_http_version 1.1;\n"
            '        proxy_set_header Connection "";\n'
            "        location / { proxy_pass http://ceiling; }\n    }\n}\n"
        )
        self.processes = []

    def __enter__(self):
        env = {**os.environ, "BENCH_STATIC_DIR": str(self.folder / "pages")}
        for port in self.app_ports:
            self.processes.append(
                subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv, our own options
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "--chdir",
                        str(ROOT / "bench"),
                        "--workers",
                        "2",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "static_wsgi:application",
                    ],
                    env=env,
                    stderr=subprocess.DEVNULL,
                )
            )
        conf = str(self.folder / "nginx.conf")
        self.processes.append(
            subprocess.Popen(  # noqa: S603 - Debian's nginx, our own configuration
                [NGINX, "-p", str(self.folder), "-c", conf, "-g", "daemon off;"],
                stderr=subprocess.DEVNULL,
            )
        )
        log = self.folder / "error.log"
        nginx = self.processes[-1]
        apps = list(zip(self.app_ports, self.processes[:-1], strict=True))
        for port, process in [*apps, (self.port, nginx), (self.ceiling_port, nginx)]:
            wait_for_port(port, process, log, START_TIMEOUT, "the static limit")
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            end(process)


def page_cache_answer(stack, path):
    """X-Page-Cache of the second of two requests through nginx (the first may fill it)."""
    for _attempt in range(2):
        response = Visitor().get(stack.nginx.url, path, headers={"Host": stack.public_host})
    return response.headers.get("x-page-cache", "no header")


def ratios(stack, static, addresses):
    rows = []
    for lang in ("en", "ar"):
        path = addresses[lang]
        say(f"  {lang}: page cache through nginx says {page_cache_answer(stack, path)}")
        figures = {"varnish": [], "nginx + 2 gunicorns": [], CEILING: [], "static": []}
        for _round in range(ROUNDS):
            figures["static"].append(wrk(static.url))
            figures["varnish"].append(wrk(stack.varnish.url + path))
            figures["nginx + 2 gunicorns"].append(wrk(stack.nginx.url + path, stack.public_host))
            figures[CEILING].append(wrk(static.ceiling_url))
        limit = statistics.mean(figures["static"])
        for name, bar in BARS.items():
            rate = statistics.mean(figures[name])
            rows.append((lang, name, rate, limit, rate / limit, bar))
        rate = statistics.mean(figures[CEILING])
        rows.append((lang, CEILING, rate, limit, rate / limit, None))
    return rows


def publish_to_fresh(stack, addresses):
    editor = Visitor()
    sign_in_admin(editor, stack.a.url)
    page_id = stack.city_page_id("tangier")
    delays = {lang: [] for lang in LANGUAGES}
    for _publish in range(PUBLISHES):
        for lang in LANGUAGES:  # kept by Varnish before the change
            Visitor(lang).get(stack.varnish.url, addresses[lang])
        titles = new_city_titles()
        answered = publish_titles(editor, stack.a.url, page_id, titles)
        waiting = set(LANGUAGES)
        while waiting and time.monotonic() - answered < 30:
            for lang in sorted(waiting):
                body = Visitor(lang).get(stack.varnish.url, addresses[lang]).text
                if titles[lang] in body:
                    delays[lang].append(time.monotonic() - answered)
                    waiting.discard(lang)
            time.sleep(0.05)
        for lang in waiting:
            delays[lang].append(float("inf"))
    return delays


def machine():
    load = os.getloadavg()
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs, {platform.platform()}, "
        f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"
    )


def main():
    if not ON_POSTGRES:
        sys.exit("Run through scripts/throwaway_postgres.py (two app servers share PostgreSQL).")
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: scripts/system_deps.sh stack")
    started = datetime.datetime.now(datetime.UTC)
    folder = Path(tempfile.mkdtemp(prefix="mc2cm-bench-stack-"))
    (folder / "sites").mkdir()
    # The demo site the copies are made from, built here once, in this run's own folder
    # (tests/servers.py, as `make test` builds it).
    os.environ.setdefault(DEMO_SITE_FOLDER, str(folder / "demo"))
    Path(os.environ[DEMO_SITE_FOLDER]).mkdir(exist_ok=True)
    sites = DemoSites(folder / "sites")
    try:
        say(f"- {started:%Y-%m-%d %H:%M} UTC, {machine()}")
        say("- starting the stack (Redis, SeaweedFS, A, B, the worker, nginx, Varnish)")
        with whole_stack(sites.new("bench"), folder / "stack") as stack:
            addresses = language_versions(stack.varnish.url, CITY)
            html = Visitor().get(stack.varnish.url, addresses["en"]).body
            with StaticLimit(folder / "static", html) as static:
                say("- throughput, city page (wrk -t2 -c8 -d5s, two rounds)")
                rows = ratios(stack, static, addresses)
            say("- publish to fresh through Varnish, three publishes")
            delays = publish_to_fresh(stack, addresses)
        say(f"- done, {machine()}")
    finally:
        sites.close()
        shutil.rmtree(folder, ignore_errors=True)

    say("")
    say("| city page | through | req/s | static limit req/s | ratio | bar | verdict |")
    say("|---|---|---|---|---|---|---|")
    for lang, name, rate, limit, ratio, bar in rows:
        if bar is None:
            say(f"| {lang} | {name} | {rate:.0f} | {limit:.0f} | {ratio:.2f} | - | - |")
            continue
        verdict = "PASS" if ratio >= bar else "FAIL"
        say(f"| {lang} | {name} | {rate:.0f} | {limit:.0f} | {ratio:.2f} | >= {bar} | {verdict} |")
    say("")
    say("| language | publish to fresh through Varnish, s (each publish) | worst |")
    say("|---|---|---|")
    for lang, values in delays.items():
        say(f"| {lang} | {', '.join(f'{v:.2f}' for v in values)} | {max(values):.2f} |")


if __name__ == "__main__":
    main()
