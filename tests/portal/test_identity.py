"""The portal's identity as visitors meet it: one name per language, the footer with its
partners and EU disclaimer, the information pages, the home page's ways in, link previews."""

import datetime
import re
import struct
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from cities.models import CityPage
from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from mc2cm_portal.models import HomePage, InformationPage, Partner
from tests import LANGUAGES
from tests.admin_forms import admin_form_data
from tests.factories import add_page, tr
from tests.pages import url_in
from tests.staff import submit

pytestmark = pytest.mark.django_db

# The project's one name in each language (the Arabic says "Mediterranean", المتوسطية).
NAMES = {
    "ar": "الهجرة بين المدن المتوسطية",
    "fr": "Migration de ville à ville en Méditerranée",
    "en": "Mediterranean City-to-City Migration",
}
SIGN_IN = {"ar": "دخول الشركاء", "fr": "Connexion des partenaires", "en": "Partners’ sign-in"}
DISCLAIMER = {
    "ar": "يموّل الاتحاد الأوروبي هذا المشروع",
    "fr": "Ce projet est financé par l’Union européenne",
    "en": "This project is funded by the European Union",
}
INFORMATION_TITLES = {
    "ar": ["اتصل بنا", "الخصوصية", "الإشعار القانوني", "بيان إمكانية الوصول"],
    "fr": ["Contact", "Confidentialité", "Mentions légales", "Déclaration d’accessibilité"],
    "en": ["Contact", "Privacy", "Legal notice", "Accessibility statement"],
}
ROOT = Path(settings.BASE_DIR)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def footer(page_html):
    return page_html[page_html.index('<footer class="site-footer">') :]


def text_of(fragment):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_name_in_the_title_header_and_breadcrumbs(client, lang):
    home = html(client, f"/{lang}/")
    assert f"<title>MC2CM — {NAMES[lang]}</title>" in home
    assert f'<span class="site-name__long">{NAMES[lang]}</span>' in home
    city = html(client, url_in(CityPage.objects.get(slug_en="tangier"), lang))
    start = city.index('class="breadcrumbs"')
    crumbs = city[start : city.index("</nav>", start)]
    assert NAMES[lang] in crumbs
    assert f" · MC2CM — {NAMES[lang]}</title>" in city
    # "المتوسطة" alone would read "medium-sized": never on the Arabic site.
    assert "المتوسطة" not in home + city


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_names_partners_links_information_pages_and_carries_the_eu_disclaimer(client, lang):
    page = footer(html(client, f"/{lang}/"))
    text = text_of(page)
    assert DISCLAIMER[lang] in text
    for partner in Partner.objects.all():
        assert getattr(partner, f"name_{lang}") in text
    # The disclaimer names who is responsible: the implementing partners, from the snippets.
    for partner in Partner.objects.filter(role=Partner.Role.IMPLEMENTING):
        assert getattr(partner, f"acronym_{lang}") in text[text.index(DISCLAIMER[lang]) :]
    assert 'src="/static/img/eu-flag.svg"' in page
    for title in INFORMATION_TITLES[lang]:
        assert f">{title}</a>" in page, title
    assert f'href="/{lang}/partners/sign-in/">{SIGN_IN[lang]}</a>' in page


def test_a_partner_renamed_in_the_admin_is_renamed_in_every_footer(admin_client, client):
    partner = Partner.objects.get(acronym_en="UCLG")
    url = reverse("wagtailsnippets_mc2cm_portal_partner:edit", args=[partner.pk])
    html(client, "/fr/villes/")  # the footer is kept between requests: this must not stick
    data = admin_form_data(admin_client.get(url).content.decode())
    data["name_fr"] = "Cités et gouvernements locaux unis (nouveau nom)"
    submit(admin_client, url, {**data, "action-publish": "action-publish"})  # a reviewed snippet
    assert "(nouveau nom)" in footer(html(client, "/fr/villes/"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_information_pages_read_in_each_language(client, lang):
    for page in InformationPage.objects.live():
        body = html(client, url_in(page, lang))
        assert f"<h1>{getattr(page, f'title_{lang}')}</h1>" in body
        assert getattr(page, f"intro_{lang}")[:40] in body
    statement = InformationPage.objects.get(slug_en="accessibility")
    body = html(client, url_in(statement, lang))
    # The EU Web Accessibility Directive's model: five sections, in the reader's language.
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", body[: body.index("<footer")])
    assert len(headings) == 5, headings
    assert "mailto:MC2CM@city-to-city.org" in body
    assert "2026" in body.split('class="information-page__reviewed"')[1][:200]


def test_editors_create_an_information_page_under_the_home_page_only(admin_client, client):
    home = HomePage.objects.get()
    add = reverse("wagtailadmin_pages:add", args=["mc2cm_portal", "informationpage", home.pk])
    data = admin_form_data(admin_client.get(add).content.decode(), form_id="page-edit-form")
    for lang, title in (("ar", "حقوق النشر"), ("fr", "Droits d’auteur"), ("en", "Copyright")):
        data[f"title_{lang}"] = title
        data[f"slug_{lang}"] = {"ar": "حقوق-النشر", "fr": "droits", "en": "copyright"}[lang]
        data[f"intro_{lang}"] = f"{title}."
        data[f"body_{lang}-count"] = "0"  # an empty body, as the admin's script posts it
    data["action-publish"] = "action-publish"
    submit(admin_client, add, data)
    assert ">Droits d’auteur</a>" in footer(html(client, "/fr/"))

    city = CityPage.objects.get(slug_en="tangier")
    under_city = reverse(
        "wagtailadmin_pages:add", args=["mc2cm_portal", "informationpage", city.pk]
    )
    assert admin_client.get(under_city).status_code in (302, 403)


def test_home_page_opens_with_the_project_and_ways_in(client):
    home = html(client, "/en/")
    main = home[home.index("<main") : home.index("</main>")]
    assert main.index('class="hero"') < main.index('class="ways-in"') < main.index("latest")
    ways = re.findall(r'class="way__link" href="([^"]+)"', main)
    assert ways == [
        "/en/cities/",
        "/en/knowledge/migration-profiles/",
        "/en/action/toolkits/",
        "/en/dialogue/peer-meetings/",
    ]
    latest = main[main.index('class="latest"') :]
    assert latest.count('class="latest__item"') == HomePage.latest_count
    assert "Published " in latest


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_says_what_the_project_does_once(client, lang):
    """The project's aim leads the page; "About the project" adds why and how, without
    saying the aim a second time, word for word."""
    home = HomePage.objects.get()
    aim = unescape(getattr(home, f"what_{lang}"))
    assert aim
    page = unescape(html(client, url_in(home, lang)))
    assert page.count(aim) == 1
    about = page[page.index('class="about"') :]
    assert getattr(home, f"why_{lang}") in about
    assert getattr(home, f"how_{lang}") in about


def test_the_latest_strip_shows_what_was_just_published(client):
    assert "Meeting in Sfax, 2027" not in html(client, "/en/")
    meetings = PeerMeetingIndexPage.objects.get()
    meeting = add_page(
        meetings,
        PeerMeetingPage,
        "Meeting in Sfax, 2027",
        slug="sfax-2027",
        start_date=datetime.date(2027, 3, 1),
        **tr("venue", "Sfax"),
        **tr("summary", "About."),
    )
    meeting.save_revision().publish()
    latest = html(client, "/en/").split('class="latest"')[1]
    first_item = latest.split('class="latest__item"')[1]
    assert "Meeting in Sfax, 2027" in first_item


def test_city_cards_show_their_headline_figure(client):
    page = html(client, "/en/cities/")
    tangier = page[page.index(">Tangier</a>") :]
    card = tangier[: tangier.index("</li>")]
    assert 'class="card__figure-value">947,952' in card
    assert "Population (2014)" in text_of(card)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shared_links_show_a_preview_card_in_the_reader_language(client, lang):
    page = html(client, f"/{lang}/")
    image = re.search(r'<meta property="og:image" content="([^"]+)">', page).group(1)
    assert image == f"http://testserver/static/img/social/mc2cm-{lang}.png"
    assert 'name="twitter:card" content="summary_large_image"' in page
    png = Path(finders.find(f"img/social/mc2cm-{lang}.png")).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)


def test_fonts_are_self_hosted_subsets_with_their_licence():
    css = (ROOT / "static/css/identity.css").read_text()
    faces = re.findall(r"@font-face\s*{([^}]*)}", css)
    assert len(faces) == 3
    for face in faces:
        assert "font-display: swap" in face
        assert "unicode-range" in face
        source = re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1)
        font = ROOT / "static/fonts" / source
        assert font.read_bytes()[:4] == b"wOF2"
        assert font.stat().st_size < 60_000
    # The Arabic file is only for Arabic code points: Latin pages never download it.
    arabic = next(face for face in faces if "naskh" in face)
    assert "U+0000" not in arabic
    assert "U+0600-06FF" in arabic
    for licence in ("OFL-noto-sans.txt", "OFL-noto-naskh-arabic.txt"):
        assert "SIL Open Font License" in (ROOT / "static/fonts" / licence).read_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_ask_for_the_faces_their_text_needs_with_the_stylesheets(client, lang):
    # A face found only by the first layout arrives after the first paint: the text is drawn
    # in a fallback face, then swaps and moves under the reader (Lighthouse measured a layout
    # shift of 0.19 on an Arabic meeting page). The Arabic face is for Arabic pages only.
    page = html(client, f"/{lang}/")
    preloaded = re.findall(r'<link rel="preload" href="/static/fonts/([^"]+)" as="font"', page)
    expected = {"noto-sans-latin-400-normal.woff2", "noto-sans-latin-700-normal.woff2"}
    if lang == "ar":
        expected.add("noto-naskh-arabic-arabic-400-normal.woff2")
    assert set(preloaded) == expected


def test_a_signed_in_partner_finds_their_resources_in_the_footer(client, partner):
    assert "/en/partners/sign-in/" in footer(html(client, "/en/"))
    client.force_login(partner)
    page = footer(html(client, "/en/"))
    assert 'href="/en/partners/resources/">Partner resources</a>' in page
    assert "/en/partners/sign-in/" not in page
