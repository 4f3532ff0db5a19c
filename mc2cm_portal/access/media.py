"""Uploaded images, served by Django in development and production alike.

Only Wagtail's image folders are public: ``images/`` (renditions) and ``original_images/``.
Everything else under MEDIA_ROOT, documents first, answers 404: documents are reached
only through the document view, which checks who may download them (``documents.py``).
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

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
