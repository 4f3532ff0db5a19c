"""Questions every list asks of the database, each answered inside the list's own query.

What a visitor may see (``visible``), which documents anyone may download
(``public_documents``), lists without their long text (``without_long_text``) and the files
of many publications at once (``attach_files``). Built on Wagtail's view restrictions and
collections only: this module imports none of the portal's models, so models, views and
templates alike can use it.
"""

import functools

from django.apps import apps
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.fields import RichTextField, StreamField
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from mc2cm_portal.languages import LANGUAGE_CODES


def _restricted(restrictions, field, path):
    """Is any restriction on the node at ``path`` or an ancestor (a path prefix of it)?"""
    return Exists(
        restrictions.objects.annotate(length=Length(f"{field}__path")).filter(
            **{f"{field}__path": Substr(OuterRef(path), 1, F("length"))}
        )
    )


def visible_page(prefix=""):
    """Condition: the page (reached through ``prefix``, e.g. ``"page__"``) is live and no view
    restriction (group, login or password) applies to it or any of its ancestors."""
    return Q(**{f"{prefix}live": True}) & ~_restricted(PageViewRestriction, "page", f"{prefix}path")


def visible(pages):
    """Live pages no view restriction applies to, in the same query.

    Wagtail's ``.public()`` first loads every restriction in a separate query, each time it
    is called; this asks the same question as a subquery: is any restricted page an
    ancestor (a path prefix) of this one?
    """
    return pages.filter(visible_page())


def without_long_text(pages, *related):
    """``pages`` without their long text (body, portrait, agenda … in every language) nor
    Wagtail's editing bookkeeping; ``related`` names pages joined with ``select_related``
    (``"host_city"``) to trim the same way.

    Lists and cards show titles, addresses, dates and short summaries, never another page's
    body, SEO fields, slugs, revisions or locks: loading those columns (four copies of each
    translated one) and building the SQL and model instances for them was most of the
    time a page with related lists spent, far more than the database's own work.
    """
    deferred = [
        f"{prefix}{name}"
        for prefix, model in [("", pages.model)]
        + [(f"{name}__", pages.model._meta.get_field(name).related_model) for name in related]
        for name in _list_free_columns(model)
    ]
    return pages.defer(*deferred)


# Columns of Wagtail's page table that no list or card reads: the address comes from
# ``url_path``, the title from ``title``, the kind from ``content_type``. (Reading one
# anyway would cost a query per page: the query budgets' growth test would show it.)
PAGE_EDITING_COLUMNS = (
    "translation_key",
    "locale_id",
    "latest_revision_id",
    "has_unpublished_changes",
    "last_published_at",
    "live_revision_id",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by_id",
    "draft_title",
    "owner_id",
    "latest_revision_created_at",
    "alias_of_id",
    "show_in_menus",
)
PAGE_UNLISTED_TRANSLATED = ("slug", "seo_title", "search_description")


@functools.cache
def _list_free_columns(model):
    unlisted = {
        f"{name}_{code}" for name in PAGE_UNLISTED_TRANSLATED for code in LANGUAGE_CODES
    } | set(PAGE_UNLISTED_TRANSLATED)
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, (StreamField, RichTextField))
        or (
            field.model is Page
            and (field.attname in PAGE_EDITING_COLUMNS or field.attname in unlisted)
        )
    ]


def public_document(prefix=""):
    """Condition: anyone may download the document (reached through ``prefix``, e.g.
    ``"document__"``).

    Privacy is where a document is kept: it must be in a collection below the root (new
    uploads land in the private Partners collection, see access/documents.py) on which, and on whose
    ancestors, there is no view restriction. Wagtail's document view applies the same
    restrictions to every download.
    """
    return Q(**{f"{prefix}collection__depth__gt": 1}) & ~_restricted(
        CollectionViewRestriction, "collection", f"{prefix}collection__path"
    )


def public_documents(documents):
    return documents.filter(public_document())


def with_privacy(files):
    """Publication files, each knowing in the same query whether anyone may download it."""
    return files.annotate(
        public_download=ExpressionWrapper(
            public_document("document__"), output_field=BooleanField()
        )
    )


def attach_files(publications):
    """Load the files (and documents) of many publications in one query.

    ``files_for_reader`` and ``has_file_in`` then read them without further queries.
    """
    publications = [pub for pub in publications if pub is not None]
    by_id = {}
    for publication in publications:
        by_id.setdefault(publication.pk, []).append(publication)
    files = {}
    files_of_all = with_privacy(
        apps.get_model("mc2cm_portal", "PublicationFile")
        .objects.filter(publication_id__in=by_id)
        .select_related("document")
    )
    for file in files_of_all:
        files.setdefault(file.publication_id, []).append(file)
    for pk, same in by_id.items():
        for publication in same:
            publication.__dict__["_files"] = files.get(pk, [])
    return publications
