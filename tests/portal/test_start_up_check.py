"""The start-up check (checks.py): declaring several app servers with a cache or media
folder bound to one machine is warned about when the portal starts."""

import os
import subprocess
import sys

from django.core.checks import run_checks

from mc2cm_portal.settings.base import redis_cache
from tests.servers import ROOT

S3_MEDIA = {
    "default": {
        "BACKEND": "mc2cm_portal.media.ObjectStorage",
        "OPTIONS": {
            "bucket_name": "private",
            "endpoint_url": "http://127.0.0.1:9",
            "access_key": "key",
            "secret_key": "secret",
        },
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def warning_ids():
    return {message.id for message in run_checks() if message.id.startswith("mc2cm.")}


def test_several_instances_on_a_machine_bound_cache_and_local_media_are_warned(settings):
    settings.MC2CM_INSTANCES = 2
    assert warning_ids() == {"mc2cm.W001", "mc2cm.W002"}


def test_one_instance_needs_nothing_shared(settings):
    settings.MC2CM_INSTANCES = 1
    assert warning_ids() == set()


def test_several_instances_on_redis_and_an_object_store_pass(settings):
    settings.MC2CM_INSTANCES = 3
    settings.CACHES = {
        "default": redis_cache("redis://127.0.0.1:9/0", "mc2cm"),
        "uncached": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.STORAGES = S3_MEDIA
    assert warning_ids() == set()


def test_the_operator_sees_the_warning_when_the_server_starts(tmp_path):
    """What `manage.py check` (and so `make serve`'s migrate) prints with two instances on
    the default single-machine settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MC2CM_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="mc2cm_portal.settings.dev",
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
        MC2CM_INSTANCES="2",
    )
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "mc2cm.W001" in result.stderr
    assert "Set REDIS_URL" in result.stderr
    assert "mc2cm.W002" in result.stderr
