"""Site search: pages and documents, in the visitor's language only.

Each live page and each publication file is flattened into one ``SearchEntry`` per
language (indexing.py). Both the entries and the query are folded first
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

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, Q, When, Window
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from mc2cm_portal.access.documents import openable_collections
from mc2cm_portal.languages import current_language
from mc2cm_portal.models import SearchEntry
from mc2cm_portal.queries import public_document, visible_page

from .folding import fold, fold_with_positions
from .indexing import TEXT_CONFIG

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PER_PAGE = 10
MAX_PAGE_NUMBER = 10_000
MARK_START, MARK_END = "\x02", "\x03"
EXCERPT_LENGTH = 200
# "Did you mean": words of at least this many letters, at least this close to what was
# typed (pg_trgm's trigram similarity; difflib's ratio, which scores higher for the same
# words), read from at most so many titles.
SUGGESTION_MIN_LENGTH = 3
TRIGRAM_SIMILARITY = 0.4
DIFFLIB_RATIO = 0.75
SUGGESTION_MAX_TITLES = 5_000


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
        self.folded = fold(query)
        self.query = SearchQuery(self.folded, config=self.config, search_type="websearch")
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
                .order_by(_titled_as(self.folded), "-rank", "title", "pk")
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


def _titled_as(folded_query):
    """First the entries whose title is what was typed: someone searching "Tunis" looks for
    the city, which ranking by the words matched (or by title) puts after longer titles
    naming it (the city's migration profile, a peer meeting held there)."""
    return Case(When(folded_title=folded_query, then=0), default=1)


def _search_simple(entries, query):
    folded = fold(query)
    terms = folded.split()[:MAX_TERMS]
    if not terms:  # punctuation only
        return entries.none()
    for term in terms:
        entries = entries.filter(Q(folded_title__contains=term) | Q(folded_text__contains=term))
    # After the entries titled as typed, those whose title holds the first word.
    in_title = Case(When(folded_title__contains=terms[0], then=0), default=1)
    return entries.order_by(_titled_as(folded), in_title, "title")


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


@require_safe
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
