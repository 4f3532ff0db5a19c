"""Site search: pages and documents, in the visitor's language only.

Each live page and each publication file is flattened into one ``SearchEntry`` per
language (see models/search.py). PostgreSQL ranks entries with its full-text search and
the language's own stemming (arabic, french, english); SQLite, the local default, falls
back to matching every word.

What a visitor may open is decided when they search, in the same query (``openable``):
a page only if it is live with no view restriction on it or any ancestor, a file only if
its document's collection lets this visitor download it. The entries of restricted pages
are also left out (and dropped) when a restriction is added, removed or a page moves, but
nothing depends on that having happened in the right order.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Case, Count, F, Q, When, Window
from django.shortcuts import render
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.models import Page

from .access import openable_collections
from .models import (
    LANGUAGE_CODES,
    Publication,
    SearchEntry,
    current_language,
    public_document,
    visible,
    visible_page,
)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PER_PAGE = 10
MAX_PAGE_NUMBER = 10_000
TEXT_CONFIG = {"ar": "arabic", "fr": "french", "en": "english"}
NOT_SEARCHED = {"title", "slug", "url_path", "seo_title"}  # title has its own column
MARK_START, MARK_END = "\x02", "\x03"


# --- Building the entries ----------------------------------------------------------------


def _plain(value):
    """Visible text of a field value: strings, rich text, or the strings inside a stream."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        return " ".join(_plain(item) for item in _strings(value.raw_data))
    source = getattr(value, "source", value)  # RichText
    text = strip_tags(str(source))
    return re.sub(r"\s+", " ", text).strip()


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, item in data.items():
            if key not in ("id", "type"):
                yield from _strings(item)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _strings(item)


def _page_entries(page):
    try:
        fields = translator.get_options_for_model(type(page)).all_fields
    except NotRegistered:
        return []
    entries = []
    for language in LANGUAGE_CODES:
        title = getattr(page, f"title_{language}", "") or ""
        parts = [
            _plain(getattr(page, f"{name}_{language}", None))
            for name in fields
            if name not in NOT_SEARCHED
        ]
        text = " ".join(part for part in parts if part)
        if title:
            entries.append(SearchEntry(language=language, page=page, title=title, text=text))
    return entries


def _file_entries(publication):
    entries = []
    for file in publication.files.all():
        title = getattr(publication, f"title_{file.language}", "") or file.document.title
        with translation.override(file.language):
            text = str(publication.get_kind_display())
        entries.append(SearchEntry(language=file.language, file=file, title=title, text=text))
    return entries


def fill_vectors(entries):
    """Store the full-text vectors of these entries, each with its language's stemming."""
    if connection.vendor != "postgresql":
        return
    for language, config in TEXT_CONFIG.items():
        entries.filter(language=language).update(
            vector=SearchVector("title", weight="A", config=config)
            + SearchVector("text", weight="B", config=config)
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
    editor's change is kept in a revision; the row keeps what visitors see).
    """
    with transaction.atomic():
        SearchEntry.objects.filter(file__publication_id=publication.pk).delete()
        saved = (
            Publication.objects.filter(pk=publication.pk, live=True)
            .prefetch_related("files__document")
            .first()
        )
        if saved is not None:
            SearchEntry.objects.bulk_create(_file_entries(saved))
            fill_vectors(SearchEntry.objects.filter(file__publication=saved))


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


# --- Searching -----------------------------------------------------------------------------


def clean_query(raw):
    """The query as typed, without control characters, squeezed and cut to a sane length."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw or "")
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY_LENGTH]


class RankedMatches:
    """PostgreSQL matches in rank order, for a Paginator, in two small queries per page.

    Sorting every match with its full row (text, page, file) grew with the content: a
    common word matches most entries. Here one narrow query ranks the matches and counts
    them in the same pass (a window count), keeping only the ids of the page shown; a
    second query loads those few rows with their headlines.
    """

    def __init__(self, entries, query, language):
        self.config = TEXT_CONFIG[language]
        self.query = SearchQuery(query, config=self.config, search_type="websearch")
        self.entries = entries
        self.matches = entries.filter(vector=self.query)
        self._count = None
        self._slices = {}

    def _ranked_ids(self, start, stop):
        # The Paginator cuts the last page short (to the count): the page already ranked
        # by ``prepare`` covers it.
        for (known_start, known_stop), ids in self._slices.items():
            if known_start == start and known_stop >= stop:
                return ids[: stop - start]
        if (start, stop) not in self._slices:
            rows = list(
                self.matches.order_by()
                .annotate(rank=SearchRank(F("vector"), self.query), total=Window(Count("pk")))
                .order_by("-rank", "title", "pk")
                .values_list("pk", "total")[start:stop]
            )
            if rows:
                self._count = rows[0][1]
            self._slices[(start, stop)] = [pk for pk, _total in rows]
        return self._slices[(start, stop)]

    def prepare(self, page_number, per_page):
        """Rank the page the visitor asked for, counting all matches in the same query."""
        try:
            number = max(int(page_number), 1)
        except (TypeError, ValueError):
            number = 1
        if number <= MAX_PAGE_NUMBER:
            # Beyond, the Paginator counts first and shows the last page instead (and
            # PostgreSQL would refuse an offset past its integers).
            self._ranked_ids((number - 1) * per_page, number * per_page)

    def count(self):
        if self._count is None:
            self._count = self.matches.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, bounds):
        ids = self._ranked_ids(bounds.start or 0, bounds.stop)
        rows = self.entries.filter(pk__in=ids).annotate(
            headline=SearchHeadline(
                "text",
                self.query,
                config=self.config,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=30,
                min_words=12,
            )
        )
        by_id = {row.pk: row for row in rows.defer("vector")}
        return [by_id[pk] for pk in ids if pk in by_id]


def _search_simple(entries, query):
    terms = query.split()[:MAX_TERMS]
    for term in terms:
        entries = entries.filter(Q(title__icontains=term) | Q(text__icontains=term))
    # Entries whose title holds the first word come first.
    in_title = Case(When(title__icontains=terms[0], then=0), default=1)
    return entries.order_by(in_title, "title")


def _excerpt(text, terms, width=160):
    """Text around the first matching term, with every term marked."""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms if term]
    found = [pos for pos in positions if pos >= 0]
    start = max(0, min(found) - width // 3) if found else 0
    excerpt = text[start : start + width]
    for term in sorted(set(terms), key=len, reverse=True):
        if term:
            excerpt = re.sub(
                re.escape(term), lambda m: MARK_START + m.group(0) + MARK_END, excerpt, flags=re.I
            )
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    return prefix + excerpt + suffix


def _marked(text):
    """Escape the excerpt, then turn our private markers into <mark> elements."""
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - everything but our own <mark> tags is escaped


def openable(entries, request):
    """Only what this visitor may open: pages nobody restricts (for everyone, as the index
    holds only those), and files whose collection lets this visitor download them."""
    pages = Q(page__isnull=False) & visible_page("page__")
    if request.user.is_authenticated:
        files = Q(file__document__collection__in=openable_collections(request))
    else:
        files = public_document("file__document__")
    return entries.filter(pages | (Q(file__isnull=False) & files))


def search(request):
    language = current_language()
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        entries = openable(SearchEntry.objects.filter(language=language), request).select_related(
            "page", "page__content_type", "file__document", "file__publication"
        )
        postgres = connection.vendor == "postgresql"
        if postgres:
            matches = RankedMatches(entries, query, language)
            matches.prepare(request.GET.get("page"), PER_PAGE)
        else:
            matches = _search_simple(entries, query)
        results = Paginator(matches, PER_PAGE).get_page(request.GET.get("page"))
        terms = query.split()[:MAX_TERMS]
        for entry in results:
            excerpt = entry.headline if postgres else _excerpt(entry.text, terms)
            entry.excerpt = _marked(excerpt)
            if entry.page_id:
                entry.url = entry.page.get_url(request)
                entry.kind = entry.page.specific_class._meta.verbose_name
            else:
                entry.url = entry.file.document.url
    context = {
        "query": query,
        "results": results,
        "shortened": len(request.GET.get("q", "")) > MAX_QUERY_LENGTH,
    }
    return render(request, "mc2cm_portal/search.html", context)
