"""A language-aware page cache for anonymous visitors, emptied whenever content changes.

Every public address carries its language (/ar/, /fr/, /en/), so the path with its query
string is the key. Rather than tracking which pages show which content (a city appears on
its meetings, projects, the home page, the map ...), any publish, unpublish, move, delete
or change to a shared snippet or document moves a "content version" that is part of every
key: stale entries are simply never read again and expire.

What is kept is bounded by the content, not by what visitors send: only requests for the
public host (see publishing/addresses.py), for an address without a query string or with the query
string a list recognises as its own (``keep_query``), are stored. Anything else is
answered and forgotten.
"""

import hashlib
import logging
import threading
import urllib.error
import urllib.request

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.db import InterfaceError, OperationalError, transaction
from django.http import HttpResponse

# The pattern GZipMiddleware itself compresses by: a page is kept per what it sent.
from django.middleware.gzip import re_accepts_gzip
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import purge_url_from_cache

from mc2cm_portal.publishing.addresses import is_canonical_host

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
CACHED_TYPES = ("text/html", "application/atom+xml", "application/xml", "text/csv")

logger = logging.getLogger(__name__)


class SharedFileCache(FileBasedCache):
    """Django's file cache, for a folder that commands run as other Unix users write too.

    Each entry is a file of mode 0600 owned by whoever wrote it: one written by ``root``
    (a restore, a cron job, a shell) cannot be read by the server's own user. Such an
    entry is a miss here, and an entry that cannot be written is skipped, so a page is
    rendered afresh instead of failing. /health/ reports a cache that cannot be used.
    """

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except PermissionError as error:
            self._unusable(error)
            return default

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except PermissionError as error:
            self._unusable(error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except PermissionError as error:
            self._unusable(error)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except PermissionError as error:
            self._unusable(error)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except PermissionError as error:
            self._unusable(error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except PermissionError as error:
            self._unusable(error)
            return False

    def _timeout(self, timeout):
        return self.default_timeout if timeout is ... else timeout

    @staticmethod
    def _unusable(error):
        logger.warning("Cache entry not usable by this user, taken as a miss: %s", error)


# The version read once per request: every shared lookup and fragment of a page keys on it.
# Kept per thread, only between request_started and request_finished (see signals.py), so
# commands and shells always read it afresh.
_request = threading.local()


# The version as last committed, also kept in the cache itself (the file cache, or Redis shared
# by every app server), so that a cached page costs no query at all. The database row stays
# the truth: this copy is written only after the change has committed, removed as soon as a
# change begins, and short-lived, so even a copy that missed a change (a write to Redis that
# failed) is read again from the database within these seconds.
VERSION_KEY = "mc2cm:content-version"
VERSION_SECONDS = 10


def content_version():
    """The current content version (one row, see models.ContentVersion).

    It stays in the database even when the cache is in Redis (settings REDIS_URL) rather
    than being a Redis ``incr``: the row is written in the same transaction as the change it
    announces, so it moves exactly when the change commits, on every app server at once. A
    counter in Redis would move before the commit (or despite a rollback), and another
    server could keep the old content under the new version in between; it would also be
    lost, or reset, whenever Redis restarts. What is read on each request is the copy in the
    cache (``VERSION_KEY``), filled from the row.

    While the database is down, the last version this process read: pages kept in the
    cache are still served to anonymous visitors, as they were before the outage.
    """
    global _last_read  # noqa: PLW0603 - the last version read, per process

    version = getattr(_request, "version", None)
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        try:
            version = committed_content_version()
        except (OperationalError, InterfaceError):
            if _last_read is None:
                raise
            version = _last_read
        else:
            # ``add``, not ``set``: should a change commit (and write its own copy) after this
            # read, the older value read here does not replace it.
            cache.add(VERSION_KEY, version, VERSION_SECONDS)
    _last_read = version
    if getattr(_request, "active", False):
        _request.version = version
    return version


_last_read = None


def committed_content_version():
    """The content version as the database has it, not the cache's copy: one query, for what
    must agree on every server at once and is made rarely (the pages' PDFs, publishing/pdf.py),
    and after a publish, when the cache's copy may still be one that the publish moved on."""
    from mc2cm_portal.models import ContentVersion

    version = ContentVersion.objects.values_list("value", flat=True).first()
    if version is None:
        version = ContentVersion.objects.get_or_create(pk=1)[0].value
    return version


def cache_generation():
    """What every kept page, fragment and lookup is keyed on: the running code (settings
    ``RELEASE``, see release.py) and the content version. A deploy or a publish makes
    everything kept before unreachable; it expires on its own."""
    return f"{settings.RELEASE}.{content_version()}"


def content_changed(**kwargs):
    from mc2cm_portal.models import ContentVersion
    from mc2cm_portal.models.versions import new_version

    version = new_version()
    ContentVersion.objects.update_or_create(pk=1, defaults={"value": version})
    # Until this commits, readers go back to the row (and see the old value); once it has,
    # they find the new one in the cache. Rolled back: the copy read from the row is right.
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, version, VERSION_SECONDS))
    if getattr(_request, "active", False):
        # The rest of this request (an admin publish, say) sees its own change.
        _request.version = version
    purge_front_cache_after_commit()


def request_started(**kwargs):
    _request.active = True
    _request.version = None
    _request.purge_pending = False


def request_finished(**kwargs):
    _request.active = False
    _request.version = None
    _request.purge_pending = False


# --- The front cache (Varnish) -------------------------------------------------------------


def purge_front_cache_after_commit():
    """Ban every page of the site from the front caches once this change is committed.

    A whole-site ban rather than a purge of the changed page's addresses, for the reason
    the content version exists: a city's name is on its meetings, its projects, the
    lists, the map and the home page, in three languages, and any change reaches pages
    nobody could list. Sent after the commit, so that no front cache fetches the old page
    again in between, and as Wagtail's own purge task (django-tasks), so that with a worker
    (settings MC2CM_TASKS_WORKER) the publish does not wait for it. One ban per
    transaction, however many rows it changed; a transaction rolled back sends none (the
    flag is cleared again when the request ends).
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or getattr(
        _request, "purge_pending", False
    ):
        return
    _request.purge_pending = True
    transaction.on_commit(_purge_front_cache)


def _purge_front_cache():
    _request.purge_pending = False
    purge_url_from_cache(f"{settings.PUBLIC_URL}/")


class BanWholeSiteBackend(BaseBackend):
    """A ``wagtail.contrib.frontend_cache`` backend that bans the whole site from each
    Varnish named in LOCATIONS, whatever address it is asked to purge.

    The contract with the VCL shipped in deploy/: ``BAN /`` with an ``X-Ban-Release``
    header, answered 200, bans every object kept for the site. A Varnish that does not
    answer is logged and skipped (its pages expire on their own); the others are banned.
    """

    TIMEOUT_SECONDS = 5

    def __init__(self, params):
        super().__init__(params)
        self.locations = [location.rstrip("/") for location in params["LOCATIONS"]]

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        for location in self.locations:
            request = urllib.request.Request(  # noqa: S310 - the operator's own http(s) address
                f"{location}/", method="BAN", headers={"X-Ban-Release": settings.RELEASE}
            )
            try:
                with urllib.request.urlopen(request, timeout=self.TIMEOUT_SECONDS) as answer:  # noqa: S310
                    status = answer.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                logger.error("Front cache %s not banned: %s", location, error)
                continue
            if status != 200:
                logger.error("Front cache %s refused the ban (HTTP %s)", location, status)


def keep_query(request, query):
    """Say which query string of this address may be kept: ``query`` in its one spelling
    (sorted, each parameter once), or ``None`` when the request must not be kept at all
    (a made-up parameter or value, a page number out of range)."""
    if query is None or getattr(request, "_mc2cm_kept_query", "") is None:
        request._mc2cm_kept_query = None
    else:
        request._mc2cm_kept_query = query


def query_may_be_kept(request):
    """No query string and nothing refused, or exactly the spelling the page recognised."""
    kept = getattr(request, "_mc2cm_kept_query", "")
    return kept is not None and request.META.get("QUERY_STRING", "") == kept


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "MC2CM_PAGE_CACHE", False) or not self._cacheable_request(request):
            return self.get_response(request)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # Kept as sent: compressed for browsers that take gzip (GZipMiddleware's own test),
        # plain for the others.
        encoding = (
            "gzip"
            if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
            else "identity"
        )
        key = f"mc2cm:page:{cache_generation()}:{request.method}:{encoding}:{digest}"
        local = caches["local-pages"]
        cached = local.get(key)
        if cached is None:
            cached = cache.get(key)
            if cached is not None:
                local.set(key, cached)
        if cached is not None:
            content, status, headers = cached
            response = HttpResponse(content, status=status, headers=headers)
            self._say(response, "hit")
            return response
        response = self.get_response(request)
        if self._cacheable_response(response) and query_may_be_kept(request):
            kept = (response.content, response.status_code, dict(response.items()))
            cache.set(key, kept, settings.MC2CM_PAGE_CACHE_SECONDS)
            local.set(key, kept)
            self._say(response, "miss")
        return response

    @staticmethod
    def _say(response, outcome):
        # Off in production: it would tell anyone when a key is fresh (settings).
        if settings.MC2CM_PAGE_CACHE_HEADER:
            response["X-Page-Cache"] = outcome

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            and request.path.startswith(LANGUAGE_PREFIXES)
            # "/en//cities/" shows the cities page too: one spelling of each address only.
            and "//" not in request.path
            and is_canonical_host(request)
            # Signed-in staff and partners see pages with their own bits (user bar, access).
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHED_TYPES)
            and "private" not in cache_control
            and "no-store" not in cache_control
        )
