"""Real services the tests start, the way tests/servers.py starts the portal and
scripts/throwaway_postgres.py starts PostgreSQL: installed when missing, on loopback, on
free ports, in a temporary folder, and always stopped and removed at the end.

Each starter is a context manager yielding an object with the service's address (and
credentials), and ``stop()`` / ``start()`` for tests that take the service away and bring
it back on the same address with the same data.
"""

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager

STOP_GRACE_SECONDS = 10


def end(process):
    """SIGTERM, then SIGKILL if the process has not gone within the grace period."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until(ready, process, timeout, what, log=None):
    """Poll ``ready()`` until it is true; fail with the log if the process dies or the time
    runs out."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited ({process.returncode}):\n{_tail(log)}")
        try:
            if ready():
                return
        except Exception:  # noqa: S110 - not answering yet, whatever the reason
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {timeout} s:\n{_tail(log)}")
        time.sleep(0.2)


def wait_for_port(port, process, log, timeout, what="the service"):
    """Wait until something takes connections on ``port`` (on loopback)."""

    def answers():
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True

    wait_until(answers, process, timeout, f"{what} on port {port}", log)


def _tail(log):
    if log is None:
        return ""
    try:
        with open(log, errors="replace") as file:
            return file.read()[-4000:]
    except OSError:
        return ""


@contextmanager
def in_own_folder(service_class, prefix):
    """A started ``service_class(folder)`` in a temporary folder of its own; stopped and its
    folder removed however the block ends."""
    folder = tempfile.mkdtemp(prefix=prefix)
    service = service_class(folder)
    try:
        service.start()
        yield service
    finally:
        service.stop()
        shutil.rmtree(folder, ignore_errors=True)
