"""Staff run the portal through the real admin, in Chromium: the dev Editor adds a city with its
key figures (typed the French and the Arabic way), its migration profile and priority document
with a publication of three PDFs; the dev Moderator previews each language, requests changes,
approves and publishes; the city then shows on every list, the map, search and the sitemap; its
French and Arabic slugs change and the old addresses redirect.

One journey, in steps that build on each other (module-scoped pages, tests in file order).
"""

import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from mc2cm_portal.demo.pdf import make_pdf
from tests import LANGUAGES
from tests.servers import get

from .conftest import portal_manage

pytestmark = pytest.mark.browser

CITY = {
    "title": {"ar": "سوسة", "fr": "Sousse", "en": "Sousse"},
    "slug": {"ar": "سوسة", "fr": "sousse", "en": "sousse"},
    "new_slug": {"ar": "سوسة-الساحل", "fr": "sousse-sahel"},
    "country": {"ar": "تونس", "fr": "Tunisie", "en": "Tunisia"},
}
# Typed as French and Arabic editors type them; what the public pages then show.
FIGURES = [
    {
        "label": {
            "ar": "نسبة المقيمين الأجانب",
            "fr": "Part des résidents étrangers",
            "en": "Share of foreign residents",
        },
        "typed": "13,5",
        "shown": {"fr": "13,5", "en": "13.5"},
    },
    {
        "label": {"ar": "نسبة البطالة", "fr": "Taux de chômage", "en": "Unemployment rate"},
        "typed": "١٤٫٢",
        "shown": {"fr": "14,2", "en": "14.2"},
    },
]
PUBLICATION = {
    "ar": "ملف الهجرة لمدينة سوسة",
    "fr": "Profil migratoire de Sousse",
    "en": "Migration profile of Sousse",
}
PDF_NAMES = {"ar": "Arabic", "fr": "French", "en": "English"}
COMMENT = "Merci d'ajouter la source exacte du taux de chômage."


@pytest.fixture(scope="module")
def state():
    """What one step leaves for the next (the new page's id, its edit address)."""
    return {}


def shell(code):
    """What the code prints, run on the portal's database (to read ids, not to change data)."""
    return portal_manage("shell", "-v", "0", "-c", code).strip().splitlines()[-1]


def fill_translated(page, prefix, values):
    for language, value in values.items():
        page.locator(f"#id_{prefix}_{language}").fill(value)


def save_draft(page, title):
    answers = []
    page.on("response", lambda answer: answers.append(answer))
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    # A new page is saved in the background, then its edit view replaces the add view.
    try:
        expect(page.locator(".messages")).to_contain_text(f"'{title}'", timeout=60_000)
    except AssertionError as error:
        # Say what the admin answered: the messages alone do not name the field.
        posts = [
            f"{answer.status} {answer.url}: {answer.text()[:2000]}"
            for answer in answers
            if answer.request.method == "POST" and "/admin/pages/" in answer.url
        ]
        raise AssertionError(f"{error}\nThe admin answered: {posts}") from None
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=60_000)


def footer_action(page, name):
    """Click an action of the edit form's footer menu (opening the menu when it is folded)."""
    button = page.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def test_the_editor_adds_a_city_with_figures_typed_the_french_and_arabic_way(editor, state):
    index_id = shell(
        "from cities.models import CityIndexPage; print(CityIndexPage.objects.get().pk)"
    )
    editor.goto(f"/admin/pages/add/cities/citypage/{index_id}/")
    fill_translated(editor, "title", CITY["title"])
    fill_translated(editor, "country", CITY["country"])
    editor.locator("#id_region").select_option("south_mediterranean")
    editor.locator("#id_latitude").fill("35,8256")  # French decimal comma
    editor.locator("#id_longitude").fill("١٠٫٦٤١١")  # Arabic-Indic digits, Arabic separator
    editor.locator("#id_member_since").fill("2024")
    for number, figure in enumerate(FIGURES):
        editor.get_by_role("button", name=re.compile(r"Add figure", re.I)).click()
        prefix = f"figures-{number}"
        for language, label in figure["label"].items():
            editor.locator(f"#id_{prefix}-label_{language}").fill(label)
        editor.locator(f"#id_{prefix}-value").fill(figure["typed"])
        editor.locator(f"#id_{prefix}-unit").select_option("percent")
        editor.locator(f"#id_{prefix}-year").fill("2014")
        fill_translated(
            editor,
            f"{prefix}-source",
            {
                "ar": "المعهد الوطني للإحصاء",
                "fr": "Institut national de la statistique",
                "en": "National Institute of Statistics",
            },
        )
    editor.get_by_role("tab", name="Promote").click()
    fill_translated(editor, "slug", CITY["slug"])
    editor.get_by_role("tab", name="Content").click()
    save_draft(editor, CITY["title"]["en"])
    match = re.search(r"/admin/pages/(\d+)/edit/", editor.url)
    assert match, editor.url
    state["city"] = int(match.group(1))

    # What was typed is what was saved, never silently changed.
    editor.reload()
    assert editor.locator("#id_latitude").input_value() in ("35.8256", "35,8256")
    assert editor.locator("#id_longitude").input_value() in ("10.6411", "10,6411")
    values = [editor.locator(f"#id_figures-{n}-value").input_value() for n in range(2)]
    assert [v.replace(",", ".") for v in values] == ["13.5", "14.2"] or values == ["13.50", "14.20"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """One real PDF per language, as staff would upload them."""
    folder = tmp_path_factory.mktemp("pdfs")
    paths = {}
    for language, name in PDF_NAMES.items():
        paths[language] = folder / f"sousse-migration-profile-{language}.pdf"
        paths[language].write_bytes(
            make_pdf("Migration profile of Sousse", [f"{name} edition.", "MC2CM."])
        )
    return paths


def attach_uploaded_pdf(page, index, language, path):
    """Add a file row and upload its PDF through the document chooser's own upload tab."""
    page.get_by_role("button", name=re.compile(r"Add file", re.I)).click()
    row = page.locator(f"#inline_child_files-{index}")
    row.locator(f"#id_files-{index}-language").select_option(language)
    row.get_by_role("button", name="Choose a document").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.locator("#id_document-chooser-upload-title").fill(
        f"{PUBLICATION[language]} ({language})"
    )
    dialog.locator("#id_document-chooser-upload-file").set_input_files(path)
    dialog.get_by_role("button", name="Upload").click()
    expect(row).to_contain_text(PUBLICATION[language], timeout=30_000)


def test_the_editor_adds_a_publication_with_three_uploaded_pdfs(editor, pdfs, state):
    editor.goto("/admin/snippets/mc2cm_portal/publication/add/")
    fill_translated(editor, "title", PUBLICATION)
    editor.locator("#id_kind").select_option("migration_profile")
    editor.locator("#id_year").fill("٢٠٢٤")  # Arabic-Indic digits
    for index, language in enumerate(LANGUAGES):
        attach_uploaded_pdf(editor, index, language, pdfs[language])
    editor.get_by_role("button", name=re.compile(r"^Save( draft)?$")).first.click()
    # The new publication's edit view follows its add view (the add address would match a
    # looser pattern at once, before anything is saved).
    edit_address = re.compile(r"/admin/snippets/mc2cm_portal/publication/edit/(\d+)/")
    editor.wait_for_url(edit_address, timeout=60_000)
    expect(editor.locator(".messages")).to_contain_text(PUBLICATION["en"])
    # Publications are reviewed like pages: the editor's publication is a draft until a
    # moderator approves it, and the uploads are private (Partners collection) until a
    # moderator makes them public.
    state["publication"] = int(edit_address.search(editor.url).group(1))
    editor.goto(f"/admin/snippets/mc2cm_portal/publication/edit/{state['publication']}/")
    footer_action(editor, "Submit to Moderators approval")
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("submitted")
    # Every file the editor attached is kept, whatever the autosaves did meanwhile.
    languages = shell(
        "from mc2cm_portal.models import Publication; p = Publication.objects.get("
        f"pk={state['publication']}); print(*sorted(p.files.values_list('language', flat=True)))"
    )
    assert languages == "ar en fr"


def choose_in_modal(page, button_name, link_name):
    page.get_by_role("button", name=button_name).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=link_name).first.click()
    expect(dialog).to_be_hidden()


CITY_DOCUMENTS = {
    "profile": {
        "model": "migrationprofilepage",
        "index": "MigrationProfileIndexPage",
        "title": PUBLICATION,
        "slug": {"ar": "ملف-سوسة", "fr": "profil-sousse", "en": "profile-sousse"},
    },
    "priorities": {
        "model": "prioritydocumentpage",
        "index": "PriorityDocumentIndexPage",
        "title": {
            "ar": "وثيقة أولويات سوسة",
            "fr": "Document de priorités de Sousse",
            "en": "Priority document of Sousse",
        },
        "slug": {"ar": "أولويات-سوسة", "fr": "priorites-sousse", "en": "priorities-sousse"},
    },
}


@pytest.mark.parametrize("key", CITY_DOCUMENTS)
def test_the_editor_adds_the_profile_and_the_priority_document_and_submits_them(editor, state, key):
    document = CITY_DOCUMENTS[key]
    index_id = shell(
        f"from knowledge.models import {document['index']} as M; print(M.objects.get().pk)"
    )
    editor.goto(f"/admin/pages/add/knowledge/{document['model']}/{index_id}/")
    fill_translated(editor, "title", document["title"])
    choose_in_modal(editor, "Choose a page (City)", CITY["title"]["en"])
    fill_translated(
        editor,
        "summary",
        {
            "ar": "المهاجرون في سوسة: الأرقام والسياسات المحلية.",
            "fr": "Les migrations à Sousse : chiffres et politiques locales.",
            "en": "Migration in Sousse: figures and local policies.",
        },
    )
    choose_in_modal(editor, re.compile(r"Choose (a )?publication", re.I), PUBLICATION["en"])
    editor.get_by_role("tab", name="Promote").click()
    fill_translated(editor, "slug", document["slug"])
    editor.get_by_role("tab", name="Content").click()
    save_draft(editor, document["title"]["en"])
    state[key] = int(re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1))
    footer_action(editor, "Submit to Moderators approval")
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")


def test_the_editor_submits_and_previews_each_language(editor, state):
    editor.goto(f"/admin/pages/{state['city']}/edit/")
    footer_action(editor, "Submit to Moderators approval")
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("submitted")

    editor.goto(f"/admin/pages/{state['city']}/edit/")
    editor.get_by_role("button", name="Toggle preview").click()
    frame = editor.frame_locator("#w-preview-iframe")
    # Wagtail's preview panel ignores a mode chosen while its first load is still running (it
    # returns the pending update), so wait, as a person would, for the first preview to show:
    # the editor's own admin language.
    expect(frame.locator('html[lang="en"]')).to_have_count(1, timeout=60_000)
    for language in LANGUAGES:
        editor.locator("#id_preview_mode").select_option(language)
        # The preview reloads in the background: give a loaded machine time.
        expect(frame.locator(f'html[lang="{language}"]')).to_have_count(1, timeout=60_000)
        expect(frame.locator("h1")).to_have_text(CITY["title"][language], timeout=30_000)
    expect(frame.locator("html")).to_have_attribute("lang", "en")


def test_the_moderator_requests_changes(moderator, state):
    moderator.goto(f"/admin/pages/{state['city']}/edit/")
    footer_action(moderator, "Request changes")
    dialog = moderator.get_by_role("dialog")
    dialog.locator("textarea").fill(COMMENT)
    dialog.get_by_role("button", name="Request changes").click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # back to the explorer


def test_the_editor_reads_the_comment_on_the_edit_screen_and_resubmits(editor, state):
    editor.goto(f"/admin/pages/{state['city']}/edit/")
    expect(editor.locator(".messages")).to_contain_text(COMMENT)
    fill_translated(
        editor,
        "figures-1-source",
        {
            "ar": "المعهد الوطني للإحصاء، تعداد 2014",
            "fr": "INS, recensement 2014",
            "en": "INS, 2014 census",
        },
    )
    footer_action(editor, "Resubmit to Moderators approval")
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("submitted")


def test_the_moderator_approves_the_publication_and_makes_its_files_public(moderator, state):
    moderator.goto(f"/admin/snippets/mc2cm_portal/publication/edit/{state['publication']}/")
    footer_action(moderator, "Approve and Publish")
    moderator.wait_for_load_state()
    expect(moderator.locator(".messages")).to_contain_text(PUBLICATION["en"])
    documents = shell(
        "from mc2cm_portal.models import Publication; p = Publication.objects.get("
        f"pk={state['publication']}); print(p.live, *p.files.values_list('document_id', flat=True))"
    ).split()
    assert documents[0] == "True"
    public = shell(
        "from wagtail.models import Collection; print(Collection.objects.get(name='Public').pk)"
    )
    for document in documents[1:]:
        moderator.goto(f"/admin/documents/edit/{document}/")
        moderator.locator("#id_collection").select_option(value=public)
        moderator.get_by_role("button", name="Save", exact=True).click()
        moderator.wait_for_url(re.compile(r"/admin/documents/$"))
    collections = shell(
        "from mc2cm_portal.models import Publication; p = Publication.objects.get("
        f"pk={state['publication']}); print(*sorted({{f.document.collection.name "
        "for f in p.files.all()}))"
    )
    assert collections == "Public"


def test_the_moderator_approves_and_the_city_is_published(moderator, state):
    for key in ("city", *CITY_DOCUMENTS):
        moderator.goto(f"/admin/pages/{state[key]}/edit/")
        footer_action(moderator, "Approve and Publish")
        moderator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # back to the explorer
    live = shell(
        f"from wagtail.models import Page; print(Page.objects.get(pk={state['city']}).live)"
    )
    assert live == "True"


def city_path(language, slug_key="slug"):
    prefix = {"ar": "المدن", "fr": "villes", "en": "cities"}[language]
    return f"/{language}/{prefix}/{CITY[slug_key][language]}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_city_shows_everywhere_visitors_look(page, language, state):
    path = city_path(language)
    link = f'a[href="{quote(path)}"]'
    page.goto(f"/{language}/")
    expect(page.locator(f"svg {link}")).to_have_count(1)  # the map
    page.goto(city_path(language).rsplit("/", 2)[0] + "/")  # the city list
    expect(page.locator(f"main {link}").first).to_contain_text(CITY["title"][language])
    page.goto(path)
    expect(page.locator("h1")).to_have_text(CITY["title"][language])
    if language != "ar":
        table = page.locator("table.figures")
        for figure in FIGURES:
            expect(table).to_contain_text(figure["shown"][language])
    # The migration profile and priority document, each with the three PDFs, the reader's
    # language first.
    expect(page.locator("li.card ul.downloads")).to_have_count(2)
    downloads = page.locator("li.card ul.downloads").first.locator("a.download__link")
    expect(downloads).to_have_count(3)
    expect(downloads.first).to_have_attribute("hreflang", language)
    with page.expect_download() as info:
        downloads.first.click()
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF-")
    page.goto(f"/{language}/search/?q={quote(CITY['title'][language])}")
    expect(page.locator(f"ol.search-results {link}")).to_have_count(1)
    sitemap = page.request.get("/sitemap.xml").text()
    assert quote(path) in sitemap or path in unquote(sitemap)


def test_changed_french_and_arabic_slugs_redirect_the_old_addresses(moderator, portal_url, state):
    moderator.goto(f"/admin/pages/{state['city']}/edit/")
    moderator.get_by_role("tab", name="Promote").click()
    fill_translated(moderator, "slug", CITY["new_slug"])
    footer_action(moderator, "Publish")
    moderator.wait_for_load_state()
    expect(moderator.locator(".messages")).to_contain_text("published")
    for language in ("fr", "ar"):
        status, headers, _body = get(portal_url, city_path(language))
        assert status == 301, (language, status)
        assert unquote(urlsplit(headers["location"]).path) == city_path(language, "new_slug")
        status, _headers, _body = get(portal_url, city_path(language, "new_slug"))
        assert status == 200


def test_an_over_long_title_is_counted_and_refused_keeping_the_text(editor):
    """The browser no longer cuts the title at 255 characters without a word: a live count
    says how much is too much, and saving is refused with the typed text kept."""
    index_id = shell(
        "from cities.models import CityIndexPage; print(CityIndexPage.objects.get().pk)"
    )
    editor.goto(f"/admin/pages/add/cities/citypage/{index_id}/")
    title = "Sousse, " + "perle du Sahel " * 20  # 308 characters
    field = editor.locator("#id_title_fr")
    field.fill(title)
    assert field.input_value() == title
    counter = editor.locator("#id_title_fr-character-count")
    expect(counter).to_have_text(
        f"{len(title)} characters: {len(title) - 255} over the limit of 255. "
        "Shorten the text before saving."
    )
    fill_translated(editor, "title", {"en": "Sousse (too long in French)"})
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_load_state()
    expect(editor.locator("#id_title_fr")).to_have_value(title)
    expect(editor.locator("main")).to_contain_text("at most 255 characters")
