"""Section pages list their children a page at a time and cope with odd page numbers."""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape

from dialogue.models import PeerMeetingIndexPage, PeerMeetingPage
from tests.factories import add_meeting
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def past_meetings_newest_first():
    today = timezone.localdate()
    ended = Q(end_date__lt=today) | Q(end_date=None, start_date__lt=today)
    return PeerMeetingPage.objects.filter(ended).order_by("-start_date")


def test_upcoming_meetings_come_first_soonest_first_then_past_ones_newest_first(client):
    """Dates relative to today, so the test means the same next year as this one."""
    index = PeerMeetingIndexPage.objects.get()
    later = add_meeting(index, "Meeting in two months", days_from_today(60))
    soon = add_meeting(index, "Meeting next week", days_from_today(7))
    under_way = add_meeting(
        index, "Meeting under way", days_from_today(-1), end_date=days_from_today(1)
    )
    recent = add_meeting(index, "Meeting last month", days_from_today(-30))
    old = add_meeting(index, "Meeting two years ago", days_from_today(-730))
    html = client.get(url_in(index, "en")).content.decode()

    def position(text):
        return html.index(escape(text))

    upcoming = [under_way, soon, later]
    past = list(past_meetings_newest_first())
    assert recent in past and old in past
    assert position("Upcoming meetings") < min(position(m.title_en) for m in upcoming)
    assert [position(m.title_en) for m in upcoming] == sorted(
        position(m.title_en) for m in upcoming
    )
    assert max(position(m.title_en) for m in upcoming) < position("Past meetings")
    assert position("Past meetings") < min(position(m.title_en) for m in past)
    assert [position(m.title_en) for m in past] == sorted(position(m.title_en) for m in past)


def test_no_upcoming_heading_when_every_meeting_is_past(client):
    index = PeerMeetingIndexPage.objects.get()
    PeerMeetingPage.objects.filter(start_date__gte=timezone.localdate()).delete()
    PeerMeetingPage.objects.filter(end_date__gte=timezone.localdate()).delete()
    add_meeting(index, "Meeting last month", days_from_today(-30))
    html = client.get(url_in(index, "en")).content.decode()
    assert "Upcoming meetings" not in html
    assert escape("Meeting last month") in html.split("Past meetings", 1)[1]


def test_long_lists_paginate(client, monkeypatch):
    monkeypatch.setattr(PeerMeetingIndexPage, "per_page", 4)
    index = PeerMeetingIndexPage.objects.get()
    for weeks in range(1, 10):  # two pages of four and more, whatever the demo holds
        add_meeting(index, f"Meeting {weeks} weeks ago", days_from_today(-7 * weeks))
    url = url_in(index, "fr")
    meetings = list(past_meetings_newest_first())
    first = client.get(url).content.decode()
    assert escape(meetings[0].title_fr) in first
    assert escape(meetings[4].title_fr) not in first
    assert 'rel="next"' in first
    second = client.get(url + "?page=2").content.decode()
    assert escape(meetings[4].title_fr) in second
    pages = -(-len(meetings) // 4)  # rounded up
    assert f"Page 2 sur {pages}" in second


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
