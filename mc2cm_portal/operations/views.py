"""Error pages rendered with the request, so that each speaks the visitor's language;
the health check.

Django's own 400 and CSRF-failure views render their templates without the request (no
context processors), and its CSRF page is English with an inline style our policy blocks.
"""

import logging
import sys
import uuid

from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import Error, InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache

# What a database that is down, restarting or unreachable raises (psycopg and sqlite3 alike),
# as opposed to a bug in a query (ProgrammingError, IntegrityError...), which stays a 500.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

logger = logging.getLogger(__name__)

# Request bodies refused for their size: "413 Content Too Large" says so to the browser.
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def server_error(request):
    """Like Django's default, but with the request so the page speaks the visitor's language.

    Django calls this handler while it handles the exception, wherever it was raised (a view,
    a template, a middleware), so a database outage is recognised here in one place.
    """
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    return HttpResponseServerError(render_in_visitors_language("500.html", request))


def render_in_visitors_language(template_name, request, context=None):
    """Render with the language of the address (/ar/, /fr/, /en/).

    An error can be raised before LocaleMiddleware has activated that language (an early
    middleware needing the database, a request refused on arrival), so it is read from the
    path here rather than trusted to be active.
    """
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language()):
        return loader.get_template(template_name).render(context or {}, request)


def database_unavailable(request):
    """A short 503 page in the visitor's language, rendered without touching the database.

    The language comes from the URL prefix (LocaleMiddleware ran before the view failed); the
    template uses no page, menu or setting. Retry-After tells browsers, crawlers and the proxy
    the outage should be short; connections are checked again on the next request
    (CONN_HEALTH_CHECKS), so the site recovers by itself when the database returns.
    """
    response = HttpResponse(render_in_visitors_language("503.html", request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class _RolledBack(Exception):
    """Ends the health check's write transaction without keeping anything."""


def _database_reads_and_writes():
    """What every page needs: a read (the content version); what the site writes on
    sign-in, downloads and publishing: a write, rolled back. On SQLite a locked database
    answers reads but not writes."""
    from mc2cm_portal.models import ContentVersion

    # Read from the row itself: pages find its value in the cache.
    ContentVersion.objects.values_list("value", flat=True).first()
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # A table locked by someone else: say so in seconds, not at gunicorn's timeout.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '3s'")
            ContentVersion.objects.update(value=F("value"))
            raise _RolledBack
    except _RolledBack:
        pass


def _cache_reads_and_writes():
    """The cache pages are kept in, written and read back by this very process (a folder a
    command made as another user is unusable, see cache.SharedFileCache)."""
    key = f"mc2cm:health:{uuid.uuid4().hex}"
    cache.set(key, key, 30)
    usable = cache.get(key) == key
    cache.delete(key)
    return usable


@never_cache
def health(request):
    """For load balancers and monitoring: 200 when what public pages need works.

    The database answers a read and accepts a write, and the page cache keeps what it is
    given. Says only "ok" or "unavailable" per part: the reason (host, error text) belongs
    in the server's log, not in a public answer.
    """
    answer = {"status": "ok", "database": "ok", "cache": "ok"}
    try:
        _database_reads_and_writes()
    except Error as error:
        logger.warning(
            "Health check: the database does not answer (%s: %s)", type(error).__name__, error
        )
        answer["database"] = "unavailable"
    try:
        usable = _cache_reads_and_writes()
    except Exception:  # any backend's failure means the same: pages cannot be kept
        logger.exception("Health check: the cache does not answer")
        usable = False
    if not usable:
        logger.warning("Health check: the cache cannot keep an entry (see the warnings above)")
        answer["cache"] = "unavailable"
    if "unavailable" in answer.values():
        answer["status"] = "unavailable"
        return JsonResponse(answer, status=503)
    return JsonResponse(answer)


def bad_request(request, exception):
    """A broken or oversized request: a self-contained page that needs no database."""
    too_large = isinstance(exception, TOO_LARGE)
    body = render_in_visitors_language("400.html", request, {"too_large": too_large})
    return HttpResponse(body, status=413 if too_large else 400)


def permission_denied(request, exception):
    return HttpResponseForbidden(render_in_visitors_language("403.html", request))


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form's token or cookie was missing or stale."""
    return HttpResponseForbidden(render_in_visitors_language("403_csrf.html", request))
