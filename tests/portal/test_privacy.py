"""Private stays private: what an anonymous visitor is shown equals what they may open.

Search (page and file entries), the API (pages, documents), the sitemap, listings and the
document address are asked, whatever staff did and in what order: restrict a page or a
section (group, password, login), lift it, move a page, publish under a restriction,
remove a file from a publication, delete the publication, upload a file, move it between
collections. By example first, then for every page and document of the demo content.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from action.models import ToolkitPage
from mc2cm_portal.access.documents import PARTNERS_GROUP
from mc2cm_portal.caching.page_cache import content_changed
from mc2cm_portal.demo.pdf import make_pdf
from mc2cm_portal.models import Publication, PublicationFile
from tests.factories import (
    add_page,
    keep_files_in,
    partners_collection,
    public_collection,
    publication,
)
from tests.pages import page_models, url_in
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

Document = get_document_model()
PAGE_RESTRICTIONS = (
    BaseViewRestriction.GROUPS,
    BaseViewRestriction.PASSWORD,
    BaseViewRestriction.LOGIN,
)


# --- What an anonymous visitor is shown, and what they may open ------------------------------


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def may_open(client, url):
    """The content itself: not a refusal, a sign-in redirect or Wagtail's password form
    (which answers 200)."""
    response = client.get(url)
    content = body(response)
    return response.status_code == 200 and b'name="password"' not in content


def search_hrefs(client, query, language="en"):
    """Every address the search results link to, on every page of results."""
    hrefs, number = [], 1
    while True:
        html = client.get(f"/{language}/search/", {"q": query, "page": number}).content.decode()
        hrefs += re.findall(r'class="search-result__title" href="([^"]+)"', html)
        # A page's result also offers the file of the publication it presents.
        hrefs += re.findall(r'class="search-result__kind">[^\n]*?<a href="([^"]+)"', html)
        if 'rel="next"' not in html or number > 20:
            return hrefs
        number += 1


def search_html(client, query, language="en"):
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


def api_page(client, page):
    return client.get(f"/api/v2/pages/{page.pk}/").status_code == 200


def api_document(client, document):
    return client.get(f"/api/v2/documents/{document.pk}/").status_code == 200


def api_document_ids(client):
    ids, offset = set(), 0
    while True:
        items = client.get("/api/v2/documents/", {"limit": 20, "offset": offset}).json()["items"]
        ids |= {item["id"] for item in items}
        if len(items) < 20:
            return ids
        offset += 20


def in_sitemap(client, page):
    return f"{url_in(page, 'en')}</loc>" in client.get("/sitemap.xml").content.decode()


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="a-secret" if kind == "password" else ""
    )
    if kind == BaseViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name=PARTNERS_GROUP))
    return restriction


def toolkits():
    return ToolkitPage.objects.live().order_by("path")


def anonymous_sees_page(client, page):
    """Search, the API and the sitemap all show the page, or none of them does."""
    url = url_in(page, "en")
    shown = {
        "search": url in search_hrefs(client, page.title_en),
        "api": api_page(client, page),
        "sitemap": in_sitemap(client, page),
    }
    assert len(set(shown.values())) == 1, (page, shown)
    return shown["search"]


# --- Search and restricted pages, by example ---------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_RESTRICTIONS)
def test_restricting_a_published_page_takes_it_out_of_search_with_its_excerpt(client, kind):
    toolkit = toolkits().first()
    words = toolkit.title_en
    assert url_in(toolkit, "en") in search_hrefs(client, words)
    restrict(toolkit, kind)
    html = search_html(client, words)
    assert url_in(toolkit, "en") not in html  # nor its excerpt: it comes with the result
    assert not may_open(client, url_in(toolkit, "en"))


@pytest.mark.parametrize("kind", PAGE_RESTRICTIONS)
def test_restricting_a_section_hides_every_page_below_it(client, kind):
    section = toolkits().first().get_parent()
    restrict(section, kind)
    for toolkit in toolkits():
        assert url_in(toolkit, "en") not in search_hrefs(client, toolkit.title_en)
        assert not may_open(client, url_in(toolkit, "en"))


def test_lifting_a_restriction_brings_the_page_back(client):
    toolkit = toolkits().first()
    restriction = restrict(toolkit.get_parent(), BaseViewRestriction.LOGIN)
    assert url_in(toolkit, "en") not in search_hrefs(client, toolkit.title_en)
    restriction.delete()
    assert url_in(toolkit, "en") in search_hrefs(client, toolkit.title_en)


def test_a_page_moved_under_a_restricted_section_leaves_search(client):
    toolkit = toolkits().first()
    elsewhere = Page.objects.get(pk=toolkit.get_parent().get_parent().pk)
    private = add_page(elsewhere, type(toolkit.get_parent().specific), "Partners corner")
    private.save_revision().publish()
    restrict(private, BaseViewRestriction.GROUPS)
    toolkit.move(private, pos="last-child")
    toolkit.refresh_from_db()
    assert url_in(toolkit, "en") not in search_hrefs(client, toolkit.title_en)
    assert not may_open(client, url_in(toolkit, "en"))


def test_a_page_published_under_a_restricted_section_never_shows(client):
    toolkit = toolkits().first()
    restrict(toolkit.get_parent(), BaseViewRestriction.PASSWORD)
    toolkit.title_en = "Zanzibar welcome desks"
    toolkit.save_revision().publish()
    assert search_hrefs(client, "Zanzibar") == []


def test_search_hides_pages_restricted_behind_its_back(client):
    """Entries written while a page was public are not shown once it is restricted, even if
    nothing told the index (a restriction written without signals, as a raw import does)."""
    toolkit = toolkits().first()
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=toolkit, restriction_type=BaseViewRestriction.LOGIN)]
    )
    assert url_in(toolkit, "en") not in search_hrefs(client, toolkit.title_en)


def test_restricting_a_page_through_the_admin_takes_it_out_of_search(client, admin_client):
    toolkit = toolkits().first()
    response = admin_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[toolkit.pk]),
        {"restriction_type": "groups", "groups": [Group.objects.get(name=PARTNERS_GROUP).pk]},
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=toolkit).exists()
    client.logout()
    assert url_in(toolkit, "en") not in search_hrefs(client, toolkit.title_en)


# --- Files: privacy is where the file is kept, by example -------------------------------------


def private_toolkit_publication():
    private = Publication.objects.filter(files__document__collection=partners_collection())
    return private.distinct().get(kind=Publication.Kind.TOOLKIT)


def test_a_file_removed_from_its_partners_publication_stays_private(client):
    file = private_toolkit_publication().files.get(language="en")
    document = file.document
    file.delete()
    assert not may_open(client, document.url)
    assert not api_document(client, document)


def test_deleting_a_partners_publication_frees_none_of_its_files(client):
    pub = private_toolkit_publication()
    documents = [file.document for file in pub.files.all()]
    ToolkitPage.objects.filter(publication=pub).update(publication=None)
    pub.delete()
    for document in documents:
        refused = client.get(document.url)
        assert refused.status_code == 302
        assert refused["Location"].startswith("/en/partners/sign-in/?next=")
        assert document.pk not in api_document_ids(client)


@pytest.mark.parametrize("uploader", ["Editors", "Moderators"])
def test_a_new_upload_is_private_until_made_public(client, uploader):
    staff = staff_client(f"uploader-{uploader.lower()}", uploader)
    root = Collection.get_first_root_node()
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Draft city report",
            "collection": root.pk,
            "file": SimpleUploadedFile("draft.pdf", make_pdf("Draft", ["en"])),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title="Draft city report")
    assert document.collection == partners_collection()
    assert not may_open(client, document.url)
    assert document.pk not in api_document_ids(client)
    assert may_open(staff, document.url)  # the uploader checks the file


def test_an_administrators_upload_to_the_root_is_private_too(client, admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("annex.pdf", make_pdf("Annex", ["en"]))},
    )
    assert response.json()["success"] is True
    document = Document.objects.latest("pk")
    client.logout()
    assert not may_open(client, document.url)


def test_an_editor_cannot_make_a_file_public_a_moderator_can(client):
    editor = staff_client("eddie", "Editors")
    editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Note", "file": SimpleUploadedFile("note.pdf", make_pdf("Note", ["en"]))},
    )
    document = Document.objects.get(title="Note")
    edit = reverse("wagtaildocs:edit", args=[document.pk])
    editor.post(edit, {"title": "Note", "collection": public_collection().pk})
    document.refresh_from_db()
    assert document.collection == partners_collection()
    assert not may_open(client, document.url)

    moderator = staff_client("mona", "Moderators")
    response = moderator.post(edit, {"title": "Note", "collection": public_collection().pk})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.collection == public_collection()
    assert may_open(client, document.url)
    assert document.pk in api_document_ids(client)


def test_a_file_kept_in_partners_is_private_whatever_publication_holds_it(client, partner):
    pub = publication("Housing survey", languages=("en",))
    document = pub.files.get().document
    assert may_open(client, document.url)
    keep_files_in(pub, partners_collection())
    assert not may_open(client, document.url)
    client.force_login(partner)
    assert may_open(client, document.url)


def test_a_partner_may_not_open_a_collection_restricted_to_others(client, partner):
    board = partners_collection().add_child(instance=Collection(name="Board only"))
    restriction = CollectionViewRestriction.objects.create(
        collection=board, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Moderators"))
    pub = keep_files_in(publication("Board minutes", languages=("en",)), board)
    document = pub.files.get().document
    client.force_login(partner)
    assert client.get(document.url).status_code == 403
    assert document.url not in search_html(client, "Board minutes")


def test_the_documents_api_lists_only_public_files(client):
    listed = api_document_ids(client)
    public = set(
        Document.objects.filter(collection=public_collection()).values_list("pk", flat=True)
    )
    assert listed == public
    private = Document.objects.filter(collection=partners_collection()).first()
    assert client.get(f"/api/v2/documents/{private.pk}/").status_code == 404


def test_the_partner_resources_list_follows_the_collections(client, partner):
    pub = publication("Peer review notes", languages=("fr",), private=True)
    client.force_login(partner)
    html = client.get("/fr/partners/resources/").content.decode()
    assert pub.title_fr in html
    keep_files_in(pub, public_collection())
    assert pub.title_fr not in client.get("/fr/partners/resources/").content.decode()


def test_listings_link_to_a_private_file_only_through_sign_in(client):
    toolkit = ToolkitPage.objects.get(publication=private_toolkit_publication())
    html = client.get(url_in(toolkit, "en")).content.decode()
    for file in toolkit.publication.files.all():
        assert f'href="{file.document.url}"' not in html
        short = file.document.url.rsplit("/", 1)[0] + "/"
        assert f'href="/en/partners/sign-in/?next={short}"' in html
        assert file.document.filename not in html


# --- By property: every page and every document of the demo ------------------------------------


def test_every_demo_page_under_every_restriction_kind(client):
    """For each page below the home page, restricted in turn by group, password or login:
    the page and everything below it leave search, the API and the sitemap, exactly when
    the anonymous visitor can no longer open them; its parent stays."""
    pages = list(Page.objects.live().filter(depth__gt=2).specific().order_by("path"))
    assert len(pages) > 20
    for number, page in enumerate(pages):
        kind = PAGE_RESTRICTIONS[number % len(PAGE_RESTRICTIONS)]
        with transaction.atomic():
            restrict(page, kind)
            subtree = [page, *page.get_descendants().live().specific()[:3]]
            for each in subtree:
                assert not may_open(client, url_in(each, "en")), (each, kind)
                assert not anonymous_sees_page(client, each), (each, kind)
            parent = page.get_parent().specific
            if parent.depth > 2:
                assert may_open(client, url_in(parent, "en"))
                assert anonymous_sees_page(client, parent), (parent, kind)
            transaction.set_rollback(True)
        content_changed()
        assert anonymous_sees_page(client, page)


def pages_showing(pub):
    """The pages whose own content lists the publication's files."""
    return [
        page
        for model in page_models()
        if any(field.name == "publication" for field in model._meta.get_fields())
        for page in model.objects.live().filter(publication=pub)
    ]


def test_every_demo_document_in_every_kind_of_collection(client):
    """Each demo document, kept in turn in Public, Partners, a collection below Partners, a
    password and a login collection, and (by a bulk update that skips every check) in the
    root: the document address, the API, search and the page listing its publication give
    the anonymous visitor the file exactly when it may be opened."""
    root = Collection.get_first_root_node()
    below_partners = partners_collection().add_child(instance=Collection(name="Drafts"))
    password = root.add_child(instance=Collection(name="Board"))
    CollectionViewRestriction.objects.create(
        collection=password, restriction_type=BaseViewRestriction.PASSWORD, password="pw-1"
    )
    login = root.add_child(instance=Collection(name="Signed in"))
    CollectionViewRestriction.objects.create(
        collection=login, restriction_type=BaseViewRestriction.LOGIN
    )
    places = {
        "public": (public_collection(), True),
        "partners": (partners_collection(), False),
        "below partners": (below_partners, False),
        "password": (password, False),
        "login": (login, False),
        "root": (root, False),
    }
    documents = list(Document.objects.order_by("pk"))
    assert len(documents) > 10
    files = list(PublicationFile.objects.select_related("publication", "document"))
    listings = {
        (page, file.language): [] for file in files for page in pages_showing(file.publication)
    }
    for file in files:
        for page in pages_showing(file.publication):
            listings[page, file.language].append(file.document_id)
    names = list(places)
    # Round after round, each document moves to the next kind of place: every document is
    # tried in every place, beside others (of the same publication too) kept elsewhere.
    for round_number in range(len(names)):
        placed = {}
        for number, document in enumerate(documents):
            place = names[(number + round_number) % len(names)]
            Document.objects.filter(pk=document.pk).update(collection=places[place][0])
            placed[document.pk] = place
        content_changed()  # the bulk update sent no signal; listings are kept per version
        opened = {}
        for document in documents:
            opened[document.pk] = may_open(client, document.url)
            assert opened[document.pk] is places[placed[document.pk]][1], (document, placed)
        assert api_document_ids(client) == {pk for pk, yes in opened.items() if yes}
        for file in files:
            title = getattr(file.publication, f"title_{file.language}")
            found = file.document.url in search_hrefs(client, title, file.language)
            assert found is opened[file.document_id], (file, placed[file.document_id])
        for (page, language), shown_ids in listings.items():
            html = client.get(url_in(page, language)).content.decode()
            for file in files:
                if file.document_id in shown_ids:
                    link = f'href="{file.document.url}"' in html
                    assert link is opened[file.document_id], (file, page, language)


def test_the_admin_list_of_publications_shows_which_hold_private_files(admin_client):
    """Derived from the collections, never ticked by hand: the publication has no setting."""
    response = admin_client.get("/admin/snippets/mc2cm_portal/publication/", {"kind": "toolkit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Who can download" in html and "Partners only" in html and "Everyone" in html
    edit = admin_client.get(
        reverse(
            "wagtailsnippets_mc2cm_portal_publication:edit",
            args=[private_toolkit_publication().pk],
        )
    ).content.decode()
    assert 'name="partners_only"' not in edit
