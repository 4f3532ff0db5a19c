"""A throwaway Redis server (Debian's redis-server): loopback, a free port, no persistence.

with redis_server() as redis:
    env["REDIS_URL"] = redis.url
    redis.stop()   # gone: connections refused
    redis.start()  # back on the same address, empty
"""

import shutil
import socket
import subprocess
from pathlib import Path

from tests.servers import ROOT, free_port
from tests.services import end, in_own_folder, wait_until

START_TIMEOUT = 30


def ensure_installed():
    if shutil.which("redis-server") is None:
        subprocess.run([str(ROOT / "scripts" / "system_deps.sh"), "redis"], check=True)
    return shutil.which("redis-server")


class RedisServer:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log = self.folder / "redis.log"
        self.process = None

    def start(self):
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [
                    ensure_installed(),
                    "--bind", "127.0.0.1",
                    "--port", str(self.port),
                    "--dir", str(self.folder),
                    "--save", "",
                    "--appendonly", "no",
                    "--daemonize", "no",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until(self.ping, self.process, START_TIMEOUT, "redis-server", self.log)

    def ping(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")

    def stop(self):
        end(self.process)
        self.process = None


def redis_server():
    return in_own_folder(RedisServer, "mc2cm-redis-")
