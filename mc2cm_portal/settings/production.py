"""Production: everything that matters comes from the environment, or start-up stops."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False

# The same bar as Django's own deploy check (security.W009): long, varied, not a dev key.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5

for _name, _value in (
    ("DJANGO_SECRET_KEY", SECRET_KEY),  # noqa: F405
    ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),  # noqa: F405
    ("DJANGO_PUBLIC_URL", PUBLIC_URL),  # noqa: F405
):
    if not _value:
        raise ImproperlyConfigured(f"{_name} must be set in the environment for production.")
if (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH  # noqa: F405
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS  # noqa: F405
    or SECRET_KEY.startswith(("django-insecure", "dev-only", "test-only"))  # noqa: F405
):
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY is too weak for production: use at least {SECRET_KEY_MIN_LENGTH} "
        f"random characters, e.g. from "
        '`python -c "import secrets; print(secrets.token_urlsafe(50))"`.'
    )
if "*" in ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must list the portal's host names, not '*', in production."
    )

_public = urlsplit(PUBLIC_URL)  # noqa: F405
if _public.scheme not in ("http", "https") or not _public.netloc or _public.path:
    raise ImproperlyConfigured(
        "DJANGO_PUBLIC_URL must be the portal's public address, scheme and host without a "
        'path, e.g. "https://mc2cm.example.org".'
    )
if _public.hostname not in ALLOWED_HOSTS and not any(  # noqa: F405
    host.startswith(".") and _public.hostname.endswith(host)
    for host in ALLOWED_HOSTS  # noqa: F405
):
    raise ImproperlyConfigured("DJANGO_PUBLIC_URL's host must be in DJANGO_ALLOWED_HOSTS.")
# gunicorn speaks plain HTTP: a public https:// address means a reverse proxy in front.
# Counting no proxy there would give every visitor the proxy's address, and five wrong
# passwords from anyone would lock the real user out (django-axes locks a username and
# address together).
if _public.scheme == "https" and MC2CM_TRUSTED_PROXY_COUNT < 1:  # noqa: F405
    raise ImproperlyConfigured(
        "DJANGO_PUBLIC_URL is https:// (served through a reverse proxy) but "
        "DJANGO_TRUSTED_PROXY_COUNT is 0: every visitor would have the proxy's address. Set it "
        "to the number of proxies that append to X-Forwarded-For (1 for one nginx or Caddy)."
    )

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# ".example.org" in ALLOWED_HOSTS means the domain and its subdomains.
CSRF_TRUSTED_ORIGINS = [
    f"https://*{host}" if host.startswith(".") else f"https://{host}"
    for host in ALLOWED_HOSTS  # noqa: F405
]
