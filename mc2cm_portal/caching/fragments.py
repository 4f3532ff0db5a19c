"""Parts of a page kept rendered between requests, with Wagtail's ``{% wagtailpagecache %}``.

A city page lists its documents, meetings and projects; a meeting page its cities and
files. Rendering those lists (and querying for them) is most of a page's cost, and they
change only when content does. Templates wrap them in Wagtail's own fragment cache tag,
which never serves a preview from the cache and varies on the page and site::

    {% wagtailpagecache fragment.timeout city-page fragment.key using=fragment.cache %}

``fragment`` (the ``kept_fragments`` context processor) says what else it varies on: the
release and content version (see page_cache.py), so any publish, move or change to a snippet or
document makes it stale at once; the language; who is looking; and the day (which meetings
are upcoming changes at midnight). Lists add their query string, kept only in the one
spelling the list recognises (``keep_listing_query``, listings/pagination.py).

Only what every anonymous visitor sees is kept: signed-in users (partners see their
downloads unlocked; staff see drafts in preview) get a fresh rendering from a cache that
keeps nothing, as does any request the page cache would not keep either (another host, a
made-up query string, a page number out of range). The queries feeding a fragment run
only when it is rendered: templates read the lists from page methods and lazy querysets.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from mc2cm_portal.languages import current_language
from mc2cm_portal.publishing.addresses import is_canonical_host

from .page_cache import cache_generation, query_may_be_kept

# The cache alias that keeps nothing (settings.CACHES), for what must not be shared.
UNCACHED = "uncached"


def fragment_cacheable(request):
    return (
        settings.MC2CM_FRAGMENT_CACHE
        and request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not signed_in(request)
        and is_canonical_host(request)
        and query_may_be_kept(request)
    )


def signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def fragment_key(request):
    audience = "signed-in" if signed_in(request) else "anonymous"
    return ":".join(
        (cache_generation(), current_language(), audience, timezone.localdate().isoformat())
    )


def kept_fragments(request):
    """Context processor: what ``{% wagtailpagecache %}`` keeps a fragment under, and where.

    Read when the template renders, after the page's ``get_context`` has said which query
    string it recognises.
    """

    def details():
        return {
            "timeout": settings.MC2CM_PAGE_CACHE_SECONDS,
            "key": fragment_key(request),
            "cache": "default" if fragment_cacheable(request) else UNCACHED,
        }

    return {"fragment": SimpleLazyObject(details)}
