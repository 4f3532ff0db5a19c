"""Site search: pages and documents, in the visitor's language only.

Each live page and each publication file is flattened into one ``SearchEntry`` per
language (see models/search_entries.py). Both the entries and the query are folded first
(folding.py), so Arabic spelling variants, harakat, accents and case do not matter.
PostgreSQL ranks entries with its full-text search and the language's own stemming
(arabic, french, english); SQLite, the local default, falls back to matching every word.
When nothing matches, a "did you mean" offers the nearest words of the titles: pg_trgm's
similarity on PostgreSQL, difflib's on SQLite. A page and the file of the publication it
presents are one result; excerpts come from the entry's own language, cut between words.

What a visitor may open is decided when they search, in the same query (``openable``):
a page only if it is live with no view restriction on it or any ancestor, a file only if
its document's collection lets this visitor download it. The entries of restricted pages
are also left out (and dropped) when a restriction is added, removed or a page moves, but
nothing depends on that having happened in the right order.
"""

import difflib
import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, Q, When, Window
from django.shortcuts import render
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.models import Page

from mc2cm_portal.access.documents import openable_collections
from mc2cm_portal.languages import LANGUAGE_CODES, current_language
from mc2cm_portal.models import Publication, SearchEntry
from mc2cm_portal.queries import public_document, visible, visible_page

from .folding import fold, fold_with_positions

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PER_PAGE = 10
MAX_PAGE_NUMBER = 10_000
TEXT_CONFIG = {"ar": "arabic", "fr": "french", "en": "english"}
NOT_SEARCHED = {"title", "slug", "url_path", "seo_title"}  # title has its own column
MARK_START, MARK_END = "\x02", "\x03"
EXCERPT_LENGTH = 200
# Fields by which a page presents a publication; its file in the entry's language joins
# the page's entry (one result for the page and its PDF).
PRESENTING_FIELDS = ("publication", "background_document", "report")
# "Did you mean": words of at least this many letters, at least this close to what was
# typed (pg_trgm's trigram similarity; difflib's ratio, which scores higher for the same
# words), read from at most so many titles.
SUGGESTION_MIN_LENGTH = 3
TRIGRAM_SIMILARITY = 0.4
DIFFLIB_RATIO = 0.75
SUGGESTION_MAX_TITLES = 5_000


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
        file = None
        publications = _presented_publications(page)
        for publication in publications:
            parts.append(getattr(publication, f"title_{language}", "") or "")
        if len(publications) == 1:
            # A page presenting one publication and its file are one result; a page with
            # several (a meeting's note and report) leaves each file its own entry.
            file = publications[0].files.filter(language=language).first()
        text = " ".join(part for part in parts if part)
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
        self.query = SearchQuery(fold(query), config=self.config, search_type="websearch")
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
        rows = self.entries.filter(pk__in=ids).defer("vector", "folded_title", "folded_text")
        by_id = {row.pk: row for row in rows}
        return [by_id[pk] for pk in ids if pk in by_id]


def _search_simple(entries, query):
    terms = fold(query).split()[:MAX_TERMS]
    if not terms:  # punctuation only
        return entries.none()
    for term in terms:
        entries = entries.filter(Q(folded_title__contains=term) | Q(folded_text__contains=term))
    # Entries whose title holds the first word come first.
    in_title = Case(When(folded_title__contains=terms[0], then=0), default=1)
    return entries.order_by(in_title, "title")


def _excerpt(text, terms, length=EXCERPT_LENGTH):
    """About ``length`` characters of ``text`` around the first term found, cut between
    words, with every word holding a term marked.

    Terms are looked for in the folded text, so a match ignores spelling variants; a term
    PostgreSQL matched by its stem only ("cities" for "city") is looked for by its first
    letters. Without any match the excerpt is the text's beginning.
    """
    if not text:
        return ""
    folded, positions = fold_with_positions(text)
    spans = []
    for term in terms:
        for probe in (term, term[: max(SUGGESTION_MIN_LENGTH, len(term) - 2)]):
            found = [m.start() for m in re.finditer(re.escape(probe), folded)] if probe else []
            if found:
                spans += [(positions[i], positions[i + len(probe) - 1] + 1) for i in found]
                break
    first = min((start for start, _end in spans), default=0)
    start = _word_start(text, max(0, first - length // 3)) if first else 0
    stop = _word_end(text, min(len(text), start + length))
    marked = []
    for word in re.finditer(r"\w+", text[start:stop]):
        word_start, word_stop = start + word.start(), start + word.end()
        if any(a < word_stop and b > word_start for a, b in spans):
            marked.append((word_start, word_stop))
    pieces, cursor = [], start
    for word_start, word_stop in marked:
        pieces += [text[cursor:word_start], MARK_START, text[word_start:word_stop], MARK_END]
        cursor = word_stop
    pieces.append(text[cursor:stop])
    prefix = "… " if start else ""
    suffix = " …" if stop < len(text) else ""
    return prefix + "".join(pieces).strip() + suffix


def _word_start(text, index):
    """``index`` moved forward to the start of a word (not into the middle of one)."""
    while 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum():
        index += 1
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _word_end(text, index):
    """``index`` moved back to the end of a word, unless the text ends there."""
    if index >= len(text):
        return len(text)
    while index > 0 and text[index - 1].isalnum() and text[index].isalnum():
        index -= 1
    return index


def suggestion(language, query):
    """The query with each unknown word replaced by the nearest word of the titles in
    ``language``, or "" when there is nothing better to offer."""
    terms = fold(query).split()[:MAX_TERMS]
    if not terms:
        return ""
    titles = SearchEntry.objects.filter(language=language)
    known = set()
    for folded_title in titles.values_list("folded_title", flat=True)[:SUGGESTION_MAX_TITLES]:
        known.update(folded_title.split())
    corrected = []
    for term in terms:
        if term in known or len(term) < SUGGESTION_MIN_LENGTH:
            corrected.append(term)
        elif connection.vendor == "postgresql":
            corrected.append(_nearest_title_word_postgres(language, term) or term)
        else:
            near = difflib.get_close_matches(term, known, n=1, cutoff=DIFFLIB_RATIO)
            corrected.append(near[0] if near else term)
    return " ".join(corrected) if corrected != terms else ""


def _nearest_title_word_postgres(language, term):
    """pg_trgm's most similar word of the titles (created by migration 0006)."""
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM (SELECT DISTINCT regexp_split_to_table(folded_title, ' ') AS word "  # noqa: S608 - the table name is ours, values are parameters
            f"FROM {table} WHERE language = %s) AS words "
            "WHERE similarity(word, %s) >= %s ORDER BY similarity(word, %s) DESC, word LIMIT 1",
            [language, term, TRIGRAM_SIMILARITY, term],
        )
        row = cursor.fetchone()
    return row[0] if row else None


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
    # A page's entry may carry its publication's file (one result): the page decides then,
    # and the template offers the file only to who may download it.
    return entries.filter(pages | (Q(page__isnull=True, file__isnull=False) & files))


def search(request):
    language = current_language()
    query = clean_query(request.GET.get("q", ""))
    results = None
    did_you_mean = ""
    if query:
        entries = (
            openable(SearchEntry.objects.filter(language=language), request)
            .select_related("page", "page__content_type", "file__document", "file__publication")
            # Whether anyone may download the entry's file, in the same query (the page
            # results offer the file only to who may download it).
            .annotate(
                file_public=ExpressionWrapper(
                    public_document("file__document__"), output_field=BooleanField()
                )
            )
        )
        postgres = connection.vendor == "postgresql"
        if postgres:
            matches = RankedMatches(entries, query, language)
            matches.prepare(request.GET.get("page"), PER_PAGE)
        else:
            matches = _search_simple(entries, query)
        results = Paginator(matches, PER_PAGE).get_page(request.GET.get("page"))
        terms = fold(query).split()[:MAX_TERMS]
        for entry in results:
            if entry.file_id:
                entry.file.public_download = entry.file_public
            entry.excerpt = _marked(_excerpt(entry.text, terms))
            if entry.page_id:
                entry.url = entry.page.get_url(request)
                entry.kind = entry.page.specific_class._meta.verbose_name
            else:
                entry.url = entry.file.document.url
        if not results.paginator.count:
            did_you_mean = suggestion(language, query)
    context = {
        "query": query,
        "suggestion": did_you_mean,
        "results": results,
        "shortened": len(request.GET.get("q", "")) > MAX_QUERY_LENGTH,
    }
    return render(request, "mc2cm_portal/search.html", context)
