"""A peer meeting as a record: agenda, participating cities, outcomes and documents,
edited by staff in three languages and shown on the meeting page."""

import datetime
import re

import pytest
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cities.models import CityPage
from dialogue.models import PeerMeetingPage
from tests.admin_forms import admin_form_data, stream_form_data
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def test_the_demo_meeting_shows_its_outcomes_and_no_invented_agenda(client):
    beirut = PeerMeetingPage.objects.get(slug_en="beirut-2017")
    for language, words in (
        ("en", "policy recommendations"),
        ("fr", "recommandations politiques"),
        ("ar", "توصيات المشروع"),
    ):
        html = client.get(url_in(beirut, language)).content.decode()
        outcomes = html.split('id="outcomes-heading"', 1)[1].split("</section>", 1)[0]
        assert words in outcomes
        # The sources give no programme: no agenda is shown rather than an invented one.
        assert 'id="agenda-heading"' not in html


def test_staff_write_an_agenda_and_outcomes_in_three_languages(admin_client, client):
    meeting = PeerMeetingPage.objects.get(slug_en="sfax-2019")
    tunis = CityPage.objects.get(slug_en="tunis")
    url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    page = admin_client.get(url).content.decode()
    data = admin_form_data(page, form_id="page-edit-form")
    data.update(stream_form_data(meeting))
    entries = {
        "en": ("Welcome by the City of Sfax", "A shared roadmap", "25 June 2019, 09:30"),
        "fr": (
            "Accueil par la Ville de Sfax",
            "Une feuille de route commune",
            "25 juin 2019, 09:30",
        ),
        "ar": ("كلمة ترحيب من بلدية صفاقس", "خارطة طريق مشتركة", "25 يونيو 2019، 09:30"),
    }
    stream = {}
    for language, (topic, outcome, _when) in entries.items():
        item = {"day": "2019-06-25", "time": "09:30", "topic": topic, "details": ""}
        stream[f"agenda_{language}"] = streamfield([("item", item)])
        data[f"outcomes_{language}"] = rich_text(f"<p>{outcome}</p>")
    data.update(nested_form_data(stream))
    data["participating_cities"] = [str(tunis.pk)]
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors

    for language, (topic, outcome, when) in entries.items():
        html = client.get(url_in(meeting, language)).content.decode()
        agenda = html.split('id="agenda-heading"', 1)[1].split("</section>", 1)[0]
        assert topic in agenda
        assert when in re.sub(r"</?time[^>]*>", "", agenda)
        assert outcome in html.split('id="outcomes-heading"', 1)[1]
        assert url_in(tunis, language) in html.split("</dl>", 1)[0]


def test_a_meeting_documents_title_does_not_repeat_the_year(client):
    meeting = PeerMeetingPage.objects.get(slug_en="lisbon-2016")
    html = client.get(url_in(meeting, "en")).content.decode()
    documents = html.split('id="documents-heading"', 1)[1]
    assert "Peer meeting in Lisbon, 2016</span></h3>" in documents
    assert "2016 (2016)" not in documents
    assert "(2016)" not in documents.split("</section>")[0]


def test_an_agenda_is_a_stream_of_items_in_order():
    meeting = PeerMeetingPage.objects.get(slug_en="sfax-2019")
    meeting.agenda_en = [
        ("item", {"topic": "Second", "time": datetime.time(11)}),
        ("item", {"topic": "First", "time": datetime.time(9)}),
    ]
    meeting.save()
    meeting.refresh_from_db()
    assert isinstance(meeting.agenda_en, StreamValue)
    assert [block.value["topic"] for block in meeting.agenda_en] == ["Second", "First"]
