"""Documents made from the content: PDFs typeset by WeasyPrint from ``templates/pdf/``.

Two uses. The files of a publication (a city's migration profile or priority document, a
meeting's background note or report, a toolkit) are made from the page that presents it:
the demo content writes them this way; editors may upload their own instead. And any
city, peer meeting or pilot project page can be downloaded as a PDF in the reader's
language: made when the page is published, kept in the default storage under the page,
language and content version until anything visitors see changes, served by ``page_pdf``
behind the page's own view restrictions. Made on a request only when it is missing.

WeasyPrint shapes Arabic through Pango and HarfBuzz; the fonts (Amiri for Arabic, DejaVu
for Latin text) are system fonts installed by ``scripts/system_deps.sh pdf`` and named in
``static/css/pdf.css``; only the glyphs used are embedded.
"""

import hashlib
import logging
import mimetypes
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page

from mc2cm_portal.access.media import STORE_ERRORS, file_store_unavailable, store_unavailable
from mc2cm_portal.caching.page_cache import committed_content_version
from mc2cm_portal.languages import current_language

logger = logging.getLogger(__name__)

# Pages offering "Download this page as PDF", and the template that makes each a document.
PAGE_TEMPLATES = {
    "cities.citypage": "pdf/city_page.html",
    "dialogue.peermeetingpage": "pdf/peer_meeting_page.html",
    "action.pilotprojectpage": "pdf/pilot_project_page.html",
}
# Pages presenting a publication (model, field): the publication's files are made from them.
PUBLICATION_PAGES = (
    ("knowledge.MigrationProfilePage", "publication", "pdf/city_publication.html"),
    ("knowledge.PriorityDocumentPage", "publication", "pdf/city_publication.html"),
    ("dialogue.PeerMeetingPage", "background_document", "pdf/peer_meeting_page.html"),
    ("dialogue.PeerMeetingPage", "report", "pdf/peer_meeting_page.html"),
    ("action.ToolkitPage", "publication", "pdf/toolkit_page.html"),
    ("action.PilotProjectPage", "publication", "pdf/pilot_project_page.html"),
)
PAGE_PDF_FOLDER = "page-pdfs"
# A page's older PDFs are removed when a newer one is made, once they are this old: another
# app server may have read the version just before a change committed, and be sending the
# older file still.
OLDER_PDFS_KEPT = timedelta(minutes=10)


# --- Typesetting -----------------------------------------------------------------------------


def _fetch_media_only(url, *args, **kwargs):
    """Let a document load the portal's own images (renditions), and nothing else.

    A body's image block points at /media/images/...; any other address (another site, a
    local file outside MEDIA_ROOT) is refused, so making a PDF never leaves the machine.
    """
    path = unquote(urlparse(url).path)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if path.startswith(settings.MEDIA_URL):
        candidate = (media_root / path[len(settings.MEDIA_URL) :]).resolve()
        if candidate.is_relative_to(media_root / "images") and candidate.is_file():
            from weasyprint.urls import URLFetcherResponse

            content_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=candidate.read_bytes(), headers={"Content-Type": content_type}
            )
    raise ValueError(f"Not fetched for a PDF: {url}")


def _page_numbers_css():
    """The footer of every page but the cover, "Page 3 of 4" in words of the active language.

    In words because "3 / 4", laid out right to left in an Arabic document, shows as
    "4 / 3". CSS can only place the counters between fixed strings: the translated sentence
    is cut at its two placeholders, in whichever order the language puts them.
    """
    marker = "\x00"
    # The sentence the lists' page numbers use (templates/includes/pagination.html).
    sentence = _("Page %(number)s of %(total)s") % {
        "number": f"{marker}page{marker}",
        "total": f"{marker}pages{marker}",
    }
    parts = []
    for number, piece in enumerate(sentence.split(marker)):
        if number % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return f"@page {{ @bottom-center {{ content: {' '.join(parts)}; }} }}"


def render_pdf(template_name, context, keep_in=None):
    """The PDF bytes of ``template_name``, rendered in the active language.

    With ``keep_in`` (a folder), the PDF is kept there under a digest of what it is made
    from (the HTML, the print stylesheet and WeasyPrint's version) and typeset again only
    when one of them changes: the demo content loads in seconds, not minutes.
    """
    # Imported here: WeasyPrint loads Pango when imported, which only PDF-making code needs.
    import weasyprint
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    stylesheet_path = finders.find("css/pdf.css")
    page_numbers = _page_numbers_css()
    project_name = _("Mediterranean City-to-City Migration")
    author = f"{project_name} (MC2CM)"
    html = render_to_string(
        template_name, {"project_name": project_name, "author": author, **context}
    )
    kept = None
    if keep_in is not None:
        digest = hashlib.sha256(html.encode())
        digest.update(Path(stylesheet_path).read_bytes())
        digest.update(page_numbers.encode())
        digest.update(weasyprint.__version__.encode())
        kept = Path(keep_in) / f"{digest.hexdigest()}.pdf"
        if kept.is_file():
            return kept.read_bytes()
    fonts = FontConfiguration()
    stylesheets = [
        CSS(filename=stylesheet_path, font_config=fonts),
        CSS(string=page_numbers, font_config=fonts),
    ]
    document = HTML(string=html, base_url="file:///", url_fetcher=_fetch_media_only)
    pdf = document.write_pdf(stylesheets=stylesheets, font_config=fonts)
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a run in parallel never reads half a file.
        partial = kept.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(pdf)
        os.replace(partial, kept)
    return pdf


def _city_parts(city):
    if city is None:
        return {"city": None, "figures": []}
    related = city.related_content()
    return {
        "city": city,
        "figures": related["figures"],
        "meetings": related["meetings_hosted"] + related["meetings_attended"],
        "projects": related["pilot_projects"],
        # As the city page lists them: a publication never published shows nowhere.
        "publications": [
            page.publication
            for page in related["migration_profiles"] + related["priority_documents"]
            if page.publication and page.publication.live
        ],
    }


def _context(page):
    """What a document about ``page`` shows, in any language: the template reads the
    translated fields in the active one, so one context serves the three."""
    label = page._meta.label_lower
    context = {
        "page": page,
        "themes": list(page.themes.all()) if hasattr(page, "themes") else [],
    }
    if label == "cities.citypage":
        context.update(_city_parts(page))
    elif label == "dialogue.peermeetingpage":
        context.update(
            meeting=page,
            city=page.host_city,
            figures=list(page.host_city.figures.all()) if page.host_city else [],
            participants=list(page.participating_cities.all()),
            publications=page.publications(),
        )
    elif label == "action.pilotprojectpage":
        context.update(
            project=page,
            city=page.city,
            figures=list(page.city.figures.all()) if page.city else [],
        )
    elif label == "action.toolkitpage":
        context.update(toolkit=page, cities=list(page.cities.all()))
    else:  # a migration profile or a priority document
        context.update(_city_parts(page.city))
    return context


def _words(page, publication=None):
    """The document's title, kind and description, in the active language."""
    if publication is not None:
        title, kind = publication.title, publication.get_kind_display()
    else:
        title, kind = page.title, str(page._meta.verbose_name).capitalize()
    description = getattr(page, "summary", "") or getattr(page, "official_name", "")
    return {"document_title": title, "kind": kind, "description": description or title}


# --- Publication files -------------------------------------------------------------------------


def publication_source(publication):
    """The page presenting ``publication``, and the template that makes its files."""
    for model_label, field, template in PUBLICATION_PAGES:
        model = apps.get_model(model_label)
        page = model.objects.filter(**{field: publication}).order_by("pk").first()
        if page is not None:
            return page, template
    return None, None


def publication_pdfs(publication, languages, keep_in=None):
    """The files of ``publication``, (language, PDF bytes) for each language, made from the
    page that presents it."""
    page, template = publication_source(publication)
    if page is None:
        raise ValueError(f"No page presents the publication {publication.pk}")
    context = {**_context(page), "publication": publication}
    for language in languages:
        with translation.override(language):
            words = _words(page, publication)
            yield language, render_pdf(template, {**context, **words}, keep_in=keep_in)


def file_name(title, language):
    """``mc2cm-<title>-<language>.pdf``, the project's prefix once even if the title has it."""
    slug = slugify(title, allow_unicode=True)[:60].strip("-")
    while slug.startswith("mc2cm-"):
        slug = slug[len("mc2cm-") :]
    return f"mc2cm-{slug or 'document'}-{language}.pdf"


# --- "Download this page as PDF" ---------------------------------------------------------------


def offers_pdf(page):
    return page.specific_class is not None and (
        page.specific_class._meta.label_lower in PAGE_TEMPLATES
    )


def _kept_name(page, language):
    # A page's PDF shows other pages too (a city's meetings, projects and documents, a
    # meeting's host city), so it is kept under what the kept pages are kept under: the running
    # code and the content version, which moves with every change visitors can see (a publish
    # anywhere, a restriction, a move, an unpublished publication). A PDF never names what its
    # reader may no longer see; one made before a backup was restored matches that content.
    # The version as committed: the cache's copy may lag by seconds on another server.
    release = slugify(settings.RELEASE)
    return f"{PAGE_PDF_FOLDER}/{page.pk}/{language}-{release}-{committed_content_version()}.pdf"


def make_page_pdf(page, language):
    page = page.specific
    with translation.override(language):
        context = {**_context(page), **_words(page)}
        return render_pdf(PAGE_TEMPLATES[page._meta.label_lower], context)


def kept_page_pdf(page, language):
    """The stored name of the page's PDF in ``language``, made first if it is missing (and
    then the older ones of that language removed)."""
    name = _kept_name(page, language)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(make_page_pdf(page, language)))
        _remove_older(page, language, name)
    return name


def _remove_older(page, language, name):
    folder = f"{PAGE_PDF_FOLDER}/{page.pk}"
    made_before = timezone.now() - OLDER_PDFS_KEPT
    for other in default_storage.listdir(folder)[1]:
        path = f"{folder}/{other}"
        if (
            path != name
            and other.startswith(f"{language}-")
            and default_storage.get_modified_time(path) < made_before
        ):
            default_storage.delete(path)


def refresh_page_pdfs(page_id):
    """Make a just-published page's PDFs in every language and drop the earlier ones."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None or not offers_pdf(page):
        return
    kept = {kept_page_pdf(page, language) for language, _name in settings.LANGUAGES}
    folder = f"{PAGE_PDF_FOLDER}/{page.pk}"
    for stale in default_storage.listdir(folder)[1]:
        if f"{folder}/{stale}" not in kept:
            default_storage.delete(f"{folder}/{stale}")


def refresh_page_pdfs_quietly(page_id):
    """After a publish: a failure is logged, and the PDF is then made on its first request."""
    try:
        refresh_page_pdfs(page_id)
    except Exception:
        logger.exception("Could not make the PDFs of page %s", page_id)


@require_safe
def page_pdf(request, page_id):
    """Serve a page's kept PDF in the reader's language, as Wagtail serves the page itself.

    The same chain as ``wagtail.views.serve``: the ``on_serve_page`` hooks wrap the answer
    (Wagtail's view-restriction check is one: a restricted page's PDF asks for the same
    password or sign-in as the page, and is never cached), ``before_serve_page`` hooks
    may answer first.
    """
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None or not offers_pdf(page):
        raise Http404
    page = page.specific
    serve = _serve_kept_pdf
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        serve = hook(serve)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, [], {})
        if isinstance(result, HttpResponse):
            return result
    return serve(page, request, [], {})


def _serve_kept_pdf(page, request, serve_args, serve_kwargs):
    language = current_language()
    try:
        name = kept_page_pdf(page, language)
    except STORE_ERRORS as error:
        if not store_unavailable(error):
            raise
        logger.warning("PDF of page %s not served: %s", page.pk, error)
        return file_store_unavailable(request)
    with translation.override(language):
        download_name = file_name(page.title, language)
    return FileResponse(
        default_storage.open(name),
        as_attachment=True,
        filename=download_name,
        content_type="application/pdf",
    )
