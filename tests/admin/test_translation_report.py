"""The translation status report: what is missing in which language, for staff only."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from action.models import ToolkitIndexPage, ToolkitPage
from cities.models import CityPage
from mc2cm_portal.models import Theme
from tests.factories import add_page, tr
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
REPORT = reverse("mc2cm_translation_status")


@pytest.fixture
def gaps():
    """Tangier without its French title and portrait; a theme without its Arabic name."""
    city = CityPage.objects.get(slug_en="tangier")
    CityPage.objects.filter(pk=city.pk).update(title_fr="", portrait_fr="<p></p>")
    theme = Theme.objects.order_by("slug").first()
    Theme.objects.filter(pk=theme.pk).update(name_ar="  ")
    return city, theme


def rows(html):
    """The report table's rows (the admin page holds other tables, e.g. keyboard shortcuts)."""
    start = html.find('<table class="listing')
    if start == -1:
        return []
    table = html[start : html.find("</table>", start)]
    return table[table.find("<tbody") :].split("<tr")[1:]


def row_for(html, text):
    matches = [row for row in rows(html) if text in row]
    return matches[0] if matches else None


def test_the_demo_content_is_fully_translated(editor):
    response = editor.get(REPORT)
    assert response.status_code == 200
    assert rows(response.content.decode()) == []


def test_a_page_missing_french_is_listed_with_its_fields(editor, gaps):
    city, _theme = gaps
    html = editor.get(REPORT, {"language": "fr"}).content.decode()
    row = row_for(html, reverse("wagtailadmin_pages:edit", args=[city.pk]))
    assert row is not None
    assert "title, portrait" in row
    assert "City" in row

    html = editor.get(REPORT, {"language": "ar"}).content.decode()
    assert row_for(html, reverse("wagtailadmin_pages:edit", args=[city.pk])) is None


def test_a_snippet_with_an_empty_arabic_name_is_listed(editor, gaps):
    _city, theme = gaps
    edit = reverse("wagtailsnippets_mc2cm_portal_theme:edit", args=[theme.pk])
    html = editor.get(REPORT, {"language": "ar", "content_type": "mc2cm_portal.theme"}).content
    row = row_for(html.decode(), edit)
    assert row is not None and "name" in row
    # Filtering by another type leaves it out.
    html = editor.get(REPORT, {"content_type": "cities.citypage"}).content.decode()
    assert row_for(html, edit) is None


def test_the_export_is_a_csv_of_the_same_rows(editor, gaps):
    city, theme = gaps
    response = editor.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    table = list(csv.DictReader(io.StringIO(text)))
    by_title = {row["Title"]: row for row in table}
    assert by_title["Tangier"]["Missing in French"] == "title, portrait"
    assert by_title["Tangier"]["Missing in Arabic"] == ""
    assert by_title["Tangier"]["Edit link"].endswith(f"/admin/pages/{city.pk}/edit/")
    assert by_title[theme.name_en]["Missing in Arabic"] == "name"
    assert len(table) == 2
    assert editor.get(REPORT, {"export": "xlsx"}).status_code == 200


def test_bad_filter_values_do_not_break_the_report(editor, gaps):
    for params in ({"language": "de"}, {"content_type": "auth.user"}, {"p": "999"}):
        assert editor.get(REPORT, params).status_code == 200


def test_query_count_does_not_grow_with_the_pages(editor, gaps):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(REPORT, {"language": "fr"}).status_code == 200
        return len(captured)

    queries()  # the site and its home page are then cached (mc2cm_portal/caching/navigation.py)
    before = queries()
    index = ToolkitIndexPage.objects.get()
    for number in range(20):
        add_page(
            index,
            ToolkitPage,
            f"Untranslated toolkit {number}",
            ar=f"دليل {number}",
            **tr("audience", "City staff", "موظفو المدينة", "Personnel municipal"),
            **tr("summary", "A summary.", "ملخص.", "Un résumé."),
        )
    html = editor.get(REPORT, {"language": "fr"}).content.decode()
    assert "Untranslated toolkit 19" in html
    assert queries() == before


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_find_it_in_the_reports_menu(group):
    staff = staff_client("someone", group)
    assert REPORT in staff.get("/admin/").content.decode()
    assert staff.get(REPORT).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def admin_language(client, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(client.user)
    profile.preferred_language = language
    profile.save()


def test_a_draft_with_french_emptied_is_reported_as_a_draft(editor):
    """Saved as a draft through the edit form: the published version is still complete."""
    from tests.staff import edit_form, post_edit

    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(editor, city)
    data["title_fr"] = ""
    data["figures-0-label_fr"] = ""
    response = post_edit(editor, city, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CityPage.objects.get(pk=city.pk).title_fr == "Tanger"  # still published in full

    html = editor.get(REPORT, {"language": "fr"}).content.decode()
    page_rows = [row for row in rows(html) if "Tangier" in row and "Tangier –" not in row]
    assert len(page_rows) == 1
    assert "Draft" in page_rows[0]
    assert re.search(r">\s*title\s*<", page_rows[0])
    figure_row = row_for(html, "Tangier – Population")
    assert figure_row is not None and "Draft" in figure_row and "what is counted" in figure_row


def test_a_published_gap_is_reported_as_published(editor, gaps):
    html = editor.get(REPORT, {"language": "fr"}).content.decode()
    row = row_for(html, reverse("wagtailadmin_pages:edit", args=[gaps[0].pk]))
    assert "Published" in row and "Draft" not in row


@pytest.mark.parametrize(("language", "shown"), [("en", "947,952"), ("fr", "947\u202f952")])
def test_figures_are_written_as_staff_type_them(editor, language, shown):
    from cities.models import CityFigure

    figure = CityFigure.objects.get(city__slug_en="tangier", label_en="Population")
    CityFigure.objects.filter(pk=figure.pk).update(source_fr="")
    admin_language(editor, language)
    html = editor.get(REPORT).content.decode()
    assert "947952.00" not in html
    row = row_for(html, "947")
    assert row is not None
    assert shown in row.replace("&nbsp;", "\u00a0").replace("\u00a0", "\u202f")
