"""The search entries: one per page (or publication file) and language, kept in step.

Each live page and each publication file is flattened into one ``SearchEntry`` per
language (see models/search_entries.py), from that language's own fields, folded
(folding.py) and, on PostgreSQL, given a full-text vector with the language's stemming.
Signals refresh a page's entries when it is published, moved or restricted
(mc2cm_portal/signals.py); ``manage.py rebuild_search_entries`` rebuilds them all.
"""

import re
import threading
from contextlib import contextmanager

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from mc2cm_portal.languages import LANGUAGE_CODES
from mc2cm_portal.models import Publication, SearchEntry
from mc2cm_portal.queries import visible

from .folding import fold

TEXT_CONFIG = {"ar": "arabic", "fr": "french", "en": "english"}
NOT_SEARCHED = {"title", "slug", "url_path", "seo_title"}  # title has its own column
# Between the fields of a page in its entry's text, and between the blocks of a body: an
# excerpt crossing from one into the next (a city's official name, its country, its portrait;
# a heading and its paragraph) reads as separate items. A middle dot reads the same in
# Arabic, French and English, and folding drops it like punctuation.
FIELD_SEPARATOR = " · "
# Fields by which a page presents a publication; its file in the entry's language joins
# the page's entry (one result for the page and its PDF).
PRESENTING_FIELDS = ("publication", "background_document", "report")

_bulk = threading.local()


@contextmanager
def deferred():
    """Inside, saving and publishing queue no search work (signals.py asks
    ``is_deferred``): for loading a whole site at once, where refreshing the entries of
    every page and publication after each save would cost more than the load itself. The
    caller rebuilds the index once afterwards (``rebuild_index``)."""
    _bulk.deferred = True
    try:
        yield
    finally:
        _bulk.deferred = False


def is_deferred():
    return getattr(_bulk, "deferred", False)


def _plain(value):
    """Visible text of a field value: plain text, rich text, or a body's blocks.

    Wagtail's own text for indexing: block ends of rich text ("<p>…society.</p><p>From
    2019…") leave a space and entities are decoded, while inline tags (<a>, <em>) join the
    word they sit in; each block of a stream gives what Wagtail would index of it (a
    heading's words but not its level, an image's alternative text and caption).
    """
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        blocks = value.stream_block.get_searchable_content(value)
        return FIELD_SEPARATOR.join(text for text in map(_plain, blocks) if text)
    text = get_text_for_indexing(str(getattr(value, "source", value)))  # RichText or str
    return re.sub(r"\s+", " ", text).strip()


def _page_entries(page):
    try:
        translated = translator.get_options_for_model(type(page)).all_fields
    except NotRegistered:
        return []
    # In the order the model declares them: modeltranslation keeps its fields in a set, whose
    # order changes from one process to the next.
    fields = [field.name for field in page._meta.fields if field.name in translated]
    entries = []
    for language in LANGUAGE_CODES:
        title = getattr(page, f"title_{language}", "") or ""
        parts = [
            _plain(getattr(page, f"{name}_{language}", None))
            for name in fields
            if name not in NOT_SEARCHED
        ]
        file = None
        publications = _presented_publications(page)
        for publication in publications:
            parts.append(getattr(publication, f"title_{language}", "") or "")
        if len(publications) == 1:
            # A page presenting one publication and its file are one result; a page with
            # several (a meeting's note and report) leaves each file its own entry.
            file = publications[0].files.filter(language=language).first()
        text = FIELD_SEPARATOR.join(part for part in parts if part)
        if title:
            entries.append(_entry(language=language, page=page, file=file, title=title, text=text))
    return entries


def _entry(**fields):
    return SearchEntry(
        **fields, folded_title=fold(fields["title"]), folded_text=fold(fields["text"])
    )


def _presented_publications(page):
    """The live publications a page presents (a never-published one shows nowhere)."""
    publications = [
        getattr(page, name)
        for name in PRESENTING_FIELDS
        if getattr(page, f"{name}_id", None) is not None
    ]
    return [publication for publication in publications if publication.live]


def _presenting_pages(publication):
    """The visible pages presenting ``publication``: its files are found through them."""
    from wagtail.models import get_page_models

    pages = []
    for model in get_page_models():
        for name in PRESENTING_FIELDS:
            field = next((f for f in model._meta.concrete_fields if f.name == name), None)
            if field is not None and field.related_model is Publication:
                pages += visible(model.objects.filter(**{name: publication}))
    return pages


def _file_entries(publication):
    """Entries for the files of a publication unless a visible page presents it alone (that
    page's entries carry them, see _page_entries)."""
    if any(len(_presented_publications(page)) == 1 for page in _presenting_pages(publication)):
        return []
    entries = []
    for file in publication.files.all():
        title = getattr(publication, f"title_{file.language}", "") or file.document.title
        with translation.override(file.language):
            text = str(publication.get_kind_display())
        entries.append(_entry(language=file.language, file=file, title=title, text=text))
    return entries


def fill_vectors(entries):
    """Store the full-text vectors of these entries, each with its language's stemming."""
    if connection.vendor != "postgresql":
        return
    for language, config in TEXT_CONFIG.items():
        entries.filter(language=language).update(
            vector=SearchVector("folded_title", weight="A", config=config)
            + SearchVector("folded_text", weight="B", config=config)
        )


def index_page(page):
    """Refresh a page's entries: one per language it has a title in, none if not public."""
    page = page.specific
    with transaction.atomic():
        SearchEntry.objects.filter(page=page).delete()
        if page.live and page.depth > 1 and not page.get_view_restrictions().exists():
            SearchEntry.objects.bulk_create(_page_entries(page))
            fill_vectors(SearchEntry.objects.filter(page=page))


def index_subtree(page):
    """Refresh the entries of a page and everything below it (a view restriction was added
    or removed there, or it moved): restricted pages keep no entry."""
    pages = Page.objects.descendant_of(page, inclusive=True).filter(depth__gt=1)
    with transaction.atomic():
        SearchEntry.objects.filter(page__in=pages).delete()
        entries = [entry for each in visible(pages).specific() for entry in _page_entries(each)]
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        fill_vectors(SearchEntry.objects.filter(page__in=pages))


def index_publication(publication):
    """Refresh a publication's entries from its saved row: none unless it is live.

    Read again from the database, because the instance may carry an unpublished draft (an
    editor's change is kept in a revision; the row keeps what visitors see). The pages that
    present it carry its file in their own entries (one result), so they are refreshed too.
    """
    with transaction.atomic():
        SearchEntry.objects.filter(file__publication_id=publication.pk, page=None).delete()
        saved = (
            Publication.objects.filter(pk=publication.pk, live=True)
            .prefetch_related("files__document")
            .first()
        )
        if saved is not None:
            SearchEntry.objects.bulk_create(_file_entries(saved))
            fill_vectors(SearchEntry.objects.filter(file__publication=saved, page=None))
        for page in _presenting_pages(publication):
            index_page(page)


def rebuild_index():
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        entries = []
        for page in visible(Page.objects.filter(depth__gt=1)).specific():
            entries += _page_entries(page)
        publications = Publication.objects.filter(live=True).prefetch_related("files__document")
        for publication in publications:
            entries += _file_entries(publication)
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        fill_vectors(SearchEntry.objects.all())
    return len(entries)
