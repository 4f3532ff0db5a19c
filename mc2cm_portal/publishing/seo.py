"""What search engines, social networks and feed readers read: descriptions, alternates,
schema.org data, the sitemap, robots.txt and the peer meetings feed.
"""

import datetime
import html
import json
import re

from django.contrib.syndication.views import Feed
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from mc2cm_portal.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language
from mc2cm_portal.publishing.addresses import public_url
from mc2cm_portal.queries import visible

# The language crawlers get when none of ours matches the reader (hreflang="x-default").
OG_LOCALES = {"ar": "ar_AR", "fr": "fr_FR", "en": "en_GB"}
DESCRIPTION_LENGTH = 160
# Fields that can describe a page, best first; the first one with text wins.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "tagline", "portrait", "why")
SITE_NAME = "MC2CM"
SITE_DESCRIPTION = _(
    "Mediterranean City-to-City Migration (MC2CM): dialogue, knowledge and action for the "
    "local governance of migration."
)
# Ends of blocks in rich text: a space there keeps paragraphs apart once tags are gone.
_BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>)", re.IGNORECASE)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def absolute(request, url):
    """An absolute address on the public address (see addresses.py), whatever host the
    request named; URLs that already are absolute (other sites) stay as they are."""
    return public_url(url)


def page_url(page, request, language):
    """The page's absolute URL in ``language`` (translated slugs)."""
    with translation.override(language):
        return absolute(request, page.get_url(request))


# --- Descriptions -----------------------------------------------------------------------


def page_description(page, length=DESCRIPTION_LENGTH):
    """A plain-text description of the page for search results and link previews.

    The editor's search description if any, otherwise the page's summary, introduction,
    tagline or portrait, cut at a word boundary to about ``length`` characters.
    """
    if page is None:
        return str(SITE_DESCRIPTION)
    language = current_language()
    # Text written in the reader's language first (a French search description must not
    # win over the English summary for English readers), then the usual fallbacks.
    candidates = [f"{field}_{language}" for field in DESCRIPTION_FIELDS]
    candidates += DESCRIPTION_FIELDS
    for field in candidates:
        value = getattr(page, field, None)
        if not isinstance(value, str):
            continue
        text = html.unescape(strip_tags(_BLOCK_END.sub(r"\1 ", value)))
        text = " ".join(text.split())
        if text:
            return shorten(text, length)
    return str(SITE_DESCRIPTION)


def shorten(text, length):
    """``text`` cut at the last word boundary before ``length`` characters, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.،؛") + "…"


def og_type(page):
    """'website' for the home page and the listings, 'article' for content pages."""
    if page is None or not isinstance(page, Page):
        return "website"
    model = page.specific_class or type(page)
    if page.depth <= 2 or model.allowed_subpage_models():
        return "website"
    return "article"


# --- schema.org JSON-LD -----------------------------------------------------------------

# The same escapes as django.utils.html.json_script: no text can close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``data`` as a schema.org JSON-LD block, safe to put in the page's <head>."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )


def _organizer(request, language):
    return {
        "@type": "Organization",
        "name": SITE_NAME,
        "alternateName": str(_("Mediterranean City-to-City Migration")),
        "url": absolute(request, f"/{language}/"),
    }


def _geo(city):
    return {
        "@type": "GeoCoordinates",
        "latitude": float(city.latitude),
        "longitude": float(city.longitude),
    }


def event_data(meeting, request):
    """schema.org Event for a peer meeting."""
    language = current_language()
    city = meeting.host_city
    if city is not None:
        location = {
            "@type": "Place",
            "name": meeting.venue or city.title,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city.title,
                "addressCountry": city.country,
            },
            "geo": _geo(city),
        }
    else:
        location = {"@type": "Place", "name": meeting.venue, "address": meeting.venue}
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "description": meeting.summary,
        "url": page_url(meeting, request, language),
        "startDate": meeting.start_date.isoformat(),
        "endDate": (meeting.end_date or meeting.start_date).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location,
        "organizer": _organizer(request, language),
        "inLanguage": language,
    }


def city_data(city, request):
    """schema.org City for a partner city."""
    return {
        "@context": "https://schema.org",
        "@type": "City",
        "name": city.title,
        "description": page_description(city, length=500),
        "url": page_url(city, request, current_language()),
        "geo": _geo(city),
        "containedInPlace": {"@type": "Country", "name": city.country},
    }


def structured_data(page, request):
    """The schema.org data of a page, or None for page types that have none."""
    from cities.models import CityPage
    from dialogue.models import PeerMeetingPage

    if isinstance(page, PeerMeetingPage):
        return event_data(page, request)
    if isinstance(page, CityPage):
        return city_data(page, request)
    return None


# --- Sitemap and robots.txt ---------------------------------------------------------------


def sitemap_pages(request):
    """Every live public page of the request's site, in tree order, in one query."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(
        visible(Page.objects.descendant_of(site.root_page, inclusive=True)).order_by("path")
    )


@require_safe
def sitemap(request):
    """/sitemap.xml: each page once per language, each entry naming its translations."""
    response = HttpResponse(content_type="application/xml; charset=utf-8")
    xml = SimplerXMLGenerator(response, "utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for page in sitemap_pages(request):
        urls = {code: page_url(page, request, code) for code in LANGUAGE_CODES}
        if None in urls.values():
            continue  # not routable from this site
        alternates = [*urls.items(), ("x-default", urls[DEFAULT_LANGUAGE])]
        for code in LANGUAGE_CODES:
            xml.startElement("url", {})
            xml.addQuickElement("loc", urls[code])
            if page.last_published_at:
                xml.addQuickElement("lastmod", page.last_published_at.date().isoformat())
            for hreflang, href in alternates:
                xml.addQuickElement(
                    "xhtml:link", "", {"rel": "alternate", "hreflang": hreflang, "href": href}
                )
            xml.endElement("url")
    xml.endElement("urlset")
    xml.endDocument()
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "",
        f"Sitemap: {public_url(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# --- Feed -------------------------------------------------------------------------------


class PeerMeetingsFeed(Feed):
    """Atom feed of the peer meetings, newest first, in the language of its address."""

    feed_type = Atom1Feed
    title = _("MC2CM peer meetings")
    subtitle = _(
        "Peer-to-peer meetings of the Mediterranean City-to-City Migration network: where "
        "cities met, when, and what they discussed."
    )
    description = subtitle
    author_name = SITE_NAME

    def __init__(self, request=None):
        super().__init__()
        self.request = request

    # Absolute already: Django's Feed would complete a relative link with the request's
    # Host (see addresses.py).
    def link(self):
        from dialogue.models import PeerMeetingIndexPage

        index = visible(PeerMeetingIndexPage.objects).first()
        if index is None:
            return public_url(f"/{current_language()}/")
        return public_url(index.get_url(self.request))

    def feed_url(self):
        return public_url(self.request.path)

    def items(self):
        from dialogue.models import PeerMeetingPage

        return (
            visible(PeerMeetingPage.objects)
            .select_related("host_city")
            .prefetch_related("themes")
            .order_by("-start_date", "-pk")
        )

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return page_url(item, self.request, current_language())

    def item_description(self, item):
        dates = mark_safe(  # noqa: S308 - a rendered, autoescaped template
            render_to_string(
                "includes/dates.html", {"start": item.start_date, "end": item.end_date}
            ).strip()
        )
        place = item.host_city.title if item.host_city else item.venue
        if place:
            return format_html("<p>{} · {}</p><p>{}</p>", dates, place, item.summary)
        return format_html("<p>{}</p><p>{}</p>", dates, item.summary)

    def item_pubdate(self, item):
        # The meeting's first day: readers list the meetings in the order they took place.
        return datetime.datetime.combine(item.start_date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or timezone.now()

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all() if theme.live]


@require_safe
def peer_meetings_feed(request):
    """A feed object per request, so the request it keeps is never shared between threads."""
    return PeerMeetingsFeed(request)(request)
