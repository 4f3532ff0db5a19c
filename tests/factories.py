"""Small builders for content the demo does not have. Trilingual by default."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from mc2cm_portal.demo.pdf import make_pdf
from mc2cm_portal.models import Publication, PublicationFile

LANGUAGES = ("ar", "fr", "en")


def tr(field, en, ar=None, fr=None):
    """Keyword arguments for a translated field, the base column holding English."""
    return {field: en, f"{field}_en": en, f"{field}_ar": ar or "", f"{field}_fr": fr or ""}


def page_kwargs(en, ar=None, fr=None, slug=None):
    slug = slug or en.lower().replace(" ", "-")
    return {
        **tr("title", en, ar, fr),
        **{f"slug{s}": f"{slug}{s.replace('_', '-')}" for s in ("", "_ar", "_fr", "_en")},
    }


def add_page(parent, model, en, ar=None, fr=None, slug=None, **fields):
    page = model(**page_kwargs(en, ar, fr, slug), **fields)
    parent.add_child(instance=page)
    return page


def publication(title, languages=LANGUAGES, kind=Publication.Kind.REPORT):
    pub = Publication.objects.create(kind=kind, **tr("title", title, f"{title} ar", f"{title} fr"))
    for lang in languages:
        document = get_document_model()(title=f"{title} {lang}")
        document.file.save(f"{lang}.pdf", ContentFile(make_pdf(title, [lang])), save=False)
        document._set_document_file_metadata()
        document.save()
        PublicationFile.objects.create(publication=pub, language=lang, document=document)
    return pub
