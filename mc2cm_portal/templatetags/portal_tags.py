"""Template helpers for a trilingual site: language of shown text, language switcher, numbers."""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from modeltranslation.fields import NONE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.models import Page, Site

from action.models import ToolkitIndexPage
from cities.models import CityIndexPage
from dialogue.models import PeerMeetingIndexPage
from knowledge.models import MigrationProfileIndexPage
from mc2cm_portal.caching.navigation import (
    breadcrumb_trail,
    footer_items,
    menu_items,
    navigation_items,
)
from mc2cm_portal.caching.versioned import versioned
from mc2cm_portal.languages import FALLBACK_NOTE, LANGUAGE_NAMES, current_language, direction
from mc2cm_portal.listings.collation import collation_key

from ..formats import localized_number as plain_localized_number

register = template.Library()


def shown_language(obj, field):
    """The language whose text ``obj.field`` shows now, after modeltranslation's fallback."""
    current = current_language()
    try:
        options = translator.get_options_for_model(type(obj))
    except NotRegistered:
        return current
    if field not in options.all_fields:
        return current
    descriptor = getattr(type(obj), field)
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = descriptor.field.get_default()
    for language in resolution_order(current, descriptor.fallback_languages):
        value = getattr(obj, build_localized_fieldname(field, language), None)
        if descriptor.meaningful_value(value, undefined):
            return language
    return current


@register.simple_tag
def lang_attrs(obj, field):
    """` lang=".." dir=".." data-in-language=".."` when the field falls back to another
    language, else nothing.

    Screen readers then read fallback text with the right voice, and Latin text inside
    the Arabic site runs left to right. Sighted readers get the note "(in English)" after
    it, drawn by the stylesheet from data-in-language: one attribute here rather than a
    second tag after each of the many places fallback text is shown.
    """
    language = shown_language(obj, field)
    if language == current_language():
        return ""
    return format_html(
        ' lang="{}" dir="{}" data-in-language="{}"',
        language,
        direction(language),
        FALLBACK_NOTE[language],
    )


@register.simple_tag
def fallback_language(obj, field):
    """``{"lang": .., "dir": ..}`` of the field's text when it falls back to another language,
    else both ``None``: for tags that take attributes one by one, such as
    ``{% srcset_image ... lang=alt.lang dir=alt.dir %}``, which leave out an attribute
    whose value is ``None``. (An image's text alternative gets no visible note.)"""
    language = shown_language(obj, field)
    if language == current_language():
        return {"lang": None, "dir": None}
    return {"lang": language, "dir": direction(language)}


def _kept_query(context, request):
    """What a view's address keeps in another language: the search its words, the sign-in
    page the address to return to, once checked as a path on this site (its ``next``)."""
    params = {"q": request.GET["q"]} if request.GET.get("q") else {}
    if context.get("next"):
        params["next"] = context["next"]
    return f"?{urlencode(params)}" if params else ""


def _kept_filters(context, request):
    """What a list's address keeps in another language: its filters and page number.

    Filter values are language-independent (theme slugs, English city slugs, codes), so
    the same query string selects the same list; only the list's own parameters are kept.
    """
    filters = context.get("filters") or []
    names = {choice_filter.name for choice_filter in filters}
    if not names or request is None:
        return ""
    names.add("page")
    params = [
        (name, request.GET[name]) for name in request.GET if name in names and request.GET[name]
    ]
    return f"?{urlencode(params)}" if params else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the same page (or view) in that language.

    In a preview there is no address to give: the page in another language would be the live
    one (or none, for a page never published), not the draft shown. The admin's preview offers
    each language itself, so the switcher then shows names without a link (``link`` False);
    the head's alternates still name the live addresses."""
    request = context.get("request")
    page = context.get("page")
    current = current_language()
    in_preview = getattr(request, "is_preview", False)
    links = []
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page):
            with translation.override(code):
                url = page.get_url(request) + _kept_filters(context, request)
        elif request is not None:
            url = translate_url(request.path, code) + _kept_query(context, request)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": url,
                "link": not in_preview,
                "current": code == current,
                "dir": direction(code),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def site_root(context):
    """The site's home page, looked up once per request (header link and menu share it)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_site_root"):
        site = Site.find_for_request(request)
        request._portal_site_root = site.root_page if site else None
    return request._portal_site_root


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's menu children, each marked current or as an ancestor of the page."""
    root = site_root(context)
    if root is None:
        return []
    page = context.get("page")
    path = page.path if isinstance(page, Page) else ""
    return [
        {**item, "current": item["path"] == path, "ancestor": path.startswith(item["path"])}
        for item in menu_items(root, context.get("request"), current_language())
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors from the home page down (titles and addresses), without Wagtail's root."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return breadcrumb_trail(page, context.get("request"), current_language())


def partner_lists(language):
    """The partners as plain data, implementing and funding apart, kept per content version."""
    from ..models import Partner

    def compute():
        lists = {role: [] for role in Partner.Role.values}
        for partner in Partner.objects.filter(live=True):
            lists[partner.role].append(
                {"name": partner.name, "acronym": partner.acronym, "website": partner.website}
            )
        return lists

    return versioned(f"partners:{language}", compute)


def and_list(words):
    """ "A, B and C" in the reader's language (Arabic joins "و" to the last word)."""
    words = [str(word) for word in words]
    if translation.get_language_bidi():
        # Each name isolated (FSI ... PDI): Latin acronyms side by side in Arabic text
        # would otherwise merge into one left-to-right run and read in the wrong order.
        words = [f"\u2068{word}\u2069" for word in words]
    if len(words) < 2:
        return "".join(words)
    separator = pgettext("list separator", ", ")
    return _("%(first)s and %(last)s") % {
        "first": separator.join(words[:-1]),
        "last": words[-1],
    }


@register.simple_tag(takes_context=True)
def site_footer(context):
    """What the footer shows: information pages, partners and the EU funding disclaimer."""
    language = current_language()
    root = site_root(context)
    partners = partner_lists(language)
    implementers = [partner["acronym"] or partner["name"] for partner in partners["implementing"]]
    return {
        "implementers": and_list(implementers) or _("the project's implementing partners"),
        "links": footer_items(root, context.get("request"), language) if root else [],
        "implementing": partners["implementing"],
        "funding": partners["funding"],
    }


@register.filter
def left_to_right(text):
    """On an Arabic page, a number (with its % or ° sign) that behaves as in Arabic prose.

    The Unicode bidi algorithm treats digits after an Arabic word ("حوالي 27%") as an Arabic
    number, whose % or ° then stands at its left, at the end in reading order: that is how
    editors' own sentences show. Digits opening a table cell ("0,5%") would instead keep
    the sign at their right. The Arabic letter mark (U+061C, invisible) put before the
    number makes every figure behave like the prose, in text, charts and tables alike. A
    download's size after its format ("PDF، 41,9 ك.ب") too: without it, the digits would
    join the Latin "PDF" and leave their unit on the far side of it.
    """
    if translation.get_language_bidi():
        return f"\u061c{text}"
    return text


@register.filter
def live_only(objects):
    """The published ones: a theme an editor adds stays a draft until a moderator approves it."""
    return [obj for obj in objects if obj.live]


@register.filter
def localized_number(value, unit=""):
    """A number in the reader's format, the one filter for text, charts and tables.

    Trailing zeros are dropped and thousands always grouped, with the separators of
    ``mc2cm_portal/formats``: English 947,952 and 0.5%; French 947 952 and 0,5 % (narrow
    no-break spaces); Arabic 947.952 and 0,5% (Western digits, as Django's Arabic formats
    give, see ``formats/ar/formats.py``), each with an Arabic letter mark (see
    ``left_to_right``). ``unit="percent"`` adds the per cent sign the language's way.
    Machine-readable output (the CSV) does not use it.
    """
    number = plain_localized_number(value)
    if not number:
        return ""
    if unit == "percent":
        # Translators: a percentage; French puts a narrow no-break space (U+202F) before %.
        number = _("%(number)s%%") % {"number": number}
    return left_to_right(number)


@register.simple_tag(takes_context=True)
def theme_links(context, themes):
    """The page's themes in alphabetical order, each a link to the list the page belongs to,
    filtered by that theme.

    Every page with themes is listed by its parent (a city by the cities index, a meeting
    by the meetings list...), whose address is the page's own without its last segment in
    every language (Wagtail builds a child's address from its parent's): no query.
    """
    page = context.get("page")
    page_url = page.get_url(context.get("request")) if isinstance(page, Page) else None
    listing = page_url.rstrip("/").rsplit("/", 1)[0] + "/" if page_url else None
    return [
        {"name": theme.name, "url": f"{listing}?{urlencode({'theme': theme.slug})}"}
        if listing
        else {"name": theme.name, "url": ""}
        for theme in sorted(themes, key=lambda theme: collation_key(theme.name))
    ]


@register.filter
def names_year(title, year):
    """True when a title already says the year ("Meeting report — Lisbon, 2016"), so that
    the year is not repeated beside it."""
    return bool(year) and re.search(rf"(?<!\d){int(year)}(?!\d)", str(title)) is not None


@register.filter
def model_verbose_name(model):
    """A page class's name for visitors, e.g. "peer meeting" (for lists of mixed kinds)."""
    return model._meta.verbose_name if model is not None else ""


@register.filter
def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# A bar shorter than this share of the one before it cannot be read beside it: a new chart,
# with its own scale, starts there (the population of a city beside its few thousand
# foreign residents).
READABLE_RATIO = 10


def _scaled(rows, top):
    return [
        {"figure": figure, "length": round(100 * float(figure.value) / top, 1)} for figure in rows
    ]


@register.simple_tag
def figure_groups(figures):
    """Key figures in charts one can read: one per unit, and one per order of size.

    Shares are drawn against 100 %. Head counts are drawn against the largest of their
    chart, and a new chart starts only where the counts, from largest to smallest, drop
    tenfold from one to the next: 5,145 is not a hairline beside 947,952, and figures of
    one order (435,000 and 300,000) always share a chart, so that the larger is never
    drawn shorter than the smaller. People and per cents never share an axis.
    """
    groups = []
    people = sorted(
        (figure for figure in figures if figure.unit == "people"),
        key=lambda figure: figure.value,
        reverse=True,
    )
    chunks = []
    for figure in people:
        if chunks and float(figure.value) * READABLE_RATIO >= float(chunks[-1][-1].value):
            chunks[-1].append(figure)
        else:
            chunks.append([figure])
    for rows in chunks:
        top = float(rows[0].value) or 1
        groups.append(
            {
                "unit": "people",
                "label": _("Number of people"),
                # Several charts of people: each says its own scale.
                "scale": _("scale from 0 to %(top)s") % {"top": localized_number(rows[0].value)}
                if len(chunks) > 1
                else "",
                "rows": _scaled(rows, top),
            }
        )
    shares = [figure for figure in figures if figure.unit == "percent"]
    if shares:
        groups.append(
            {
                "unit": "percent",
                "label": _("Share in per cent"),
                "scale": "",
                "rows": _scaled(shares, 100),
            }
        )
    return groups


@register.simple_tag
def coordinates(latitude, longitude):
    """ "35.78° N, 5.8° W" in the reader's number format, the degree sign always right after
    the number and a no-break space before the compass point (no minus sign to misplace)."""
    north = pgettext("compass point", "N") if latitude >= 0 else pgettext("compass point", "S")
    east = pgettext("compass point", "E") if longitude >= 0 else pgettext("compass point", "W")
    return _("%(latitude)s, %(longitude)s") % {
        "latitude": f"{left_to_right(f'{plain_localized_number(abs(latitude))}°')}\u00a0{north}",
        "longitude": f"{left_to_right(f'{plain_localized_number(abs(longitude))}°')}\u00a0{east}",
    }


# Day, month and year, day first, in all three languages; the month's name in the language.
DAY_MONTH_YEAR = "j F Y"
DAY_MONTH = "j F"


@register.simple_tag
def date_range(start, end=None):
    """A date or a range of dates, said the reader's way, without repeating what is shared.

    "25–26 June 2019", "30 June – 2 July 2019", "30 December 2019 – 2 January 2020"; French
    the same with French months; Arabic in words ("من 25 إلى 26 يونيو 2019") rather than
    Latin dashes.
    """
    if not end or end == start:
        return date_format(start, DAY_MONTH_YEAR)
    if (start.year, start.month) == (end.year, end.month):
        # Translators: days of one month, e.g. "25–26 June 2019" (an en dash, no spaces).
        return _("%(start_day)s–%(end_day)s %(month_year)s") % {
            "start_day": start.day,
            "end_day": end.day,
            "month_year": date_format(end, "F Y"),
        }
    # Translators: a range across months or years, e.g. "30 June – 2 July 2019".
    return _("%(start)s – %(end)s") % {
        "start": date_format(start, DAY_MONTH if start.year == end.year else DAY_MONTH_YEAR),
        "end": date_format(end, DAY_MONTH_YEAR),
    }


@register.simple_tag(takes_context=True)
def ways_in(context, home):
    """The sections most visitors come for: cities, documents and toolkits, meetings.

    Found in the navigation data the menu already keeps (caching/navigation.py): no query.
    """
    request = context.get("request")
    language = current_language()
    ways = []
    for kind, model in (
        ("cities", CityIndexPage),
        ("documents", MigrationProfileIndexPage),
        ("toolkits", ToolkitIndexPage),
        ("meetings", PeerMeetingIndexPage),
    ):
        found = navigation_items(home, request, language, model)
        if found:
            ways.append({"kind": kind, "title": found[0]["title"], "url": found[0]["url"]})
    return ways
