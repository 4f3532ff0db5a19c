#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL cluster, then remove the cluster.

    scripts/throwaway_postgres.py -- .venv/bin/python -m pytest

Creates a cluster in a temporary folder (as the ``postgres`` user when run as root, since
initdb refuses root), starts it on a free local port with fsync off, exports
DATABASE_URL for the command, and stops and deletes the cluster whatever happens.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile


def find_binary(name):
    found = shutil.which(name)
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version)
    if candidates:
        return candidates[-1]
    if found:
        return found
    sys.exit(
        f"{name} not found. Install PostgreSQL's server (Debian: apt-get install -y postgresql)."
    )


def _version(path):
    try:
        return int(path.split("/")[4])
    except (IndexError, ValueError):
        return 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_cluster_owner(args):
    if os.geteuid() == 0:
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(args)]
    return args


def main(argv):
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        sys.exit(__doc__)
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    folder = tempfile.mkdtemp(prefix="mc2cm-pg-")
    data = os.path.join(folder, "data")
    os.mkdir(data)
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for path in (folder, data):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    port = free_port()
    log = os.path.join(folder, "server.log")
    try:
        subprocess.run(
            as_cluster_owner(
                [initdb, "-D", data, "--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            as_cluster_owner([pg_ctl, "-D", data, "-l", log, "-w", "-o", f"'{options}'", "start"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = dict(os.environ)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{port}/postgres"
        env["MC2CM_PG_DATA"] = data
        env["MC2CM_PG_CTL"] = pg_ctl
        print(f"Throwaway PostgreSQL on 127.0.0.1:{port}", flush=True)
        return subprocess.run(argv, env=env).returncode
    finally:
        subprocess.run(
            as_cluster_owner([pg_ctl, "-D", data, "-m", "immediate", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
