"""Production: everything that matters comes from the environment, or start-up stops."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False

# The same bar as Django's own deploy check (security.W009): long, varied, not a dev key.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5

for _name, _value in (("DJANGO_SECRET_KEY", SECRET_KEY), ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS)):  # noqa: F405
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
