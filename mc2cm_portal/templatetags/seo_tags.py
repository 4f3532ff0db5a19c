"""Template side of mc2cm_portal.publishing.seo: what goes in every page's <head> for crawlers."""

from django import template
from django.templatetags.static import static
from django.utils.translation import gettext as _
from wagtail.models import Page

from mc2cm_portal.languages import DEFAULT_LANGUAGE, current_language
from mc2cm_portal.publishing import seo

register = template.Library()


@register.simple_tag
def page_description(page):
    """The page's description for search results, about 160 characters of plain text."""
    return seo.page_description(page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def seo_head(context, languages):
    """Everything meta.html needs, from the switcher's ``languages`` list.

    Absolute alternates for each language plus x-default (English), the canonical
    address, Open Graph values and the page's JSON-LD block.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    current = current_language()

    # The switcher keeps a view's query (search words, sign-in return address); the
    # alternates and the canonical address name the view itself.
    alternates = [
        {
            "hreflang": language["code"],
            "href": seo.absolute(request, language["url"].split("?", 1)[0]),
        }
        for language in languages
    ]
    by_code = {alternate["hreflang"]: alternate["href"] for alternate in alternates}
    if DEFAULT_LANGUAGE in by_code:
        alternates.append({"hreflang": "x-default", "href": by_code[DEFAULT_LANGUAGE]})

    canonical = by_code.get(current)
    if canonical is None and request is not None:
        canonical = seo.absolute(request, request.path)
    # Later pages of a listing are pages of their own, not copies of the first one.
    items = context.get("items")
    if callable(items) and request is not None and request.GET.get("page", "1") not in ("", "1"):
        # A later page: the list (see listings/pagination.py) says which page it really is
        # (an out-of-range number shows the last one). The first page needs no query.
        items = items()
    number = getattr(items, "number", None)
    if canonical and isinstance(number, int) and number > 1:
        canonical = f"{canonical}?page={number}"

    if page is not None:
        title = page.seo_title or page.title
    else:
        title = _("MC2CM — Mediterranean City-to-City Migration")

    return {
        "alternates": alternates,
        "canonical": canonical,
        "title": title,
        "description": seo.page_description(page),
        "site_name": seo.SITE_NAME,
        "og_type": seo.og_type(page),
        "og_locale": seo.OG_LOCALES.get(current),
        "og_locale_alternates": [
            locale for code, locale in seo.OG_LOCALES.items() if code != current
        ],
        "json_ld": seo.json_ld_script(seo.structured_data(page, request)) if page else "",
        # The link preview card in the reader's language (scripts/make_social_cards.py).
        "image": seo.absolute(request, static(f"img/social/mc2cm-{current}.png")),
    }
