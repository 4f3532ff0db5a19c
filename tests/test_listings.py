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
