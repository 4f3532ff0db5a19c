"""Lookups every page repeats, answered from the cache instead of the database.

Each request for a page needs the site, its home page, the portal settings, the main menu,
the breadcrumbs and the route from address to page. They change only when content does, so
they are kept under the content version (see cache.py): any publish, move, page save, or
change to a site or to the settings makes every one of them stale at once. A page that is
not in the page cache (a first visit, a signed-in user, the cache switched off) then costs
only the queries for its own content.
"""

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from .cache import LANGUAGE_PREFIXES, content_version

TIMEOUT = 60 * 60


def versioned(key, compute):
    """The cached value of ``compute()`` for this content version (computed on a miss).

    ``None`` is cached too, as a tuple, so that a missing site is not looked up each time.
    """
    full_key = f"mc2cm:{content_version()}:{key}"
    found = cache.get(full_key)
    if found is None:
        found = (compute(),)
        cache.set(full_key, found, TIMEOUT)
    return found[0]


def _site_for(request):
    site = Site._find_for_request(request)
    if site is not None:
        # The home page travels with the site, already in its own class, so routing and
        # the header link need no query for it.
        site.root_page = site.root_page.specific
    return site


class SiteLookupMiddleware:
    """Attach the cached site (with its home page) to a public page's request.

    Only addresses under a language prefix: the admin, documents, the API and the health
    check look the site up Wagtail's way when (and if) they need it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(LANGUAGE_PREFIXES):
            return self.get_response(request)
        try:
            # Only hosts in ALLOWED_HOSTS get a cache entry: a stream of made-up Host
            # headers must not fill the cache. The others go on to Django's own 400.
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            return self.get_response(request)
        port = request.get_port()
        request._wagtail_site = versioned(f"site:{hostname}:{port}", lambda: _site_for(request))
        return self.get_response(request)


def site_settings(model, request):
    """A site setting for the request's site, from the cache (see PortalSettings)."""
    site = Site.find_for_request(request)
    if site is None:
        raise model.DoesNotExist(f"{model.__name__}: no site for this request")
    return versioned(f"settings:{model._meta.label}:{site.pk}", lambda: model.for_site(site))


def cached_route(home, language, url_path, find):
    """The page at ``url_path`` in ``language``, found by ``find()`` at most once per version.

    The page itself is kept (in its own class), so a repeat request loads no page row: any
    save, publish, move or delete of a page moves the version. Each request gets its own
    copy from the cache, so nothing set on it during one request leaks into the next.
    Its view restrictions travel with it (see ``view_restrictions``).
    """
    page = versioned(f"route:{home.pk}:{language}:{url_path}", find)
    return with_restrictions(page) if page is not None else None


def with_restrictions(page):
    """``page`` carrying its view restrictions, from the cache for this content version."""
    page._served_restrictions = versioned(
        f"restrictions:{page.path}", lambda: list(_restrictions_query(page))
    )
    return page


def view_restrictions(page):
    """Wagtail's ``get_view_restrictions`` in one query instead of two.

    The restrictions of the page and its ancestors are found by path (known without a
    query); an alias takes its source's restrictions instead of its own, as in Wagtail.
    A page just routed to carries them from the cache already (a list: the serving hook
    only iterates over them); the admin always gets a fresh query.
    """
    served = getattr(page, "_served_restrictions", None)
    if served is not None:
        return served
    return _restrictions_query(page)


def _restrictions_query(page):
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__in=sources)
    )


def menu_items(home, request, language):
    """The home page's menu children as plain data, for this language and content version."""

    def compute():
        return [
            {"title": item.title, "url": item.get_url(request), "path": item.path}
            for item in home.get_children().live().in_menu()
        ]

    return versioned(f"menu:{home.pk}:{language}", compute)


def breadcrumb_trail(page, request, language):
    """The page's ancestors from the home page down, as plain data."""

    def compute():
        return [
            {"title": crumb.title, "url": crumb.get_url(request)}
            for crumb in page.get_ancestors().filter(depth__gt=1)
        ]

    return versioned(f"crumbs:{page.path}:{language}", compute)
