"""Local development: `make run`. Unsafe values live here and only here."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# Manifest storage needs `collectstatic`; the dev server serves from the app folders.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_AUTOREFRESH = True
# Editing templates and code locally: always render afresh.
MC2CM_PAGE_CACHE = env_bool("MC2CM_PAGE_CACHE", False)
