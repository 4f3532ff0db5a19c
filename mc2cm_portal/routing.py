"""Lookups every page repeats, answered from the cache instead of the database.

Each request for a page needs the site, its home page, the portal settings, the main menu,
the breadcrumbs and the route from address to page. They change only when content does, so
they are kept under the content version (see cache.py): any publish, move, page save, or
change to a site or to the settings makes every one of them stale at once. A page that is
not in the page cache (a first visit, a signed-in user, the cache switched off) then costs
only the queries for its own content.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath
from wagtail_modeltranslation import patch_wagtailadmin as modeltranslation_patch

from .addresses import is_canonical_host
from .cache import LANGUAGE_PREFIXES, content_version

TIMEOUT = 60 * 60
# wagtail-modeltranslation's own lookup, one query per language (replaced in apps.py).
_localized_site_root_paths = modeltranslation_patch._localized_site_get_site_root_paths


def versioned(key, compute, keep=None):
    """The cached value of ``compute()`` for this content version (computed on a miss).

    ``None`` is cached too, as a tuple, so that a missing site is not looked up each time.
    ``keep()``, if given, says after computing whether the value may be kept.
    """
    full_key = f"mc2cm:{content_version()}:{key}"
    found = cache.get(full_key)
    if found is None:
        found = (compute(),)
        if keep is None or keep():
            cache.set(full_key, found, TIMEOUT)
    return found[0]


def _site_for(request):
    """Wagtail's choice of site for the request, with its home page and settings, in one query.

    The same choice as ``wagtail.models.sites.get_site_for_hostname``: hostname and port,
    then the hostname on the default site, then the default site unless exactly one other
    site has the hostname. The home page comes in its own class and the portal settings
    with it, so neither needs a query of its own.
    """
    from .models import HomePage, PortalSettings

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    home = HomePage._meta.model_name
    candidates = Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
    sites = list(candidates.select_related("root_page", f"root_page__{home}", "portalsettings"))

    def rank(site):
        # The request's port is text (SERVER_PORT); the site's a number.
        if site.hostname == hostname and str(site.port) == str(port):
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    sites.sort(key=rank)
    if not sites:
        return None
    if len(sites) == 1 or rank(sites[0]) < 2:
        site = sites[0]
    elif rank(sites[0]) == 2:
        site = sites[len(sites) == 2]
    else:
        return None
    try:
        site.root_page = getattr(site.root_page, home)
    except HomePage.DoesNotExist:
        site.root_page = site.root_page.specific
    try:
        site._cached_settings = {PortalSettings._meta.label: site.portalsettings}
    except PortalSettings.DoesNotExist:
        site._cached_settings = {}
    return site


def site_root_paths():
    """Wagtail's site root paths in every language, from one query per content version.

    wagtail-modeltranslation keeps one cache entry per language, each filled by its own
    query; a page with a language switcher needs all three.
    """

    def compute():
        sites = list(Site.objects.select_related("root_page", "root_page__locale"))
        paths = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                rows = [
                    (
                        site.id,
                        site.root_page.url_path,
                        site.root_url,
                        site.root_page.locale.language_code,
                    )
                    for site in sites
                ]
            paths[language] = sorted(rows, key=lambda row: row[1], reverse=True)
        return paths

    language = translation.get_language()
    found = versioned("site-root-paths", compute)
    if language not in found:
        return _localized_site_root_paths()
    return [SiteRootPath(*row) for row in found[language]]


def _warm_content_types():
    """All content types in one query, once per process, instead of one query per type."""
    global _content_types_warm  # noqa: PLW0603 - a once-per-process flag
    if _content_types_warm:
        return
    manager = ContentType.objects
    for content_type in manager.all():
        manager._add_to_cache(manager.db, content_type)
    _content_types_warm = True


_content_types_warm = False


class SiteLookupMiddleware:
    """Attach the cached site (with its home page) to a public page's request.

    Only addresses under a language prefix: the admin, documents, the API and the health
    check look the site up Wagtail's way when (and if) they need it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only the public host gets a cache entry: a stream of other names and ports must
        # not fill the cache. The others are looked up Wagtail's way (or refused by Django).
        if not request.path.startswith(LANGUAGE_PREFIXES) or not is_canonical_host(request):
            return self.get_response(request)
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        _warm_content_types()
        request._wagtail_site = versioned(f"site:{hostname}:{port}", lambda: _site_for(request))
        return self.get_response(request)


def site_settings(model, request):
    """A site setting for the request's site, from the cache (see PortalSettings)."""
    site = Site.find_for_request(request)
    if site is None:
        raise model.DoesNotExist(f"{model.__name__}: no site for this request")
    cached = getattr(site, "_cached_settings", {}).get(model._meta.label)
    if cached is not None:
        return cached
    if not is_canonical_host(request):
        return model.for_site(site)  # nothing kept for other host names (see addresses.py)
    return versioned(f"settings:{model._meta.label}:{site.pk}", lambda: model.for_site(site))


def cached_route(home, language, url_path, find):
    """The page at ``url_path`` in ``language``, found by ``find()`` at most once per version.

    The page itself is kept (in its own class), so a repeat request loads no page row: any
    save, publish, move or delete of a page moves the version. Each request gets its own
    copy from the cache, so nothing set on it during one request leaks into the next.
    Its view restrictions travel with it (see ``view_restrictions``).
    """
    # Hashed: an address can be longer than a cache key should be.
    digest = hashlib.sha256(url_path.encode()).hexdigest()
    page = versioned(f"route:{home.pk}:{language}:{digest}", find)
    return with_restrictions(page) if page is not None else None


def with_restrictions(page):
    """``page`` carrying its view restrictions, from the cache for this content version."""
    if getattr(page, "view_restricted", None) is False:
        page._served_restrictions = []
    else:
        page._served_restrictions = versioned(
            f"restrictions:{page.path}", lambda: list(restrictions_query(page))
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
    return restrictions_query(page)


def restrictions_query(page):
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__in=sources)
    )


def _navigation(home, request, language):
    """The pages menus and breadcrumbs name, as plain data, from one query per version.

    The home page, its children (the pillars and the cities index) and those of their
    children that have children of their own (the section indexes): a few dozen pages,
    however many cities, meetings or documents there are.
    """

    def compute():
        pages = Page.objects.filter(path__startswith=home.path).filter(
            Q(depth__lte=home.depth + 1) | Q(depth=home.depth + 2, numchild__gt=0)
        )
        return {
            page.path: {
                "title": page.title,
                "url": page.get_url(request),
                "path": page.path,
                "in_menu": page.depth == home.depth + 1 and page.live and page.show_in_menus,
                "live": page.live,
                # Lets the footer and the home page find pages by type with no other query.
                "content_type": page.content_type_id,
            }
            for page in pages.order_by("path")
        }

    return versioned(f"nav:{home.pk}:{language}", compute)


def menu_items(home, request, language):
    """The home page's live children shown in menus, in tree order."""
    return [item for item in _navigation(home, request, language).values() if item["in_menu"]]


def navigation_items(home, request, language, model):
    """The live pages of type ``model`` among those menus name, in tree order."""
    content_type = ContentType.objects.get_for_model(model).pk
    return [
        item
        for item in _navigation(home, request, language).values()
        if item["live"] and item["content_type"] == content_type
    ]


def footer_items(home, request, language):
    """The information pages (contact, privacy ...) under the home page, in tree order."""
    from .models import InformationPage

    return [
        item
        for item in navigation_items(home, request, language, InformationPage)
        if item["path"][: -Page.steplen] == home.path
    ]


def breadcrumb_trail(page, request, language):
    """The page's ancestors from the home page down (Wagtail's root left out), as plain data."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    site = getattr(request, "_wagtail_site", None) if request is not None else None
    home = site.root_page if site is not None else None
    if home is not None and all(path.startswith(home.path) for path in paths):
        navigation = _navigation(home, request, language)
        if all(path in navigation for path in paths):
            return [
                {"title": navigation[path]["title"], "url": navigation[path]["url"]}
                for path in paths
            ]

    def compute():
        return [
            {"title": crumb.title, "url": crumb.get_url(request)}
            for crumb in page.get_ancestors().filter(depth__gt=1)
        ]

    return versioned(f"crumbs:{page.path}:{language}", compute)
