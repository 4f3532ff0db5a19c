"""A change to a partner, theme or publication can be scheduled, like a page's.

Wagtail offers the "Set schedule" dialog on a snippet only when its panels include
``PublishingPanel``. Through the admin's own snippet views: a Moderator schedules a renamed
partner for next week; visitors keep the live name until ``publish_scheduled`` runs after
that time.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Revision

from mc2cm_portal.models import Partner, Publication, Theme
from tests import LANGUAGES
from tests.staff import edit_snippet, schedule_reached, snippet_url

pytestmark = pytest.mark.django_db
NEW_NAME = {
    "ar": "شبكة المدن المتوسطية للاستقبال",
    "fr": "Réseau méditerranéen des villes accueillantes",
    "en": "Mediterranean Welcoming Cities Network",
}


@pytest.mark.parametrize("model", [Partner, Theme, Publication])
def test_every_reviewed_snippet_offers_the_schedule(model, moderator):
    obj = model.objects.filter(live=True).order_by("pk").first()
    page = moderator.get(snippet_url("edit", obj)).content.decode()
    assert 'name="go_live_at"' in page
    assert 'name="expire_at"' in page


def test_a_partners_new_name_waits_for_its_scheduled_time(client, moderator):
    partner = Partner.objects.filter(live=True).order_by("sort_order").first()
    live_name = partner.name_en
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=7))
    changes = {f"name_{language}": NEW_NAME[language] for language in LANGUAGES}
    changes["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")

    edit_snippet(moderator, partner, changes, **{"action-publish": "action-publish"})

    partner.refresh_from_db()
    assert partner.name_en == live_name
    revision = Revision.objects.for_instance(partner).get(approved_go_live_at__isnull=False)
    assert escape(NEW_NAME["en"]) not in client.get("/en/").content.decode()
    call_command("publish_scheduled")  # too early: nothing happens
    partner.refresh_from_db()
    assert partner.name_en == live_name

    schedule_reached(revision)  # the week has passed
    call_command("publish_scheduled")

    partner.refresh_from_db()
    assert partner.name_en == NEW_NAME["en"]
    assert partner.name_ar == NEW_NAME["ar"]
