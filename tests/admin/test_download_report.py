"""The admin's download report: counts per document and file language, for staff only."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mc2cm_portal.access.documents import PARTNERS_GROUP
from mc2cm_portal.models import DocumentDownload, PublicationFile
from tests.threads import committed, started

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/downloads/"


@pytest.fixture
def editor(client, django_user_model):
    """Admin access and nothing else: what every Editor and Moderator has."""
    user = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def download(client, file, times=1):
    for _ in range(times):
        response = client.get(file.document.url)
        assert response.status_code == 200
        b"".join(response.streaming_content)


def public_files():
    return PublicationFile.objects.filter(document__collection__name="Public").select_related(
        "publication", "document"
    )


def test_downloads_appear_in_the_report_most_downloaded_first(client, editor):
    popular, quiet = public_files().filter(language="fr")[:2]
    download(client, popular, 3)
    download(client, quiet, 1)
    html = editor.get(REPORT).content.decode()
    assert popular.document.title in html and quiet.document.title in html
    assert html.index(popular.document.title) < html.index(quiet.document.title)
    assert str(popular.publication) in html
    reverse = editor.get(REPORT, {"ordering": "downloads"}).content.decode()
    assert reverse.index(quiet.document.title) < reverse.index(popular.document.title)


def test_the_report_filters_by_language_and_kind(client, editor):
    french = public_files().filter(language="fr").first()
    # Of another kind, so that each filter has something to leave out.
    arabic = (
        public_files()
        .filter(language="ar")
        .exclude(publication__kind=french.publication.kind)
        .first()
    )
    download(client, french)
    download(client, arabic)
    html = editor.get(REPORT, {"language": "fr"}).content.decode()
    assert french.document.title in html and arabic.document.title not in html
    kind = editor.get(REPORT, {"kind": arabic.publication.kind}).content.decode()
    assert arabic.document.title in kind
    assert french.document.title not in kind
    assert editor.get(REPORT, {"language": "xx", "ordering": "nonsense"}).status_code == 200


def test_the_report_exports_a_spreadsheet(client, editor):
    file = public_files().first()
    download(client, file, 2)
    response = editor.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Publication",
        "Kind",
        "File language",
        "Document",
        "Downloads",
        "Last download",
    ]
    row = next(row for row in rows if row[3] == file.document.title)
    assert row[0] == str(file.publication) and row[4] == "2"
    xlsx = editor.get(REPORT, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_the_report_is_in_the_reports_menu_for_editors(editor):
    html = editor.get("/admin/").content.decode()
    assert REPORT in html


def test_visitors_and_partners_never_see_the_report(client, django_user_model):
    assert client.get(REPORT).status_code == 302  # to the admin login
    partner = django_user_model.objects.create_user("amina", "a@example.org", "pw")
    partner.groups.add(Group.objects.get(name=PARTNERS_GROUP))
    client.force_login(partner)
    response = client.get(REPORT)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_reports_query_count_does_not_grow_with_rows(client, editor):
    files = list(public_files()[:12])
    download(client, files[0])
    download(client, files[1])
    with CaptureQueriesContext(connection) as few:
        assert editor.get(REPORT).status_code == 200
    for file in files[2:]:
        download(client, file)
    assert DocumentDownload.objects.count() == 12
    with CaptureQueriesContext(connection) as many:
        assert editor.get(REPORT).status_code == 200
    assert len(many) == len(few)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
def test_simultaneous_downloads_lose_no_count():
    """Eight connections count the same file at once, the first download included."""
    import threading

    file = public_files().first()
    workers, each = 8, 25
    start = threading.Barrier(workers)

    def count():
        start.wait()
        for _ in range(each):
            DocumentDownload.count(file.document_id, file.language, file)

    for work in [started(count) for _ in range(workers)]:
        work.result()
    # Read on another connection: the test's own transaction would not see the threads' rows.
    counters = DocumentDownload.objects.filter(document=file.document, language=file.language)
    try:
        assert committed(lambda: list(counters.values_list("downloads", flat=True))) == [
            workers * each
        ]
    finally:
        committed(lambda: counters.delete())
