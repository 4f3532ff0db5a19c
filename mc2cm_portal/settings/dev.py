"""Local development: `make run`. Unsafe values live here and only here."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# Manifest storage needs `collectstatic`; the dev server serves from the app folders.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# `make run` serves http://127.0.0.1:8000/; set DJANGO_PUBLIC_URL for another address.
PUBLIC_URL = os.environ.get("DJANGO_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILAPI_BASE_URL = PUBLIC_URL
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_URL)
MC2CM_PAGE_CACHE_HEADER = env_bool("MC2CM_PAGE_CACHE_HEADER", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAIL_PASSWORD_RESET_ENABLED = True  # the reset mail is printed on the console
# runserver leaves static files to whitenoise (which refuses "/static/../manage.py" with a
# 404) instead of its own handler, which answered such an address with a 500.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]  # noqa: F405
# The demo content and the well-known dev accounts (load_demo_content, create_dev_accounts):
# development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "mc2cm_portal.demo"]
WHITENOISE_AUTOREFRESH = True
# Editing templates and code locally: always render afresh.
MC2CM_PAGE_CACHE = env_bool("MC2CM_PAGE_CACHE", False)
