"""The portal's benchmark: one command, one table of figures at the end.

    .venv/bin/python bench/run.py            # everything (make bench), about 15 minutes
    .venv/bin/python bench/run.py --quick    # queries and weight at 1x (make bench-quick)

Everything runs against a throwaway PostgreSQL cluster (scripts/throwaway_postgres.py) with
the production settings, uploaded files and the cache in a temporary folder: the project's
db.sqlite3 and media/ are never touched. See bench/README.md for what each figure means.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import switches
import weight

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
SCALES = (1, 10, 100)
PARTS = ("throughput", "scale", "weight", "lighthouse")
# Main page types for throughput; the paginated ones (plus home, which maps every city)
# for the growth with content; the ones Lighthouse audits.
THROUGHPUT_PAGES = ("home", "cities index", "city", "peer meeting", "toolkit library", "search")
# The city page, which has bars (switches.CITY_BARS), in both scripts; the others in English.
CITY_LANGUAGES = ("en", "ar")
# The city page is measured in rounds (portal, static, portal, static...): on a shared machine
# the load of others moves between two runs, less so between interleaved ones.
CITY_ROUNDS = 2
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}
SCALE_PAGES = ("cities index", "peer meeting index", "search", "home")
PAGINATED = ("cities index", "peer meeting index", "search")
LIGHTHOUSE_PAGES = ("home", "city", "peer meeting", "toolkit library")
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WRK_LOAD = ("-t2", "-c8", "-d5s")  # short runs keep the whole bench near a quarter of an hour
# One request at a time: the time to serve one page. wrk's default timeout (2 s) would drop
# a slower answer from the figures (the search at 100x on a busy machine gave none).
WRK_SERIAL = ("-t1", "-c1", "-d3s", "--timeout", "10s")
WORKERS = 2 * (os.cpu_count() or 1) + 1  # gunicorn's own advice for sync workers
# Queries per request: the first after a change (every shared lookup and kept list filled
# again; the largest of tests/portal/test_query_budget.py's budgets per page type) and a
# repeat (issue 12: at most 4, flat with the content; stock Wagtail routing makes more, see
# that test).
FIRST_QUERY_TARGET = 24
REPEAT_QUERY_TARGET = 4
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_RUNS = 3
# The median run's full report per page, kept after the run to read why a score is not 100.
LIGHTHOUSE_REPORTS = ROOT / "test-artifacts" / "lighthouse"


# The static limit (bench/static_wsgi.py), served by the same gunicorn as the portal.
STATIC_APP = "static_wsgi:application"


def run(args, log=None, **kwargs):
    """Run a fixed program of ours; its output goes to ``log`` (shown if it fails)."""
    if log is None:
        return subprocess.run(args, check=True, **kwargs)  # noqa: S603 - our own commands
    with open(log, "a") as out:
        try:
            return subprocess.run(  # noqa: S603 - our own commands
                args, check=True, stdout=out, stderr=subprocess.STDOUT, **kwargs
            )
        except subprocess.CalledProcessError:
            print(Path(log).read_text()[-3000:], file=sys.stderr)
            raise


def say(text):
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)


# --- Databases -------------------------------------------------------------------------------


def database_url(base, name):
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_database(base, name, template=None):
    import psycopg

    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        suffix = f' TEMPLATE "{template}"' if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{suffix}')


def postgres_version(base):
    import psycopg

    with psycopg.connect(base) as connection:
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


def prepare_databases(base, scales, env, log):
    """One database per scale: 1x is the demo content; each larger one is a copy, grown."""
    urls = {}
    previous = None
    for scale in sorted(scales):
        name = f"bench_{scale}x"
        started = time.monotonic()
        create_database(base, name, template=previous)
        urls[scale] = database_url(base, name)
        scale_env = {**env, "DATABASE_URL": urls[scale]}
        if previous is None:
            run(
                [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"],
                log,
                cwd=ROOT,
                env=scale_env,
            )
            # The demo app (and its command) is installed by the dev settings, never production.
            demo_env = {**scale_env, "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.dev"}
            run([PYTHON, "manage.py", "load_demo_content"], log, cwd=ROOT, env=demo_env)
        else:
            run(
                [PYTHON, str(BENCH / "generate_content.py"), "--scale", str(scale)],
                log,
                cwd=ROOT,
                env=scale_env,
            )
        say(f"content at {scale}x ready in {time.monotonic() - started:.0f} s")
        previous = name
    return urls


# --- Servers ---------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(base, path, timeout=30):
    """(status, headers, body) of one GET, redirects not followed."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Gunicorn:
    """The portal under gunicorn on 127.0.0.1, as long as the ``with`` block lasts."""

    def __init__(self, env, log, production_command=False, app="mc2cm_portal.wsgi:application"):
        self.env, self.log, self.app = env, log, app
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # The production command (`make serve`, scripts/serve.sh: its options, an access log
        # line per request) with the static files already collected, or a bare gunicorn with
        # the same workers and no access log, which the throughput figures were taken with.
        self.production_command = production_command

    def __enter__(self):
        self.output = open(self.log, "a")  # noqa: SIM115 - closed in __exit__
        if self.production_command:
            command = [str(ROOT / "scripts" / "serve.sh")]
            env = {
                **self.env,
                "BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": str(WORKERS),
                "PYTHON": PYTHON,
                "SKIP_COLLECTSTATIC": "1",
            }
        else:
            command = [
                PYTHON,
                "-m",
                "gunicorn",
                self.app,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
                "--error-logfile",
                str(self.log),
            ]
            if self.app == STATIC_APP:
                command += ["--pythonpath", str(BENCH)]
            env = self.env
        # Only requests for the public address are kept in the page cache: this server's.
        env = {**env, "DJANGO_PUBLIC_URL": self.base}
        self.process = subprocess.Popen(  # noqa: S603 - our own command
            command,
            cwd=ROOT,
            env=env,
            # Django's own warnings (e.g. a 404 for /favicon.ico) go to the log, not the table.
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log}")
            try:
                get(self.base, "/robots.txt", timeout=5)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within 90 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.output.close()

    def check(self, path, warm=2 * WORKERS):
        """Make sure the address answers 200 itself (wrk counts redirects as successes),
        then warm every worker up: templates compiled, connections open, cache filled."""
        status, headers, body = get(self.base, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        for _ in range(warm):
            _status, headers, body = get(self.base, path)
        return headers, body


def wrk(url, options):
    """Requests per second and the p50 and p99 latencies (ms) of one wrk run."""
    output = subprocess.run(  # noqa: S603 - fixed program, local address
        [shutil.which("wrk"), *options, "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} failed responses under load")
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
    }


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing wrk")
        quiet = {
            "stdout": subprocess.DEVNULL,
            "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        }
        if subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], **quiet).returncode:  # noqa: S607
            run(["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL)  # noqa: S607
            run(["apt-get", "install", "-y", "-qq", "wrk"], **quiet)  # noqa: S607
    return bool(shutil.which("wrk"))


# --- Parts -----------------------------------------------------------------------------------


def count_queries(env, url, work):
    """Run bench/queries.py against one scale's database; the page cache off, as served."""
    out = work / f"queries-{urlsplit(url).path.strip('/')}.json"
    with open(out, "w") as stdout:
        run(
            [PYTHON, str(BENCH / "queries.py")],
            cwd=ROOT,
            # The public address is the in-process client's host: only its requests share
            # what is kept (addresses.is_canonical_host), as a visitor's would.
            env={
                **env,
                **switches.MODES["off"],
                "DATABASE_URL": url,
                "DJANGO_PUBLIC_URL": "http://localhost",
            },
            stdout=stdout,
        )
    return json.loads(out.read_text())


def throughput_addresses(pages):
    """(page type, language) of every page measured: the city page first, in both scripts."""
    found = [("city", lang) for lang in CITY_LANGUAGES]
    return found + [(page, "en") for page in THROUGHPUT_PAGES if page != "city"]


def throughput(server, static, pages, snapshots):
    """wrk against each page and, side by side, against the same HTML from the static limit."""
    results = {}
    for page, lang in throughput_addresses(pages):
        path = quote(pages[page][lang], safe="/?=&%")
        snapshot = f"/{snapshots[(page, lang)]}"
        headers, _body = server.check(path)
        static.check(snapshot)
        portal_runs, static_runs = [], []
        load_average = load_average_now()
        for _round in range(CITY_ROUNDS if page == "city" else 1):
            portal_runs.append(wrk(server.base + path, WRK_LOAD))
            static_runs.append(wrk(static.base + snapshot, WRK_LOAD))
        portal, limit = mean_run(portal_runs), mean_run(static_runs)
        results[(page, lang)] = {
            "portal": portal,
            "static": limit,
            "ratio": portal["rps"] / limit["rps"],
            "cache": headers.get(switches.HIT_HEADER),
            "load": load_average,
        }
        say(
            f"  {page} ({lang}): {portal['rps']:.0f} req/s, static limit {limit['rps']:.0f} "
            f"req/s, ratio {results[(page, lang)]['ratio']:.3f}"
        )
    return results


def load_average_now():
    """The machine's load average over the last minute: others' work shows in the figures."""
    return Path("/proc/loadavg").read_text().split()[0]


def mean_run(runs):
    """The mean of each figure over several wrk runs of the same address."""
    return {key: sum(item[key] for item in runs) / len(runs) for key in runs[0]}


def lighthouse_report(url, out, log, attempts=3):
    """Lighthouse's JSON report of one page. Chromium sometimes loses the trace of a load
    (NO_NAVSTART, NO_FCP) on a busy machine; that run is simply done again."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={' '.join(weight.CHROMIUM_ARGS)}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
    ]
    env = {**os.environ, "CHROME_PATH": weight.CHROMIUM}
    for attempt in range(1, attempts + 1):
        try:
            run(command, log, env=env, timeout=180)
            report = json.loads(out.read_text())
            if not report.get("runtimeError"):
                return report
            error = report["runtimeError"].get("code")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
            error = type(failure).__name__
        say(f"  lighthouse run {attempt} of {url} failed ({error})")
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}; see {log}")


def lighthouse(base, pages, work):
    results = {}
    for page in LIGHTHOUSE_PAGES:
        for lang in ("ar", "en"):
            reports = []
            try:
                for run_number in range(1, LIGHTHOUSE_RUNS + 1):
                    name = f"lighthouse-{page.replace(' ', '-')}-{lang}-{run_number}.json"
                    reports.append(
                        lighthouse_report(
                            base + pages[page][lang], work / name, work / "lighthouse.log"
                        )
                    )
            except RuntimeError as error:
                results[(page, lang)] = {"error": str(error)}
                continue
            # Lighthouse's own advice on variability: several runs, the median one kept.
            # The performance score is the one that varies (total blocking time, on a
            # machine shared with the server); the median run by it stands for the page.
            performance = [report["categories"]["performance"]["score"] or 0 for report in reports]
            report = sorted(reports, key=lambda r: r["categories"]["performance"]["score"] or 0)[
                len(reports) // 2
            ]
            LIGHTHOUSE_REPORTS.mkdir(parents=True, exist_ok=True)
            kept = LIGHTHOUSE_REPORTS / f"{page.replace(' ', '-')}-{lang}.json"
            kept.write_text(json.dumps(report, ensure_ascii=False))
            scores, failing = {}, {}
            for key in LIGHTHOUSE_CATEGORIES:
                category = report["categories"][key]
                scores[key] = None if category["score"] is None else round(category["score"] * 100)
                # The audits that cost points: weighted, scored and not passed.
                failing[key] = [
                    ref["id"]
                    for ref in category["auditRefs"]
                    if ref["weight"] > 0
                    and report["audits"][ref["id"]]["score"] is not None
                    and report["audits"][ref["id"]]["score"] < 1
                ]
            results[(page, lang)] = {
                "scores": scores,
                "failing": failing,
                "performance_runs": [round(score * 100) for score in performance],
            }
            say(f"  lighthouse {page} ({lang}): {scores}")
    return results


# --- The table -------------------------------------------------------------------------------


def machine(pg_version):
    cpuinfo = Path("/proc/cpuinfo").read_text()
    models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    cpus = len(re.findall(r"^processor\s*:", cpuinfo, re.M))
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    import django
    import gunicorn
    import wagtail

    return (
        f"Machine: {models[0] if models else platform.processor()}, {cpus} CPUs, "
        f"{memory_kb / 1024 / 1024:.1f} GiB RAM. Python {platform.python_version()}, "
        f"PostgreSQL {pg_version}, Django {django.get_version()}, Wagtail {wagtail.__version__}, "
        f"gunicorn {gunicorn.__version__}."
    )


def fmt(value, digits=0):
    return "-" if value is None else f"{value:,.{digits}f}"


class Report:
    """One table, a block per part, each row ending with its verdict against the target."""

    WIDTH = 118

    def __init__(self, results):
        self.results = results
        self.lines, self.notes = [], []
        self.met = self.total = 0

    def rule(self, char="-"):
        self.lines.append(char * self.WIDTH)

    def text(self, *lines):
        self.lines += [line if i == 0 else f"   {line}" for i, line in enumerate(lines)]

    def row(self, cells, widths):
        """First cell left-aligned, the next ones right-aligned; cells past ``widths`` as is."""
        parts = [
            str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=False))
        ]
        parts += [str(cell) for cell in cells[len(widths) :]]
        self.lines.append("  ".join(parts).rstrip())

    def verdict(self, ok, why=""):
        self.met, self.total = self.met + bool(ok), self.total + 1
        return "ok" if ok else f"UNDER TARGET{': ' if why else ''}{why}"

    def build(self, parts):
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        self.rule("=")
        self.text(
            f"MC2CM portal benchmark, {now}. {self.results['machine']}",
            "Load average (1 min) at the start and the end: "
            f"{' and '.join(self.results['load'])}. Other work on the machine lowers the raw "
            "figures; the ratios less so.",
        )
        self.rule("=")
        self.queries()
        for part in PARTS:
            if part in self.results:
                self.rule()
                getattr(self, part)()
        self.rule()
        for part, error in self.results["errors"].items():
            self.notes.append(f"{part} could not run: {error}")
        for note in self.notes:
            self.text(f"note: {note}")
        skipped = [part for part in PARTS if part not in parts]
        self.text(
            f"Targets met: {self.met} of {self.total}."
            + (f" Not measured in this run: {', '.join(skipped)}." if skipped else "")
        )
        self.rule("=")
        return "\n".join(self.lines)

    def queries(self):
        queries = self.results["queries"]
        scales = sorted(queries)
        self.text(
            f"1. SQL queries per request, in-process, production settings (DEBUG off), the most of "
            f"ar/fr/en. Target: first <= {FIRST_QUERY_TARGET}, repeat <= "
            f"{REPEAT_QUERY_TARGET}, the same at every scale.",
            "first = after emptying the cache / repeat = the same request again / cached = "
            "repeat with the page cache on",
        )
        widths = [22] + [22] * len(scales)
        self.row(["page", *(f"{s}x first/repeat/cached" for s in scales), "verdict"], widths)
        base = queries[scales[0]]["queries"]
        over = []
        for page in base:
            cells, counts = [], {}
            for scale in scales:
                per_lang = queries[scale]["queries"][page].values()
                first = max(m["first"] for m in per_lang)
                repeat = max(m["repeat"] for m in per_lang)
                cached = [m["cached"] for m in per_lang]
                counts[scale] = (first, repeat)
                cells.append(f"{first} / {repeat} / {'n/a' if None in cached else max(cached)}")
            too_many = any(
                first > FIRST_QUERY_TARGET or repeat > REPEAT_QUERY_TARGET
                for first, repeat in counts.values()
            )
            grows = len(set(counts.values())) > 1
            why = ", ".join(w for w, bad in (("over target", too_many), ("grows", grows)) if bad)
            self.row([page, *cells, self.verdict(not why, why)], widths)
            if why:
                over.append(page)
        self.notes += query_notes(base, over)
        growth = []
        for page in ("city", "peer meeting", "toolkit"):
            per_scale = [
                queries[scale]["queries"].get(page, {}).get("en", {}).get("routing")
                for scale in scales
            ]
            if None not in per_scale:
                growth.append(f"{page} " + " / ".join(f"{r['ms']:.1f}" for r in per_scale))
        if growth:
            self.text(
                f"Stock routing alone, CPU ms per request in English at "
                f"{' / '.join(f'{s}x' for s in scales)} (bench/queries.py): {'; '.join(growth)}"
            )

    def throughput(self):
        figures = self.results["throughput"]
        self.text(
            f"2. Throughput under gunicorn ({WORKERS} sync workers) on PostgreSQL, wrk "
            f"{' '.join(WRK_LOAD)} from a second process; ratio = portal / static limit,",
            "the static limit being the same HTML returned by a bare WSGI callable "
            "(bench/static_wsgi.py) under the same gunicorn,",
            "same workers, same wrk, measured beside each page in this run. Modes: page cache on; "
            "page cache off (lists kept);",
            "nothing kept (page cache and kept lists off: a signed-in partner, the first visitor "
            "after a publish). The switches (bench/switches.py):",
            *self.switches(),
        )
        self.city_ratios(figures)
        self.text("Every page measured, in English (the city page in both scripts):")
        widths = [20, 14, 7, 8, 8, 10, 6]
        columns = ["req/s", "p50 ms", "p99 ms", "static r/s", "ratio"]
        self.row(["page", "mode", *columns], widths)
        for page, lang in next(iter(figures.values()), {}):
            for number, mode in enumerate(switches.MODES):
                cells = [f"{page} ({lang})" if number == 0 else "", switches.MODE_NAMES[mode]]
                if mode not in figures:
                    self.row([*cells, "n/a"], widths)
                    continue
                item = figures[mode][(page, lang)]
                self.row(
                    [
                        *cells,
                        fmt(item["portal"]["rps"]),
                        fmt(item["portal"]["p50"], 1),
                        fmt(item["portal"]["p99"], 1),
                        fmt(item["static"]["rps"]),
                        fmt(item["ratio"], 3),
                    ],
                    widths,
                )
        if "on" in figures:
            # The portal marks cached answers; a miss under load would mean the figures
            # above are not the cache's.
            missed = [
                f"{page} ({lang})"
                for (page, lang), item in figures["on"].items()
                if item["cache"] != "hit"
            ]
            if missed:
                self.notes.append(
                    f"page cache on, but no {switches.HIT_HEADER} hit for: {', '.join(missed)}"
                )

    def city_ratios(self, figures):
        """The city page's three ratios against their bars (issue 12), PASS or FAIL each."""
        self.text(
            f"City page, the bars: ratio = requests/s of the page / requests/s of the static "
            f"limit (mean of {CITY_ROUNDS} interleaved runs each); load = the 1-min load average "
            "when measured."
        )
        widths = [14, 16, 8, 13, 7, 9, 5, 8]
        self.row(
            ["city page", "mode", "req/s", "static req/s", "ratio", "bar", "load", "verdict"],
            widths,
        )
        for lang in CITY_LANGUAGES:
            for mode, bar in switches.CITY_BARS.items():
                item = figures.get(mode, {}).get(("city", lang))
                cells = [f"{LANGUAGE_NAMES[lang]} ({lang})", switches.MODE_NAMES[mode]]
                if item is None:
                    cells += ["-", "-", "-", f">= {bar}", "-", self.pass_fail(False)]
                    self.row(cells, widths)
                    continue
                ok = item["ratio"] >= bar
                self.row(
                    [
                        *cells,
                        fmt(item["portal"]["rps"]),
                        fmt(item["static"]["rps"]),
                        fmt(item["ratio"], 3),
                        f">= {bar}",
                        item["load"],
                        self.pass_fail(ok),
                    ],
                    widths,
                )
        self.routing_floor(figures)

    def routing_floor(self, figures):
        """What stock routing alone costs (bench/queries.py), against the whole request's CPU
        time each bar allows on this machine: when the first exceeds the second, no work on
        the page itself can reach the bar."""
        cpus = os.cpu_count() or 1
        queries = self.results["queries"]
        city = queries[min(queries)]["queries"].get("city", {})
        for lang in CITY_LANGUAGES:
            measured = city.get(lang, {}).get("routing")
            if measured is None:
                continue
            budgets = []
            for mode, bar in switches.CITY_BARS.items():
                item = figures.get(mode, {}).get(("city", lang))
                if item is not None:
                    allowed = cpus * 1000 / (bar * item["static"]["rps"])
                    budgets.append(f"{switches.MODE_NAMES[mode]} {allowed:.2f} ms")
            self.text(
                f"  {LANGUAGE_NAMES[lang]}: stock routing alone (Site lookup and "
                f"wagtail-modeltranslation's route) {measured['ms']:.2f} ms CPU, "
                f"{measured['queries']} queries; a whole request's CPU at the bar "
                f"({cpus} CPUs / (bar x static req/s)): {', '.join(budgets)}"
            )

    def pass_fail(self, ok):
        self.met, self.total = self.met + bool(ok), self.total + 1
        return "PASS" if ok else "FAIL"

    @staticmethod
    def switches():
        return [
            f"  {switches.MODE_NAMES[mode]}: "
            + " ".join(f"{name}={value}" for name, value in switched.items())
            for mode, switched in switches.MODES.items()
        ]

    def scale(self):
        queries = self.results["queries"]
        scales = sorted(queries)
        self.text(
            "3. Growth with content. 1x = the demo (10 cities), 10x and 100x = generated (100 and "
            "1,000 cities, with meetings,",
            f"projects and documents in proportion). p50 = median time to serve the English page "
            f"alone (wrk {' '.join(WRK_SERIAL)}),",
            "page cache off (lists kept), and with nothing kept for comparison. Target: paginated "
            "pages less than 1.5x slower at 100x than at 1x.",
        )
        self.text(
            f"growth = {scales[-1]}x/1x. At 1x the listings fill less than a page (10 of 60 "
            "cities, 11 of 24 meetings): growth/full = 100x/10x."
        )
        widths = [20, 20] + [11] * len(scales) + [8, 12]
        self.row(
            [
                "page",
                "queries " + "/".join(f"{s}x" for s in scales),
                *(f"p50 ms {s}x" for s in scales),
                "growth",
                "growth/full",
                "verdict",
            ],
            widths,
        )
        for page in SCALE_PAGES:
            counts = "/".join(
                str(max(m["repeat"] for m in queries[s]["queries"][page].values())) for s in scales
            )
            for key in ("scale", "scale_nothing_kept"):
                figures = self.results.get(key, {}).get(page, {})
                p50 = [figures.get(s, {}).get("p50") for s in scales]
                growth = p50[-1] / p50[0] if p50[0] and p50[-1] else None
                # From 10x on, the first page of each listing is full.
                full = p50[-1] / p50[1] if len(p50) > 2 and p50[1] and p50[-1] else None
                if key == "scale_nothing_kept":
                    cells = ["  nothing kept", "", *(fmt(v, 1) for v in p50)]
                    self.row([*cells, fmt(growth, 2), fmt(full, 2), "(for comparison)"], widths)
                    continue
                if page in PAGINATED:
                    status = self.verdict(growth is not None and growth < 1.5)
                else:
                    status = "(no target: not paginated, lists every city)"
                cells = [page, counts, *(fmt(v, 1) for v in p50), fmt(growth, 2), fmt(full, 2)]
                self.row([*cells, status], widths)

    def weight(self):
        self.text(
            "4. Weight in Chromium (first visit, scrolled to the end), KB as sent with gzip -9 "
            "(whitenoise, a proxy), the heavier of en/ar.",
            "Target: <= 100 KB without images (fonts included), JS < 15 KB, no third-party "
            "request.",
        )
        widths = [26, 6, 6, 6, 6, 7, 11, 9, 12]
        kinds = ("html", "css", "js", "fonts", "images")
        self.row(
            [
                "page",
                "HTML",
                "CSS",
                "JS",
                "fonts",
                "images",
                "w/o images",
                "requests",
                "third-party",
                "verdict",
            ],
            widths,
        )
        for page, per_lang in self.results["weight"].items():
            kb = {
                lang: {kind: size / 1024 for kind, size in item["bytes"].items()}
                for lang, item in per_lang.items()
            }
            totals = {
                lang: sum(size for kind, size in sizes.items() if kind != "images")
                for lang, sizes in kb.items()
            }
            lang = max(totals, key=totals.get)
            js = max(sizes["js"] for sizes in kb.values())
            third = sorted({url for item in per_lang.values() for url in item["third_party"]})
            self.notes += [f"third-party request from {page}: {url}" for url in third]
            ok = totals[lang] <= 100 and js < 15 and not third
            self.row(
                [
                    f"{page} ({lang})",
                    *(fmt(kb[lang][kind], 1) for kind in kinds),
                    fmt(totals[lang], 1),
                    per_lang[lang]["requests"],
                    len(third),
                    self.verdict(ok),
                ],
                widths,
            )

    def lighthouse(self):
        self.text(
            "5. Lighthouse 12.2.3, default mobile profile with simulated throttling, offline "
            "against the local gunicorn, page cache on;",
            f"the median of {LIGHTHOUSE_RUNS} runs by performance (Lighthouse's advice on "
            "variability), every run's performance score shown.",
            "Target: 100 in all four; below that, the audits costing points. The median "
            f"run's report per page: {LIGHTHOUSE_REPORTS.relative_to(ROOT)}/.",
        )
        widths = [26, 6, 6, 9, 6, 12]
        self.row(["page", "perf", "a11y", "best-pr", "seo", "perf runs", "verdict"], widths)
        for (page, lang), item in self.results["lighthouse"].items():
            if "error" in item:
                failed = self.verdict(False, item["error"])
                self.row([f"{page} ({lang})", "-", "-", "-", "-", "", failed], widths)
                continue
            scores = item["scores"]
            failing = "; ".join(
                f"{key}: {', '.join(ids)}" for key, ids in item["failing"].items() if ids
            )
            ok = all(scores[key] == 100 for key in LIGHTHOUSE_CATEGORIES)
            self.row(
                [
                    f"{page} ({lang})",
                    *(fmt(scores[key]) for key in LIGHTHOUSE_CATEGORIES),
                    " ".join(str(score) for score in item.get("performance_runs", [])),
                    self.verdict(ok, failing),
                ],
                widths,
            )


def query_notes(base, pages):
    """Where the queries of the pages over target go: what they all share, then the rest.

    Counted per table on the repeated request, in the language with the most queries.
    """

    def tables(page):
        worst = max(base[page], key=lambda lang: base[page][lang]["repeat"])
        return Counter(dict(base[page][worst]["tables"]))

    def listing(counter):
        return ", ".join(f"{name} x{n}" if n > 1 else name for name, n in counter.most_common())

    if not pages:
        return []
    shared = tables(pages[0])
    for page in pages[1:]:
        shared &= tables(page)
    notes = [f"queries every page over target makes ({shared.total()}): {listing(shared)}"]
    for page in pages:
        extra = tables(page) - shared
        notes.append(f"queries {page} adds ({extra.total()}): {listing(extra)}")
    return notes


# --- Main ------------------------------------------------------------------------------------


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="queries and weight at 1x only")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"comma-separated, from {','.join(PARTS)}"
    )
    parser.add_argument(
        "--scales", default=",".join(map(str, SCALES)), help="comma-separated; 1 is always in"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.parts, args.scales = "weight", "1"
    args.parts = [part for part in args.parts.split(",") if part]
    # Every larger scale is grown from the demo content (1x), which is also the reference.
    args.scales = sorted({1, *(int(scale) for scale in args.scales.split(","))})
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return args


def main(argv):
    args = parse(argv)
    use_throwaway_postgres(__file__, argv)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="mc2cm-bench-"))
    env = production_env(work)
    results = {"errors": {}}
    measure(args, env, work, results)
    results["load"].append(Path("/proc/loadavg").read_text().split()[0])
    say(f"done in {(time.monotonic() - started) / 60:.1f} min")
    print(Report(results).build(args.parts))
    shutil.rmtree(work, ignore_errors=True)
    return 1 if results["errors"] else 0


def use_throwaway_postgres(script, argv):
    """Run ``script`` again under scripts/throwaway_postgres.py unless already there."""
    if "MC2CM_PG_DATA" not in os.environ:
        # Always our own throwaway cluster, never a DATABASE_URL from the caller's
        # environment: the bench creates and drops databases.
        throwaway = [str(ROOT / "scripts" / "throwaway_postgres.py"), "--", PYTHON, script]
        os.execv(PYTHON, [PYTHON, *throwaway, *argv])  # noqa: S606 - our own script


def production_env(work):
    """Production settings on plain HTTP at 127.0.0.1, everything written under ``work``."""
    return {
        **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
        # Compiled modules go to the temporary folder, not next to the sources: without them
        # each of the bench's ~50 Python processes (gunicorn workers included) would compile
        # Django and Wagtail again, a few seconds each.
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        "DJANGO_SETTINGS_MODULE": "mc2cm_portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_CACHE_DIR": str(work / "cache"),
        **switches.MODES["off"],
        # The bench tells cached answers by a header (off in production).
        switches.HIT_HEADER_SWITCH: switches.ON,
        # Commands need one; each server gets its own address (Server.__enter__).
        "DJANGO_PUBLIC_URL": "http://127.0.0.1",
    }


@contextmanager
def part(results, name):
    """A part that fails is reported in the table; the other parts still run."""
    try:
        yield
    except Exception as error:  # noqa: BLE001
        results["errors"][name] = f"{type(error).__name__}: {error}"
        say(f"{name} failed: {error}")


def measure(args, env, work, results):
    base = os.environ["DATABASE_URL"]
    log = work / "setup.log"
    results["machine"] = machine(postgres_version(base))
    results["load"] = [Path("/proc/loadavg").read_text().split()[0]]
    urls = prepare_databases(base, args.scales if "scale" in args.parts else [1], env, log)
    say("collectstatic")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], log, cwd=ROOT, env=env)

    results["queries"] = {}
    for scale, url in urls.items():
        say(f"queries at {scale}x")
        results["queries"][scale] = count_queries(env, url, work)
    pages = results["queries"][1]["pages"]
    has_page_cache = results["queries"][1]["page_cache_setting"]
    env_1x = {**env, "DATABASE_URL": urls[1]}
    needs_wrk = {"throughput", "scale"} & set(args.parts)
    if needs_wrk and not ensure_wrk():
        for name in needs_wrk:
            results["errors"][name] = "wrk is missing (apt-get install -y wrk)"
        args.parts = [name for name in args.parts if name not in needs_wrk]

    if "throughput" in args.parts:
        with part(results, "throughput"):
            measure_throughput(results, env_1x, pages, has_page_cache, work)

    if {"weight", "lighthouse"} & set(args.parts):
        # As in production: the page cache on when the portal has one.
        mode = switches.MODES["on" if has_page_cache else "off"]
        server_env = {**env_1x, **mode, "DJANGO_CACHE_DIR": str(work / "c-b")}
        with Gunicorn(server_env, work / "gunicorn-browser.log") as server:
            if "weight" in args.parts:
                say("weight")
                with part(results, "weight"):
                    results["weight"] = weight.measure(server.base, pages, ("en", "ar"))
            if "lighthouse" in args.parts:
                say("lighthouse")
                with part(results, "lighthouse"):
                    if not LIGHTHOUSE.exists():
                        run([shutil.which("npm"), "ci", "--no-audit", "--no-fund"], cwd=BENCH)
                    results["lighthouse"] = lighthouse(server.base, pages, work)

    if "scale" in args.parts:
        with part(results, "scale"):
            # Page cache off, lists kept (the target's mode); then nothing kept, where a
            # listing renders its full page of cards on every request.
            for key, mode in (("scale", "off"), ("scale_nothing_kept", "none")):
                results[key] = {}
                for scale, url in urls.items():
                    say(f"latency at {scale}x, {switches.MODE_NAMES[mode]}")
                    scale_env = {
                        **env,
                        **switches.MODES[mode],
                        "DATABASE_URL": url,
                        "DJANGO_CACHE_DIR": str(work / f"c{scale}-{mode}"),
                    }
                    log = work / f"gunicorn-{scale}x-{mode}.log"
                    with Gunicorn(scale_env, log) as server:
                        for page in SCALE_PAGES:
                            path = pages[page]["en"]
                            server.check(path)
                            results[key].setdefault(page, {})[scale] = wrk(
                                server.base + path, WRK_SERIAL
                            )


def measure_throughput(results, env, pages, has_page_cache, work):
    """The pages under gunicorn in each mode, each beside its static limit (static_wsgi.py)."""
    say("saving the pages' HTML for the static limit")
    addresses = throughput_addresses(pages)
    snapshots = {(page, lang): f"{page.replace(' ', '-')}-{lang}.html" for page, lang in addresses}
    folder = work / "static-limit"
    folder.mkdir()
    snapshot_env = {**env, "DJANGO_CACHE_DIR": str(work / "cache-snapshot")}
    with Gunicorn(snapshot_env, work / "gunicorn-snapshot.log") as server:
        for page, lang in addresses:
            status, _headers, body = get(server.base, quote(pages[page][lang], safe="/?=&%"))
            if status != 200:
                raise RuntimeError(f"{page} ({lang}) answered {status}")
            (folder / snapshots[(page, lang)]).write_bytes(body)
    results["throughput"] = {}
    static_env = {**env, "BENCH_STATIC_DIR": str(folder)}
    with Gunicorn(static_env, work / "gunicorn-static.log", app=STATIC_APP) as static:
        for mode, switched in switches.MODES.items():
            if mode == "on" and not has_page_cache:
                continue
            say(f"throughput, {switches.MODE_NAMES[mode]}")
            server_env = {**env, **switched, "DJANGO_CACHE_DIR": str(work / f"cache-{mode}")}
            with Gunicorn(server_env, work / f"gunicorn-{mode}.log") as server:
                results["throughput"][mode] = throughput(server, static, pages, snapshots)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
