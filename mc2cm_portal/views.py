"""Error pages rendered with the request, so that each speaks the visitor's language.

Django's own 400 and CSRF-failure views render their templates without the request (no
context processors), and its CSRF page is English with an inline style our policy blocks.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.template import loader

# Request bodies refused for their size: "413 Content Too Large" says so to the browser.
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def server_error(request):
    """Like Django's default, but with the request so the page speaks the visitor's language."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}, request))


def bad_request(request, exception):
    """A broken or oversized request: a self-contained page that needs no database."""
    too_large = isinstance(exception, TOO_LARGE)
    body = loader.get_template("400.html").render({"too_large": too_large}, request)
    return HttpResponse(body, status=413 if too_large else 400)


def permission_denied(request, exception):
    return HttpResponseForbidden(loader.get_template("403.html").render({}, request))


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form's token or cookie was missing or stale."""
    return HttpResponseForbidden(loader.get_template("403_csrf.html").render({}, request))
