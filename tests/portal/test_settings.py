"""Settings are safe by default: production refuses to start without its secrets."""

import os
import subprocess
import sys

import pytest

from tests import ROOT


def public_address(env):
    """A public address on the first allowed host, behind one proxy, unless ``env`` says."""
    hosts = [host.strip() for host in env.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    hosts = [host.lstrip(".") for host in hosts if host and host != "*"]
    defaults = {"DJANGO_TRUSTED_PROXY_COUNT": "1"}
    if hosts:
        defaults["DJANGO_PUBLIC_URL"] = f"https://{hosts[0]}"
    return {**defaults, **env}


def run_with(settings_module, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(public_address(env), DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with("mc2cm_portal.settings.production", DJANGO_ALLOWED_HOSTS="mc2cm.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with("mc2cm_portal.settings.production", DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = run_with(
        "mc2cm_portal.settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="mc2cm.example",
    )
    assert result.returncode == 0, result.stderr


def test_base_settings_are_off_by_default():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    code = "from mc2cm_portal.settings import base; print(base.DEBUG, repr(base.SECRET_KEY))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False ''"


STRONG_KEY = "Zq3vN8-pLr2wXk9_Tb6yHc1sJm4dGf7aQe0uVi5oPn2tRz8xWl3k"  # a test value, not a secret


def run_manage(settings_module, *args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(public_address(env), DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deploy_check_reports_nothing_in_production():
    result = run_manage(
        "mc2cm_portal.settings.production",
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="portal.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "key",
    [
        "short-but-random-Zq3vN8pLr2",
        "a" * 60,
        "django-insecure-" + STRONG_KEY,
    ],
    ids=["short", "repetitive", "django-insecure"],
)
def test_production_refuses_a_weak_secret_key(key):
    result = run_with(
        "mc2cm_portal.settings.production",
        DJANGO_SECRET_KEY=key,
        DJANGO_ALLOWED_HOSTS="portal.example",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak for production" in result.stderr


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "DJANGO_PUBLIC_URL must be set"),
        ("portal.example", "scheme and host without a path"),
        ("https://portal.example/en/", "scheme and host without a path"),
        ("https://elsewhere.example", "must be in DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_a_missing_or_odd_public_address(address, message):
    result = run_with(
        "mc2cm_portal.settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="portal.example",
        DJANGO_PUBLIC_URL=address,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_a_wildcard_host():
    result = run_with(
        "mc2cm_portal.settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="*",
        DJANGO_PUBLIC_URL="https://portal.example",
    )
    assert result.returncode != 0
    assert "not '*'" in result.stderr


def test_production_takes_hosts_and_key_from_the_environment_only():
    code = (
        "import os; from django.conf import settings; "
        "print(settings.SECRET_KEY == os.environ['DJANGO_SECRET_KEY'], settings.ALLOWED_HOSTS, "
        "settings.CSRF_TRUSTED_ORIGINS, settings.DEBUG)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(
        DJANGO_SETTINGS_MODULE="mc2cm_portal.settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="portal.example, .mc2cm.example",
        DJANGO_PUBLIC_URL="https://portal.example",
        DJANGO_TRUSTED_PROXY_COUNT="1",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "True ['portal.example', '.mc2cm.example'] "
        "['https://portal.example', 'https://*.mc2cm.example'] False"
    )
