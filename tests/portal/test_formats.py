"""Numbers, coordinates and dates the reader's way, one format per language; French
typography; alphabetical order that files accented letters with their base letter."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from cities.models import CityPage
from dialogue.models import PeerMeetingPage
from mc2cm_portal.listings.collation import collation_key
from tests.pages import url_in

pytestmark = pytest.mark.django_db

# One format per language, in prose, charts and tables alike (see formats/ar/formats.py
# for the Arabic choice: Western digits with Django's Arabic separators).
FORMATS = {
    "en": {"population": "947,952", "share": "0.5%", "foreign": "5,145"},
    "fr": {"population": "947\u202f952", "share": "0,5\u202f%", "foreign": "5\u202f145"},
    "ar": {"population": "947.952", "share": "0,5%", "foreign": "5.145"},
}
# What another language's format would look like: none of these may appear.
FOREIGN = {
    "en": ["947.952", "947\u202f952", "947\xa0952", "0,5"],
    "fr": ["947,952", "947.952", "947\xa0952", "0.5", "0,5%", "0,5\xa0%"],
    "ar": ["947,952", "947\u202f952", "0.5", "٪", "٫", "٬"],
}


def city_page(client, language, slug="tangier"):
    return client.get(url_in(CityPage.objects.get(slug_en=slug), language)).content.decode()


def parts(html):
    main = html.split("<main", 1)[1]
    found = {
        "text": main.split('class="rich-text"', 1)[1].split("</div>", 1)[0],
        "chart": main.split('<div class="figure-chart">', 1)[1].split("<table", 1)[0],
        "table": main.split('<table class="figures">', 1)[1].split("</table>", 1)[0],
    }
    # What a reader sees: the text, not the bars' drawing instructions.
    return {where: re.sub(r"<[^>]*>", " ", html) for where, html in found.items()}


@pytest.mark.parametrize("language", ("ar", "fr", "en"))
def test_a_city_page_writes_numbers_one_way_in_text_chart_and_table(client, language):
    found = parts(city_page(client, language))
    expected = FORMATS[language]
    for where, html in found.items():
        assert expected["population"] in html, where
        assert expected["share"] in html, where
        for wrong in FOREIGN[language]:
            assert wrong not in html, (where, wrong)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "35.78°\xa0N, 5.8°\xa0W"),
        ("fr", "35,78°\xa0N, 5,8°\xa0O"),
        # Each number behaves as in Arabic prose (an Arabic letter mark before it).
        ("ar", "\u061c35,78°\xa0شمالًا، \u061c5,8°\xa0غربًا"),
    ],
)
def test_coordinates_put_the_degree_sign_after_the_number_the_readers_way(
    client, language, expected
):
    assert expected in city_page(client, language)


def test_arabic_figures_keep_their_sign_where_arabic_prose_puts_it(client):
    """ "0,5%" alone in a cell and "حوالي 27%" after a word would put % on different sides:
    every Arabic figure carries the Arabic letter mark, as digits after Arabic words do."""
    html = city_page(client, "ar", "vienna")
    table = html.split('<table class="figures">', 1)[1].split("</table>", 1)[0]
    values = re.findall(r'<td class="figures__value">([^<]*)</td>', table)
    assert len(values) == 3
    assert all(re.search(r"\u061c\d", value) for value in values), values
    english = city_page(client, "en", "vienna")
    assert "\u061c" not in english


def test_a_small_head_count_gets_a_chart_of_its_own_scale(client):
    # 5,145 foreign residents beside 947,952 inhabitants would be a hairline.
    html = city_page(client, "en")
    chart = html.split('<div class="figure-chart">', 1)[1].split("<table", 1)[0]
    groups = chart.split('<figure class="figure-chart__group">')[1:]
    people = [group for group in groups if "Number of people" in group]
    assert len(people) == 2
    assert "947,952" in people[0] and "5,145" not in people[0]
    assert "5,145" in people[1]
    assert 'width="100.0"' in people[1]
    assert "scale from 0 to 947,952" in people[0]
    assert all("%" not in group for group in people)


def test_head_counts_of_one_order_share_a_chart(client):
    """Amman: 2.3 then 4.2 million inhabitants, more than 435,000 Syrians, more than
    300,000 Palestinians without a national number. No count is ten times smaller than the
    one before it: one chart, one scale, and the larger group never looks the smaller."""
    amman = CityPage.objects.get(slug_en="amman")
    counts = sorted(
        (figure for figure in amman.figures.all() if figure.unit == "people"),
        key=lambda figure: figure.value,
    )
    assert len(counts) == 4
    html = city_page(client, "en", "amman")
    chart = html.split('<div class="figure-chart">', 1)[1].split("<table", 1)[0]
    people = [
        group
        for group in chart.split('<figure class="figure-chart__group">')[1:]
        if "Number of people" in group
    ]
    assert len(people) == 1, "the head counts are split over several charts"
    lengths = [
        float(width)
        for width in re.findall(r'<rect class="figure-chart__fill" width="([\d.]+)"', people[0])
    ]
    assert lengths == sorted(lengths, reverse=True) and len(set(lengths)) == 4, lengths


def render_dates(language, start, end=None):
    with translation.override(language):
        template = Template('{% include "includes/dates.html" %}')
        return template.render(Context({"start": start, "end": end})).strip()


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("en", (2019, 6, 25), (2019, 6, 26), "25–26 June 2019"),
        ("fr", (2019, 6, 25), (2019, 6, 26), "25–26 juin 2019"),
        ("ar", (2019, 6, 25), (2019, 6, 26), "من 25 إلى 26 يونيو 2019"),
        ("en", (2019, 6, 30), (2019, 7, 2), "30 June – 2 July 2019"),
        ("fr", (2019, 6, 30), (2019, 7, 2), "30 juin – 2 juillet 2019"),
        ("ar", (2019, 6, 30), (2019, 7, 2), "من 30 يونيو إلى 2 يوليو 2019"),
        ("en", (2019, 12, 30), (2020, 1, 2), "30 December 2019 – 2 January 2020"),
        ("ar", (2019, 12, 30), (2020, 1, 2), "من 30 ديسمبر 2019 إلى 2 يناير 2020"),
        ("en", (2016, 10, 17), None, "17 October 2016"),
        ("fr", (2016, 10, 17), None, "17 octobre 2016"),
        ("ar", (2016, 10, 17), None, "17 أكتوبر 2016"),
    ],
)
def test_dates_and_ranges_are_written_the_readers_way(language, start, end, expected):
    end = datetime.date(*end) if end else None
    assert render_dates(language, datetime.date(*start), end) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "29 November 2026"), ("fr", "29 novembre 2026"), ("ar", "29 نوفمبر 2026")],
)
def test_single_dates_are_written_as_the_ranges_are(language, expected):
    """A publication's date ("Published …" on the home page) reads like a meeting's dates."""
    with translation.override(language):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2026, 11, 29)})
        )
    assert rendered == expected


def test_arabic_dates_use_no_latin_punctuation(client):
    meeting = PeerMeetingPage.objects.get(slug_en="sfax-2019")
    html = client.get(url_in(meeting, "ar")).content.decode()
    when = html.split("</dt>", 1)[1].split("</dd>", 1)[0]
    assert re.search(r"\d", when)
    assert not re.search(r"[,–\-]", when), when


def test_french_ui_strings_use_narrow_no_break_spaces_and_typographic_apostrophes():
    import polib

    catalogue = polib.pofile("locale/fr/LC_MESSAGES/django.po")
    for entry in catalogue.translated_entries():
        text = entry.msgstr
        assert not re.search(r"[ \xa0][:;!?](\s|$)", text), text
        assert "'" not in text, text


def test_french_pages_space_their_punctuation(client):
    meeting = PeerMeetingPage.objects.get(slug_en="lisbon-2016")
    html = client.get(url_in(meeting, "fr")).content.decode()
    assert "Lisbonne\u202f: cohésion sociale" in html
    assert not re.search(r"\w '\w|\w'\w", html.split("<main", 1)[1].split("</main>")[0])


def test_sorting_files_accented_letters_with_their_base_letter():
    words = ["Logement", "Éducation", "Emploi", "Droits", "échanges", "Zèbre"]
    assert sorted(words, key=collation_key) == [
        "Droits",
        "échanges",
        "Éducation",
        "Emploi",
        "Logement",
        "Zèbre",
    ]


def test_the_french_theme_filter_lists_education_among_the_e(client):
    from cities.models import CityIndexPage

    html = client.get(url_in(CityIndexPage.objects.get(), "fr")).content.decode()
    select = html.split('<select id="filter-theme"', 1)[1].split("</select>", 1)[0]
    labels = re.findall(r">([^<]+)</option>", select)[1:]
    assert labels == sorted(labels, key=collation_key)
    assert "Éducation" in labels
    assert labels.index("Éducation") < len(labels) - 1  # not pushed after the Z's


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "2020–2022"), ("fr", "2020–2022"), ("ar", "من 2020 إلى 2022")],
)
def test_periods_of_years_are_written_the_readers_way(language, expected):
    with translation.override(language):
        template = Template('{% include "includes/period.html" %}')
        assert template.render(Context({"start": 2020, "end": 2022})).strip() == expected
