"""Parts of a page kept rendered between requests, with Wagtail's ``{% wagtailpagecache %}``.

A city page lists its documents, meetings and projects; a meeting page its cities and
files. Rendering those lists (and querying for them) is most of a page's cost, and they
change only when content does. Templates wrap them in Wagtail's own fragment cache tag,
which never serves a preview from the cache and varies on the page and site::

    {% wagtailpagecache fragment.timeout city-page fragment.key using=fragment.cache %}

``fragment`` (the ``kept_fragments`` context processor) says what else it varies on: the
release and content version (see cache.py), so any publish, move or change to a snippet or
document makes it stale at once; the language; who is looking; and the day (which meetings
are upcoming changes at midnight). Lists add their query string, kept only in the one
spelling the list recognises (``keep_listing_query``).

Only what every anonymous visitor sees is kept: signed-in users (partners see their
downloads unlocked; staff see drafts in preview) get a fresh rendering from a cache that
keeps nothing, as does any request the page cache would not keep either (another host, a
made-up query string, a page number out of range). The queries feeding a fragment run
only when it is rendered: templates read the lists from page methods and lazy querysets.
"""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.http import urlencode

from mc2cm_portal.languages import current_language
from mc2cm_portal.publishing.addresses import is_canonical_host

from .navigation import versioned
from .page_cache import cache_generation, keep_query, query_may_be_kept

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


def keep_listing_query(request, filters):
    """Say which query string of a list may be kept: its filters and page number.

    Only query strings made of the listing's own parameters, each once, with a value
    that selected something (or none) and a plain page number, in sorted order, are kept;
    anything else (a tracking parameter, a made-up value) is answered as usual and never
    kept, so nobody can fill the cache with variants (see cache.keep_query).
    """
    keep_query(request, _listing_query(request.GET, filters))


def _listing_query(params, filters):
    known = {choice_filter.name: choice_filter for choice_filter in filters}
    for name in params:
        if len(params.getlist(name)) > 1 or (name != "page" and name not in known):
            return None
        if name in known and params[name] and not known[name].selected:
            return None
    page = params.get("page", "1")
    if not (page.isdigit() and len(page) <= 5):
        return None
    return urlencode(sorted(params.items()))


class CountedPaginator(Paginator):
    """Django's paginator, told how many objects there are instead of counting them."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def paginate(request, objects, per_page):
    """``Paginator.get_page`` for ``?page=``; a number it had to change (out of range,
    "01") marks the request as not to be kept, fragment and page alike.

    The page's objects are read only when a template goes through them. Whether the page
    number exists is known without a query on a repeat visit: the count of a list whose
    query string may be kept is kept too (per list, so bounded by the content).
    """
    if query_may_be_kept(request):
        list_digest = hashlib.sha256(str(objects.query).encode()).hexdigest()
        count = versioned(f"list-count:{list_digest}", objects.count)
    else:
        count = objects.count()
    asked = request.GET.get("page")
    items = CountedPaginator(objects, per_page, count).get_page(asked)
    if asked is not None and asked != str(items.number):
        keep_query(request, None)
    return items
