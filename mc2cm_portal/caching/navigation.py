"""What every page's menus, footer and breadcrumbs show, kept between requests.

Menus, breadcrumbs and the footer name the same few dozen pages on every request. They
change only when content does, so they are kept under the content version (versioned.py):
any publish, move or change to a site makes them stale at once. Finding the site and the
page for an address is left to Wagtail (``Site.find_for_request``, ``Page.route``); a page
served to an anonymous visitor comes whole from the page cache anyway.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site

from .versioned import versioned


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
    from mc2cm_portal.models import InformationPage

    return [
        item
        for item in navigation_items(home, request, language, InformationPage)
        if item["path"][: -Page.steplen] == home.path
    ]


def breadcrumb_trail(page, request, language):
    """The page's live ancestors from the home page down (Wagtail's root left out), as plain
    data. A live page may sit under an unpublished section (Wagtail still serves it): the
    section, a draft whose address answers 404, is left out of the trail."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    site = Site.find_for_request(request)
    home = site.root_page if site is not None else None
    if home is not None and all(path.startswith(home.path) for path in paths):
        navigation = _navigation(home, request, language)
        if all(path in navigation for path in paths):
            return [
                {"title": navigation[path]["title"], "url": navigation[path]["url"]}
                for path in paths
                if navigation[path]["live"]
            ]

    def compute():
        return [
            {"title": crumb.title, "url": crumb.get_url(request)}
            for crumb in page.get_ancestors().filter(depth__gt=1).live()
        ]

    return versioned(f"crumbs:{page.path}:{language}", compute)
