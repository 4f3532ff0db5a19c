"""Portal processes as the systemd units in deploy/systemd/ start them.

Each unit's ``ExecStart`` and ``Environment=`` lines are read from the shipped file (the
instance name ``%i`` filled in, the install folder /srv/mc2cm replaced by this checkout);
what the unit takes from /etc/mc2cm/portal.env (``EnvironmentFile``) the test gives. So the
tests run the command and settings production runs, not a copy of them.
"""

import os
import shlex
import signal
import subprocess
import time
from pathlib import Path

from tests.servers import ROOT, SERVER_START_TIMEOUT, free_port, get

UNITS = ROOT / "deploy" / "systemd"
INSTALL_FOLDER = "/srv/mc2cm"  # where the units expect the release
VENV_PYTHON = f"{INSTALL_FOLDER}/.venv/bin/python"


def unit_service(name, instance=""):
    """(command, environment) of a unit's [Service] section, ``%i`` being ``instance``."""
    command, environment = None, {}
    for line in (UNITS / name).read_text().splitlines():
        line = line.strip().replace("%i", instance)
        if line.startswith("ExecStart="):
            command = shlex.split(line.removeprefix("ExecStart="))
        elif line.startswith("Environment="):
            key, _, value = line.removeprefix("Environment=").partition("=")
            environment[key] = value
    assert command, f"{name} has no ExecStart"
    return [_local(part) for part in command], environment


def _local(part):
    if part == VENV_PYTHON:
        # The interpreter of this virtualenv (the units' /srv/mc2cm/.venv/bin/python).
        import sys

        return sys.executable
    if part.startswith(INSTALL_FOLDER + "/"):
        return str(ROOT / part.removeprefix(INSTALL_FOLDER + "/"))
    return part


class Process:
    """One unit's process, started, stopped (SIGTERM, then SIGKILL) and started again."""

    def __init__(self, unit, instance, env, log):
        self.unit = unit
        self.command, unit_env = unit_service(unit, instance)
        self.env = {**env, **unit_env, "PYTHONUNBUFFERED": "1"}
        self.log = Path(log)
        self.process = None

    def start(self):
        assert self.process is None, f"{self.unit} is running already"
        # Appended: a restarted instance keeps the lines it logged before.
        with open(self.log, "a") as output:
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_until_ready()
        return self

    def wait_until_ready(self):
        pass

    def stop(self, timeout=40):
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                # The whole group: gunicorn's workers, serve.sh's worker.
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def restart(self):
        self.stop()
        return self.start()

    def running(self):
        return self.process is not None and self.process.poll() is None

    def log_text(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class AppServer(Process):
    """One gunicorn instance (mc2cm-portal@<port>.service): scripts/serve.sh on a free port."""

    def __init__(self, env, log, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__("mc2cm-portal@.service", str(self.port), env, log)

    def wait_until_ready(self):
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.url} did not start:\n{self.log_text()[-5000:]}")
            try:
                if get(self.url, "/health/", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)

    def requests_served(self, path_prefix="/"):
        """How many requests for addresses under ``path_prefix`` this instance logged."""
        return sum(1 for line in self.log_text().splitlines() if f'"GET {path_prefix}' in line)


class Worker(Process):
    """The django-tasks worker (mc2cm-worker.service)."""

    def __init__(self, env, log):
        super().__init__("mc2cm-worker.service", "", env, log)

    def wait_until_ready(self):
        time.sleep(1)
        if self.process.poll() is not None:
            raise RuntimeError(f"The worker stopped at once:\n{self.log_text()[-5000:]}")
