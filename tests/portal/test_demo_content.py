"""The demo content: idempotent, ten cities, every demo page complete in three languages."""

import io

import pytest
from django.core.management import call_command
from modeltranslation.translator import translator
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from cities.models import CityFigure, CityPage
from mc2cm_portal.models import Partner, Publication, PublicationFile, Theme

pytestmark = pytest.mark.django_db
LANGUAGES = ("ar", "fr", "en")


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            CityPage,
            CityFigure,
            Theme,
            Partner,
            Publication,
            PublicationFile,
            Revision,
            get_document_model(),
        )
    }


def test_loading_twice_changes_and_duplicates_nothing():
    before = counts()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "(0 objects created, 0 files written" in out.getvalue()
    assert counts() == before


def test_loading_again_keeps_an_editors_changes():
    tangier = CityPage.objects.get(slug_en="tangier")
    tangier.title_fr = "Tanger (modifié)"
    tangier.save()
    call_command("load_demo_content", stdout=io.StringIO())
    assert CityPage.objects.get(pk=tangier.pk).title_fr == "Tanger (modifié)"


def test_ten_cities_nine_founders_and_sfax():
    cities = CityPage.objects.live()
    assert cities.count() == 10
    assert sorted(c.member_since for c in cities) == [2015] * 9 + [2018]
    assert {c.region for c in cities} == {"europe", "south_mediterranean"}
    assert cities.filter(region="europe").count() == 5


def test_every_demo_page_and_snippet_is_complete_in_three_languages():
    gaps = []
    for page in Page.objects.filter(depth__gt=1).specific():
        gaps += _gaps(page)
    for model in (Theme, Partner, Publication, CityFigure):
        for obj in model.objects.all():
            gaps += _gaps(obj)
    assert gaps == []


def _gaps(obj):
    """Fields filled in English but empty in another language."""
    options = translator.get_options_for_model(type(obj))
    gaps = []
    for name in options.all_fields:
        if name in ("seo_title", "search_description"):
            continue
        english = getattr(obj, f"{name}_en")
        if not english:
            continue
        for language in ("ar", "fr"):
            if not getattr(obj, f"{name}_{language}"):
                gaps.append(f"{type(obj).__name__} {obj.pk} {name}_{language}")
    return gaps


def test_figures_carry_source_and_year():
    figures = CityFigure.objects.all()
    assert figures.count() >= 10
    for figure in figures:
        assert figure.year and figure.source_en and figure.source_ar and figure.source_fr
    # Unknown facts stay empty: no figure is invented for Beirut or Sfax.
    assert not figures.filter(city__slug_en__in=["beirut", "sfax"]).exists()


def test_demo_pages_are_simply_live_in_the_admin_explorer():
    """Loaded pages are published, not "live + draft" as if changes were waiting for review."""
    from django.urls import reverse

    from tests.staff import staff_client

    assert not Page.objects.filter(depth__gt=1, has_unpublished_changes=True).exists()
    assert not Page.objects.filter(depth__gt=1, live_revision__isnull=True).exists()
    editor = staff_client("edna", "Editors")
    city_index = CityPage.objects.first().get_parent()
    html = editor.get(reverse("wagtailadmin_explore", args=[city_index.pk])).content.decode()
    assert "live + draft" not in html
    assert html.count("Tangier") >= 1
