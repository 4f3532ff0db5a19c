"""Who may download what: the collections documents are kept in, and the document view.

Privacy is a property of where a file is kept, as Wagtail means it: documents in the
**Public** collection can be downloaded by anyone; the **Partners** collection carries a
view restriction (Wagtail's ``CollectionViewRestriction``) to the Partners, Editors and
Moderators groups, so only they (and administrators) get its files. Every upload starts
in Partners: a document saved into the root collection, which Wagtail uses when nothing
else is chosen, is kept in Partners instead (``keep_new_documents_private``), and the
root collection is never public. Only a moderator (or an administrator), who may change
any document, can move a file to Public; nothing done to a publication or a page changes
who may download its files.

Every download goes through Wagtail's document view (``WAGTAILDOCS_SERVE_METHOD =
"serve_view"``), which applies the collection's restrictions itself; media files under
``documents/`` are never served directly (see ``media.py``). The ``before_serve_document``
hook here runs first, only to answer in the portal's way: an anonymous visitor is sent
to the partner sign-in page, a signed-in user without access gets a 403 page in their
language. Every successful download, public or not, moves that document's counter for the
file's language.
"""

import logging
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError, transaction
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from mc2cm_portal.models import DocumentDownload, PublicationFile

from .media import STORE_ERRORS, file_store_unavailable, store_unavailable

PARTNERS_GROUP = "Partners"
# The groups that may open the Partners collection: partners, and the staff who upload
# and check its files. Administrators (superusers) pass every restriction in Wagtail.
PARTNERS_COLLECTION_GROUPS = (PARTNERS_GROUP, "Editors", "Moderators")
PUBLIC_COLLECTION = "Public"
PARTNERS_COLLECTION = "Partners"

logger = logging.getLogger(__name__)


def is_partner(user):
    """Member of the Partners group; asked once per request."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_mc2cm_partner"):
        user._mc2cm_partner = user.groups.filter(name=PARTNERS_GROUP).exists()
    return user._mc2cm_partner


def has_admin_access(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def may_download_partner_files(user):
    """Partners, and staff who can reach the admin: who may see the partner resources page."""
    return is_partner(user) or has_admin_access(user)


def sign_in_url(next_url=None):
    """The partner sign-in page in the current language, coming back to ``next_url``."""
    url = reverse("partner_sign_in")
    return f"{url}?{urlencode({'next': next_url}, safe='/')}" if next_url else url


def forbidden(request):
    """The 403 page in the visitor's language: signed in, but not with a partner account."""
    response = render(request, "mc2cm_portal/partner_forbidden.html", status=403)
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- Where documents are kept -------------------------------------------------------------


def portal_collections():
    """The Public and Partners collections (with Partners' restriction), made if missing.

    The data migration creates them; this keeps the demo loader and a hand-emptied
    database working the same way. Running it again changes nothing.
    """
    from django.contrib.auth.models import Group

    with transaction.atomic():
        root = Collection.get_first_root_node()
        found = {child.name: child for child in root.get_children()}
        for name in (PUBLIC_COLLECTION, PARTNERS_COLLECTION):
            if name not in found:
                found[name] = root.add_child(instance=Collection(name=name))
        partners = found[PARTNERS_COLLECTION]
        if not CollectionViewRestriction.objects.filter(collection=partners).exists():
            restriction = CollectionViewRestriction.objects.create(
                collection=partners, restriction_type=BaseViewRestriction.GROUPS
            )
            restriction.groups.set(
                Group.objects.get_or_create(name=name)[0] for name in PARTNERS_COLLECTION_GROUPS
            )
    return found[PUBLIC_COLLECTION], partners


def keep_new_documents_private(sender, instance, **kwargs):
    """``pre_save`` of documents: nothing is kept in the root collection, which is public
    in Wagtail's eyes (no restriction); a document saved there goes to Partners.

    Wagtail puts an upload in the root when the uploader chose no collection (or may add
    to one collection only), so this is what makes every new file private until someone
    allowed to change documents moves it to Public.
    """
    if instance.collection_id is None or instance.collection.is_root():
        instance.collection = portal_collections()[1]


# --- Downloads ------------------------------------------------------------------------------


def collection_access(collection, request):
    """(kept private, may this request open its documents): Wagtail's collection
    restrictions, read once per collection and request; the root collection is private."""
    known = request.__dict__.setdefault("_mc2cm_collections", {})
    if collection.pk not in known:
        restrictions = list(collection.get_view_restrictions().prefetch_related("groups"))
        private = collection.is_root() or bool(restrictions)
        if collection.is_root():
            allowed = may_download_partner_files(request.user)
        else:
            allowed = all(restriction.accept_request(request) for restriction in restrictions)
        known[collection.pk] = (private, allowed, restrictions)
    return known[collection.pk]


def document_access(document, request):
    return collection_access(document.collection, request)


def openable_collections(request):
    """The ids of the collections whose documents this (signed-in) visitor may download."""
    return [
        collection.pk
        for collection in Collection.objects.all()
        if collection_access(collection, request)[1]
    ]


def locked(document, request):
    """True when this visitor may not download the private document (anonymous visitors
    never may: asked without a query)."""
    if request is None or not request.user.is_authenticated:
        return True
    return not document_access(document, request)[1]


def check_partner_access(document, request):
    """Wagtail's ``before_serve_document`` hook, answering refusals the portal's way.

    Wagtail's own hook (which runs after this one) checks the same restrictions again;
    a password restriction is left to it, as it shows the password form.
    """
    file = PublicationFile.objects.filter(document=document).order_by("pk").first()
    private, allowed, restrictions = document_access(document, request)
    request._mc2cm_download = (file, private)
    if allowed:
        return None
    if any(
        restriction.restriction_type == BaseViewRestriction.PASSWORD
        and not restriction.accept_request(request)
        for restriction in restrictions
    ):
        return None
    if not request.user.is_authenticated:
        # The language of the sign-in page is the visitor's: documents have no language
        # prefix, so LocaleMiddleware took it from their cookie or browser.
        return redirect_to_login(request.get_full_path(), "partner_sign_in")
    return forbidden(request)


def count_download(document_id, file):
    """Move the file's counter; a download never fails because its counter could not be
    written (a database locked for writing, a counter row being restored): logged only."""
    try:
        with transaction.atomic():
            DocumentDownload.count(document_id, language=file.language if file else "", file=file)
    except DatabaseError:
        logger.warning("Download of document %s not counted", document_id, exc_info=True)


def short_address(document):
    """``/documents/<id>/``: the document's address without its file name, served as the full
    one (``serve_document``). A locked link signs in and comes back to it, so a page never
    tells a visitor the name of a file they may not download (an uploader's name for it may
    say more than its publication)."""
    return reverse("wagtaildocs_serve", args=[document.pk, ""])


@require_safe
def serve_document(request, document_id, document_filename):
    """Wagtail's document view, counting each file actually sent.

    Only a full answer to GET counts: HEAD requests, 304 (not modified) and refusals do not.
    Private files are marked private so no shared cache keeps a copy. While the object
    store does not answer (settings S3_*), the answer is a 503 page in the visitor's
    language, after the same permission checks.
    """
    if not document_filename:
        # The short address (``short_address``): the same checks and file as the full one.
        document_filename = get_object_or_404(get_document_model(), pk=document_id).filename
    try:
        response = wagtail_serve(request, document_id, document_filename)
    except STORE_ERRORS as error:
        if not store_unavailable(error):
            raise
        logger.warning("Document %s not served: %s", document_id, error)
        return file_store_unavailable(request)
    # Wagtail's file sending (wagtail/utils/sendfile.py) sets Content-Encoding to what
    # ``mimetypes`` guesses from the name: None for a PDF, which Django writes as the text
    # "None", an encoding no client knows (curl --compressed refuses the file). A file is
    # sent as stored. Pinned by tests/portal/test_compression.py: when Wagtail stops
    # writing it, that test fails and these lines can go.
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    file, private = getattr(request, "_mc2cm_download", (None, False))
    if response.status_code == 200:
        if request.method == "GET":
            count_download(document_id, file)
        if private:
            patch_cache_control(response, private=True, no_store=True)
    return response
