"""Section pages list their children a page at a time and cope with odd page numbers."""

import pytest
from django.utils.html import escape

from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def test_peer_meetings_are_listed_newest_first(client):
    index = PeerMeetingIndexPage.objects.get()
    html = client.get(url_in(index, "en")).content.decode()
    positions = [
        html.index(escape(meeting.title_en))
        for meeting in PeerMeetingPage.objects.order_by("-start_date")
    ]
    assert positions == sorted(positions)


def test_long_lists_paginate(client, monkeypatch):
    monkeypatch.setattr(PeerMeetingIndexPage, "per_page", 4)
    index = PeerMeetingIndexPage.objects.get()
    url = url_in(index, "fr")
    meetings = list(PeerMeetingPage.objects.order_by("-start_date"))
    first = client.get(url).content.decode()
    assert escape(meetings[0].title_fr) in first
    assert escape(meetings[4].title_fr) not in first
    assert 'rel="next"' in first
    second = client.get(url + "?page=2").content.decode()
    assert escape(meetings[4].title_fr) in second
    assert "Page 2 sur 3" in second


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1e9", "%00", "2" * 400])
def test_odd_page_numbers_still_show_a_page(client, page):
    index = PeerMeetingIndexPage.objects.get()
    response = client.get(url_in(index, "ar"), {"page": page})
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def test_list_introductions_count_only_what_the_list_shows(client):
    """No "Five cities…" above three projects: a number in a list's introduction is the
    number of things listed (or there is none)."""
    import re

    from cities.models import CityIndexPage
    from mc2cm_portal.models.pages import SectionIndexPage
    from tests.pages import page_models

    listings = [CityIndexPage.objects.get()] + [
        model.objects.get() for model in page_models() if issubclass(model, SectionIndexPage)
    ]
    for page in listings:
        html = client.get(url_in(page, "en")).content.decode()
        count = html.split("<main", 1)[1].count('<li class="card')
        for word, number in NUMBER_WORDS.items():
            if re.search(rf"\b{word}\b", page.intro_en, re.IGNORECASE):
                assert number == count, (page.title, word, count)
        for digits in re.findall(r"\b\d{1,2}\b", page.intro_en):
            assert int(digits) == count, (page.title, digits, count)
