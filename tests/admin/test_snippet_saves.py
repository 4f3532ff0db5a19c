"""One press of "Save draft" on a snippet is one save: one new object on the add form, one
new revision on the add and the edit forms, for an Editor and for a Moderator (who may
publish). Through the admin's own snippet views, with the commit callbacks run as a real
request's commit would run them.
"""

import pytest
from django.test import TestCase
from wagtail.models import Revision

from mc2cm_portal.models import Partner, Publication
from tests.staff import form_data, snippet_url, staff_client

pytestmark = pytest.mark.django_db

NEW = {
    Partner: {
        "name_ar": "الشبكة المتوسطية للمدن",
        "name_fr": "Réseau méditerranéen des villes",
        "name_en": "Mediterranean Cities Network",
        "role": "implementing",
        "website": "https://cities.example.org/",
        "sort_order": "9",
    },
    Publication: {
        "title_ar": "دليل استقبال المهاجرين",
        "title_fr": "Guide de l'accueil des personnes migrantes",
        "title_en": "Guide to welcoming migrants",
        "kind": "toolkit",
        "year": "2026",
    },
}


def revisions_of(obj):
    return Revision.objects.for_instance(obj)


def save(client, url, changes):
    """Post the form at ``url`` once, as its "Save draft" button does."""
    data = {**form_data(client, url), **changes}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return response


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
@pytest.mark.parametrize("model", [Partner, Publication], ids=["partner", "publication"])
def test_one_save_on_the_add_form_makes_one_snippet_with_one_revision(model, group):
    client = staff_client("sam", group)
    before = set(model.objects.values_list("pk", flat=True))

    save(client, snippet_url("add", model), NEW[model])

    (created,) = model.objects.exclude(pk__in=before)
    assert revisions_of(created).count() == 1
    assert created.latest_revision == revisions_of(created).get()


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
@pytest.mark.parametrize("model", [Partner, Publication], ids=["partner", "publication"])
def test_one_save_on_the_edit_form_adds_one_revision_and_no_snippet(model, group):
    client = staff_client("sam", group)
    snippet = model.objects.filter(live=True).first()
    field = "name_fr" if model is Partner else "title_fr"
    objects, revisions = model.objects.count(), revisions_of(snippet).count()

    save(client, snippet_url("edit", snippet), {field: "Nouveau nom, une seule fois"})

    assert model.objects.count() == objects
    assert revisions_of(snippet).count() == revisions + 1
    snippet.refresh_from_db()
    latest = snippet.latest_revision.as_object()
    assert getattr(latest, field) == "Nouveau nom, une seule fois"
