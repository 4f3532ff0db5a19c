"""Small builders for content the demo does not have. Trilingual by default."""

import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from mc2cm_portal.access.documents import portal_collections
from mc2cm_portal.demo.pdf import make_pdf
from mc2cm_portal.models import Publication, PublicationFile
from tests import LANGUAGES


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


def add_city(en, ar=None, fr=None, figures=1, region="europe", **fields):
    """A partner city under the cities index, in Spain unless told, with ``figures`` key
    figures (a population count each, one a year from 2020)."""
    from cities.models import CityFigure, CityIndexPage, CityPage

    fields = {
        "latitude": "39.47",
        "longitude": "-0.38",
        "member_since": 2024,
        **tr("country", "Spain", "إسبانيا", "Espagne"),
        **fields,
    }
    city = add_page(CityIndexPage.objects.get(), CityPage, en, ar, fr, region=region, **fields)
    for year in range(2020, 2020 + figures):
        CityFigure.objects.create(
            city=city,
            value=100_000 + year,
            unit=CityFigure.Unit.PEOPLE,
            year=year,
            **tr("label", "Population", "السكان", "Population"),
            **tr("source", "Census", "التعداد", "Recensement"),
        )
    return city


def add_meeting(index, en, start_date, **fields):
    """A peer meeting under ``index``, titled ``en`` (with "(ar)"/"(fr)" for the others).

    Held online unless ``fields`` name a host city or a venue (a meeting needs one of them).
    """
    from dialogue.models import PeerMeetingPage

    if "host_city" not in fields and "venue" not in fields:
        fields.update(tr("venue", "Online", "عبر الإنترنت", "En ligne"))
    return add_page(
        index,
        PeerMeetingPage,
        en,
        f"{en} (ar)",
        f"{en} (fr)",
        start_date=start_date,
        **tr("summary", "A meeting.", "اجتماع.", "Une réunion."),
        **fields,
    )


def public_collection():
    return portal_collections()[0]


def partners_collection():
    return portal_collections()[1]


def keep_files_in(publication, collection):
    """Move the publication's documents, as a moderator does in the document editor."""
    for file in publication.files.select_related("document"):
        file.document.collection = collection
        file.document.save()
    publication.__dict__.pop("_files", None)
    return publication


def publication(title, languages=LANGUAGES, kind=Publication.Kind.REPORT, private=False):
    """A publication with a file per language, kept in Public (or Partners if ``private``)."""
    collection = partners_collection() if private else public_collection()
    pub = Publication.objects.create(kind=kind, **tr("title", title, f"{title} ar", f"{title} fr"))
    for lang in languages:
        document = get_document_model()(title=f"{title} {lang}", collection=collection)
        pdf = make_pdf(title, [lang])
        document.file.save(f"{lang}.pdf", ContentFile(pdf), save=False)
        # Size and hash as Wagtail's upload form records them (SHA-1 of the bytes).
        document.file_size = len(pdf)
        document.file_hash = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
        document.save()
        PublicationFile.objects.create(publication=pub, language=lang, document=document)
    return pub
