"""Portal processes as the systemd units in deploy/systemd/ start them.

Each unit's ``ExecStart`` and ``Environment=`` lines are read from the shipped file (the
instance name ``%i`` filled in, the install folder /srv/mc2cm replaced by this checkout);
what the unit takes from /etc/mc2cm/portal.env (``EnvironmentFile``) the test gives. So the
tests run the command and settings production runs, not a copy of them. An instance listens
on the socket its ``.socket`` unit describes, opened here and handed over as systemd does
(socket activation: fd 3, ``LISTEN_FDS``, ``LISTEN_PID``), and kept open across restarts.
"""

import os
import shlex
import signal
import socket
import subprocess
import sys
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
                self.launch_command(),
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                pass_fds=self.passed_fds(),
            )
        self.wait_until_ready()
        return self

    def launch_command(self):
        return self.command

    def passed_fds(self):
        return ()

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


# fd 3 and LISTEN_FDS/LISTEN_PID, as systemd sets them, then the unit's command in this process.
LAUNCH = """
import os, sys
fd = int(sys.argv[1])
if fd != 3:
    os.dup2(fd, 3)
    os.close(fd)
os.environ.update(LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))
os.execvp(sys.argv[2], sys.argv[2:])
"""


def socket_address(name, instance, values):
    """(host, port) of a socket unit's ``ListenStream=``, placeholders filled from ``values``."""
    for line in (UNITS / name).read_text().splitlines():
        line = line.strip().replace("%i", instance)
        if line.startswith("ListenStream="):
            address = line.removeprefix("ListenStream=")
            for key, value in values.items():
                address = address.replace("${" + key + "}", value)
            host, _, port = address.rpartition(":")
            return host, int(port)
    raise AssertionError(f"{name} has no ListenStream")


def socket_backlog(name):
    for line in (UNITS / name).read_text().splitlines():
        if line.strip().startswith("Backlog="):
            return int(line.strip().removeprefix("Backlog="))
    return 128  # systemd's default (SOMAXCONN)


class AppServer(Process):
    """One gunicorn instance (mc2cm-portal@<port>.service): scripts/serve.sh on a free port,
    on the socket of mc2cm-portal@<port>.socket, which stays open while it restarts."""

    SOCKET_UNIT = "mc2cm-portal@.socket"

    def __init__(self, env, log, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__("mc2cm-portal@.service", str(self.port), env, log)
        self.address = socket_address(
            self.SOCKET_UNIT, str(self.port), {"MC2CM_BIND_HOST": env["BIND_HOST"]}
        )
        self.listener = None

    def start(self):
        if self.listener is None:
            self.listener = socket.create_server(
                self.address, backlog=socket_backlog(self.SOCKET_UNIT)
            )
        return super().start()

    def launch_command(self):
        # What systemd does for a socket-activated service: the socket as fd 3, and
        # LISTEN_FDS/LISTEN_PID naming it for this process (serve.sh execs gunicorn, which
        # keeps the process id).
        # (In Python: dash cannot move a file descriptor above 9.)
        return [sys.executable, "-c", LAUNCH, str(self.listener.fileno()), *self.command]

    def passed_fds(self):
        return (self.listener.fileno(),)

    def restart(self):
        """The instance only: its socket stays open meanwhile, and what arrives waits in its
        backlog for the new gunicorn, as with systemd."""
        super().stop()
        return self.start()

    def stop(self, timeout=40):
        """Stopped for good: the instance, then its socket."""
        super().stop(timeout)
        if self.listener is not None:
            self.listener.close()
            self.listener = None

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
