"""Varnish 7.1 with the shipped VCL (deploy/varnish/default.vcl), on loopback.

Debian's varnish package (scripts/system_deps.sh stack). ``-n`` keeps its working files in
the temporary folder, ``-F`` keeps it in the foreground (this process stops it), and
``-j none`` keeps it from switching to the ``varnish`` user, who could not enter that folder
(the tests run as root in CI).
"""

import subprocess
from contextlib import contextmanager
from pathlib import Path

from tests.servers import free_port
from tests.services import end, wait_for_port
from tests.services.nginx import render

VARNISHD = "/usr/sbin/varnishd"


class Varnish:
    def __init__(self, folder, backend_port, public_host, purgers=""):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.vcl = self.folder / "default.vcl"
        self.vcl.write_text(
            render(
                "varnish/default.vcl",
                MC2CM_NGINX_HOST="127.0.0.1",
                MC2CM_NGINX_PORT=str(backend_port),
                MC2CM_PUBLIC_HOST=public_host.format(port=self.port),
                MC2CM_PURGERS=purgers,
            )
        )
        self.log = self.folder / "varnishd.log"
        self.process = None

    def start(self):
        with open(self.log, "a") as output:
            self.process = subprocess.Popen(
                [
                    VARNISHD,
                    "-F",
                    "-j",
                    "none",
                    "-n",
                    str(self.folder / "work"),
                    "-a",
                    f"127.0.0.1:{self.port}",
                    "-T",
                    "none",
                    "-f",
                    str(self.vcl),
                    "-s",
                    "malloc,128m",
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, self.process, self.log, 30, "Varnish")
        return self

    def stop(self):
        if self.process is not None:
            end(self.process)
            self.process = None


@contextmanager
def varnish(folder, backend_port, public_host="127.0.0.1:{port}", purgers=""):
    """Varnish in front of the nginx on ``backend_port``; ``public_host`` is the Host the
    portal declares (``{port}`` is Varnish's own port)."""
    server = Varnish(folder, backend_port, public_host, purgers)
    try:
        yield server.start()
    finally:
        server.stop()
