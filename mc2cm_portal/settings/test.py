"""Settings for the test suite. Each override says why it exists."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
# The demo content the tests run on (load_demo_content) and the dev accounts; never in
# production.
INSTALLED_APPS = [*INSTALLED_APPS, "mc2cm_portal.demo"]  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Whitenoise's manifest storage fails on Wagtail admin assets without collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Hashing passwords properly makes admin-login fixtures slow; tests need no real hashing.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A per-process cache, so tests never share state through a real cache server; except a
# process that acts beside app servers sharing one Redis (tests/portal/test_shared_cache.py
# names it in MC2CM_TEST_SHARED_REDIS): like any portal process there, it uses theirs.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "local-pages": LOCAL_PAGES,  # noqa: F405
    "uncached": CACHES["uncached"],  # noqa: F405
}
if os.environ.get("MC2CM_TEST_SHARED_REDIS"):  # noqa: F405
    CACHES["default"] = redis_cache(os.environ["MC2CM_TEST_SHARED_REDIS"], "mc2cm")  # noqa: F405
# The test client's host is the public address, so pages it fetches may be cached.
PUBLIC_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Tests tell a cached answer from a fresh one by this header.
MC2CM_PAGE_CACHE_HEADER = True
# Tests check pages right after changing content in ways (plain save()) the cache does not
# watch; the page-cache tests switch it on themselves.
MC2CM_PAGE_CACHE = False
# Uploaded demo PDFs go to a throwaway folder, never into the project's media/.
# Each pytest-xdist worker (make test runs two) gets a folder of its own.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
MEDIA_ROOT = Path(  # noqa: F405
    os.environ.get("DJANGO_MEDIA_ROOT", f"/tmp/mc2cm-test-media-{_WORKER}")  # noqa: F405, S108
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Serve static files straight from the app folders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# django-axes stays on (AXES_ENABLED is not overridden): the lockout tests need it, and
# force_login, which most tests use, does not go through authentication at all. Its
# database handler keeps failures in the test transaction, so no test inherits a lockout.
# Typesetting three PDFs at every publish would slow every test that publishes a city,
# meeting or project page; tests/portal/test_page_pdfs.py switches it on.
MC2CM_PAGE_PDFS_ON_PUBLISH = False
