"""Settings shared by every environment.

Safe by default: DEBUG is off and nothing secret has a fallback here. ``dev.py`` opts into
the convenient, unsafe values; ``production.py`` insists on real ones.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from mc2cm_portal.caching.release import code_digest

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# Empty unless provided: Django refuses to start with an empty key, which is what we want.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # wagtail_modeltranslation must precede the apps whose models it translates; its
    # makemigrations/migrate overrides keep Wagtail's Page out of our migrations.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "mc2cm_portal",
    "cities",
    "knowledge",
    "dialogue",
    "action",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    # Background work (TASKS below). The database backend's table exists whether or not a
    # worker runs, so switching MC2CM_TASKS_WORKER on needs no migration.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: the redirect to https and HSTS, for every answer, kept or not.
    "django.middleware.security.SecurityMiddleware",
    # Before everything else that does not depend on who asks: a page kept for anonymous
    # visitors is answered as it was sent the first time (its security headers, compressed
    # or not as the visitor's browser asked), with no query and nothing else run.
    "mc2cm_portal.caching.page_cache.PageCacheMiddleware",
    # Outside whitenoise, so static files get it too.
    "mc2cm_portal.operations.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages travel compressed (a city page: 27 KB of HTML, 6 KB on the wire), which counts on
    # a slow line. After whitenoise, which sends its own pre-compressed static files. Django's
    # gzip adds random bytes to each response against BREACH-style guessing of a CSRF token;
    # a kept page has no token (an answer that sets a cookie is never kept), so sending the
    # same compressed bytes again gives nothing away. Text only: downloads keep their bytes
    # and their length (operations/compression.py).
    "mc2cm_portal.operations.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix, or for "/"
    # from the browser's Accept-Language header.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Posts to the admin's create views take turns per parent page or kind of snippet, and saves
    # of one page or snippet take turns, so that an editor's save and Wagtail's autosave never
    # make two of one thing nor undo each other (editing/creation.py).
    "mc2cm_portal.editing.creation.SavesInTurnMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mc2cm_portal.urls"
WSGI_APPLICATION = "mc2cm_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "mc2cm_portal.caching.fragments.kept_fragments",
            ],
        },
    },
]

# One database URL; SQLite in the project folder when none is given (the `make run` default).
# Connections are kept for a minute and checked before each request reuses one, so after a
# database restart the next request reconnects instead of failing on a dead connection.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's PostgreSQL search backend needs contrib.postgres (check postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin sends requests in parallel (editing-session pings, previews, background
    # saves). SQLite's default transactions start as readers and fail at once with "database
    # is locked" when they need to write while another request writes; IMMEDIATE ones wait
    # for the lock instead, up to DJANGO_SQLITE_LOCK_TIMEOUT seconds (20 by default), then
    # give up: /health/ then reports the database unavailable.
    # https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-transaction-behavior
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("DJANGO_SQLITE_LOCK_TIMEOUT", "20")),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Signing in ------------------------------------------------------------------------
# django-axes first: it refuses any attempt for a locked-out username and address before
# the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# URL names, reversed in the visitor's language (/ar/partners/sign-in/ ...). Wagtail sends
# visitors of pages restricted to a group (Privacy → Partners) to the same page.
LOGIN_URL = "partner_sign_in"
LOGIN_REDIRECT_URL = "partner_resources"
WAGTAIL_FRONTEND_LOGIN_URL = "partner_sign_in"

# Password guessing (https://django-axes.readthedocs.io/en/latest/4_configuration.html):
# five failures for one username from one address lock that pair out for fifteen
# minutes, on the partner sign-in and the admin login alike; every further failure
# during the lockout starts the fifteen minutes again. A success clears the failures.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mc2cm_portal.access.partners.locked_out"  # 429 in the visitor's language
AXES_CLIENT_IP_CALLABLE = "mc2cm_portal.access.partners.client_ip"
# Behind a reverse proxy, the number of proxies that append to X-Forwarded-For (1 for a
# single nginx or Caddy in front). 0, the default, uses REMOTE_ADDR: right when nothing
# stands in front, and safe, since a client can write any X-Forwarded-For it likes.
MC2CM_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------
USE_I18N = True
USE_TZ = True
# The server keeps UTC; staff choose their own zone in their account settings, and the
# admin then shows and reads every date and time in it (go-live and expiry included).
TIME_ZONE = "UTC"
# The team's offices: Tunis, Beirut and Lyon (Europe/Paris); UTC for anyone elsewhere.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-user-time-zones
WAGTAIL_USER_TIME_ZONES = ["Africa/Tunis", "Asia/Beirut", "Europe/Paris", "UTC"]
LANGUAGE_CODE = "en"  # what "/" falls back to when the browser asks for none of ours
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
# Our own UI translations; Django's and Wagtail's ship with their packages.
LOCALE_PATHS = [BASE_DIR / "locale"]

# Content translation (django-modeltranslation). English is the reference language of the
# project's documents, so it holds the untranslated columns and is the first fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ar", "fr", "en")
# Deliberate order per reader: Arabic readers get English before French (the project's
# reference language); French and English readers fall back on each other first.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "fr", "ar"),
    "ar": ("en", "fr"),
    "fr": ("en", "ar"),
    "en": ("fr", "ar"),
}
# Editors see the three languages of a field side by side; no per-language tabs.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False
# We translate with modeltranslation (one page tree, fields per language), not with
# Wagtail's own per-locale page trees.
WAGTAIL_I18N_ENABLED = False

# --- Static and media files ------------------------------------------------------------
STATIC_URL = "/static/"
# Where `collectstatic` writes; tests and the bench collect into a temporary folder instead.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media in an S3-compatible object store (S3_*), for several app servers: originals and
# documents in a private bucket that nobody reads anonymously, renditions in a public one
# that visitors fetch from S3_PUBLIC_URL (directly, or through nginx at /media-public/).
# Documents still go through the portal's document view (WAGTAILDOCS_SERVE_METHOD below),
# which checks who may download them and streams the bytes from the store: a partners-only
# file never has an address that works without the portal. Nothing is ever overwritten: a
# second upload of "report.pdf" gets a name of its own, as on disk.
S3_PRIVATE_BUCKET = os.environ.get("S3_PRIVATE_BUCKET", "")
S3_REQUIRED = (
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_PUBLIC_BUCKET",
    "S3_PUBLIC_URL",
)
if S3_PRIVATE_BUCKET:
    from botocore.config import Config
    from django.core.exceptions import ImproperlyConfigured

    if _missing := [name for name in S3_REQUIRED if not os.environ.get(name)]:
        raise ImproperlyConfigured(
            f"S3_PRIVATE_BUCKET is set, so the object store needs {', '.join(_missing)} too."
        )

    _s3 = {
        "endpoint_url": os.environ["S3_ENDPOINT_URL"],
        "access_key": os.environ["S3_ACCESS_KEY_ID"],
        "secret_key": os.environ["S3_SECRET_ACCESS_KEY"],
        "region_name": os.environ.get("S3_REGION", "us-east-1"),
        "file_overwrite": False,
        # Buckets decide who reads (the store's policy), never per-object ACLs.
        "default_acl": None,
        "signature_version": "s3v4",
        "addressing_style": "path",
        # A store that does not answer fails the request in seconds, not minutes.
        "client_config": Config(connect_timeout=2, read_timeout=10, retries={"max_attempts": 2}),
    }
    _public = urlsplit(os.environ["S3_PUBLIC_URL"].rstrip("/"))
    STORAGES["default"] = {
        "BACKEND": "mc2cm_portal.access.media.ObjectStorage",
        "OPTIONS": {**_s3, "bucket_name": S3_PRIVATE_BUCKET},
    }
    STORAGES["renditions"] = {
        "BACKEND": "mc2cm_portal.access.media.ObjectStorage",
        "OPTIONS": {
            **_s3,
            "bucket_name": os.environ["S3_PUBLIC_BUCKET"],
            # Plain addresses on the public base, with no signature: renditions are public.
            "querystring_auth": False,
            "custom_domain": f"{_public.netloc}{_public.path}",
            "url_protocol": f"{_public.scheme}:",
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    AWS_S3_FILE_OVERWRITE = False

# --- Wagtail ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "MC2CM"
# Wagtail saves an editor's changes in the background once they stop typing for this long
# (its default is half a second). Two seconds still keeps their work, with a quarter of the
# requests on a small server. (A save racing the autosave that creates a new page or snippet
# saves onto it: editing/creation.py.)
WAGTAIL_AUTOSAVE_INTERVAL = 2000
# The portal's public address, scheme and host without a path ("https://mc2cm.example.org"):
# the base of every absolute link in pages, feeds, the sitemap and the API
# (mc2cm_portal/publishing/addresses.py), never the Host header of a request. Only requests
# for this host are kept in the page cache. Required in production.
PUBLIC_URL = os.environ.get("DJANGO_PUBLIC_URL", "").rstrip("/")
# The API's detail_url and download_url on the same address (Wagtail reads the Site
# record's "localhost" otherwise).
WAGTAILAPI_BASE_URL = PUBLIC_URL
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_URL)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents are downloaded through Django so that a permission check can sit in front later.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = True  # Arabic slugs stay Arabic in /ar/ URLs
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("fr", "Français"), ("ar", "العربية")]

# --- Uploads: what editors may upload, and how big (see mc2cm_portal/access/uploads.py) ---
# Every extension here has a content check in mc2cm_portal.access.uploads.CHECKS: a file whose
# bytes do not match its name is refused.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "pptx", "txt", "zip"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mc2cm_portal.access.uploads.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024  # the largest report PDFs are about 20 MB
# Photographs (JPEG), graphics and logos (PNG) and WebP, which is what renditions are made
# of. No SVG (it can carry script), no GIF (animations decode slowly and are never needed
# here), no AVIF (Pillow builds differ in support, and renditions would fail).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# A small file can decode into a huge picture ("decompression bomb"): 50 megapixels is more
# than any camera photo the project uses, and keeps Pillow's memory in bounds.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Form fields without files (the admin's page forms in three languages included); a larger
# body is refused with the 400 page. Files are streamed to disk past this size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, stated: bigger files go to /tmp

# --- Caching ---------------------------------------------------------------------------
# A file cache is shared by every server process on the machine. Commands run as other
# Unix users (a restore as root, a cron job) write into it too: SharedFileCache takes an
# entry it may not read as a miss instead of failing. The content version every entry is
# keyed on lives in the database (models.ContentVersion), where file ownership does not
# matter.
CACHE_DIR = Path(os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")))
# The pages most asked for, also in each server process's memory: a kept page is then
# answered without reading (and decompressing) a file or asking Redis. Keyed like the shared
# entries (release and content version), so never stale; a few MB per process at most.
LOCAL_PAGES = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "mc2cm-pages",
    "TIMEOUT": 10 * 60,
    "OPTIONS": {"MAX_ENTRIES": 300},
}
CACHES = {
    "default": {
        "BACKEND": "mc2cm_portal.caching.page_cache.SharedFileCache",
        "LOCATION": str(CACHE_DIR),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "local-pages": LOCAL_PAGES,
    # Keeps nothing: page fragments a visitor must not share are "kept" here (caching/fragments.py).
    "uncached": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Several app servers share one cache: with REDIS_URL every cache lives in Redis
# (django-redis, as wagtail.org and foundation.mozilla.org run). Redis stopped or slow means
# misses, never errors: IGNORE_EXCEPTIONS turns a failed read into a miss and a failed write
# into nothing, and a quarter of a second is the longest a page waits for it (loopback or a
# LAN answers in well under a millisecond). The content version stays in the database
# (models.ContentVersion, see caching/page_cache.py for why). Sessions are read through the
# cache and kept in the database, so Redis going away signs nobody out.
# https://docs.wagtail.org/en/stable/advanced_topics/performance.html#cache
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url, key_prefix):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "TIMEOUT": 60 * 60,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
            "IGNORE_EXCEPTIONS": True,
        },
    }


if REDIS_URL:
    CACHES = {
        "default": redis_cache(REDIS_URL, "mc2cm"),
        # Wagtail looks renditions up in this alias when it exists; kept apart so that the
        # image lookups of one page cost one round trip each, whatever else is cached.
        "renditions": redis_cache(REDIS_URL, "mc2cm-renditions"),
        "local-pages": LOCAL_PAGES,
        "uncached": CACHES["uncached"],
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # A Redis that does not answer is not logged at every cache call (a traceback each,
    # several per page, under load): /health/ says "cache": "unavailable" and logs why.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

# Part of every key of the kept pages, fragments and lookups (caching/page_cache.py), so a
# deploy never serves HTML or unpickles objects made by the previous code (caching/release.py).
RELEASE = os.environ.get("MC2CM_RELEASE") or code_digest(BASE_DIR)
MC2CM_PAGE_CACHE = env_bool("MC2CM_PAGE_CACHE", True)
MC2CM_PAGE_CACHE_SECONDS = 60 * 60
# Rendered lists kept per content version (caching/fragments.py); off only to measure without them.
MC2CM_FRAGMENT_CACHE = env_bool("MC2CM_FRAGMENT_CACHE", True)
# An "X-Page-Cache: hit/miss" header for tests and the bench; off by default, since it
# would tell anyone when a cache entry is fresh.
MC2CM_PAGE_CACHE_HEADER = env_bool("MC2CM_PAGE_CACHE_HEADER", False)
# "Download this page as PDF" is typeset when a city, meeting or project page is published
# (publishing/pdf.py); off, each PDF is made on its first request instead, then kept all the same.
MC2CM_PAGE_PDFS_ON_PUBLISH = env_bool("MC2CM_PAGE_PDFS_ON_PUBLISH", True)

# The front cache (Varnish) in front of the app servers: its base addresses, space-separated
# ("http://10.0.0.5:6081 http://10.0.0.6:6081"). Every change that moves the content
# version bans the whole site there, after the change commits (caching/page_cache.py,
# BanWholeSiteBackend). Unset: no front cache.
MC2CM_FRONTEND_CACHE_URLS = os.environ.get("MC2CM_FRONTEND_CACHE_URLS", "").split()
if MC2CM_FRONTEND_CACHE_URLS:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "mc2cm_portal.caching.page_cache.BanWholeSiteBackend",
            "LOCATIONS": MC2CM_FRONTEND_CACHE_URLS,
        }
    }

# Background work: Wagtail's reference index and front-cache purges, and the portal's search
# entries and page PDFs, run as django-tasks tasks. With MC2CM_TASKS_WORKER=1 they are
# queued in the database and run by `manage.py db_worker` (started by `make serve`), so a
# publish answers at once; without it they run in the request, as on a single machine.
MC2CM_TASKS_WORKER = env_bool("MC2CM_TASKS_WORKER", False)
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if MC2CM_TASKS_WORKER
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# How many app servers share this site. Above 1, the start-up check (mc2cm_portal/checks.py)
# warns about a cache or media folder bound to one machine.
MC2CM_INSTANCES = int(os.environ.get("MC2CM_INSTANCES", "1"))

# --- Security defaults (production tightens transport; these hold everywhere) ------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF cookie from JavaScript
# Framing is denied everywhere; mc2cm_portal.operations.security allows SAMEORIGIN under
# /admin/ only, where Wagtail previews pages in an iframe.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Health probes talk plain HTTP to gunicorn from the same host or network, wherever
# production sends everything else to HTTPS (SECURE_SSL_REDIRECT).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# A refused form (stale page, cookies blocked) is explained in the visitor's language.
CSRF_FAILURE_VIEW = "mc2cm_portal.operations.views.csrf_failure"
# Content-Security-Policy (sent by mc2cm_portal.operations.security.SecurityHeadersMiddleware).
# Public pages load only the portal's own scripts, styles, images and fonts, and run no inline
# script or style: nothing injected into a page can execute.
MC2CM_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The Wagtail 8 admin writes inline scripts and styles (wagtail/wagtail#1288), shows image
# previews from data:/blob: URLs, and frames its own preview.
MC2CM_ADMIN_CONTENT_SECURITY_POLICY = {
    **MC2CM_CONTENT_SECURITY_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Renditions fetched from the object store's public address when it is another origin.
if S3_PRIVATE_BUCKET and _public.netloc and f"{_public.scheme}://{_public.netloc}" != PUBLIC_URL:
    for _policy in (MC2CM_CONTENT_SECURITY_POLICY, MC2CM_ADMIN_CONTENT_SECURITY_POLICY):
        _policy["img-src"] = [*_policy["img-src"], f"{_public.scheme}://{_public.netloc}"]
# Browser features the portal never uses, switched off for the page and anything it frames.
MC2CM_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# Staff avatars come from the portal, never from gravatar.com (nothing loads from elsewhere).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for new versions; upgrades follow pyproject.toml.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Mail ------------------------------------------------------------------------------
# Outgoing mail through the SMTP server of DJANGO_EMAIL_HOST. Without one, nothing could be
# sent, so the admin offers no "forgotten password" link: its reset mail would never arrive.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAIL_PASSWORD_RESET_ENABLED = bool(EMAIL_HOST)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Our own per-language number formats (mc2cm_portal/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["mc2cm_portal.formats"]
