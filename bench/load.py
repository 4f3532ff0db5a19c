"""A short load run against the production set-up, bounded in time.

    .venv/bin/python bench/load.py                  # make bench-load, about 5 minutes
    .venv/bin/python bench/load.py --duration 20    # seconds per page-cache mode

The portal runs under its production command (scripts/serve.sh: gunicorn, 2 x CPUs + 1 sync
workers, production settings, an access-log line per request) on a throwaway PostgreSQL
cluster with the demo content, on 127.0.0.1. wrk (bench/load.lua) walks the main page types
in Arabic, French and English, with the page cache off, then on. Printed: requests served,
errors (non-2xx/3xx answers, socket errors and timeouts; any error fails the run) and the
latency percentiles. See bench/README.md.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import switches
from run import (
    BENCH,
    PYTHON,
    ROOT,
    WORKERS,
    Gunicorn,
    ensure_wrk,
    get,
    machine,
    postgres_version,
    prepare_databases,
    production_env,
    run,
    say,
    use_throwaway_postgres,
)

# The page types a visitor mostly reads (bench/queries.py names them), in the three languages.
PAGES = (
    "home",
    "cities index",
    "city",
    "peer meeting index",
    "peer meeting",
    "migration profile",
    "priority document",
    "pilot project",
    "toolkit library",
    "toolkit",
    "search",
)
CONNECTIONS = 8  # as the throughput figures of bench/run.py
THREADS = 2
TIMEOUT = "10s"  # a slower answer counts as an error


def addresses(env):
    """{page type: {language: path}} of the demo pages, as bench/queries.py finds them."""
    code = (
        "import json, sys; sys.path.insert(0, 'bench'); import django; django.setup(); "
        "import queries; print(json.dumps(queries.addresses()))"
    )
    output = subprocess.run(  # noqa: S603 - our own code
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.splitlines()[-1])


def load(base, paths_file, seconds):
    command = [
        shutil.which("wrk"),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        f"--timeout={TIMEOUT}",
        f"--script={BENCH / 'load.lua'}",
        base,
    ]
    output = subprocess.run(  # noqa: S603 - fixed program, local address
        command,
        check=True,
        capture_output=True,
        text=True,
        env={"LOAD_PATHS": str(paths_file), "PATH": "/usr/bin:/bin"},
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["errors"] = sum(
        result[kind] for kind in ("connect", "read", "write", "status", "timeout")
    )
    return result


def worker_memory(server):
    """Resident memory (MB) of gunicorn's workers, the children of its master process."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    sizes = []
    for pid in children.read_text().split():
        status = Path(f"/proc/{pid}/status").read_text()
        rss_kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
        sizes.append(int(rss_kb) / 1024)
    return sizes


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=45, help="seconds per page-cache mode")
    args = parser.parse_args(argv)
    use_throwaway_postgres(__file__, argv)
    if not ensure_wrk():
        sys.exit("wrk is missing (apt-get install -y wrk)")
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="mc2cm-load-"))
    env = production_env(work)
    log = work / "setup.log"
    base_url = os.environ["DATABASE_URL"]
    header = machine(postgres_version(base_url))
    url = prepare_databases(base_url, [1], env, log)[1]
    env = {**env, "DATABASE_URL": url}
    say("collectstatic")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], log, cwd=ROOT, env=env)
    pages = addresses(env)
    paths = [pages[page][lang] for page in PAGES for lang in ("ar", "fr", "en")]
    paths_file = work / "paths.txt"
    paths_file.write_text("".join(quote(path, safe="/?=&%") + "\n" for path in paths))

    results = {}
    for mode in ("off", "on"):
        server_env = {**env, **switches.MODES[mode], "DJANGO_CACHE_DIR": str(work / mode)}
        with Gunicorn(server_env, work / f"gunicorn-{mode}.log", production_command=True) as server:
            # wrk counts a redirect as a success: every path must answer 200 itself.
            for path in paths:
                status = get(server.base, quote(path, safe="/?=&%"))[0]
                if status != 200:
                    sys.exit(f"{path} answered {status}")
            say(f"load, page cache {mode}, {args.duration} s")
            results[mode] = load(server.base, paths_file, args.duration)
            results[mode]["memory"] = worker_memory(server)
    load_average = Path("/proc/loadavg").read_text().split()[0]
    print(report(header, results, len(paths), args.duration, load_average))
    say(f"done in {(time.monotonic() - started) / 60:.1f} min")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if any(result["errors"] for result in results.values()) else 0


def report(header, results, count, seconds, load_average):
    lines = [
        "=" * 100,
        f"MC2CM portal load run. {header}",
        f"scripts/serve.sh ({WORKERS} sync workers), PostgreSQL, demo content, wrk -t{THREADS} "
        f"-c{CONNECTIONS} -d{seconds}s --timeout {TIMEOUT}",
        f"on {count} addresses: {len(PAGES)} page types x ar/fr/en. Load average at the end: "
        f"{load_average}.",
        "-" * 100,
        f"{'page cache':<12}{'requests':>10}{'req/s':>8}{'errors':>8}"
        f"{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}   worker memory",
    ]
    for mode, r in results.items():
        memory = r["memory"]
        lines.append(
            f"{mode:<12}{r['requests']:>10,}{r['requests'] / r['seconds']:>8.0f}{r['errors']:>8}"
            f"{r['p50']:>9.1f}{r['p90']:>9.1f}{r['p99']:>9.1f}{r['max']:>9.1f}   "
            f"{len(memory)} x {sum(memory) / max(len(memory), 1):.0f} MB"
        )
        if r["errors"]:
            kinds = ("connect", "read", "write", "status", "timeout")
            lines.append("  errors: " + ", ".join(f"{k} {r[k]}" for k in kinds if r[k]))
    lines.append("=" * 100)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
