"""Who may download what: partners-only publications and the document serving path.

Every download on the site goes through Wagtail's document view (``WAGTAILDOCS_SERVE_METHOD
= "serve_view"``); media files under ``documents/`` are never served directly (see
``media.py``). A document that belongs to a publication marked "partners only" is served
to members of the Partners group and to staff with admin access; anonymous visitors are
sent to the partner sign-in page, other signed-in users get a 403 page. Every successful
download, public or not, moves that document's counter for the file's language.
"""

import logging
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.documents.views.serve import serve as wagtail_serve

from .models import DocumentDownload, PublicationFile

PARTNERS_GROUP = "Partners"

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
    """Partners, and staff who can reach the admin (they upload and check the files)."""
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


def check_partner_access(document, request):
    """Wagtail's ``before_serve_document`` hook: refuse partners-only files to others.

    One query finds the publication files holding the document. A document shared by a
    public and a partners-only publication counts as partners-only: the safer reading.
    """
    files = list(
        PublicationFile.objects.filter(document=document)
        .select_related("publication")
        .order_by("pk")
    )
    restricted = any(file.publication.partners_only for file in files)
    request._mc2cm_download = (files[0] if files else None, restricted)
    if not restricted or may_download_partner_files(request.user):
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


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, counting each file actually sent.

    Only a full answer to GET counts: HEAD requests, 304 (not modified) and refusals do not.
    Partners-only files are marked private so no shared cache keeps a copy.
    """
    response = wagtail_serve(request, document_id, document_filename)
    file, restricted = getattr(request, "_mc2cm_download", (None, False))
    if response.status_code == 200:
        if request.method == "GET":
            count_download(document_id, file)
        if restricted:
            patch_cache_control(response, private=True, no_store=True)
    return response
