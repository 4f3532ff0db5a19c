import logging
import sys

from django.db import Error, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

# What a database that is down, restarting or unreachable raises (psycopg and sqlite3 alike),
# as opposed to a bug in a query (ProgrammingError, IntegrityError...), which stays a 500.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

logger = logging.getLogger(__name__)


def server_error(request):
    """Like Django's default, but with the request so the page speaks the visitor's language.

    Django calls this handler while it handles the exception, wherever it was raised (a view,
    a template, a middleware), so a database outage is recognised here in one place.
    """
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}, request))


def database_unavailable(request):
    """A short 503 page in the visitor's language, rendered without touching the database.

    The language comes from the URL prefix (LocaleMiddleware ran before the view failed); the
    template uses no page, menu or setting. Retry-After tells browsers, crawlers and the proxy
    the outage should be short; connections are checked again on the next request
    (CONN_HEALTH_CHECKS), so the site recovers by itself when the database returns.
    """
    template = loader.get_template("503.html")
    response = HttpResponse(template.render({}, request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def health(request):
    """For load balancers and monitoring: 200 when the database answers a trivial query.

    Says only "ok" or "unavailable": the reason (host, error text) belongs in the server's
    log, not in a public answer.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Error as error:
        logger.warning(
            "Health check: the database does not answer (%s: %s)", type(error).__name__, error
        )
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
