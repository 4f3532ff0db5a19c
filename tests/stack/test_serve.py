"""`make serve` (scripts/serve.sh) with MC2CM_TASKS_WORKER=1: the django-tasks worker runs
beside gunicorn and stops with it. On the demo site, SQLite or PostgreSQL; no other service."""

import signal
import subprocess
import time

from tests.servers import ROOT, SERVER_START_TIMEOUT, free_port, get


def children(pid):
    """{pid: command line} of the processes ``pid`` started."""
    result = subprocess.run(
        ["/bin/ps", "--ppid", str(pid), "-o", "pid=,args="],
        capture_output=True,
        text=True,
        check=False,
    )
    found = {}
    for line in result.stdout.splitlines():
        child, _, args = line.strip().partition(" ")
        found[int(child)] = args
    return found


def alive(pid):
    return subprocess.run(["/bin/kill", "-0", str(pid)], capture_output=True).returncode == 0


def test_serve_runs_the_tasks_worker_beside_gunicorn_and_stops_both(
    demo_sites, static_root, tmp_path
):
    site = demo_sites.new("serve_worker")
    port = free_port()
    env = site.env(
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_PUBLIC_URL=f"http://127.0.0.1:{port}",
        MC2CM_TASKS_WORKER="1",
        BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        SKIP_COLLECTSTATIC="1",
    )
    log = tmp_path / "serve.log"
    with open(log, "w") as output:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve.sh")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            assert process.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            try:
                if get(f"http://127.0.0.1:{port}", "/health/", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        started = children(process.pid)
        workers = [pid for pid, args in started.items() if "db_worker" in args]
        servers = [pid for pid, args in started.items() if "gunicorn" in args]
        assert len(workers) == 1, started
        assert len(servers) == 1, started

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0, log.read_text()[-3000:]
        assert not alive(workers[0]), "the worker outlived gunicorn"
        assert not alive(servers[0])
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
