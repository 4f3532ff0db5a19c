"""A language-aware page cache for anonymous visitors, emptied whenever content changes.

Every public address carries its language (/ar/, /fr/, /en/), so the full path with its
query string is the key. Rather than tracking which pages show which content (a city
appears on its meetings, projects, the home page, the map ...), any publish, unpublish,
move, delete or change to a shared snippet or document moves a "content version" that is
part of every key: stale entries are simply never read again and expire.
"""

import hashlib
import threading
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse

VERSION_KEY = "mc2cm:content-version"
VERSION_CACHE = "content-version"
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
CACHED_TYPES = ("text/html", "application/atom+xml", "application/xml", "text/csv")


# The version read once per request: every shared lookup and fragment of a page keys on it,
# and each read is a file read. Kept per thread, only between request_started and
# request_finished (see signals.py), so commands and shells always read the cache.
_request = threading.local()


def _versions():
    """The cache holding the content version alone (see settings), or the main one."""
    return caches[VERSION_CACHE] if VERSION_CACHE in settings.CACHES else cache


def content_version():
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    versions = _versions()
    version = versions.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        versions.add(VERSION_KEY, version, None)
        version = versions.get(VERSION_KEY, version)
    if getattr(_request, "active", False):
        _request.version = version
    return version


def content_changed(**kwargs):
    version = uuid.uuid4().hex
    _versions().set(VERSION_KEY, version, None)
    if getattr(_request, "active", False):
        # The rest of this request (an admin publish, say) sees its own change.
        _request.version = version


def request_started(**kwargs):
    _request.active = True
    _request.version = None


def request_finished(**kwargs):
    _request.active = False
    _request.version = None


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "MC2CM_PAGE_CACHE", False) or not self._cacheable_request(request):
            return self.get_response(request)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"mc2cm:page:{content_version()}:{request.method}:{digest}"
        cached = cache.get(key)
        if cached is not None:
            content, status, headers = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            cache.set(
                key,
                (response.content, response.status_code, list(response.items())),
                settings.MC2CM_PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            and request.path.startswith(LANGUAGE_PREFIXES)
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
