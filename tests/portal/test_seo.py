"""What crawlers, link previews and feed readers see: alternates, canonical, Open Graph,
schema.org data, the sitemap, robots.txt and the peer meetings feed.
"""

import datetime
import html
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from cities.models import CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from mc2cm_portal.models import HomePage
from tests import LANGUAGES
from tests.factories import add_page
from tests.pages import one_page_of_each_type, url_in

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
OG_LOCALES = {"ar": "ar_AR", "fr": "fr_FR", "en": "en_GB"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


class Head(HTMLParser):
    """The <link>, <meta> and JSON-LD blocks of a page, as a crawler reads them."""

    def __init__(self, html):
        super().__init__()
        self.links, self.metas, self.json_ld, self.html_lang = [], [], [], None
        self._in_json_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def canonical(self):
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]

    def meta(self, key):
        """Every value of a <meta property=..> or <meta name=..>."""
        return [m["content"] for m in self.metas if key in (m.get("property"), m.get("name"))]

    def structured_data(self):
        return [json.loads(block) for block in self.json_ld]


def parse_xml(content):
    """Parse our own answer; raises on anything that is not well-formed XML."""
    return ET.fromstring(content)  # noqa: S314 - the portal's own output, not untrusted data


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


def absolute(page, language):
    return HOST + url_in(page, language)


# --- Alternates and canonical -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_names_its_three_languages_and_a_default(client, language):
    for page in one_page_of_each_type():
        alternates = head(client, url_in(page, language)).alternates()
        expected = {code: absolute(page, code) for code in LANGUAGES}
        assert alternates == {**expected, "x-default": expected["en"]}, page.url_path


def test_each_alternate_answers_in_its_own_language(client):
    city = CityPage.objects.get(slug_en="tangier")
    alternates = head(client, url_in(city, "ar")).alternates()
    for code, href in alternates.items():
        assert href.startswith(f"{HOST}/"), href
        answer = head(client, href.removeprefix(HOST))
        assert answer.html_lang == ("en" if code == "x-default" else code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_canonical_is_the_page_in_its_own_language(client, language):
    for page in one_page_of_each_type():
        assert head(client, url_in(page, language)).canonical() == [absolute(page, language)]


def test_later_pages_of_a_listing_are_their_own_canonical(client, monkeypatch):
    monkeypatch.setattr(PeerMeetingIndexPage, "per_page", 4)
    index = PeerMeetingIndexPage.objects.get()
    second = head(client, url_in(index, "fr") + "?page=2")
    assert second.canonical() == [absolute(index, "fr") + "?page=2"]


def test_search_and_missing_pages_get_alternates(client):
    search = head(client, "/fr/search/?q=migration")
    assert search.alternates() == {
        "ar": f"{HOST}/ar/search/",
        "fr": f"{HOST}/fr/search/",
        "en": f"{HOST}/en/search/",
        "x-default": f"{HOST}/en/search/",
    }
    assert search.canonical() == [f"{HOST}/fr/search/"]
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    alternates = Head(response.content.decode()).alternates()
    assert set(alternates) == {"ar", "fr", "en", "x-default"}
    assert all(href.startswith(f"{HOST}/") for href in alternates.values())


# --- Description, Open Graph, Twitter ---------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_page_has_open_graph_tags_in_its_language(client, language):
    city = CityPage.objects.get(slug_en="tangier")
    page = head(client, url_in(city, language))
    title = getattr(city, f"title_{language}")
    assert page.meta("og:title") == [title]
    assert page.meta("og:url") == [absolute(city, language)]
    assert page.meta("og:type") == ["article"]
    assert page.meta("og:site_name") == ["MC2CM"]
    assert page.meta("og:locale") == [OG_LOCALES[language]]
    others = {locale for code, locale in OG_LOCALES.items() if code != language}
    assert set(page.meta("og:locale:alternate")) == others
    # The description is the start of the portrait in that language, without markup.
    (description,) = page.meta("description")
    assert page.meta("og:description") == [description]
    assert 50 < len(description) <= 160
    assert "<" not in description
    portrait_start = " ".join(getattr(city, f"portrait_{language}").split())[3:30]
    assert portrait_start in description
    assert page.meta("twitter:card") == ["summary_large_image"]
    assert page.meta("twitter:title") == [title]
    # The preview card in the page's language, served by the portal itself.
    card = f"http://testserver/static/img/social/mc2cm-{language}.png"
    assert page.meta("og:image") == [card]
    assert page.meta("twitter:image") == [card]


def test_search_description_wins_over_the_text(client):
    meeting = PeerMeetingPage.objects.get(slug_en="tunis-2018")
    meeting.search_description_fr = "Une description choisie pour les moteurs de recherche."
    meeting.save_revision().publish()
    page = head(client, url_in(meeting, "fr"))
    assert page.meta("description") == ["Une description choisie pour les moteurs de recherche."]
    # The other languages still use the meeting's summary, cut to size.
    english = head(client, url_in(meeting, "en")).meta("description")[0]
    assert english.startswith(meeting.summary_en[:40])


def test_home_page_is_a_website_and_meetings_are_articles(client):
    home = HomePage.objects.get()
    assert head(client, url_in(home, "en")).meta("og:type") == ["website"]
    assert head(client, url_in(home, "en")).meta("description") == [home.tagline_en]
    meeting = PeerMeetingPage.objects.first()
    assert head(client, url_in(meeting, "en")).meta("og:type") == ["article"]


# --- schema.org -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_peer_meeting_is_described_as_an_event(client, language):
    meeting = PeerMeetingPage.objects.select_related("host_city").get(slug_en="tunis-2018")
    (data,) = head(client, url_in(meeting, language)).structured_data()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == getattr(meeting, f"title_{language}")
    assert data["startDate"] == meeting.start_date.isoformat()
    assert data["endDate"] == (meeting.end_date or meeting.start_date).isoformat()
    assert data["url"] == absolute(meeting, language)
    assert data["inLanguage"] == language
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["name"] == "MC2CM"
    assert data["location"]["@type"] == "Place"
    country = getattr(meeting.host_city, f"country_{language}")
    assert data["location"]["address"]["addressCountry"] == country
    assert data["description"] == getattr(meeting, f"summary_{language}")


def test_one_day_meeting_ends_the_day_it_starts(client):
    index = PeerMeetingIndexPage.objects.get()
    meeting = add_page(
        index,
        PeerMeetingPage,
        "One-day meeting",
        slug="one-day",
        start_date=datetime.date(2031, 3, 2),
        venue="Brussels",
        venue_en="Brussels",
        summary="A single day.",
        summary_en="A single day.",
    )
    (data,) = head(client, url_in(meeting, "en")).structured_data()
    assert (data["startDate"], data["endDate"]) == ("2031-03-02", "2031-03-02")
    assert data["location"]["name"] == "Brussels"


def test_city_is_described_as_a_place_with_coordinates(client):
    city = CityPage.objects.get(slug_en="tangier")
    (data,) = head(client, url_in(city, "fr")).structured_data()
    assert data["@type"] == "City"
    assert data["name"] == city.title_fr
    assert data["url"] == absolute(city, "fr")
    assert data["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": float(city.latitude),
        "longitude": float(city.longitude),
    }
    assert data["containedInPlace"] == {"@type": "Country", "name": city.country_fr}


def test_pages_other_than_meetings_and_cities_have_no_structured_data(client):
    home = HomePage.objects.get()
    assert head(client, url_in(home, "ar")).structured_data() == []


def test_a_title_cannot_break_out_of_the_structured_data(client):
    evil = '</script><script>alert("x")</script><!--'
    index = PeerMeetingIndexPage.objects.get()
    meeting = add_page(
        index,
        PeerMeetingPage,
        evil,
        slug="evil",
        start_date=datetime.date(2030, 1, 1),
        venue="A & B <venue>",
        venue_en="A & B <venue>",
        summary="Summary",
        summary_en="Summary",
    )
    html = client.get(url_in(meeting, "en")).content.decode()
    assert "<script>alert" not in html
    page = Head(html)
    (data,) = page.structured_data()
    assert data["name"] == evil
    assert data["location"]["name"] == "A & B <venue>"
    # The JSON-LD block is closed by its own tag, not by the title.
    block = html.split('<script type="application/ld+json">', 1)[1]
    assert block.index("</script>") == len(block.split("</script>", 1)[0])
    assert "<" not in block.split("</script>", 1)[0]


# --- Sitemap and robots.txt ---------------------------------------------------------------


def live_pages():
    from wagtail.models import Page

    return list(Page.objects.live().public().filter(depth__gt=1))


def test_sitemap_lists_every_live_page_in_three_languages(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = parse_xml(response.content)  # raises on invalid XML
    assert root.tag == f"{SITEMAP}urlset"
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        entries[loc] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
    pages = live_pages()
    assert len(entries) == 3 * len(pages)
    for page in pages:
        expected = {code: absolute(page, code) for code in LANGUAGES}
        expected["x-default"] = expected["en"]
        for code in LANGUAGES:
            assert entries[expected[code]] == expected, page.url_path


def test_sitemap_gives_the_date_of_the_last_publication(client):
    meeting = PeerMeetingPage.objects.get(slug_en="tunis-2018")
    meeting.save_revision().publish()
    meeting.refresh_from_db()
    root = parse_xml(client.get("/sitemap.xml").content)
    (entry,) = [
        url
        for url in root.findall(f"{SITEMAP}url")
        if url.findtext(f"{SITEMAP}loc") == absolute(meeting, "ar")
    ]
    lastmod = entry.findtext(f"{SITEMAP}lastmod")
    assert lastmod == meeting.last_published_at.date().isoformat()


def test_sitemap_leaves_out_unpublished_pages(client):
    meeting = PeerMeetingPage.objects.get(slug_en="tunis-2018")
    url = absolute(meeting, "fr")
    assert url in client.get("/sitemap.xml").content.decode()
    meeting.unpublish()
    assert url not in client.get("/sitemap.xml").content.decode()


def test_sitemap_query_count_does_not_grow_with_pages(client, django_assert_max_num_queries):
    index = PeerMeetingIndexPage.objects.get()
    for number in range(10):
        add_page(
            index,
            PeerMeetingPage,
            f"Extra meeting {number}",
            slug=f"extra-{number}",
            start_date=datetime.date(2030, 1, 1),
            venue="Somewhere",
            summary="Summary",
        )
    with django_assert_max_num_queries(8):
        assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_allows_all_but_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


# --- Feed -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_peer_meetings_feed_is_atom_in_each_language(client, language):
    response = client.get(f"/{language}/feeds/peer-meetings/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert feed.findtext(f"{ATOM}title")
    assert feed.findtext(f"{ATOM}updated")
    entries = feed.findall(f"{ATOM}entry")
    meetings = list(PeerMeetingPage.objects.live().order_by("-start_date"))
    assert len(entries) == len(meetings) == 11
    for entry, meeting in zip(entries, meetings, strict=True):
        assert entry.findtext(f"{ATOM}title") == getattr(meeting, f"title_{language}")
        link = entry.find(f"{ATOM}link").get("href")
        assert link == absolute(meeting, language)
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}published").startswith(meeting.start_date.isoformat())
        summary = html.unescape(entry.findtext(f"{ATOM}summary"))
        assert getattr(meeting, f"summary_{language}")[:30] in summary


def test_every_page_points_to_the_feed_in_its_language(client):
    for language in LANGUAGES:
        city = CityPage.objects.get(slug_en="tangier")
        feeds = [
            link["href"]
            for link in head(client, url_in(city, language)).links
            if link.get("type") == "application/atom+xml"
        ]
        assert feeds == [f"/{language}/feeds/peer-meetings/"]
        assert client.get(feeds[0]).status_code == 200


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt"])
def test_crawler_files_answer_head_but_not_post(client, url):
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
