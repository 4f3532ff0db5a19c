"""Parts of a page kept rendered between requests, for one content version and language.

A city page lists its documents, meetings and projects; a meeting page its cities and
files. Rendering those lists (and querying for them) is most of a page's cost, and they
change only when content does. ``{% cached_fragment %}`` keeps the rendered HTML under the
content version (see cache.py), so any publish, move or change to a snippet or document
makes it stale at once, as for the page cache.

Only what every anonymous visitor sees is kept: signed-in users (partners see their
downloads unlocked; staff see drafts in preview) always get a fresh rendering. The queries
feeding a fragment are made lazy with ``lazy_context``, so a kept fragment costs none.
"""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.http import urlencode

from .addresses import is_canonical_host
from .cache import keep_query, query_may_be_kept
from .models.shared import current_language
from .routing import versioned


def fragment_cacheable(request):
    return (
        settings.MC2CM_FRAGMENT_CACHE
        and request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and is_canonical_host(request)
    )


def cached_render(request, name, vary_on, render):
    """``render()``'s HTML, from the cache when this visitor may share it.

    ``None`` among ``vary_on`` means the fragment cannot be told apart safely (see
    ``listing_key``): it is rendered and not kept.
    """
    if not fragment_cacheable(request) or None in vary_on:
        return render()
    # Hashed: a list's query string can be longer than a cache key should be.
    digest = hashlib.sha256("\x1f".join(vary_on).encode()).hexdigest()
    # A list asked for a page number it does not have is rendered (its last page) but not
    # kept: only what the content holds is (see ``paginate``).
    return versioned(
        f"fragment:{name}:{current_language()}:{digest}",
        render,
        keep=lambda: query_may_be_kept(request),
    )


def listing_key(request, filters):
    """What a list's fragment varies on: its filters and page number, as a query string.

    Only query strings made of the listing's own parameters, each once, with a value
    that selected something (or none) and a plain page number, are kept; anything else
    (a tracking parameter, a made-up value) gives ``None``: the list is rendered as
    usual, and nobody can fill the cache with variants. The page cache keeps the page
    only under this one spelling of its query string (see cache.keep_query).
    """
    key = _listing_key(request.GET, filters)
    keep_query(request, key)
    return key


def _listing_key(params, filters):
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


def paginate(request, objects, per_page):
    """``Paginator.get_page`` for ``?page=``; a number it had to change (out of range,
    "01") marks the request as not to be kept, fragment and page alike."""
    asked = request.GET.get("page")
    items = Paginator(objects, per_page).get_page(asked)
    if asked is not None and asked != str(items.number):
        keep_query(request, None)
    return items


def lazy_context(compute, names):
    """Context entries computed together by ``compute()``, the first time one is used.

    Django templates call a callable context value when they read it; each entry here is
    such a callable, so a template (or a kept fragment) that never reads them costs no query.
    """
    computed = []

    def entry(name):
        def value():
            if not computed:
                computed.append(compute())
            return computed[0][name]

        return value

    return {name: entry(name) for name in names}
