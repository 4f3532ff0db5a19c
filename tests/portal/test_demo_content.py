"""The demo content: idempotent, ten cities, every demo page complete in three languages."""

import hashlib
import io
import os
import secrets
import subprocess
import sys
import tomllib

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from modeltranslation.translator import translator
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from cities.models import CityFigure, CityPage
from mc2cm_portal.models import Partner, Publication, PublicationFile, Theme
from tests import LANGUAGES, ROOT

pytestmark = pytest.mark.django_db
# The documented development accounts (README, create_dev_accounts).
DEV_ACCOUNTS = {
    "admin": "mc2cm-admin",
    "editor": "mc2cm-editor",
    "moderator": "mc2cm-moderator",
    "partner": "mc2cm-partner",
}


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
    assert "Cities: up to date" in out.getvalue()  # short progress, one line per section
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


def test_every_figure_in_the_data_files_names_its_source_in_three_languages():
    content = ROOT / "mc2cm_portal/demo/content"
    with (content / "cities.toml").open("rb") as file:
        cities = tomllib.load(file)["cities"]
    figures = [figure for city in cities for figure in city.get("figures", [])]
    assert len(figures) == CityFigure.objects.count()
    for figure in figures:
        assert figure["year"] and all(figure["source"][lang] for lang in LANGUAGES), figure


def test_demo_files_record_their_size_and_hash_as_an_upload_does():
    documents = get_document_model().objects.all()
    assert documents.count() >= 100
    for document in documents:
        with document.open_file() as handle:
            data = handle.read()
        assert document.file_size == len(data)
        assert document.file_hash == hashlib.sha1(data, usedforsecurity=False).hexdigest()


def test_dev_accounts_refused_with_debug_off_then_created_once(client, settings):
    user_model = get_user_model()
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_dev_accounts", stdout=io.StringIO())
    assert not user_model.objects.filter(username__in=["admin", "editor", "moderator"]).exists()

    settings.DEBUG = True
    call_command("create_dev_accounts", stdout=io.StringIO())
    out = io.StringIO()
    call_command("create_dev_accounts", stdout=out)  # twice is harmless
    assert "Created" not in out.getvalue()
    groups = {
        user.username: sorted(user.groups.values_list("name", flat=True))
        for user in user_model.objects.filter(username__in=DEV_ACCOUNTS)
    }
    assert groups == {
        "admin": [],
        "editor": ["Editors"],
        "moderator": ["Moderators"],
        "partner": ["Partners"],
    }
    for username in ("admin", "editor", "moderator"):
        client.logout()
        response = client.post(
            reverse("wagtailadmin_login"),
            {"username": username, "password": DEV_ACCOUNTS[username]},
        )
        assert response.status_code == 302, username
        assert client.get(reverse("wagtailadmin_home")).status_code == 200, username


def test_production_settings_do_not_install_the_demo():
    """Under the production settings the demo commands do not exist; under dev they do."""
    root = ROOT
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    # The commands `manage.py help` lists, once the settings have loaded (setup() raises
    # if they refuse to, where `help` would quietly list Django's own commands only).
    list_commands = (
        "import django; django.setup(); from django.core.management import get_commands; "
        "print(*get_commands())"
    )
    commands = {}
    for name in ("production", "dev"):
        env.update(
            DJANGO_SETTINGS_MODULE=f"mc2cm_portal.settings.{name}",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="mc2cm.example",
            DJANGO_PUBLIC_URL="https://mc2cm.example",
            DJANGO_TRUSTED_PROXY_COUNT="1",
        )
        result = subprocess.run(
            [sys.executable, "-c", list_commands],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        commands[name] = set(result.stdout.split())
    assert "migrate" in commands["production"]
    assert {"load_demo_content", "create_dev_accounts"} <= commands["dev"]
    assert not {"load_demo_content", "create_dev_accounts"} & commands["production"]


def test_no_city_is_given_another_citys_priority_areas():
    """Which priority areas each city chose is not in the sources (facts.md names the
    framework's four, not each city's): the demo claims none rather than the same list for
    every city, which visitors read as each city's own choice."""
    from knowledge.models import PriorityDocumentPage

    claimed = [
        page.priority_areas_en
        for page in PriorityDocumentPage.objects.live()
        if (page.priority_areas_en or "").strip()
    ]
    assert len(claimed) == len(set(claimed)), claimed
