"""Django's gzip, for text only.

Pages, feeds, the API's JSON, the open-data CSV and sitemaps shrink to a fifth or less on the
way, which counts on a slow line. Files people download (PDFs, images, archives) are
compressed already: gzipping them again gains little, costs CPU on every download, and
drops their Content-Length, so the browser could no longer show how much is left.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/javascript",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
