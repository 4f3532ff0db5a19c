"""A list a page at a time, and the one spelling of its query string that may be kept.

Section indexes, the cities list and a meeting's cities go through ``paginate``; the page
cache and the kept fragments (caching/) keep a list's page only for the query string the
list recognised as its own (``keep_listing_query``), so nobody can fill the cache with
variants of one address.
"""

import hashlib

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.http import urlencode

from mc2cm_portal.caching.page_cache import keep_query, query_may_be_kept
from mc2cm_portal.caching.versioned import versioned


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
