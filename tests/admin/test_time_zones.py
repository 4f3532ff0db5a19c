"""Staff in Tunis, Beirut and Lyon schedule pages in their own time, and see which zone a
time is in."""

import datetime
import html
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from cities.models import CityPage
from tests.staff import edit_form, edit_url, post_edit, staff_client

pytestmark = pytest.mark.django_db


def in_zone(client, zone):
    profile = UserProfile.get_for_user(client.user)
    profile.current_time_zone = zone
    profile.save()


def test_the_dev_editor_and_moderator_work_in_tunis_and_beirut(django_user_model):
    with override_settings(DEBUG=True):
        call_command("create_dev_accounts", stdout=__import__("io").StringIO())
    zones = {
        user.username: UserProfile.get_for_user(user).current_time_zone
        for user in django_user_model.objects.filter(username__in=["editor", "moderator"])
    }
    assert zones == {"editor": "Africa/Tunis", "moderator": "Asia/Beirut"}


def test_staff_choose_among_the_offices_time_zones():
    editor = staff_client("edna", "Editors")
    html = editor.get(reverse("wagtailadmin_account")).content.decode()
    for zone in ("Africa/Tunis", "Asia/Beirut", "Europe/Paris"):
        assert f'value="{zone}"' in html
    assert 'value="America/New_York"' not in html


def test_a_go_live_time_is_read_and_shown_in_each_persons_zone():
    editor = staff_client("edna", "Editors")
    in_zone(editor, "Africa/Tunis")
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(editor, city)
    data["go_live_at"] = "2030-12-02 10:00"
    assert post_edit(editor, city, data).status_code == 302
    draft = CityPage.objects.get(pk=city.pk).get_latest_revision_as_object()
    # Typed in Tunis (UTC+1): 09:00 UTC.
    assert draft.go_live_at == datetime.datetime(2030, 12, 2, 9, 0, tzinfo=datetime.UTC)

    shown = editor.get(edit_url(city)).content.decode()
    assert re.search(r"Go-live:</span>\s*2 December 2030, 10 a\.m\. CET", shown)

    moderator = staff_client("mona", "Moderators")
    in_zone(moderator, "Asia/Beirut")
    shown = moderator.get(edit_url(city)).content.decode()
    assert re.search(r"Go-live:</span>\s*2 December 2030, 11 a\.m\. EET", shown)


def go_live_help(client, url):
    """What the go-live input of the "Set schedule" dialog says about itself (its
    ``aria-describedby``: what a screen reader reads, shown under the input)."""
    page = client.get(url).content.decode()
    field = re.search(r'<input[^>]*name="go_live_at"[^>]*>', page)[0]
    help_id = re.search(r'aria-describedby="([^"]+)"', field)[1]
    help_element = re.search(rf'id="{help_id}"[^>]*>(.*?)</div>\s*</div>', page, re.S)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", help_element)).split())


@pytest.mark.parametrize(
    ("language", "zone", "note"),
    [
        ("en", "Africa/Tunis", "Times are in Africa/Tunis (your account's time zone)."),
        (
            "fr",
            "Europe/Paris",
            "Les heures sont celles du fuseau Europe/Paris (celui de votre compte).",
        ),
        ("ar", "Asia/Beirut", "الأوقات بتوقيت Asia/Beirut (المنطقة الزمنية المختارة في حسابك)."),
    ],
)
def test_the_schedule_dialog_says_which_time_zone_times_are_in(language, zone, note):
    editor = staff_client("edna", "Editors")
    in_zone(editor, zone)
    profile = UserProfile.get_for_user(editor.user)
    profile.preferred_language = language
    profile.save()
    city = CityPage.objects.get(slug_en="tangier")
    assert note in go_live_help(editor, edit_url(city))


def test_staff_without_a_time_zone_are_told_where_to_choose_one():
    editor = staff_client("edna", "Editors")
    city = CityPage.objects.get(slug_en="tangier")
    assert (
        "Times are in UTC. To work in your own time zone, choose it in your account."
        in go_live_help(editor, edit_url(city))
    )
