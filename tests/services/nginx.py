"""nginx with the shipped site file (deploy/nginx/mc2cm.conf), on loopback in a temporary folder.

The site file is filled in by deploy/render.sh, as in production; only the few lines that
wrap it (``events``, ``http``, where nginx keeps its pid and temporary files) are the test's.
Debian's nginx package (scripts/system_deps.sh stack).
"""

import getpass
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path

from tests.servers import ROOT, free_port
from tests.services import end, wait_for_port

NGINX = "/usr/sbin/nginx"
START_TIMEOUT = 15


def render(template, **values):
    """A deploy/ file with its ${MC2CM_...} placeholders filled in by deploy/render.sh."""
    result = subprocess.run(
        [str(ROOT / "deploy" / "render.sh"), str(ROOT / "deploy" / template)],
        env={"PATH": "/usr/bin:/bin", **values},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"deploy/render.sh {template}: {result.stderr}")
    return result.stdout


class Nginx:
    def __init__(self, folder, app_a, app_b, s3_public_bucket_url):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = self.folder / "access.log"
        self.error_log = self.folder / "error.log"
        site = render(
            "nginx/mc2cm.conf",
            MC2CM_NGINX_LISTEN=f"127.0.0.1:{self.port}",
            MC2CM_APP_A=app_a,
            MC2CM_APP_B=app_b,
            MC2CM_S3_PUBLIC_BUCKET_URL=s3_public_bucket_url,
            MC2CM_NGINX_ACCESS_LOG=str(self.access_log),
        )
        (self.folder / "mc2cm.conf").write_text(site)
        temporary = "\n".join(
            f"    {kind}_temp_path {self.folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        # As root, workers would switch to "nobody", who cannot enter the temporary folder.
        (self.folder / "nginx.conf").write_text(
            f"user {getpass.getuser()};\n"
            "worker_processes 1;\n"
            f"pid {self.folder / 'nginx.pid'};\n"
            f"error_log {self.error_log} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            "    include /etc/nginx/mime.types;\n"
            f"{temporary}\n"
            f"    include {self.folder / 'mc2cm.conf'};\n"
            "}\n"
        )
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                NGINX,
                "-p",
                str(self.folder),
                "-c",
                str(self.folder / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=open(self.error_log, "a"),  # noqa: SIM115 (kept open by nginx)
        )
        wait_for_port(self.port, self.process, self.error_log, START_TIMEOUT, "nginx")
        return self

    def stop(self):
        if self.process is not None:
            # SIGQUIT: graceful (finish the requests being served).
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                end(self.process)
            self.process = None

    def access_lines(self):
        return self.access_log.read_text().splitlines() if self.access_log.exists() else []


@contextmanager
def nginx(folder, app_a, app_b, s3_public_bucket_url="http://127.0.0.1:9"):
    server = Nginx(folder, app_a, app_b, s3_public_bucket_url)
    try:
        yield server.start()
    finally:
        server.stop()
