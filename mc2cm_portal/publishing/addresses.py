"""The portal's public address: the one base of every absolute link it writes.

Canonical links, alternates, Open Graph, JSON-LD, the feed, the sitemap, robots.txt and
the API's URLs are built on ``settings.PUBLIC_URL``, never on the Host header a request
came with: a request for ``localhost:1337`` (or any other name the server answers to)
cannot put that name into a page that is then kept and served to everyone.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost


def public_url(path):
    """``path`` ("/en/cities/") on the public address; absolute URLs stay as they are."""
    if path is None:
        return None
    if not path.startswith("/") or path.startswith("//"):
        return path
    return settings.PUBLIC_URL + path


def is_canonical_host(request):
    """Whether the request names the public host exactly (same case, same port, no dot).

    Only such requests may be kept in the page cache or a shared lookup: what is kept is
    then what a visitor of the public address would get.
    """
    try:
        host = request.get_host()
    except DisallowedHost:
        return False
    return host == urlsplit(settings.PUBLIC_URL).netloc
