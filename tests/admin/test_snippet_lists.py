"""The snippet lists staff browse: values in words, in the admin's language."""

import pytest
from django.urls import reverse

from mc2cm_portal.models import Publication
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
PUBLICATIONS = reverse("wagtailsnippets_mc2cm_portal_publication:list")


def listing(html):
    start = html.find('<table class="listing')
    return html[start : html.find("</table>", start)]


def test_the_publication_list_says_who_can_download_in_words():
    # Who can download is derived from where the files are kept (their collections).
    publications = list(Publication.objects.filter(kind="toolkit"))
    assert any(pub.partners_only for pub in publications)
    assert not all(pub.partners_only for pub in publications)
    editor = staff_client("edna", "Editors")
    table = listing(editor.get(PUBLICATIONS, {"kind": "toolkit"}).content.decode())
    assert "Who can download" in table
    assert "Partners only" in table and "Everyone" in table
    assert "True" not in table and "False" not in table


def test_the_words_are_translated():
    from wagtail.users.models import UserProfile

    editor = staff_client("edna", "Editors")
    UserProfile.objects.update_or_create(user=editor.user, defaults={"preferred_language": "fr"})
    table = listing(editor.get(PUBLICATIONS, {"kind": "toolkit"}).content.decode())
    assert "Réservé aux partenaires" in table and "Tout le monde" in table


@pytest.mark.parametrize(
    ("language", "heading", "draft", "live"),
    [("en", "Status", "draft", "live"), ("fr", "Statut", "brouillon", "publiée")],
)
def test_a_never_published_publication_stands_out_in_the_list(language, heading, draft, live):
    from wagtail.users.models import UserProfile

    Publication.objects.create(kind="toolkit", year=2026, title_en="Unreleased guide", live=False)
    editor = staff_client("edna", "Editors")
    UserProfile.objects.update_or_create(
        user=editor.user, defaults={"preferred_language": language}
    )
    table = listing(editor.get(PUBLICATIONS, {"kind": "toolkit"}).content.decode())
    assert f">{heading}<" in "".join(table.split())
    row = table[table.index("Unreleased guide") :]
    row = row[: row.index("</tr>")]
    assert draft in row.lower()
    assert live in table.replace(row, "").lower()
    # Staff can list only what is not published yet.
    unpublished = listing(editor.get(PUBLICATIONS, {"live": "false"}).content.decode())
    assert "Unreleased guide" in unpublished
    assert "Unreleased guide" not in listing(
        editor.get(PUBLICATIONS, {"live": "true"}).content.decode()
    )
