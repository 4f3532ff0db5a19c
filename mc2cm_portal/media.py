"""Uploaded files: images served by Django from a local folder, or kept in an object store.

Only Wagtail's image folders are public: ``images/`` (renditions) and ``original_images/``.
Everything else under MEDIA_ROOT, documents first, answers 404: documents are reached
only through the document view, which checks who may download them (``access.py``).
"""

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve
from storages.backends.s3 import S3Storage

from .views import RETRY_AFTER_SECONDS, render_in_visitors_language

PUBLIC_FOLDERS = ("images", "original_images")
# Wagtail never rewrites an image file in place (a new upload gets a new name, and so do
# its renditions), so browsers and proxies may keep them for a month.
CACHE_CONTROL = "public, max-age=2592000"


@require_safe
def serve_image(request, path):
    parts = path.split("/")
    if (
        len(parts) < 2
        or parts[0] not in PUBLIC_FOLDERS
        or any(part in ("", ".", "..") for part in parts)
        or "\\" in path
        or "\x00" in path
    ):
        raise Http404("Not a public media file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = CACHE_CONTROL
    # An uploaded SVG must never run as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


# --- In an object store (settings S3_*) -------------------------------------------------------


class StoreUnavailable(OSError):
    """The object store did not answer (stopped, unreachable, failing): not the file's fault."""


def store_unavailable(error):
    """True for a store that cannot be reached or fails (5xx), as opposed to a file that
    does not exist or may not be read (4xx), which is the file's own problem."""
    if isinstance(error, StoreUnavailable):
        return True
    if isinstance(error, ClientError):
        return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 500) >= 500
    return isinstance(error, BotoCoreError)


# What reading from the store may raise; ``store_unavailable`` tells the store's fault apart.
STORE_ERRORS = (StoreUnavailable, BotoCoreError, ClientError)


def file_store_unavailable(request):
    """The 503 page of a download (a document, a page PDF) while the object store does not
    answer. Documents have no language prefix: the language is the one LocaleMiddleware
    chose (cookie, browser)."""
    response = HttpResponse(render_in_visitors_language("503_file.html", request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


class ObjectStorage(S3Storage):
    """django-storages' S3 storage, whose "store unavailable" failures are OSErrors.

    Wagtail takes an image it cannot open (an OSError) as missing and renders the page
    without it, so a stopped store leaves pages readable; the document view answers its
    own 503 page (access.py). Other errors stay as they are.
    """

    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as error:
            if store_unavailable(error):
                raise StoreUnavailable(f"The object store did not answer: {error}") from error
            raise

    def size(self, name):
        try:
            return super().size(name)
        except (BotoCoreError, ClientError) as error:
            if store_unavailable(error):
                raise StoreUnavailable(f"The object store did not answer: {error}") from error
            raise
